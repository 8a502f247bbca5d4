"""The Ray engine: the per-article stages as Ray Data ``map_batches`` over actors that load the models once each.

What crosses the object store is plain: each article goes out as one JSON record (the same record the store keeps:
its input, its layers so far) and comes back as one, with a failure line instead where a stage failed. spaCy
``Doc``s never leave a worker (they neither pickle cheaply nor need to: every stage that reads one runs there), and
the batches the actors get are only read (Ray hands them numpy arrays over read-only buffers). The sentence vectors a
batch made for the corpus stages ride on its first row as raw float32 bytes with their cache keys; each article's
packed clause parses (``crosswire.claims.parses``) on its own row.

The driver keeps what must see the whole corpus: it reads the results in input order (``preserve_order``), writes
the store in batches, then runs the corpus stages as the local engine does. With no ``address`` a local Ray is
started for the run (``workers`` CPUs) and shut down at the end; with one, the run joins that cluster and leaves it
running.
"""

from __future__ import annotations

import json
import os
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from crosswire.engine import Chunk, load_worker_models, run_chunk
from crosswire.errors import UsageError
from crosswire.model import Article, InputFailure

if TYPE_CHECKING:
    from crosswire.context import Context

T = TypeVar("T")
R = TypeVar("R")

# Articles per map_batches call: enough for spaCy's batching and to amortise Ray's per-task cost.
BATCH_ARTICLES = 16
# Whether this process (a Ray task's) has its thread pools set to one thread (:func:`one_cpu_call`).
_one_cpu = False


def to_record(article: Article) -> str:
    """An article as one JSON line holding everything a worker needs and returns (never a parse)."""
    from crosswire.store import _article_row

    return json.dumps(_article_row(article, 0), ensure_ascii=False)


def from_record(record: str) -> Article:
    from crosswire.store import _row_article

    return _row_article(json.loads(record))


class StageActor:
    """One Ray worker: loads spaCy and the encoder once, then runs the per-article stages over each batch given."""

    def __init__(self, context: bytes) -> None:
        self.context: Context = pickle.loads(context)
        load_worker_models()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        indexes = [int(i) for i in batch["index"]]
        articles = [from_record(str(record)) for record in batch["record"]]
        chunk = run_chunk(articles, self.context)
        done = {id(article) for article in chunk.done}
        failures = {id(article): failure for article, failure in chunk.failed}
        records, errors = [], []
        for article in articles:
            records.append(to_record(article) if id(article) in done else "")
            failure = failures.get(id(article))
            errors.append(failure.model_dump_json() if failure else "")
        # The batch's stage times ride on its first row, so the driver can say where the time went.
        seconds = [json.dumps(chunk.seconds)] + [""] * (len(articles) - 1)
        keys = [",".join(chunk.vectors)] + [""] * (len(articles) - 1)
        matrix = np.stack(list(chunk.vectors.values())) if chunk.vectors else np.zeros((0, 0), dtype=np.float32)
        vectors = [matrix.astype(np.float32).tobytes()] + [b""] * (len(articles) - 1)
        return {
            "index": indexes,
            "record": records,
            "failure": errors,
            "seconds": seconds,
            "vector_keys": keys,
            "vectors": vectors,
            "parses": [chunk.parses.get(article.id, b"") for article in articles],
        }


def one_cpu_call(fn: Callable[[T], R], item: T) -> tuple[R, float, float]:
    """:func:`crosswire.engine.timed_call` in a Ray task of one CPU: the libraries' thread pools (and the sentence
    encoder, if this process loads it) kept to one thread, as in the engine's other workers."""
    global _one_cpu
    from crosswire.engine import timed_call, use_one_thread

    if not _one_cpu:
        use_one_thread()
        _one_cpu = True
    return timed_call(fn, item)


def worker_runtime_env() -> dict[str, dict[str, str]]:
    """The environment Ray gives its workers: the variables that choose how a worker computes (the encoder), as the
    driver has them. A cluster's workers do not inherit the driver's environment, and a worker encoding on another
    backend than the driver would store its vectors under keys the driver never reads."""
    from crosswire.nlp.embeddings import BACKEND_VARIABLE

    chosen = {name: os.environ[name] for name in (BACKEND_VARIABLE,) if name in os.environ}
    return {"env_vars": chosen} if chosen else {}


class RayEngine:
    """Per-article stages on a Ray cluster (``address``), or on a local Ray started for the run."""

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        try:
            import ray
            import ray.data  # noqa: F401
        except ImportError:
            raise UsageError("--engine ray needs Ray: pip install 'crosswire[ray]'") from None
        self.address = address
        self.workers = workers
        self._started = False

    def _connect(self) -> int:
        import ray

        if not ray.is_initialized():
            common: dict[str, Any] = {
                "log_to_driver": False,
                "configure_logging": False,
                "runtime_env": worker_runtime_env(),
            }
            if self.address is None:
                from crosswire.engine import default_workers

                ray.init(num_cpus=self.workers or default_workers(), include_dashboard=False, **common)
            else:
                try:
                    ray.init(address=self.address, **common)
                except (ConnectionError, ValueError, RuntimeError) as exc:
                    raise UsageError(
                        f"cannot join the Ray cluster at {self.address} ({exc}); check --ray-address"
                    ) from None
            self._started = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(self.workers or cpus, cpus))

    def run(self, articles: Iterable[Article], context: Context, *, batch_size: int = 64) -> Iterator[Chunk]:
        import ray.data

        items = list(articles)
        if not items:
            return
        actors = self._connect()
        data_context = ray.data.DataContext.get_current()
        data_context.execution_options.preserve_order = True
        data_context.enable_progress_bars = False
        dataset = ray.data.from_items(
            [{"index": i, "record": to_record(article)} for i, article in enumerate(items)],
            override_num_blocks=max(1, min(-(-len(items) // BATCH_ARTICLES), 4 * actors)),
        ).map_batches(
            StageActor,
            fn_constructor_args=(pickle.dumps(context),),
            batch_size=BATCH_ARTICLES,
            batch_format="numpy",
            concurrency=actors,
            num_cpus=1,
        )
        chunk = Chunk()
        for expected, row in enumerate(dataset.iter_rows()):
            index = int(row["index"])
            assert index == expected, "Ray returned rows out of order despite preserve_order"
            original = items[index]
            for name, value in (json.loads(row["seconds"]) if row["seconds"] else {}).items():
                chunk.seconds[name] = chunk.seconds.get(name, 0.0) + value
            if row["vector_keys"]:
                keys = str(row["vector_keys"]).split(",")
                matrix = np.frombuffer(bytes(row["vectors"]), dtype=np.float32).reshape(len(keys), -1)
                chunk.vectors.update(zip(keys, matrix, strict=True))
            if row["parses"]:
                chunk.parses[original.id] = bytes(row["parses"])
            if row["failure"]:
                chunk.failed.append((original, InputFailure.model_validate_json(row["failure"])))
            else:
                analysed = from_record(row["record"])
                # The driver's article object carries on (callers hold it), with the layers the worker added.
                for name in type(analysed).model_fields:
                    setattr(original, name, getattr(analysed, name))
                chunk.done.append(original)
            if len(chunk.done) + len(chunk.failed) >= batch_size:
                yield chunk
                chunk = Chunk()
        if chunk.done or chunk.failed:
            yield chunk

    def map(self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None) -> list[R]:
        """``[fn(item) for item in items]`` as Ray tasks of one CPU each on the cluster the run joined, the results in
        the order given; here on the driver when the run never connected (nothing new to analyse).
        ``seconds`` gets the tasks' wall and CPU seconds (see :data:`crosswire.engine.CORPUS_IN_WORKERS`)."""
        return self.start(fn, items, seconds)()

    def start(
        self, fn: Callable[[T], R], items: Sequence[T], seconds: defaultdict[str, float] | None = None
    ) -> Callable[[], list[R]]:
        """:meth:`map`, the tasks submitted now; calling the result waits for them (computes them, without Ray)."""
        import ray

        if not ray.is_initialized() or not items:
            return lambda: [fn(item) for item in items]
        from crosswire.engine import untimed

        task: Any = ray.remote(num_cpus=1)(one_cpu_call)
        refs = [task.remote(fn, item) for item in items]

        def wait() -> list[R]:
            results: list[tuple[R, float, float]] = ray.get(refs)
            return untimed(results, seconds)

        return wait

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False
