"""TIMEX3 values as calendar ranges a reader (and a date axis) can use.

A value keeps the precision it was written with: ``2022-11-14`` is a day, ``2022-W46`` a week, ``2022-03`` with
``mod="END"`` is "late March 2022" (the last third of the month). Values that name no calendar range (``PRESENT_REF``,
``XXXX-11-14``, durations) parse to ``None`` and are described in words instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["time", "part of day", "day", "week", "month", "part of month", "quarter", "half", "season", "year"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?|T(MO|AF|EV|NI|DT))?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])(\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")

_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9), "WI": ("winter", 12)}
_REFS = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_MODS = {
    "APPROX": "about {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}",
    "ON_OR_AFTER": "from {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}
_MONTH_PARTS = {"START": ("early", 1, 10), "MID": ("mid-", 11, 20), "END": ("late", 21, 31)}


@dataclass(frozen=True)
class TimeSpan:
    """A TIMEX3 value resolved to the calendar: the first and last day it covers (inclusive)."""

    value: str
    start: dt.date
    end: dt.date
    precision: Precision
    label: str

    @property
    def iso_start(self) -> str:
        return self.start.isoformat()

    @property
    def iso_end(self) -> str:
        return self.end.isoformat()


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _with_mod(label: str, mod: str | None) -> str:
    template = _MODS.get((mod or "").upper())
    return template.format(label) if template else label


def _parse_day(match: re.Match[str], value: str, mod: str | None) -> TimeSpan | None:
    year, month, day, hour, minute, part = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if hour is not None:
        return TimeSpan(value, date, date, "time", _with_mod(f"{_day_label(date)}, {hour}:{minute}", mod))
    if part is not None:
        label = f"{_day_label(date)}, {_PARTS_OF_DAY[part]}"
        return TimeSpan(value, date, date, "part of day", _with_mod(label, mod))
    return TimeSpan(value, date, date, "day", _with_mod(_day_label(date), mod))


def _parse_week(match: re.Match[str], value: str, mod: str | None) -> TimeSpan | None:
    year, week, weekend = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if weekend:
        start, end = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        label = f"weekend of {start.day}–{_day_label(end)}"
    else:
        start, end = monday, monday + dt.timedelta(days=6)
        first = f"{start.day} {start:%b}" if start.month != end.month else str(start.day)
        label = f"week {week} of {year} ({first}–{end.day} {end:%b})"
    return TimeSpan(value, start, end, "week", _with_mod(label, mod))


def _parse_month(match: re.Match[str], value: str, mod: str | None) -> TimeSpan | None:
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    last = _month_end(year, month)
    name = dt.date(year, month, 1).strftime("%B %Y")
    part = _MONTH_PARTS.get((mod or "").upper())
    if part:
        word, first_day, last_day = part
        label = f"{word}{name}" if word.endswith("-") else f"{word} {name}"
        start, end = dt.date(year, month, first_day), dt.date(year, month, min(last_day, last))
        return TimeSpan(value, start, end, "part of month", label)
    return TimeSpan(value, dt.date(year, month, 1), dt.date(year, month, last), "month", _with_mod(name, mod))


def _parse_quarter(match: re.Match[str], value: str, mod: str | None) -> TimeSpan | None:
    year, kind, number = int(match.group(1)), match.group(2), int(match.group(3))
    months = 3 if kind == "Q" else 6
    if not 1 <= number <= 12 // months:
        return None
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    start, end = dt.date(year, first_month, 1), dt.date(year, last_month, _month_end(year, last_month))
    precision: Precision = "quarter" if kind == "Q" else "half"
    return TimeSpan(value, start, end, precision, _with_mod(f"{kind}{number} {year}", mod))


def _parse_season(match: re.Match[str], value: str, mod: str | None) -> TimeSpan:
    year = int(match.group(1))
    name, first_month = _SEASONS[match.group(2)]
    start = dt.date(year, first_month, 1)
    end_year, end_month = (year + 1, 2) if first_month == 12 else (year, first_month + 2)
    end = dt.date(end_year, end_month, _month_end(end_year, end_month))
    return TimeSpan(value, start, end, "season", _with_mod(f"{name} {year}", mod))


def parse_timex(value: str | None, mod: str | None = None) -> TimeSpan | None:
    """The calendar range of a TIMEX3 date value, or ``None`` when it names none (durations, references, ``XXXX``)."""
    if not value:
        return None
    value = value.strip()
    if match := _DAY.match(value):
        return _parse_day(match, value, mod)
    if match := _WEEK.match(value):
        return _parse_week(match, value, mod)
    if match := _MONTH.match(value):
        return _parse_month(match, value, mod)
    if match := _QUARTER.match(value):
        return _parse_quarter(match, value, mod)
    if match := _SEASON.match(value):
        return _parse_season(match, value, mod)
    if match := _YEAR.match(value):
        year = int(match.group(1))
        if year < 1:
            return None
        return TimeSpan(value, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", _with_mod(str(year), mod))
    if match := _DECADE.match(value):
        decade = int(match.group(1)) * 10
        if decade < 1:
            return None
        label = _with_mod(f"the {decade}s", mod)
        return TimeSpan(value, dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "year", label)
    return None


def describe_timex(value: str | None, mod: str | None = None) -> str:
    """How a reader would say the value: "14 Nov 2022", "late March 2022", "the present", "10 years"."""
    if not value:
        return "undated"
    span = parse_timex(value, mod)
    if span is not None:
        return span.label
    if value in _REFS:
        return _with_mod(_REFS[value], mod)
    if value.startswith("P"):
        return _with_mod(_describe_duration(value), mod)
    return _with_mod(value, mod)


_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "DE": "decade"}


def _describe_duration(value: str) -> str:
    match = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)(DE|[YMWDHS])", value)
    if not match:
        return value
    time_part, amount, unit = match.groups()
    name = "minute" if time_part and unit == "M" else _DURATION_UNITS[unit]
    if amount == "X":
        return f"{name}s"
    return f"{amount} {name}" + ("" if amount == "1" else "s")


def publication_span(published: str | None) -> TimeSpan | None:
    """A publication date or datetime (ISO 8601) as the day it names."""
    if not published:
        return None
    return parse_timex(published[:10])
