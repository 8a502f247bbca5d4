"""Own-voice sentences that report no recognised event: a claim when two articles of the story state them, a source
added to the claim another article puts forward, and nothing when one narrator alone writes them."""

from __future__ import annotations

import numpy as np
from claims_support import article, dossier, entity, statement

from crosswire.claims.propositions import Proposition, carried, extract
from crosswire.claims.stage import build_claims, denials_to_their_claims
from crosswire.model import Claim, Dossier


def _claims_about(result: Dossier, words: str) -> list[Claim]:
    return [claim for claim in result.claims if words.lower() in claim.text.lower()]


def test_a_line_two_narrators_state_is_a_claim_of_both() -> None:
    """A trial: two papers each write, in their own voice, that the judge is expected to rule on the motion."""
    people = [entity("e-ortega", "Maria Ortega"), entity("e-weiss", "Daniel Weiss")]
    names = {"Maria Ortega": "e-ortega", "Daniel Weiss": "e-weiss"}
    one = article(
        "t1",
        "Judge Maria Ortega is also expected to rule on the motion to dismiss the fraud charges against Daniel Weiss.",
        names=names,
        outlet="Courier",
    )
    two = article(
        "t2",
        "Judge Maria Ortega is expected to rule on the motion to dismiss the fraud charges against Daniel Weiss.",
        names=names,
        outlet="Tribune",
    )
    result = dossier([one, two], people, [])
    build_claims(result)
    (claim,) = _claims_about(result, "rule on the motion")
    assert {(stance.article, stance.stance) for stance in claim.stances} == {("t1", "reports"), ("t2", "reports")}


def test_a_line_one_narrator_alone_writes_is_no_claim() -> None:
    """A merger: a company's size, written by one paper only, is background, not a claim of the story."""
    firms = [entity("e-harlow", "Harlow Foods", "ORG")]
    one = article(
        "m1", "Harlow Foods employs about 12000 people in three countries.", names={"Harlow Foods": "e-harlow"}
    )
    other = article("m2", "Shares in the dairy group rose sharply in early trading.", outlet="Ledger")
    result = dossier([one, other], firms, [])
    propositions, _ = extract(result.articles, result, {})
    assert [p.tentative for p in propositions] == [True]
    assert not carried(propositions)
    build_claims(result)
    assert result.claims == []


def test_a_narrator_stating_a_quoted_claim_reports_it() -> None:
    """A war: a colonel says the militia holds the northern bank; another paper states it as fact. The paper is a
    source of the colonel's claim, not a claim of its own."""
    people = [entity("e-voss", "Anton Voss"), entity("e-militia", "the Northern Militia", "ORG")]
    names = {"Anton Voss": "e-voss", "the Northern Militia": "e-militia", "The Northern Militia": "e-militia"}
    one = article(
        "w1",
        "Colonel Anton Voss said the Northern Militia controls the northern bank of the river near the old bridge.",
        names=names,
        outlet="Herald",
    )
    two = article(
        "w2",
        "The Northern Militia controls the northern bank of the river near the old bridge.",
        names=names,
        outlet="Globe",
    )
    statements = [
        statement(
            one,
            0,
            speaker_text="Colonel Anton Voss",
            cue="said",
            speaker="e-voss",
            content="the Northern Militia controls the northern bank of the river near the old bridge",
        )
    ]
    result = dossier([one, two], people, statements)
    build_claims(result)
    (claim,) = _claims_about(result, "northern bank")
    assert {(stance.article, stance.stance) for stance in claim.stances} == {("w1", "confirms"), ("w2", "reports")}


def test_fragments_questions_and_nameless_lines_stay_out() -> None:
    """Sport: a teaser question, a fragment cut mid-clause and a line naming nobody and no figure are not claims,
    however many pages repeat them."""
    names = {"Tom Reyes": "e-reyes"}
    texts = [
        "Will Tom Reyes play in the final on the clay courts?",
        "and Tom Reyes was seen leaving the training ground early",
        "The crowd cheered loudly as the players walked out onto the court.",
    ]
    articles = [article(f"p{number}", " ".join(texts), names=names, outlet=f"Outlet {number}") for number in range(2)]
    result = dossier(articles, [entity("e-reyes", "Tom Reyes")], [])
    propositions, _ = extract(result.articles, result, {})
    assert propositions == []


def _proposition(number: int, text: str, stance: str, *, tentative: bool = False) -> Proposition:
    return Proposition(
        article=f"m{number}",
        start=0,
        end=len(text),
        text=text,
        stance=stance,
        statement=None if tentative else f"m{number}:s0",
        source=None,
        source_text=None,
        source_type="organization",
        root_key=f"r{number}",
        party_key=f"p{number}",
        tentative=tentative,
    )


def _unit(*values: float) -> np.ndarray:
    vector = np.array([*values, 0.0, 0.0, 0.0][:4], dtype=np.float32)
    return vector / float(np.linalg.norm(vector))


def test_a_partys_denial_goes_to_the_positive_claim_it_denies() -> None:
    """A merger: "Harlow Foods said it was not in talks" merged with the buyer's "no intention of making an offer"
    (a claim all in the negative) denies the report that Harlow Foods is in talks, a claim of the same story; a
    tentative background line beside them does not make their claim a positive one."""
    propositions = [
        _proposition(0, "Harlow Foods is in talks to buy Pemberton Dairies", "reports"),
        _proposition(1, "Harlow Foods was not in talks to buy Pemberton Dairies", "denies"),
        _proposition(2, "Harlow Foods has no intention of making an offer for Pemberton Dairies", "confirms"),
        _proposition(3, "Shares in Pemberton Dairies rose after the market closed", "reports", tentative=True),
    ]
    story = {f"m{number}": "merger" for number in range(4)}
    close = np.stack([_unit(1, 0), _unit(0.8, 0.6), _unit(0.5, 0.87), _unit(0.6, 0.8)])
    assert denials_to_their_claims(propositions, close, [[0], [1, 2, 3]], story) == [[0, 1], [2, 3]]
    far = np.stack([_unit(1, 0), _unit(0.3, 0.95), _unit(0.5, 0.87), _unit(0.6, 0.8)])
    assert denials_to_their_claims(propositions, far, [[0], [1, 2, 3]], story) == [[0], [1, 2, 3]]
    other_story = {**story, "m0": "another"}
    assert denials_to_their_claims(propositions, close, [[0], [1, 2, 3]], other_story) == [[0], [1, 2, 3]]
