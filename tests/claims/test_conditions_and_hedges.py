"""The twelfth round's claims mechanisms: a deed on a condition or held possible is no deed told as done, a hedge
stands behind nothing, a denial answers only a line naming what it denies, an earlier version of a piece named as
what said a line takes it back, and a claim one source confirms and two more back holds up. Cases from a dock strike,
a football club's accounts, a power cut, a vaccine delivery, a harvest, a bridge and a court."""

from __future__ import annotations

import numpy as np
import pytest
from claims_support import article, dossier, statement

from crosswire.claims import contradictions
from crosswire.claims.merge import _other_deed, conflicting
from crosswire.claims.predicates import PredicateReader
from crosswire.claims.propositions import Proposition
from crosswire.claims.stage import build_claims
from crosswire.claims.stances import clause_stance_of
from crosswire.claims.verdicts import StanceRecord, verdict_of
from crosswire.claims.voices import masthead_keys
from crosswire.model import Claim, ClaimStance, Dossier


def _line(text: str, stance: str = "confirms", article_id: str = "wire") -> Proposition:
    return Proposition(
        article=article_id, start=0, end=len(text), text=text, stance=stance, statement=None, source=None,
        source_text=None, source_type="unknown", root_key=f"outlet:{article_id}", party_key=f"outlet:{article_id}",
    )  # fmt: skip


def test_a_deed_on_a_condition_is_never_one_claim_with_the_deed_done() -> None:
    done = _line("The dockers' union went on strike at the container terminal on Monday")
    threat = _line("The dockers' union would strike at the container terminal if the talks failed", article_id="tv")
    assert conflicting(threat, done) and conflicting(done, threat)
    # "if" first, the modal after the comma
    assert conflicting(_line("If the talks fail, the union could strike at the terminal on Monday"), done)
    # two modal lines may be one claim: a threat and a plan
    assert not conflicting(threat, _line("The dockers' union will strike at the container terminal", article_id="tv"))


def test_a_future_whose_if_belongs_to_a_noun_is_no_condition() -> None:
    """ "will travel to Oslo to warn of the consequences if the talks fail" tells a journey to come; against the
    journey told as done it is no conditional (nor is it a deed done, but that is for the identity model)."""
    trip = _line("The minister will travel to Oslo on Monday to warn of the consequences if the talks fail")
    assert not conflicting(trip, _line("The minister travelled to Oslo on Monday", article_id="tv"))


def test_a_deed_held_possible_is_never_one_claim_with_the_deed_done() -> None:
    accounts = _line("The club breached the league's spending rules in 2023")
    assert conflicting(_line("The club may also have breached the spending rules in 2022", article_id="tv"), accounts)
    assert conflicting(_line("The club possibly breached the league's spending rules", article_id="tv"), accounts)
    assert not conflicting(_line("The club breached the league's spending rules", article_id="tv"), accounts)


def _said(content: str, source_type: str = "organization") -> tuple[str, str | None]:
    item = article("feed", f"The health board says {content}.", outlet="Health Alerts")
    said = statement(item, 0, speaker_text="The health board", cue="says", content=content, source_type=source_type)
    return clause_stance_of(said, "confirms", content, split=False)


def test_a_possibility_a_source_raises_is_reported_not_confirmed() -> None:
    assert _said("the vaccine may also have been stored at the wrong temperature")[0] == "reports"
    assert _said("the vaccine was perhaps delivered to the wrong clinic")[0] == "reports"
    assert _said("the vaccine was stored at the wrong temperature")[0] == "confirms"


def test_a_denial_of_a_thing_the_line_never_names_answers_nothing_in_it() -> None:
    """ "denied that pesticides were sprayed on the field on the day of the harvest" is no answer to "part of the
    harvest was lost late on Sunday", though the time phrase shares "harvest"; unless the two are alike as wholes."""
    predicates = PredicateReader()
    denial = _line("pesticides were sprayed on the field on the day of the harvest", stance="denies")
    lost = _line("Part of the harvest was lost late on Sunday", article_id="paper")
    assert _other_deed(denial, lost, predicates, 0.51)
    assert not _other_deed(denial, lost, predicates, 0.65)
    # a line that names what is denied may be what the denial answers
    sprayed = _line("Pesticides were sprayed on the field in May, a farmhand said", article_id="paper")
    assert not _other_deed(denial, sprayed, predicates, 0.51)
    # a name as the subject is a party, which a line may name another way: not read so
    party = _line("Harrow Farms had been told about the spraying", stance="denies")
    assert not _other_deed(party, _line("workers told managers about the spraying in May"), predicates, 0.51)


def _claims_at(result: Dossier, article_id: str, phrase: str) -> list[Claim]:
    text = next(a.text for a in result.articles if a.id == article_id)
    return [
        c for c in result.claims if any(e.article == article_id and phrase in text[e.start : e.end] for e in c.evidence)
    ]


def test_an_earlier_version_named_as_what_said_a_line_takes_it_back() -> None:
    """ "Correction: An earlier version of this article said the bridge was built in 1932. It was built in 1928.":
    a piece names an earlier version of itself only to correct it."""
    said = "the bridge over the Avon was built in 1932"
    text = f"Correction: An earlier version of this article said {said}. It was built in 1928 by the county council."
    paper = article("paper", text, story="s", outlet="Avon Courier")
    other = article("radio", "The bridge over the Avon will close for repairs in June, the council said.", story="s")
    statements = [
        statement(paper, 0, speaker_text="Correction: An earlier version of this article", cue="said", content=said,
                  source_type="unknown"),
        statement(other, 0, speaker_text="the council", cue="said", source_type="organization",
                  content="The bridge over the Avon will close for repairs in June"),
    ]  # fmt: skip
    result = dossier([paper, other], [], statements)
    build_claims(result)
    built = _claims_at(result, "paper", "built in 1932")
    assert built and all(c.verdict == "denied" for c in built)


def _record(article_id: str, stance: str, root: str) -> StanceRecord:
    return StanceRecord(
        ClaimStance(source=None, source_text=root, article=article_id, stance=stance),  # type: ignore[arg-type]
        root, root, False, "2025-04-02", 0, False,
    )  # fmt: skip


def test_a_claim_one_source_confirms_and_two_more_back_is_corroborated() -> None:
    """A court's clerk confirms the sentence on the record; two papers report it on their own: it holds up. One
    confirmation and one report alone is still unverified."""
    clerk = _record("wire", "confirms", "e-clerk")
    first, second = _record("paper", "reports", "outlet:paper"), _record("tv", "reports", "outlet:tv")
    assert verdict_of([clerk, first, second]) == ("corroborated", 3)
    assert verdict_of([clerk, first]) == ("unverified", 2)
    assert verdict_of([_record("wire", "reports", "e-clerk"), first, second]) == ("unverified", 3)


def test_dated_lines_of_one_claim_a_little_less_alike_date_one_thing_two_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """A court's adjournment the wire dates Monday and a broadcaster Tuesday, in sentences whose contexts are 0.48
    alike (under the 0.52 two dated sentences of a story ask): when the claims stage made the two lines one claim,
    they date one thing two ways; lines of two claims so alike do not."""
    wire_text = "The judge adjourned the fraud trial on Monday, the court said."
    tv_text = "The court says the judge adjourned the trial on Tuesday, and set a new date in May."
    wire = article("wire", wire_text, story="s", published="2025-03-04", dates={"Monday": "2025-03-03"})
    tv = article("tv", tv_text, story="s", published="2025-03-05", dates={"Tuesday": "2025-03-04"})
    dated = contradictions.DatedSentence
    compared = [
        [
            dated(wire, 0, len(wire_text), "2025-03-03", "Monday", "a", None, wire_text.index("Monday")),
            dated(tv, 0, len(tv_text), "2025-03-04", "Tuesday", "b", None, tv_text.index("Tuesday")),
        ]
    ]
    vectors = np.array([[1.0, 0.0], [0.48, float(np.sqrt(1 - 0.48**2))]])
    monkeypatch.setattr(contradictions, "encode_cached", lambda texts, cache, prefer: vectors)
    lines = [_line(wire_text, article_id="wire"), _line(tv_text, article_id="tv")]
    assert contradictions.date_pairs(compared) == []
    found = contradictions.claim_date_pairs(compared, lines, {0: 0, 1: 0}, [])
    assert [(left.value, right.value) for left, right in found] == [("2025-03-03", "2025-03-04")]
    assert contradictions.claim_date_pairs(compared, lines, {0: 0, 1: 1}, []) == []


def test_an_outlet_named_by_the_last_words_of_one_masthead_is_that_outlet() -> None:
    """ "the Evening Post has learned" in the Wexmoor Evening Post's pages and a feed's "according to the Wexmoor
    Evening Post" are one source; "the Post" where the pile holds two Posts names neither, nor does "Times" become
    any outlet when no masthead of the pile ends with it."""
    keys = masthead_keys(["Wexmoor Evening Post", "Harbour Morning Post", "Campus Wire"])
    assert keys["evening post"] == "wexmoor evening post"
    assert "post" not in keys and "times" not in keys
    assert masthead_keys(["Wexmoor Evening Post", "Evening Post"]).get("evening post") is None
