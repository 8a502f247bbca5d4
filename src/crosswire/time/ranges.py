"""Ranges and spans of named calendar units: each end of "Nov. 19-20", "2012-13", and the quarter "October-December".

TIMEX3 marks each end of a range on its own ("from 2012 to 2013" is two DATEs, and so is "2012-13"; "April 24 and
25" is "April 24" and "25"), so a range gives two candidates from one match: its first end with the year written
after the second ("Sept. 14 and 18, 2012"), and its second end in the first's month and year. A pair of months
that makes up a quarter or half ("the October-December quarter") is that quarter. Ranges of counts ("1500-2000
troops", "May 3 to 5 percent") are none of these. Companion of :mod:`.rules` (named calendar units).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crosswire.time import values as tv
from crosswire.time.lexicon import MONTH_RE, YEAR_RE, month_number
from crosswire.time.periods import _quarter_year
from crosswire.time.rules import (
    _NOT_PLURAL,
    Candidate,
    Ctx,
    Resolved,
    Rule,
    _capitalized,
    _fixed,
    _month_value,
    _valid_day,
)

# What may follow the second number of a range and makes it a count, not a day or a year ("May 3 to 5 million",
# "1500-2000 troops").
_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\b|million\b|billion\b|people\b|men\b|women\b|children\b|(?!"
    + _NOT_PLURAL
    + r")[a-z]+s\b(?!')|-\w)",
    re.IGNORECASE,
)


def _day_range(m: re.Match[str]) -> tuple[int, int, int, int | None] | None:
    """Month, first day, second day and year of "Nov. 19-20", "April 24 and 25", "Sept. 14 and 18, 2012"."""
    if not _capitalized(m["mon"]):
        return None
    month = month_number(m["mon"])
    first, second = int(m["d1"]), int(m["d2"])
    if month is None or not 1 <= first < second <= 31:
        return None
    year = tv.parse_year(m["year"]) if m["year"] else None
    if m["year"] and (year is None or not _valid_day(year, month, second)):
        return None
    return month, first, second, year


def _range_day(month: int, day: int, year: int | None) -> Callable[[Ctx], Resolved | None]:
    if year is not None:
        return _fixed(f"{year:04d}-{month:02d}-{day:02d}")
    return lambda ctx: (_month_value(ctx, month, None, day), None)


def rule_day_range_first(m: re.Match[str], text: str) -> Candidate | None:
    """The first day of a range or pair of days, with the year written after the second ("Sept. 14 and 18, 2012").

    TIMEX3 marks each day of "April 24 and 25" on its own; the first is "April 24", in the year the pair names.
    """
    parts = _day_range(m)
    if parts is None:
        return None
    month, first, _, year = parts
    if year is None or not _valid_day(year, month, first):
        return None
    end = m.end("d1")
    return Candidate(m.start(), end, "DATE", _range_day(month, first, year), priority=3, sets_reference=True)


def rule_day_range_second(m: re.Match[str], text: str) -> Candidate | None:
    """The second day of "Nov. 19-20", "April 24 and 25", "March 3 to 5": a DATE of its own, in the first's month."""
    parts = _day_range(m)
    if parts is None or _COUNT_AFTER.match(text, m.end("d2")):
        return None
    month, _, second, year = parts
    end = m.end() if year is not None else m.end("d2")
    return Candidate(m.start("d2"), end, "DATE", _range_day(month, second, year), tense=year is None, priority=2)


def _year_range(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The two years of "2012-13", "2012-2013", "1850-58", "2012/13"; None for counts ("1500-2000 troops")."""
    first = int(m["y1"])
    if len(m["y2"]) == 2:
        second = first // 100 * 100 + int(m["y2"])
        if second <= first:
            second += 100
        if second - first > 10:
            return None
    else:
        second = int(m["y2"])
        if not first < second <= first + 100:
            return None
    if second > 2100:
        return None
    # A plural noun after "1500-2000" makes a count; "2012/13 results", with two digits after, stays two years.
    if len(m["y2"]) == 4 and _COUNT_AFTER.match(text, m.end()):
        return None
    if text[max(0, m.start() - 1) : m.start()] in ("$", "#", "£", "€", "-", "/"):
        return None
    return first, second


def rule_year_range_first(m: re.Match[str], text: str) -> Candidate | None:
    """The first year of "the 2012-13 season", "1850-58": each year is a DATE of its own, as in "from 2012 to 2013"."""
    years = _year_range(m, text)
    if years is None:
        return None
    return Candidate(m.start("y1"), m.end("y1"), "DATE", _fixed(f"{years[0]:04d}"), priority=1)


def rule_year_range_second(m: re.Match[str], text: str) -> Candidate | None:
    """The second year of "2012-13" (2013), "1999-2000", "2012/13"."""
    years = _year_range(m, text)
    if years is None:
        return None
    return Candidate(m.start("y2"), m.end("y2"), "DATE", _fixed(f"{years[1]:04d}"), priority=1, sets_reference=True)


def rule_month_span_quarter(m: re.Match[str], text: str) -> Candidate | None:
    """ "the October-December quarter", "the January-March period", "the April-September half": a named quarter or half.

    Business news names a calendar quarter by its months; it is the quarter (``2012-Q4``) or half (``2013-H1``) those
    months make up, its year from the year written or, without one, from tense as for "the fourth quarter". Months
    that make up no quarter or half are left to the month rules.
    """
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if first is None or last is None or not (_capitalized(m["m1"]) and _capitalized(m["m2"])):
        return None
    if last - first == 2 and first % 3 == 1:
        unit, letter, n = "quarter", "Q", (first - 1) // 3 + 1
    elif last - first == 5 and first in (1, 7):
        unit, letter, n = "half", "H", 1 if first == 1 else 2
    else:
        return None
    year_text = m["year"]

    def resolve(ctx: Ctx) -> Resolved:
        if year_text:
            return f"{int(year_text)}-{letter}{n}", None
        if ctx.anchor is None:
            return f"XXXX-{letter}{n}", None
        return f"{_quarter_year(ctx, n, unit)}-{letter}{n}", None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=not year_text, priority=1, sets_quarter=True)


# "Nov. 19-20", "April 24 and 25", "March 3 to 5", "Sept. 14 and 18, 2012": two days of one month.
_DAY_RANGE = (
    rf"(?P<mon>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and\b|or\b|to\b|through\b|&)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d|\s*%|[.,]\d)(?:,?\s+(?P<year>{YEAR_RE})(?!\d))?"
)
# "2012-13", "2012-2013", "1850-58", "2012/13": two years.
_YEAR_RANGE = rf"(?P<y1>{YEAR_RE})\s?[-–/]\s?(?P<y2>{YEAR_RE}|\d\d)(?![\d/-]|[.,:]\d)"


RULES: list[tuple[str, Rule]] = [
    (_DAY_RANGE, rule_day_range_first),
    (_DAY_RANGE, rule_day_range_second),
    (_YEAR_RANGE, rule_year_range_first),
    (_YEAR_RANGE, rule_year_range_second),
    (
        rf"(?:the\s+)?(?:(?P<year>{YEAR_RE})\s+)?(?P<m1>{MONTH_RE})\s*[-–/]\s*(?P<m2>{MONTH_RE})\s+(?:quarter|period|half)",
        rule_month_span_quarter,
    ),
]
