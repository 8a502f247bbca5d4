"""What the narrator states beside a statement: a clause joined to a statement by "and", the subject's own deed before
a participle cue, a sentence whose only "speaker" is a possessive, a decision read from its doer, a report named by a
possessive, and background lines two outlets give with different figures. Short passages from courts, sport, business,
health and war."""

from __future__ import annotations

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.propositions import extract
from crosswire.claims.reactions import is_reaction
from crosswire.claims.stage import build_claims


def test_a_clause_joined_to_a_statement_by_and_is_the_narrators() -> None:
    """A trial and a match: the figure after ", and" is the narrator's, as is the count before ", and"."""
    court = article(
        "c1",
        "The defendant was cleared of two charges, the court said, and 40 witnesses were heard over six weeks.",
    )
    said = statement(
        court, 0, speaker_text="the court", cue="said", content="The defendant was cleared of two charges",
        source_type="organization",
    )  # fmt: skip
    found, _ = extract([court], dossier([court], [], [said]), {})
    assert [(p.text, p.statement) for p in found if p.statement is None] == [
        ("40 witnesses were heard over six weeks.", None)
    ]
    match = article(
        "m1", "Three players were sent off in the second half, and the coach said the referee had lost control."
    )
    coach = statement(
        match, 0, speaker_text="the coach", cue="said", content="the referee had lost control"
    )  # fmt: skip
    found, _ = extract([match], dossier([match], [], [coach]), {})
    assert "Three players were sent off in the second half" in [p.text for p in found if p.statement is None]


def test_a_joined_clause_that_counts_nothing_is_left_to_the_statement() -> None:
    """Health: "the hospital reopened its ward, and a spokeswoman said ..." gives no count; the piece is left out."""
    item = article(
        "h1", "The hospital reopened its children's ward on the hill, and a spokeswoman said the outbreak was over."
    )
    said = statement(item, 0, speaker_text="a spokeswoman", cue="said", content="the outbreak was over")
    found, _ = extract([item], dossier([item], [], [said]), {})
    assert [p.statement for p in found] == [said.id]


def _narrated_beside_confirming(text: str) -> list[str]:
    item = article("b1", text)
    confirming = statement(
        item, 0, speaker_text="Harlow Foods", cue="confirming", content="a report in the Ledger", stance="confirm",
        source_type="organization",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [], [confirming]), {})
    return [p.text for p in found if p.statement is None]


def test_the_subjects_deed_before_a_participle_cue_is_put_forward() -> None:
    """Business: "X has cut 300 jobs ..., confirming a report": the deed is the narrator's account of what X did."""
    assert _narrated_beside_confirming(
        "Harlow Foods has cut 300 jobs at its Leeds plant, confirming a report in the Ledger."
    ) == ["Harlow Foods has cut 300 jobs at its Leeds plant"]
    # A quoted deed is the speaker's words, not the narrator's.
    assert not _narrated_beside_confirming(
        'Harlow Foods "has cut 300 jobs at its Leeds plant," confirming a report in the Ledger.'
    )


def test_a_possessive_read_as_a_speaker_leaves_the_sentence_the_narrators() -> None:
    """War: "... the families of soldiers or their representatives ..." -- "their" speaks for no one."""
    item = article(
        "w1",
        "The ministry has paid no compensation to the families of 12 soldiers or their representatives since March.",
        dates={"March": "2024-03"},
    )
    misread = statement(
        item, 0, speaker_text="their", cue="representatives", content="since March", stance="other",
        source_type="unknown",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [], [misread]), {})
    assert [(p.statement, p.text.split()[:3]) for p in found] == [(None, ["The", "ministry", "has"])]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "claim"),
    [
        (
            "The city council voted on Monday to close the old bridge to all traffic.",
            "The city council",
            "voted",
            "to close the old bridge to all traffic",
            "The city council voted on Monday to close the old bridge",
        ),
        (
            "The league decided to ban the club from the transfer market for a year.",
            "The league",
            "decided",
            "to ban the club from the transfer market for a year",
            "The league decided to ban the club",
        ),
        # Not right after its verb or a day: the content keeps to itself.
        (
            "The regulator, after a long review, urged drug makers to publish every trial result.",
            "The regulator",
            "urged",
            "drug makers to publish every trial result",
            "drug makers to publish every trial result",
        ),
    ],
)
def test_a_decision_keeps_its_doer_and_verb(text: str, speaker: str, cue: str, content: str, claim: str) -> None:
    """Courts, sport and health: "[The league decided] to ban the club" says nothing without who decided."""
    item = article("d1", text)
    deed = statement(
        item, 0, speaker_text=speaker, cue=cue, content=content, stance="other", source_type="organization"
    )
    found, _ = extract([item], dossier([item], [], [deed]), {})
    assert [p.text[: len(claim)] for p in found if p.statement == deed.id] == [claim]


@pytest.mark.parametrize(
    ("content", "reaction"),
    [
        ("Tuesday's report in the Ledger", True),
        ("Reuters' story about the merger", True),
        ("the Journal's report", True),
        ("Moreno's transfer to the club had been agreed in May", False),
    ],
)
def test_a_report_named_by_a_possessive_is_answered_not_put_forward(content: str, reaction: bool) -> None:
    item = article("r1", f"The club confirmed {content}.")
    confirmed = statement(
        item, 0, speaker_text="The club", cue="confirmed", content=content, stance="confirm", source_type="organization"
    )
    assert is_reaction(confirmed) is reaction


def test_background_lines_giving_a_figure_two_ways_are_both_claims() -> None:
    """Sport: two papers each give the stadium's size in their own voice, differently. Each line alone is
    background; given two ways, both are claims and the figures a contradiction."""
    ground = [entity("e-arena", "Riverside Arena", "ORG")]
    names = {"Riverside Arena": "e-arena"}
    one = article("s1", "Riverside Arena holds 45,000 spectators after the new stand.", names=names, outlet="Courier")
    two = article("s2", "Riverside Arena holds 52,000 spectators after the new stand.", names=names, outlet="Tribune")
    result = dossier([one, two], ground, [])
    build_claims(result)
    assert len([c for c in result.claims if "spectators" in c.text]) == 2
    assert any({"45,000 spectators", "52,000 spectators"} <= {v.value for v in c.values} for c in result.contradictions)
