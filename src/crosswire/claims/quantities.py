"""Figures a proposition gives, and whether two of them are one figure told two ways.

:func:`quantities` reads the figures of a text with what they count ("800 jobs", "$5 million", "eight years"),
leaving out bounds ("more than 170") and days ("March 12"), and marking round figures ("about 310,000"). The tests
:func:`crosswire.claims.contradictions.figure_pairs` applies to two propositions giving figures of one unit live
here too: whether the figures have none in common (:func:`_apart`, rounding allowed), whether the propositions say
one thing of them (:func:`_shared_deed`, :func:`_figure_deed`, :func:`_one_figure`), and whether an article tells
its figure as a change on the other's (:func:`_changes`, :func:`_moved`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.claims.predicates import stem
from crosswire.claims.propositions import Proposition
from crosswire.time.lexicon import MONTH_RE, ONES, TENS

# Two propositions of one story from different articles, as alike as this (their own texts embedded), may give one
# figure two ways; as alike as LOOSE_FIGURE, when their words share SHARED_WORDS content words besides the unit
# ("the deal would put 800 jobs at risk" / "1,200 jobs are at risk if the deal goes ahead": deal, risk).
SAME_FIGURE = 0.6
LOOSE_FIGURE = 0.5
SHARED_WORDS = 2
# A round figure ("about 310,000") stands against another only when they are further apart than rounding goes.
ROUNDING = 0.15
# Number words up to twenty, from the time lexicon's table ("eight years", "twelve jobs").
_WORD_NUMBERS = {word: float(number) for word, number in (*ONES.items(), ("twenty", TENS["twenty"]))}
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound"}
_QUANTITY = re.compile(
    r"(?<![\w.,])(?P<currency>[$€£])?\s?(?P<number>\d[\d,]*(?:\.\d+)?|"
    + r"\b(?:"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")\b)"
    r"(?:[\s-]+(?P<scale>thousand|million|billion|bn|m)\b)?(?:[\s-]*(?P<unit>%|per\s?cent|[a-z]+))?",
    re.IGNORECASE,
)
# Words after a number that count nothing ("nine of them", "eight to ten", "one another").
_NOT_UNITS = frozenset(
    {
        "of", "to", "in", "on", "at", "and", "or", "by", "for", "from", "with", "the", "a", "an", "more", "less",
        "than", "other", "another", "such", "per", "who", "which", "that", "as", "is", "was", "are", "were",
    }
)  # fmt: skip
# A bound ("more than $16 million", "at least 4,000", "up to 500") is no exact value another figure could
# contradict; a round figure ("about 40 million") is one, within rounding (:data:`ROUNDING`).
_BOUND_BEFORE = re.compile(
    r"\b(?:more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|fewer\s+than|less\s+than|under|upwards\s+of|in\s+excess\s+of)\s*$",
    re.IGNORECASE,
)
_ROUND_BEFORE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|some|close\s+to|an\s+estimated)\s*$", re.IGNORECASE
)
# A month just before a number makes it a day ("March 12", "Sept. 14"); "the mayor", "decades" are no months.
_MONTH_BEFORE = re.compile(rf"\b{MONTH_RE}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A figure a proposition gives: how much, of what unit, and as the text writes it."""

    amount: float
    unit: str
    text: str
    # Given as a round figure ("about 310,000 customers"): exact only within rounding.
    rounded: bool = False


def _unit(word: str) -> str:
    word = word.lower().replace(" ", "")
    if word in {"%", "percent"}:
        return "percent"
    return word.removesuffix("s") if len(word) > 3 else word


def quantities(text: str, numbers: frozenset[str] = frozenset()) -> list[Quantity]:
    """The figures ``text`` gives with what they count ("800 jobs", "9 percent", "$5 million", "eight years"); a
    digit figure only when it is among ``numbers`` (the proposition's figures: not a year, a day or part of a name),
    a number word only when a unit follows it ("one of them" counts nothing)."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        number, currency, scale, unit = match["number"], match["currency"], match["scale"], match["unit"]
        digits = number[0].isdigit()
        if digits and number.replace(",", "") not in numbers:
            continue
        if _MONTH_BEFORE.search(text, 0, match.start()) or _BOUND_BEFORE.search(text, 0, match.start()):
            continue  # "March 12"; "more than 170"
        if currency:
            unit, written = _CURRENCIES[currency], f"{currency}{number}" + (f" {scale}" if scale else "")
        elif unit is None or unit.lower() in _NOT_UNITS or (len(unit) < 3 and unit != "%"):
            continue
        else:
            written = match[0].strip()
        amount = float(number.replace(",", "")) if digits else _WORD_NUMBERS[number.lower()]
        rounded = bool(_ROUND_BEFORE.search(text, 0, match.start()))
        found.append(Quantity(amount * _SCALES.get((scale or "").lower(), 1.0), _unit(unit), written, rounded))
    return found


def _apart(ours: Sequence[Quantity], theirs: Sequence[Quantity]) -> bool:
    """Whether two sets of figures of one unit have none in common: no equal amounts, and no round figure within
    rounding of the other side's ("about 310,000" and "300,000" may be one figure; "about 310,000" and "420,000" are
    not)."""
    for left in ours:
        for right in theirs:
            if left.amount == right.amount:
                return False
            if (left.rounded or right.rounded) and abs(left.amount - right.amount) <= ROUNDING * max(
                left.amount, right.amount
            ):
                return False
    return True


def _shared_deed(left: Proposition, right: Proposition, unit: str) -> bool:
    """Whether two propositions say one thing of the figure: their predicates share a word besides its unit
    ("sentenced ... to eight years" / "was sentenced to ten years"; not "killed 14 people" / "injured 30 people").
    Where a predicate could not be read (a fragment: "him to eight years in prison"), the words of the texts."""
    ours = left.deed if left.deed else _content_stems(left.text)
    theirs = right.deed if right.deed else _content_stems(right.text)
    return bool({word for word in ours & theirs if not unit.startswith(word) and not word.isdigit()})


# The verb of a figure's own deed: right before it ("killed three workers and *injured* 23 people"), or the participle
# after what it counts ("31 people *were injured*"); a tally names a vote ("by five votes to two", "by 6 votes to 1").
# What a thing is worth: "worth an estimated 30 million euros", "valued at", "put the value of the works at".
_WORTH_BEFORE = re.compile(
    r"\b(?:worth|valued\s+at|value\s+(?:of\s+[^.,;]{1,60}?\s+)?at)\s+(?:an\s+estimated\s+|about\s+|some\s+)?$",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(
    r"\b([a-z]{3,}(?:ed|en)|won|beat|lost|cut|put|set|hit|sold|paid|held)\s+(?:by\s+|in\s+|to\s+|across\s+)?"
    r"(?:about\s+|some\s+)?$"
)
# What a sum counts, when it names it: "250,000 euros in bribes", "$5 million of losses" (after it), "the bribes
# amounted to 180,000 euros", "losses totalled $7 million" (its subject, before it). Two sums of one unit naming one
# thing give one figure whatever verb each tells it with ("was suspected of receiving" / "amounted to").
_SUM_OF_AFTER = re.compile(r"\s+(?:in|of)\s+([a-z]{4,})\b")
_SUM_OF_BEFORE = re.compile(
    r"\b([a-z]{4,})\s+(?:amounted|amounts|amount|totall?ed|totals|total|came|come|ran|reached|reach|stood)\s+"
    r"(?:to\s+|at\s+)?(?:about\s+|some\s+|an\s+estimated\s+)?$"
)
_MONEY = frozenset(
    {"dollar", "euro", "pound", "crown", "krone", "kronor", "franc", "yen", "yuan", "rupee", "peso", "rand"}
)
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been)\s+([a-z]{3,}(?:ed|en))\b"
)
_TALLY_AFTER = re.compile(r"\s+to\s+(?:\d+|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b", re.I)
# Irregular forms of one deed, read as one ("won" and "beat": a win).
_DEED_FORMS = {"won": "win", "beat": "win", "beaten": "win", "lost": "lose"}
# A figure this loosely alike to another, of one story, whose own deed is the same verb, is that figure given again.
OWN_DEED_FIGURE = 0.4


def _figure_deed(text: str, quantity: Quantity) -> str | None:
    """The deed a figure of ``text`` counts for itself, as a stem: the verb right before it ("injured 23 people"),
    else the participle after what it counts ("31 people were injured"); "vote" for a tally ("by five votes to
    two"), "worth" for a value ("worth an estimated 30 million euros", "put the value of the works at ..."). None
    where none is read."""
    at = text.find(quantity.text)
    if at < 0:
        return None
    end = at + len(quantity.text)
    if quantity.unit == "vote" and _TALLY_AFTER.match(text, end):
        return "vote"
    if _WORTH_BEFORE.search(text, 0, at):
        return "worth"
    if quantity.unit in _MONEY:
        thing = _SUM_OF_BEFORE.search(text, 0, at) or _SUM_OF_AFTER.match(text, end)
        if thing is not None:
            return "sum:" + stem(thing[1])
    before = _VERB_BEFORE.search(text, 0, at)
    if before is not None:
        word = before[1].lower()
        return _DEED_FORMS.get(word) or stem(word)
    after = _PARTICIPLE_AFTER.match(text, end)
    if after is not None:
        word = after[1].lower()
        return _DEED_FORMS.get(word) or stem(word)
    return None


def _of_shared_deed(
    left: str, right: str, ours: dict[float, Quantity], theirs: dict[float, Quantity]
) -> tuple[dict[float, Quantity], dict[float, Quantity], set[str]]:
    """The figures of each side whose own deed the other side's figures share, when a deed is shared: of "killed 3
    people and injured 40 people" against "52 people were injured", the injured; all of them otherwise. Last, the
    deeds shared (empty when none is: then the figures kept are all of them)."""
    shared = _own_deeds(left, ours.values()) & _own_deeds(right, theirs.values())
    if not shared:
        return ours, theirs, shared
    kept = (
        {amount: q for amount, q in side.items() if _figure_deed(text, q) in shared}
        for text, side in ((left, ours), (right, theirs))
    )
    return next(kept), next(kept), shared


def _own_deeds(text: str, quantities_of: Iterable[Quantity]) -> set[str]:
    return {deed for quantity in quantities_of if (deed := _figure_deed(text, quantity)) is not None}


def _one_figure(
    similarity: float,
    left: str,
    right: str,
    ours: Iterable[Quantity],
    theirs: Iterable[Quantity],
    unit: str,
    own_deeds: set[str],
) -> bool:
    """Whether two sentences giving figures of one unit give one figure: alike as wholes (:data:`SAME_FIGURE`), or
    loosely alike and sharing the words of the deed (:data:`LOOSE_FIGURE`, :data:`SHARED_WORDS`), or with the clauses
    that hold the figures sharing them ("found the captain guilty ..., and sentenced him to eight years in prison" /
    "Varelas was sentenced to ten years in prison": the sentence's other clause says something else), or loosely
    alike with ``own_deeds``, the figures' own deeds both sides share (:func:`_of_shared_deed`), not empty."""
    if similarity >= SAME_FIGURE:
        return True
    if similarity >= LOOSE_FIGURE and len(_shared_words(left, right, unit)) >= SHARED_WORDS:
        return True
    if similarity >= OWN_DEED_FIGURE and own_deeds:
        return True  # "killed three workers and injured 23 people" / "31 people were injured in the blast"
    for a in ours:
        for b in theirs:
            mine, other = _figure_clause(left, a.text), _figure_clause(right, b.text)
            if (mine != left or other != right) and len(_shared_words(mine, other, unit)) >= SHARED_WORDS:
                return True
    return False


# Where a sentence's clauses part: ", and", ", but", ", while", a semicolon.
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+", re.IGNORECASE)


def _figure_clause(text: str, figure: str) -> str:
    """The clause of ``text`` that gives ``figure``: the part between clause breaks that holds it."""
    parts = _CLAUSE_BREAK.split(text)
    return next((part for part in parts if figure in part), text)


def _shared_words(left: str, right: str, unit: str) -> set[str]:
    """The content words two texts share besides the figure's unit."""
    return {word for word in _content_stems(left) & _content_stems(right) if not unit.startswith(word)}


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(
        stem(word) for word in re.findall(r"[A-Za-z]{4,}", text) if word.lower() not in _WORD_NUMBERS and word.islower()
    )


# An article telling its figure as a change on an earlier count: "nine had been admitted, two more than it reported on
# Tuesday", "12 people, up from seven", "revised down from 40". The figures are a count that moved, not one figure
# given two ways.
_NUMBER_WORD = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_CHANGED_BY = re.compile(
    r"\b" + _NUMBER_WORD + r"\s+(?:more|fewer|less|higher|lower)\s+than\s+(?:[a-z]+\s+){0,2}?(?:had\s+)?"
    r"(?:reported|said|announced|given|counted|stated|previously|earlier|before|initially|first)\b",
    re.IGNORECASE,
)
_CHANGED_FROM = re.compile(
    r"\b(?:up|down|revised\s+(?:up|down)(?:wards?)?|rising|falling)\s+from\s+" + _NUMBER_WORD, re.IGNORECASE
)


def _amount(word: str) -> float:
    return float(word.replace(",", "")) if word[0].isdigit() else _WORD_NUMBERS[word.lower()]


def _changes(propositions: Sequence[Proposition]) -> dict[str, tuple[set[float], set[float]]]:
    """For each article telling a figure as a change, the differences it gives ("two more than") and the earlier
    counts it names ("up from seven")."""
    found: dict[str, tuple[set[float], set[float]]] = {}
    for proposition in propositions:
        by = {_amount(match[1]) for match in _CHANGED_BY.finditer(proposition.text)}
        since = {_amount(match[1]) for match in _CHANGED_FROM.finditer(proposition.text)}
        if by or since:
            differences, earlier = found.setdefault(proposition.article, (set(), set()))
            differences |= by
            earlier |= since
    return found


def _moved(
    changes: dict[str, tuple[set[float], set[float]]],
    left: Proposition,
    right: Proposition,
    ours: Iterable[Quantity],
    theirs: Iterable[Quantity],
) -> bool:
    """Whether either side's article tells its figure as a change from the other's: the difference it gives, or the
    earlier count it names, is the other side's."""
    for article, mine, other in ((left.article, ours, theirs), (right.article, theirs, ours)):
        differences, earlier = changes.get(article, (set(), set()))
        for a in mine:
            for b in other:
                if b.amount in earlier or abs(a.amount - b.amount) in differences:
                    return True
    return False
