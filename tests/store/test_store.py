"""The store behind analyze(): incremental runs, crash consistency and bad URLs, on SQLite files in tmp_path."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, inspect, text

import crosswire.analyze
import crosswire.pipeline
from crosswire.analyze import analyze
from crosswire.errors import StoreError
from crosswire.model import Article, Dossier, Entity, Statement
from crosswire.pipeline import ArticleStage
from crosswire.store import Store, _article_row, articles_table, default_url, meta_table, metadata
from crosswire.store.migrate import current_revision, head_revision
from crosswire.store.queries import refresh_statistics

STORIES = {
    "a-ankara": (
        "Spy Chiefs Meet In Ankara Amid War In Ukraine",
        [
            "The directors of the American and Russian foreign intelligence services met in Ankara on Monday, "
            "officials said, in the highest-level contact between the two countries since February.",
            "A White House spokesperson said the American envoy was not negotiating and had come to warn Moscow "
            "against using nuclear weapons in Ukraine.",
            "The Kremlin first declined to comment and later said the meeting had been requested by Washington.",
        ],
    ),
    "b-grain": (
        "Black Sea Grain Deal Extended For Four Months",
        [
            "The agreement that lets Ukraine export grain through the Black Sea was extended on Thursday for "
            "another 120 days, the United Nations and Turkey announced.",
            "Traders said the extension removed a risk that had weighed on wheat prices since the summer, when "
            "shipments resumed after months of blockade.",
            "Moscow said it still expected progress on its own exports of fertiliser and food under a separate "
            "memorandum with the United Nations.",
        ],
    ),
    "c-swap": (
        "Basketball Star Freed In Prisoner Exchange",
        [
            "An American basketball player jailed in Russia was released on Thursday in exchange for a Russian "
            "arms dealer, in a swap carried out at the airport in Abu Dhabi.",
            "The president said she was safe and on her way home, while the families of other detained Americans "
            "urged the administration not to forget them.",
            "Officials in the United Arab Emirates and Saudi Arabia said they had helped to arrange the exchange.",
        ],
    ),
    "d-harbour": (
        "Storm Floods Harbour District Overnight",
        [
            "Heavy rain and a high tide flooded the harbour district of Riverton overnight, forcing dozens of "
            "families to leave their homes before dawn.",
            "Fire crews pumped water out of basements until the early afternoon, and the council opened the "
            "sports hall as a shelter for those who could not return.",
            "Forecasters expect the weather to calm by the weekend, but warned that another storm could reach "
            "the coast next week.",
        ],
    ),
}


def write_story(folder: Path, name: str, extra: str = "") -> Path:
    title, paragraphs = STORIES[name]
    path = folder / f"{name}.txt"
    path.write_text("\n\n".join([title, *paragraphs, *([extra] if extra else [])]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in STORIES:
        write_story(folder, name)
    return folder


def stored(url: str) -> list[Article]:
    with Store(url) as store:
        return list(store.iter_articles())


def test_rerun_on_same_inputs_reuses_everything(inputs: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    first = analyze([str(inputs)], out, db_url=db_url)
    assert sorted(first.analysed) == sorted(STORIES)
    assert first.reused == []

    second = analyze([str(inputs)], out, db_url=db_url)
    assert second.analysed == []
    assert sorted(second.reused) == sorted(STORIES)
    assert [a.id for a in second.dossier.articles] == [a.id for a in first.dossier.articles]
    assert [a.text for a in second.dossier.articles] == [a.text for a in first.dossier.articles]
    assert len(stored(first.store_url)) == len(STORIES), "the re-run added rows to the store"
    on_disk = Dossier.from_json(second.json_path.read_text(encoding="utf-8"))
    assert on_disk.to_json() == second.dossier.to_json()


def test_new_input_is_the_only_one_analysed(inputs: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    (inputs / "d-harbour.txt").unlink()
    first = analyze([str(inputs)], out, db_url=db_url)
    old_texts = {a.id: a.text for a in first.dossier.articles}

    write_story(inputs, "d-harbour")
    second = analyze([str(inputs)], out, db_url=db_url)
    assert second.analysed == ["d-harbour"]
    assert sorted(second.reused) == ["a-ankara", "b-grain", "c-swap"]
    assert sorted(a.id for a in second.dossier.articles) == sorted(STORIES)
    assert {a.id: a.text for a in second.dossier.articles if a.id in old_texts} == old_texts
    harbour = second.dossier.article("d-harbour")
    assert harbour is not None and STORIES["d-harbour"][1][0] in harbour.text


def test_new_input_given_separately_joins_the_dossier(inputs: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    analyze([str(inputs / "a-ankara.txt")], out, db_url=db_url)
    second = analyze([str(inputs / "b-grain.txt")], out, db_url=db_url)
    assert second.analysed == ["b-grain"]
    assert [a.id for a in second.dossier.articles] == ["a-ankara", "b-grain"]


def test_changed_content_reanalyses_only_that_article(inputs: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    analyze([str(inputs)], out, db_url=db_url)
    update_line = "The harbour master said the sea wall would be raised by half a metre before the winter storms."
    write_story(inputs, "d-harbour", extra=update_line)

    second = analyze([str(inputs)], out, db_url=db_url)
    assert second.analysed == ["d-harbour"]
    assert sorted(second.reused) == ["a-ankara", "b-grain", "c-swap"]
    harbour = second.dossier.article("d-harbour")
    assert harbour is not None and update_line in harbour.text
    assert len(second.dossier.articles) == len(STORIES)
    assert len(stored(second.store_url)) == len(STORIES)


def test_interrupted_run_keeps_finished_batches(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = {a.id: a for a in analyze([str(inputs)], tmp_path / "reference").dossier.articles}
    out = tmp_path / "out"
    url = default_url(out)

    clean = crosswire.pipeline.ARTICLE_STAGES[0]
    calls: list[str] = []

    def interrupted(article: Article, context: crosswire.context.Context) -> None:
        calls.append(article.id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        clean.run(article, context)

    monkeypatch.setattr(crosswire.analyze, "BATCH_SIZE", 1)
    later_stages = crosswire.pipeline.ARTICLE_STAGES[1:]
    monkeypatch.setattr(
        crosswire.pipeline,
        "ARTICLE_STAGES",
        (ArticleStage(clean.name, clean.needs, clean.adds, interrupted), *later_stages),
    )
    with pytest.raises(KeyboardInterrupt):
        analyze([str(inputs)], out)
    monkeypatch.undo()

    with sqlite3.connect(out / "crosswire.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = stored(url)
    assert [a.id for a in saved] == ["a-ankara", "b-grain"]
    for article in saved:
        expected = reference[article.id]
        assert article.layers == [stage.name for stage in crosswire.pipeline.ARTICLE_STAGES]
        assert (article.title, article.text, article.boilerplate) == (
            expected.title,
            expected.text,
            expected.boilerplate,
        )

    rerun = analyze([str(inputs)], out)
    assert sorted(rerun.reused) == ["a-ankara", "b-grain"]
    assert sorted(rerun.analysed) == ["c-swap", "d-harbour"]
    assert [a.id for a in rerun.dossier.articles] == sorted(STORIES)
    assert [a.text for a in rerun.dossier.articles] == [reference[i].text for i in sorted(STORIES)]


def test_fresh_forgets_the_store(inputs: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    analyze([str(inputs)], out, db_url=db_url)
    again = analyze([str(inputs / "a-ankara.txt")], out, fresh=True, db_url=db_url)
    assert again.analysed == ["a-ankara"]
    assert [a.id for a in again.dossier.articles] == ["a-ankara"]


def test_explicit_db_url_is_used(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "store.db"
    db.parent.mkdir()
    result = analyze([str(inputs)], tmp_path / "out", db_url=f"sqlite:///{db}")
    assert db.is_file()
    assert not (tmp_path / "out" / "crosswire.db").exists()
    assert len(stored(f"sqlite:///{db}")) == len(STORIES)
    assert result.store_url == f"sqlite:///{db}"


# --- the Store API -------------------------------------------------------------------------------------------------


def test_store_round_trips_articles_and_keeps_arrival_order(tmp_path: Path, db_url: str) -> None:
    url = db_url
    first = Article(id="b", source="b.txt", raw="raw b", text="text b", title="B", layers=["clean"], input_hash="hb")
    second = Article(id="a", source="a.html", raw="<p>a</p>", raw_format="html", verbatim=True, text="a")
    with Store(url) as store:
        store.save_articles([first, second])
        store.save_articles([first.model_copy(update={"text": "text b, updated", "input_hash": "hb2"})])
        loaded = list(store.iter_articles())
        assert [a.id for a in loaded] == ["b", "a"], "replacing an article must keep its position"
        assert loaded[0].text == "text b, updated"
        assert (loaded[0].raw, loaded[0].layers, loaded[0].input_hash) == ("raw b", ["clean"], "hb2")
        assert (loaded[1].raw_format, loaded[1].verbatim) == ("html", True)
        assert store.known_hashes()["b"] == ("hb2", ["clean"])
        assert store.known_sources() == {"b": "b.txt", "a": "a.html"}


def test_store_round_trips_corpus_objects(tmp_path: Path, db_url: str) -> None:
    url = db_url
    dossier = Dossier(
        articles=[Article(id="a", source="a.txt", text="x")],
        entities=[Entity(id="e1", name="William Burns", type="PERSON", aliases=["Bill Burns"], articles=["a"])],
    )
    with Store(url) as store:
        store.save_articles(dossier.articles)
        dossier.articles[0].duplicate_of = "zz"
        store.save_corpus(dossier)
    with Store(url) as store:
        loaded = store.load_dossier()
    assert loaded.entities == dossier.entities
    assert loaded.articles[0].duplicate_of == "zz"


# SQLAlchemy cannot reflect the expression index on lower(outlet) and says so; the others are what is checked.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
def test_the_servers_filter_indexes_exist_and_statistics_are_refreshed(tmp_path: Path, db_url: str) -> None:
    with Store(db_url) as store:
        store.save_articles([Article(id=f"a{n}", source=f"a{n}.txt", text="x") for n in range(3)])
        indexes = {
            i["name"]: i for name in ("articles", "corpus_links") for i in inspect(store.engine).get_indexes(name)
        }
        assert indexes["ix_articles_id_position"]["column_names"] == ["id", "position"]
        assert indexes["ix_articles_id_position"]["unique"]
        assert indexes["ix_corpus_links_object_key"]["column_names"] == ["kind", "position", "key", "value"]
        refresh_statistics(store)
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                tables = {row[0] for row in conn.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
            assert "articles" in tables


def test_store_written_before_migrations_is_stamped_and_kept(tmp_path: Path) -> None:
    # A store as Crosswire 0.1 wrote it: its tables made from the table definitions (less the ones later revisions
    # added), crosswire_meta saying schema 1.
    path = tmp_path / "store.db"
    legacy = create_engine(f"sqlite:///{path}")
    metadata.create_all(legacy, tables=[table for table in metadata.sorted_tables if table.name != "corpus_links"])
    with legacy.begin() as connection:
        connection.execute(insert(meta_table).values(key="schema", value="1"))
        connection.execute(insert(articles_table).values(_article_row(Article(id="a", source="a.txt", text="kept"), 0)))
    legacy.dispose()
    with Store(f"sqlite:///{path}") as store:
        assert [a.text for a in store.iter_articles()] == ["kept"]
        with store.engine.connect() as connection:
            assert current_revision(connection) == head_revision()


def test_store_with_unknown_legacy_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE alembic_version")
        connection.execute("INSERT INTO crosswire_meta (key, value) VALUES ('schema', '999')")
    with pytest.raises(StoreError, match="schema 999"):
        Store(f"sqlite:///{path}")


def test_store_from_a_newer_crosswire_is_refused(db_url: str) -> None:
    with Store(db_url) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer Crosswire") as caught:
        Store(db_url)
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    "make_url",
    [
        lambda tmp: "not a url",
        lambda tmp: "",
        lambda tmp: "nosuchdialect://host/db",
        lambda tmp: f"sqlite:///{tmp / 'missing-folder' / 'store.db'}",
        lambda tmp: f"sqlite:///{tmp}",
    ],
    ids=["garbage", "empty", "unknown-dialect", "missing-folder", "a-directory"],
)
def test_bad_url_raises_store_error(tmp_path: Path, make_url: Callable[[Path], str]) -> None:
    with pytest.raises(StoreError) as caught:
        Store(make_url(tmp_path))
    assert "\n" not in caught.value.message


def test_analyze_with_bad_url_raises_store_error(inputs: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        analyze([str(inputs)], tmp_path / "out", db_url="nosuchdialect://host/db")


def test_store_on_a_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("These are my notes, not a database. " * 20, encoding="utf-8")
    with pytest.raises(StoreError):
        Store(f"sqlite:///{not_a_db}")


# --- ids stay stable across runs --------------------------------------------------------------------------------


@pytest.fixture
def same_stems(tmp_path: Path) -> Path:
    """Two different articles whose files share a name, in two sub-folders."""
    root = tmp_path / "in"
    for folder, name in (("first", "a-ankara"), ("second", "b-grain")):
        (root / folder).mkdir(parents=True)
        shutil.move(write_story(root / folder, name), root / folder / "story.txt")
    return root


def test_same_file_names_get_distinct_ids(same_stems: Path, tmp_path: Path, db_url: str) -> None:
    result = analyze([str(same_stems)], tmp_path / "out", db_url=db_url)
    ids = [a.id for a in result.dossier.articles]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[0] == "story"
    rerun = analyze([str(same_stems)], tmp_path / "out", db_url=db_url)
    assert rerun.analysed == [] and sorted(rerun.reused) == sorted(ids)


def test_adding_a_file_does_not_rename_existing_articles(same_stems: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    first = analyze([str(same_stems)], out, db_url=db_url)
    write_story(same_stems / "first", "c-swap")  # sorts before first/story.txt
    second = analyze([str(same_stems)], out, db_url=db_url)
    assert second.analysed == ["c-swap"]
    assert sorted(second.reused) == sorted(a.id for a in first.dossier.articles)
    assert len(second.dossier.articles) == 3


def test_input_order_does_not_change_ids(same_stems: Path, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "out"
    analyze([str(same_stems / "first"), str(same_stems / "second")], out, db_url=db_url)
    second = analyze([str(same_stems / "second"), str(same_stems / "first")], out, db_url=db_url)
    assert second.analysed == []
    assert len(second.dossier.articles) == 2


def test_stored_article_missing_a_current_stage_is_analysed_again(tmp_path: Path, db_url: str) -> None:
    # A store written by an older Crosswire lacks the layers of stages added since; an upgrade fills them in.
    source = tmp_path / "in"
    source.mkdir()
    (source / "story.txt").write_text(
        "Ankara Talks Resume\n\nNegotiators met in Ankara on Monday to discuss the grain corridor, officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = analyze([str(source)], out, db_url=db_url)
    assert first.analysed == ["story"]
    with Store(first.store_url) as store:
        [article] = list(store.iter_articles())
        store.save_articles([article.model_copy(update={"layers": ["clean"]})])

    second = analyze([str(source)], out, db_url=db_url)

    assert second.analysed == ["story"] and second.reused == []
    third = analyze([str(source)], out, db_url=db_url)
    assert third.analysed == [] and third.reused == ["story"]


def test_store_round_trips_article_statements(tmp_path: Path, db_url: str) -> None:
    url = db_url
    statement = Statement(
        id="a:s0", article="a", start=0, end=20, speaker_text="Ortiz", speaker_start=0, speaker_end=5, cue="said",
        cue_start=6, cue_end=10, content="it was safe", content_start=11, content_end=22, stance_class="assert",
    )  # fmt: skip
    article = Article(id="a", source="a.txt", text="Ortiz said it was safe.", statements=[statement])
    assert "statements" not in article.model_dump(mode="json"), "statements are not part of the dossier's article"
    with Store(url) as store:
        store.save_articles([article])
        assert next(iter(store.iter_articles())).statements == [statement]
        linked = statement.model_copy(update={"speaker": "person:ana-ortiz"})
        store.save_corpus(Dossier(articles=[article.model_copy(update={"statements": [linked]})], statements=[linked]))
    with Store(url) as store:
        loaded = store.load_dossier()
    assert loaded.articles[0].statements == [linked]
    assert loaded.statements == [linked]
