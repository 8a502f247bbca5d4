"""Storylines: stories about one ongoing affair, linked whatever the time between them.

A story is one event (the 2022 Ankara meeting of two spy chiefs); a storyline links the stories that continue one
affair (that meeting, the 2023 denial of secret talks, the 2025 negotiating team: one US–Russia back channel). Time
is deliberately ignored here -- it is what separates the stories in the first place.

Two stories are linked when their profiles are similar enough:

* **entities**, weighted by rarity over stories: each story's canonical entities, counted by how many of its
  articles name them (sublinear), times the entity's inverse story frequency, so "Russia" and "United States"
  weigh little in a corpus full of them while "Sergei Lavrov" or "Jake Sullivan" weigh a lot;
* **topic words**: the words block of the story's centroid (the clustering vectors), which separates two affairs
  of the same people ("talks" versus "sanctions").

The link score is ``ENTITY_SHARE * cos(entities) + (1 - ENTITY_SHARE) * cos(words)``, and at least
``MIN_SHARED_ENTITIES`` entities must be shared. Linked stories are grouped by connected components. Candidate pairs
come from an inverted index over entities that at most ``BLOCK_SHARE`` of the stories name (the common ones would
pair everything with everything), so the cost grows with the number of stories sharing a rare entity, not with
the square of the number of stories. Only groups of two or more stories become storylines.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K")

ENTITY_SHARE = 0.7
LINK_THRESHOLD = 0.15
MIN_SHARED_ENTITIES = 3
# Entities named by more than this share of the stories (and more than BLOCK_MIN of them) do not generate pairs.
BLOCK_SHARE = 0.05
BLOCK_MIN = 20


@dataclass
class StoryProfile:
    """What storyline linking knows about one story."""

    id: str
    # Entity id -> number of the story's articles naming it.
    entities: Counter[str]
    # Words block of the story's centroid, column -> weight (any scale: only its direction matters).
    words: Mapping[int, float]


def _unit(vector: Mapping[K, float]) -> dict[K, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _cos(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def entity_weights(profiles: Sequence[StoryProfile]) -> dict[str, float]:
    """Inverse story frequency of each entity (smoothed, as scikit-learn's IDF)."""
    df: Counter[str] = Counter()
    for profile in profiles:
        df.update(profile.entities.keys())
    n = len(profiles)
    return {e: math.log((1 + n) / (1 + d)) + 1.0 for e, d in df.items()}


def _units(profile: StoryProfile, idf: Mapping[str, float]) -> tuple[dict[str, float], dict[int, float]]:
    """A story's entity and word blocks as unit vectors (what :func:`link_score` compares)."""
    entities = _unit({e: (1 + math.log(c)) * idf.get(e, 1.0) for e, c in profile.entities.items()})
    return entities, _unit(profile.words)


def _score(a: tuple[dict[str, float], dict[int, float]], b: tuple[dict[str, float], dict[int, float]]) -> float:
    return ENTITY_SHARE * _cos(a[0], b[0]) + (1 - ENTITY_SHARE) * _cos(a[1], b[1])


def link_score(a: StoryProfile, b: StoryProfile, idf: Mapping[str, float]) -> float:
    """How strongly two stories belong to one storyline (0..1)."""
    return _score(_units(a, idf), _units(b, idf))


def group_storylines(profiles: Sequence[StoryProfile]) -> list[list[str]]:
    """Story ids grouped into storylines of two or more stories, each group in the input order."""
    idf = entity_weights(profiles)
    by_id = {p.id: p for p in profiles}
    limit = max(BLOCK_MIN, int(BLOCK_SHARE * len(profiles)))
    postings: dict[str, list[str]] = defaultdict(list)
    for profile in profiles:
        for entity in profile.entities:
            postings[entity].append(profile.id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in postings.values():
        if len(ids) > limit:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b) if a < b else (b, a)] += 1
    parent = {p.id: p.id for p in profiles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Each story's unit vectors made once, not once per pair it is in (the same numbers as link_score's).
    units: dict[str, tuple[dict[str, float], dict[int, float]]] = {}

    def units_of(story: str) -> tuple[dict[str, float], dict[int, float]]:
        if story not in units:
            units[story] = _units(by_id[story], idf)
        return units[story]

    for (a, b), _ in sorted(shared.items()):
        pa, pb = by_id[a], by_id[b]
        if len(pa.entities.keys() & pb.entities.keys()) < MIN_SHARED_ENTITIES:
            continue
        if _score(units_of(a), units_of(b)) >= LINK_THRESHOLD:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for profile in profiles:
        groups[find(profile.id)].append(profile.id)
    return [ids for ids in groups.values() if len(ids) > 1]


def storyline_id(first_story: str) -> str:
    """Derived from the storyline's earliest story, so it stays put while later stories join."""
    return "storyline-" + hashlib.sha1(first_story.encode("utf-8")).hexdigest()[:12]
