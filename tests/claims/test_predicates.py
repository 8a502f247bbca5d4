"""Predicates: two propositions about one party that say different things of it are two claims."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.claims.merge import SAME_CLAIM, cluster
from crosswire.claims.predicates import PredicateReader, different_deeds, stem
from crosswire.claims.propositions import Proposition


@pytest.fixture(scope="module")
def reader() -> PredicateReader:
    return PredicateReader()


def test_stems_fold_a_verb_and_its_nouns() -> None:
    assert stem("betting") == stem("bet")
    assert stem("involvement") == stem("involve")
    assert stem("transfers") == stem("transfer")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # A trial: the defendant's denial, his being a victim and his being lied to are three claims.
        ("The defendant never bribed the judge.", "The defendant is considered a victim of fraud."),
        ("The defendant never bribed the judge.", "The defendant had been lied to by his accountant."),
        # A merger: a bid and the absence of one, a board's review and a chief's departure.
        ("Acme is in early talks to acquire Borealis.", "Acme has no intention of making an offer for Borealis."),
        ("Borealis is reviewing the offer.", "Borealis fired its chief executive."),
        # A war: a strike and a withdrawal by one army.
        ("The army shelled the port overnight.", "The army withdrew from the northern villages."),
        # Sport: a player's suspension and his transfer.
        ("The striker was suspended for three matches.", "The striker signed a new contract with the club."),
    ],
)
def test_different_deeds_of_one_party(reader: PredicateReader, left: str, right: str) -> None:
    assert different_deeds(reader.of(left), reader.of(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # The same deed in other words, negated or not: one claim to confirm or deny.
        ("He never bet on sports.", "I want everyone to know he had zero involvement in betting."),
        ("I do want to make it clear that I never bet on sports.", "He bet on baseball games."),
        ("Acme is in talks to buy Borealis.", "Acme is not in talks with Borealis."),
        ("The army shelled the port overnight.", "The port was shelled by the army."),
        ("The striker was suspended for three matches.", "The league suspended the striker."),
        # What the agent or object of the deed did is part of it ("discovered by a resident who found it").
        ("The painting was discovered by a farmer who found it in his barn.", "The painting was found in a barn."),
        ("The ferry was sunk by a submarine that torpedoed it at dawn.", "A submarine torpedoed the ferry."),
    ],
)
def test_one_deed_in_other_words(reader: PredicateReader, left: str, right: str) -> None:
    assert not different_deeds(reader.of(left), reader.of(right))


def test_a_fragment_is_never_told_apart(reader: PredicateReader) -> None:
    assert not different_deeds(reader.of("Lukra bridge"), reader.of("The army shelled the port overnight."))


def _proposition(article: str, text: str, entities: set[str], event: str | None = "ev-1") -> Proposition:
    return Proposition(
        article=article,
        start=0,
        end=len(text),
        text=text,
        stance="reports",
        statement=None,
        source=None,
        source_text=article,
        source_type="media",
        root_key=f"outlet:{article}",
        party_key=f"outlet:{article}",
        entities=frozenset(entities),
        event=event,
    )


def _vectors(similarity: float) -> np.ndarray:
    """Two unit vectors this close."""
    return np.array([[1.0, 0.0], [similarity, (1 - similarity**2) ** 0.5]], dtype=np.float32)


def test_two_deeds_of_one_party_stay_two_claims_short_of_near_identity() -> None:
    """A trial: both sentences report the hearing and embed alike, yet say different things of the defendant."""
    propositions = [
        _proposition("t1", "The defendant never bribed the judge.", {"e-defendant"}),
        _proposition("t2", "The defendant is considered a victim of fraud.", {"e-defendant"}),
    ]
    assert cluster(propositions, _vectors(0.75), ["story", "story"]) == [[0], [1]]
    # Near-identical wording still says one thing, whatever the parse reads.
    assert cluster(propositions, _vectors(SAME_CLAIM + 0.05), ["story", "story"]) == [[0, 1]]


def test_one_deed_or_two_parties_are_left_to_the_other_tests() -> None:
    same_deed = [
        _proposition("m1", "Acme is in talks to buy Borealis.", {"e-acme"}),
        _proposition("m2", "Acme is holding talks with Borealis about a deal.", {"e-acme"}),
    ]
    assert cluster(same_deed, _vectors(0.75), ["story", "story"]) == [[0, 1]]
    # No party named by both: the predicate says nothing of whether they are one claim about one subject.
    other_parties = [
        _proposition("w1", "Divers planted the explosives in June.", {"e-navy"}),
        _proposition("w2", "The pipelines were destroyed by blasts in September.", {"e-pipeline"}),
    ]
    assert cluster(other_parties, _vectors(0.75), ["story", "story"]) == [[0, 1]]
