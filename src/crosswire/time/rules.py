"""The patterns that find English time expressions, each with the rule that turns its match into a TIMEX3 value.

Regex-first on purpose: every article goes through this stage, and a compiled pattern per expression family is
fast and predictable. A match yields a :class:`Candidate` carrying its span, its TIMEX3 type and a resolver; the
resolver is called later with the anchor (publication day) and, only for expressions whose reading depends on it,
the tense direction of the governing verb (see ``time_tense``). Span conventions follow TimeML as annotated in
TimeBank: a leading preposition ("on", "in", "at") is left out; determiners and modifiers ("the", "late", "last",
"more than") are kept.

Without an anchor, relative expressions get TimeML underspecified values ("XXXX-11-19", "XXXX-WXX-1",
"XXXX-XX-XX") instead of a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from crosswire.time import values as tv
from crosswire.time.lexicon import (
    MONTH_RE,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    spoken_year,
    weekday_number,
)
from crosswire.time.tense import FUTURE, PAST, PRESENT, UNKNOWN

Resolved = tuple[str, str | None]


@dataclass
class Ctx:
    """What a resolver may know: the anchor day, the tense direction, the quarter last talked about, and the
    reference time the narrative has set (the first day of the last calendar date named in this paragraph or the
    two before: "On March 3 ... two days later" counts from March 3, not from the publication day)."""

    anchor: dt.date | None
    direction: int = UNKNOWN
    quarter: str | None = None
    reference: dt.date | None = None
    reference_is_day: bool = False  # the narrative's date names a day ("March 3", "Monday"), not a month or year
    act: bool = False  # the time of the act a finite past or "will" verb reports ("sold the unit in December")

    @property
    def narrative(self) -> dt.date | None:
        """The day anaphoric expressions ("the next day", "two days later") count from."""
        return self.reference or self.anchor

    def narrative_at(self, grain: str) -> dt.date | None:
        """The day an anaphoric expression of ``grain`` counts from: a day, a week or a weekday ("that day", "three
        days later", "the following week", "the previous Friday") needs a narrative that named a day, since the
        first of a month or a year named ("in 1987 ... that day") is no day of the story; else the publication day."""
        if self.reference is not None and (self.reference_is_day or grain not in ("day", "week", "weekend")):
            return self.reference
        return self.anchor


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    resolve: Callable[[Ctx], Resolved | None]
    tense: bool = False  # does the value depend on the tense of the clause?
    priority: int = 0
    sets_quarter: bool = field(default=False)
    sets_reference: bool = False  # a named calendar date ("March 3", "1990", "Monday") the narrative moves to


Rule = Callable[[re.Match[str], str], Candidate | None]

# "end-2012", "end-March", "start-2014": the wire-service forms, with the hyphen only ("by end 2012" is rare).
_POS = (
    r"(?:early|late|mid|end(?=-)|start(?=-)|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"the\s+turn\s+of)"
)
_POS_MOD = {"early": "START", "late": "END", "mid": "MID", "end": "END", "beginning": "START", "start": "START"}
_POS_MOD |= {"middle": "MID", "turn": "START"}
_PREV_OK = {"in", "on", "since", "by", "until", "till", "before", "after", "from", "during", "through", "to", "of"}
_PREV_OK |= {"and", "or", "last", "next", "this", "early", "late", "mid", "the", "between", "for", "at", "that"}


def _pos_mod(text: str | None) -> str | None:
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    return next((_POS_MOD[w] for w in words if w in _POS_MOD), None)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’.]+)\W*$", text[max(0, start - 30) : start])
    return m.group(1) if m else ""


# A hyphenated time compound before a noun modifies that noun, and the article is the noun's: "the third-quarter
# results", "The year-ago results", "the fourth-quarter charge" are "third-quarter", "year-ago", "fourth-quarter", as
# "a month-long strike" is "month-long" (the TimeML extent is the time expression, not the noun phrase it modifies).
# A time noun as the head ("the year-earlier period", "the first-quarter period") keeps the phrase whole.
_LEADING_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_NOUN_MODIFIED = re.compile(r"[ \t]+(?!(?:quarter|period|half|year|month|week|day)s?\b)[A-Za-z]", re.IGNORECASE)


def modifier_start(text: str, start: int, end: int) -> int:
    """``start``, or the position past a leading article when ``text[start:end]`` is an article and one hyphenated
    compound ("the third-quarter") that modifies the noun after it."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article is None:
        return start
    compound = text[article.end() : end]
    if "-" not in compound or any(ch.isspace() for ch in compound) or not _NOUN_MODIFIED.match(text, end):
        return start
    return article.end()


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline in title case ("Apple Comms Breathing Easier Today")?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]{3,}", text[start : end if end >= 0 else len(text)])
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


_FUNCTION_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "as", "from", "with"}


def _headline(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline, every word but the short function words capitalized ("Sales Fall in May
    Amid Slump")? Stricter than :func:`_title_case_line`, which a short sentence of names can pass."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)])
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return len(content) >= 3 and all(w[:1].isupper() for w in content)


def _capitalized_in_sentence(text: str, start: int) -> bool:
    """Is the word at ``start`` capitalized inside a sentence of running text, as a name's word is ("USA Today", "the
    Daily Mail", "NBC Nightly News"), rather than at a sentence's start or in a title-case headline?"""
    if not text[start : start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in ".!?\"“”‘'’`()[]\n:;—–-":
        return False
    return not _title_case_line(text, start)


def _after_name(text: str, start: int) -> bool:
    """True when the word before ``start`` is a capitalized word inside a sentence ("Theresa May")."""
    prev = _prev_word(text, start)
    if not prev or not prev[:1].isupper() or prev.lower() in _PREV_OK:
        return False
    before = text[max(0, start - len(prev) - 3) : start - len(prev)].rstrip()
    return bool(before) and before[-1] not in ".!?\"'\n:;"


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# unit -> (its code, the code of the next smaller unit, how many of those make one)
_SPLIT = {"year": ("Y", "M", 12), "month": ("M", "D", 30), "day": ("D", "H", 24), "hour": ("H", "M", 60)}
_SPLIT["minute"] = ("M", "S", 60)


def _duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``n`` units, or an unspecified count (``X``) when ``n`` is None."""
    if unit == "decade":
        return f"P{_fmt(n * 10)}Y" if n is not None else "PXDE"
    if unit == "century":
        return f"P{_fmt(n * 100)}Y" if n is not None else "PXC"
    if unit == "fortnight":
        return f"P{_fmt(n * 2)}W" if n is not None else "PXW"
    if n is not None and n != int(n) and unit in _SPLIT:
        # "2 1/2 years" is P2Y6M and "5 1/2 hours" PT5H30M: whole units plus the remainder in the next smaller one
        # (TimeML writes no decimal fractions where a smaller unit exists).
        big, small, per = _SPLIT[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        if unit in ("hour", "minute"):
            return f"PT{f'{whole}{big}' if whole else ''}{rest}{small}"
        return f"P{f'{whole}{big}' if whole else ''}{'T' if unit == 'day' else ''}{rest}{small}"
    code = {"second": "S", "minute": "M", "hour": "H"}.get(unit)
    count = _fmt(n) if n is not None else "X"
    if code:
        return f"PT{count}{code}"
    code = {"day": "D", "night": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y"}[unit]
    return f"P{count}{code}"


def _unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "century"
    return {"night": "day"}.get(w, w)


# ---- resolvers shared by several rules -------------------------------------------------------------------------


def _fixed(value: str, mod: str | None = None) -> Callable[[Ctx], Resolved | None]:
    return lambda ctx: (value, mod)


def _weekday_day(ctx: Ctx, weekday: int, rel: str | None) -> dt.date | None:
    if rel in ("the previous", "the preceding", "the following"):
        # Anaphoric: "down 4.5% from the previous Friday", "talks resumed the following Monday" count from the time
        # the narrative has reached, strictly before or after it.
        base = ctx.narrative_at("day")
        if base is None:
            return None
        if rel == "the following":
            return tv.nearest_weekday(base, weekday, FUTURE)
        return tv.nearest_weekday(base - dt.timedelta(days=1), weekday, PAST)
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    if rel in ("last", "past", "this past"):
        day = tv.nearest_weekday(anchor, weekday, PAST)
        return day - dt.timedelta(days=7) if day == anchor else day
    if rel in ("next", "this coming", "coming"):
        return tv.nearest_weekday(anchor, weekday, FUTURE)
    if rel == "this":
        return tv.nearest_weekday(anchor, weekday, 0)
    if weekday == anchor.weekday():
        # "on Monday" said on a Monday is that day, whatever the tense: "will meet on Monday" in a Monday paper is
        # today's meeting (a week ahead would be "next Monday"), and "met on Monday" is this morning's.
        return anchor
    if ctx.direction == FUTURE:
        return tv.nearest_weekday(anchor, weekday, FUTURE)
    if ctx.direction == PRESENT:
        # The present points neither way ("the summit opens Thursday" is ahead, a headline's "rebels seize town
        # Sunday" behind): the nearest such day, at most three days off.
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return tv.nearest_weekday(anchor, weekday, PAST)


def _month_value(ctx: Ctx, month: int, rel: str | None, day: int = 0) -> str:
    if ctx.anchor is None:
        return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    anchor = ctx.anchor
    # "last October" is the latest October before the anchor's month; "last Oct. 23" the latest Oct. 23 before the
    # anchor's day (and "next" the other way round).
    here, there = (anchor.month, anchor.day if day else 0), (month, day)
    if rel in ("last", "past", "this past"):
        year = anchor.year if there < here else anchor.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = anchor.year if there > here else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        direction = ctx.direction if ctx.direction in (PAST, FUTURE) else UNKNOWN
        year = tv.month_year(anchor, month, direction, day, act=ctx.act)
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# ---- rules ---------------------------------------------------------------------------------------------------

_YEAR_OR_SPOKEN = rf"(?:{YEAR_RE}|'\d\d)"


def rule_month_day(m: re.Match[str], text: str) -> Candidate | None:
    """ "Nov. 19", "Saturday, April 25", "March 26, 1996", "14 November 2022"."""
    if not _capitalized(m["mon"]):
        return None
    month = month_number(m["mon"])
    day = int(m["day"])
    if month is None or not 1 <= day <= 31:
        return None
    if m["year"]:
        year = tv.parse_year(m["year"])
        if year is None or not _valid_day(year, month, day):
            return None
        return Candidate(
            m.start(), m.end(), "DATE", _fixed(f"{year:04d}-{month:02d}-{day:02d}"), priority=2, sets_reference=True
        )

    rel = " ".join(m["rel"].lower().split()) if m.groupdict().get("rel") else None

    def resolve(ctx: Ctx) -> Resolved:
        return _month_value(ctx, month, rel, day), None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=rel is None, priority=2, sets_reference=True)


# Words ending in "s" that are not plural nouns, so that a year before them is still a year ("in 2012 was").
_NOT_PLURAL = r"(?:was|is|has|as|does|its|his|this|thus|plus|versus|towards|across|unless|whereas|perhaps|besides|"
_NOT_PLURAL += r"onwards|afterwards)\b"


def rule_numeric_date(m: re.Match[str], text: str) -> Candidate | None:
    """ISO "2022-11-14", US "11/14/2022", and day first where the month cannot be first ("14/11/2022") or the dots
    say so ("14.11.2022", the European form). "3/4/2022" stays US: a month first is the wire's style."""
    year = tv.parse_year(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) if int(m["y"]) < 30 else 1900 + int(m["y"])
    if year is None:
        return None
    month, day = int(m["m"]), int(m["d"])
    if month > 12 and "/" in m.group(0):
        month, day = day, month
    if not _valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return Candidate(m.start(), m.end(), "DATE", _fixed(value), priority=2, sets_reference=True)


def rule_month_year(m: re.Match[str], text: str) -> Candidate | None:
    """ "March 1996", "January nineteen ninety-seven", "late March 2022", "the end of November 1989"."""
    if not _capitalized(m["mon"]):
        return None
    month = month_number(m["mon"])
    year = tv.parse_year(m["year"]) if m["year"] else spoken_year(m["spoken"] or "")
    if month is None or year is None:
        return None
    value = f"{year:04d}-{month:02d}"
    return Candidate(m.start(), m.end(), "DATE", _fixed(value, _pos_mod(m["pre"])), priority=1, sets_reference=True)


def rule_month(m: re.Match[str], text: str) -> Candidate | None:
    """A month without a year ("in July", "late March", "last April", "June last year"): tense picks the year."""
    if not _capitalized(m["mon"]):
        return None
    month = month_number(m["mon"])
    if month is None:
        return None
    word = m["mon"].lower().rstrip(".")
    if not m["pre"] and not m["rel"] and not m["tmo"] and _after_name(text, m.start()):
        return None
    if (
        not (m["pre"] or m["rel"] or m["tmo"] or m["ry"])
        and _NAME_AFTER.match(text, m.end())
        and _prev_word(text, m.start()).lower() not in _PREV_OK - {"the", "that", "of"}
        and not _headline(text, m.start())
    ):
        return None  # the first word of a name: "August Wilson", "the October Revolution", "the May Fourth Movement"
    if word in ("may", "march") and not (m["pre"] or m["rel"] or m["ry"] or m["tmo"]):
        prev = _prev_word(text, m.start()).lower()
        if prev not in _PREV_OK or m.start() == 0:
            return None
    if len(word) <= 4 and not m["mon"].endswith(".") and word not in ("may", "june", "july"):
        return None
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    ry = m["ry"].lower() if m["ry"] else None
    mod = _pos_mod(m["pre"])

    def resolve(ctx: Ctx) -> Resolved:
        if ry and ctx.anchor is not None:
            year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[ry]
            return f"{year:04d}-{month:02d}", mod
        return _month_value(ctx, month, rel), mod

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=rel is None and ry is None, sets_reference=True)


# Opening a clause, these make a number of 1000-2100 before a plural noun the year ("In 2011 thousands protested",
# "Since 2009 prices have risen"), where "resulted in 1500 deaths" stays a count.
_YEAR_OPENERS = re.compile(
    r"(?:^|[.;:!?,\n\"“(]\s*|\bthat\s+)(?:in|since|by|until|till|from|during|before|after|around|through)\s+$",
    re.IGNORECASE,
)


def _opens_clause(text: str, start: int) -> bool:
    """Does a clause-opening preposition ("In", ", since") stand right before ``start``?"""
    before = text[:start]
    return bool(_YEAR_OPENERS.search(before if len(before) <= 15 else "x" + before[-15:]))


# A determiner before a four-digit number of 1900-2099 and a plural noun after it make it the year that names the
# things ("the 1992 protests", "the 2000 Olympics", "its 2013 results"); news style writes counts of a thousand or
# more with a comma ("the 2,000 troops").
_YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "last", "next", "whose"}


def _determined_year(text: str, start: int, year: int) -> bool:
    return 1900 <= year <= 2099 and _prev_word(text, start).lower() in _YEAR_DETERMINERS


# A number (or a list of them) before a capitalized name and a street word is an address, not a year.
_STREET_AFTER = re.compile(
    r"(?:(?:,\s*|,?\s+(?:and|or|to)\s+|\s*[-–]\s*)\d{1,5})*\s+(?:[A-Z0-9][\w'’.-]*\s+){1,3}(?-i:Street|St\.|Avenue|"
    r"Ave\.?|Boulevard|Blvd\.?|Road|Rd\.|Drive|Dr\.|Lane|Ln\.|Place|Pl\.|Court|Ct\.|Parkway|Pkwy\.?|Highway|Hwy\.|"
    r"Terrace|Plaza)(?![\w])"
)

# the words a statute's title ends in, with its year written right after or right before them
_LAW_WORDS = r"(?-i:Act|Acts|Bill|Regulations|Directive|Ordinance|Statute|Code)"
_LAW_BEFORE = re.compile(rf"\b{_LAW_WORDS},?\s+$")
_LAW_AFTER = re.compile(rf"\s+{_LAW_WORDS}\b")


def _in_law_title(text: str, start: int, end: int) -> bool:
    return bool(_LAW_BEFORE.search(text[max(0, start - 20) : start]) or _LAW_AFTER.match(text, end))


_TIME_PREPS = {"in", "since", "during", "until", "till", "before", "after", "by"}  # "In 2012 Wall Street banks..."


def rule_year(m: re.Match[str], text: str) -> Candidate | None:
    """ "1998", "fiscal 1989", "mid-1996", "the end of 1990", "nineteen ninety-six"."""
    if m["year"]:
        year = int(m["year"])
        before = text[max(0, m.start() - 1) : m.start()]
        after = text[m.end() : m.end() + 12]
        if before in ("$", "#", "-", "/", ".", ",", "£", "€") and not m["pre"]:
            return None
        # "2012 votes", "1200 people": a count of a plural noun; but not "in 2012 was", "2012 is", "2012 as".
        if re.match(
            r"\s*(?:%|percent|per\b|people\b|men\b|women\b|children\b|(?!" + _NOT_PLURAL + r")[a-z]+s\b(?!')|-\w)",
            after,
            re.IGNORECASE,
        ) and not (m["pre"] or m["fy"] or _opens_clause(text, m.start()) or _determined_year(text, m.start(), year)):
            return None
        if re.match(r"[.,:/]\d", after):
            return None
        if (
            not (m["pre"] or m["fy"])
            and _prev_word(text, m.start()).lower() not in _TIME_PREPS
            and _STREET_AFTER.match(text, m.end())
        ):
            return None  # a house number: "1600 Pennsylvania Avenue", "1400 and 1500 Seaport Blvd."
        if not (m["pre"] or m["fy"]) and _in_law_title(text, m.start(), m.end()):
            return None  # a law's title: "the Online Safety Act 2023", "the 2024 Act"
    else:
        spoken = spoken_year(m["spoken"])
        if spoken is None:
            return None
        # "nineteen ninety-six" is hardly anything but a year; "two thousand" often is a count.
        plain = m["spoken"].lower().startswith("two")
        if plain and not m["pre"] and not m["fy"] and _prev_word(text, m.start()).lower() not in _PREV_OK:
            return None
        year = spoken
    if not 1000 <= year <= 2100:
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year:04d}", _pos_mod(m["pre"])), sets_reference=True)


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def rule_decade(m: re.Match[str], text: str) -> Candidate | None:
    """ "the 1990s" -> 199, "the late '70s" -> 197 (mod END), "the nineties"."""
    mod = _pos_mod(m["pre"])
    if m["c"]:
        # "the 1800s" and "the 1900s" are centuries (TIMEX3 "18", "19"); "the 2000s" is the decade 2000-2009.
        century = m["d"] == "0" and m[0].lower().rstrip("'s").endswith("00") and m["c"] != "20"
        value = m["c"] if century else f"{m['c']}{m['d']}"
        return Candidate(m.start(), m.end(), "DATE", _fixed(value, mod), priority=1)
    digit = int(m["d2"]) if m["d2"] else _DECADE_WORDS[m["w"].lower()]

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return f"XX{digit}", mod
        century = ctx.anchor.year // 100
        if digit * 10 > ctx.anchor.year % 100:
            century -= 1
        return f"{century:02d}{digit}", mod

    if not m["the"] and not m["d2"]:
        return None
    return Candidate(m.start(), m.end(), "DATE", resolve, priority=1)


def rule_century(m: re.Match[str], text: str) -> Candidate | None:
    """ "the 20th century" -> 19; "this century", "the last century" from the anchor."""
    mod = _pos_mod(m["pre"])
    if m["ord"]:
        raw = m["ord"].lower()
        n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
        if not n:
            return None
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{n - 1:02d}", mod))
    shift = {"this": 0, "the last": -1, "last": -1, "the next": 1, "next": 1, "the past": -1}[
        " ".join(m["rel"].lower().split())
    ]

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XX", mod
        return f"{ctx.anchor.year // 100 + shift:02d}", mod

    return Candidate(m.start(), m.end(), "DATE", resolve)


def rule_year_ago(m: re.Match[str], text: str) -> Candidate | None:
    """ "a year ago", "a year earlier", "year-earlier": the quarter under discussion a year back, else the year (the
    unit's granularity, as "three years ago" and "a week ago" have theirs)."""
    adjectival = m["adj"] is not None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XXXX", None
        if ctx.quarter:
            lo, _, _ = tv.to_range(ctx.quarter)
            return tv.shifted_value(lo, "quarter", -4), None
        return f"{ctx.anchor.year - 1:04d}", None

    start = modifier_start(text, m.start(), m.end()) if adjectival else m.start()
    return Candidate(start, m.end(), "DATE", resolve, priority=3)


_NAME_AFTER = re.compile(rf"\s+(?!{MONTH_RE}\b|Of\b|And\b)[A-Z][a-z]")


def rule_season(m: re.Match[str], text: str) -> Candidate | None:
    """ "the summer", "last fall", "the winter of 1994", "spring 1998"."""
    code = SEASONS[m["s"].lower()]
    mod = _pos_mod(m["pre"])
    if m["year"] or m["spoken"]:
        year = tv.parse_year(m["year"]) if m["year"] else spoken_year(m["spoken"])
        if year is None:
            return None
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year:04d}-{code}", mod))
    name = m["s"][1:].islower() and not m["rel"] and _NAME_AFTER.match(text, m.end())
    if name and not _title_case_line(text, m.start()):
        return None  # a name: "Winter Park", "the Winter Olympics" ("Spring 2015" keeps its year)
    if (
        code == "FA"
        and not m["rel"]
        and re.match(
            r"\s+(?:of|in)\s+(?!(?:the\s+)?(?:\d|this\b|last\b|next\b|that\b))",
            text[m.end() : m.end() + 16],
            re.IGNORECASE,
        )
    ):
        return None  # a fall, not the season: "the fall of Kobane", "the fall of the Berlin Wall", "the fall in prices"
    rel = " ".join((m["rel"] or "").lower().split())
    ahead = False  # "ahead of winter", "before summer", "until spring": the season that has not yet begun
    if not rel and not m["the"]:
        prev = _prev_word(text, m.start()).lower()
        if prev == "of" and re.search(r"\bahead\s+of\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            prev = "ahead of"
        if prev not in _SEASON_PREPS or code == "FA":
            return None
        ahead = prev in ("ahead of", "before", "until", "by")
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return f"XXXX-{code}", mod
        year = ctx.anchor.year
        started = ctx.anchor.month >= start_month
        if rel in ("last", "past", "this past", "the past") or (not rel and ctx.direction == PAST):
            year = year if ctx.anchor.month >= start_month + 3 or (started and not rel) else year - 1
        elif rel in ("next", "coming", "this coming", "the coming") or (not rel and ctx.direction == FUTURE):
            year = year if not started else year + 1
        return f"{year:04d}-{code}", mod

    def resolve_ahead(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return f"XXXX-{code}", mod
        return f"{ctx.anchor.year + (ctx.anchor.month >= start_month):04d}-{code}", mod

    return Candidate(m.start(), m.end(), "DATE", resolve_ahead if ahead else resolve, tense=not rel and not ahead)


# the prepositions a season written without "the" follows when it is the season ("in spring", "ahead of winter")
_SEASON_PREPS = {"in", "during", "since", "by", "until", "this", "over", "through", "before", "after", "ahead of"}


def rule_this_season(m: re.Match[str], text: str) -> Candidate | None:
    """ "this season": the season the publication day is in (a winter runs from December into the next year)."""

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XXXX-XX", None
        month, year = ctx.anchor.month, ctx.anchor.year
        code = "WI" if month in (12, 1, 2) else "SP" if month < 6 else "SU" if month < 9 else "FA"
        return f"{year - (month < 3):04d}-{code}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


def _pod_code(word: str | None) -> str | None:
    return PARTS_OF_DAY.get(word.lower()) if word else None


# Capitalized words that make a weekday the name of one particular day: primaries, massacres, market crashes. The
# named days that recur on a known date ("Black Friday", "Palm Sunday") are holidays (:mod:`.relative`).
_NAMED_WEEKDAY_WORDS = {"Super", "Bloody", "Black", "Mega", "Manic"}


def rule_weekday(m: re.Match[str], text: str) -> Candidate | None:
    """ "Monday", "last Friday", "Tuesday nights" (a set), "Friday morning" (a time)."""
    if not _capitalized(m["wd"]):
        return None
    weekday = weekday_number(m["wd"])
    if weekday is None:
        return None
    if not (m["pre"] or m["rel"]) and _prev_word(text, m.start()) in _NAMED_WEEKDAY_WORDS:
        return None  # "Super Tuesday", "Bloody Sunday", "Black Monday": the name of a day, not this week's
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    pod = _pod_code(m["pod"])
    if m["pl"] or m["pl2"]:  # "Tuesdays", "Tuesday nights": every such day
        suffix = f"T{pod}" if pod else ""
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-WXX-{weekday + 1}{suffix}"))
    mod = _pos_mod(m["pre"]) or _pos_mod(m["podpre"])  # "late Tuesday afternoon", "Tuesday late afternoon"

    # "Friday morning", "Wednesday night": news annotation (TimeBank, AQUAINT) mostly treats these as the day
    # itself, a DATE with the plain calendar day; the part of day is too vague ("night" is TNI or TEV) to pay off.
    def resolve(ctx: Ctx) -> Resolved:
        day = _weekday_day(ctx, weekday, rel)
        if day is None:
            return f"XXXX-WXX-{weekday + 1}", mod
        return day.isoformat(), mod

    # "Earlier Friday, lawyers filed...": annotators leave "earlier"/"later" out of a weekday, but keep "early"/"late".
    start = m.start() if _norm_pre(m["pre"]) not in ("earlier", "later") else m.start("rel") if rel else m.start("wd")
    return Candidate(start, m.end(), "DATE", resolve, tense=rel is None, priority=1, sets_reference=True)


def _norm_pre(text: str | None) -> str:
    return text.lower() if text else ""


# A weekday abbreviated without its dot, as web page stamps write it before a date ("Fri, 03 Oct 2014", "Tue 10
# Feb 2015"): only there, and only capitalized ("Sat" alone is a verb).
_WD_ABBREV = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?![\w.])"

RULES: list[tuple[str, Rule]] = [
    (
        rf"(?:(?P<wd>{WEEKDAY_RE}|{_WD_ABBREV}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
        rf"(?:,?\s+(?P<year>{_YEAR_OR_SPOKEN})(?!\d))?",
        rule_month_day,
    ),
    (
        rf"(?:(?P<wd>{WEEKDAY_RE}|{_WD_ABBREV}),?\s+|(?P<rel>this\s+past|this\s+coming|last|next)\s+)?(?P<mon>{MONTH_RE})(?:\s+|(?<=\.))"
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d|\s*%)"
        rf"(?:,?\s+(?P<year>{_YEAR_OR_SPOKEN})(?!\d))?",
        rule_month_day,
    ),
    (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d:])", rule_numeric_date),
    (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", rule_numeric_date),
    (r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]|\.\d)", rule_numeric_date),
    (
        rf"(?:(?P<pre>{_POS})(?:\s+|-))?(?:the\s+month\s+of\s+)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?:(?P<year>{_YEAR_OR_SPOKEN})(?!\d)|"
        rf"(?P<spoken>(?:nineteen|eighteen)[- ]\w+(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?))",
        rule_month_year,
    ),
    (
        rf"(?:(?P<pre>{_POS})(?:\s+|-))?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past)\s+|"
        rf"(?P<tmo>the\s+month\s+of)\s+)?(?P<mon>{MONTH_RE})(?:\s+(?:of\s+)?(?P<ry>this|last|next)\s+year(?![\w'’-]))?",
        rule_month,
    ),
    (
        rf"(?:(?P<pre>{_POS})(?:\s+|-))?(?P<fy>(?:the\s+)?fiscal(?:\s+year)?\s+|(?:the\s+)?(?:calendar\s+)?year\s+)?"
        rf"(?:(?P<year>{YEAR_RE})|(?P<spoken>(?:nineteen|eighteen)[- ](?:\w+ty)(?:[- ]\w+)?|two\s+thousand(?:\s+and\s+"
        rf"(?:one|two|three|four|five|six|seven|eight|nine|ten))?))(?!\d|(?<=0)['’]s\b)",
        rule_year,
    ),
    (
        r"(?P<the>the\s+)?(?:(?P<pre>early|late|mid)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|"
        r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
        rule_decade,
    ),
    (
        rf"(?:(?P<pre>{_POS})\s+)?(?:the\s+)?(?:(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
        r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
        r"eighteenth|nineteenth|twentieth|twenty-first)|(?P<rel>this|the\s+last|last|the\s+next|next|the\s+past))"
        r"[\s-]+century",
        rule_century,
    ),
    (r"(?:the\s+)?(?P<adj>year-(?:earlier|ago))(?!\s+(?:quarter|period))|a\s+year\s+(?:ago|earlier)", rule_year_ago),
    (
        rf"(?:(?P<pre>{_POS})\s+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past|the\s+past|the\s+coming)"
        rf"\s+|(?P<the>the\s+)(?:(?:early|late)\s+)?)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR_RE})|(?P<spoken>(?:nineteen|eighteen)[- ]\w+(?:[- ]\w+)?)))?",
        rule_season,
    ),
    (r"this\s+season(?![\w-])", rule_this_season),
    (
        rf"(?:(?P<pre>early|late|earlier|later)\s+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past|"
        rf"the\s+previous|the\s+preceding|the\s+following)\s+)?(?P<wd>{WEEKDAY_RE})(?P<pl>s)?"
        r"(?:\s+(?:(?P<podpre>early|late)\s+)?(?P<pod>morning|afternoon|evening|night|mid-afternoon|mid-morning)(?P<pl2>s)?)?",
        rule_weekday,
    ),
]
