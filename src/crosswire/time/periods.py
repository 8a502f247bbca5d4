"""Periods of a calendar or a business year: quarters and halves ("the third quarter of 2013", "Q3 2013", "FY2014",
"the December quarter"), fiscal years ("the 2013 fiscal year"), a story's reporting period ("the latest quarter", "the
year-ago period") and weeks ("the week of March 6", "the first week of May").

Rules in the shape of :mod:`crosswire.time.rules` (a pattern and the rule that turns its match into a
:class:`~crosswire.time.rules.Candidate`); :mod:`crosswire.time.timex` runs them with the others.
"""

from __future__ import annotations

import datetime as dt
import re

from crosswire.time import values as tv
from crosswire.time.lexicon import MONTH_RE, YEAR_RE, month_number
from crosswire.time.rules import (
    _POS,
    Candidate,
    Ctx,
    Resolved,
    Rule,
    _capitalized,
    _fixed,
    _month_value,
    _pos_mod,
    modifier_start,
)
from crosswire.time.tense import FUTURE, PAST

# "the first half of the year", "the third quarter of the fiscal year": the year is the anchor's, read by tense as
# a bare "the first half" is; "the first half of the game" is not a date.
_THE_YEAR = r"\s+(?:(?:current|fiscal|financial|calendar)\s+)?year\b"

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_QUARTER_ORD["last"] = 4


def _quarter_year(ctx: Ctx, n: int, unit: str) -> int:
    """The year of quarter (or half) ``n`` named without a year: past tense never points past the anchor."""
    assert ctx.anchor is not None
    current = (ctx.anchor.month - 1) // (3 if unit == "quarter" else 6) + 1
    if ctx.direction == PAST and n > current:
        return ctx.anchor.year - 1
    if ctx.direction == FUTURE and n < current - 1:
        return ctx.anchor.year + 1
    return ctx.anchor.year


# A half or a quarter of a game is no part of a calendar: "a first-half goal", "rallied in the fourth quarter". A
# bare one (no year, no "fiscal", no "of the year") in a sentence about a game and not about money is the game's.
_GAME = re.compile(
    r"\b(?:goals?|scor(?:ed|es|ing)|match(?:es)?|games?|kick-?off|half-?time|penalt(?:y|ies)|touchdowns?|innings?|"
    r"strikers?|midfielders?|goalkeepers?|quarterbacks?|referees?|rall(?:ied|y)|trail(?:ed|ing)|sent\s+off|free\s+kick|"
    r"fans|stadium|whistle|equali[sz](?:ed|er)|tournament|league|cup|rebounds?|baskets?|three-pointers?|field\s+goals?)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\b(?:profits?|revenues?|sales|earnings|results|fiscal|econom(?:y|ic)|growth|gdp|shares|percent|dividends?|"
    r"forecasts?|quarterly|output|inflation|budget|income|loss(?:es)?)\b|%|\$|£|€",
    re.IGNORECASE,
)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``: from the last stop or line break before it to the next one after."""
    begin = max(text.rfind(stop, 0, start) for stop in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(stop, end) for stop in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[begin : min(ends) if ends else len(text)]


def _game_period(m: re.Match[str], text: str) -> bool:
    if m["year"] or m["year2"] or m["year3"] or m["rel"] or m["rel3"] or m["ago"] or "fiscal" in m[0].lower():
        return False
    if re.search(r"\sof\s", m[0]):
        return False  # "the second half of the year" is the calendar's
    sentence = _sentence(text, m.start(), m.end())
    return bool(_GAME.search(sentence)) and not _MONEY.search(sentence)


def rule_quarter(m: re.Match[str], text: str) -> Candidate | None:
    """ "the third quarter", "third-quarter", "the 1988 second quarter", "the first half of 1990", "fiscal Q2"."""
    unit = m["unit"].lower()
    ordinal = m["ord"].lower()
    if _game_period(m, text):
        return None
    if ordinal == "last" and not (m["year2"] or m["rel3"] or m["year3"]):
        return None  # "the last quarter" is the previous one (rule_quarter_ref); "the last half of 1989" is H2
    n = 2 if ordinal == "last" and unit == "half" else _QUARTER_ORD.get(ordinal)
    if n is None:
        return None
    if unit == "half" and n > 2:
        return None
    letter = "Q" if unit == "quarter" else "H"
    year_text = m["year"] or m["year2"] or m["year3"]
    rel = (m["rel"] or m["rel3"] or "").lower()
    if m["ago"]:
        rel = "last"  # "the year-ago third quarter": the same quarter a year back
    mod = _pos_mod(m["pre"])

    def resolve(ctx: Ctx) -> Resolved:
        if year_text:
            year: int | str = int(year_text)
        elif ctx.anchor is None:
            year = "XXXX"
        elif rel:
            year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        else:
            year = _quarter_year(ctx, n, unit)
        return f"{year}-{letter}{n}", mod

    start = modifier_start(text, m.start(), m.end())
    return Candidate(
        start, m.end(), "DATE", resolve, tense=not (year_text or rel), priority=1, sets_quarter=not m["ago"]
    )


def rule_quarter_code(m: re.Match[str], text: str) -> Candidate | None:
    """ "Q1", "Q3 2013", "2012 Q4", "H1 2013", "FY2013", "FY '14", "4Q12", "1H 2013": the report codes of business
    news (a DATE).

    A code with a year is that year's quarter or half; a bare "Q3" is read like "the third quarter" (the anchor's
    year, pointed by tense). "FY2013" is the fiscal year named, as "fiscal 2013" is.
    """
    year_text = m["year"] or m["year0"] or m["fy"] or m["year1"]
    year: int | None = None
    if year_text:
        digits = year_text.lstrip("'")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if not 1000 <= year <= 2100:
            return None
    if m["fy"]:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year:04d}"), sets_reference=True)
    letter = (m["l"] or m["l0"] or m["l1"]).upper()
    n = int(m["n"] or m["n0"] or m["n1"])
    if letter == "H" and n > 2:
        return None
    unit = "quarter" if letter == "Q" else "half"

    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return f"{year:04d}-{letter}{n}", None
        if ctx.anchor is None:
            return f"XXXX-{letter}{n}", None
        return f"{_quarter_year(ctx, n, unit)}-{letter}{n}", None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=year is None, priority=1, sets_quarter=True)


def rule_month_quarter(m: re.Match[str], text: str) -> Candidate | None:
    """ "the December quarter", "the June quarter of 2012": the quarter that ends in the month named, as company
    reports with calendar quarters (and Australian and Japanese business news) name them."""
    month = month_number(m["mon"])
    if month is None or month % 3 or not _capitalized(m["mon"]):
        return None
    n = month // 3
    year = int(m["year"]) if m["year"] else None

    def resolve(ctx: Ctx) -> Resolved:
        if year is not None:
            return f"{year:04d}-Q{n}", None
        if ctx.anchor is None:
            return f"XXXX-Q{n}", None
        return f"{_quarter_year(ctx, n, 'quarter')}-Q{n}", None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=year is None, priority=1, sets_quarter=True)


def rule_week_of(m: re.Match[str], text: str) -> Candidate | None:
    """ "the week of March 4": the (ISO) week holding that day, the way schedules and TV listings name a week."""
    month = month_number(m["mon"])
    day = int(m["day"])
    if month is None or not _capitalized(m["mon"]) or not 1 <= day <= 31:
        return None
    year = int(m["year"]) if m["year"] else None

    def resolve(ctx: Ctx) -> Resolved | None:
        first = f"{year:04d}-{month:02d}-{day:02d}" if year else _month_value(ctx, month, None, day)
        if first.startswith("X"):
            return None
        try:
            return tv.value_at(dt.date.fromisoformat(first), "week"), None
        except ValueError:
            return None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=year is None, priority=1)


_WEEK_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "final": 5}


def rule_week_of_month(m: re.Match[str], text: str) -> Candidate | None:
    """ "the first week of April", "the last week of February 2013": the n-th (ISO) week whose Thursday falls in the
    month, or the last such week."""
    month = month_number(m["mon"])
    if month is None or not _capitalized(m["mon"]):
        return None
    n = _WEEK_ORD[m["ord"].lower()]
    year = int(m["year"]) if m["year"] else None

    def resolve(ctx: Ctx) -> Resolved | None:
        month_value = f"{year:04d}-{month:02d}" if year else _month_value(ctx, month, None)
        if month_value.startswith("X"):
            return None
        first, last, _ = tv.to_range(month_value)
        # A week belongs to the month its Thursday is in (the ISO rule for the first week of a year).
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))
        if n == 5:
            thursday = last - dt.timedelta(days=(last.weekday() - 3) % 7)
        return tv.value_at(thursday, "week"), None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=year is None, priority=1)


def rule_fiscal_year_after(m: re.Match[str], text: str) -> Candidate | None:
    """ "the 2013 fiscal year", "the 2012 financial year": the year named, as "fiscal 2013" is."""
    year = int(m["year"])
    if not 1000 <= year <= 2100:
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year:04d}"), priority=1, sets_reference=True)


def rule_year_period(m: re.Match[str], text: str) -> Candidate | None:
    """ "the 1988 quarter", "the 1989 period": the quarter under discussion, in the year named."""
    year = int(m["year"])

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.quarter:
            return f"{year:04d}-{ctx.quarter[5:]}", None
        return f"{year:04d}", None

    return Candidate(m.start(), m.end(), "DATE", resolve, priority=1)


_BUSINESS_PERIOD = re.compile(r"\b(?:quarter|fiscal|earnings|profit|revenue|sales|results)\b", re.IGNORECASE)


def rule_quarter_ref(m: re.Match[str], text: str) -> Candidate | None:
    """ "the quarter", "the latest quarter", "this quarter", "the year-ago quarter", "the year-earlier period"."""
    rel = " ".join((m["rel"] or "").lower().split())
    unit = m["unit"].lower()
    if unit == "period" and not rel:
        return None
    if unit == "period" and not _BUSINESS_PERIOD.search(text, 0, m.start()):
        return None  # "during this period her name was changed": a quarter only in a story about a quarter's results
    if not rel and not m["the"]:
        return None
    back = rel.startswith(("year-", "comparable", "same")) or bool(m["ago"])

    def resolve(ctx: Ctx) -> Resolved | None:
        if ctx.anchor is None:
            return "XXXX-QX", None
        if rel in ("this", "current", "the current") and not back:
            base = tv.value_at(ctx.anchor, "quarter")
        elif rel in ("last", "previous") and not back:
            base = tv.shifted_value(ctx.anchor, "quarter", -1)
        else:
            base = ctx.quarter or tv.shifted_value(ctx.anchor, "quarter", -1)
        if back:
            lo, _, _ = tv.to_range(base)
            return tv.shifted_value(lo, "quarter", -4), None
        return base, None

    return Candidate(m.start(), m.end(), "DATE", resolve, sets_quarter=not back)


RULES: list[tuple[str, Rule]] = [
    (
        rf"(?:(?P<pre>{_POS})\s+)?(?:the\s+)?(?:(?P<year>{YEAR_RE})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+|"
        r"(?P<ago>(?:comparable\s+)?year-(?:ago|earlier)\s+))?"
        r"(?:fiscal[- ](?:year\s+)?)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?"
        rf"(?P<unit>quarter|half)(?!\s+of\s+(?:the(?!{_THE_YEAR})|a|an|its|their|his|her)\b)(?:\s+(?:of\s+(?:"
        rf"(?P<year2>{YEAR_RE})|(?P<rel3>this|last|next)\s+year|fiscal\s+(?P<year3>{YEAR_RE})|the{_THE_YEAR})))?",
        rule_quarter,
    ),
    (
        r"(?P<the>the\s+)?(?:(?P<rel>latest|last|this|current|same|previous|most\s+recent|comparable\s+year-(?:ago|"
        r"earlier)|year-earlier|year-ago|comparable|corresponding)\s+)?(?P<unit>quarter|period)"
        r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?(?!\s+of\b|-)",
        rule_quarter_ref,
    ),
    (rf"the\s+(?P<year>{YEAR_RE})\s+(?:quarter|period)(?![\w-]|\s+of\b)", rule_year_period),
    (
        rf"the\s+(?P<mon>{MONTH_RE})[\s-]+quarter(?![\w-])(?:,?\s+(?:of\s+)?(?P<year>{YEAR_RE})(?!\d))?",
        rule_month_quarter,
    ),
    (rf"the\s+(?P<year>{YEAR_RE})\s+(?:fiscal|financial|budget|tax)\s+year(?![\w-])", rule_fiscal_year_after),
    (
        rf"the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d-]|\s*[-–]\s*\d)"
        rf"(?:,?\s+(?P<year>{YEAR_RE})(?!\d))?",
        rule_week_of,
    ),
    (
        rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH_RE})"
        rf"(?:,?\s+(?P<year>{YEAR_RE})(?!\d))?",
        rule_week_of_month,
    ),
    (
        rf"(?-i:(?P<l>[QH])(?P<n>[1-4]))(?:[\s/-]+(?P<year>{YEAR_RE}|'\d\d)(?!\d))?|"
        rf"(?P<year0>{YEAR_RE})[\s/-]+(?-i:(?P<l0>[QH])(?P<n0>[1-4]))|(?-i:FY)\s?(?P<fy>{YEAR_RE}|'?\d\d)(?!\d)|"
        rf"(?-i:(?P<n1>[1-4])(?P<l1>[QH]))(?:\s?(?P<year1>{YEAR_RE}|'?\d\d))?(?![\d-])",
        rule_quarter_code,
    ),
]
