"""The embedding cache: round trips through the store, and cached texts are never embedded again."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.nlp.embeddings import DIMENSIONS, encode_cached, vector_key
from crosswire.store import Store
from crosswire.store.vectors import StoreVectorCache


class _DictCache:
    def __init__(self) -> None:
        self.items: dict[str, np.ndarray] = {}
        self.asked: list[str] = []

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        self.asked.extend(keys)
        return {key: self.items[key] for key in keys if key in self.items}

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.items.update(vectors)


def test_store_cache_round_trip_and_keeps_first_value(db_url: str) -> None:
    with Store(db_url) as store:
        cache = StoreVectorCache(store)
        first = np.arange(DIMENSIONS, dtype=np.float32)
        cache.put_many({"a": first, "b": first * 2})
        cache.put_many({"a": first * 3})  # content-addressed: an existing key is never rewritten
        found = cache.get_many(["a", "b", "missing", "a"])
        assert set(found) == {"a", "b"}
        assert np.array_equal(found["a"], first) and np.array_equal(found["b"], first * 2)
    with Store(db_url) as reopened:
        assert set(StoreVectorCache(reopened).get_many(["a", "b"])) == {"a", "b"}


def test_cached_texts_are_taken_from_the_cache() -> None:
    cache = _DictCache()
    marker = np.full(DIMENSIONS, 0.5, dtype=np.float32)
    cache.items[vector_key("already known")] = marker
    vectors = encode_cached(["already known", "a new sentence about talks", "already known"], cache)
    assert vectors.shape == (3, DIMENSIONS)
    assert np.array_equal(vectors[0], marker) and np.array_equal(vectors[2], marker)
    # The new sentence was embedded (unit length) and stored for next time.
    assert abs(float(np.linalg.norm(vectors[1])) - 1.0) < 1e-3
    assert vector_key("a new sentence about talks") in cache.items


@settings(max_examples=50)
@given(st.text(max_size=200), st.text(max_size=200))
def test_vector_keys_are_stable_and_distinct(left: str, right: str) -> None:
    assert vector_key(left) == vector_key(left)
    assert (vector_key(left) == vector_key(right)) == (left == right)
