"""``analyze``: ingest inputs, run the pipeline on what is new, update the store and write the dossier.

This is the library function behind ``crosswire analyze``; it never prints. Progress and per-input failures reach
the caller through callbacks and the returned :class:`AnalysisResult`.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from crosswire.claims.parses import ParseSpool
from crosswire.context import Context, Options
from crosswire.engine import Engine, make_engine
from crosswire.engine.local import LocalEngine
from crosswire.errors import UsageError
from crosswire.ingest import IngestOptions, iter_inputs
from crosswire.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher
from crosswire.model import Article, Dossier, InputFailure
from crosswire.pipeline import ARTICLE_STAGES, CPU, run_corpus_stages, timed
from crosswire.report import PendingPage, start_page, write_dossier
from crosswire.store import Store, content_hash, default_url
from crosswire.store.vectors import StoreVectorCache

log = logging.getLogger(__name__)

# Articles analysed together (the parse is batched) and written to the store in one transaction: a crash loses at
# most one batch of work, never stored data.
BATCH_SIZE = 64

ProgressFn = Callable[[int, int], None]
FailureFn = Callable[[InputFailure], None]


@dataclass
class AnalysisResult:
    dossier: Dossier
    json_path: Path
    html_path: Path
    store_url: str
    analysed: list[str] = field(default_factory=list)  # ids analysed in this run
    reused: list[str] = field(default_factory=list)  # ids already in the store with the same input
    failures: list[InputFailure] = field(default_factory=list)
    # Where the time went (see StoreUpdate.seconds): wall seconds by name, CPU seconds by CPU + name.
    seconds: dict[str, float] = field(default_factory=dict)


def _unique_id(article: Article, taken: dict[str, str], stored_sources: dict[str, str], repeat: int) -> str:
    """Keep the article's id unless another input already uses it; then add a suffix from its source.

    The suffix depends on the source and on how many earlier records of that source carried the same id, never on
    the input's position in the run, so adding or reordering inputs does not rename stored articles.
    """
    owner = taken.get(article.id) or stored_sources.get(article.id)
    if owner is None or (owner == article.source and article.id not in taken):
        return article.id
    suffix = hashlib.sha1(f"{article.source}\x00{repeat}".encode()).hexdigest()[:6]
    return f"{article.id}-{suffix}"


class _Spool:
    """The articles waiting for analysis, kept in a temporary file rather than in memory, read back in order.

    The inputs are read once (stdin and links cannot be read twice), but the clean stage needs counts over all of
    them first (:func:`_count_outlet_lines`): the spool holds them in between, so memory does not grow with the input.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.count = 0

    def add(self, article: Article) -> None:
        pickle.dump(article, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Article]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            article: Article = pickle.load(self._file)  # our own temporary file
            yield article

    def close(self) -> None:
        self._file.close()


def _count_outlet_lines(counts: Counter[tuple[str, str]], article: Article) -> None:
    from crosswire.clean.text import line_keys

    if article.outlet and article.raw_format == "text" and not article.verbatim:
        outlet = article.outlet.casefold()
        counts.update((outlet, key) for key in line_keys(article.raw))


def _repeated(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The outlet lines seen more than once: a line seen once is no evidence of boilerplate (the clean stage reads
    ``count - 1``), so the rest need not travel to the workers."""
    return {key: count for key, count in counts.items() if count > 1}


def _corpus_code() -> str:
    """Which code computes the corpus objects: another version or other stages make stored ones stale."""
    from crosswire import __version__
    from crosswire.pipeline import CORPUS_STAGES

    return hashlib.sha1(f"{__version__}:{','.join(s.name for s in CORPUS_STAGES)}".encode()).hexdigest()[:12]


@dataclass
class StoreUpdate:
    """What :func:`update_store` did: the store's new dossier and what happened to each input."""

    dossier: Dossier
    analysed: list[str] = field(default_factory=list)  # ids analysed in this run
    reused: list[str] = field(default_factory=list)  # ids already in the store with the same input
    failures: list[InputFailure] = field(default_factory=list)  # inputs that could not be read or analysed
    failed: list[str] = field(default_factory=list)  # ids of the articles a stage failed on, in order
    # Where the time went: wall and CPU seconds per stage (per-article stages summed over the workers that ran them)
    # and for loading and saving the corpus, see ``pipeline.timed``; logged at INFO (``crosswire -v analyze``).
    seconds: dict[str, float] = field(default_factory=dict)


def update_store(
    store: Store,
    items: Iterable[Article | InputFailure],
    *,
    verbatim: bool = False,
    on_progress: ProgressFn | None = None,
    on_failure: FailureFn | None = None,
    engine: Engine | None = None,
    before_save: Callable[[Dossier, list[InputFailure]], None] | None = None,
) -> StoreUpdate:
    """Analyse the ingested ``items`` that are new into ``store``, then rerun the corpus stages over all it holds.

    Articles keep their ids unless one is taken by another source (then they get a suffix; the new id is set on the
    article). The dossier returned has no ``errors``: they are in ``failures``. ``engine`` runs the per-article
    stages (default: in this process); whatever it is, this function alone writes the store, batch by batch.
    ``before_save`` is called with the dossier and the failures once the corpus stages are done, before the corpus
    is saved (not when the store's corpus was current: nothing ran).
    """
    failures: list[InputFailure] = []

    def fail(failure: InputFailure) -> None:
        failures.append(failure)
        log.warning("%s: %s", failure.source, failure.error)
        if on_failure:
            on_failure(failure)

    stored_hashes = store.known_hashes()
    current_stages = {stage.name for stage in ARTICLE_STAGES}
    stored_sources = store.known_sources()
    pending = _Spool()
    line_counts: Counter[tuple[str, str]] = Counter()
    reused: list[str] = []
    taken: dict[str, str] = {}
    repeats: Counter[tuple[str, str]] = Counter()
    for item in items:
        if isinstance(item, InputFailure):
            fail(item)
            continue
        repeats[(item.id, item.source)] += 1
        item.id = _unique_id(item, taken, stored_sources, repeats[(item.id, item.source)] - 1)
        taken[item.id] = item.source
        item.input_hash = content_hash(item)
        stored = stored_hashes.get(item.id)
        # Same input and every current stage already ran on it: nothing to do. A stage added by an upgrade
        # makes the stored article pending again.
        if stored is not None and stored[0] == item.input_hash and set(stored[1]) >= current_stages:
            reused.append(item.id)
        else:
            pending.add(item)
            _count_outlet_lines(line_counts, item)

    context = Context(options=Options(verbatim=verbatim), outlet_line_counts=_repeated(line_counts))
    del line_counts
    analysed: list[str] = []
    failed: list[str] = []
    batch: list[Article] = []
    seen = 0
    seconds: defaultdict[str, float] = defaultdict(float)

    vector_cache = StoreVectorCache(store)
    vectors: dict[str, np.ndarray] = {}
    # The clause parses the workers made, for the claims stage (kept on disk until then).
    parses = ParseSpool()
    # What the workers chose for the corpus stages that take it back (the stories stage's leads), for the corpus run.
    chosen: dict[str, dict[str, list[str]]] = {}
    # What they read of each article for the corpus stages that read one article alone (the duplicates' hashes).
    per_article: dict[str, dict[str, Any]] = {}

    def save(articles: list[Article]) -> None:
        with timed(seconds, "store articles"):
            clashes = store.save_articles(articles)
            # The sentences the workers embedded for the corpus stages, where those stages look them up.
            vector_cache.put_many(vectors)
            vectors.clear()
        for article in clashes:
            failed.append(article.id)
            fail(
                InputFailure(
                    source=article.source,
                    error=f"another run stored a different article as {article.id!r} meanwhile; run again to add "
                    "this one under its own id",
                )
            )
        clashed = {id(article) for article in clashes}
        analysed.extend(article.id for article in articles if id(article) not in clashed)

    try:
        runner = engine or LocalEngine(1)
        try:
            for chunk in runner.run(pending, context, batch_size=BATCH_SIZE):
                for article, failure in chunk.failed:
                    failed.append(article.id)
                    fail(failure)
                batch.extend(chunk.done)
                vectors.update(chunk.vectors)
                for article_id, packed in chunk.parses.items():
                    parses.add(packed, article_id)
                for name, by_article in chunk.chosen.items():
                    chosen.setdefault(name, {}).update(by_article)
                for name, read in chunk.per_article.items():
                    per_article.setdefault(name, {}).update(read)
                for name, value in chunk.seconds.items():
                    seconds[name] += value
                seen += len(chunk.done) + len(chunk.failed)
                if len(batch) >= BATCH_SIZE:
                    save(batch)
                    batch = []
                if on_progress:
                    on_progress(seen, pending.count)
            save(batch)
        finally:
            pending.close()

        # Another writer's corpus pass may be running: wait for it, then read everything both runs saved.
        with store.corpus_lock():
            stamp = f"{store.generation()}:{_corpus_code()}"
            if store.corpus_is_current():
                # Nothing new since the last corpus run (by this run or another writer): its results stand, so a re-run
                # of a finished store is a no-op.
                return StoreUpdate(
                    dossier=store.load_dossier(), analysed=analysed, reused=reused, failures=failures, failed=failed
                )
            # The corpus stages start from what the per-article stages made, never from their own earlier output, so the
            # result depends on the stored articles alone, not on how many runs came before.
            fingerprint = store.corpus_fingerprint()
            with timed(seconds, "load corpus"):
                dossier = store.corpus_input()
            context.vector_cache = vector_cache
            context.clause_parses = parses
            # The corpus stages farm what they split up (each story's claims) to the engine's workers.
            context.corpus_map = lambda fn, items: runner.map(fn, items, seconds)
            # And what a stage can start before its turn, there while the driver runs the stages before it.
            context.corpus_start = lambda fn, items: runner.start(fn, items, seconds)
            context.corpus_files_shared = isinstance(runner, LocalEngine)
            context.chosen = chosen
            context.per_article = per_article
            try:
                run_corpus_stages(dossier, context, seconds)
            finally:
                context.clause_parses = None
                context.corpus_map = None
                context.corpus_start = None
                context.corpus_files_shared = False
                context.chosen = {}
                context.per_article = {}
            if before_save is not None:
                before_save(dossier, failures)
            with timed(seconds, "store corpus"):
                store.save_corpus(dossier, computed_from=stamp, fingerprint=fingerprint)
        return StoreUpdate(
            dossier=dossier, analysed=analysed, reused=reused, failures=failures, failed=failed, seconds=dict(seconds)
        )
    finally:
        parses.close()


def analyze(
    inputs: Sequence[str],
    out_dir: Path,
    *,
    db_url: str | None = None,
    verbatim: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fresh: bool = False,
    allow_private_links: bool = False,
    stdin: TextIO | None = None,
    fetcher: Fetcher | None = None,
    on_progress: ProgressFn | None = None,
    on_failure: FailureFn | None = None,
    workers: int | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> AnalysisResult:
    """Analyse ``inputs`` into the store at ``db_url`` (default: ``out_dir/crosswire.db``) and write the dossier.

    The per-article stages run on ``engine`` (``local``: ``workers`` processes, default every core; ``ray``: a Ray
    cluster at ``ray_address``, default a local one). The dossier is the same whichever runs them.
    """
    runner = make_engine(engine, workers=workers, ray_address=ray_address)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot use {out_dir} as the output folder ({exc.strerror or exc}); pass another --out"
        ) from None
    url = db_url or default_url(out_dir)
    timing: defaultdict[str, float] = defaultdict(float)
    # ``dossier.html``, rendered on a worker of the pool while the driver saves the corpus and writes the JSON.
    pages: list[PendingPage] = []

    def page_ahead(dossier: Dossier, failures: list[InputFailure]) -> None:
        # Only where the workers see this machine's files: a pool of this machine's processes (Ray's may not).
        if isinstance(runner, LocalEngine) and runner.parallel:
            with timed(timing, "write dossier ahead"):
                whole = dossier.model_copy(update={"errors": list(failures)})
                pages.append(start_page(whole, out_dir, lambda fn, items: runner.start(fn, items, timing)))

    try:
        with Store(url) as store:
            if fresh:
                store.clear()
            options = IngestOptions(verbatim=verbatim, max_bytes=max_bytes, allow_private_links=allow_private_links)
            items = iter_inputs(inputs, options, stdin=stdin, fetcher=fetcher)
            update = update_store(
                store,
                items,
                verbatim=verbatim,
                on_progress=on_progress,
                on_failure=on_failure,
                engine=runner,
                before_save=page_ahead,
            )
        dossier, failures = update.dossier, update.failures

        dossier.errors = failures
        for name, value in update.seconds.items():
            timing[name] += value
        try:
            with timed(timing, "write dossier"):
                json_path, html_path = write_dossier(dossier, out_dir, pages.pop() if pages else None)
        except OSError as exc:
            raise UsageError(
                f"cannot write the dossier into {out_dir} ({exc.strerror or exc}); the store is saved, pass another "
                "--out"
            ) from None
    finally:
        for page in pages:
            # Started, never put in place: the run failed after the corpus stages.
            page.discard()
        runner.close()
    seconds = dict(timing)
    wall = {name: value for name, value in seconds.items() if not name.startswith(CPU)}
    cpu = {name.removeprefix(CPU): value for name, value in seconds.items() if name.startswith(CPU)}
    log.info("time by stage (s): %s", ", ".join(f"{name} {value:.1f}" for name, value in wall.items()))
    # CPU seconds (per-article stages summed over the workers): steadier than wall time on a busy machine.
    log.info("cpu time by stage (s): %s", ", ".join(f"{name} {value:.1f}" for name, value in cpu.items()))
    return AnalysisResult(
        dossier=dossier,
        json_path=json_path,
        html_path=html_path,
        store_url=url,
        analysed=update.analysed,
        reused=update.reused,
        failures=failures,
        seconds=seconds,
    )
