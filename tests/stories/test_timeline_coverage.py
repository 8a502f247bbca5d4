"""Timeline order and first reports; coverage by outlet with omissions and exclusives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.model import Article, Claim, ClaimStance, Dossier, Event, Story
from crosswire.stories.coverage import build_coverage, outlet_label
from crosswire.stories.timeline import build_timeline, calendar_start, sort_key


def _article(article_id: str, published: str | None, outlet: str | None = None, url: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", published=published, outlet=outlet, url=url, story="s1")


def _claim(claim_id: str, text: str, date_value: str | None, *articles: str, event: str | None = None) -> Claim:
    stances = [ClaimStance(article=a, stance="reports", source_text="x") for a in articles]
    return Claim(id=claim_id, text=text, date=date_value, stances=stances, event=event)


@pytest.mark.parametrize(
    ("value", "start", "precision"),
    [
        ("2022-11-14", date(2022, 11, 14), 3),
        ("2022-11-14T08:30", date(2022, 11, 14), 4),
        ("2022-11", date(2022, 11, 1), 1),
        ("2022-W46", date(2022, 11, 14), 2),
        ("2022-Q2", date(2022, 4, 1), 0),
        ("2022-SU", date(2022, 6, 1), 0),
        ("2022", date(2022, 1, 1), -1),
    ],
)
def test_calendar_start_of_timex_values(value: str, start: date, precision: int) -> None:
    assert calendar_start(value) == (start, precision)


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-11-14", "P3D", "2022-13-45", ""])
def test_values_off_the_calendar(value: str) -> None:
    assert calendar_start(value) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 30)))
def test_a_day_sorts_after_its_month_and_year_and_before_the_next_day(day: date) -> None:
    value = day.isoformat()
    following = (day + timedelta(days=1)).isoformat()
    assert sort_key(value[:4]) < sort_key(value[:7]) < sort_key(value) < sort_key(following)
    assert calendar_start(value) == (day, 3)


def test_timeline_is_sorted_and_names_the_first_report() -> None:
    dossier = Dossier(
        articles=[_article("late", "2022-11-15"), _article("early", "2022-11-14"), _article("undated", None)],
        events=[
            Event(
                id="ev1",
                type="CONSULT",
                summary="A met B in Ankara",
                date="2022-11-14",
                articles=["late", "early", "undated"],
            ),
            Event(id="ev2", type="CONSULT", summary="undated talks", date=None, articles=["late"]),
        ],
        claims=[
            _claim("c1", "The deal expires on Friday", "2022-11-18", "late"),
            _claim("c2", "Talks were held in late March", "2022-03", "undated", "late"),
            _claim("c3", "A met B in Ankara on Monday", "2022-11-14", "early", event="ev1"),
            _claim("c4", "Something sometime", None, "early"),
            _claim("c5", "November was busy", "2022-11", "late"),
        ],
    )
    build_timeline(dossier)
    assert [entry.date for entry in dossier.timeline] == ["2022-03", "2022-11", "2022-11-14", "2022-11-18"]
    meeting = dossier.timeline[2]
    # The event's entry stands for its claim; the earliest dated article reported it first.
    assert meeting.event == "ev1" and meeting.claim is None
    assert meeting.first_reported == "early" and meeting.story == "s1"
    # An undated article reports first only when no dated article carries it.
    assert dossier.timeline[0].first_reported == "late"


def test_coverage_names_omissions_and_exclusives() -> None:
    dossier = Dossier(
        articles=[
            _article("a", "2022-11-14", outlet="Daily One"),
            _article("b", "2022-11-14", outlet="Daily One"),
            _article("c", "2022-11-14", url="https://www.second.example/story"),
            _article("d", "2022-11-14"),
        ],
        stories=[Story(id="s1", title="t", articles=["a", "b", "c", "d"])],
        events=[Event(id="ev1", type="CONSULT", summary="meeting", articles=["a", "c"])],
        claims=[
            _claim("shared", "shared claim", None, "a", "c", "d"),
            _claim("only-one", "only Daily One has it", None, "b"),
            _claim("only-second", "only the second outlet has it", None, "c"),
        ],
    )
    dossier.claims[1].stances[0].statement = "b:s0"
    build_coverage(dossier)
    coverage = {item.outlet: item for item in dossier.stories[0].coverage}
    assert set(coverage) == {"Daily One", "second.example", "unknown outlet (d)"}
    one = coverage["Daily One"]
    assert one.articles == ["a", "b"]
    assert one.claims == ["only-one", "shared"] and one.events == ["ev1"]
    assert one.omitted_claims == ["only-second"]
    assert one.exclusive_claims == ["only-one"] and one.exclusive_statements == ["b:s0"]
    unknown = coverage["unknown outlet (d)"]
    assert unknown.omitted_claims == ["only-one", "only-second"] and unknown.omitted_events == ["ev1"]


def test_outlet_labels() -> None:
    assert outlet_label(_article("x", None, outlet="Reuters")) == "Reuters"
    assert outlet_label(_article("x", None, url="https://www.rt.com/news/1")) == "rt.com"
    assert outlet_label(_article("x", None)) == "unknown outlet (x)"
