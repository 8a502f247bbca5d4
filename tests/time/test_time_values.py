"""TIMEX3 value arithmetic: round trips between values and the date ranges they cover."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from crosswire.time import values as tv

days = st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(2998, 12, 31))
units = st.sampled_from(["day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"])


@given(days, units)
def test_value_to_range_to_value_round_trips(day: dt.date, unit: str) -> None:
    value = tv.value_at(day, unit)
    first, last, _ = tv.to_range(value)
    assert first <= day <= last or unit == "weekend"
    assert tv.from_range(first, last) == value or (unit == "week" and first.weekday() != 0)


@given(days, units, st.integers(min_value=-8, max_value=8))
def test_shifting_there_and_back_returns_to_the_same_period(day: dt.date, unit: str, n: int) -> None:
    first, _, _ = tv.to_range(tv.value_at(day, unit))
    there = tv.shift(first, unit, n)
    assert tv.value_at(tv.shift(there, unit, -n), unit) == tv.value_at(first, unit)


@given(days, st.integers(min_value=0, max_value=6), st.sampled_from([-1, 1]))
def test_nearest_weekday_lands_on_that_weekday_within_a_week(day: dt.date, weekday: int, direction: int) -> None:
    found = tv.nearest_weekday(day, weekday, direction)
    assert found.weekday() == weekday
    gap = (found - day).days
    assert (-6 <= gap <= 0) if direction < 0 else (1 <= gap <= 7)


@given(days, st.integers(min_value=1, max_value=12), st.sampled_from([-1, 0, 1]))
def test_month_year_never_crosses_more_than_one_year(day: dt.date, month: int, direction: int) -> None:
    year = tv.month_year(day, month, direction)
    assert abs(year - day.year) <= 1
    if direction == 0:
        # without a tense, the nearest such month: never more than about half a year away
        assert abs((year * 12 + month) - (day.year * 12 + day.month)) <= 6


def test_a_month_named_without_tense_is_the_nearest_one() -> None:
    assert tv.month_year(dt.date(1998, 1, 8), 10, 0) == 1997  # a January paper's "October" has just passed
    assert tv.month_year(dt.date(1989, 10, 26), 2, 0, 1) == 1990  # an October paper's "Feb. 1" is ahead
    assert tv.month_year(dt.date(2022, 3, 10), 7, 0) == 2022  # within six months: the anchor's own year
    assert tv.month_year(dt.date(2022, 3, 10), 10, 1) == 2022  # future tense keeps reaching forward


def test_week_values_are_iso_weeks_across_the_new_year() -> None:
    assert tv.value_at(dt.date(2021, 1, 1), "week") == "2020-W53"
    assert tv.shifted_value(dt.date(2022, 12, 30), "week", 1) == "2023-W01"
    assert tv.to_range("2022-W45")[:2] == (dt.date(2022, 11, 7), dt.date(2022, 11, 13))


def test_easter_and_floating_holidays_fall_on_known_days() -> None:
    assert tv.easter(2024) == dt.date(2024, 3, 31)
    assert tv.easter(2019) == dt.date(2019, 4, 21)
    assert tv.holiday_date("good friday", 2024) == dt.date(2024, 3, 29)
    assert tv.holiday_date("thanksgiving day", 2021) == dt.date(2021, 11, 25)
    assert tv.holiday_date("memorial day", 2021) == dt.date(2021, 5, 31)
    assert tv.holiday_date("labor day", 2021) == dt.date(2021, 9, 6)
    assert tv.holiday_date("election day", 2020) == dt.date(2020, 11, 3)
    assert tv.holiday_date("christmas eve", 2021) == dt.date(2021, 12, 24)


@given(days, st.sampled_from(tv.HOLIDAY_NAMES), st.sampled_from([-1, 0, 1]))
def test_nearest_holiday_respects_the_direction_and_stays_near(day: dt.date, name: str, direction: int) -> None:
    found = tv.nearest_holiday(name, day, direction)
    assert found is not None
    assert abs((found - day).days) <= 400  # Easter moves by up to five weeks from one year to the next
    assert direction >= 0 or found <= day
    assert direction <= 0 or found >= day


@given(days, units)
def test_parse_value_reads_every_value_the_arithmetic_writes(day: dt.date, unit: str) -> None:
    value = tv.value_at(day, unit)
    found = tv.parse_value(value)
    assert found is not None
    assert (found.start, found.end, found.unit) == tv.to_range(value)
    assert found.start <= day <= found.end or unit == "weekend"


@given(st.text(max_size=30))
def test_parse_value_never_raises(text: str) -> None:
    found = tv.parse_value(text, prefix=True)
    assert found is None or found.start <= found.end


def test_a_day_keeps_its_clock_time_or_part_of_day() -> None:
    clock = tv.parse_value("2023-03-09T09:00+09:00")
    assert clock is not None and clock.clock == "09:00" and not clock.is_plain_day
    evening = tv.parse_value("2024-01-05TEV")
    assert evening is not None and evening.part_of_day == "EV" and evening.start == dt.date(2024, 1, 5)


def test_prefix_reads_the_calendar_part_of_an_underspecified_value() -> None:
    week = tv.parse_value("2022-W46-4", prefix=True)
    assert week is not None and week.unit == "week" and week.start == dt.date(2022, 11, 14)
    year = tv.parse_value("2019-XX-14", prefix=True)
    assert year is not None and year.unit == "year"
    assert tv.parse_value("2022-W46-4") is None
    # the shape of a day that does not exist is off the calendar, not its year
    assert tv.parse_value("2022-13-45", prefix=True) is None


def test_decades_are_read_with_or_without_their_x() -> None:
    for value in ("196", "196X"):
        found = tv.parse_value(value)
        assert found is not None and found.unit == "decade" and found.start == dt.date(1960, 1, 1)


def test_an_underspecified_weekday_could_be_only_that_weekday() -> None:
    assert tv.could_be("XXXX-WXX-1", "2022-11-14")  # a Monday
    assert not tv.could_be("XXXX-WXX-4", "2022-11-14")
    assert tv.could_be("XXXX-11-14", "2022-11-14")
    assert not tv.could_be("XXXX-11-15", "2022-11-14")
