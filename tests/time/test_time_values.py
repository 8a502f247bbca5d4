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
        assert year == day.year


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
