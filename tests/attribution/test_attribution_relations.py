"""Who is the speaker when the speaker phrase names somebody or something else too: a possessor with a bare
apostrophe ("Woods' agent, Mark Steinberg"), a relative named through "of" ("the sister of photojournalist Luke
Somers"), the subject of a relative clause ("analyst Sara Collins, who said ..."), a dateline the phrase runs into
("TOPEKA, Kan. — Riverside General Hospital said"), a name modifying the speaker's own ("Putin spokesman Dmitry
Peskov"), a group somebody leads ("the leader of the militant group Boko Haram"), a surname the entity recogniser
did not tag ("Hershberger said"), and people or a role of a place ("Kansas City police", "the mayor of Iguala"),
who are not the place. Short passages from several domains."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements

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
    "hospital": "TOPEKA, Kan. — Riverside General Hospital said on Sunday that the patient did not have the virus.\n",
    "bank": "FRANKFURT, Germany - Nordbank said on Monday that it had agreed to buy a smaller rival.\n",
    "court": "DENVER, Feb. 12 — Summit Airlines said on Tuesday that it would appeal the ruling.\n",
    "aviation": (
        "Skyline Airways has grounded twelve jets, the Federal Aviation Administration said on Friday.\n\n"
        "The company said passengers would be rebooked on other flights.\n\n"
        "Skyline Airways said the inspections would take about a week.\n\n"
        "The agency said the checks covered every jet of that model in the fleet.\n"
    ),
    "rebels": "MAIDUGURI, Nigeria — The leader of the rebel group said the hostages would be freed next week.\n",
    "kremlin": "Putin spokesman Dmitry Peskov said the talks in Geneva had been useful.\n",
    "insurgency": (
        "Boko Haram leader Abubakar Shekau said the hostages were alive.\n\n"
        "The leader of the militant group Boko Haram said the army had lost the war.\n"
    ),
    "plant": (
        "The plant manager, Jeff Hershberger, told reporters the leak had been contained.\n\n"
        "Inspectors visited the site on Friday.\n\n"
        "Hershberger said production would resume next week.\n"
    ),
    "ward": (
        "Hospital spokeswoman Christine Hamele said the patient was in good condition.\n\n"
        "The ward was closed for two hours on Saturday night.\n\n"
        "Hamele said the patient had been released on Monday.\n"
    ),
    "police": "Kansas City police said on Sunday that the apartment building had been sealed off.\n",
    "town": "The mayor of Iguala said the bodies had been found outside the town.\n",
    "station": "A Wichita station reported that the patient had tested positive.\n",
    "cabinet": "The Nigerian government said on Friday that a ceasefire had been agreed.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def said(dossier: Dossier, name: str, content: str) -> Statement:
    return next(s for s in statements(dossier, name) if content in s.content)


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
    from crosswire.attribution.speaker_pronouns import _BEFORE_RELATIVE

    assert _BEFORE_RELATIVE.fullmatch(", an adviser to the bank, ")
    assert _BEFORE_RELATIVE.fullmatch(", 48, ")
    assert not _BEFORE_RELATIVE.fullmatch(", and then spoke to the minister, ")


@pytest.mark.parametrize(
    ("name", "content", "speaker"),
    [
        ("hospital", "did not have the virus", "Riverside General Hospital"),
        ("bank", "agreed to buy", "Nordbank"),
        ("rebels", "would be freed", "The leader of the rebel group"),
        ("court", "would appeal the ruling", "Summit Airlines"),
    ],
)
def test_a_dateline_is_no_part_of_the_speaker(dossier: Dossier, name: str, content: str, speaker: str) -> None:
    statement = said(dossier, name, content)
    assert statement.speaker_text == speaker
    assert statement.speaker_start is not None and statement.speaker_start > 0


def test_a_place_in_the_dateline_is_not_the_speaker(dossier: Dossier) -> None:
    assert speaker_name(dossier, said(dossier, "rebels", "would be freed")) not in {"Nigeria", "Maiduguri"}
    assert speaker_name(dossier, said(dossier, "hospital", "did not have the virus")) == "Riverside General Hospital"


def test_a_name_that_modifies_the_speakers_name_is_not_the_speaker(dossier: Dossier) -> None:
    assert speaker_name(dossier, said(dossier, "kremlin", "had been useful")) == "Dmitry Peskov"
    assert speaker_name(dossier, said(dossier, "insurgency", "were alive")) == "Abubakar Shekau"


def test_the_leader_of_a_group_is_not_the_group(dossier: Dossier) -> None:
    statement = said(dossier, "insurgency", "lost the war")
    assert speaker_name(dossier, statement) != "Boko Haram"


@pytest.mark.parametrize(
    ("name", "content", "person"),
    [("plant", "would resume", "Jeff Hershberger"), ("ward", "released on Monday", "Christine Hamele")],
)
def test_a_surname_alone_is_the_person_named_in_full_before(
    dossier: Dossier, name: str, content: str, person: str
) -> None:
    statement = said(dossier, name, content)
    assert speaker_name(dossier, statement) == person
    assert statement.source_type == "person"


@pytest.mark.parametrize(
    ("name", "content"),
    [("police", "sealed off"), ("town", "found outside the town"), ("station", "tested positive")],
)
def test_people_or_a_role_of_a_place_are_not_the_place(dossier: Dossier, name: str, content: str) -> None:
    statement = said(dossier, name, content)
    assert speaker_name(dossier, statement) not in {"Kansas City", "Iguala", "Wichita"}


def test_the_government_of_a_nation_still_speaks_for_it(dossier: Dossier) -> None:
    assert speaker_name(dossier, said(dossier, "cabinet", "ceasefire had been agreed")) == "Nigerian"


def test_a_description_of_a_public_body_or_a_company_keeps_them_apart(dossier: Dossier) -> None:
    """An aviation story: "the agency" is the Federal Aviation Administration named before, though an airline spoke
    in between, and is an organization, not an outlet; "the company" is the airline, never the administration."""
    agency = said(dossier, "aviation", "every jet of that model")
    assert speaker_name(dossier, agency) == "Federal Aviation Administration"
    assert agency.source_type == "organization"
    company = said(dossier, "aviation", "rebooked")
    assert speaker_name(dossier, company) == "Skyline Airways"
