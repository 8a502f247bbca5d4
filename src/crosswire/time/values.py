"""TIMEX3 value arithmetic: calendar values as date ranges, shifts by a unit, and the reverse.

Every relative expression ("last week", "two months ago", "the third quarter") becomes a value by moving a unit of
some granularity away from the anchor; keeping that arithmetic here, separate from the patterns that find the
expressions, means it is written once and can be checked by round trips (value -> range -> value).

Values follow TimeML TIMEX3: ``YYYY``, ``YYY`` (decade), ``YY`` (century), ``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-Www``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-SP|SU|FA|WI`` and ``YYYY-Www-WE`` (weekend); a day may carry a clock
time (``T08:30``) or a part of the day (``TMO``). :func:`parse_value` is the one reader of these values: the time
stage, the timeline, events, contradictions and the report all take their :class:`TimexValue` from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

Unit = str  # "day" | "week" | "weekend" | "month" | "quarter" | "half" | "year" | "decade" | "century"

UNITS: tuple[Unit, ...] = ("day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century")

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?|T(MO|AF|EV|NI|DT))?$"
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})$")
# Underspecified weekdays: "XXXX-WXX-1" is some Monday, "2022-W46-4" the Thursday of that week.
_WEEKDAY = re.compile(r"^(\d{4}|XXXX)-W(\d{2}|XX)-([1-7])$")
# Where a value is cut to its calendar part ("2022-W46-4" -> "2022-W46", "2022-XX-14" -> "2022"), longest first.
_PREFIX_LENGTHS = (10, 8, 7, 4)

MIN_YEAR = 1
MAX_YEAR = 9998


@dataclass(frozen=True)
class TimexValue:
    """A TIMEX3 calendar value read once: the first and last day it covers, its unit, and what it says of the day."""

    value: str
    start: dt.date
    end: dt.date
    unit: Unit
    clock: str | None = None  # "08:30" for a value with a clock time
    part_of_day: str | None = None  # "MO", "AF", "EV", "NI" or "DT"

    @property
    def is_plain_day(self) -> bool:
        """A whole calendar day, with neither a clock time nor a part of the day."""
        return self.unit == "day" and self.clock is None and self.part_of_day is None


def parse_value(value: str | None, *, prefix: bool = False) -> TimexValue | None:
    """The calendar range of a TIMEX3 value, or ``None`` when it names none (durations, references, ``XXXX-11-14``).

    With ``prefix``, a value that is not on the calendar as a whole is read by its longest calendar beginning, so an
    underspecified weekday "2022-W46-4" still falls in its week and "2022-XX-14" in its year.
    """
    if not value:
        return None
    text = value.strip()
    lengths = (len(text), *(n for n in _PREFIX_LENGTHS if prefix and n < len(text)))
    for length in lengths:
        try:
            found = _read(text[:length])
        except ValueError:  # the shape of a value, naming no real day ("2022-02-30", "2022-13"): not on the calendar
            return None
        if found is not None:
            return found if length == len(text) else TimexValue(text, found.start, found.end, found.unit)
    return None


def _read(value: str) -> TimexValue | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        clock = f"{m[4]}:{m[5]}" if m[4] is not None else None
        return TimexValue(value, day, day, "day", clock, m[6])
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return TimexValue(
            value, dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month"
        )
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return TimexValue(value, monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend")
        return TimexValue(value, monday, monday + dt.timedelta(days=6), "week")
    if m := _QUARTER.match(value):
        first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
        return TimexValue(value, first, add_months(first, 3) - dt.timedelta(days=1), "quarter")
    if m := _HALF.match(value):
        first = dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
        return TimexValue(value, first, add_months(first, 6) - dt.timedelta(days=1), "half")
    if m := _SEASON.match(value):
        first = dt.date(int(m[1]), _SEASON_START[m[2]], 1)
        return TimexValue(value, first, add_months(first, 3) - dt.timedelta(days=1), "season")
    if m := _YEAR.match(value):
        year = int(m[1])
        return TimexValue(value, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if m := _DECADE.match(value):
        first_year = int(m[1]) * 10
        return TimexValue(value, dt.date(max(first_year, MIN_YEAR), 1, 1), dt.date(first_year + 9, 12, 31), "decade")
    if m := _CENTURY.match(value):
        first_year = int(m[1]) * 100
        start = dt.date(max(first_year, MIN_YEAR), 1, 1)
        return TimexValue(value, start, dt.date(first_year + 99, 12, 31), "century")
    return None


def could_be(pattern: str, value: str) -> bool:
    """Whether an underspecified value ("XXXX-11-19", "XXXX-WXX-1" for a Monday) can be the calendar ``value``."""
    week = _WEEKDAY.match(pattern)
    day = parse_value(value)
    if week is not None and day is not None and day.is_plain_day and len(value) == 10:
        year, number, weekday = day.start.isocalendar()
        return int(week[3]) == weekday and week[1] in ("XXXX", str(year)) and week[2] in ("XX", f"{number:02d}")
    return len(pattern) == len(value) and all(p == "X" or p == v for p, v in zip(pattern, value, strict=True))


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    """The ISO week holding ``day`` (TimeML weeks are ISO 8601 weeks)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def value_at(day: dt.date, unit: Unit) -> str:
    """The value of the ``unit``-long period that contains ``day``."""
    if unit == "day":
        return day_value(day)
    if unit == "week":
        return week_value(day)
    if unit == "weekend":
        return week_value(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: Unit, n: int) -> dt.date:
    """``day`` moved ``n`` units (negative: backwards)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, months * n)


def shifted_value(anchor: dt.date, unit: Unit, n: int) -> str:
    """The value of the ``unit`` period ``n`` periods away from the one holding ``anchor``."""
    return value_at(shift(anchor, unit, n), unit)


def to_range(value: str) -> tuple[dt.date, dt.date, Unit]:
    """The first and last day a calendar value covers, and its granularity. Raises ValueError otherwise.

    Only whole periods: a day with a clock time or a part of the day is not a range of days.
    """
    found = parse_value(value)
    if found is None or found.clock is not None or found.part_of_day is not None:
        raise ValueError(f"not a calendar TIMEX3 value: {value!r}")
    return found.start, found.end, found.unit


def from_range(first: dt.date, last: dt.date) -> str:
    """The calendar value covering exactly ``first``..``last``, trying granularities from fine to coarse."""
    candidates: list[str] = [day_value(first), week_value(first), week_value(first) + "-WE"]
    candidates += [value_at(first, u) for u in ("month", "quarter", "half")]
    candidates.append(
        f"{first.year:04d}-" + next(s for s, m in _SEASON_START.items() if m == first.month)
        if first.month in _SEASON_START.values()
        else ""
    )
    candidates += [value_at(first, u) for u in ("year", "decade", "century")]
    for value in candidates:
        if not value:
            continue
        try:
            lo, hi, _ = to_range(value)
        except ValueError:
            continue
        if (lo, hi) == (first, last):
            return value
    raise ValueError(f"no single TIMEX3 value covers {first}..{last}")


def anchor_date(published: str | None) -> dt.date | None:
    """The calendar day of an ISO publication date or datetime, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def nearest_weekday(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The day named ``weekday`` (Monday = 0) seen from ``anchor``.

    ``direction`` < 0: the latest such day on or before the anchor; > 0: the next one after it (the same weekday
    a week later); 0: the one in the anchor's own week, on or before it when that falls earlier in the week.
    """
    delta = weekday - anchor.weekday()
    if direction < 0:
        return anchor + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction > 0:
        return anchor + dt.timedelta(days=delta if delta > 0 else delta + 7)
    return anchor + dt.timedelta(days=delta)


def month_year(anchor: dt.date, month: int, direction: int, day: int = 0, act: bool = False) -> int:
    """The year of ``month`` (and ``day``) named without a year, seen from ``anchor`` with a tense direction.

    Past (< 0): the latest such month on or before the anchor; future (> 0): the next one on or after it. A
    past-tense sentence often announces a date a few weeks ahead ("declared a dividend, payable Dec. 15"), so past
    tense reaches back a year only when the date would otherwise lie more than about two months after the anchor
    (and future tense the other way round).

    No clear tense (0: a present-tense verb, or none: "effective Feb. 1", "worth $130 million in October"): the
    nearest such month. That is the anchor's own year, the usual reading in news, unless it lies more than six months
    away: a January paper's "October" is the one just past, an October paper's "Feb. 1" the one ahead.

    ``act``: the date is the time of the act the past (future) verb reports ("sold the unit in December", "will open
    the plant in September"), so it reaches back (ahead) from any month on the other side of the anchor's: no margin
    for a date announced ahead (or looked back on).
    """
    here = anchor.month * 31 + (anchor.day if day else 0)
    there = month * 31 + (day if day else 0)
    margin = 0 if act else 62
    if direction < 0 and there > here + margin:
        return anchor.year - 1
    if direction > 0 and there < here - margin:
        return anchor.year + 1
    if direction == 0 and abs(there - here) > 6 * 31:
        return anchor.year + (1 if there < here else -1)
    return anchor.year


def parse_year(text: str) -> int | None:
    """A four-digit year, or a two-digit one with an apostrophe ('98 -> 1998, '05 -> 2005)."""
    digits = text.lstrip("'’")
    if not digits.isdigit():
        return None
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        n = int(digits)
        return 2000 + n if n < 30 else 1900 + n
    return None


# ---- holidays --------------------------------------------------------------------------------------------------
# Named days news refers to without a date ("found on Thanksgiving Day", "by Christmas"). Fixed-date ones are a
# (month, day); floating ones a (month, weekday, n) rule, n = -1 for the last such weekday of the month.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "st. patrick's day": (3, 17),
}
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
    "columbus day": (10, 0, 2),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
}
# Days counted from Easter Sunday.
EASTER_HOLIDAYS = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "good friday": -2,
    "holy saturday": -1,
    "maundy thursday": -3,
    "holy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "shrove tuesday": -47,
    "pentecost": 49,
}
# Days counted from US Thanksgiving: the shopping days retail and business news name ("sales on Black Friday").
THANKSGIVING_HOLIDAYS = {"black friday": 1, "cyber monday": 4}
HOLIDAY_NAMES = (*FIXED_HOLIDAYS, *FLOATING_HOLIDAYS, *EASTER_HOLIDAYS, *THANKSGIVING_HOLIDAYS, "election day")


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n`` = -1 is the last one."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The day of holiday ``name`` (lower case, as in ``HOLIDAY_NAMES``) in ``year``."""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in FLOATING_HOLIDAYS:
        return nth_weekday(year, *FLOATING_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    if name in THANKSGIVING_HOLIDAYS:
        return nth_weekday(year, *FLOATING_HOLIDAYS["thanksgiving"]) + dt.timedelta(days=THANKSGIVING_HOLIDAYS[name])
    if name == "election day":
        # US general elections: the Tuesday after the first Monday of November.
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return None


def nearest_holiday(name: str, anchor: dt.date, direction: int) -> dt.date | None:
    """The occurrence of holiday ``name`` seen from ``anchor``: the latest on or before it (direction < 0), the
    next on or after it (> 0), or without a tense the closest one, since news mostly names holidays near it."""
    days = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := holiday_date(name, y)) is not None]
    if direction < 0:
        return max((d for d in days if d <= anchor), default=None)
    if direction > 0:
        return min((d for d in days if d >= anchor), default=None)
    return min(days, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)
