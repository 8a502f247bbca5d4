"""Who is the speaker when the speaker phrase names somebody else too: a possessor with a bare apostrophe ("Woods'
agent, Mark Steinberg"), a relative named through "of" ("the sister of photojournalist Luke Somers"), and the
subject of a relative clause ("analyst Sara Collins, who said ..."). Short passages from several domains."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.model import Dossier, Statement

PASSAGES = {
    "golf": (
        "Golfer Dan Olsen said on Friday that Tiger Woods had failed a drug test.\n\n"
        '"These claims are completely false," Woods\' agent, Mark Steinberg, said on Saturday.\n'
    ),
    "hostage": (
        "The photojournalist Luke Somers was killed in a failed rescue attempt, officials said.\n\n"
        "The sister of British-born photojournalist Luke Somers said she learned of his death from the FBI.\n"
    ),
    "trial": (
        "The banker James Harris was convicted on Tuesday of fraud.\n\n"
        "Mr Harris' daughter, Emily Harris, told reporters the family was devastated.\n\n"
        "A lawyer for the convicted banker James Harris said he would appeal the verdict.\n"
    ),
    "merger": (
        "Acme Corp said on Monday it had agreed to buy Brightline for $2 billion.\n\n"
        "The deal was criticised by analyst Sara Collins, who said the price was too high.\n"
    ),
    "lab": (
        "The newspaper spoke to Wilfried Strauch, an adviser to the Institute of Earth Studies, who said it was very"
        " strange that no one saw a flash.\n"
    ),
    "league": "The striker has sources who tell him that the club will be sold in the summer.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    folder = tmp_path_factory.mktemp("relations")
    for name, text in PASSAGES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return analyze([str(folder)], tmp_path_factory.mktemp("out"), verbatim=True).dossier


def said(dossier: Dossier, name: str, content: str) -> Statement:
    wanted = next(a.id for a in dossier.articles if Path(a.source).stem == name)
    return next(s for s in dossier.statements if s.article == wanted and content in s.content)


def speaker_name(dossier: Dossier, statement: Statement) -> str | None:
    entity = next((e for e in dossier.entities if e.id == statement.speaker), None)
    return entity.name if entity else None


def test_a_possessor_with_a_bare_apostrophe_is_not_the_speaker(dossier: Dossier) -> None:
    agent = said(dossier, "golf", "completely false")
    assert "Steinberg" in (speaker_name(dossier, agent) or "")
    daughter = said(dossier, "trial", "devastated")
    assert speaker_name(dossier, daughter) == "Emily Harris"


def test_a_relative_or_a_lawyer_of_a_named_person_is_not_that_person(dossier: Dossier) -> None:
    sister = said(dossier, "hostage", "learned of his death")
    assert sister.speaker is None and sister.source_type == "person"
    lawyer = said(dossier, "trial", "appeal the verdict")
    assert lawyer.speaker is None


def test_the_subject_of_a_relative_clause_is_the_noun_it_modifies(dossier: Dossier) -> None:
    """The statement keeps the pronoun as its speaker's words (PolNeAR marks the source so); the link names the
    antecedent."""
    analyst = said(dossier, "merger", "too high")
    assert analyst.speaker_text == "who"
    assert speaker_name(dossier, analyst) == "Sara Collins" and analyst.source_type == "person"
    sources = said(dossier, "league", "the club will be sold")
    assert sources.speaker is None and sources.source_type == "anonymous"  # "who" is "sources": unnamed
    adviser = said(dossier, "lab", "no one saw a flash")
    assert speaker_name(dossier, adviser) == "Wilfried Strauch"


def test_a_name_before_a_clause_that_ends_in_another_noun_is_not_the_relative_antecedent() -> None:
    from crosswire.attribution.statements import _BEFORE_RELATIVE

    assert _BEFORE_RELATIVE.fullmatch(", an adviser to the bank, ")
    assert _BEFORE_RELATIVE.fullmatch(", 48, ")
    assert not _BEFORE_RELATIVE.fullmatch(", and then spoke to the minister, ")
