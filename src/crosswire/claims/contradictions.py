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

from crosswire.claims.propositions import Proposition, figures
from crosswire.claims.quantities import (
    Quantity,
    _apart,
    _changes,
    _content_stems,
    _moved,
    _of_shared_deed,
    _one_figure,
    _shared_deed,
    quantities,
)
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
from crosswire.time.values import parse_value

# Calibrated on the reference pages: the grain-deal pair scores about 0.6, unrelated dated sentences of the same
# story below 0.45.
SAME_SLOT = 0.52
MAX_DAYS_APART = 21
# Dated lines of one claim date one thing two ways when their contexts are at least this alike
# (:func:`claim_date_pairs`).
SAME_CLAIM_SLOT = 0.45
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
            if similarities is None:
                similarities = cosine_matrix(vectors, vectors)
            if _two_ways(candidates, similarities, i, j):
                found.append((candidates[i], candidates[j]))
    return found


def _two_ways(candidates: Sequence[DatedSentence], similarities: np.ndarray, i: int, j: int) -> bool:
    """Whether dated sentences ``i`` and ``j`` (alike enough, as the caller asks) date one thing two ways: other
    articles, other days a few days apart, neither the day something was said nor within a range the other gives,
    not dated apart by either article itself, and no figures that tell two things apart."""
    left, right = candidates[i], candidates[j]
    if int(j) <= int(i) or left.article.id == right.article.id or left.value == right.value:
        return False
    if left.said or right.said or left.value in right.span or right.value in left.span:
        return False
    if _dated_elsewhere(candidates, similarities, i, j):
        return False
    left_day, right_day = _day(left.value), _day(right.value)
    if left_day is None or right_day is None or abs((left_day - right_day).days) > MAX_DAYS_APART:
        return False
    return not _week_off(left, right, (left_day - right_day).days) and not _other_figures(left, right)


def claim_date_pairs(
    compared: Sequence[Sequence[DatedSentence]],
    propositions: Sequence[Proposition],
    claim_of: dict[int, int],
    known: Sequence[DatePair],
    cache: VectorCache | None = None,
    prefer: str | None = None,
) -> list[DatePair]:
    """The dated sentences of different articles whose lines holding the day are lines of one claim (``claim_of``:
    proposition index to claim), a little less alike as contexts than :func:`date_pairs` asks
    (:data:`SAME_CLAIM_SLOT`): the claims stage already read them as one thing ("was seen photographing warships at
    the naval base on Sunday, the ministry said" / "The ministry says the diplomat photographed the warships on
    Saturday afternoon, and was given 48 hours to leave", whose contexts, each with the sentence before it, are 0.50
    alike). ``known`` are the pairs already found."""
    by_article: dict[str, list[int]] = {}
    for index, proposition in enumerate(propositions):
        by_article.setdefault(proposition.article, []).append(index)

    def claim_at(item: DatedSentence) -> int | None:
        return next(
            (
                claim_of[index]
                for index in by_article.get(item.article.id, ())
                if propositions[index].start <= item.at < propositions[index].end and index in claim_of
            ),
            None,
        )

    seen = {(left.article.id, left.at, right.article.id, right.at) for left, right in known}
    found: list[DatePair] = []
    for candidates in compared:
        claims = [claim_at(item) for item in candidates]
        if len({claim for claim in claims if claim is not None}) == len([c for c in claims if c is not None]):
            continue  # no claim holds two of the story's dated lines
        vectors = encode_cached([item.context for item in candidates], cache, prefer)
        similarities = cosine_matrix(vectors, vectors)
        for i, j in np.argwhere(similarities >= SAME_CLAIM_SLOT):
            left, right = candidates[int(i)], candidates[int(j)]
            if claims[int(i)] is None or claims[int(i)] != claims[int(j)] or similarities[i, j] >= SAME_SLOT:
                continue
            if (left.article.id, left.at, right.article.id, right.at) in seen:
                continue
            if _two_ways(candidates, similarities, int(i), int(j)):
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


def worded_alike(left: str, right: str) -> bool:
    """Whether two lines use the same words but for their figures, days and names (one word more or less): "Riverside
    Arena holds 45,000 spectators" / "... holds 52,000 spectators", "the summit will open on June 3" / "on June 5". Such
    lines are two answers to one question (how many, when), not one deed told two ways."""
    return len(_content_stems(left) ^ _content_stems(right)) <= 1


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
