"""Engines: where the per-article stages run.

The pipeline's per-article stages are the same everywhere; an engine decides where they execute. ``local`` uses every
core of this machine (a pool of worker processes, each loading spaCy and the
sentence encoder once); ``ray`` spreads them over a Ray cluster.
Either way the driver gets the analysed articles back in input order, in chunks, and writes the store itself, so a
crash leaves the store with whole batches only and the dossier does not depend on the engine or the worker count.

The workers also embed the sentences a corpus stage declares it wants embedded ahead (``CorpusStage.embeds_ahead``;
each chunk in one batched forward pass) and send the vectors back with the chunk as plain float32 arrays: the driver
puts them in the store's vector cache, where the corpus stages find them. No stage asks for that today: the stories
stage's leads and the claims stage's sentences are embedded by their stages, all together in pieces of similar
length, on the workers through :meth:`Engine.map`. The workers work out the claims stage's sentences, for the clause
parses that takes, which come back packed, so the claims stage does not parse the same sentences again on the
driver.

The corpus stages run on the driver, which alone sees the whole corpus; what of them splits into independent pieces
(the claims of each story, the embeddings of the sentences the claims stage reads) goes back to the engine's workers
through :meth:`Engine.map`, and comes back in a fixed order, so the dossier does not depend on where the pieces ran.
:meth:`Engine.start` sends such pieces without waiting for them: the stories stage's leads go out once the dates are
known and are embedded while the driver runs the canonical entities and the statements (``CorpusStage.prepare``),
and with the local engine ``dossier.html`` is rendered on a worker while the driver saves the corpus and writes
``dossier.json`` (``crosswire.report.start_page``).
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import numpy as np

from crosswire.errors import CrosswireError, UsageError
from crosswire.model import Article, InputFailure

if TYPE_CHECKING:
    from crosswire.context import Context

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")

# The ``seconds`` name (see ``crosswire.pipeline.timed``) of the corpus stages' work an engine ran on its workers.
CORPUS_IN_WORKERS = "corpus in workers"
# The ``seconds`` name of what the per-article workers read of each article for the corpus stages
# (``CorpusStage.per_article``).
CORPUS_READS = "corpus reads"

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Chunk:
    """What the stages made of some consecutive inputs: the articles that went through and the ones that failed."""

    done: list[Article] = field(default_factory=list)
    failed: list[tuple[Article, InputFailure]] = field(default_factory=list)
    # Wall seconds each per-article stage took on this chunk, in the process that ran it (empty when not measured).
    seconds: dict[str, float] = field(default_factory=dict)
    # Embeddings of the sentences the corpus stages will need for ``done``, by vector-cache key (float32 rows).
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    # The clause parses the workers made choosing those sentences, and the predicates of the claims' propositions,
    # packed per article (``crosswire.claims.parses``), by article id: the claims stage reuses them instead of
    # parsing the sentences again on the driver and their texts again on the workers that cluster claims.
    parses: dict[str, bytes] = field(default_factory=dict)
    # What the corpus stages that take it back (``CorpusStage.chosen_back``: the stories stage's leads) chose to embed
    # for each article of ``done``, by stage name, then article id.
    chosen: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # What the corpus stages that read one article alone (``CorpusStage.per_article``: the duplicates stage's hashes)
    # read of each article of ``done``, by stage name, then article id.
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)


class Engine(Protocol):
    """Runs the per-article stages over a stream of articles, yielding chunks in input order."""

    def run(self, articles: Iterable[Article], context: Context, *, batch_size: int = ...) -> Iterator[Chunk]: ...

    def map(self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None) -> list[R]:
        """``[fn(item) for item in items]`` in that order, wherever the engine runs it (corpus work split up); the
        time it spent elsewhere is added to ``seconds`` under :data:`CORPUS_IN_WORKERS`."""
        ...

    def start(
        self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None
    ) -> Callable[[], list[R]]:
        """:meth:`map` sent out now, its results waited for by calling what it returns: the workers compute while
        the caller does something else. Where the engine has no workers, the items are computed at that call."""
        ...

    def close(self) -> None: ...


def default_workers() -> int:
    """The cores this process may use (its CPU affinity where the OS tells it, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def failure_of(article: Article, exc: Exception) -> InputFailure:
    """The one line a user sees for an article a stage failed on."""
    if isinstance(exc, CrosswireError):
        return InputFailure(source=exc.source or article.source, error=exc.message)
    # One article's bug must not stop the batch; it is reported, with a debug log for the traceback.
    log.debug("stage failure on %s", article.source, exc_info=exc)
    return InputFailure(
        source=article.source,
        error=f"internal error ({type(exc).__name__}: {exc}); the article was skipped, please report it",
    )


def use_one_thread() -> None:
    """Keep this worker process's library thread pools and the sentence encoder to one thread: a worker is one
    core, and thread pools would only fight each other."""
    from threadpoolctl import threadpool_limits

    from crosswire.nlp.embeddings import set_threads

    threadpool_limits(1)
    set_threads(1)


def load_worker_models() -> None:
    """What a worker process loads once: spaCy and the sentence encoder, each on one thread."""
    from crosswire.nlp.embeddings import load_encoder, wanted_backend
    from crosswire.nlp.spacy_model import load_pipeline
    from crosswire.pipeline import CORPUS_STAGES

    use_one_thread()
    load_pipeline()
    # Each embedding stage's own encoder (the stories stage's leads, the claims stage's pieces); any other is loaded
    # when something asks for it (the float graph, ~100 MB of a worker, is no stage's now).
    for backend in dict.fromkeys(wanted_backend(s.encoder) for s in CORPUS_STAGES if s.embeds):
        load_encoder(backend)


def embed_for_corpus(
    articles: list[Article], chosen: dict[str, dict[str, list[str]]] | None = None
) -> tuple[dict[str, np.ndarray], dict[str, bytes]]:
    """The sentences the corpus stages embed ahead for ``articles`` (``CorpusStage.embeds_ahead``), embedded in one
    batched pass, by cache key; and the clause parses made while choosing every stage's sentences, with the predicates
    of the claims' propositions, the clauses their sentences were split into and the article's sentences, packed per
    article id. ``chosen``, when given, gets what the stages that take it back chose (see
    :func:`crosswire.pipeline.corpus_sentences_by_encoder`)."""
    from crosswire.claims.parses import pack, recording, recording_deeds, recording_splits, sentences_digest
    from crosswire.nlp.embeddings import encode, vector_key
    from crosswire.nlp.sentences import article_sentences
    from crosswire.pipeline import corpus_sentences_by_encoder

    texts: dict[str | None, dict[str, None]] = {}
    parses: dict[str, bytes] = {}
    for article in articles:
        # The clause parses are cut out of the article's own parse, which the per-article stages made, and the
        # propositions' predicates read off it.
        with recording() as docs, recording_deeds() as deeds, recording_splits() as splits:
            for encoder, texts_of in corpus_sentences_by_encoder([article], ahead_only=True, back=chosen).items():
                texts.setdefault(encoder, {}).update(dict.fromkeys(texts_of))
        if docs or deeds or splits:
            # With the article's sentences, which the claims stage's extraction splits again otherwise.
            split = (sentences_digest(article.text), article_sentences(article))
            parses[article.id] = pack(docs, deeds, splits, split)
    # Each encoder's texts in one batched pass, with the stage's own encoder.
    vectors: dict[str, np.ndarray] = {}
    for encoder, unique in texts.items():
        batch = list(unique)
        vectors.update(zip((vector_key(text, encoder) for text in batch), encode(batch, prefer=encoder), strict=True))
    return vectors, parses


def run_chunk(articles: list[Article], context: Context) -> Chunk:
    """Every per-article stage over ``articles`` in this process (what each engine's workers call), then the
    embeddings the corpus stages will need for the articles that went through."""
    from crosswire.nlp.parse import release
    from crosswire.pipeline import per_article_reads, run_article_batch, timed

    seconds: defaultdict[str, float] = defaultdict(float)
    done, errors = run_article_batch(articles, context, seconds, keep_parses=True)
    chosen: dict[str, dict[str, list[str]]] = {}
    try:
        with timed(seconds, "embeddings"):
            vectors, parses = embed_for_corpus(done, chosen)
        with timed(seconds, CORPUS_READS):
            per_article = per_article_reads(done)
    finally:
        for article in done:
            release(article)
    return Chunk(
        done=done,
        failed=[(article, failure_of(article, error)) for article, error in errors],
        seconds=dict(seconds),
        vectors=vectors,
        parses=parses,
        chosen=chosen,
        per_article=per_article,
    )


def timed_call(fn: Callable[[T], R], item: T) -> tuple[R, float, float]:
    """``fn(item)`` in a worker, with the wall and CPU seconds it took there (what :meth:`Engine.map` reports)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(item)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def untimed(results: Sequence[tuple[R, float, float]], seconds: defaultdict[str, float] | None) -> list[R]:
    """The results of :func:`timed_call`s, their wall and CPU seconds added to ``seconds`` (when given) under
    :data:`CORPUS_IN_WORKERS`."""
    if seconds is not None:
        from crosswire.pipeline import CPU

        seconds[CORPUS_IN_WORKERS] += sum(wall for _, wall, _ in results)
        seconds[CPU + CORPUS_IN_WORKERS] += sum(cpu for _, _, cpu in results)
    return [result for result, _, _ in results]


def make_engine(name: str = "local", *, workers: int | None = None, ray_address: str | None = None) -> Engine:
    """The engine called ``name`` (``local`` or ``ray``), with ``workers`` processes (default: every core)."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if name == "local":
        if ray_address is not None:
            raise UsageError("--ray-address needs --engine ray")
        from crosswire.engine.local import LocalEngine

        return LocalEngine(workers or default_workers())
    if name == "ray":
        from crosswire.engine.ray_engine import RayEngine

        return RayEngine(address=ray_address, workers=workers)
    raise UsageError(f"unknown engine {name!r}; use one of: {', '.join(ENGINES)}")
