"""A one-word masthead ("Sportblad reported ...") is an outlet when the article says so by a verb of publishing
(the outlet's noun given before, "the newspaper Tidende", already made it one). Passages of a transfer, a merger, a
trial and a recall; a country that reports cases and a person's surname after a verb of publishing are no
outlet."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, statements

from crosswire.model import Dossier

PASSAGES = {
    "transfer": "Rovers have agreed a fee of 12 million euros for the striker Luca Bianchi. Kurjeren reported earlier"
    " on Tuesday that the player had passed a medical.\n",
    "merger": "Talks between the two shipping lines broke down on Friday, Handelsposten reported, citing three people"
    " close to the negotiations.\n",
    "trial": "The jury retired to consider its verdict on Monday. Gazetta published on Tuesday a letter in which the"
    " defendant admitted taking the money.\n",
    "recall": "The toy maker is recalling 40,000 drones whose batteries can overheat, Forbrukeren reported on"
    " Wednesday.\n",
    "country": "Norway reported 120 new cases of the virus on Monday, the highest daily count since March.\n",
    "surname": "Engineer Maria Lund inspected the bridge on Monday. Lund reported that two of its cables were"
    " corroded.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


@pytest.mark.parametrize(
    ("name", "words"),
    [("transfer", "Kurjeren"), ("merger", "Handelsposten"), ("trial", "Gazetta"), ("recall", "Forbrukeren")],
)
def test_a_one_word_name_that_publishes_is_an_outlet(dossier: Dossier, name: str, words: str) -> None:
    found = [s for s in statements(dossier, name) if s.speaker_text == words]
    assert found and all(s.source_type == "media" for s in found)


def test_a_country_that_reports_stays_no_outlet(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "country") if s.speaker_text == "Norway"]
    assert all(s.source_type != "media" for s in found)


def test_a_surname_named_in_full_before_stays_a_person(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "surname") if s.speaker_text == "Lund"]
    assert found and all(s.source_type == "person" for s in found)
