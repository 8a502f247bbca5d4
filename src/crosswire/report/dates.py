"""TIMEX3 values as calendar ranges a reader (and a date axis) can use.

A value keeps the precision it was written with: ``2022-11-14`` is a day, ``2022-W46`` a week, ``2022-03`` with
``mod="END"`` is "late March 2022" (the last third of the month). Values that name no calendar range (``PRESENT_REF``,
``XXXX-11-14``, durations) parse to ``None`` and are described in words instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from crosswire.time.values import TimexValue, parse_value

Precision = Literal["time", "part of day", "day", "week", "month", "part of month", "quarter", "half", "season", "year"]


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


def _with_mod(label: str, mod: str | None) -> str:
    template = _MODS.get((mod or "").upper())
    return template.format(label) if template else label


def _day_span(found: TimexValue, mod: str | None) -> TimeSpan:
    date, value = found.start, found.value
    if found.clock is not None:
        return TimeSpan(value, date, date, "time", _with_mod(f"{_day_label(date)}, {found.clock}", mod))
    if found.part_of_day is not None:
        label = f"{_day_label(date)}, {_PARTS_OF_DAY[found.part_of_day]}"
        return TimeSpan(value, date, date, "part of day", _with_mod(label, mod))
    return TimeSpan(value, date, date, "day", _with_mod(_day_label(date), mod))


def _week_span(found: TimexValue, mod: str | None) -> TimeSpan:
    start, end = found.start, found.end
    if found.unit == "weekend":
        label = f"weekend of {start.day}–{_day_label(end)}"
    else:
        year, week, _ = start.isocalendar()
        first = f"{start.day} {start:%b}" if start.month != end.month else str(start.day)
        label = f"week {week} of {year} ({first}–{end.day} {end:%b})"
    return TimeSpan(found.value, start, end, "week", _with_mod(label, mod))


def _month_span(found: TimexValue, mod: str | None) -> TimeSpan:
    year, month, last = found.start.year, found.start.month, found.end.day
    name = found.start.strftime("%B %Y")
    part = _MONTH_PARTS.get((mod or "").upper())
    if part:
        word, first_day, last_day = part
        label = f"{word}{name}" if word.endswith("-") else f"{word} {name}"
        start, end = dt.date(year, month, first_day), dt.date(year, month, min(last_day, last))
        return TimeSpan(found.value, start, end, "part of month", label)
    return TimeSpan(found.value, found.start, found.end, "month", _with_mod(name, mod))


def _period_span(found: TimexValue, mod: str | None) -> TimeSpan | None:
    """Quarters, halves, seasons, years and decades; None for what a reader's calendar does not show (centuries)."""
    start, end, year = found.start, found.end, found.start.year
    if found.unit in ("quarter", "half"):
        kind = "Q" if found.unit == "quarter" else "H"
        number = (start.month - 1) // (3 if kind == "Q" else 6) + 1
        precision: Precision = "quarter" if kind == "Q" else "half"
        return TimeSpan(found.value, start, end, precision, _with_mod(f"{kind}{number} {year}", mod))
    if found.unit == "season":
        name = next(name for name, month in _SEASONS.values() if month == start.month)
        return TimeSpan(found.value, start, end, "season", _with_mod(f"{name} {year}", mod))
    if found.unit == "year":
        return TimeSpan(found.value, start, end, "year", _with_mod(str(year), mod))
    if found.unit == "decade":
        return TimeSpan(found.value, start, end, "year", _with_mod(f"the {year}s", mod))
    return None


def parse_timex(value: str | None, mod: str | None = None) -> TimeSpan | None:
    """The calendar range of a TIMEX3 date value, or ``None`` when it names none (durations, references, ``XXXX``)."""
    found = parse_value(value)
    if found is None:
        return None
    if found.unit == "day":
        return _day_span(found, mod)
    if found.unit in ("week", "weekend"):
        return _week_span(found, mod)
    if found.unit == "month":
        return _month_span(found, mod)
    return _period_span(found, mod)


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
