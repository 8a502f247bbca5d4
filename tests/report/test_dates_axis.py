"""TIMEX3 values as calendar ranges with their precision, and the story timeline's date axis."""

from __future__ import annotations

import datetime as dt

import pytest

from crosswire.report.axis import MAX_TICKS, Axis
from crosswire.report.dates import describe_timex, parse_timex

D = dt.date


@pytest.mark.parametrize(
    ("value", "mod", "start", "end", "precision", "label"),
    [
        ("2022-11-14", None, D(2022, 11, 14), D(2022, 11, 14), "day", "14 Nov 2022"),
        ("2022-11-14T08:30", "APPROX", D(2022, 11, 14), D(2022, 11, 14), "time", "about 14 Nov 2022, 08:30"),
        ("2022-11-14TEV", None, D(2022, 11, 14), D(2022, 11, 14), "part of day", "14 Nov 2022, evening"),
        ("2022-03", None, D(2022, 3, 1), D(2022, 3, 31), "month", "March 2022"),
        ("2022-03", "END", D(2022, 3, 21), D(2022, 3, 31), "part of month", "late March 2022"),
        ("2022-02", "END", D(2022, 2, 21), D(2022, 2, 28), "part of month", "late February 2022"),
        ("2022-11", "START", D(2022, 11, 1), D(2022, 11, 10), "part of month", "early November 2022"),
        ("2022-11", "MID", D(2022, 11, 11), D(2022, 11, 20), "part of month", "mid-November 2022"),
        ("2022-W46", None, D(2022, 11, 14), D(2022, 11, 20), "week", "week 46 of 2022 (14–20 Nov)"),
        ("2022-W46-WE", None, D(2022, 11, 19), D(2022, 11, 20), "week", "weekend of 19–20 Nov 2022"),
        ("2022-Q4", None, D(2022, 10, 1), D(2022, 12, 31), "quarter", "Q4 2022"),
        ("2022-H1", None, D(2022, 1, 1), D(2022, 6, 30), "half", "H1 2022"),
        ("2022-WI", None, D(2022, 12, 1), D(2023, 2, 28), "season", "winter 2022"),
        ("2022", "BEFORE", D(2022, 1, 1), D(2022, 12, 31), "year", "before 2022"),
        ("202", None, D(2020, 1, 1), D(2029, 12, 31), "year", "the 2020s"),
    ],
)
def test_timex_values_become_ranges(
    value: str, mod: str | None, start: dt.date, end: dt.date, precision: str, label: str
) -> None:
    span = parse_timex(value, mod)
    assert span is not None
    assert (span.start, span.end, span.precision, span.label) == (start, end, precision, label)
    assert describe_timex(value, mod) == label


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("PRESENT_REF", "the present"),
        ("PAST_REF", "the past"),
        ("P10Y", "10 years"),
        ("P1D", "1 day"),
        ("PT30M", "30 minutes"),
        ("PXY", "years"),
        ("XXXX-11-14", "XXXX-11-14"),
        ("2022-13", "2022-13"),
        ("2022-02-30", "2022-02-30"),
        ("2022-W60", "2022-W60"),
        ("", "undated"),
    ],
)
def test_values_without_a_calendar_range_are_described(value: str, described: str) -> None:
    assert parse_timex(value) is None
    assert describe_timex(value) == described


def test_axis_places_days_and_ranges() -> None:
    march = parse_timex("2022-03")
    meeting = parse_timex("2022-11-14")
    assert march is not None and meeting is not None
    axis = Axis([march, meeting])
    assert (axis.first, axis.last) == (D(2022, 3, 1), D(2022, 11, 14))
    start = axis.place(march)
    assert start.left == 0 and not start.point
    assert start.width == pytest.approx(100 * 31 / axis.days, abs=0.01)
    end = axis.place(meeting)
    assert end.point and 99 < end.left < 100
    ticks = axis.ticks()
    assert 1 <= len(ticks) <= MAX_TICKS
    assert ticks[0].label == "Mar 2022"
    assert all(0 <= t.left <= 100 for t in ticks)
    assert [t.left for t in ticks] == sorted(t.left for t in ticks)


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (D(2022, 11, 14), D(2022, 11, 17), "day"),
        (D(2022, 11, 1), D(2022, 12, 20), "week"),
        (D(2020, 1, 1), D(2025, 6, 1), "year"),
    ],
)
def test_axis_ticks_fit(first: dt.date, last: dt.date, unit: str) -> None:
    axis = Axis([], [first, last])
    ticks = axis.ticks()
    assert 1 <= len(ticks) <= MAX_TICKS
    if unit == "day":
        assert [t.label for t in ticks] == ["14 Nov", "15 Nov", "16 Nov", "17 Nov"]
    if unit == "year":
        assert all(t.label.isdigit() for t in ticks)


def test_empty_axis_has_no_ticks() -> None:
    assert Axis([None]).ticks() == []
