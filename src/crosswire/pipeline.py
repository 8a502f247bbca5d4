"""The stages of the pipeline, declared in one place with what each needs and what it adds.

Per-article stages take one :class:`Article` and add a layer to it; corpus stages read the whole :class:`Dossier`
and fill their own lists in it. :func:`check_order` proves at import time that every stage runs after the stages that
provide what it needs, so the order is checked, not remembered.

A later capability plugs in by writing its function and adding one line to ``ARTICLE_STAGES`` or ``CORPUS_STAGES``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from crosswire.attribution import find_statements, link_statements
from crosswire.claims import build_claims, embedded_texts
from crosswire.claims.stage import CLAIMS_ENCODER
from crosswire.clean import clean_article
from crosswire.context import Context
from crosswire.entities import canonicalize_entities, find_mentions
from crosswire.errors import PipelineError
from crosswire.events import find_event_mentions, merge_events
from crosswire.model import Article, Dossier
from crosswire.nlp import parse_article, parse_batch, release
from crosswire.stories import (
    article_lead,
    build_coverage,
    build_timeline,
    cluster_stories,
    mark_duplicates,
    start_lead_embeddings,
)
from crosswire.stories.duplicates import read_article
from crosswire.stories.features import LEAD_ENCODER
from crosswire.time import find_timexes, infer_publication_dates

# What ingestion provides before any stage runs.
INGESTED: frozenset[str] = frozenset({"raw"})


ArticleFn = Callable[[Article, Context], None]
BatchFn = Callable[[Sequence[Article], Context], None]
CorpusFn = Callable[[Dossier, Context], None]
TextsFn = Callable[[Article], list[str]]
# Starts a corpus stage's worker tasks and returns what waits for them (see ``CorpusStage.prepare``).
PrepareFn = Callable[[Dossier, Context], Callable[[], None]]


@dataclass(frozen=True)
class ArticleStage:
    name: str
    needs: frozenset[str]
    adds: frozenset[str]
    run: ArticleFn
    # The same work for many articles at once, where batching pays (the spaCy parse).
    run_batch: BatchFn | None = None


@dataclass(frozen=True)
class CorpusStage:
    name: str
    needs: frozenset[str]
    adds: frozenset[str]
    run: CorpusFn
    # The sentences the stage may embed for one article, known from its per-article layers. The per-article workers
    # work them out for every article (the clause parses that takes come back with the article), and when
    # ``embeds_ahead`` they embed them (batched, in parallel) into the run's vector cache, where the stage finds them.
    # A stage that reads only some of them (the claims stage: the stories told by several articles) embeds those
    # itself once it knows which, through the engine's workers, so nothing is embedded that nobody reads; the stories
    # stage embeds its leads itself too, all of them together in pieces of similar length (a chunk's few leads are
    # of any length, and padding them to their longest wasted a sixth of the forward pass).
    embeds: TextsFn | None = None
    embeds_ahead: bool = True
    # The encoder the stage's vectors are made with when ``CROSSWIRE_ENCODER`` chooses none (``None``: the default);
    # see :func:`crosswire.nlp.embeddings.wanted_backend`.
    encoder: str | None = None
    # Work of the stage that can start as soon as the layers in ``prepare_needs`` are there (the stories stage's
    # leads, once the duplicates and the dates are known): with an engine's workers (``Context.corpus_start``) it is
    # sent to them then, and the stages in between run on the driver meanwhile; the function it returns waits for the
    # work, and is called just before the stage runs. The stage finds the work done (its vectors in the run's cache)
    # and does the rest; without workers nothing is started ahead and the stage does it all itself, the same way.
    prepare: PrepareFn | None = None
    prepare_needs: frozenset[str] = frozenset()
    # Whether what ``embeds`` chose for each article comes back from the per-article workers with the chunk (the
    # stories stage's leads, a few hundred characters an article): the driver keeps it for the run
    # (``Context.chosen``), and the stage reads it there instead of working it out again.
    chosen_back: bool = False
    # What the stage reads of one article alone and what it costs to work out (the duplicates stage's hashes of the
    # text): the per-article workers work it out for every article they analyse, it comes back with the chunk
    # (``Chunk.per_article``) and the driver keeps it for the run (``Context.per_article``), where the stage finds it.
    # An article of an earlier run is not there: the stage works its own out, the same way.
    per_article: Callable[[Article], Any] | None = None


def _stage(name: str, needs: set[str], adds: set[str], run: ArticleFn, batch: BatchFn | None = None) -> ArticleStage:
    return ArticleStage(name, frozenset(needs), frozenset(adds), run, batch)


def _corpus(
    name: str,
    needs: set[str],
    adds: set[str],
    run: CorpusFn,
    embeds: TextsFn | None = None,
    *,
    ahead: bool = True,
    encoder: str | None = None,
    prepare: tuple[PrepareFn, set[str]] | None = None,
    back: bool = False,
    per_article: Callable[[Article], Any] | None = None,
) -> CorpusStage:
    start, start_needs = prepare or (None, set())
    return CorpusStage(
        name,
        frozenset(needs),
        frozenset(adds),
        run,
        embeds,
        ahead,
        encoder,
        start,
        frozenset(start_needs),
        back,
        per_article,
    )


ARTICLE_STAGES: tuple[ArticleStage, ...] = (
    _stage("clean", {"raw"}, {"text", "boilerplate", "metadata"}, clean_article),
    _stage("parse", {"text"}, {"parse"}, parse_article, parse_batch),
    _stage("entities", {"parse"}, {"mentions"}, find_mentions),
    _stage("time", {"parse", "metadata"}, {"timexes"}, find_timexes),
    _stage("event_mentions", {"parse", "mentions", "timexes"}, {"event_mentions"}, find_event_mentions),
    _stage("attribution", {"text", "mentions"}, {"statements"}, find_statements),
)

CORPUS_STAGES: tuple[CorpusStage, ...] = (
    _corpus("duplicates", {"text"}, {"duplicates"}, mark_duplicates, per_article=read_article),
    _corpus("publication_dates", {"timexes", "duplicates"}, {"published"}, infer_publication_dates),
    _corpus("canonical_entities", {"mentions"}, {"entities"}, canonicalize_entities),
    _corpus("statements", {"statements", "entities"}, {"speakers"}, link_statements),
    _corpus(
        "stories",
        {"text", "duplicates", "entities", "published"},
        {"stories"},
        cluster_stories,
        article_lead,
        ahead=False,
        encoder=LEAD_ENCODER,
        # A lead reads the article's text and duplicate mark only; the leads go out after the publication dates all
        # the same, as that stage's own tasks on the workers (the dated articles) would wait behind them.
        prepare=(start_lead_embeddings, {"text", "duplicates", "published"}),
        back=True,
    ),
    _corpus("events", {"event_mentions", "entities", "published", "stories"}, {"events"}, merge_events),
    _corpus(
        "claims",
        {"speakers", "stories", "timexes", "events"},
        {"claims", "contradictions"},
        build_claims,
        embedded_texts,
        ahead=False,
        encoder=CLAIMS_ENCODER,
    ),
    _corpus("timeline", {"claims", "events"}, {"timeline"}, build_timeline),
    _corpus("coverage", {"claims", "events", "stories"}, {"coverage"}, build_coverage),
)


def check_order(
    article_stages: Sequence[ArticleStage], corpus_stages: Sequence[CorpusStage], provided: frozenset[str]
) -> None:
    """Raise :class:`PipelineError` unless every stage's needs are added by the stages before it."""
    available = set(provided)
    seen: set[str] = set()
    stages: list[ArticleStage | CorpusStage] = [*article_stages, *corpus_stages]
    for stage in stages:
        if stage.name in seen:
            raise PipelineError(f"stage {stage.name!r} is declared twice")
        seen.add(stage.name)
        missing = stage.needs - available
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage adds")
        if isinstance(stage, CorpusStage) and not stage.prepare_needs <= stage.needs:
            raise PipelineError(f"stage {stage.name!r} prepares from {sorted(stage.prepare_needs - stage.needs)}")
        available |= stage.adds


# Prefix of the ``seconds`` keys that hold CPU seconds (this process's, all its threads) next to the wall seconds: on
# a shared machine the wall time of a stage says as much about the neighbours as about the stage.
CPU = "cpu "


@contextmanager
def timed(seconds: defaultdict[str, float] | None, name: str) -> Iterator[None]:
    """Add the wall and CPU seconds of the ``with`` body to ``seconds[name]`` and ``seconds[CPU + name]``."""
    if seconds is None:
        yield
        return
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        seconds[name] += time.perf_counter() - wall
        seconds[CPU + name] += time.process_time() - cpu


def run_article_stages(article: Article, context: Context) -> Article:
    """Run every per-article stage whose layer the article does not have yet; raise what a stage raises."""
    _, failed = run_article_batch([article], context)
    if failed:
        raise failed[0][1]
    return article


def run_article_batch(
    articles: Sequence[Article],
    context: Context,
    seconds: defaultdict[str, float] | None = None,
    *,
    keep_parses: bool = False,
) -> tuple[list[Article], list[tuple[Article, Exception]]]:
    """Run every stage over a batch, stage by stage, so batched stages see the whole batch.

    Returns the articles that went through and the ones that failed with their error. One article's failure never
    stops the others; a batched stage that fails is retried one article at a time to find the culprit. ``seconds``,
    when given, gets each stage's wall and CPU seconds added (see :func:`timed`; where the time goes, for ``-v``).
    With ``keep_parses`` the articles that went through keep their parse (:func:`crosswire.nlp.parse.release` is
    then the caller's to call).
    """
    alive = list(articles)
    failed: list[tuple[Article, Exception]] = []
    for stage in ARTICLE_STAGES:
        with timed(seconds, stage.name):
            alive = _run_stage(stage, alive, failed, context)
    if not keep_parses:
        for article in alive:
            release(article)
    return alive, failed


def _run_stage(
    stage: ArticleStage, alive: list[Article], failed: list[tuple[Article, Exception]], context: Context
) -> list[Article]:
    """One stage over the ``alive`` articles; those it fails on move to ``failed``. Returns the ones still alive."""
    todo = [a for a in alive if stage.name not in a.layers]
    if stage.run_batch is not None and todo:
        # If the batch fails, the per-article pass below finds and reports the article at fault.
        with suppress(Exception):
            stage.run_batch(todo, context)
    for article in todo:
        try:
            stage.run(article, context)
        except Exception as exc:
            failed.append((article, exc))
            alive = [a for a in alive if a is not article]
            release(article)
        else:
            article.layers.append(stage.name)
    return alive


def corpus_sentences_by_encoder(
    articles: Sequence[Article], *, ahead_only: bool = False, back: dict[str, dict[str, list[str]]] | None = None
) -> dict[str | None, list[str]]:
    """The sentences the corpus stages may embed for ``articles`` (analysed by the per-article stages), each once per
    encoder they are embedded with (:attr:`CorpusStage.encoder`); with ``ahead_only``, those the per-article workers
    embed (every stage's are still worked out: see :class:`CorpusStage`). ``back``, when given, gets what each stage
    that takes it back (:attr:`CorpusStage.chosen_back`) chose, by stage name and article id."""
    texts: dict[str | None, dict[str, None]] = {}
    for stage in CORPUS_STAGES:
        if stage.embeds is not None:
            for article in articles:
                chosen = stage.embeds(article)
                if back is not None and stage.chosen_back:
                    back.setdefault(stage.name, {})[article.id] = chosen
                if stage.embeds_ahead or not ahead_only:
                    texts.setdefault(stage.encoder, {}).update(dict.fromkeys(text for text in chosen if text.strip()))
    return {encoder: list(chosen) for encoder, chosen in texts.items()}


def per_article_reads(articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """What the corpus stages that read one article alone (:attr:`CorpusStage.per_article`) read of ``articles``, by
    stage name, then article id."""
    return {
        stage.name: {article.id: stage.per_article(article) for article in articles}
        for stage in CORPUS_STAGES
        if stage.per_article is not None
    }


def corpus_sentences(articles: Sequence[Article], *, ahead_only: bool = False) -> list[str]:
    """:func:`corpus_sentences_by_encoder`, every encoder's sentences together, each once."""
    texts: dict[str, None] = {}
    for chosen in corpus_sentences_by_encoder(articles, ahead_only=ahead_only).values():
        texts.update(dict.fromkeys(chosen))
    return list(texts)


# The ``seconds`` name of what the driver spends starting a stage's work ahead (``CorpusStage.prepare``).
AHEAD = " ahead"


def run_corpus_stages(dossier: Dossier, context: Context, seconds: defaultdict[str, float] | None = None) -> Dossier:
    """Run every corpus stage over ``dossier``, in order; ``seconds`` gets each one's wall and CPU time, as above.

    With an engine's workers (``context.corpus_start``), a stage's :attr:`CorpusStage.prepare` is started as soon as
    the layers it reads are there, and waited for just before the stage (the wait counts as the stage's time).
    """
    available = set(INGESTED).union(*(stage.adds for stage in ARTICLE_STAGES))
    later = [stage for stage in CORPUS_STAGES if stage.prepare is not None and context.corpus_start is not None]
    waiting: dict[str, Callable[[], None]] = {}
    for stage in CORPUS_STAGES:
        for ready in [other for other in later if other.prepare_needs <= available]:
            later.remove(ready)
            assert ready.prepare is not None
            with timed(seconds, ready.name + AHEAD):
                waiting[ready.name] = ready.prepare(dossier, context)
        with timed(seconds, stage.name):
            if stage.name in waiting:
                waiting.pop(stage.name)()
            stage.run(dossier, context)
        available |= stage.adds
    return dossier


check_order(ARTICLE_STAGES, CORPUS_STAGES, INGESTED)


def _package_of(stage: ArticleStage | CorpusStage) -> str:
    return stage.run.__module__.split(".")[1]


def mermaid() -> str:
    """The stages as a Mermaid flowchart: each stage with its package, an arrow per layer one stage needs of another.

    ``docs/architecture.md`` holds this picture; a test compares them, so the documentation cannot drift from the
    declarations above.
    """
    lines = ["flowchart TD", '    ingest["ingest<br/>adds: raw"]']
    provider = dict.fromkeys(INGESTED, "ingest")
    stages: list[ArticleStage | CorpusStage] = [*ARTICLE_STAGES, *CORPUS_STAGES]
    for stage in stages:
        kind = "per article" if isinstance(stage, ArticleStage) else "corpus"
        adds = ", ".join(sorted(stage.adds))
        lines.append(f'    {stage.name}["{stage.name} ({kind})<br/>{_package_of(stage)}/<br/>adds: {adds}"]')
    for stage in stages:
        for need in sorted(stage.needs):
            lines.append(f"    {provider[need]} -->|{need}| {stage.name}")
        provider.update(dict.fromkeys(stage.adds, stage.name))
    lines.append('    dossier["Dossier: store, dossier.json, dossier.html, serve"]')
    lines.extend(f"    {stage.name} --> dossier" for stage in CORPUS_STAGES if stage.name in ("timeline", "coverage"))
    return "\n".join(lines) + "\n"
