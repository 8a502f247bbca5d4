"""Contradictions: one slot given different values by different sources.

Two kinds are found:

- ``value``: two articles date the same thing differently ("the deal expires on Friday" = 2022-11-18 against "the
  deal will roll over on Nov. 19"). Candidates are sentences with a full-date time expression that is not merely when
  something was said ("Sullivan said on Thursday"); two candidates from different articles of one story are about the
  same slot when their sentences, read with the sentence before and with the dates masked, are close in embedding
  space. Only full dates count, and only when they are a few weeks apart at most: coarser or distant dates rarely
  answer the same question. A page's own date stamp ("Published Monday, November 14, 2022") dates nothing it
  reports, and a bare weekday whole weeks off the other value is a weekday anchored in another week, not a second
  answer.
- ``stance``: one party (a person counts as the organisation it speaks for, so the Kremlin's spokesperson is the
  Kremlin) takes different stances on one claim in different articles: confirmed, against could neither confirm
  nor deny, against refused to comment.

Values are listed in the order they were first published, so the time order shows when it is known.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from crosswire.claims.predicates import stem
from crosswire.claims.propositions import Proposition, figures
from crosswire.claims.voices import affiliations
from crosswire.clean import header
from crosswire.model import (
    Article,
    Claim,
    Contradiction,
    ContradictionValue,
    Dossier,
    Evidence,
    Statement,
    Timex,
)
from crosswire.nlp.embeddings import VectorCache, cosine_matrix, encode_cached
from crosswire.nlp.sentences import article_sentences, sentence_at
from crosswire.time.lexicon import MONTH_RE, ONES, TENS
from crosswire.time.values import parse_value

# Calibrated on the reference pages: the grain-deal pair scores about 0.6, unrelated dated sentences of the same
# story below 0.45.
SAME_SLOT = 0.52
MAX_DAYS_APART = 21
# Rows of similarities computed at once when comparing the dated sentences of one story.
_BLOCK = 1024
# A publication stamp dates the page, not anything the page reports ("Published Monday, November 14, 2022 10:53AM").
_STAMP = re.compile(r"^\W*(?:published|updated|posted|last updated|first published|modified)\b", re.IGNORECASE)
# A bare weekday ("on Monday", "last Friday"): which week it means depends on how it was anchored.
_WEEKDAY = re.compile(
    r"^(?:(?:on|last|next|this|early|late)\s+)*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_STANCES = ("confirms", "denies", "declines", "neither")


@dataclass(frozen=True)
class DatedSentence:
    """A sentence that dates something to a day: where it stands, the value, and its context as embedded."""

    article: Article
    start: int
    end: int
    value: str
    phrase: str
    context: str
    statement: str | None
    # Where the time expression stands: the claim it dates is the one whose proposition holds it.
    at: int = -1
    # When a statement was said ("the fire service said on Monday"), not a value. Such a sentence is still embedded
    # with the rest (the claims stage embeds them in one batch, and a batch's vectors depend on what is in it), but is
    # compared with nothing.
    said: bool = False
    # The days of the range the time expression is one end of ("the night of Saturday to Sunday", "from Monday to
    # Wednesday"): a value within it is no second answer.
    span: frozenset[str] = frozenset()


def _day(value: str) -> date | None:
    found = parse_value(value, prefix=True)
    return found.start if found is not None and found.unit == "day" else None


# Between the two ends of a range of days: "Saturday to Sunday", "Monday and Tuesday", "March 3-5".
_RANGE_BETWEEN = re.compile(r"\s*(?:to|and|until|till|through|into|[-–])\s*", re.IGNORECASE)


def _ranges(article: Article) -> dict[int, frozenset[str]]:
    """The days of each range two day expressions make, by where each end starts ("the night of Saturday to
    Sunday": both days for each)."""
    days = sorted((t for t in article.timexes if t.type == "DATE" and _day(t.value or "")), key=lambda t: t.start)
    found: dict[int, frozenset[str]] = {}
    for first, second in itertools.pairwise(days):
        if _RANGE_BETWEEN.fullmatch(article.text[first.end : second.start]):
            both = frozenset({(first.value or "")[:10], (second.value or "")[:10]})
            found[first.start] = found.get(first.start, frozenset()) | both
            found[second.start] = found.get(second.start, frozenset()) | both
    return found


def _dated_sentences(article: Article, statements: Sequence[Statement]) -> list[DatedSentence]:
    sentences = article_sentences(article)
    starts = [start for start, _ in sentences]
    ranges = _ranges(article)
    found: list[DatedSentence] = []
    for timex in article.timexes:
        if timex.type != "DATE" or _day(timex.value or "") is None:
            continue
        owner = next((s for s in statements if s.start <= timex.start < s.end), None)
        if owner is not None and not (
            owner.content_start is not None
            and owner.content_end is not None
            and owner.content_start <= timex.start < owner.content_end
        ):
            # "said on Thursday": when it was said, not a value of what was said.
            continue
        index = sentence_at(starts, timex.start)
        if index < 0:
            continue
        lo, hi = sentences[index]
        line_start = article.text.rfind("\n", 0, timex.start) + 1
        if _STAMP.match(article.text[line_start : timex.start]):
            continue  # the page's own date stamp
        dateline = header.any_dateline_end(article.text[line_start:])
        if dateline is not None and timex.start < line_start + dateline:
            continue  # "LONDON, March 10 —": the day the copy was filed, not a value of anything it reports
        if _REPORT_DAY.match(article.text, timex.end):
            continue  # "confirming Tuesday's report": the day something was reported, not a value of what it says
        before = sentences[index - 1][0] if index > 0 else lo
        text = article.text[before:hi]
        masked = text.replace(timex.text, "that day")
        found.append(
            DatedSentence(
                article,
                lo,
                hi,
                (timex.value or "")[:10],
                timex.text,
                masked,
                owner.id if owner else None,
                timex.start,
                _when_said(article.text, timex, statements),
                ranges.get(timex.start, frozenset()),
            )
        )
    return found


# A day that owns a report, a statement or an announcement ("Tuesday's report in the Ledger", "Friday's statement by
# the club", "Monday’s announcement"): it dates the telling, not what was told.
_REPORT_DAY = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+)?(?:report|reports|statement|statements|announcement|article|story|interview|remarks|"
    r"comments|briefing|letter|post|press\s+release|leak)\b"
)


# Between a verb of saying and the day it was said: "said on Monday", "told reporters late on Friday", "told CKTV
# Tuesday".
_SAID_ON = re.compile(
    r"\s+(?:(?:to\s+)?(?:reporters|journalists|the\s+press|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+)?"
    r"(?:(?:late|early)\s+)?(?:on\s+)?"
)
_ANSWERS = frozenset({"assert", "confirm", "deny", "decline", "neither"})


def _when_said(text: str, timex: Timex, statements: Sequence[Statement]) -> bool:
    """Whether ``timex`` tells when a statement's cue was said ("the fire service said on Monday" after a content the
    statement's span leaves out), not a day of what was said ("said Friday's vote was rigged")."""
    if text.startswith(("'s", "’s"), timex.end):
        return False
    return any(
        statement.cue_end is not None
        and statement.cue_end < timex.start <= statement.cue_end + 40
        and _SAID_ON.fullmatch(text[statement.cue_end : timex.start]) is not None
        for statement in statements
        if statement.stance_class in _ANSWERS
    )


def _other_figures(left: DatedSentence, right: DatedSentence) -> bool:
    """Two sentences giving figures with none in common tell of two things, not one dated two ways ("shares rose 11
    percent on Monday" / "shares fell 6 percent on Tuesday")."""
    ours = figures(left.article.text[left.start : left.end], [left.phrase])
    theirs = figures(right.article.text[right.start : right.end], [right.phrase])
    return bool(ours) and bool(theirs) and not ours & theirs


def dated_contexts(article: Article) -> list[str]:
    """The text around each dated sentence of ``article`` that :func:`value_contradictions` may embed, from the
    article's own layers (the per-article workers embed them ahead of the corpus stages)."""
    return [item.context for item in _dated_sentences(article, article.statements)]


def compared_sentences(dossier: Dossier, articles: Sequence[Article]) -> list[list[DatedSentence]]:
    """The dated sentences :func:`value_contradictions` compares, by story: the stories where several articles date
    something."""
    by_article: dict[str, list[Statement]] = {}
    for statement in dossier.statements:
        by_article.setdefault(statement.article, []).append(statement)
    stories: dict[str, list[DatedSentence]] = {}
    for article in articles:
        dated = _dated_sentences(article, by_article.get(article.id, []))
        stories.setdefault(article.story or article.id, []).extend(dated)
    return [candidates for candidates in stories.values() if len({item.article.id for item in candidates}) >= 2]


def compared_contexts(compared: Sequence[Sequence[DatedSentence]]) -> list[str]:
    """The texts :func:`value_contradictions` embeds for ``compared`` (the contexts of the dated sentences), so the
    claims stage can have them embedded ahead, with the rest of what it reads."""
    return [item.context for candidates in compared for item in candidates]


def _week_off(left: DatedSentence, right: DatedSentence, days: int) -> bool:
    """A weekday resolved into another week: the same day named, whole weeks apart, not two answers."""
    weekday = _WEEKDAY.match(left.phrase.strip()) or _WEEKDAY.match(right.phrase.strip())
    return bool(weekday) and days % 7 == 0


def _dated_elsewhere(candidates: Sequence[DatedSentence], similarities: np.ndarray, i: int, j: int) -> bool:
    """Whether one side's article itself gives the other side's day, in another sentence at least as alike to it as
    the pair: "three workers died in an explosion on Monday" and, after it, "Most were allowed back on Tuesday
    morning" date two things, not the explosion two ways against another outlet's Monday."""
    for mine, theirs in ((i, j), (j, i)):
        for k, item in enumerate(candidates):
            other = candidates[theirs]
            if (
                item.article.id == other.article.id
                and item.start != other.start
                and item.value == candidates[mine].value
                and not item.said
                and similarities[mine, k] >= similarities[mine, theirs]
            ):
                return True
    return False


def _contradiction_id(kind: str, about: str, values: Sequence[str]) -> str:
    digest = hashlib.blake2b(f"{kind}:{about}:{'|'.join(values)}".encode(), digest_size=6).hexdigest()
    return f"contradiction-{digest}"


def _claims_by_article(
    propositions: Sequence[Proposition], claim_ids: Sequence[str]
) -> dict[str, list[tuple[Proposition, str]]]:
    """Each article's propositions with their claim's id, in order (what :func:`_claim_at` looks through)."""
    by_article: dict[str, list[tuple[Proposition, str]]] = {}
    for proposition, claim in zip(propositions, claim_ids, strict=True):
        by_article.setdefault(proposition.article, []).append((proposition, claim))
    return by_article


def _claim_at(by_article: dict[str, list[tuple[Proposition, str]]], article: str, start: int) -> str | None:
    """The claim of the first of ``article``'s propositions that covers ``start``."""
    for proposition, claim in by_article.get(article, ()):
        if proposition.start <= start < proposition.end:
            return claim
    return None


DatePair = tuple[DatedSentence, DatedSentence]


def date_pairs(
    compared: Sequence[Sequence[DatedSentence]], cache: VectorCache | None = None, prefer: str | None = None
) -> list[DatePair]:
    """The dated sentences of different articles that say the same thing (their contexts' vectors, made with
    ``prefer``'s encoder as ``crosswire.nlp.embeddings.encode_cached`` makes them) with dates a few days apart: one
    thing dated two ways."""
    found: list[DatePair] = []
    for candidates in compared:
        vectors = encode_cached([item.context for item in candidates], cache, prefer)
        similarities: np.ndarray | None = None
        for i, j in _similar_pairs(vectors):
            left, right = candidates[i], candidates[j]
            if int(j) <= int(i) or left.article.id == right.article.id or left.value == right.value:
                continue
            if left.said or right.said or left.value in right.span or right.value in left.span:
                continue
            if similarities is None:
                similarities = cosine_matrix(vectors, vectors)
            if _dated_elsewhere(candidates, similarities, i, j):
                continue
            left_day, right_day = _day(left.value), _day(right.value)
            if left_day is None or right_day is None or abs((left_day - right_day).days) > MAX_DAYS_APART:
                continue
            if _week_off(left, right, (left_day - right_day).days):
                continue
            if _other_figures(left, right):
                continue
            found.append((left, right))
    return found


def dated_propositions(pairs: Sequence[DatePair], propositions: Sequence[Proposition]) -> list[tuple[int, int]]:
    """For each pair of dated sentences whose sides both have one, the propositions that give each side (the first
    covering its date, else its sentence's start)."""
    by_article: dict[str, list[int]] = {}
    for index, proposition in enumerate(propositions):
        by_article.setdefault(proposition.article, []).append(index)

    def giving(item: DatedSentence) -> int | None:
        return next(
            (
                index
                for at in (item.at, item.start)
                for index in by_article.get(item.article.id, ())
                if propositions[index].start <= at < propositions[index].end
            ),
            None,
        )

    found = []
    for left, right in pairs:
        i, j = giving(left), giving(right)
        if i is not None and j is not None:
            found.append((i, j))
    return found


def value_contradictions(
    compared: Sequence[Sequence[DatedSentence]],
    propositions: Sequence[Proposition],
    claim_ids: Sequence[str],
    cache: VectorCache | None = None,
    prefer: str | None = None,
    pairs: Sequence[DatePair] | None = None,
) -> list[Contradiction]:
    """The pairs of :func:`date_pairs` (read here unless given) as contradictions about the claim of a proposition
    giving either side."""
    results: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    by_article = _claims_by_article(propositions, claim_ids)
    for left, right in date_pairs(compared, cache, prefer) if pairs is None else pairs:
        about = (
            _claim_at(by_article, left.article.id, left.at)
            or _claim_at(by_article, right.article.id, right.at)
            or _claim_at(by_article, left.article.id, left.start)
            or _claim_at(by_article, right.article.id, right.start)
        )
        if about is None:
            continue
        key = (about, "|".join(sorted((left.value, right.value))))
        if key in seen:
            continue
        seen.add(key)
        values = sorted(
            (_value_of(left), _value_of(right)), key=lambda value: (value.first_published or "9999", value.value)
        )
        results.append(
            Contradiction(
                id=_contradiction_id("value", about, [value.value for value in values]),
                about=about,
                values=values,
                kind="value",
                summary=(
                    f"{left.article.text[left.start : left.end].strip()} / "
                    f"{right.article.text[right.start : right.end].strip()}"
                )[:400],
            )
        )
    return results


def _similar_pairs(vectors: np.ndarray) -> Iterator[tuple[int, int]]:
    """The (i, j) row pairs at least SAME_SLOT alike, in row-major order, a block of rows at a time: memory stays
    at ``_BLOCK`` rows of similarities however many sentences a story has."""
    for start in range(0, vectors.shape[0], _BLOCK):
        similarities = cosine_matrix(vectors[start : start + _BLOCK], vectors)
        for i, j in np.argwhere(similarities >= SAME_SLOT):
            yield start + int(i), int(j)


def _value_of(item: DatedSentence) -> ContradictionValue:
    return ContradictionValue(
        value=item.value,
        articles=[item.article.id],
        statements=[item.statement] if item.statement else [],
        evidence=[Evidence(article=item.article.id, start=item.start, end=item.end)],
        first_published=item.article.published,
    )


def stance_contradictions(dossier: Dossier, claims: Sequence[Claim]) -> list[Contradiction]:
    statements = {statement.id: statement for statement in dossier.statements}
    affiliation = affiliations(dossier.entities)
    names = {entity.id: entity.name for entity in dossier.entities}
    published = {article.id: article.published for article in dossier.articles}
    results: list[Contradiction] = []
    for claim in claims:
        parties: dict[str, dict[str, ContradictionValue]] = {}
        for stance in claim.stances:
            if stance.stance not in _STANCES or stance.statement is None:
                continue
            statement = statements.get(stance.statement)
            if statement is None or statement.speaker is None:
                continue
            party = affiliation.get(statement.speaker, statement.speaker)
            value = parties.setdefault(party, {}).setdefault(stance.stance, ContradictionValue(value=stance.stance))
            if stance.article not in value.articles:
                value.articles.append(stance.article)
            value.statements.append(statement.id)
            value.evidence.append(Evidence(article=stance.article, start=statement.start, end=statement.end))
            first = published.get(stance.article)
            if first and (value.first_published is None or first < value.first_published):
                value.first_published = first
        for party, by_stance in parties.items():
            if len(by_stance) < 2:
                continue
            articles = [set(value.articles) for value in by_stance.values()]
            if len(set().union(*articles)) < 2:
                # Two stances inside one article are one account, usually a nuance, not a contradiction.
                continue
            values = sorted(by_stance.values(), key=lambda value: (value.first_published or "9999", value.value))
            results.append(
                Contradiction(
                    id=_contradiction_id("stance", claim.id, [party]),
                    about=claim.id,
                    values=values,
                    kind="stance",
                    summary=f"{names.get(party, party)}: " + ", then ".join(value.value for value in values),
                )
            )
    return results


# --- figures: "sentenced to eight years" against "sentenced to ten years" -----------------------------------------

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


def worded_alike(left: str, right: str) -> bool:
    """Whether two lines use the same words but for their figures, days and names (one word more or less): "Riverside
    Arena holds 45,000 spectators" / "... holds 52,000 spectators", "the summit will open on June 3" / "on June 5". Such
    lines are two answers to one question (how many, when), not one deed told two ways."""
    return len(_content_stems(left) ^ _content_stems(right)) <= 1


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


def figure_pairs(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    stories: Sequence[str],
    among: frozenset[int] | None = None,
) -> Iterator[tuple[int, int, str, list[Quantity], list[Quantity]]]:
    """``(i, j, unit, figures of i, figures of j)`` for each pair of propositions of one story from different
    articles that give one figure of one unit two ways (:func:`figure_contradictions`); with ``among``, only the pairs
    with a side among those."""
    found = [quantities(proposition.text, proposition.numbers) for proposition in propositions]
    changes = _changes(propositions)
    by_story: dict[str, list[int]] = {}
    for index, story in enumerate(stories):
        if found[index] and vectors[index].any():
            by_story.setdefault(story, []).append(index)
    for members in by_story.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                left, right = propositions[i], propositions[j]
                if left.article == right.article or (among is not None and i not in among and j not in among):
                    continue
                if left.dates and right.dates and not left.dates & right.dates:
                    continue
                similarity = float(vectors[i] @ vectors[j])
                for unit in sorted({q.unit for q in found[i]} & {q.unit for q in found[j]}):
                    ours = {q.amount: q for q in found[i] if q.unit == unit}
                    theirs = {q.amount: q for q in found[j] if q.unit == unit}
                    ours, theirs, deeds = _of_shared_deed(left.text, right.text, ours, theirs)
                    if not _apart(list(ours.values()), list(theirs.values())):
                        continue
                    if not deeds and not _shared_deed(left, right, unit):
                        continue
                    if not _one_figure(similarity, left.text, right.text, ours.values(), theirs.values(), unit, deeds):
                        continue
                    if changes and _moved(changes, left, right, ours.values(), theirs.values()):
                        continue
                    yield i, j, unit, list(ours.values()), list(theirs.values())


FigurePair = tuple[int, int, str, list[Quantity], list[Quantity]]


def figure_contradictions(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    claim_ids: Sequence[str],
    stories: Sequence[str],
    pairs: Iterable[FigurePair] | None = None,
) -> list[Contradiction]:
    """Propositions of one story in different articles that say the same thing (their vectors at least
    :data:`SAME_FIGURE` alike, or :data:`LOOSE_FIGURE` with two content words in common, and their predicates sharing
    a word besides the unit) with different figures of one unit and none in common, a round figure counting as its
    neighbourhood: "the deal would put 800 jobs at risk" / "1,200 jobs are at risk if the deal goes ahead".
    Propositions dated to different days tell of two things ("rose 11 percent on Monday" / "fell 6 percent on
    Tuesday"). ``pairs``: the :func:`figure_pairs` of these propositions, when the caller read them already."""
    gathered: dict[tuple[str, str], dict[float, ContradictionValue]] = {}
    summaries: dict[tuple[str, str], str] = {}
    for i, j, unit, ours, theirs in figure_pairs(propositions, vectors, stories) if pairs is None else pairs:
        left, right = propositions[i], propositions[j]
        key = (claim_ids[i], unit)
        values = gathered.setdefault(key, {})
        summaries.setdefault(key, f"{left.text} / {right.text}"[:400])
        for proposition, quantity in (*((left, q) for q in ours), *((right, q) for q in theirs)):
            value = values.setdefault(quantity.amount, ContradictionValue(value=quantity.text))
            _add(value, proposition)
    results = []
    for (about, unit), values in gathered.items():
        ordered = sorted(values.values(), key=lambda value: (value.first_published or "9999", value.value))
        results.append(
            Contradiction(
                id=_contradiction_id("figure", f"{about}:{unit}", [value.value for value in ordered]),
                about=about,
                values=ordered,
                kind="value",
                summary=summaries[about, unit],
            )
        )
    return results


def _add(value: ContradictionValue, proposition: Proposition) -> None:
    if proposition.article not in value.articles:
        value.articles.append(proposition.article)
    if proposition.statement and proposition.statement not in value.statements:
        value.statements.append(proposition.statement)
    value.evidence.append(Evidence(article=proposition.article, start=proposition.start, end=proposition.end))
    if proposition.published and (value.first_published is None or proposition.published < value.first_published):
        value.first_published = proposition.published
