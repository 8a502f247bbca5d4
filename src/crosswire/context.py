"""What every stage may know about the run beyond its own article: the run's options and corpus-wide facts.

Kept apart from :mod:`crosswire.pipeline` so that stage modules can name :class:`Context` without importing the
pipeline that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crosswire.nlp.embeddings import VectorCache

if TYPE_CHECKING:
    from crosswire.claims.parses import ParseSource

# ``map(fn, items)``: ``[fn(item) for item in items]`` in that order, wherever an engine runs it (see
# ``crosswire.engine.Engine.map``); ``fn`` is a module-level function, the items and results picklable.
CorpusMap = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
# ``start(fn, items)``: the same, sent out now; calling what it returns waits for the list (``Engine.start``).
CorpusStart = Callable[[Callable[[Any], Any], Sequence[Any]], Callable[[], list[Any]]]


@dataclass(frozen=True)
class Options:
    """Run-wide settings the stages read."""

    # --raw: keep each record's text exactly as given, so offsets index the input.
    verbatim: bool = False


@dataclass
class Context:
    """What per-article stages may know about the rest of the run (filled before they start)."""

    options: Options = field(default_factory=Options)
    # How many articles of each outlet carry a line, keyed by (outlet, normalized line): repeated lines are template.
    outlet_line_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    # Sentence embeddings kept between runs, so corpus stages re-run over the whole store embed only what is new.
    vector_cache: VectorCache | None = None
    # Clause parses the per-article workers made (``crosswire.claims.parses``), for the claims stage; set by the
    # driver for its corpus run only (never sent to workers).
    clause_parses: ParseSource | None = None
    # Where a corpus stage may farm out work it splits into independent pieces (the engine's workers); set by the
    # driver for its corpus run only. Without it the pieces run in this process, with the same result.
    corpus_map: CorpusMap | None = None
    # The same workers, without waiting: what a corpus stage can start before its turn (``CorpusStage.prepare``) runs
    # there while the driver runs the stages before it. Set with ``corpus_map``.
    corpus_start: CorpusStart | None = None
    # Whether what ``corpus_map`` runs sees this machine's files (the local engine's pool, or this process): the claims
    # stage then extracts its propositions there, reading the clause parses from the spool's file (Ray's workers may
    # be elsewhere, so with Ray the driver extracts them).
    corpus_files_shared: bool = False
    # What the per-article workers of this run chose for the corpus stages that take it back
    # (``CorpusStage.chosen_back``), by stage name, then article id: the stories stage's leads. Set by the driver for
    # its corpus run only; an article analysed by an earlier run is not in it, and the stage works its own out.
    chosen: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # What the per-article workers of this run worked out for the corpus stages that read one article alone at a cost
    # (``CorpusStage.per_article``: the duplicates stage's hashes), by stage name, then article id; set like
    # ``chosen``, and an article of an earlier run is not in it either.
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)
