"""An object cue's content is the object's own words: an aside the writer hangs on it after a comma or a dash (a
relative clause, an apposition), a phrase of time, a place after a name, or where the act happened ("at a rally",
"during a debate") is not what was said. Passages of a merger, a trial, a war, a product launch, sport and an
election; and guards where the phrase belongs to the object ("a role in the talks", "workers in the plant")."""

from __future__ import annotations

import pytest

from crosswire.attribution.finder import find_statements
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article


def contents(text: str, cue: str) -> list[str]:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_statements(article, Context())
    return [s.content for s in article.statements if s.cue and cue in s.cue]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The regulator's chairman praised Harbour Bank, which agreed to buy its smaller rival last month.",
            "praised",
            "Harbour Bank",
        ),
        (
            "The defence lawyer criticized the verdict, a decision that surprised many in the courtroom.",
            "criticized",
            "the verdict",
        ),
        ("The general thanked the troops at a ceremony in the capital.", "thanked", "the troops"),
        ("The coach criticized the referee during a news conference after the match.", "criticized", "the referee"),
        ("The union endorsed Maria Costa in Lisbon on Friday.", "endorsed", "Maria Costa"),
        (
            "The reviewers praised the new phone — a device that costs more than 1,000 euros.",
            "praised",
            "the new phone",
        ),
        (
            "The engineers warned of the cracks, which the council had ignored for years.",
            "warned",
            "of the cracks",
        ),
    ],
)
def test_the_writers_aside_on_an_object_is_not_what_was_said(text: str, cue: str, content: str) -> None:
    assert contents(text, cue) == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The minister backed a larger role in the talks for the mediators.", "backed", "a larger role in the talks"),
        ("The mayor praised workers in the plant who stayed through the storm.", "praised", "workers in the plant"),
        ("The senator criticized the decision to close the hospital.", "criticized", "the decision to close"),
        (
            "The club described the report, published in a tabloid on Sunday, as complete fiction.",
            "described",
            "as complete fiction",
        ),
        (
            "The regulator demanded answers following reports that the bank had hidden its losses.",
            "demanded",
            "following reports that the bank had hidden its losses",
        ),
    ],
)
def test_a_phrase_that_belongs_to_the_object_stays(text: str, cue: str, content: str) -> None:
    found = contents(text, cue)
    assert found and content in found[0]
