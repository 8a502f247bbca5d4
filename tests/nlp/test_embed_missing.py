"""embed_missing: what a stage will read, embedded ahead in pieces cut the same way wherever they run."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np
import pytest

from crosswire.nlp import embeddings
from crosswire.nlp.embeddings import DIMENSIONS, PIECE, MemoryCache, embed_missing, vector_key


@pytest.fixture()
def encoded(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every call of the encoder, with its texts; each text gets a vector of its own (no model loaded)."""
    calls: list[list[str]] = []

    def fake(texts: Sequence[str], **_: object) -> np.ndarray:
        calls.append(list(texts))
        rows = [np.frombuffer(hashlib.sha384(text.encode()).digest(), dtype=np.uint8)[:DIMENSIONS] for text in texts]
        return np.array([np.resize(row, DIMENSIONS) for row in rows], dtype=np.float32)

    monkeypatch.setattr(embeddings, "encode", fake)
    return calls


# Sentences of several domains and lengths: more than one piece's worth.
SUBJECTS = [("The court", "ruled"), ("The central bank", "raised rates"), ("Rebels", "withdrew")]
TEXTS = [
    f"{SUBJECTS[day % 3][0]} {SUBJECTS[day % 3][1]} on day {day}." + " More detail follows." * (day % 7)
    for day in range(140)
]


def test_only_what_the_cache_lacks_is_embedded_once(encoded: list[list[str]]) -> None:
    cache = MemoryCache()
    cache.put_many({vector_key(TEXTS[0]): np.ones(DIMENSIONS, dtype=np.float32)})
    embed_missing([*TEXTS, *TEXTS[:10]], cache)

    sent = [text for call in encoded for text in call]
    assert sorted(sent) == sorted(set(TEXTS) - {TEXTS[0]})
    assert all(len(call) <= PIECE for call in encoded)
    assert set(cache.vectors) == {vector_key(text) for text in TEXTS}
    assert cache.vectors[vector_key(TEXTS[0])].sum() == DIMENSIONS  # kept, not embedded again
    encoded.clear()
    embed_missing(TEXTS, cache)
    assert encoded == []
    embed_missing(TEXTS, None)  # nowhere to keep them: nothing embedded ahead
    assert encoded == []


def test_the_batch_size_reaches_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage's batch size (the stories stage's leads: 4) is what the encoder runs each piece with, here and on a
    map; without one, the backend's own (None)."""
    sizes: list[int | None] = []

    def fake(texts: Sequence[str], *, batch_size: int | None = None, **_: object) -> np.ndarray:
        sizes.append(batch_size)
        return np.ones((len(texts), DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(embeddings, "encode", fake)
    embed_missing(TEXTS[:5], MemoryCache(), batch_size=4)
    embed_missing(TEXTS[:5], MemoryCache(), lambda fn, items: [fn(item) for item in items], batch_size=2)
    embed_missing(TEXTS[:5], MemoryCache())
    assert sizes == [4, 2, None]


def test_pieces_do_not_depend_on_where_they_run(encoded: list[list[str]]) -> None:
    here = MemoryCache()
    embed_missing(TEXTS, here)
    pieces_here = [list(call) for call in encoded]
    encoded.clear()

    mapped: list[list[str]] = []

    def corpus_map(fn: Callable[[list[str]], np.ndarray], items: Sequence[list[str]]) -> list[np.ndarray]:
        mapped.extend(items)
        # As an engine would: in another order, results given back in the order of the items.
        results = {index: fn(items[index]) for index in reversed(range(len(items)))}
        return [results[index] for index in range(len(items))]

    there = MemoryCache()
    embed_missing(TEXTS, there, corpus_map)
    assert mapped == pieces_here and len(mapped) > 1
    # The longest texts go first, so no worker is left with a long piece at the end.
    lengths = [len(text) for piece in mapped for text in piece]
    assert lengths == sorted(lengths, reverse=True)
    assert there.vectors.keys() == here.vectors.keys()
    assert all(np.array_equal(there.vectors[key], here.vectors[key]) for key in here.vectors)


def test_a_preferred_encoder_embeds_and_keys_the_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``prefer`` (the claims stage's encoder), the pieces go to that encoder, here and on an engine's workers,
    and land under its keys, which ``encode_cached`` with the same ``prefer`` reads without embedding again."""
    monkeypatch.delenv(embeddings.BACKEND_VARIABLE, raising=False)
    asked: list[str | None] = []

    def fake(texts: Sequence[str], *, prefer: str | None = None, **_: object) -> np.ndarray:
        asked.append(prefer)
        return np.ones((len(texts), DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(embeddings, "encode", fake)

    def corpus_map(fn: Callable[[list[str]], np.ndarray], items: Sequence[list[str]]) -> list[np.ndarray]:
        return [fn(item) for item in items]

    for runner in (None, corpus_map):
        cache = MemoryCache()
        embed_missing(TEXTS, cache, runner, prefer="mixed")
        assert set(cache.vectors) == {vector_key(text, "mixed") for text in TEXTS}
        assert set(asked) == {"mixed"}
        asked.clear()
        embeddings.encode_cached(TEXTS[:5], cache, "mixed")
        assert asked == []


def test_embedding_started_ahead_sends_the_same_pieces_and_fills_the_cache_when_waited_for(
    encoded: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``embed_ahead``: the pieces go out when it is called, the cache is filled only when the caller waits, and the
    pieces (so the vectors) are those ``embed_missing`` makes; later rounds go out as the one before comes back."""
    here = MemoryCache()
    embed_missing(TEXTS, here)
    pieces_here = [list(call) for call in encoded]
    encoded.clear()
    # One piece a round: the 140 texts (two pieces) make two rounds.
    monkeypatch.setattr(embeddings, "ROUND", 1)
    sent: list[list[list[str]]] = []
    waited: list[int] = []

    def corpus_start(
        fn: Callable[[list[str]], np.ndarray], items: Sequence[list[str]]
    ) -> Callable[[], list[np.ndarray]]:
        sent.append(list(items))
        results = [fn(item) for item in items]

        def wait() -> list[np.ndarray]:
            waited.append(len(sent))
            return results

        return wait

    there = MemoryCache()
    finish = embeddings.embed_ahead(TEXTS, there, corpus_start)
    # The first round is out, nothing is in the cache yet.
    assert len(sent) == 1 and not there.vectors
    finish()
    assert [piece for items in sent for piece in items] == pieces_here and len(sent) == len(pieces_here) > 1
    # Each round was waited for with the next one already sent (none after the last).
    assert waited == [2, 2]
    assert there.vectors.keys() == here.vectors.keys()
    assert all(np.array_equal(there.vectors[key], here.vectors[key]) for key in here.vectors)
    # ``embed_missing`` on the same workers without waiting between rounds: the same pieces, in the same order.
    sent.clear()
    waited.clear()
    again = MemoryCache()
    embed_missing(TEXTS, again, corpus_start=corpus_start)
    assert [piece for items in sent for piece in items] == pieces_here and waited == [2, 2]
    assert all(np.array_equal(again.vectors[key], here.vectors[key]) for key in here.vectors)
    # Without workers nothing runs until the caller waits; what the cache holds is not sent again.
    encoded.clear()
    later = embeddings.embed_ahead([*TEXTS, "A new sentence about the harvest."], there)
    assert encoded == []
    later()
    assert encoded == [["A new sentence about the harvest."]]
