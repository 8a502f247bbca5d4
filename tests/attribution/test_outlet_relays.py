"""What relays a statement and what does not (issue 17, third battery): an outlet told or interviewed is in ``via``;
a court, a person, a lawyer interviewed with the speaker or a platform posted on is not. "Ruled out" denies."""

from __future__ import annotations

import json

import pytest
from passages_support import analyze_passages, statements

from crosswire.analyze import analyze
from crosswire.model import Dossier

PASSAGES = {
    "told_the_court": "The builder Omar Reid told the court that he had never met the investors.\n",
    "told_a_person": "The coach Ana Ferreira told Marta Sousa that the squad would be named on Friday.\n",
    "interview_with_lawyer": "In an interview with his lawyer present, the goalkeeper Ivo Kral said he would appeal"
    " the ban.\n",
    "posted_on_facebook": "The brewer Hal Moss wrote on Facebook that the taproom would close in June.\n",
    "told_reuters": "The miner Dalgren Resources told Reuters that it would shut two pits in Kiruna.\n",
    "ruled_out": "Finance Minister Petra Lind ruled out a rise in fuel duty this year.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def _relayed(dossier: Dossier, name: str) -> list[str]:
    names = {e.id: e.name for e in dossier.entities}
    return [names.get(v, v) for s in statements(dossier, name) for v in s.via]


@pytest.mark.parametrize("name", ["told_the_court", "told_a_person", "interview_with_lawyer", "posted_on_facebook"])
def test_no_outlet_no_relay(dossier: Dossier, name: str) -> None:
    assert statements(dossier, name)
    assert _relayed(dossier, name) == []


def test_an_outlet_told_relays(dossier: Dossier) -> None:
    assert "Reuters" in _relayed(dossier, "told_reuters")
    contents = [s.content for s in statements(dossier, "told_reuters")]
    assert any(c.startswith("that it would shut") for c in contents), contents


def test_the_articles_own_outlet_told_relays_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "X told Reuters" in Reuters' own copy is the outlet's own interview: first-hand, no relay; the same words in
    another outlet's copy relay it."""
    folder = tmp_path_factory.mktemp("own-outlet")
    text = "The miner Dalgren Resources told Reuters on Monday that it would shut two pits in Kiruna.\n"
    records = [
        {"id": "own", "text": text, "outlet": "Reuters"},
        {"id": "other", "text": text, "outlet": "Dagens Nyheter"},
    ]
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    dossier = analyze([str(folder)], tmp_path_factory.mktemp("out")).dossier
    names = {e.id: e.name for e in dossier.entities}
    relayed = {
        article: [names.get(v, v) for s in dossier.statements if s.article == article for v in s.via]
        for article in ("own", "other")
    }
    assert any("shut two pits" in s.content for s in dossier.statements if s.article == "own")
    assert relayed == {"own": [], "other": ["Reuters"]}, relayed


def test_ruled_out_denies(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "ruled_out") if "fuel duty" in s.content]
    assert found and all(s.stance_class == "deny" for s in found), found
