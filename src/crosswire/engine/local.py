"""The local engine: the per-article stages on every core of this machine.

With one worker the stages run in this process. With more, a pool of worker processes is started from a fork server
that has already imported the pipeline; each worker loads spaCy and the sentence encoder once, then takes chunks of
articles. Chunks go out as plain pickled :class:`Article` objects (never spaCy ``Doc``s) and come back analysed (with
the sentence vectors the corpus stages will need), collected in input order, at most a few chunks per worker in
flight, so memory stays bounded however long the input stream is.

Results do not depend on the number of workers: each article's stages read only the article and the run-wide
:class:`Context`, and spaCy's parse of a text does not depend on the batch it is in.

The pool outlives the per-article phase: the corpus stages farm the work they can split (the claims of each story,
:meth:`LocalEngine.map`, or :meth:`LocalEngine.start` without waiting) to the same workers, whose models are already
loaded, until :meth:`LocalEngine.close`. The pool takes tasks first come, first served: work started ahead goes
before the tasks of any stage run after it starts.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing import forkserver
from typing import TYPE_CHECKING, TypeVar

from crosswire.engine import Chunk, load_worker_models, run_chunk, timed_call, untimed
from crosswire.errors import PipelineError
from crosswire.model import Article

if TYPE_CHECKING:
    from crosswire.context import Context

# Articles per task sent to a worker: big enough for spaCy's batching, small enough to keep every worker busy.
CHUNK_SIZE = 16
# Tasks in flight per worker: one running and one queued, so a worker never waits for the driver.
IN_FLIGHT_PER_WORKER = 2
# What the fork server imports before forking workers: every stage's module, imported once for all workers.
FORK_SERVER_PRELOAD = ("crosswire.pipeline",)
# Below this many articles, starting worker processes costs more than it saves.
MIN_PARALLEL_ARTICLES = 2 * CHUNK_SIZE

_worker_context: Context | None = None

T = TypeVar("T")
R = TypeVar("R")

_BROKEN = (
    "a worker process died ({}); the store keeps every saved batch: run again, with fewer --workers if memory is short"
)


def _init_worker(context: Context) -> None:
    global _worker_context
    _worker_context = context
    load_worker_models()


def _fork_context() -> multiprocessing.context.ForkServerContext:
    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(list(FORK_SERVER_PRELOAD))
    return mp


def start_fork_server() -> None:
    """Start the fork server the pool's workers will come from, now rather than at the first chunk: it imports the
    pipeline (several CPU seconds) on another core while this process imports its own copy and reads the inputs.

    Harmless when no pool follows (the server waits, idle, and exits with this process) and a no-op once started.
    """
    _fork_context()
    forkserver.ensure_running()


def _work(articles: list[Article]) -> Chunk:
    assert _worker_context is not None, "worker used before its initializer ran"
    return run_chunk(articles, _worker_context)


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


class LocalEngine:
    """Per-article stages over ``workers`` processes (1: in this process)."""

    def __init__(self, workers: int = 1, *, chunk_size: int | None = None, min_parallel: int | None = None) -> None:
        self.workers = workers
        self.chunk_size = chunk_size or CHUNK_SIZE
        self.min_parallel = MIN_PARALLEL_ARTICLES if min_parallel is None else min_parallel
        # The worker pool, started by the first parallel run and kept for :meth:`map` until :meth:`close`.
        self._pool: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        """Whether the worker pool is running (from the first parallel run until :meth:`close`)."""
        return self._pool is not None

    def run(self, articles: Iterable[Article], context: Context, *, batch_size: int = CHUNK_SIZE) -> Iterator[Chunk]:
        """Chunks of at most ``batch_size`` articles (the driver's store batch), in input order."""
        size = max(1, min(self.chunk_size, batch_size))
        stream = iter(articles)
        head = list(islice(stream, self.min_parallel))
        if self.workers == 1 or len(head) < self.min_parallel:
            for chunk in chunks(_chain(head, stream), size):
                yield run_chunk(chunk, context)
            return
        try:
            yield from self._parallel(_chain(head, stream), context, size)
        except BrokenProcessPool as exc:
            self.close()
            raise PipelineError(_BROKEN.format(exc)) from None

    def _parallel(self, articles: Iterable[Article], context: Context, size: int) -> Iterator[Chunk]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=_fork_context(), initializer=_init_worker, initargs=(context,)
            )
        pool = self._pool
        pending: deque[Future[Chunk]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        try:
            for chunk in chunks(articles, size):
                pending.append(pool.submit(_work, chunk))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def map(self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None) -> list[R]:
        """``[fn(item) for item in items]``, on the workers of the pool when the run started one (else here), even
        for one item: the models it needs are loaded there, not here.

        ``fn`` must be a module-level function and the items picklable. Items are handed out in the order given (put
        the costliest first), the results come back in that order, and none depends on which process computed it.
        ``seconds``, when given, gets the wall and CPU seconds the workers spent under :data:`CORPUS_IN_WORKERS`
        (what ran here is the caller's own time).
        """
        return self.start(fn, items, seconds)()

    def start(
        self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None
    ) -> Callable[[], list[R]]:
        """:meth:`map`, the items handed to the pool now; calling the result waits for them (without a pool, it
        computes them here)."""
        if self._pool is None or not items:
            return lambda: [fn(item) for item in items]
        try:
            futures = [self._pool.submit(timed_call, fn, item) for item in items]
        except BrokenProcessPool as exc:
            self.close()
            raise PipelineError(_BROKEN.format(exc)) from None

        def wait() -> list[R]:
            try:
                try:
                    results = [future.result() for future in futures]
                finally:
                    for future in futures:
                        future.cancel()
            except BrokenProcessPool as exc:
                self.close()
                raise PipelineError(_BROKEN.format(exc)) from None
            return untimed(results, seconds)

        return wait

    def close(self) -> None:
        """Shut the worker pool down (it lives from the first parallel run to here)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)


def _chain(head: list[Article], rest: Iterator[Article]) -> Iterator[Article]:
    yield from head
    yield from rest
