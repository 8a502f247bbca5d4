"""Developing stories: stories of one affair, strongly linked and published close in time, joined into one story.

Single-pass clustering (:mod:`crosswire.stories.clustering`) places an article by what its lead says happened, so a
developing story splits where the news moves on: the report that a pipeline was sabotaged by one group, and three
weeks later the report that another group did it; an athlete's statement, and two weeks later the charges against
his interpreter. A story is one affair in one stretch of time, so two stories are joined when

- both were **published** close in time: each has members with a publication date, and the gap between the two
  stories' publication spans is at most :data:`JOIN_DAYS` days (two meetings of the same people months apart stay
  two stories, linked as one storyline);
- they share a **principal** that is **distinctive**: an entity at least half the articles of each story name,
  which is not a setting (a country, a city, a sea, a people: :data:`SETTING_TYPES`), and which at most
  :data:`DISTINCT_STORIES` stories of those weeks (or of no known date) are about; and
- their entity profiles are strongly linked (:func:`crosswire.stories.storylines.link_score` at least
  :data:`JOIN_LINK`, twice the storyline threshold); and
- what they report is alike (:func:`content_similarity`, the clustering's similarity between the two stories, at
  least :data:`JOIN_CONTENT`): two cases heard at one court in one week share the court, the city and the country,
  not what happened.

Further apart than :data:`JOIN_DAYS` (up to :data:`LOOK_BACK_DAYS`), two stories are joined on the same conditions
when the later one **looks back** (:func:`looks_back`): it names, as past, a day or month the earlier one was
published in, or one the earlier one names too ("the collapse in February"; "the sample taken in May", named by the
June reports and again at September's ban). A recurring event (a second meeting, a company's next recall) names no
time of the earlier one.

Why each piece of evidence, and why the weaker ones are left out:

- A date an article's text names (a ``timex``) is when something happened, not when the report was written. A
  season's news names days of the same few weeks whatever it is about, so "within a month" by such dates holds for
  almost any two stories and separates nothing. The join once dated undated bodies that way; on the FNC-1 dev half
  (all undated) it then rested on the entity link alone and cost the stories through ``crosswire analyze``
  precision 0.9760 -> 0.9096. The tune half shows the same harm when time is made blind (every article given one
  publication day): the link alone takes precision 0.9414 -> 0.8807 (``docs/stories.md``).
- Places and peoples are where a story happens: a strike and a flood in France in one month share France, Paris,
  Lyon and "French" and are two stories. People, companies, forces, products are what it is about.
- An entity many stories of the same weeks are about names a beat, not an affair: "Islamic State", "Apple" (on the
  tune half, time-blind, the distinctive principal keeps precision at 0.9245 against 0.8807 without it, and F1
  0.9371 against 0.9166). A company's month (a recall, results, a strike, a launch) stays as many stories.

Stories without a publication date are never joined (nothing says when they were written). The joined story keeps
the id of the story that started first, so the earlier story's id stays put as later reports join it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from crosswire.model import Article
from crosswire.stories.clustering import Clustering, Params, StoryState
from crosswire.stories.features import parse_day
from crosswire.stories.storylines import StoryProfile, entity_weights, group_storylines, link_score

JOIN_LINK = 0.3
JOIN_DAYS = 31
# Stories further apart than JOIN_DAYS (and at most this many days) are joined when the later one looks back to the
# earlier: it names the days or the month the earlier one was published in, or a past month or day both name.
LOOK_BACK_DAYS = 366
# What two joined stories report must be alike too, not only whom they name: the similarity clustering places an
# article by (words and entities, and the lead embeddings), between the two stories, at least this.
JOIN_CONTENT = 0.3
_MONTH_OR_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# A shared principal identifies one affair only when at most this many stories of those weeks (or of no known date)
# are about it: "Islamic State" or "Apple" is the subject of a whole beat, "Faye Bethell" of one affair.
DISTINCT_STORIES = 4
# Entity types that say where a story happened, not what it is about: countries, cities, regions, seas, peoples.
SETTING_TYPES = frozenset({"GPE", "LOC", "NORP"})


def profiles_of(clustering: Clustering, ids: Sequence[str], articles: dict[str, Article]) -> list[StoryProfile]:
    """What each story names (canonical entities, counted per member) and its words (the centroid's word columns)."""
    n_words = clustering.features.n_words
    profiles: list[StoryProfile] = []
    for sid in ids:
        state = clustering.stories[sid]
        entities: Counter[str] = Counter()
        for member in state.voters or state.members:
            entities.update({m.entity for m in articles[member].mentions if m.entity})
        words = {col: weight for col, weight in state.centroid.items() if col < n_words}
        profiles.append(StoryProfile(id=sid, entities=entities, words=words))
    return profiles


def principals(
    state: StoryState, profile: StoryProfile, articles: dict[str, Article], types: Mapping[str, str]
) -> set[str]:
    """The entities a story is about: named by at least half of its articles, and not a setting (an entity's type
    is its canonical type in ``types``, else its mention's label)."""
    labels = {m.entity: m.label for member in state.voters or state.members for m in articles[member].mentions}
    least = len(state.voters or state.members) / 2
    return {
        entity
        for entity, count in profile.entities.items()
        if count >= least and types.get(entity, labels.get(entity, "")) not in SETTING_TYPES
    }


def published_day(article: Article) -> int | None:
    """The day an article was published, when known: never a day its text names."""
    return parse_day(article.published)


def named_times(article: Article) -> dict[str, tuple[int, int]]:
    """The calendar days and months an article names (``2027-05`` -> its first and last day), by value: a week, a
    season, a year or a date off the calendar says too little to tie two reports together."""
    times: dict[str, tuple[int, int]] = {}
    for timex in article.timexes:
        match = _MONTH_OR_DAY.match(timex.value) if timex.type == "DATE" else None
        if match is None:
            continue
        year, month = int(match[1]), int(match[2])
        try:
            if match[3]:
                day = dt.date(year, month, int(match[3])).toordinal()
                times[timex.value] = (day, day)
            else:
                last = calendar.monthrange(year, month)[1]
                times[timex.value] = (dt.date(year, month, 1).toordinal(), dt.date(year, month, last).toordinal())
        except ValueError:
            continue
    return times


def looks_back(
    later: tuple[int, int],
    later_times: Mapping[str, tuple[int, int]],
    earlier: tuple[int, int],
    earlier_times: Mapping[str, tuple[int, int]],
) -> bool:
    """Whether a later story names, as past, a time of the earlier one: a day or month before its own first report
    that the earlier story was published in ("the collapse of the footbridge in February", "last month"), or that the
    earlier story names too ("the sample taken in May", told in June and again at the ban in September)."""
    for value, (first, last) in later_times.items():
        if last >= later[0]:
            continue
        if value in earlier_times or (first <= earlier[1] and last >= earlier[0]):
            return True
    return False


def content_similarity(a: StoryState, b: StoryState, params: Params) -> float:
    """The similarity clustering places an article by, between two stories' centroids: the cosine of their words
    and entities, mixed with the cosine of their mean lead embeddings when both have one."""
    small, large = (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
    norm = math.sqrt(a.norm2 * b.norm2)
    sparse = sum(v * large.get(k, 0.0) for k, v in small.items()) / norm if norm else 0.0
    if a.dense is None or b.dense is None or not params.embedding_weight:
        return sparse
    dense_norm = a.dense_norm() * b.dense_norm()
    dense = float(np.dot(a.dense, b.dense)) / dense_norm if dense_norm else 0.0
    return (1.0 - params.embedding_weight) * sparse + params.embedding_weight * dense


def _span(state: StoryState, day_of: Callable[[str], int | None]) -> tuple[int, int] | None:
    days = [day for day in (day_of(member) for member in state.members) if day is not None]
    return (min(days), max(days)) if days else None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def published_close(
    a: str,
    span_a: tuple[int, int],
    b: str,
    span_b: tuple[int, int],
    times_of: Callable[[str], Mapping[str, tuple[int, int]]],
) -> bool:
    """Whether two stories' publication spans are close: at most JOIN_DAYS apart, or at most LOOK_BACK_DAYS when the
    later story looks back to the earlier (:func:`looks_back`; ``times_of`` gives the times a story names)."""
    gap = _gap(span_a, span_b)
    if gap <= JOIN_DAYS:
        return True
    if gap > LOOK_BACK_DAYS:
        return False
    (earlier, earlier_span), (later, later_span) = sorted(((a, span_a), (b, span_b)), key=lambda s: s[1])
    return looks_back(later_span, times_of(later), earlier_span, times_of(earlier))


def join_developing(
    clustering: Clustering,
    articles: dict[str, Article],
    types: Mapping[str, str] | None = None,
    params: Params | None = None,
) -> list[tuple[str, str]]:
    """Join strongly linked stories published close in time, in place; return the ``(kept, absorbed)`` story id
    pairs. ``types`` maps canonical entity ids to their types (the settings among them do not link stories)."""
    params = params or Params()
    ids = list(clustering.stories)
    profiles = profiles_of(clustering, ids, articles)
    idf = entity_weights(profiles)
    by_id = {profile.id: profile for profile in profiles}
    about = {sid: principals(clustering.stories[sid], by_id[sid], articles, types or {}) for sid in ids}
    spans = {sid: _span(clustering.stories[sid], lambda member: published_day(articles[member])) for sid in ids}
    times: dict[str, dict[str, tuple[int, int]]] = {}

    def times_of(sid: str) -> dict[str, tuple[int, int]]:
        if sid not in times:
            times[sid] = {k: v for m in clustering.stories[sid].members for k, v in named_times(articles[m]).items()}
        return times[sid]

    about_it: dict[str, list[str]] = {}
    for sid in ids:
        for entity in about[sid]:
            about_it.setdefault(entity, []).append(sid)
    parent = {sid: sid for sid in ids}

    def distinct(entity: str, span: tuple[int, int]) -> bool:
        """Whether few stories published near ``span`` (or undated) are about ``entity``."""
        near = 0
        for other in about_it[entity]:
            other_span = spans[other]
            near += other_span is None or _gap(other_span, span) <= JOIN_DAYS
            if near > DISTINCT_STORIES:
                return False
        return True

    def find(sid: str) -> str:
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    def first(sid: str) -> tuple[int, str]:
        span = spans[sid]
        return (span[0] if span else math.inf, sid)  # type: ignore[return-value]

    for group in group_storylines(profiles):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                span_a, span_b = spans[a], spans[b]
                if span_a is None or span_b is None or not published_close(a, span_a, b, span_b, times_of):
                    continue
                both = (min(span_a[0], span_b[0]), max(span_a[1], span_b[1]))
                if not any(distinct(entity, both) for entity in sorted(about[a] & about[b])):
                    continue
                if link_score(by_id[a], by_id[b], idf) < JOIN_LINK:
                    continue
                if content_similarity(clustering.stories[a], clustering.stories[b], params) < JOIN_CONTENT:
                    continue
                root_a, root_b = find(a), find(b)
                if root_a != root_b:
                    keep, drop = sorted((root_a, root_b), key=first)
                    parent[drop] = keep
    return _absorb_into_roots(clustering, sorted(ids, key=first), find)


def _absorb_into_roots(clustering: Clustering, ordered: list[str], find: Callable[[str], str]) -> list[tuple[str, str]]:
    """Absorb each story (earliest first) into the root of its group; the ``(kept, absorbed)`` pairs."""
    joined: list[tuple[str, str]] = []
    for sid in ordered:
        root = find(sid)
        if root != sid:
            _absorb(clustering, clustering.stories[root], clustering.stories.pop(sid))
            joined.append((root, sid))
    return joined


def _absorb(clustering: Clustering, keep: StoryState, drop: StoryState) -> None:
    for member in drop.members:
        clustering.assignment[member] = keep.id
    keep.members.extend(drop.members)
    keep.voters.extend(drop.voters)
    for column, weight in drop.centroid.items():
        keep.centroid[column] = keep.centroid.get(column, 0.0) + weight
    keep.norm2 = sum(weight * weight for weight in keep.centroid.values())
    if drop.dense is not None:
        keep.dense = drop.dense if keep.dense is None else keep.dense + drop.dense
    days = [d for d in (keep.first_day, keep.last_day, drop.first_day, drop.last_day) if d is not None]
    if days:
        keep.first_day, keep.last_day = min(days), max(days)
