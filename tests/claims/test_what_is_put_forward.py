"""What a statement puts forward: a question asks, a framed claim judged false is denied, a negated wish denies
nothing, a speaker who does not know neither confirms nor denies. Short passages written for each construction,
from several domains."""

from __future__ import annotations

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.clauses import judged_frame
from crosswire.claims.propositions import extract


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
        # Courts: a wish.
        (
            '"We do not wish to appeal the ruling," the lawyer said.',
            "the lawyer",
            "We do not wish to appeal the ruling",
            "confirms",
        ),
        # Business: but a plan put in the negative denies the plan reported.
        (
            '"We do not intend to make an offer for the company," the fund said.',
            "the fund",
            "We do not intend to make an offer for the company",
            "denies",
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
    # Read as a denial by the statement's class, or only through the party's own negative about itself.
    for number, stance_class in enumerate(("deny", "assert")):
        said = statement(
            item, number, speaker_text=speaker, cue="said", content=content, stance=stance_class, direct=True,
            speaker="e-sam",
        )  # fmt: skip
        found, _ = extract([item], dossier([item], [entity("e-sam", "Sam Rivers")], [said]), {})
        assert [p.stance for p in found] == [stance], stance_class


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
    ("text", "cue", "content", "claim"),
    [
        # A trial: the one told, or the one sentenced, stands between the judge and "he".
        (
            "Judge Ann Bell told Tom Reyes that he had shown no remorse.",
            "told",
            "he had shown no remorse",
            "he had shown no remorse",
        ),
        (
            "Judge Ann Bell sentenced him to six years and said he had abused his post.",
            "said",
            "he had abused his post",
            "he had abused his post",
        ),
        # Sport: nobody between, so "he" is the speaker.
        (
            "Coach Ann Bell said she would stay at the club next season.",
            "said",
            "she would stay at the club next season",
            "Ann Bell would stay at the club next season",
        ),
    ],
)
def test_he_after_another_person_is_not_read_as_the_speaker(text: str, cue: str, content: str, claim: str) -> None:
    item = article("p1", text, names={"Ann Bell": "e-bell", "Tom Reyes": "e-reyes"})
    people = [entity("e-bell", "Ann Bell"), entity("e-reyes", "Tom Reyes")]
    said = statement(item, 0, speaker_text="Judge Ann Bell" if "Judge" in text else "Coach Ann Bell", cue=cue,
                     content=content, speaker="e-bell")  # fmt: skip
    found, _ = extract([item], dossier([item], people, [said]), {})
    assert [p.text for p in found] == [claim]


def test_a_report_noun_read_as_the_cue_still_frames_its_judged_claim() -> None:
    """A club's statement, "Reports that the trust backs the bid are untrue", with "Reports" read as the cue and the
    rest as the content: the claim is the clause, denied; "Reports that the plant will close reached the town on
    Monday" passes no verdict and stays as it is."""
    item = article("r1", "Reports that the supporters' trust backs the bid from the consortium are untrue.")
    told = statement(
        item,
        0,
        speaker_text="Reports",
        cue="Reports",
        content="that the supporters' trust backs the bid from the consortium are untrue",
        stance="deny",
        source_type="unknown",
    )
    (found,), _ = extract([item], dossier([item], [], [told]), {})
    assert found.text == "the supporters' trust backs the bid from the consortium"
    assert found.stance == "denies"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "claim"),
    [
        (
            "Harlow Capital has offered £150 million for the club, the paper understands.",
            "Harlow Capital",
            "offered",
            "£150 million for the club, the paper understands",
            "Harlow Capital has offered £150 million for the club",
        ),
        (
            "The insurer paid $2 million to the families of the victims.",
            "The insurer",
            "paid",
            "$2 million to the families of the victims",
            "The insurer paid $2 million to the families of the victims",
        ),
        # A content saying something of its own keeps to itself.
        (
            "The board released photographs of the wreck, which was found on the seabed near the harbour.",
            "The board",
            "released",
            "photographs of the wreck, which was found on the seabed near the harbour",
            "photographs of the wreck, which was found on the seabed near the harbour",
        ),
    ],
)
def test_an_amount_a_deed_gives_keeps_its_doer_and_verb(
    text: str, speaker: str, cue: str, content: str, claim: str
) -> None:
    """A deed read as a cue ("has offered", "paid": no verb of saying) whose content is an amount: the amount alone says
    nothing, so the claim is the clause from its doer on."""
    item = article("d1", text)
    deed = statement(
        item, 0, speaker_text=speaker, cue=cue, content=content, stance="other", source_type="organization"
    )
    found, _ = extract([item], dossier([item], [], [deed]), {})
    assert any(proposition.text.startswith(claim) for proposition in found), [p.text for p in found]


def test_a_claim_ends_before_its_own_speaker() -> None:
    """ "Four climbers died in the avalanche, the rescue service said on Sunday, citing police": where the content runs
    on into the speaker, the claim ends before it; a name inside the claim that is not its speaker stays."""
    item = article(
        "a1", "Four climbers died in the avalanche on the north face, the rescue service said on Sunday, citing police."
    )
    told = statement(
        item,
        0,
        speaker_text="the rescue service",
        cue="said",
        content="Four climbers died in the avalanche on the north face, the rescue service",
        source_type="organization",
    )
    (found,), _ = extract([item], dossier([item], [], [told]), {})
    assert found.text == "Four climbers died in the avalanche on the north face"
    other = article("a2", "The court fined the club, the league said.")
    kept = statement(
        other, 0, speaker_text="the league", cue="said", content="The court fined the club", source_type="organization"
    )
    (found,), _ = extract([other], dossier([other], [], [kept]), {})
    assert found.text == "The court fined the club"
