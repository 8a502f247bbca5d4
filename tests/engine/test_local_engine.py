"""The local engine: the dossier is the same with one worker and with a pool of worker processes."""

from __future__ import annotations

import json
import operator
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import crosswire.engine.local
from crosswire.analyze import analyze
from crosswire.engine import CORPUS_IN_WORKERS, default_workers, make_engine
from crosswire.engine.local import LocalEngine
from crosswire.errors import UsageError
from crosswire.pipeline import ARTICLE_STAGES, CORPUS_STAGES, CPU

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_corpus import records

EXTRA = [
    # A merger, a trial and a ceasefire: quotes, dates and named people in other domains than the story corpus.
    {
        "id": "merger-0",
        "text": "Shareholders of Harbor Freight Lines approved the merger with Coastal Rail on March 3, 2024, the "
        '"This deal makes us the largest carrier on the coast," chief executive Dana Ortiz told reporters.',
        "published": "2024-03-04",
    },
    {
        "id": "trial-0",
        "text": "A jury in Leeds found former councillor Peter Hale guilty of fraud on Friday. Prosecutor Amira "
        "Khan said Hale had taken 2 million pounds from the housing fund between 2019 and 2021.",
        "published": "2023-11-18",
    },
    {
        "id": "war-0",
        "text": "The ceasefire in the north collapsed on Tuesday when artillery struck the border town of Marsa, "
        "according to the United Nations. Army spokesman Colonel Idris Bello denied that his troops fired first.",
        "published": "2022-07-13",
    },
]


def _inputs(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for record in [*records(), *EXTRA, {"id": "empty", "text": ""}]:
            stream.write(json.dumps(record) + "\n")
    return path


def test_pool_gives_the_same_dossier_as_one_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path)
    one = analyze([str(inputs)], tmp_path / "one", workers=1)
    # Small chunks and no minimum, so the pool runs and articles are split across workers and chunks.
    monkeypatch.setattr(crosswire.engine.local, "CHUNK_SIZE", 2)
    monkeypatch.setattr(crosswire.engine.local, "MIN_PARALLEL_ARTICLES", 2)
    two = analyze([str(inputs)], tmp_path / "two", workers=2)

    assert one.json_path.read_text(encoding="utf-8") == two.json_path.read_text(encoding="utf-8")
    # The pool's run rendered its page on a worker, while the driver saved the corpus: the same page, nothing left.
    assert one.html_path.read_bytes() == two.html_path.read_bytes()
    assert "write dossier ahead" in two.seconds and "write dossier ahead" not in one.seconds
    assert sorted(path.name for path in (tmp_path / "two").iterdir()) == sorted(
        path.name for path in (tmp_path / "one").iterdir()
    )
    assert one.analysed == two.analysed
    assert [f.source for f in one.failures] == [f.source for f in two.failures]
    assert len(one.dossier.articles) == 12
    assert len(one.dossier.stories) >= 3
    # Where the time went: every stage is timed, whether it ran here or in a worker process.
    for result in (one, two):
        assert set(result.seconds) >= {stage.name for stage in (*ARTICLE_STAGES, *CORPUS_STAGES)}
        assert {"store articles", "load corpus", "store corpus", "write dossier"} <= set(result.seconds)
        assert all(value >= 0 for value in result.seconds.values())
    assert two.seconds["parse"] > 0
    # The claims of the stories went to the pool's workers; a one-worker run clustered them in process.
    assert two.seconds[CORPUS_IN_WORKERS] > 0
    assert CORPUS_IN_WORKERS not in one.seconds


def test_pool_yields_chunks_in_input_order(tmp_path: Path) -> None:
    from crosswire.context import Context
    from crosswire.ingest import IngestOptions, iter_inputs
    from crosswire.model import Article

    articles = [a for a in iter_inputs([str(_inputs(tmp_path))], IngestOptions()) if isinstance(a, Article)]
    # Started ahead (as the CLI does) and again: the pool's workers still come from it.
    crosswire.engine.local.start_fork_server()
    crosswire.engine.local.start_fork_server()
    engine = LocalEngine(2, chunk_size=3, min_parallel=2)
    try:
        seen = [a.id for chunk in engine.run(articles, Context(), batch_size=64) for a in chunk.done]
        assert seen == [a.id for a in articles]
        assert all(a.layers == [stage.name for stage in ARTICLE_STAGES] for a in articles if a.text)
        # The pool stays up for the corpus stages: map runs on its workers and gives the results in order.
        seconds: defaultdict[str, float] = defaultdict(float)
        assert engine.map(abs, [-3, 1, -2, 5], seconds) == [3, 1, 2, 5]
        assert set(seconds) == {CORPUS_IN_WORKERS, CPU + CORPUS_IN_WORKERS}
        pids = set(engine.map(operator.call, [os.getpid] * 8))
        assert os.getpid() not in pids and 1 <= len(pids) <= 2
        # Started without waiting: the workers run it while this process goes on, the results come in order.
        waiting = engine.start(abs, [-7, 2, -1], seconds)
        elsewhere = engine.start(operator.call, [os.getpid] * 2)
        assert waiting() == [7, 2, 1] and os.getpid() not in elsewhere()
    finally:
        engine.close()
    # Closed, or never started (one worker): the same map, in this process; a start computes when waited for.
    assert engine.map(operator.call, [os.getpid] * 2) == [os.getpid()] * 2
    assert LocalEngine(1).map(abs, [-1, 2]) == [1, 2]
    called: list[int] = []
    later = LocalEngine(1).start(called.append, [4, 5])
    assert called == []
    later()
    assert called == [4, 5]


def test_the_cli_starts_the_fork_server_only_for_a_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from crosswire.cli.main import app

    started: list[bool] = []
    monkeypatch.setattr(crosswire.engine.local, "start_fork_server", lambda: started.append(True))
    story = tmp_path / "trial.txt"
    story.write_text(EXTRA[1]["text"], encoding="utf-8")
    for workers, expected in (("1", []), ("2", [True])):
        out = tmp_path / f"out-{workers}"
        result = CliRunner().invoke(app, ["analyze", str(story), "--out", str(out), "--workers", workers, "-q"])
        assert result.exit_code == 0, result.output
        assert started == expected


def test_engine_choices_are_checked() -> None:
    assert default_workers() >= 1
    with pytest.raises(UsageError, match="--workers"):
        make_engine("local", workers=0)
    with pytest.raises(UsageError, match="unknown engine"):
        make_engine("spark")
    with pytest.raises(UsageError, match="--engine ray"):
        make_engine("local", ray_address="ray://head:10001")


def test_workers_embed_what_the_corpus_stages_need(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a pool, the sentence embeddings of the claims and stories stages are made in the workers: the driver runs
    no forward pass (this process's encoder is never asked for a vector), and the store's cache holds them. Only what
    is read is embedded: no sentence of a story told by one article (claims compare only within a story)."""
    import crosswire.nlp.embeddings
    from crosswire.claims import embedded_texts
    from crosswire.nlp.embeddings import vector_key
    from crosswire.store import Store
    from crosswire.store.vectors import vectors_table
    from crosswire.stories import article_lead
    from crosswire.stories.features import LEAD_ENCODER

    asked: list[str] = []
    real = crosswire.nlp.embeddings.encode

    def spy(texts: list[str], **options: int) -> object:
        asked.extend(texts)
        return real(texts, **options)

    monkeypatch.setattr(crosswire.nlp.embeddings, "encode", spy)
    monkeypatch.setattr(crosswire.engine.local, "CHUNK_SIZE", 2)
    monkeypatch.setattr(crosswire.engine.local, "MIN_PARALLEL_ARTICLES", 2)
    result = analyze([str(_inputs(tmp_path))], tmp_path / "two", workers=2)

    assert asked == []
    assert result.seconds["embeddings"] > 0
    with Store(result.store_url) as store, store.engine.connect() as conn:
        stored = {row.key for row in conn.execute(vectors_table.select())}
    assert len(stored) > len(result.dossier.articles)
    # The claims stage's sentences went to the workers in the corpus phase, with the clustering.
    assert result.seconds[CORPUS_IN_WORKERS] > 0
    told_by: dict[str, set[str]] = defaultdict(set)
    for article in result.dossier.articles:
        told_by[article.story or article.id].add(article.id)
    alone = [a for a in result.dossier.articles if a.text and len(told_by[a.story or a.id]) == 1]
    assert alone, "the corpus has no story of one article"
    # The leads, with the stories stage's own encoder (int8 unless the variable chooses one for every vector).
    leads = {vector_key(text, LEAD_ENCODER) for a in result.dossier.articles for text in article_lead(a)}
    assert leads <= stored
    unread = {vector_key(text) for a in alone for text in embedded_texts(a)} - leads
    assert unread and not unread & stored


def test_workers_send_back_the_clause_parses_they_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a worker parsed to split clauses (cut out of the article's parse, or parsed on its own) comes back packed
    with the chunk, and restores to the same parse, so the driver's claims stage need not parse those sentences
    again."""
    from crosswire.claims import clauses, parses
    from crosswire.claims.parses import ParseSpool
    from crosswire.context import Context
    from crosswire.engine import run_chunk
    from crosswire.ingest.records import ArticleRecord, record_to_article

    parsed: dict[str, list[tuple[str, str, int]]] = {}
    real = clauses._parse

    def spy(texts: list[str]) -> list[object]:
        docs = real(texts)
        parsed.update({doc.text: [(t.tag_, t.dep_, t.head.i) for t in doc] for doc in docs})
        return list(docs)

    cut: dict[str, list[tuple[str, str, int]]] = {}
    real_cut = parses.from_article

    def spy_cut(article: object, texts: list[str]) -> dict[str, object]:
        docs = real_cut(article, texts)  # type: ignore[arg-type]
        cut.update({text: [(t.tag_, t.dep_, t.head.i) for t in doc] for text, doc in docs.items()})
        return dict(docs)

    monkeypatch.setattr(clauses, "_parse", spy)
    monkeypatch.setattr(parses, "from_article", spy_cut)
    articles = [
        record_to_article(
            ArticleRecord(id=r["id"], text=r["text"]), source=r["id"], fallback_id=r["id"], verbatim=False
        )
        for r in EXTRA
    ]
    chunk = run_chunk(articles, Context())

    assert cut, "the worker cut no candidate sentence out of its article's parse"
    parsed.update(cut)
    assert set(chunk.parses) <= {article.id for article in articles}
    spool = ParseSpool()
    try:
        for packed in chunk.parses.values():
            spool.add(packed)
        restored = spool.docs(list(parsed))
        assert set(restored) == set(parsed)
        assert {text: [(t.tag_, t.dep_, t.head.i) for t in doc] for text, doc in restored.items()} == parsed
    finally:
        spool.close()


def test_workers_send_the_propositions_predicates_read_off_the_article() -> None:
    """The predicates of the claims' propositions are read in the worker, off the article's parse, and come back with
    the chunk: the driver's claims stage reads them from there, parsing no article again, and they are the ones a
    parse of the stored article made on the driver gives (an article analysed by an earlier run)."""
    from crosswire.claims.parses import ParseSpool, known_parses, tallying
    from crosswire.claims.propositions import extract
    from crosswire.context import Context
    from crosswire.engine import run_chunk
    from crosswire.ingest.records import ArticleRecord, record_to_article
    from crosswire.model import Article, Dossier

    articles = [
        record_to_article(
            ArticleRecord(id=r["id"], text=r["text"]), source=r["id"], fallback_id=r["id"], verbatim=False
        )
        for r in EXTRA
    ]
    chunk = run_chunk(articles, Context())
    stored = [Article(id=article.id, source=article.source, text=article.text) for article in chunk.done]
    for mine, done in zip(stored, chunk.done, strict=True):
        mine.mentions, mine.timexes, mine.statements = done.mentions, done.timexes, done.statements
        mine.event_mentions = done.event_mentions
    dossier = Dossier(articles=stored, statements=[s for a in stored for s in a.statements])
    spans = {a.id: [(m.start, m.end, f"ev-{a.id}") for m in a.event_mentions] for a in stored}
    spool = ParseSpool()
    try:
        for article_id, packed in chunk.parses.items():
            spool.add(packed, article_id)
        with known_parses(spool), tallying() as sent:
            from_workers, _ = extract(stored, dossier, spans)
    finally:
        spool.close()
    assert from_workers and all(p.deed is not None for p in from_workers)
    assert any(p.deed for p in from_workers), "no predicate read at all: the test would prove nothing"
    assert sent.articles == 0, "the driver parsed an article the workers had sent"
    with tallying() as alone:
        on_driver, _ = extract(stored, dossier, spans)
    assert alone.articles == len({p.article for p in on_driver})
    assert [(p.start, p.end, p.deed) for p in from_workers] == [(p.start, p.end, p.deed) for p in on_driver]


# A product launch, told twice: reported speech whose subject stands for its speaker ("said she expected"), and a
# claim relayed through another outlet ("citing").
LAUNCH = [
    {
        "id": "launch-0",
        "text": "Nova Devices will ship its Orbit phone in June, the company said on Monday. Chief executive Mara "
        "Lind said she expected demand to outstrip supply until the autumn. The Daily Ledger reported, citing two "
        "company officials, that the phone would cost 900 euros.",
    },
    {
        "id": "launch-1",
        "text": "Mara Lind, the chief executive of Nova Devices, said she would unveil the Orbit phone in Berlin. "
        "According to the Daily Ledger, which cited company officials, the Orbit will cost 900 euros. Nova "
        "Devices denied that the launch had been delayed. Nova Devices, citing its engineers, said the battery was "
        "safe.",
    },
]


def test_the_claims_propositions_extracted_in_tasks_are_the_ones_extracted_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The claims stage's extraction, split into tasks of consecutive articles that cross a process boundary (each
    task pickled, as the pool sends it: the corpus's sources narrowed to the task's articles, the clause parses read
    through a handle on the spool's file), gives the propositions, agents and reactions of one extraction over all,
    and hands each article's sentences back."""
    import pickle

    from crosswire.attribution import link_statements
    from crosswire.claims import stage
    from crosswire.claims.parses import ParseSpool, SharedSpool
    from crosswire.context import Context
    from crosswire.engine import run_chunk
    from crosswire.entities import canonicalize_entities
    from crosswire.events import merge_events
    from crosswire.ingest.records import ArticleRecord, record_to_article
    from crosswire.model import Dossier

    chosen = [*EXTRA, *records()[:5], *LAUNCH]
    articles = [
        record_to_article(
            ArticleRecord(id=r["id"], text=r["text"]), source=r["id"], fallback_id=r["id"], verbatim=False
        )
        for r in chosen
    ]
    chunk = run_chunk(articles, Context())
    dossier = Dossier(articles=chunk.done)
    canonicalize_entities(dossier)
    link_statements(dossier, Context())
    merge_events(dossier)
    assert dossier.entities and any(s.speaker for s in dossier.statements) and dossier.events
    spool = ParseSpool()
    sent: list[object] = []

    def across(fn: object, items: list[object]) -> list[object]:
        # What the pool does to each task and its result: pickled there and back.
        sent.extend(items)
        return [pickle.loads(pickle.dumps(fn(pickle.loads(pickle.dumps(item))))) for item in items]  # type: ignore[operator]

    try:
        for article_id, packed in chunk.parses.items():
            spool.add(packed, article_id)
        ordered = stage.claim_articles(dossier)
        at_once = stage._extracted(ordered, dossier, Context(clause_parses=spool))
        monkeypatch.setattr(stage, "EXTRACT_TASK_ARTICLES", 2)
        for article in ordered:
            article._sentences = None
        split_up = stage._extracted(
            ordered, dossier, Context(clause_parses=spool, corpus_map=across, corpus_files_shared=True)
        )
    finally:
        spool.close()
    assert len(sent) == (len(ordered) + 1) // 2
    assert all(isinstance(task[3], SharedSpool) for task in sent)  # type: ignore[index]
    # A task carries its own articles' statements, not the corpus's.
    assert all(
        {s.article for s in task[1].statements.values()} <= {a.id for a in task[0]}  # type: ignore[index]
        for task in sent
    )
    propositions, _ = at_once
    assert propositions and any(p.agents for p in propositions) and any(p.entities for p in propositions)
    assert split_up == at_once
    assert all(article._sentences is not None and article._sentences[0] is article.text for article in ordered)
