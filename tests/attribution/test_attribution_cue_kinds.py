"""Cue kinds read without a verb of saying: a title's source named by a surname alone, the turns of a transcript and
a possessed noun of stance. Short passages from many desks; each test can fail."""

from __future__ import annotations

import pytest

from crosswire.attribution import finder as attribution
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement


def run(text: str) -> list[Statement]:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    return attribution.extract(article)


def colon_statements(text: str) -> list[Statement]:
    return [s for s in run(text) if s.cue == ":"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Okafor: Merger Will Close By June\n\nChief executive Ada Okafor told staff on Monday that regulators had "
            "cleared the deal.",
            "Okafor",
            "Merger Will Close By June",
        ),
        (
            "Henning: Jury Got It Wrong\n\nDefence lawyer Karl Henning said he would appeal the verdict against his "
            "client.",
            "Henning",
            "Jury Got It Wrong",
        ),
        (
            "Economists: Rate cut is coming in the spring\n\nMost economists surveyed by the bank expect the central "
            "bank to move soon.",
            "Economists",
            "Rate cut is coming in the spring",
        ),
    ],
)
def test_a_title_source_named_by_a_surname_or_a_group(text: str, speaker: str, content: str) -> None:
    found = colon_statements(text)
    assert [(s.speaker_text, s.content) for s in found] == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "Update: Match Postponed Until Sunday\n\nHeavy rain flooded the pitch at the stadium on Saturday.",
        "Watch: Rocket Lifts Off From Cape Canaveral\n\nThe launch of the satellite went ahead on Friday.",
    ],
)
def test_a_title_label_that_names_nobody_is_no_source(text: str) -> None:
    assert colon_statements(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ANCHOR: A new drug for migraine has shown promise in a large trial. Doctors welcomed the results on Monday."
        "\n\nThe company plans to apply for approval next year.",
        "PRESENTER: Flood water has closed the coast road for a second day. Residents were told to stay indoors."
        "\n\nThe council said repairs would take a week.",
        "Markets: Shares fell sharply in Tokyo on Tuesday. Traders blamed the stronger yen.\n\nThe index closed "
        "2 percent lower.",
    ],
)
def test_a_first_line_of_two_sentences_after_a_label_is_no_title(text: str) -> None:
    assert colon_statements(text) == []


def test_a_title_with_an_abbreviation_is_still_one_title() -> None:
    text = "Okafor: U.S. Regulators Will Clear The Merger\n\nChief executive Ada Okafor spoke to staff on Monday."
    assert [s.speaker_text for s in colon_statements(text)] == ["Okafor"]


def test_the_turns_of_a_transcript_are_each_speakers_statements() -> None:
    text = (
        "The general spoke to the program on Sunday about the offensive in the north.\n\n"
        "HOST: How long can your troops hold the bridge?\n\n"
        "GENERAL MORAN: We can hold it for weeks. The enemy has lost most of its armour.\n\n"
        "HOST: And what happens to the civilians in the town?\n\n"
        "GENERAL MORAN: They are being moved south by road tonight."
    )
    found = colon_statements(text)
    assert [(s.speaker_text, s.content[:24]) for s in found] == [
        ("HOST", "How long can your troops"),
        ("GENERAL MORAN", "We can hold it for weeks"),
        ("HOST", "And what happens to the "),
        ("GENERAL MORAN", "They are being moved sou"),
    ]


def test_a_transcript_of_named_speakers_in_a_science_interview() -> None:
    text = (
        "Astronomer Lena Vogt and physicist Omar Haddad discussed the new telescope images.\n\n"
        "Vogt: The images show a disc of dust around the young star.\n\n"
        "Haddad: That disc could be where planets are forming right now."
    )
    found = colon_statements(text)
    assert [s.speaker_text for s in found] == ["Vogt", "Haddad"]
    assert found[1].content.startswith("That disc could be")


@pytest.mark.parametrize(
    "text",
    [
        # a tally, not turns: no verb after the labels
        "The count ended late on Tuesday.\n\nRivera: 4,210.\n\nChen: 3,977.",
        # one label is no transcript
        "The road reopened on Friday.\n\nUPDATE: Police said the crash site had been cleared by noon.",
        # labels in capitals that name nobody the article names
        "The plant will close in March.\n\nUPDATE: The company said talks had failed.\n\nCORRECTION: An earlier "
        "version gave the wrong date for the closure.",
    ],
)
def test_labels_that_are_no_transcript_are_no_statements(text: str) -> None:
    assert colon_statements(text) == []


def noun_statement(text: str, cue: str) -> Statement | None:
    found = [s for s in run(text) if s.cue == cue]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "The union's criticism of the merger grew louder after the chief executive spoke on Monday.",
            "criticism",
            "The union's",
            "the merger",
        ),
        (
            "The defendant's promise to repay the victims did not sway the judge, who sentenced him to four years.",
            "promise",
            "The defendant's",
            "to repay the victims",
        ),
        (
            "The offensive stalled over the general's reluctance to send more troops to the front.",
            "reluctance",
            "the general's",
            "to send more troops to the front",
        ),
        (
            "The league's condemnation of the chants came a day after the match in Madrid.",
            "condemnation",
            "The league's",
            "the chants",
        ),
        (
            "The agency's endorsement of the new vaccine surprised researchers who had expected more trials.",
            "endorsement",
            "The agency's",
            "the new vaccine",
        ),
    ],
)
def test_a_possessed_noun_of_stance_is_its_possessors_statement(
    text: str, cue: str, speaker: str, content: str
) -> None:
    found = noun_statement(text, cue)
    assert found is not None
    assert (found.speaker_text, found.content) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a noun that is no stance, possessed or not
        ("The company's trip to Paris was paid for by its largest shareholder.", "trip"),
        # a noun of stance without a possessor: nobody is named as its source
        ("Criticism of the referee grew after the final whistle in Lisbon.", "Criticism"),
    ],
)
def test_a_noun_without_possessor_or_stance_is_no_statement(text: str, cue: str) -> None:
    assert noun_statement(text, cue) is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The striker renewed his criticism of the referee after the match in Milan.", "criticism", "The striker"),
        ("The prosecutors stepped up their attacks on the defence expert on Thursday.", "attacks", "The prosecutors"),
    ],
)
def test_a_possessive_pronoun_is_the_subject_it_refers_back_to(text: str, cue: str, speaker: str) -> None:
    found = noun_statement(text, cue)
    assert found is not None
    assert found.speaker_text == speaker
