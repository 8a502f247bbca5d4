"""Speakers described by what they are, read on unseen stories of a product launch, a film casting, a young
trader and a traveller's illness: the place, nationality or company that describes a speaker is not the speaker,
a relative clause after a speaker names no speaker, an outlet is named by its description, and a name holding the
word of an unnamed source is still a name. Short passages from several domains."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements

from crosswire.attribution.sources import source_type
from crosswire.model import Dossier, Mention

PASSAGES = {
    "savings": (
        "A Kenyan man who lost his savings in a Nairobi pyramid scheme said the organisers had vanished.\n\n"
        "An Italian woman said she had paid twice.\n"
    ),
    "athlete": (
        "The 34-year-old, from Leeds, England, told reporters he had trained for six years.\n\n"
        "Midfielder Carlos Mendes, who joined the club from Porto last summer, said the team needed a new coach.\n"
    ),
    "skipper": (
        "Harbour Magazine profiled the skipper, who sails for the Bayside Yacht Club, in its March issue. The"
        " magazine reported that he had sailed alone for 40 days.\n"
    ),
    "casting": (
        "Screen Daily first reported the casting on Monday. The publication said the actor had signed for two films.\n"
    ),
    "laptop": "French Apple website iMacNews reported that the laptop would cost $900.\n",
    "gadget": "French Apple website iGen reported that the watch would cost $500.\n",
    "blog": "The tablet will cost 600 euros, the Dutch blog iCulture reported on Tuesday.\n",
    "insider": "Retail Insider reported on Monday that the chain would close 40 stores.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def test_a_person_described_by_a_nationality_or_a_place_is_not_that_place(dossier: Dossier) -> None:
    found = statements(dossier, "savings")
    assert len(found) == 2, found
    for statement in found:
        assert statement.speaker is None, (statement.speaker_text, speaker_name(dossier, statement))
        assert statement.source_type == "person", statement.speaker_text


def test_a_person_from_a_place_is_not_the_place_and_a_relative_clause_names_nobody(dossier: Dossier) -> None:
    athlete, midfielder = statements(dossier, "athlete")
    assert athlete.speaker is None and athlete.source_type == "person", speaker_name(dossier, athlete)
    assert speaker_name(dossier, midfielder) == "Carlos Mendes"


def test_a_description_of_an_outlet_is_the_outlet_named_before(dossier: Dossier) -> None:
    found = next(s for s in statements(dossier, "skipper") if s.content.endswith("40 days"))
    assert speaker_name(dossier, found) == "Harbour Magazine"  # not the yacht club, the last name before it
    reported, said = statements(dossier, "casting")
    assert speaker_name(dossier, said) == speaker_name(dossier, reported) == "Screen Daily"


def test_a_company_or_nationality_describing_an_outlet_is_not_the_speaker(dossier: Dossier) -> None:
    (gadget,) = statements(dossier, "gadget")
    assert speaker_name(dossier, gadget) == "iGen"
    (laptop,) = statements(dossier, "laptop")
    assert speaker_name(dossier, laptop) != "Apple"
    (blog,) = statements(dossier, "blog")
    assert blog.speaker is None and blog.source_type == "media", speaker_name(dossier, blog)


def test_a_capitalised_insider_closing_a_name_is_an_outlet_not_an_unnamed_source(dossier: Dossier) -> None:
    (found,) = statements(dossier, "insider")
    assert found.source_type != "anonymous"
    assert speaker_name(dossier, found) == "Retail Insider"


def test_an_outlet_named_insider_the_recogniser_missed_is_no_unnamed_source() -> None:
    assert source_type("Football Insider", []) != "anonymous"


@pytest.mark.parametrize(
    ("phrase", "names", "kind"),
    [
        ("Business Insider", [("Business Insider", "ORG")], "organization"),
        ("insiders", [], "anonymous"),
        ("an industry insider", [], "anonymous"),
        ("The Post", [("Post", "ORG")], "organization"),
        ("the post", [], "document"),
        ("A number of geologists in Reykjavik", [("Reykjavik", "GPE")], "anonymous"),
        ("An Australian man", [("Australian", "NORP")], "person"),
        ("The 21-year-old, from Bunbury", [("Bunbury", "GPE")], "person"),
    ],
)
def test_source_types_of_described_speakers(phrase: str, names: list[tuple[str, str]], kind: str) -> None:
    mentions = [Mention(start=phrase.index(t), end=phrase.index(t) + len(t), text=t, label=label) for t, label in names]
    assert source_type(phrase, mentions) == kind
