"""Which day relative expressions count from: the dateline's day of writing, and the narrative's day across
paragraphs. Short passages from several domains; each would fail if the mechanism were missing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve


def values(text: str, published: str | None) -> dict[str, str]:
    article = Article(id="t", source="t", text=text, published=published)
    found = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    return {t.text: t.value for t in found}


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # a wire story filed on the 12th and dated the 13th: its "today" is the 12th
        (
            "LONDON, March 12 (Reuters) - The striker said today he would retire at the end of the season.",
            "2021-03-13",
            "today",
            "2021-03-12",
        ),
        (
            "NEW YORK, Nov. 3 (AP) -- A jury convicted the former trader yesterday of securities fraud.",
            "2022-11-04",
            "yesterday",
            "2022-11-02",
        ),
        (
            "MIAMI, Sept. 9 -- The hurricane is expected to make landfall tomorrow, forecasters said.",
            "2017-09-11",
            "tomorrow",
            "2017-09-10",
        ),
        (
            "FRANKFURT, Germany, Jan. 30 (Reuters) - The two carmakers said today their merger talks had ended.",
            "2019-01-31",
            "today",
            "2019-01-30",
        ),
    ],
)
def test_a_dateline_day_before_publication_is_the_day_of_writing(
    text: str, published: str, span: str, value: str
) -> None:
    assert values(text, published)[span] == value


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the dateline names the publication day itself: nothing moves
        ("BERLIN, May 5 (dpa) - The coalition agreed today on a budget.", "2020-05-05"),
        # a day far from the publication day is a story written ahead or a date quoted, not the day of writing
        ("TOKYO, April 2 (Kyodo) - The company said today it would recall 40,000 cars.", "2020-04-12"),
        # not a dateline: the first words are a sentence, and the day is a weekday
        ("Shares fell, Monday (local time) traders said; today the index recovered.", "2020-04-14"),
        # a date further down the text is no dateline
        ("The court ruled today.\nPARIS, April 12 (AFP) - The appeal was filed.", "2020-04-14"),
    ],
)
def test_no_dateline_or_the_publication_day_leaves_the_anchor(text: str, published: str) -> None:
    assert values(text, published)["today"] == published


@settings(max_examples=25, deadline=None)
@given(lag=st.integers(min_value=-2, max_value=8), day=st.dates(dt.date(1990, 1, 10), dt.date(2030, 12, 20)))
def test_today_is_the_dateline_day_only_a_few_days_back(lag: int, day: dt.date) -> None:
    published = day + dt.timedelta(days=lag)
    dateline = f"{day:%B} {day.day}"
    text = f"GENEVA, {dateline} (Reuters) - The talks resumed today after a week's pause."
    expected = day if 1 <= lag <= 3 else published
    assert values(text, published.isoformat())["today"] == expected.isoformat()


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # a day ahead nobody can name: FUTURE_REF
        ("Analysts say the merger could one day double the group's sales.", "one day", ("DATE", "FUTURE_REF")),
        ("The rookie hopes to one day captain the national side.", "one day", ("DATE", "FUTURE_REF")),
        ('"One day, we will see our animals again," the pope told the boy.', "One day", ("DATE", "FUTURE_REF")),
        ("Engineers believe the reactor will one day power a city.", "one day", ("DATE", "FUTURE_REF")),
        # a length of time stays a duration
        ("The defendant was sentenced to one day in jail.", "one day", ("DURATION", "P1D")),
        ("The strike at the port lasted one day.", "one day", ("DURATION", "P1D")),
        ("Rain fell for one day, and the river rose.", "one day", ("DURATION", "P1D")),
        # current at a time already past, and current now
        ("Holders may buy shares at half the then current market price.", "then current", ("DATE", "PAST_REF")),
        ("The then-current coach, Mr. Ruiz, was fired after the loss.", "then-current", ("DATE", "PAST_REF")),
        ("The storm flooded the then current course of the river.", "then current", ("DATE", "PAST_REF")),
        ("The current chief executive will step down in May.", "current", ("DATE", "PRESENT_REF")),
    ],
)
def test_vague_days_ahead_and_behind(text: str, span: str, expected: tuple[str, str]) -> None:
    found = {t.text: (t.type, t.value) for t in resolve(text, "2014-10-15", None, use_tagger=False)}
    assert found[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a temporal clause under a future seen from the past: the tense follows the report, the day is ahead
        ("The bank said investors were likely to buy as soon as trading opened Monday.", "Monday", "1989-11-06"),
        ("The union said it would sign the contract once members voted Friday.", "Friday", "1989-11-03"),
        ("Officials said the airport would reopen when the storm passed Thursday.", "Thursday", "1989-11-02"),
        # a plain past stays behind
        ("He was arrested when police raided the house Friday.", "Friday", "1989-10-27"),
        ("The striker scored twice when the club beat Leeds on Saturday.", "Saturday", "1989-10-28"),
    ],
)
def test_a_past_temporal_clause_under_a_future_in_the_past_points_ahead(text: str, span: str, value: str) -> None:
    assert values(text, "1989-11-01")[span] == value
