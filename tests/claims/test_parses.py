"""Clause parses made once: packed in a worker, restored on the driver, split exactly as a fresh parse splits."""

from __future__ import annotations

import pytest

from crosswire.claims import clauses
from crosswire.claims.clauses import ClauseReader
from crosswire.claims.parses import ParseSpool, known_parses, pack, recording

SENTENCES = [
    # A trial, a merger, a war: coordinated clauses and a relative clause about a name.
    "he never saw the money and his accountant Ana Ruiz moved it offshore",
    "Shell is in early talks to acquire BP, which is considering the approach",
    "the ceasefire held overnight but both armies moved artillery toward the river",
]
NAMES = {SENTENCES[1]: [(SENTENCES[1].index("BP"), SENTENCES[1].index("BP") + 2)]}


def _splits(reader: ClauseReader) -> list[list[clauses.Clause]]:
    return [reader.split(text, NAMES.get(text, [])) for text in SENTENCES]


def test_restored_parses_split_like_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    with recording() as parsed:
        fresh = _splits(ClauseReader(SENTENCES))
    assert set(parsed) == set(SENTENCES)
    spool = ParseSpool()
    try:
        spool.add(pack({text: parsed[text] for text in SENTENCES[:2]}))
        spool.add(pack({SENTENCES[2]: parsed[SENTENCES[2]]}))
        assert len(spool) == 3

        def no_parse(texts: list[str]) -> list[object]:
            if texts:
                raise AssertionError(f"parsed again: {texts}")
            return []

        monkeypatch.setattr(clauses, "_parse", no_parse)
        with known_parses(spool):
            assert _splits(ClauseReader(SENTENCES)) == fresh
    finally:
        spool.close()
    assert fresh[0][1].text == "his accountant Ana Ruiz moved it offshore"
    assert [clause.text for clause in fresh[1]] == [
        "Shell is in early talks to acquire BP",
        "BP is considering the approach",
    ]


def test_a_sentence_the_workers_did_not_parse_is_parsed_as_before() -> None:
    spool = ParseSpool()
    try:
        with recording() as parsed:
            ClauseReader(SENTENCES[:1])
        spool.add(pack(parsed))
        assert spool.docs(["not parsed by anyone and never packed"]) == {}
        with known_parses(spool), recording() as again:
            reader = ClauseReader(SENTENCES)
        # Only what the spool lacked was parsed here.
        assert set(again) == set(SENTENCES[1:])
        assert _splits(reader) == _splits(ClauseReader(SENTENCES))
    finally:
        spool.close()
