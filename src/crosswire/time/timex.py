"""Time expressions in one article, resolved to the calendar (per-article stage).

Finding is regex-first (:mod:`.rules`, :mod:`.relative`): every pattern runs over the text, overlapping matches
keep the longest, the learned tagger (:mod:`.tagger`) moves each survivor's edges to where annotators draw them, and
each is resolved against its reference time: the publication day (``Article.published``), the date the narrative
has reached ("two days later"), or, inside a quotation, the day it was said (:mod:`.speech`). Only the
expressions whose reading depends on tense ("Friday", "in January", "Nov. 19") ask the shared spaCy parse for the
direction of their governing verb (``time_tense``), so an article without such expressions is never parsed here.

Without a publication date, relative expressions get TimeML underspecified values ("XXXX-XX-XX", "XXXX-11-19");
the corpus stage ``dating`` re-resolves them once it has inferred a date (:func:`resolve_article`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from crosswire.context import Context
from crosswire.model import Article, Timex
from crosswire.time import periods, speech
from crosswire.time import ranges as range_rules
from crosswire.time import relative as relative_rules
from crosswire.time import rules as absolute_rules
from crosswire.time import tagger as learned
from crosswire.time import values as tv
from crosswire.time.lexicon import WEEKDAY_RE
from crosswire.time.rules import Candidate, Ctx
from crosswire.time.tense import FUTURE, PAST, UNKNOWN, act_time, direction_at, reporting_time
from crosswire.time.values import anchor_date

# The regex engine's own parser, to read the first characters a pattern can match (:func:`guarded`). It is private
# (CPython 3.11+): where it is missing or has changed, the patterns are compiled as written, which matches the same.
try:
    import re._constants as _sre  # type: ignore[import-not-found]
    import re._parser as _sre_parse  # type: ignore[import-not-found]

    # Character categories as written in a class; the negated ones bound nothing.
    _CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_SPACE: r"\s"}
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _sre = _sre_parse = None
    _CATEGORIES = {}

_WEEKDAY = re.compile(rf"\b{WEEKDAY_RE}", re.IGNORECASE)
# How many paragraphs without a date of their own the narrative time outlasts (see :func:`resolve`).
_NARRATIVE_PARAGRAPHS = 2
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@cache
def _patterns() -> list[tuple[re.Pattern[str], absolute_rules.Rule]]:
    """Every rule's pattern, compiled once, bounded so that a match never starts or ends inside a word, and guarded by
    the characters a match can start with (:func:`guarded`)."""
    rules = [*absolute_rules.RULES, *periods.RULES, *range_rules.RULES, *relative_rules.RULES]
    return [(guarded(rf"(?<![\w'’])(?:{pattern})(?![\w])", re.IGNORECASE), rule) for pattern, rule in rules]


@cache
def _needs() -> list[tuple[frozenset[str], ...]]:
    """Per pattern of :func:`_patterns`, the words a text must hold for it to match (:func:`needed`)."""
    return [needed(pattern.pattern, pattern.flags) for pattern, _ in _patterns()]


# The non-ASCII characters a case-insensitive ASCII letter matches ("ſ" for "s", the Kelvin sign for "k", the
# dotted and dotless i), each read as that letter before the patterns run: the rules look their matches up in tables
# of ASCII words ("ſummer" is no key of the seasons), and lower casing does not turn them into the letter. One code
# point for one, so every offset stays the text's.
ASCII_FOLDS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def needed(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    """Strings, lower case, that every match of ``pattern`` holds: one of each set. Empty when none is known.

    Read off the parsed pattern: a run of ASCII literals is a string every match holds; of alternatives, each
    branch must hold one of its own (so the union of what each branch needs, when every branch needs something); a
    repeat at least once needs what its body needs. Anything the reading does not know needs nothing. A pattern
    that cannot match a text without one of each set is skipped for it (:func:`candidates`): the same matches, fewer
    scans."""
    if _sre_parse is None:
        return ()
    try:
        return tuple(_needed_in(list(_sre_parse.parse(pattern, flags))))
    except (AttributeError, TypeError, ValueError):  # a parser that has changed shape
        return ()


def _needed_in(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _sre.LITERAL and arg < 128:
            run += chr(arg).lower()
            continue
        if run:
            out.append(frozenset({run}))
            run = ""
        if op is _sre.SUBPATTERN:
            out += _needed_in(list(arg[-1]))
        elif op is _sre.BRANCH:
            union: set[str] = set()
            for branch in arg[1]:
                found = _needed_in(list(branch))
                if not found:
                    break
                union |= max(found, key=lambda words: min(map(len, words)))
            else:
                out.append(frozenset(union))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
            out += _needed_in(list(arg[2]))
    if run:
        out.append(frozenset({run}))
    return out


class _Unbounded(Exception):
    """A pattern whose first character :func:`_first_atoms` cannot bound."""


# Flags set for the whole pattern must open it: no lookahead can go before them.
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _in_class(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else re.escape(char)


def _first_atoms(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The atoms (as a character class's items) one of which the first character of a match of ``items`` is, and
    whether ``items`` can match the empty string. Zero-width items (lookarounds, anchors) are skipped: they consume
    nothing. Raises :class:`_Unbounded` for anything else it does not know (a negated class, any character)."""
    atoms: list[str] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            return [*atoms, _in_class(arg)], False
        if op is _sre.IN:
            for kind, value in arg:
                if kind is _sre.LITERAL:
                    atoms.append(_in_class(value))
                elif kind is _sre.RANGE:
                    atoms.append(f"{_in_class(value[0])}-{_in_class(value[1])}")
                elif kind is _sre.CATEGORY and value in _CATEGORIES:
                    atoms.append(_CATEGORIES[value])
                else:
                    raise _Unbounded
            return atoms, False
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue
        if op is _sre.SUBPATTERN:
            inner, empty = _first_atoms(list(arg[-1]))
        elif op is _sre.BRANCH:
            empty = False
            inner = []
            for branch in arg[1]:
                found, can_be_empty = _first_atoms(list(branch))
                inner += found
                empty = empty or can_be_empty
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _, repeated = arg
            inner, empty = _first_atoms(list(repeated))
            empty = empty or low == 0
        else:
            raise _Unbounded
        atoms += inner
        if not empty:
            return atoms, False
    return atoms, True


def guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled with a lookahead for the characters a match can start with, when they can be bounded.

    Every pattern here opens on a lookbehind, which the regex engine tries at every position of the text before
    anything else; the lookahead, a character class, turns most positions away at once (the patterns scan 28% faster
    on FNC-1 bodies). It only restates what the pattern requires, under the same flags, so the matches are the same:
    a case-sensitive piece inside a case-insensitive pattern only widens the class. A pattern that turns case
    insensitivity on inside itself, may match the empty string or opens on something unbounded is left as it is.
    """
    if _sre_parse is None:
        return re.compile(pattern, flags)
    try:
        parsed = _sre_parse.parse(pattern, flags)
        if (not flags & re.IGNORECASE and "(?i" in pattern) or _GLOBAL_FLAGS.match(pattern):
            raise _Unbounded
        atoms, empty = _first_atoms(list(parsed))
    except (_Unbounded, AttributeError, TypeError, ValueError):  # ValueError etc.: a parser that has changed shape
        return re.compile(pattern, flags)
    if empty or not atoms:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{''.join(dict.fromkeys(atoms))}])" + pattern, flags)


def candidates(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order: longest match first, then the rule's priority, then position."""
    found: list[Candidate] = []
    if not text.isascii():
        text = text.translate(ASCII_FOLDS)
    lowered = text.lower()
    for (pattern, rule), needs in zip(_patterns(), _needs(), strict=True):
        if not all(any(map(lowered.__contains__, words)) for words in needs):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            cand = rule(m, text)
            if cand is not None and cand.end > cand.start:
                found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    kept: list[Candidate] = []
    taken = bytearray(len(text) + 1)
    for cand in found:
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


# A dateline: a place (and its region or country), perhaps the agency, then the day, then the agency or a dash
# ("WASHINGTON, March 12 (Xinhua) --", "NAIROBI, Kenya, Aug. 7 -", "MOSCOW (Reuters), Nov. 17 -").
DATELINE_BEFORE = re.compile(
    r"^[\s\W]*[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[,-]\s*$"
)
DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|[-–—_]|\n)")
# How far before the publication day a dateline's day may be: a story filed late in the day and dated the next.
_DATELINE_LAG_DAYS = 3


def _dateline_day(text: str, found: list[Candidate], published: dt.date | None) -> dt.date | None:
    """The day a dateline names, when it is a day or two before the publication day ("WASHINGTON, March 12 (Xinhua)
    --" in a paper dated March 13): the day the story was written, from which its "today", "yesterday" and "on
    Friday" count. None without a dateline, or when it names the publication day itself or a day too far off."""
    if published is None or not found:
        return None
    first = found[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    if text[:line_start].strip() or not re.search(r"\d", text[first.start : first.end]):
        return None  # a dateline opens the text and names a month and a day ("Monday (AP)" may open a sentence)
    if not (DATELINE_BEFORE.match(text[line_start : first.start]) and DATELINE_AFTER.match(text[first.end :])):
        return None
    resolved = first.resolve(Ctx(anchor=published))
    if resolved is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved[0]):
        return None
    day = dt.date.fromisoformat(resolved[0])
    return day if 0 < (published - day).days <= _DATELINE_LAG_DAYS else None


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    """Paragraph breaks between ``start`` and ``end``: blank lines, or single line breaks in a text that has none."""
    between = text[start:end]
    if "\n" not in between:
        return 0
    blank = len(_PARAGRAPH_BREAK.findall(between))
    return blank if blank or _PARAGRAPH_BREAK.search(text) else between.count("\n")


def _reported_quarter(value: str, anchor: dt.date | None) -> bool:
    """Can ``value`` be the quarter an earnings story reports on, the one "a year ago" compares against?

    Only a quarter already over at publication qualifies: "a fourth-quarter charge" or "the third quarter of 1990"
    in a story about third-quarter results is an outlook, and must not redirect "the year-ago period".
    """
    if not re.fullmatch(r"\d{4}-Q[1-4]", value):
        return False
    return anchor is None or tv.to_range(value)[1] <= anchor


def detect(text: str, use_tagger: bool = True) -> list[Candidate]:
    """The rule candidates of ``text``, confirmed and re-edged by the learned tagger (:mod:`.tagger`) when asked."""
    found = candidates(text)
    return learned.refine(text, found) if use_tagger else found


def _first_day(value: str) -> dt.date | None:
    """The first day of a calendar value, or None for anything else (underspecified, references, durations)."""
    try:
        return tv.to_range(value)[0]
    except ValueError:
        return None


class _Parse:
    """The parse of the text, asked for only when a tense-dependent expression needs it."""

    def __init__(self, doc_fn: object | None) -> None:
        self.doc_fn = doc_fn
        self.doc: Any = None  # a spaCy Doc once parsed

    def direction(self, cand: Candidate, anchor: dt.date | None) -> int:
        if not cand.tense or anchor is None or not callable(self.doc_fn):
            return UNKNOWN
        if self.doc is None:
            self.doc = self.doc_fn()
        return direction_at(self.doc, cand.start, cand.end)

    def reported_on(self, text: str, cand: Candidate, found: list[Candidate], anchor: dt.date | None) -> dt.date | None:
        """The day a past report names for itself ("said on Monday that the vote would be held on Thursday"), when
        ``cand`` is in the reported clause: the tense there counts from that day. None when there is none, or when
        it is no day before ``anchor``."""
        if not cand.tense or anchor is None or not callable(self.doc_fn):
            return None
        if self.doc is None:
            self.doc = self.doc_fn()
        for offset in reporting_time(self.doc, cand.start, cand.end):
            said = next((c for c in found if c.start <= offset < c.end and c is not cand), None)
            if said is None or said.type not in ("DATE", "TIME"):
                continue
            resolved = said.resolve(Ctx(anchor=anchor, direction=self.direction(said, anchor)))
            value = resolved[0] if resolved is not None else ""
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", value):
                day = dt.date.fromisoformat(value[:10])
                return day if day < anchor else None
            if re.fullmatch(r"\d{4}-\d{2}", value) and not _WEEKDAY.search(text[cand.start : cand.end]):
                # a report of a month ("said in March that elections would be held in June") tells a month's or a
                # date's tense from that month; a weekday needs a day to count from
                day = dt.date(int(value[:4]), int(value[5:7]), 1)
                return day if (day.year, day.month) < (anchor.year, anchor.month) else None
            return None
        return None

    def act(self, cand: Candidate) -> bool:
        """Is ``cand`` the time of the act its past verb reports? (Asked only after :meth:`direction`.)"""
        return self.doc is not None and act_time(self.doc, cand.start, cand.end)


def _speech_days(
    text: str, found: list[Candidate], anchor: dt.date | None, parse: _Parse
) -> dict[speech.Quote, dt.date]:
    """For each quotation whose reporting clause names a day ("said Monday"), that day."""
    if anchor is None:
        return {}
    quotes = speech.quotations(text)
    days: dict[speech.Quote, dt.date] = {}
    for quote in quotes:
        said = speech.speaking_time(text, quote, found, quotes)
        if said is None:
            continue
        resolved = said.resolve(Ctx(anchor=anchor, direction=parse.direction(said, anchor)))
        if resolved is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", resolved[0]):
            days[quote] = dt.date.fromisoformat(resolved[0][:10])
    return days


def resolve(text: str, published: str | None, doc_fn: object | None = None, use_tagger: bool = True) -> list[Timex]:
    """Timexes of ``text`` resolved against ``published``; ``doc_fn()`` gives the parse when tense is needed.

    Three reference times are in play: the publication day (``anchor``); the time the narrative has reached
    (``Ctx.reference``, for "two days later"); and, inside a quotation whose reporting clause names its day ("said
    Monday"), the day of speaking, which replaces the publication day for everything quoted.
    """
    anchor = anchor_date(published)
    parse = _Parse(doc_fn)
    found = detect(text, use_tagger)
    anchor = _dateline_day(text, found, anchor) or anchor
    ctx = Ctx(anchor=anchor)
    said_on = _speech_days(text, found, anchor, parse)
    out: list[Timex] = []
    last_end = 0
    breaks = 0  # paragraph breaks since the narrative's date was named
    for cand in found:
        breaks += _paragraph_breaks(text, last_end, cand.start)
        if breaks > _NARRATIVE_PARAGRAPHS:
            # The narrative time lasts while the story stays on it: wire copy gives a sentence or two a paragraph, so
            # "On March 3 police arrested him." and "The next day he was freed." are two paragraphs of one scene. Two
            # paragraphs without a date of their own end it; from the third the publication day is the reference.
            ctx.reference = None
            ctx.reference_is_day = False
        last_end = cand.end
        quote = next((q for q in said_on if q.start <= cand.start and cand.end <= q.end), None)
        ctx.anchor = said_on[quote] if quote is not None else parse.reported_on(text, cand, found, anchor) or anchor
        ctx.direction = parse.direction(cand, ctx.anchor)
        ctx.act = ctx.direction in (PAST, FUTURE) and parse.act(cand)
        resolved = cand.resolve(ctx)
        if resolved is None:
            continue
        value, mod = resolved
        if cand.sets_quarter and _reported_quarter(value, anchor):
            ctx.quarter = value
        if cand.sets_reference:
            breaks = 0
            ctx.reference = _first_day(value)
            ctx.reference_is_day = bool(re.match(r"\d{4}-\d{2}-\d{2}", value))
        out.append(
            Timex(
                start=cand.start, end=cand.end, text=text[cand.start : cand.end], type=cand.type, value=value, mod=mod
            )
        )
    return out


def resolve_article(article: Article) -> None:
    """(Re)fill ``article.timexes`` against its current ``published``."""
    from crosswire.nlp.parse import doc_of

    article.timexes = resolve(article.text, article.published, lambda: doc_of(article))


def find_timexes(article: Article, context: Context) -> None:
    """Fill ``article.timexes`` with DATE, TIME, DURATION and SET expressions and their TIMEX3 values."""
    resolve_article(article)
