"""A reported clause that opens a quotation runs on to the quote's closing mark, over every sentence the quote holds
(:mod:`crosswire.attribution.quoted_tails`). Passages from many desks, written before the rule was run on them."""

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


def by_cue(text: str, cue: str) -> Statement:
    found = [s for s in run(text) if s.cue == cue]
    assert len(found) == 1, [(s.cue, s.content) for s in run(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "content_end"),
    [
        (  # a merger
            'Chief executive Ada Okafor insisted that the merger "will not cost a single job. Both plants stay open '
            'and both brands stay on the shelves." Shares rose 4 percent.',
            "insisted",
            'both brands stay on the shelves."',
        ),
        (  # a trial
            "The defence lawyer, Karl Henning, argued that his client “was nowhere near the warehouse that night. "
            "Three witnesses saw him at the cinema.” The jury retired on Friday.",
            "argued",
            "Three witnesses saw him at the cinema.”",
        ),
        (  # a war
            'The army spokesman said the shelling "came from positions north of the river. Our units did not fire '
            'first." The ministry gave no figure for the dead.',
            "said",
            'Our units did not fire first."',
        ),
        (  # a product launch
            "The company's founder added that the new phone “is the lightest we have ever built. It will ship in "
            "March.” Analysts expect strong sales.",
            "added",
            "It will ship in March.”",
        ),
        (  # health
            'The chief medical officer warned that the outbreak "is not over. Hospitals in the north are still full, '
            'and we expect more cases." Schools will stay closed.',
            "warned",
            'and we expect more cases."',
        ),
    ],
)
def test_a_reported_clause_runs_on_to_the_quotes_end(text: str, cue: str, content_end: str) -> None:
    statement = by_cue(text, cue)
    assert statement.content is not None and statement.content.endswith(content_end)
    assert not statement.direct


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (  # the quote closes inside the sentence: nothing to run on to
            'The coach said the referee had been "a disgrace" all afternoon. The club will appeal the red card.',
            "said",
            'the referee had been "a disgrace" all afternoon',
        ),
        (  # the quote's paragraph ends without a closing mark: where it ends is a guess, so it is not followed
            'The regulator said the bank "had failed its customers for years. Fines will follow\n\nThe bank declined '
            "to comment.",
            "said",
            'the bank "had failed its customers for years',
        ),
    ],
)
def test_a_content_is_not_run_on_without_a_quote_closing_later(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).content == content


def test_a_quote_holding_another_cue_is_left_to_that_cue() -> None:
    text = (
        'The striker said the penalty "was never a foul. He dived," the captain added, "and everybody saw it." '
        "The league will review the match."
    )
    said = by_cue(text, "said")
    assert said.content is not None and "everybody" not in said.content
