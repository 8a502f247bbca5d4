"""What was said never holds who said it: content edges where the parse hangs the speaker on the content, or a cue
inside the content reads on past it. Sentences written for each construction, from several domains."""

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


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the speaker read as an apposition of the content's last name
        ("Danish shipping group Nordhavn has offered to sell its Baltic feeder business to win approval for its "
         "takeover of Rotterlink, an EU official told Radio North on Friday.", "an EU official",
         "Danish shipping group Nordhavn has offered to sell its Baltic feeder business to win approval for its "
         "takeover of Rotterlink"),
        ("The striker has agreed a five-year contract with Benfica, a club official told Record.", "a club official",
         "The striker has agreed a five-year contract with Benfica"),
        ("The defendant will appeal the verdict handed down in Leeds, his lawyer told reporters.", "his lawyer",
         "The defendant will appeal the verdict handed down in Leeds"),
    ],
)  # fmt: skip
def test_the_speaker_is_no_part_of_the_content(text: str, speaker: str, content: str) -> None:
    found = [s for s in run(text) if s.speaker_text == speaker]
    assert [s.content for s in found] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Foods has agreed to pay 40 million pounds to settle claims over the recall, a company spokeswoman "
        "told the BBC.",
        "The insurer rejected reports of fraud at its Madrid branch, a spokesman told the Financial Times.",
    ],
)
def test_a_cue_inside_the_content_does_not_read_past_the_speaker(text: str) -> None:
    found = run(text)
    assert found, "the outer statement is read"
    cue_starts = [s.cue_start for s in found if s.cue_start is not None]
    for statement in found:
        assert not any(statement.content_start < start < statement.content_end for start in cue_starts), (
            statement.cue,
            statement.content,
        )
