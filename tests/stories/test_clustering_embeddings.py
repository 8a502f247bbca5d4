"""Story clustering with lead embeddings: the mixed similarity, its fallbacks, order independence, incremental runs."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from story_corpus import records

from crosswire.nlp.embeddings import DIMENSIONS, MemoryCache, vector_key
from crosswire.stories.clustering import Params, cluster
from crosswire.stories.features import (
    LEAD_BATCH,
    LEAD_ENCODER,
    LEAD_SENTENCES,
    StoryItem,
    lead_embeddings,
    lead_text,
    parse_day,
)

# Two reports of one event that share one word: too few for the words threshold alone, enough to be a candidate.
QUAKE = [
    "A strong earthquake shook Valdivia on Tuesday, toppling walls and cutting power.",
    "Buildings collapsed in Valdivia when a powerful tremor struck before dawn.",
]
# Filler so that the words the two reports share are not in every document (IDF would zero them).
OTHERS = [
    "The central bank raised interest rates by a quarter point to curb inflation, its governor said.",
    "The football club signed a young striker from Brazil on a five year contract worth millions.",
    "Voters in the northern province elected a new governor after a long and bitter campaign.",
]


def _unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).normal(size=DIMENSIONS).astype(np.float32)
    return vector / np.linalg.norm(vector)


def _quake_items() -> tuple[list[StoryItem], np.ndarray]:
    items = [StoryItem(id=f"quake-{i}", text=t) for i, t in enumerate(QUAKE)]
    items += [StoryItem(id=f"other-{i}", text=t) for i, t in enumerate(OTHERS)]
    same = _unit(0)
    vectors = np.stack([same, same, *(_unit(10 + i) for i in range(len(OTHERS)))])
    return items, vectors


def test_words_alone_keep_the_reworded_reports_apart() -> None:
    items, _ = _quake_items()
    assert cluster(items).assignment["quake-0"] != cluster(items).assignment["quake-1"]


def test_close_lead_embeddings_join_reports_worded_differently() -> None:
    items, vectors = _quake_items()
    result = cluster(items, embeddings=vectors)
    assert result.assignment["quake-0"] == result.assignment["quake-1"]
    assert len(set(result.assignment.values())) == 1 + len(OTHERS)
    # The story's embedding is the running sum of its voters' vectors.
    story = result.stories[result.assignment["quake-0"]]
    assert story.dense is not None and np.allclose(story.dense, 2 * vectors[0])
    # With no weight on the embedding, the words decide alone again.
    words_only = cluster(items, replace(Params(), embedding_weight=0.0), vectors).assignment
    assert words_only["quake-0"] != words_only["quake-1"]


def test_distant_lead_embeddings_do_not_join_on_words_alone() -> None:
    items, vectors = _quake_items()
    vectors[1] = -vectors[0]
    result = cluster(items, replace(Params(), threshold=0.0), vectors)
    assert result.assignment["quake-0"] != result.assignment["quake-1"]


def test_a_zero_row_falls_back_to_the_words_threshold() -> None:
    items = [StoryItem(id=r["id"], text=r["text"], day=parse_day(r["published"])) for r in records()]
    zeros = np.zeros((len(items), DIMENSIONS), dtype=np.float32)
    assert cluster(items, embeddings=zeros).assignment == cluster(items).assignment


def test_embeddings_must_match_the_items() -> None:
    items, vectors = _quake_items()
    with pytest.raises(ValueError):
        cluster(items, embeddings=vectors[:2])


def test_lead_is_the_first_sentences() -> None:
    sentences = [f"Sentence number {n} says something." for n in range(LEAD_SENTENCES + 3)]
    lead = lead_text(StoryItem(id="a", text="The title\n\n" + " ".join(sentences)))
    assert lead.startswith("The title ")
    assert sentences[LEAD_SENTENCES - 2] in lead and sentences[LEAD_SENTENCES - 1] not in lead
    assert lead_text(StoryItem(id="b", text="   ")) == ""


def test_copies_and_empty_items_are_not_embedded() -> None:
    items = [
        StoryItem(id="a", text=QUAKE[0]),
        StoryItem(id="b", text=QUAKE[0], duplicate_of="a"),
        StoryItem(id="c", text=""),
    ]
    vectors = lead_embeddings(items)
    assert vectors.shape == (3, DIMENSIONS)
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-4)
    assert not vectors[1].any() and not vectors[2].any()


def test_leads_are_embedded_together_on_the_map_only_when_missing() -> None:
    """The leads a cache lacks go out in one set of pieces (on the engine's workers when a map is given), copies and
    empty items left out, in batches of LEAD_BATCH; leads the cache holds are not embedded again; without a cache
    the vectors are the same as with one."""
    items = [
        StoryItem(id="bank", text=OTHERS[0]),
        StoryItem(id="club", text=OTHERS[1]),
        StoryItem(id="club-copy", text=OTHERS[1], duplicate_of="club"),
        StoryItem(id="vote", text=OTHERS[2]),
        StoryItem(id="empty", text=" "),
        *(StoryItem(id=f"quake-{i}", text=t) for i, t in enumerate(QUAKE)),
    ]
    pieces: list[list[str]] = []
    batches: list[int | None] = []

    def corpus_map(fn, texts):  # type: ignore[no-untyped-def]
        pieces.extend(texts)
        batches.append(fn.keywords["batch_size"])
        return [fn(piece) for piece in texts]

    cache = MemoryCache()
    cache.put_many({vector_key(lead_text(items[0]), LEAD_ENCODER): _unit(3)})
    vectors = lead_embeddings(items, cache, corpus_map)

    sent = [text for piece in pieces for text in piece]
    assert sorted(sent) == sorted(lead_text(items[i]) for i in (1, 3, 5, 6))
    assert batches == [LEAD_BATCH]
    assert np.array_equal(vectors[0], _unit(3))  # read from the cache, not embedded again
    assert not vectors[2].any() and not vectors[4].any()
    alone = lead_embeddings(items[1:])
    assert np.array_equal(alone[[0, 2, 4, 5]], vectors[[1, 3, 5, 6]])


def _with_vectors(items: list[StoryItem], vectors: dict[str, np.ndarray]) -> np.ndarray:
    return np.stack([vectors[item.id] for item in items])


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item_id, story in assignment.items():
        groups.setdefault(story, set()).add(item_id)
    return {frozenset(g) for g in groups.values()}


def test_real_embeddings_keep_three_events_apart_in_any_order_and_over_runs() -> None:
    items = [StoryItem(id=r["id"], text=r["text"], day=parse_day(r["published"])) for r in records()]
    by_id = dict(zip([i.id for i in items], lead_embeddings(items), strict=True))
    whole = cluster(items, embeddings=_with_vectors(items, by_id)).assignment
    expected = {frozenset(f"{name}-{i}" for i in range(3)) for name in ("flood", "chess", "probe")}
    assert _partition(whole) == expected
    for seed in range(4):
        shuffled = [StoryItem(id=i.id, text=i.text, day=i.day) for i in items]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled, embeddings=_with_vectors(shuffled, by_id)).assignment == whole
        # The same articles in two runs: the first run's stories are kept and the rest join them.
        cut = 2 + seed
        earlier = cluster(shuffled[:cut], embeddings=_with_vectors(shuffled[:cut], by_id)).assignment
        for item in shuffled:
            item.story = earlier.get(item.id)
        later = cluster(shuffled, embeddings=_with_vectors(shuffled, by_id)).assignment
        assert all(later[item_id] == story for item_id, story in earlier.items())
        assert _partition(later) == expected
