"""Patterns for expressions relative to the reporting time: days, periods, clock times, durations, sets, references.

"yesterday", "last month", "earlier this month", "this morning", "8:30 a.m.", "the past three years", "each week",
"recently": these carry no calendar name, so their value is arithmetic on the anchor (``time_values``) or a TimeML
constant (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``, durations like ``P3Y``, sets like ``P1W``). Companion of
``time_rules``, which handles named calendar units (months, weekdays, years, quarters).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from crosswire.time import values as tv
from crosswire.time.lexicon import (
    MOD_RE,
    MODS,
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    WEEKDAY_RE,
    YEAR_RE,
    alt,
    month_number,
    weekday_number,
    words_to_number,
)
from crosswire.time.rules import (
    Candidate,
    Ctx,
    Resolved,
    Rule,
    _capitalized_in_sentence,
    _duration,
    _fixed,
    _pod_code,
    _pos_mod,
    _prev_word,
    _title_case_line,
    _unit_of,
    _valid_day,
    _weekday_day,
)
from crosswire.time.tense import FUTURE, PAST

_REL_SHIFT = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "the same": 0,
    "the": 0,
    "last": -1,
    "past": -1,
    "the past": -1,
    "the last": -1,
    "previous": -1,
    "the previous": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "the next": 1,
    "following": 1,
    "the following": 1,
    "this coming": 1,
}


def _norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def rule_relative_day(m: re.Match[str], text: str) -> Candidate | None:
    """ "today", "yesterday", "tomorrow", "tonight", "yesterday morning", "the day before yesterday"; not a name's
    word ("USA Today", "the Today show", "CNN Tonight")."""
    if not m["dd"] and m["w"][1:].islower() and _capitalized_in_sentence(text, m.start("w")):
        return None
    word = _norm(m["w"])
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    offset += {"the day before": -1, "the day after": 1}.get(_norm(m["dd"]), 0)
    pod = _pod_code(m["pod"]) or ("NI" if word == "tonight" else None)
    suffix = f"T{pod}" if pod else ""

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XXXX-XX-XX" + suffix, None
        return (ctx.anchor + dt.timedelta(days=offset)).isoformat() + suffix, None

    return Candidate(m.start(), m.end(), "TIME" if pod else "DATE", resolve, priority=1)


def rule_part_of_day(m: re.Match[str], text: str) -> Candidate | None:
    """ "this morning", "last night", "later this afternoon", "mid-afternoon", "overnight", "mid-morning
    yesterday" (a part of day before the day it is in: a time on that day)."""
    rel = _norm(m["rel"])
    word = _norm(m["pod"]).replace(" ", "-")
    pod = _pod_code(word)
    if pod is None:
        return None
    day = "" if rel else _norm(m["rd"])  # "this morning today" is "this morning" and a day of its own
    if not rel and not day and pod != "AF" and word not in ("mid-morning", "midmorning", "overnight"):
        return None
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel or day, 0)
    end = m.end() if day else m.end("pod")

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return f"XXXX-XX-XXT{pod}", None
        return f"{(ctx.anchor + dt.timedelta(days=offset)).isoformat()}T{pod}", None

    return Candidate(m.start(), end, "TIME", resolve)


def rule_relative_period(m: re.Match[str], text: str) -> Candidate | None:
    """ "last year", "this week", "earlier this month", "the end of the year", "the past decade", "next weekend"."""
    rel = _norm(m["rel"])
    pre = _norm(m["pre"])
    if rel == "the" and not pre:
        return None
    if m["unit"][:1].isupper() and m["unit"][1:].islower() and not _title_case_line(text, m.start()):
        return None  # a capitalized unit in running text is a title's word: ABC's "This Week", "Last Week Tonight"
    unit = _norm(m["unit"]).replace("fiscal ", "")
    if unit == "fiscal year":
        unit = "year"
    shift = _REL_SHIFT.get(rel, 0)
    mod = _pos_mod(pre)

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(
                unit, "XXXX" if unit == "year" else "XXX" if unit == "decade" else "XX"
            ), mod
        return tv.shifted_value(ctx.anchor, unit, shift), mod

    if unit == "weekend" and not rel:
        return None
    return Candidate(m.start(), m.end(), "DATE", resolve, priority=1)


def rule_in_the_period(m: re.Match[str], text: str) -> Candidate | None:
    """ "earlier in the year", "later in the week": the anchor's own period."""
    unit = _norm(m["unit"])

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), None
        return tv.value_at(ctx.anchor, unit), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


def rule_the_year(m: re.Match[str], text: str) -> Candidate | None:
    """ "for the year", "the full year", "the fiscal year": the anchor's year; "the year ended June 30": a year long.

    In company news a bare "the year" is the reporting year; with "ended"/"ending" and a date it names an accounting
    period by its length, which TimeML annotates as a duration.
    """
    after = text[m.end() : m.end() + 24]
    if re.match(r"(?:-|'s?\b|’s?\b|\s+(?:before|after|earlier|later|ago|since|when|that|in\s+which)\b)", after):
        return None
    if re.match(r"\s+(?:ended|ending|to\s+(?:date\b|" + MONTH_RE + "))", after, re.IGNORECASE):
        return Candidate(m.start(), m.end(), "DURATION", _fixed("P1Y"))

    def resolve(ctx: Ctx) -> Resolved:
        return (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


def rule_year_end(m: re.Match[str], text: str) -> Candidate | None:
    """ "year-end", "year's end", "around year end": the end of the anchor's year (of the one before after "since")."""
    back = _prev_word(text, m.start()).lower() == "since"
    mod = MODS.get(_norm(m["mod"])) if m["mod"] else None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XXXX", "END"
        return f"{ctx.anchor.year - (1 if back else 0):04d}", mod or "END"

    return Candidate(m.start(), m.end(), "DATE", resolve)


def rule_weekend(m: re.Match[str], text: str) -> Candidate | None:
    """ "the weekend", "this weekend", "last weekend": the weekend before (or, ahead in the future tense, after)."""
    rel = _norm(m["rel"])

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return "XXXX-WXX-WE", None
        if rel in ("the previous", "the preceding", "the following"):
            # anaphoric: the weekend before or after the day the narrative has reached
            base = ctx.narrative_at("weekend") or ctx.anchor
            if rel != "the following" and base.weekday() >= 5:
                base -= dt.timedelta(days=base.weekday() - 4)  # from inside a weekend, the one before it
            day = tv.nearest_weekday(base, 5, 1 if rel == "the following" else -1)
            return tv.value_at(day, "weekend"), None
        if rel in ("last", "the past", "past", "this past") or (rel == "the" and ctx.direction != 1):
            day = tv.nearest_weekday(ctx.anchor, 5, -1)
        elif rel in ("next", "the coming", "coming", "this coming") or rel == "the":
            day = tv.nearest_weekday(ctx.anchor, 5, 1)
        else:
            day = ctx.anchor if ctx.anchor.weekday() >= 5 else tv.nearest_weekday(ctx.anchor, 5, 1)
        return tv.value_at(day, "weekend"), None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=rel == "the", priority=1)


def rule_weekends(m: re.Match[str], text: str) -> Candidate | None:
    """ "on weekends", "at weekends": every weekend, a SET, as "on Mondays" is every Monday."""
    if _prev_word(text, m.start()).lower() not in ("on", "at", "over", "during"):
        return None
    return Candidate(m.start(), m.end(), "SET", _fixed("XXXX-WXX-WE"), priority=1)


def rule_ref(m: re.Match[str], text: str) -> Candidate | None:
    """ "now", "currently", "recently", "the past", "the future", "soon", "recent years", "the coming months"."""
    word = _norm(m[0])
    if m[0][1:].islower() and _capitalized_in_sentence(text, m.start()):
        return None  # a name's word: "HBO Now", "the Now Zad district", "CNBC Now"
    if word == "soon" and _prev_word(text, m.start()).lower() == "as":
        return None
    if word == "current" and text[m.end() : m.end() + 4].lower() == " acc":
        return None
    if word == "current" and not re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
        return None
    if word == "the present" and text[m.end() : m.end() + 1].isalpha():
        return None
    then = re.search(r"\bthen[\s-]$", text[max(0, m.start() - 5) : m.start()], re.IGNORECASE)
    if word == "current" and then is not None:
        # "at the then current market price", "the then-current chairman": current at a time already past
        return Candidate(m.start() - 5 + then.start(), m.end(), "DATE", _fixed("PAST_REF"))
    if re.fullmatch(
        r"(?:now|currently|current|presently|nowadays|at present|the present|these days|right now|"
        r"at the moment|today's)",
        word,
    ):
        value = "PRESENT_REF"
    elif re.search(r"future|soon|coming|ahead", word):
        value = "FUTURE_REF"
    else:
        value = "PAST_REF"
    return Candidate(m.start(), m.end(), "DATE", _fixed(value))


# A modal or "will" right before ("will one day be", "could one day replace", "hopes to one day run"), or a clause
# opened by "One day," that goes on in the future ("One day, we will see them again").
_MODAL_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|may|might|can|shall|should|must)|'ll|\b(?:hope|want|plan|aim|dream|expect|intend)"
    r"(?:s|ed)?\s+to)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"^,?\s+(?:\w+\s+){0,3}?(?:will|'ll|would|shall|is\s+going\s+to)\b", re.I)


def rule_one_day(m: re.Match[str], text: str) -> Candidate | None:
    """ "Islam will one day be the largest religion", "One day, we will see them again": a day ahead nobody can
    name, ``FUTURE_REF``, not a duration ("sentenced to one day", "one day it rains, the next it snows")."""
    before = text[max(0, m.start() - 30) : m.start()]
    opens = not before.strip() or before.rstrip()[-1:] in ".!?\"“‘'\n"
    if _MODAL_BEFORE.search(before) or (opens and _FUTURE_AFTER.match(text[m.end() : m.end() + 40])):
        return Candidate(m.start(), m.end(), "DATE", _fixed("FUTURE_REF"), priority=3)
    return None


_SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q"}
_SET_UNITS |= {"annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M"}
_SET_UNITS |= {"semiannually": "P6M"}


def rule_set_adverb(m: re.Match[str], text: str) -> Candidate | None:
    """ "daily", "weekly", "hourly"; not the noun in "the Kommersant daily reported"."""
    prev = _prev_word(text, m.start())
    before = text[: m.start()].rstrip()[: -len(prev)].rstrip() if prev else ""
    if prev[:1].isupper() and before and before[-1] not in '.!?"\n':
        return None
    if m[0][:1].isupper() and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
        return None  # a name: "the Daily Mail", "NBC Nightly News", "The Weekly Standard"
    return Candidate(m.start(), m.end(), "SET", _fixed(_SET_UNITS[m[0].lower()]))


def rule_set(m: re.Match[str], text: str) -> Candidate | None:
    """ "every week", "each Thursday", "each July", "twice a week", "six days a week", "$33 million a year", "per day".

    A count of smaller units in each larger one ("six days a week", "eight hours a day") is the larger unit's SET,
    the count being its frequency (TimeML ``freq``, which the value alone does not carry)."""
    what = m["what"]
    mon = month_number(what) if what[:1].isupper() else None
    wd = weekday_number(what) if what[:1].isupper() else None
    lead = _norm(m["lead"])
    if m["freq"] and re.match(r"\s+(?:ago|earlier|later|before|after)\b", text[m.end() : m.end() + 9]):
        return None  # "for six days a week ago": a duration, then a date
    if lead in ("a", "an") and _appositive_unit(text, m.start(), m.end()):
        return None  # "in 1795, a year when Adams was governor": a noun phrase of its own, no rate
    if lead in ("a", "an", "per") and not m["freq"]:
        before = text[max(0, m.start() - 30) : m.start()]
        if not re.search(
            r"(?:\d|million|billion|thousand|percent|%|dollars?|times|once|twice)\W*$", before, re.I
        ) and not (
            # a count of things per unit is a rate, the unit a SET: "four flights a week", "700 seats a week"; a
            # unit of measure ("15 million instructions per second", "60 miles an hour") is not a time expression
            lead in ("a", "an")
            and _unit_of(what) not in ("second", "minute", "hour")
            and re.search(_COUNT_OF_THINGS, before, re.I)
        ):
            return None
    if mon:
        value = f"XXXX-{mon:02d}"
    elif wd is not None:
        value = f"XXXX-WXX-{wd + 1}"
    else:
        unit = _unit_of(what)
        if unit in ("morning", "afternoon", "evening"):
            value = f"XXXX-XX-XXT{_pod_code(unit)}"
        elif unit in ("spring", "summer", "fall", "autumn", "winter"):
            value = {"spring": "XXXX-SP", "summer": "XXXX-SU", "fall": "XXXX-FA", "autumn": "XXXX-FA"}.get(
                unit, "XXXX-WI"
            )
        else:
            n = 2 if _norm(m["other"]) == "other" else 1
            value = _duration(n, unit)
    start = m.start("lead") if lead in ("a", "an", "per") and not m["freq"] else m.start()
    return Candidate(start, m.end(), "SET", _fixed(value), priority=2)


def rule_every_n(m: re.Match[str], text: str) -> Candidate | None:
    """ "every four years", "every few weeks", "every 10 minutes": a SET whose period is the stated duration."""
    num_text = _norm(m["num"])
    n = words_to_number(num_text)
    if n is not None and (n < 1 or n > 1000):
        return None
    unit = _unit_of(m["unit"])
    return Candidate(m.start(), m.end(), "SET", _fixed(_duration(n, unit)), priority=2)


_AGE_AFTER = re.compile(r"\s+(?:of\s+age|or\s+(?:older|younger)|and\s+(?:older|younger))\b", re.IGNORECASE)


def _appositive_unit(text: str, start: int, end: int) -> bool:
    """ "1795, a year when Adams was governor", "Sept. 11, a day that...": a unit in apposition to a date, naming it."""
    return text[:start].rstrip().endswith(",") and bool(
        re.match(r"\s+(?:when|in\s+which|during\s+which|where)\b", text[end : end + 14])
    )


def _not_a_stretch(m: re.Match[str], text: str, unit: str, num_text: str, plural: bool) -> bool:
    """A count and a unit that name no stretch of time: a part ("a quarter of the vote"), an age ("25 years old",
    "children 12 years of age", "adults 21 years or older"), the tail of a larger number ("000 years" in "30,000
    years") or an amount ("a quarter ounce", "a Quarter Pounder")."""
    after = text[m.end() : m.end() + 30]
    if unit == "quarter" and (re.match(r"\s+of\b", after) or (num_text in ("a", "an") and _MEASURED.match(after))):
        return True
    if re.match(r"[\s-]old\b", after, re.IGNORECASE) or m[0].lower().endswith("-old"):
        return True
    if plural and num_text and _AGE_AFTER.match(after):
        return True
    if num_text in ("a", "an") and _appositive_unit(text, m.start(), m.end()):
        return True  # "in 1795, a year when Adams was governor": the year named, no stretch of time
    if unit == "weekend" and num_text in ("a", "an") and not m["ago"] and _MODIFIER_OF_NOUN.match(text, m.end()):
        return True  # "a weekend retreat"
    return bool(m["num"]) and bool(re.search(r"\d[,.]$", text[max(0, m.start("num") - 2) : m.start("num")]))


# "four flights", "700 seats", "40 or so bikes" right before "a week": a count of things, so the unit is a rate
_COUNT_OF_THINGS = rf"\b(?:\d[\d,.]*|{NUMBER_WORD_RE})\s+(?:or\s+(?:so|more)\s+)?(?:[a-z]+\s+)?[a-z]+s\s+$"


def _stretch(m: re.Match[str], start: int, unit: str, n: float | None, mod: str | None) -> Candidate:
    """The count and unit alone, without the "ago", "earlier" or "later" after them, as a DURATION."""
    end = m.end("orso") if m["orso"] else m.end("half") if m["half"] else m.end("unit")
    return Candidate(start, end, "DURATION", _fixed(_duration(n, unit), mod))


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)


def _vague_later(m: re.Match[str], start: int, unit: str, mod: str | None) -> Candidate:
    """ "Minutes later the roof collapsed", "he returned to the club years later": counted from the narrative, which
    is mostly behind the writer, so not FUTURE_REF; with no count there is no day to give, only the stretch, marked
    without "later" as TimeML marks "two days later" (the adverb is a signal)."""
    return _stretch(m, start, unit, None, mod)


# the words after which a plural unit without a count is a stretch of time ("for years", "took months")
_BARE_UNIT_AFTER = {"for", "over", "in", "within", "than", "after", "took", "take", "takes", "lasted", "last"}
_BARE_UNIT_AFTER |= {"spent", "few", "past"}


# verbs whose "over" is a particle ("took over", "handed over"), not "more than"
_OVER_PARTICLE = {"take", "takes", "took", "taken", "taking", "hand", "hands", "handed", "handing", "turn", "turns"}
_OVER_PARTICLE |= {"turned", "turning", "win", "wins", "won", "sign", "signs", "signed"}
# "a weekend retreat", "a weekend campaign": the unit modifies the noun after it, and names no stretch of time
_MODIFIER_OF_NOUN = re.compile(
    r"\s+(?!(?:of|in|at|on|away|with|to|for|and|or|off|out|there|here|ago)\b)[a-z]+(?<!ing)(?<!ed)\b"
)


def rule_duration(m: re.Match[str], text: str) -> Candidate | None:
    """ "three years", "the past two months", "a 10-year", "more than four hours", "two weeks ago", "years ago"."""
    unit = _unit_of(m["unit"])
    num_text = _norm(m["num"]) if m["num"] else ""
    n = words_to_number(num_text) if num_text else None
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    plural = m["unit"].lower().endswith(("s", "ies"))
    vague = not num_text or n is None
    if num_text in ("a", "an") and unit == "second":
        return None
    if _not_a_stretch(m, text, unit, num_text, plural):
        return None
    long_compound = m[0].lower().endswith("-long")  # "a day-long meeting", "decades-long feud": a DURATION
    if long_compound and (not num_text or num_text in ("a", "an")):
        # The article belongs to the noun the compound modifies ("a month-long strike"): the expression is
        # "month-long", one month, or "weeks-long", an unstated number of weeks.
        return Candidate(m.start("unit"), m.end(), "DURATION", _fixed(_duration(None if plural else 1, unit)))
    if n is not None and n == 1 and plural and num_text not in ("one",):
        return None
    # a bare singular unit, or one inside a compound ("after-hours trading", "man-hours"), is no stretch of time
    if not num_text and (not plural or text[max(0, m.start() - 1) : m.start()] == "-"):
        return None
    if not num_text and not (m["ago"] or m["det"]) and _prev_word(text, m.start()).lower() not in _BARE_UNIT_AFTER:
        return None
    if n is not None and n > 1000 and "," not in num_text:
        return None  # "1500 hours" may be a clock; "30,000 years" is written as a count
    mod = MODS.get(_norm(m["mod"])) if m["mod"] else "APPROX" if m["orso"] else None  # "a week or so ago"
    start = m.start()
    if m["mod"] and m["det"] and _norm(m["mod"]) in ("over", "under", "some", "around", "about"):
        start, mod = m.start("det"), None  # "over the past three years": a preposition, not a modifier
    elif _norm(m["mod"]) == "over" and _prev_word(text, m.start()).lower() in _OVER_PARTICLE:
        start, mod = m.start("mod") + len(m["mod"]), None  # "took over a year ago": the verb's particle
        start += len(text[start:]) - len(text[start:].lstrip())
    ago = _norm(m["ago"])
    if ago in ("earlier", "later") and _THAN.match(text, m.end()):
        # "two weeks earlier than usual", "five years later than planned": a comparison, so the stretch between two
        # times, not a time counted back or on from one (the adverb and "than" are signals).
        return _stretch(m, start, unit, n, mod)
    if num_text.startswith("a ") and not ago and text[m.start("unit") - 1] == "-":
        start = m.start("num") + m["num"].lower().rindex(num_text.split()[-1])  # "a quarter-century high"
    if ago:
        sign = -1 if ago in ("ago", "earlier", "before") else 1
        if vague:
            if ago == "later":
                return _vague_later(m, start, unit, mod)
            return Candidate(start, m.end(), "DATE", _fixed("PAST_REF" if sign < 0 else "FUTURE_REF", mod))
        if n is not None and unit in ("decade", "century"):
            n, unit = n * (10 if unit == "decade" else 100), "year"  # "a quarter century ago" is 25 years back
        count = int(n) if n is not None and n == int(n) else None
        if count is None or unit in ("second", "minute", "hour"):
            return Candidate(start, m.end(), "DURATION", _fixed(_duration(n, unit), mod))
        grain = {"weekend": "week", "night": "day", "fortnight": "week"}.get(unit, unit)
        steps = count * (2 if unit == "fortnight" else 1)
        # "ago" and "from now" count from the moment of writing; "earlier" and "later" from the time the narrative
        # has reached ("He was arrested on March 3. Two days later he was released.").
        narrative = ago in ("earlier", "later", "before")

        def resolve(ctx: Ctx) -> Resolved:
            base = ctx.narrative_at(grain) if narrative else ctx.anchor
            if base is None:
                return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(grain, "XXXX"), mod
            return tv.shifted_value(base, grain, sign * steps), mod

        return Candidate(start, m.end(), "DATE", resolve, priority=1)
    return Candidate(start, m.end(), "DURATION", _fixed(_duration(None if vague else n, unit), mod))


_ANAPHORIC_SHIFT = {"that": 0, "the same": 0, "the next": 1, "next": 1, "the following": 1, "the previous": -1}
_ANAPHORIC_SHIFT |= {"the preceding": -1, "the day after": 1, "the day before": -1}


_MEASURED = re.compile(
    r"[\s-]+(?:ounces?|pounds?|pounders?|miles?|inches?|cups?|gallons?|liters?|litres?|points?|percent|shares?|acres?|"
    r"tons?|tonnes?|teaspoons?|tablespoons?|cents?|dollars?|full|turn|mile|note|page|size)\b",
    re.IGNORECASE,
)
_LONG_UNITS = {"hour": "PT1H", "day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}


def rule_closed_long(m: re.Match[str], text: str) -> Candidate | None:
    """ "yearlong", "a weeklong strike", "daylong talks": the one-word compounds of today's wire style, a DURATION of
    one unit as "year-long" is (the article belongs to the noun)."""
    return Candidate(m.start(), m.end(), "DURATION", _fixed(_LONG_UNITS[m["unit"].lower()]), priority=1)


def rule_anaphoric(m: re.Match[str], text: str) -> Candidate | None:
    """ "the next day", "that week", "later that year", "the following morning", "the day before": counted from the
    time the narrative has reached (the last date named, up to two paragraphs back), else from the publication day."""
    dem = _norm(m["dem"] or m["dem2"])
    unit = _norm(m["unit"]) if m["unit"] else "day"
    if dem in ("the day after", "the day before"):
        unit = "day"
    shift = _ANAPHORIC_SHIFT[dem]
    pod = _pod_code(unit)
    grain = "day" if pod else unit
    if dem == "that" and not m["pre"] and grain != "day":
        # "that week" / "that year" alone is often a relative clause's "that" ("a rise that year-on-year...") or a
        # pronoun; only the day ("that day", "that morning") is reliably anaphoric without "earlier"/"later".
        prev = _prev_word(text, m.start()).lower()
        if prev not in ("in", "during", "of", "for", "by", "until", "since", "through"):
            return None

    def resolve(ctx: Ctx) -> Resolved:
        base = ctx.narrative_at(grain)
        if base is None:
            value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(grain, "XXXX")
            return value + (f"T{pod}" if pod else ""), None
        if pod:
            return f"{(base + dt.timedelta(days=shift)).isoformat()}T{pod}", None
        return tv.shifted_value(base, grain, shift), None

    return Candidate(m.start(), m.end(), "TIME" if pod else "DATE", resolve, priority=2)


_CLOCK_DAY_AFTER = re.compile(
    rf"\)?(?:\s+local\s+time)?(?:\s+\([^()\n]{{1,24}}\))?,?\s+on\s+(?:(?P<wd>{WEEKDAY_RE})\b(?!['’]s)|"
    rf"(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>{YEAR_RE})(?!\d))?)",
    re.IGNORECASE,
)
_CLOCK_DAY_BEFORE = re.compile(
    rf"\b(?P<wd>{WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:at|by|from|until|till|before|after)"
    r"(?:\s+(?:about|around|approximately|roughly|shortly|just))?\s+$",
    re.IGNORECASE,
)
_CLOCK_PREPS = {"at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "since", "past"}


def _day_apart(m: re.Match[str], text: str) -> tuple[int | None, tuple[int, int, int | None] | None]:
    """The weekday, or the month, day and year, a clock time is on when the day is written apart from it: "at 11 p.m.
    local time on Wednesday", "Wednesday at 11 p.m.", "at 2:46 p.m. on March 11, 2011", and the wire's "at 10 a.m.
    (1500 GMT) on Friday" (that day is an expression of its own)."""
    after = _CLOCK_DAY_AFTER.match(text, m.end())
    apart = after or _CLOCK_DAY_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    if apart is not None and apart["wd"] and apart["wd"][:1].isupper():
        return weekday_number(apart["wd"]), None
    if after is not None and after["mon"] and after["mon"][:1].isupper():
        month = month_number(after["mon"])
        day, year = int(after["day"]), int(after["year"]) if after["year"] else None
        if month is not None and _valid_day(year or 2000, month, day):
            return None, (month, day, year)
    return None, None


def rule_clock(m: re.Match[str], text: str) -> Candidate | None:
    """ "8:30 a.m.", "around 7:15 p.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday", "midnight",
    "at 4 in the morning", "until 10 at night"."""
    if m["mi24"]:
        hour, minute = int(m["h24"] or m["h24c"]), int(m["mi24"])
        if not (m["tz24"] or m["local"] is not None) or re.search(r"\d[,.:]$", text[max(0, m.start() - 2) : m.start()]):
            return None  # "10:30" alone may be a score, a ratio or a verse; "15:00 GMT", "1400 local time" are times
        if hour > 23 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    elif m["hp"]:
        # "at 4 in the morning", "until 10 at night", "eight o'clock in the evening": the part of day is a.m./p.m.
        n = words_to_number(m["hp"].lower())
        if n is None or not 1 <= n <= 12 or n != int(n) or _prev_word(text, m.start()).lower() not in _CLOCK_PREPS:
            return None
        pm = _norm(m["ppod"]) in ("afternoon", "evening") or (bool(m["night"]) and n >= 6)
        clock = f"{int(n) % 12 + (12 if pm else 0):02d}:00"
    elif m["oc"]:
        n = words_to_number(m["oc"])
        if n is None or not 1 <= n <= 12 or n != int(n):
            return None
        clock = f"{int(n):02d}:00"
    elif m["h"]:
        hour = int(m["h"])
        minute = int(m["mi"]) if m["mi"] else 0
        if not (1 <= hour <= 12 and minute < 60):
            return None
        pm = m["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        clock = f"{hour:02d}:{minute:02d}"
    else:
        if m["w"][1:].islower() and _capitalized_in_sentence(text, m.start("w")):
            return None  # a title's word: the film "High Noon", "Midnight Express", "Live at Midday"
        word = m["w"].lower()
        clock = "24:00" if word == "midnight" else "12:00"
    wd = weekday_number(m["wd"]) if m["wd"] else None
    mon_day: tuple[int, int, int | None] | None = None
    if wd is None and not m["rd"] and not m["mon"]:
        wd, mon_day = _day_apart(m, text)
    rd = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}.get(_norm(m["rd"]), 0)
    mon = month_number(m["mon"]) if m["mon"] else None
    day_of_month = int(m["day"]) if m["day"] else 0
    written_year = None
    if mon_day is not None:
        mon, day_of_month, written_year = mon_day
    mod = MODS.get(_norm(m["mod"])) if m["mod"] else None

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is None:
            return f"XXXX-XX-XXT{clock}", mod
        day: dt.date | None
        if wd is not None:
            day = _weekday_day(ctx, wd, None)
        elif mon is not None:
            from crosswire.time.rules import _month_value

            if written_year is not None:
                return f"{written_year:04d}-{mon:02d}-{day_of_month:02d}T{clock}", mod
            return f"{_month_value(ctx, mon, None, day_of_month)}T{clock}", mod
        elif not m["rd"] and ctx.reference is not None and ctx.reference_is_day:
            # A clock time with no day of its own is on the day the narrative has reached ("He was arrested on
            # March 3. At 10 p.m. he was released.").
            day = ctx.reference
        else:
            day = ctx.anchor + dt.timedelta(days=rd)
        assert day is not None
        return f"{day.isoformat()}T{clock}", mod

    if clock == "24:00" and wd is None and mon is None and not m["rd"]:
        return Candidate(m.start(), m.end(), "TIME", _midnight(resolve, mod), tense=True, priority=2)
    return Candidate(m.start(), m.end(), "TIME", resolve, tense=wd is not None or mon is not None, priority=2)


def _midnight(plain: Callable[[Ctx], Resolved], mod: str | None) -> Callable[[Ctx], Resolved]:
    """A bare "midnight" in a report of the past is the one that began the day ("the fire broke out shortly after
    midnight"), not the one ending it; "at midnight" ahead or in the present stays the coming one."""

    def resolve(ctx: Ctx) -> Resolved:
        if ctx.anchor is not None and ctx.direction == PAST and ctx.reference is None:
            return f"{(ctx.anchor - dt.timedelta(days=1)).isoformat()}T24:00", mod
        return plain(ctx)

    return resolve


def rule_holiday(m: re.Match[str], text: str) -> Candidate | None:
    """ "Thanksgiving Day", "last Christmas", "Easter week", "Labor Day weekend", "Christmas 1998"."""
    name = _norm(m["h"]).replace("’", "'")
    if not m["h"][:1].isupper():
        return None
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]) and not m["year"]:
        return None  # "Christmas Island", "Thanksgiving Parade": part of a name
    rel = _norm(m["rel"])
    unit = _norm(m["unit"]) or "day"
    year = int(m["year"]) if m["year"] else None

    def resolve(ctx: Ctx) -> Resolved | None:
        day: dt.date | None
        if year is not None:
            day = tv.holiday_date(name, year)
        elif ctx.anchor is None:
            return None
        elif rel in ("last", "this past"):
            day = tv.nearest_holiday(name, ctx.anchor - dt.timedelta(days=1), -1)
        elif rel in ("next", "this coming"):
            day = tv.nearest_holiday(name, ctx.anchor + dt.timedelta(days=1), 1)
        elif rel == "this":
            day = tv.holiday_date(name, ctx.anchor.year)
        else:
            direction = ctx.direction if ctx.direction in (PAST, FUTURE) else 0
            # "as Easter week began": a week or weekend named after a holiday may have started before it comes.
            seen_from = ctx.anchor + dt.timedelta(days=6 if unit != "day" and direction == PAST else 0)
            day = tv.nearest_holiday(name, seen_from, direction)
        if day is None:
            return None
        if unit == "weekend" and day.weekday() == 0:
            day -= dt.timedelta(days=1)  # a Monday holiday's weekend ("Labor Day weekend") is the one just before
        return tv.value_at(day, unit), None

    return Candidate(m.start(), m.end(), "DATE", resolve, tense=not (rel or year), priority=2)


_HOLIDAY_RE = alt(tv.HOLIDAY_NAMES).replace("'", "['’]")

_UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|"
    r"century|centuries)"
)
_AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
_TZ = r"(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MSK|ET|PT|CT|MT|EET|EEST|JST|HKT|SGT|AEST|AEDT)"
_CLOCK_WORD_RE = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

RULES: list[tuple[str, Rule]] = [
    (
        r"(?:(?P<pre>earlier|later|early|late)\s+)?(?:(?P<dem>that|the\s+same|the\s+next|(?-i:next)(?=\s+(?:day|"
        r"morning)\b)|the\s+following|"
        r"the\s+previous|the\s+preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|"
        r"(?P<dem2>the\s+day\s+(?:before|after))(?=\s*(?:[,.;:)]|$)))",
        rule_anaphoric,
    ),
    (
        r"(?:(?:early|late|earlier|later)\s+)?(?P<dd>the\s+day\s+(?:before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?",
        rule_relative_day,
    ),
    (
        r"(?:(?P<rel>this|last|later\s+this|early\s+this|earlier\s+this|late\s+this)\s+)?"
        r"(?P<pod>morning|afternoon|evening|night|mid-?\s?afternoon|mid-?\s?morning|overnight)"
        r"(?:\s+(?P<rd>yesterday|today|tomorrow)(?![\w-]))?",
        rule_part_of_day,
    ),
    (
        r"(?:(?P<pre>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|the\s+rest\s+of)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|"
        r"the\s+last|the\s+coming|the\s+next|past|coming|previous|the\s+previous|the\s+following|following|"
        r"the\s+current|current|the)\s+(?P<unit>week|month|year|decade|fiscal\s+year)(?![\w-])",
        rule_relative_period,
    ),
    (r"(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)", rule_in_the_period),
    (r"the\s+(?:(?:full|fiscal|calendar|entire|whole)\s+)?year", rule_the_year),
    (r"(?:(?P<mod>around|about|near)\s+)?(?:the\s+)?(?:year[-\s]end|year['’]s\s+end)(?![\w-])", rule_year_end),
    (
        r"(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|past|coming|the\s+previous|"
        r"the\s+preceding|the\s+following|the)\s+weekend(?!s)",
        rule_weekend,
    ),
    (r"weekends(?![\w-])", rule_weekends),
    (
        r"now|currently|presently|nowadays|at\s+present|the\s+present|these\s+days|right\s+now|recently|lately|"
        r"formerly|the\s+past|recent\s+(?:days|weeks|years|decades)|"
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|current|"
        r"(?:the\s+)?coming\s+(?:days|weeks|months|years|decades)|the\s+years\s+ahead",
        rule_ref,
    ),
    (
        rf"every\s+(?P<num>\d+|{NUMBER_WORD_RE}|few|several|couple\s+of)\s+(?P<unit>seconds|minutes|hours|days|"
        r"nights|weeks|months|quarters|years|decades)",
        rule_every_n,
    ),
    (
        r"daily|nightly|weekly|monthly|yearly|hourly|biweekly|semiannually",
        rule_set_adverb,
    ),
    (
        rf"(?P<freq>(?:once|twice|thrice|{NUMBER_RE}\s+(?:times|days|nights|hours|weeks|months))\s+)?"
        rf"(?P<lead>every|each|per|a|an)\s+"
        rf"(?P<other>other\s+|single\s+)?(?P<what>second|minute|hour|day|night|week|weekend|month|quarter|year|"
        rf"decade|morning|afternoon|evening|spring|summer|fall|autumn|winter|{WEEKDAY_RE}|{MONTH_RE})(?![\w-])",
        rule_set,
    ),
    (
        rf"(?:(?P<mod>{MOD_RE})\s+)?(?P<det>(?:the|each\s+of\s+the|another)\s+)?(?:(?P<rel>past|last|next|first|"
        r"coming|following|previous|final|initial|additional|latest|preceding|remaining|subsequent|recent|"
        r"year-earlier|year-ago)\s+)?"
        rf"(?:(?P<num>{NUMBER_RE})(?:\s+(?:more|additional|full|entire|whole|straight|consecutive|long))?[\s-]+)?(?P<unit>{_UNIT_RE})"
        r"(?:-old|-long)?(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so(?![\w-]))?"
        r"(?:\s+(?P<ago>ago|earlier|later|from\s+now|hence))?(?![\w-])",
        rule_duration,
    ),
    (r"(?P<unit>hour|day|night|week|month|year)long", rule_closed_long),
    (r"one\s+day(?!\s+(?:of|in|after|before|later|earlier|ago|from|to|and|or)\b)", rule_one_day),
    (
        rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|this)\s+)?(?P<h>{_HOLIDAY_RE})"
        rf"(?:\s+(?P<unit>week|weekend)(?!s))?(?:,?\s+(?P<year>{YEAR_RE})(?!\d))?",
        rule_holiday,
    ),
    (
        rf"(?:(?P<mod>around|about|approximately|roughly)\s+)?"
        rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>{_AMPM})|(?P<w>noon|midnight|midday)|"
        rf"(?P<hp>\d{{1,2}}|{_CLOCK_WORD_RE})(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?P<ppod>morning|afternoon|evening)|"
        rf"(?P<night>at\s+night))(?!\s+(?:of|session|shift|edition|news)\b)|"
        rf"(?P<oc>\d{{1,2}}|{_CLOCK_WORD_RE})\s+o['’]clock|"
        rf"(?:(?P<h24>[01]\d|2[0-3])|(?P<h24c>[01]?\d|2[0-3]):)(?P<mi24>[0-5]\d)(?!\d|:\d)(?:\s*(?P<tz24>{_TZ})|(?P<local>(?=\s+local\s+time\b)))?)"
        rf"(?:\s+{_TZ})?(?:,?\s+(?:(?P<wd>{WEEKDAY_RE})|(?P<rd>today|yesterday|tomorrow|tonight)|"
        rf"(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?!\d)))?",
        rule_clock,
    ),
]
