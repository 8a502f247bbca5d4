"""Speakers named by a role, a description or an age, read on unseen stories of a rate decision, a transfer saga, a
trial and a relief effort: "the Bank's governor" is the governor named before, "the committee" the committee named
before, "the 24-year-old" the person just named. Short passages from several domains."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements

from crosswire.model import Dossier

PASSAGES = {
    "rates": (
        "The Reserve Bank of Ruritania raised rates on Tuesday. Governor Mark Tilden said inflation was too high.\n\n"
        "The Bank's governor said further rises were possible.\n"
    ),
    "inquiry": (
        "The Senate Ethics Committee opened an inquiry into the senator on Monday, and the Justice Department"
        " stayed silent. The committee said it would call witnesses in June.\n"
    ),
    "driver": (
        "Police named the driver as Tom Ashby, who was arrested at the scene. The 24-year-old told officers he had"
        " not been drinking.\n"
    ),
    "keeper": (
        "Harbour City have signed the Danish goalkeeper Kasper Holm from Midtjylland. The 29-year-old said he was"
        " proud to join.\n"
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def test_a_role_with_a_possessive_institution_is_the_person_holding_it(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "rates") if (s.speaker_text or "").startswith("The Bank")]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in statements(dossier, "rates")]
    assert speaker_name(dossier, found[0]) == "Mark Tilden"


def test_an_institution_described_by_its_head_noun_is_the_one_named_so(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "inquiry") if (s.speaker_text or "").lower() == "the committee"]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in statements(dossier, "inquiry")]
    assert speaker_name(dossier, found[0]) == "Senate Ethics Committee"


@pytest.mark.parametrize(("name", "person"), [("driver", "Tom Ashby"), ("keeper", "Kasper Holm")])
def test_a_person_described_by_age_is_the_person_just_named(dossier: Dossier, name: str, person: str) -> None:
    found = [s for s in statements(dossier, name) if "year-old" in (s.speaker_text or "")]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in statements(dossier, name)]
    assert speaker_name(dossier, found[0]) == person
