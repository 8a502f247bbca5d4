"""Speakers named through somebody else or by what they are, read on written stories of a merger review, a ferry
trial, a hospital hack and an airline strike: a possessed spokesperson speaks for the possessor ("the prime minister's
spokesman", "Vale's spokesman"), "the union" is the name the article calls a union, "the broadcaster" the outlet
whose name says so, "the ministry" never a company, "a Kenyan court" not Kenya, "the group behind the attack on X"
not X, and "Lyon's mayor, Paul de Moreau" not the outlet that spoke before. Short passages from several domains, each
with the wrong answer the old fallbacks gave within reach."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements

from crosswire.model import Dossier, Statement

PASSAGES = {
    "premier": (
        "Harland Steel said on Monday it would close its plant in Dunmore. Prime Minister Lena Holt said the"
        " closure was a blow to the region.\n\n"
        "The prime minister's spokesman said the government would not buy the plant.\n"
    ),
    "unnamed_premier": (
        "Skyra Air said the strike had cost it about 40 million euros. Labour Minister Ana Ruiz brokered the deal.\n\n"
        "The prime minister's spokesman said the government had not offered the airline any support.\n"
    ),
    "mayor_spokesman": (
        "Mayor Ruth Vale closed the Kelling bridge after the storm. Tarmac Works said repairs would take a month.\n\n"
        "Vale's spokesman said the bridge would reopen in May.\n"
    ),
    "club_spokeswoman": (
        "The Estonian club Flora Tallinn sacked their manager on Sunday after a fifth defeat. Baltic Holdings said"
        " it would buy a stake in the club.\n\n"
        "The club's spokeswoman said a new manager would be named within a week.\n"
    ),
    "union": (
        "Workers were called out by the Fellesforbundet union on Monday. Norsk Metall said the plant in Raufoss"
        " would stay open.\n\n"
        "The union said the strike would last a week.\n"
    ),
    "broadcaster": (
        "Hackers stole the files of 4,000 customers, according to Coastal Broadcasting. Ridgeway Bank said it was"
        " investigating.\n\n"
        "The hackers posted samples of the files on Tuesday, the broadcaster reported.\n"
    ),
    "ministry": (
        "Skyra Air said the strike was over. Government sources said the state had promised the airline cheaper"
        " loans.\n\n"
        "The transport ministry denied that any aid had been promised.\n"
    ),
    "court": (
        "Lakeside Power signed the contract in 2021. A Kenyan court said on Friday that the contract was void.\n\n"
        "The company said it would appeal.\n"
    ),
    "placed": (
        "Halvorsen Shipping said the ferry was safe. The court in Oslo ruled on Monday that the company had broken"
        " the law.\n\nThe court in Oslo said the fine would be paid within a month.\n"
    ),
    "behind": (
        "Dunmore Water said a cyberattack shut down its billing systems on Saturday.\n\n"
        "The group behind the attack on Dunmore Water said it had stolen the records of 9,000 customers.\n"
    ),
    "particle": (
        "The Lyon Courier reported that the stadium would be sold. Lyon's mayor, Paul de Moreau, said he opposed"
        " the sale.\n"
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def _by_speaker(dossier: Dossier, name: str, opening: str) -> Statement:
    found = [s for s in statements(dossier, name) if (s.speaker_text or "").lower().startswith(opening.lower())]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in statements(dossier, name)]
    return found[0]


def test_the_spokesman_of_a_role_is_the_word_of_the_person_named_with_it(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "premier", "The prime minister's spokesman")
    assert speaker_name(dossier, spoken) == "Lena Holt"


def test_the_spokesman_of_nobody_named_is_neither_the_company_that_spoke_before_nor_another_minister(
    dossier: Dossier,
) -> None:
    spoken = _by_speaker(dossier, "unnamed_premier", "The prime minister's spokesman")
    assert spoken.speaker is None


def test_a_named_persons_spokesman_speaks_for_that_person(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "mayor_spokesman", "Vale's spokesman")
    assert speaker_name(dossier, spoken) == "Ruth Vale"


def test_the_spokeswoman_of_a_described_club_is_the_club(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "club_spokeswoman", "The club's spokeswoman")
    assert speaker_name(dossier, spoken) == "Flora Tallinn"


def test_the_union_is_the_name_the_article_calls_a_union(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "union", "The union")
    assert speaker_name(dossier, spoken) == "Fellesforbundet"


def test_the_broadcaster_is_the_outlet_whose_name_says_so(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "broadcaster", "the broadcaster")
    assert speaker_name(dossier, spoken) == "Coastal Broadcasting"


def test_a_ministry_is_never_the_company_that_spoke_before(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "ministry", "The transport ministry")
    assert speaker_name(dossier, spoken) != "Skyra Air"
    assert spoken.source_type == "organization"


def test_a_court_of_a_nation_is_not_the_nation_and_the_company_is_the_company(dossier: Dossier) -> None:
    court = _by_speaker(dossier, "court", "A Kenyan court")
    assert court.speaker is None
    company = _by_speaker(dossier, "court", "The company")
    assert speaker_name(dossier, company) == "Lakeside Power"


def test_a_court_in_a_place_is_not_the_place(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "placed") if (s.speaker_text or "").startswith("The court in")]
    assert found, [(s.speaker_text, s.content) for s in statements(dossier, "placed")]
    assert all(speaker_name(dossier, spoken) != "Oslo" for spoken in found)


def test_what_a_group_is_behind_is_not_the_group(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "behind", "The group behind")
    assert speaker_name(dossier, spoken) != "Dunmore Water"


def test_a_name_with_a_particle_closing_the_phrase_is_a_person_not_the_outlet_before(dossier: Dossier) -> None:
    spoken = _by_speaker(dossier, "particle", "Lyon's mayor")
    assert speaker_name(dossier, spoken) in {None, "Paul de Moreau"}
    assert spoken.source_type == "person"
