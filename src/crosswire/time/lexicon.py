"""The words of English time expressions: months, weekdays, numbers, units, parts of day, modifiers.

Kept apart from the patterns so that the tables (what "Sept." or "twenty-four" means, which TIMEX3 code a unit or a
season gets) are read in one place, and the regular-expression fragments built from them stay consistent with the
parsers that read the matched text back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _i

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thurs", "thur", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _i

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Part-of-day codes of TIMEX3.
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "midafternoon": "AF",
    "mid-morning": "MO",
    "midmorning": "MO",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

UNITS = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "weekend",
    "fortnight": "fortnight",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centuries": "century",
}

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
# Quantities TimeML leaves unspecified ("several years" -> PXY).
# "a couple of years" is annotated as two (P2Y), so "couple" is a number, not a vague quantity.
VAGUE = {"several", "few", "a few", "some", "many", "numerous", "various"}

# Span modifiers and their TIMEX3 ``mod``.
MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}
POSITION_MODS = {
    "early": "START",
    "earlier": None,
    "late": "END",
    "later": None,
    "mid": "MID",
    "mid-": "MID",
    "middle": "MID",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "the turn of": "START",
}


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_ABBREV_MONTHS = {k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july")}
MONTH_RE = rf"(?:{alt({k for k in MONTHS if k not in _ABBREV_MONTHS})}|(?:{alt(_ABBREV_MONTHS)})\.?)"
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues?|wed|thurs?|fri|sat|sun)\.)"
NUMBER_WORD_RE = rf"(?:(?:{alt(TENS)})(?:[- ](?:{alt(ONES)}))?|{alt(ONES)}|hundred|thousand|dozen)"
NUMBER_RE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?(?:\s+1/2)?|(?:{NUMBER_WORD_RE})(?:[- ](?:hundred|thousand))?"
    rf"(?:\s+and\s+a\s+half)?|a\s+half|half\s+an?|(?:a\s+)?(?:quarter|half)(?=[-\s]centur)|an?|(?:a\s+)?couple(?:\s+of)?(?=\s)|a\s+few|several|few|many|a\s+dozen|dozens\s+of)"
)
YEAR_RE = r"(?:1[0-9]\d\d|20\d\d)"
MOD_RE = rf"(?:{alt(MODS)})"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def words_to_number(text: str) -> float | None:
    """The quantity a number phrase states; None for vague ones ("several", "a few")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in VAGUE or t in {"a few", "dozens of", "many"}:
        return None
    half = 0.0
    if t.endswith(" and a half"):
        t = t[: -len(" and a half")]
        half = 0.5
    if t.endswith(" 1/2"):
        t = t[:-4]
        half = 0.5
    if t in ("a half", "half a", "half an", "half"):
        return 0.5
    if t in ("quarter", "a quarter"):
        return 0.25  # "a quarter century"
    if t in ("a", "an"):
        return 1 + half
    if t in ("a couple of", "a couple", "couple", "couple of"):
        return 2
    if t in ("a dozen", "dozen"):
        return 12
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", ""))  # "30,000"
    try:
        return float(t) + half
    except ValueError:
        pass
    total = 0
    current = 0
    for word in t.split():
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current + half


def spoken_year(text: str) -> int | None:
    """A year said in words: "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    words = text.lower().replace("-", " ").split()
    if len(words) >= 2 and words[0] in ONES and ONES[words[0]] >= 10:
        rest = words_to_number(" ".join(words[1:]))
        if rest is not None and rest < 100:
            return ONES[words[0]] * 100 + int(rest)
    n = words_to_number(" ".join(words))
    return int(n) if n is not None and 1000 <= n <= 2100 and n == int(n) else None
