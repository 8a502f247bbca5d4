"""The declared stage order and how stages run."""

from __future__ import annotations

from collections import defaultdict

import pytest

from crosswire.context import Context, Options
from crosswire.errors import PipelineError
from crosswire.model import Article, Dossier
from crosswire.pipeline import (
    ARTICLE_STAGES,
    CORPUS_STAGES,
    INGESTED,
    ArticleStage,
    CorpusStage,
    check_order,
    run_article_batch,
    run_article_stages,
    run_corpus_stages,
)


def _noop_article(article: Article, context: Context) -> None:
    return None


def _noop_corpus(dossier: Dossier, context: Context) -> None:
    return None


def article_stage(name: str, needs: set[str], adds: set[str]) -> ArticleStage:
    return ArticleStage(name, frozenset(needs), frozenset(adds), _noop_article)


def corpus_stage(name: str, needs: set[str], adds: set[str]) -> CorpusStage:
    return CorpusStage(name, frozenset(needs), frozenset(adds), _noop_corpus)


def test_declared_order_passes() -> None:
    check_order(ARTICLE_STAGES, CORPUS_STAGES, INGESTED)
    assert ARTICLE_STAGES[0].name == "clean"
    assert "duplicates" in [s.name for s in CORPUS_STAGES]


def test_stage_needing_a_layer_nobody_adds_is_refused() -> None:
    stages = (*ARTICLE_STAGES, article_stage("quotes", {"text", "sentences"}, {"quotes"}))
    with pytest.raises(PipelineError, match="quotes") as caught:
        check_order(stages, CORPUS_STAGES, INGESTED)
    assert "sentences" in caught.value.message


def test_stage_before_its_provider_is_refused() -> None:
    stages = (
        article_stage("mentions", {"sentences"}, {"mentions"}),
        article_stage("sentences", {"raw"}, {"sentences"}),
    )
    with pytest.raises(PipelineError, match="mentions"):
        check_order(stages, (), INGESTED)
    check_order(tuple(reversed(stages)), (), INGESTED)


def test_corpus_stage_needs_are_checked_too() -> None:
    with pytest.raises(PipelineError, match="claims"):
        check_order(ARTICLE_STAGES, (corpus_stage("claims", {"events"}, {"claims"}),), INGESTED)
    check_order(ARTICLE_STAGES, (corpus_stage("claims", {"text", "boilerplate"}, {"claims"}),), INGESTED)


def test_article_stage_cannot_need_what_only_a_corpus_stage_adds() -> None:
    # Article stages all run before corpus stages, whatever order the tuples are given in.
    with pytest.raises(PipelineError, match="late"):
        check_order((*ARTICLE_STAGES, article_stage("late", {"duplicates"}, {"x"})), CORPUS_STAGES, INGESTED)


@pytest.mark.parametrize(
    ("article_stages", "corpus_stages"),
    [
        ((*ARTICLE_STAGES, article_stage("clean", {"raw"}, {"text"})), ()),
        (ARTICLE_STAGES, (corpus_stage("dup", {"text"}, set()), corpus_stage("dup", {"text"}, set()))),
        (ARTICLE_STAGES, (corpus_stage("clean", {"text"}, set()),)),
    ],
    ids=["article-twice", "corpus-twice", "article-and-corpus"],
)
def test_duplicate_stage_names_are_refused(
    article_stages: tuple[ArticleStage, ...], corpus_stages: tuple[CorpusStage, ...]
) -> None:
    with pytest.raises(PipelineError, match="twice"):
        check_order(article_stages, corpus_stages, INGESTED)


def test_nothing_is_provided_before_the_first_stage() -> None:
    with pytest.raises(PipelineError, match="clean"):
        check_order(ARTICLE_STAGES, CORPUS_STAGES, frozenset())


PARAGRAPHS = [
    "The directors of the American and Russian foreign intelligence services met in Ankara on Monday, officials "
    "said, in the highest-level contact between the two countries since February.",
    "A White House spokesperson said the American envoy was not negotiating and had come to warn Moscow against "
    "using nuclear weapons in Ukraine.",
    "The Kremlin first declined to comment and later said the meeting had been requested by Washington.",
]
RAW = "\n\n".join(["Menu", "Spy Chiefs Meet In Ankara Amid War In Ukraine", *PARAGRAPHS])


def test_run_article_stages_cleans_and_records_the_layer() -> None:
    article = Article(id="a", source="a.txt", raw=RAW)
    run_article_stages(article, Context())
    assert article.layers == [stage.name for stage in ARTICLE_STAGES]
    assert article.title == "Spy Chiefs Meet In Ankara Amid War In Ukraine"
    assert [line for line in article.text.split("\n") if line] == PARAGRAPHS
    assert article.boilerplate == ["Menu"]
    assert article.language == "en"


def test_run_article_stages_skips_layers_already_there() -> None:
    done = [stage.name for stage in ARTICLE_STAGES]
    article = Article(id="a", source="a.txt", raw=RAW, text="kept as stored", layers=list(done))
    run_article_stages(article, Context())
    assert article.text == "kept as stored"
    assert article.layers == done


def test_verbatim_article_keeps_its_raw_text() -> None:
    article = Article(id="a", source="a.txt", raw=RAW, verbatim=True)
    run_article_stages(article, Context(options=Options(verbatim=True)))
    assert article.text == RAW
    assert article.boilerplate == []


def test_given_metadata_wins_over_what_the_page_says() -> None:
    raw = "\n\n".join(["Published: Nov 14, 2022", "Spy Chiefs Meet In Ankara Amid War In Ukraine", *PARAGRAPHS])
    article = Article(id="a", source="a.txt", raw=raw, title="Given", published="2022-11-20", published_from="input")
    run_article_stages(article, Context())
    assert (article.title, article.published, article.published_from) == ("Given", "2022-11-20", "input")


def test_run_corpus_stages_marks_duplicates() -> None:
    text = "\n\n".join(PARAGRAPHS)
    dossier = Dossier(
        articles=[
            Article(id="copy", source="b.txt", text=text, published="2022-11-15"),
            Article(id="orig", source="a.txt", text=text, published="2022-11-14"),
        ]
    )
    run_corpus_stages(dossier, Context())
    assert [a.duplicate_of for a in dossier.articles] == ["orig", None]


def test_a_stage_prepares_from_layers_it_does_not_need_refused() -> None:
    stages = (
        corpus_stage("first", {"text"}, {"x"}),
        CorpusStage("second", frozenset({"x"}), frozenset({"y"}), _noop_corpus, prepare_needs=frozenset({"text", "z"})),
    )
    with pytest.raises(PipelineError, match="prepares from"):
        check_order(ARTICLE_STAGES, stages, INGESTED)


def test_a_stage_starts_on_the_workers_once_what_it_prepares_from_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage's ``prepare`` runs right after the stage that adds the last layer it reads (with workers to run it
    on), the stages in between run while its work is out, and it is waited for just before the stage itself."""
    import crosswire.pipeline as pipeline

    events: list[str] = []

    def run(name: str):  # type: ignore[no-untyped-def]
        return lambda dossier, context: events.append(f"run {name}")

    def prepare(dossier: Dossier, context: Context):  # type: ignore[no-untyped-def]
        events.append("prepare merge")
        return lambda: events.append("wait merge")

    first = ARTICLE_STAGES[-1].adds
    stages = (
        CorpusStage("index", first, frozenset({"index"}), run("index")),
        CorpusStage("rank", frozenset({"index"}), frozenset({"rank"}), run("rank")),
        CorpusStage("tally", frozenset({"rank"}), frozenset({"tally"}), run("tally")),
        CorpusStage(
            "merge",
            frozenset({"index", "tally"}),
            frozenset(),
            run("merge"),
            prepare=prepare,
            prepare_needs=frozenset({"index"}),
        ),
    )
    check_order(ARTICLE_STAGES, stages, INGESTED)
    monkeypatch.setattr(pipeline, "CORPUS_STAGES", stages)
    seconds: defaultdict[str, float] = defaultdict(float)
    run_corpus_stages(Dossier(), Context(corpus_start=lambda fn, items: lambda: []), seconds)
    assert events == ["run index", "prepare merge", "run rank", "run tally", "wait merge", "run merge"]
    assert "merge" + pipeline.AHEAD in seconds
    # Without workers nothing is started ahead: the stage does its work itself, in its turn.
    events.clear()
    run_corpus_stages(Dossier(), Context())
    assert events == ["run index", "run rank", "run tally", "run merge"]


def test_run_article_batch_isolates_the_article_that_fails() -> None:
    good = Article(id="good", source="good.txt", raw=RAW)
    no_article = "<html><head><title>t</title></head><body></body></html>"
    empty_html = Article(id="bad", source="bad.html", raw=no_article, raw_format="html")
    other = Article(id="other", source="other.txt", raw=RAW.replace("Ankara", "Istanbul"))

    done, failed = run_article_batch([good, empty_html, other], Context())

    assert [a.id for a in done] == ["good", "other"]
    assert [(a.id, type(e).__name__) for a, e in failed] == [("bad", "InputError")]
    assert all(a.layers == [stage.name for stage in ARTICLE_STAGES] for a in done)
    assert all(a.mentions for a in done), "the batched parse reached the entity stage"


def test_the_architecture_picture_is_the_declared_pipeline() -> None:
    from pathlib import Path

    from crosswire.pipeline import mermaid

    doc = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{mermaid()}```" in doc, "docs/architecture.md is stale: paste crosswire.pipeline.mermaid()"


def test_only_the_runners_import_the_pipeline() -> None:
    # analyze.py runs the whole pipeline and the engines run its per-article stages; no stage module imports it.
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "crosswire"
    importers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if "crosswire.pipeline import" in path.read_text(encoding="utf-8") and path.name != "pipeline.py"
    )
    assert [path for path in importers if not path.startswith("engine/")] == ["analyze.py"]
