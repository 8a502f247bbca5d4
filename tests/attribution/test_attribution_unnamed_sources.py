"""Unnamed sources through the document, read on unseen stories of a merger, a trial, a transfer, a resignation and a
ban: a request not to be named is no statement of its own and makes its speaker anonymous; "the people" taken up
again are the anonymous sources named before; a role held for somebody ("his lawyer", "Park's spokesperson") is the
person the article names in that role for that somebody, else an unnamed source described by whom it serves."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements

from crosswire.model import Dossier

REQUESTS = {
    "merger": (
        "Harlow Foods is in advanced talks to buy Pinecrest Dairy for about $2 billion, according to three people"
        " familiar with the talks. A deal could be announced as soon as next week, the people said, asking not to be"
        " named because the discussions are private.\n"
    ),
    "trial": (
        "Prosecutors are preparing to drop two of the fraud charges against Daniel Okafor, two people briefed on the"
        " case said. The decision has not been finalised, the people said, asking not to be identified.\n"
    ),
    "transfer": (
        "Rovers have agreed a fee of 40 million euros for striker Luca Bianchi, according to two sources close to the"
        " club. The player will have a medical on Friday, the sources said, asking not to be named because they were"
        " not authorised to speak publicly.\n"
    ),
    "cabinet": (
        "The finance minister plans to resign before the budget, according to four officials with knowledge of the"
        " matter. He has told colleagues he will leave in March, the officials said, requesting anonymity to discuss"
        " private conversations.\n"
    ),
}
ROLES = {
    "doping": (
        "The sprinter Kofi Mensah failed a drug test in May. Mensah's lawyer said the sample had been contaminated.\n"
    ),
    "driving": (
        "The prosecutor's lawyer, Peter Hall, asked for a delay. The footballer Marco Rossi denies dangerous driving."
        " He will plead not guilty, his lawyer said.\n"
    ),
    "bid": (
        "Ines Duarte, the chief executive of Harlow Foods, has rejected the offer. Her spokeswoman said the bid"
        " undervalued the company.\n"
    ),
    "senate": (
        "Maria Gonzalez, a senator from Texas, voted against the farm bill on Thursday. Her spokesperson said the"
        " senator would back a smaller bill.\n"
    ),
    "appeal": (
        "Jane Roe, a lawyer for Daniel Okafor, told reporters the charges were false. Okafor appeared in court on"
        " Monday. His lawyer said he would appeal.\n"
    ),
    "fraud": (
        "Daniel Okafor, a former bank manager, is accused of taking $3 million from clients. Okafor's lawyer, Sarah"
        " Quinn, told the court on Monday that the money was a loan. The prosecutor's lawyer, Peter Hall, said the"
        " transfers were hidden. Okafor's lawyer said her client would testify.\n"
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, {**REQUESTS, **ROLES})


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_a_request_not_to_be_named_is_one_anonymous_statement(dossier: Dossier, name: str) -> None:
    found = statements(dossier, name)
    cues = [s.cue for s in found]
    assert not {"asking", "requesting", "speaking", "speak", "discuss"} & set(cues), cues
    assert len(found) == 2, cues
    later = max(found, key=lambda s: s.start)
    assert later.cue == "said", cues
    assert later.source_type == "anonymous", (later.speaker_text, later.source_type)
    assert later.speaker is None


def test_the_people_taken_up_again_are_no_person(dossier: Dossier) -> None:
    names = {entity.name.lower() for entity in dossier.entities}
    assert not {"the people", "people", "the officials"} & names, names


@pytest.mark.parametrize(
    ("name", "described"),
    [
        ("doping", "Kofi Mensah's lawyer"),
        ("driving", "Marco Rossi's lawyer"),
    ],
)
def test_a_role_held_for_somebody_nobody_names_is_an_unnamed_source(
    dossier: Dossier, name: str, described: str
) -> None:
    said = [s for s in statements(dossier, name) if s.cue == "said"]
    assert len(said) == 1, said
    statement = said[0]
    assert statement.speaker is None, speaker_name(dossier, statement)  # never the prosecutor's lawyer
    assert statement.source_type == "anonymous", statement.source_type
    text = next(a.text for a in dossier.articles if a.id == statement.article)
    assert statement.speaker_start is not None and statement.speaker_end is not None
    assert statement.speaker_text == text[statement.speaker_start : statement.speaker_end]  # offsets index the text
    assert statement.speaker_text.split()[-1] == described.split()[-1]  # the role's own words, "his lawyer"


@pytest.mark.parametrize(("name", "principal"), [("bid", "Ines Duarte"), ("senate", "Maria Gonzalez")])
def test_a_spokesperson_nobody_names_speaks_for_the_one_they_serve(dossier: Dossier, name: str, principal: str) -> None:
    """ "Her spokeswoman said", with no spokeswoman named: the principal's word, as "Putin's spokesman" is Putin's
    and "a Shell spokesman" Shell's; a lawyer, above, speaks in their own name and stays unnamed."""
    said = [s for s in statements(dossier, name) if s.cue == "said"]
    assert len(said) == 1, said
    statement = said[0]
    assert speaker_name(dossier, statement) == principal, (statement.speaker_text, statement.source_type)
    assert statement.source_type == "person", statement.source_type
    text = next(a.text for a in dossier.articles if a.id == statement.article)
    assert statement.speaker_start is not None and statement.speaker_end is not None
    assert statement.speaker_text == text[statement.speaker_start : statement.speaker_end]


def test_a_role_held_for_somebody_is_the_holder_named_for_that_somebody(dossier: Dossier) -> None:
    found = {s.speaker_text: s for s in statements(dossier, "fraud")}
    assert speaker_name(dossier, found["Okafor's lawyer"]) == "Sarah Quinn", found.keys()
    assert found["Okafor's lawyer"].source_type == "person"


def test_a_pronoun_read_as_the_holder_herself_leaves_the_role_to_its_holder(dossier: Dossier) -> None:
    said = [s for s in statements(dossier, "appeal") if s.cue == "said"]
    assert [speaker_name(dossier, s) for s in said] == ["Jane Roe"], [(s.speaker_text, s.source_type) for s in said]
