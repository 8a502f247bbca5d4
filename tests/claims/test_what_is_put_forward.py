"""What a statement puts forward: a thing named is no claim, a question asks, a framed claim judged false is denied,
a negated wish denies nothing. Short passages written
for each construction, from several domains."""

from __future__ import annotations

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.clauses import judged_frame, split_clauses
from crosswire.claims.propositions import extract


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # Courts: the object of "released".
        (
            "The prosecutors released the names of the three defendants in the fraud case on Monday.",
            "The prosecutors",
            "released",
            "the names of the three defendants in the fraud case",
        ),
        # Diplomacy: what a call is for.
        (
            "The foreign minister called for the immediate withdrawal of foreign troops from the border region.",
            "The foreign minister",
            "called for",
            "the immediate withdrawal of foreign troops from the border region",
        ),
        # Religion: the object of "talked about".
        (
            "The archbishop talked about the future of the parish schools in the northern diocese.",
            "The archbishop",
            "talked about",
            "the future of the parish schools in the northern diocese",
        ),
    ],
)
def test_a_content_with_no_verb_puts_forward_the_deed_told(text: str, speaker: str, cue: str, content: str) -> None:
    item = article("v1", text)
    said = statement(item, 0, speaker_text=speaker, cue=cue, content=content)
    found, reactions = extract([item], dossier([item], [], [said]), {})
    texts = [p.text for p in found]
    assert content not in texts and not reactions
    # What it puts forward is the deed told, speaker and verb included, and the speaker stands behind it.
    assert [(p.text, p.stance, p.statement) for p in found] == [
        (text[: text.index(content) + len(content)], "confirms", said.id)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # Diplomacy: an infinitive is a verb of its own.
        (
            "Washington pressed Moscow to release the two prisoners in a swap.",
            "Washington",
            "pressed",
            "to release the two prisoners in a swap",
        ),
        # War: so is the gerund of an accusation.
        (
            "The governor accused the rebels of shelling the town overnight.",
            "The governor",
            "accused",
            "the rebels of shelling the town overnight",
        ),
        # Business: and a finite verb.
        (
            "The ministry said the board approved the merger with its rival.",
            "The ministry",
            "said",
            "the board approved the merger with its rival",
        ),
    ],
)
def test_a_content_with_a_verb_of_its_own_is_a_clause(text: str, speaker: str, cue: str, content: str) -> None:
    item = article("p1", text)
    said = statement(item, 0, speaker_text=speaker, cue=cue, content=content, source_type="organization")
    found, _ = extract([item], dossier([item], [], [said]), {})
    assert [p.text for p in found] == [content]


def test_a_confirmation_of_a_thing_named_answers_it() -> None:
    """Crime and sport: "confirmed the arrest of the two suspects" answers the claim of the arrest; it says no claim
    of its own."""
    item = article(
        "c1",
        "Two men were arrested near the stadium after the final, a witness said. Police confirmed the arrest of the"
        " two suspects.",
    )
    witness = statement(
        item, 0, speaker_text="a witness", cue="said", content="Two men were arrested near the stadium after the final"
    )
    confirmed = statement(
        item, 1, speaker_text="Police", cue="confirmed", content="the arrest of the two suspects", stance="confirm",
        source_type="organization",
    )  # fmt: skip
    found, reactions = extract([item], dossier([item], [], [witness, confirmed]), {})
    assert [p.statement for p in found] == [witness.id]
    assert [(r.statement.id, r.stance, r.about) for r in reactions] == [
        (confirmed.id, "confirms", "the arrest of the two suspects")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"Where will the refugees go after the camp closes?" the mayor asked.',
            "Where will the refugees go after the camp closes?",
        ),
        (
            '"All the shareholders will vote for the merger, right?" the analyst said.',
            "All the shareholders will vote for the merger, right?",
        ),
    ],
)
def test_a_question_a_source_asks_puts_nothing_forward(text: str, content: str) -> None:
    item = article("q1", text)
    speaker = "the mayor" if "mayor" in text else "the analyst"
    asked = statement(item, 0, speaker_text=speaker, cue=text.split()[-1].rstrip("."), content=content, direct=True)
    found, _ = extract([item], dossier([item], [], [asked]), {})
    assert not found


@pytest.mark.parametrize(
    ("sentence", "claim", "verdict"),
    [
        (
            "The suggestion that militants were caught crossing the border is categorically false",
            "militants were caught crossing the border",
            "denies",
        ),
        (
            "Reports that the jury has reached a verdict in the fraud trial are simply untrue",
            "the jury has reached a verdict in the fraud trial",
            "denies",
        ),
        (
            "Claims that the two banks will merge next year are correct",
            "the two banks will merge next year",
            "confirms",
        ),
        # No frame, no verdict on a claim: "the proposal is wrong" judges a thing, it spells no claim out.
        ("The proposal to close the school is wrong", None, None),
        ("Reports that the ferry sank near the pier reached the capital at noon", None, None),
    ],
)
def test_a_framed_claim_judged_false_is_denied(sentence: str, claim: str | None, verdict: str | None) -> None:
    judged = judged_frame(sentence)
    assert (judged[1:] if judged else (None, None)) == (claim, verdict)


def test_a_statement_judging_a_framed_claim_denies_that_claim() -> None:
    """Politics: the agency's "The suggestion that ... is categorically false" denies the claim, whose text leaves
    the judgement out."""
    text = (
        "The suggestion that militants were caught crossing the border is categorically false, an agency spokeswoman"
        " said."
    )
    item = article("b1", text)
    said = statement(
        item, 0, speaker_text="an agency spokeswoman", cue="said", stance="deny",
        content="The suggestion that militants were caught crossing the border is categorically false",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [], [said]), {})
    assert [(p.text, p.stance) for p in found] == [("militants were caught crossing the border", "denies")]


@pytest.mark.parametrize(
    ("text", "speaker", "content", "stance"),
    [
        # Politics: an expectation, put in the negative.
        (
            '"We don\'t expect that to change," the spokesman said.',
            "the spokesman",
            "We don't expect that to change",
            "confirms",
        ),
        # Courts: a plan.
        (
            '"We do not intend to appeal the ruling," the lawyer said.',
            "the lawyer",
            "We do not intend to appeal the ruling",
            "confirms",
        ),
        # Sport: a wish.
        (
            '"The club does not want to sell its captain," the manager said.',
            "the manager",
            "The club does not want to sell its captain",
            "confirms",
        ),
        # ... but a deed put in the negative still denies.
        ('"We did not sign the contract," the manager said.', "the manager", "We did not sign the contract", "denies"),
    ],
)
def test_a_negated_wish_or_expectation_denies_nothing(text: str, speaker: str, content: str, stance: str) -> None:
    item = article("n1", text, names={"Sam Rivers": "e-sam"})
    said = statement(
        item, 0, speaker_text=speaker, cue="said", content=content, stance="deny", direct=True, speaker="e-sam"
    )
    found, _ = extract([item], dossier([item], [entity("e-sam", "Sam Rivers")], [said]), {})
    assert [p.stance for p in found] == [stance]


def test_a_named_thing_is_no_clause_split() -> None:
    """The object of "released" keeps reading as one part (no clause split is made of a list of names)."""
    assert [c.text for c in split_clauses("the names of the judge and the two defendants in the case")] == [
        "the names of the judge and the two defendants in the case"
    ]


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # A shooting: an analyst on a recording.
        ("I have no idea if the recording is authentic", "neither"),
        ("Now, I don't know, the network got this tape first", "neither"),
        # Diplomacy and business.
        ("We just don't know all that about the talks yet", "neither"),
        ("I'm not sure the merger will close this year", "neither"),
        # ... but not knowing of something is denying it.
        ("I didn't know about the payments to the agent", "denies"),
    ],
)
def test_a_speaker_saying_it_does_not_know_neither_confirms_nor_denies(content: str, stance: str) -> None:
    text = f'"{content}," Sam Rivers said.'
    item = article("k1", text, names={"Sam Rivers": "e-sam"})
    said = statement(
        item, 0, speaker_text="Sam Rivers", cue="said", content=content, stance="deny", direct=True, speaker="e-sam"
    )
    found, _ = extract([item], dossier([item], [entity("e-sam", "Sam Rivers")], [said]), {})
    assert [p.stance for p in found] == [stance]


@pytest.mark.parametrize(
    ("content", "claim"),
    [
        # War: a report noun spells the claim out.
        (
            "the credibility of a report that the militia carried out the attack",
            "the credibility of a report that the militia carried out the attack",
        ),
        # Courts: so does an allegation, whose frame is then taken off.
        ("the allegation that the judge took bribes from the developer", "the judge took bribes from the developer"),
    ],
)
def test_a_thing_named_that_spells_a_claim_out_is_a_clause(content: str, claim: str) -> None:
    item = article("r1", f"The analyst questioned {content}.")
    said = statement(item, 0, speaker_text="The analyst", cue="questioned", content=content)
    found, _ = extract([item], dossier([item], [], [said]), {})
    assert [p.text for p in found] == [claim]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # War: "called X Y" says Y of X.
        (
            "The Kremlin called the downing of the plane a terrorist attack.",
            "The Kremlin",
            "called",
            "the downing of the plane a terrorist attack",
        ),
        # Diplomacy: "blamed X for Y" says X did Y.
        (
            "The foreign ministry blamed the neighbouring government for the border clashes.",
            "The foreign ministry",
            "blamed",
            "the neighbouring government for the border clashes",
        ),
        # Courts: "declared the contract void".
        (
            "The judge declared the merger contract between the two banks void.",
            "The judge",
            "declared",
            "the merger contract between the two banks void",
        ),
    ],
)
def test_a_small_clause_says_something_of_its_object(text: str, speaker: str, cue: str, content: str) -> None:
    item = article("k1", text)
    said = statement(item, 0, speaker_text=speaker, cue=cue, content=content, source_type="organization")
    found, _ = extract([item], dossier([item], [], [said]), {})
    assert [p.text for p in found] == [content]
