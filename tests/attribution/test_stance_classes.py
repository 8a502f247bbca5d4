"""Stance classes from the cue, its polarity and (under a neutral cue) the content."""

from __future__ import annotations

import pytest

from crosswire.attribution.finder import find_statements
from crosswire.attribution.stance import CueReading, classify
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement


def stances(text: str) -> list[tuple[str | None, str]]:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_statements(article, Context())
    return [(s.cue, s.stance_class) for s in article.statements]


def first(text: str) -> Statement:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_statements(article, Context())
    assert article.statements, text
    return article.statements[0]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The port authority confirmed that the ferry had been sold.", "confirm"),
        ("The owner acknowledged that the ship was late.", "confirm"),
        ("The ministry denied that any ship had been sold.", "deny"),
        ("The ministry rejected the reports of a sale.", "deny"),
        ("A city official declined to comment on the sale.", "decline"),
        ("The company refused to comment.", "decline"),
        ("The mayor's office said it could neither confirm nor deny the sale.", "neither"),
        ("The harbour master said the ferry would sail on Monday.", "assert"),
        ("The Harbour Gazette reported that the ferry had been sold.", "assert"),
        ("The owner claimed that the ship was seaworthy.", "assert"),
    ],
)
def test_cue_classes(text: str, stance: str) -> None:
    assert first(text).stance_class == stance


def test_negated_denial_is_not_a_denial() -> None:
    assert first("The ministry did not deny that the ferry had been sold.").stance_class == "other"


def test_would_not_confirm_is_a_decline() -> None:
    assert first("The port authority would not confirm that the ferry had been sold.").stance_class == "decline"


def test_denial_in_the_content_of_a_neutral_cue() -> None:
    assert first('"This is fake news, nothing more," the ministry spokeswoman said.').stance_class == "deny"
    assert first('The adviser said "this didn\'t actually happen."').stance_class == "deny"


def test_confirmation_in_the_content_of_a_neutral_cue() -> None:
    assert first('"We confirm that the ferry was sold this morning," the owner told reporters.').stance_class == (
        "confirm"
    )


def test_rejecting_a_proposal_is_not_a_denial() -> None:
    assert classify(CueReading(lemma="reject", object_noun="proposal"), "the proposal") == "other"


def test_belief_cues_are_other() -> None:
    assert classify(CueReading(lemma="hope", tier="belief"), "to reopen the harbour") == "other"


def test_declined_to_comment_next_to_a_neither_clause_stays_decline() -> None:
    found = dict(stances("A harbour official declined to comment, while the owner said he could neither confirm nor "
                         "deny the sale."))  # fmt: skip
    assert found["declined"] == "decline"
    assert found["said"] == "neither"
