"""Claims clustered one story at a time, wherever each story runs, are the claims clustered over the whole corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from crosswire.claims.merge import cluster_claims, cluster_claims_by_story
from crosswire.claims.predicates import Predicate, PredicateReader
from crosswire.claims.propositions import Proposition
from crosswire.nlp.embeddings import encode

# Three stories told in interleaved articles: a merger, a trial and a ceasefire, paraphrases and rival claims in each.
LINES = [
    ("merger", "Harlow Foods is in talks to buy Pemberton Dairies", {"harlow", "pemberton"}, False),
    ("trial", "A jury found Peter Hale guilty of fraud", {"hale"}, False),
    ("merger", "Harlow Foods is negotiating a takeover of Pemberton Dairies", {"harlow", "pemberton"}, False),
    ("war", "Artillery struck the border town of Marsa on Tuesday", {"marsa"}, False),
    ("trial", "Peter Hale was convicted of fraud by the jury", {"hale"}, False),
    ("merger", "Harlow Foods was not in talks to buy Pemberton Dairies", {"harlow", "pemberton"}, False),
    ("war", "The army denied that its troops fired first near Marsa", {"marsa", "army"}, False),
    ("trial", "Hale took 2 million pounds from the housing fund", {"hale"}, False),
    ("war", "Shells hit Marsa, a town on the border, on Tuesday", {"marsa"}, False),
    ("merger", "Shares in Pemberton Dairies rose after the market closed", {"pemberton"}, True),
    ("lone", "The city council approved a new budget for parks", set(), False),
    ("trial", "The former councillor was found guilty of fraud in Leeds", {"hale"}, True),
]


def _propositions() -> tuple[list[Proposition], list[str]]:
    propositions = [
        Proposition(
            article=f"{story}-{number}",
            start=0,
            end=len(text),
            text=text,
            stance="reports",
            statement=None if tentative else f"{story}-{number}:s0",
            source=None,
            source_text=None,
            source_type="organization",
            root_key=f"r{number}",
            party_key=f"p{number}",
            entities=frozenset(entities),
            tentative=tentative,
        )
        for number, (story, text, entities, tentative) in enumerate(LINES)
    ]
    return propositions, [story for story, *_ in LINES]


def _backwards(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """A map that runs the items last first (as workers may finish them), returning the results in order."""
    return list(reversed([fn(item) for item in reversed(items)]))


def test_story_by_story_gives_the_corpus_clustering() -> None:
    propositions, stories = _propositions()
    vectors = encode([proposition.text for proposition in propositions])
    whole = cluster_claims(propositions, vectors, stories)
    assert any(len(claim) > 1 for claim in whole), "no story merged anything: the comparison would prove nothing"
    assert cluster_claims_by_story(propositions, vectors, stories, None) == whole
    assert cluster_claims_by_story(propositions, vectors, stories, _backwards) == whole
    assert sorted(index for claim in whole for index in claim) == list(range(len(propositions)))


def test_the_tentative_lines_predicates_are_read_in_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the tentative lines' joins ask of the predicate reader was parsed ahead, in one batch with the rest, not
    one text at a time as each join asks (a text parsed alone costs the parser about twice as much)."""
    propositions, stories = _propositions()
    vectors = encode([proposition.text for proposition in propositions])
    expected = cluster_claims(propositions, vectors, stories)
    batches: list[list[str]] = []
    asked: list[str] = []
    read, of = PredicateReader.read, PredicateReader.of

    def counting_read(self: PredicateReader, texts: Sequence[str]) -> None:
        fresh = [text for text in dict.fromkeys(texts) if text not in self._predicates]
        if fresh:
            batches.append(fresh)
        read(self, texts)

    def counting_of(self: PredicateReader, text: str) -> Predicate:
        asked.append(text)
        return of(self, text)

    monkeypatch.setattr(PredicateReader, "read", counting_read)
    monkeypatch.setattr(PredicateReader, "of", counting_of)
    assert cluster_claims(propositions, vectors, stories) == expected
    tentative = {proposition.text for proposition in propositions if proposition.tentative}
    assert tentative & set(asked), "no tentative line was tested for its predicate: the test would prove nothing"
    assert all(len(batch) > 1 for batch in batches)
