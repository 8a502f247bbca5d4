"""Engines: where the per-article stages run.

The pipeline's per-article stages are the same everywhere; an engine decides where they execute. ``local`` uses every
core of this machine (a pool of worker processes, each loading spaCy once); ``ray`` spreads them over a Ray cluster.
Either way the driver gets the analysed articles back in input order, in chunks, and writes the store itself, so a
crash leaves the store with whole batches only and the dossier does not depend on the engine or the worker count.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from crosswire.errors import CrosswireError, UsageError
from crosswire.model import Article, InputFailure

if TYPE_CHECKING:
    from crosswire.context import Context

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")


@dataclass
class Chunk:
    """What the stages made of some consecutive inputs: the articles that went through and the ones that failed."""

    done: list[Article] = field(default_factory=list)
    failed: list[tuple[Article, InputFailure]] = field(default_factory=list)
    # Wall seconds each per-article stage took on this chunk, in the process that ran it (empty when not measured).
    seconds: dict[str, float] = field(default_factory=dict)


class Engine(Protocol):
    """Runs the per-article stages over a stream of articles, yielding chunks in input order."""

    def run(self, articles: Iterable[Article], context: Context, *, batch_size: int = ...) -> Iterator[Chunk]: ...

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


def run_chunk(articles: list[Article], context: Context) -> Chunk:
    """Every per-article stage over ``articles`` in this process (what each engine's workers call)."""
    from crosswire.pipeline import run_article_batch

    seconds: defaultdict[str, float] = defaultdict(float)
    done, errors = run_article_batch(articles, context, seconds)
    return Chunk(
        done=done, failed=[(article, failure_of(article, error)) for article, error in errors], seconds=dict(seconds)
    )


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
