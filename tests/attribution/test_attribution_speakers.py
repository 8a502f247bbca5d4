"""Speakers through the document, linked to entities by the corpus stage: relayed sources, pronouns and role nouns,
descriptions of organizations. Short passages from several domains, analysed together as one small pile."""

from __future__ import annotations

import pytest
from passages_support import speaker_name, statements

from crosswire.analyze import analyze
from crosswire.model import Dossier, Statement

PASSAGES = {
    "agency": (
        "MOSCOW — The Interfax news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying that the contacts"
        " with Washington were useful.\n"
    ),
    "wire": "Reuters quoted a spokeswoman for the port authority as saying the terminal would reopen in May.\n",
    "museum": (
        "Museum director Clara Veldt said the missing painting had been returned by a collector on Friday.\n\n"
        "“We are grateful that Pieter Jansen brought it back,” she said.\n"
    ),
    "recall": (
        "Toyota spokeswoman Akiko Sato said the recall would widen to older models.\n\n"
        "A Honda spokesperson said the company had seen no such faults in its own cars.\n"
    ),
    "brewer": (
        "Heineken said on Thursday it was not in talks to buy Carlsberg.\n\n"
        "The Dutch brewing giant said it had no plans to make an offer.\n"
    ),
    "trial": "LONDON (AP) — Former banker Mark Ellison said Tuesday he never signed the loan documents.\n",
    "cabinet": (
        "Greek Prime Minister Kyriakos Mitsotakis's office said on Friday that the strike had been called off.\n\n"
        "The office said ministers would meet the union leaders next week.\n"
    ),
    "carmaker": (
        "Volvo Cars said on Monday it would recall 50,000 vehicles over a braking fault.\n\n"
        "The Swedish carmaker said no injuries had been reported.\n\n"
        "A Volvo spokeswoman declined to comment on the cost. She said the company was working with regulators.\n"
    ),
    "ward": (
        "Doctors at Riverside General Hospital treated the patient overnight.\n\n"
        "The hospital said visitors would be allowed again on Tuesday.\n"
    ),
    "campus": (
        "Jeff Roe, the spokesman for the Springfield Health Department, said the outbreak was contained.\n\n"
        "The department said two students were still in isolation.\n"
    ),
    "merger": (
        "A Unilever spokesman did not deny the report on Monday.\n\n"
        "They said: “As we have said many times before, we do not comment on market rumours.”\n"
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    folder = tmp_path_factory.mktemp("passages")
    for name, text in PASSAGES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return analyze([str(folder)], tmp_path_factory.mktemp("out"), verbatim=True).dossier


def test_quoted_as_saying_is_the_quoted_persons_statement_relayed_via_the_agency(dossier: Dossier) -> None:
    found = statements(dossier, "agency")
    inner = [s for s in found if s.via]
    assert inner, found
    assert "Ryabkov" in (inner[0].speaker_text or "")
    assert inner[0].content.endswith("were useful")
    outer = next(s for s in found if s.id == inner[0].via[0])
    assert "Interfax" in (outer.speaker_text or "")


def test_quoted_as_saying_an_unnamed_spokeswoman(dossier: Dossier) -> None:
    inner = [s for s in statements(dossier, "wire") if s.via]
    assert inner and (inner[0].speaker_text or "").startswith("a spokeswoman")
    assert "Reuters" not in (inner[0].speaker_text or "")


def test_a_pronoun_is_not_the_person_the_quote_talks_about(dossier: Dossier) -> None:
    quote = next(s for s in statements(dossier, "museum") if s.direct)
    assert speaker_name(dossier, quote) is not None
    assert "Veldt" in (speaker_name(dossier, quote) or "")


def test_an_unnamed_spokesperson_speaks_for_the_organization_named_with_it(dossier: Dossier) -> None:
    honda = next(s for s in statements(dossier, "recall") if (s.speaker_text or "").startswith("A Honda"))
    assert "Sato" not in (speaker_name(dossier, honda) or "")
    assert "Honda" in (speaker_name(dossier, honda) or "")


def test_a_description_of_a_company_is_the_company(dossier: Dossier) -> None:
    found = statements(dossier, "brewer")
    described = next(s for s in found if "giant" in (s.speaker_text or ""))
    assert "Heineken" in (speaker_name(dossier, described) or "")
    assert all(s.stance_class == "deny" for s in found)


def test_a_lead_with_a_time_between_cue_and_clause_yields_a_denial(dossier: Dossier) -> None:
    found = statements(dossier, "trial")
    assert found and found[0].content.startswith("he never signed")
    assert found[0].stance_class == "deny"
    assert "Ellison" in (speaker_name(dossier, found[0]) or "")


def test_they_continues_the_organization_that_spoke_just_before(dossier: Dossier) -> None:
    they = next(s for s in statements(dossier, "merger") if s.speaker_text == "They")
    assert "Unilever" in (speaker_name(dossier, they) or "")


def test_a_persons_office_speaks_for_the_person_and_the_office_again_is_the_same(dossier: Dossier) -> None:
    found = statements(dossier, "cabinet")
    assert len(found) >= 2
    assert all("Mitsotakis" in (speaker_name(dossier, s) or "") for s in found[:2])


def test_a_described_company_with_a_nationality_is_the_company_not_the_nationality(dossier: Dossier) -> None:
    found = statements(dossier, "carmaker")
    described = next(s for s in found if s.speaker_text == "The Swedish carmaker")
    assert "Volvo" in (speaker_name(dossier, described) or "")
    she = next(s for s in found if s.speaker_text == "She")
    assert "Volvo" in (speaker_name(dossier, she) or "")


def test_a_described_institution_is_the_one_named_before(dossier: Dossier) -> None:
    hospital = next(s for s in statements(dossier, "ward") if s.speaker_text == "The hospital")
    assert speaker_name(dossier, hospital) == "Riverside General Hospital"


def test_a_description_does_not_repeat_a_person_whose_phrase_ends_in_that_noun(dossier: Dossier) -> None:
    department = next(s for s in statements(dossier, "campus") if s.speaker_text == "The department")
    assert speaker_name(dossier, department) != "Jeff Roe"


def test_a_named_person_the_recogniser_missed_is_not_the_organization_that_spoke_before() -> None:
    """A speaker phrase that ends in a personal name is that person even when no entity mention covers it: the
    fallback that gives "a spokesman said" to the organization that spoke just before must not take a named officer,
    captain or lawyer for it."""
    from crosswire.attribution.statements import link_article
    from crosswire.model import Article, Entity, Mention

    club = "The club"
    named = "press officer and former captain Lars Olav Berg"
    unnamed = "a spokesman"
    text = (
        f"{club} said on Monday the coach would stay.\n\n"
        f"– It is nonsense, {named} told the paper.\n\n"
        f"Later {unnamed} said the board had met.\n"
    )
    entities = {"org:club": Entity(id="org:club", name="Harlow Town", type="ORG")}

    def said(index: int, phrase: str, source: str) -> Statement:
        start = text.index(phrase)
        return Statement(
            id=f"s{index}",
            article="a1",
            start=start,
            end=start + len(phrase) + 20,
            speaker_text=phrase,
            speaker_start=start,
            speaker_end=start + len(phrase),
            source_type=source,  # type: ignore[arg-type]
            content_start=start + len(phrase) + 1,
            content_end=start + len(phrase) + 20,
        )

    article = Article(
        id="a1",
        source="club.txt",
        text=text,
        mentions=[Mention(start=0, end=len(club), text=club, label="ORG", entity="org:club")],
    )
    article.statements = [said(0, club, "organization"), said(1, named, "person"), said(2, unnamed, "person")]
    link_article(article, entities)
    assert [s.speaker for s in article.statements] == ["org:club", None, "org:club"]
