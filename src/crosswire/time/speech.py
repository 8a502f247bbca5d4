"""Reported speech and its own time: a quotation's "tomorrow" counts from the day the words were said.

"'We will sign tomorrow,' the minister said Monday." in a Wednesday paper: "Monday" is the day of the speech, and
the quotation's "tomorrow" is the Tuesday after it, not the Thursday after publication. This module finds the
quotations of a text and, for each, the time expression of its reporting clause ("said Monday", "told reporters on
Friday", "said in a statement Tuesday"), so that :mod:`.timex` can resolve what is inside the quotation against the
day of speaking instead of the publication day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.time.lexicon import MONTH_RE, WEEKDAY_RE
from crosswire.time.rules import Candidate

# Opening and closing marks: curly quotes, straight quotes and the ``TeX'' quotes of older newswire.
_QUOTE = re.compile(r"“[^”\n]{2,1500}”|``[^\n]{2,1500}?''|(?<![\w\"])\"[^\"\n]{2,1500}\"")
_REPORTING = (
    r"(?:said|says|say|told|tells|added|adds|announced|stated|declared|wrote|writes|insisted|warned|explained|"
    r"noted|argued|claimed|asked|replied|responded|recalled|predicted|promised|vowed|acknowledged|admitted)"
)
# The reporting verb then, within a few words, the time expression ("said Monday", "told AP on Friday").
_VERB_BEFORE = re.compile(rf"\b{_REPORTING}\b[^.!?\"“”]{{0,40}}$", re.IGNORECASE)
# The time expression then the verb ("on Monday said", "Monday told reporters").
_VERB_AFTER = re.compile(rf"^\W{{0,3}}(?:\w+\W+){{0,2}}{_REPORTING}\b", re.IGNORECASE)
# A day of speaking is named as a day: a weekday, "today", "yesterday", or a month and day.
_NAMES_A_DAY = re.compile(
    rf"\b(?:{WEEKDAY_RE}|today|yesterday|tonight|{MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_RE})", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“`])|\n")


@dataclass(frozen=True)
class Quote:
    start: int
    end: int


def quotations(text: str) -> list[Quote]:
    """The quoted passages of ``text`` (marks included), in text order."""
    return [Quote(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def inside(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quotation holding ``start``..``end``, if any."""
    return next((q for q in quotes if q.start <= start and end <= q.end), None)


def _clause(text: str, quote: Quote) -> tuple[int, int]:
    """The reporting clause around a quotation: from the sentence start before it to the sentence end after it."""
    before = text.rfind("\n", 0, quote.start) + 1
    for m in _SENTENCE_END.finditer(text, max(0, quote.start - 300), quote.start):
        before = max(before, m.end())
    after = _SENTENCE_END.search(text, quote.end)
    return before, after.start() if after else len(text)


def speaking_time(text: str, quote: Quote, candidates: list[Candidate], quotes: list[Quote]) -> Candidate | None:
    """The candidate naming the day the quotation was said: next to a reporting verb, outside every quotation."""
    lo, hi = _clause(text, quote)
    for cand in candidates:
        if cand.start < lo or cand.end > hi or inside(quotes, cand.start, cand.end) is not None:
            continue
        if cand.type not in ("DATE", "TIME") or not _NAMES_A_DAY.search(text[cand.start : cand.end]):
            continue
        if _VERB_BEFORE.search(text[max(lo, cand.start - 60) : cand.start]) or _VERB_AFTER.match(
            text[cand.end : min(hi, cand.end + 40)]
        ):
            return cand
    return None
