"""The corpus stages start from what the per-article stages made, never from their own earlier output, and are not
rerun when nothing changed; the dossier files get the same mode as the store."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from crosswire.model import Article, Dossier, Entity, Mention
from crosswire.report import write_dossier
from crosswire.store import Store

TEXT = "Seth Rogen spoke in Toronto on Monday."


def _article(article_id: str) -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        raw=TEXT,
        text=TEXT,
        input_hash=f"hash-{article_id}",
        layers=["clean"],
        mentions=[Mention(start=0, end=10, text="Seth Rogen", label="GPE")],
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        opened.save_articles([_article("a"), _article("b")])
        yield opened


def _corpus_run(store: Store) -> Dossier:
    """What a corpus stage does to articles: correct a label, link an entity, infer a date, assign a story."""
    dossier = store.load_dossier(stage_output=True)
    for article in dossier.articles:
        article.mentions[0].label = "PERSON"
        article.mentions[0].entity = "person:seth-rogen"
        article.published = "2024-03-04"
        article.published_from = "story"
        article.story = "story-1"
    dossier.entities = [Entity(id="person:seth-rogen", name="Seth Rogen", type="PERSON", articles=["a", "b"])]
    store.save_corpus(dossier)
    return dossier


def test_the_corpus_view_and_the_stage_output_are_both_kept(store: Store) -> None:
    _corpus_run(store)

    shown = store.load_dossier()
    assert [(a.mentions[0].label, a.mentions[0].entity, a.published, a.story) for a in shown.articles] == [
        ("PERSON", "person:seth-rogen", "2024-03-04", "story-1")
    ] * 2
    assert [e.id for e in shown.entities] == ["person:seth-rogen"]

    base = store.load_dossier(stage_output=True)
    assert [(a.mentions[0].label, a.mentions[0].entity, a.published, a.story) for a in base.articles] == [
        ("GPE", None, None, None)
    ] * 2


def test_a_second_corpus_run_starts_from_the_same_place(store: Store) -> None:
    _corpus_run(store)
    first = store.load_dossier().to_json()
    _corpus_run(store)
    assert store.load_dossier().to_json() == first


def test_the_corpus_is_current_until_the_articles_change(store: Store) -> None:
    assert not store.corpus_is_current()
    _corpus_run(store)
    assert store.corpus_is_current()
    changed = _article("b")
    changed.input_hash = "hash-b-2"
    store.save_articles([changed])
    assert not store.corpus_is_current()
    _corpus_run(store)
    assert store.corpus_is_current()
    store.clear()
    assert not store.corpus_is_current()


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_dossier_files_get_the_stores_mode(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        with Store(f"sqlite:///{tmp_path / 'crosswire.db'}"):
            pass
        json_path, html_path = write_dossier(Dossier(), tmp_path)
    finally:
        os.umask(previous)
    expected = 0o644 & ~umask  # SQLite creates its file 0644, then the umask applies
    assert stat.S_IMODE((tmp_path / "crosswire.db").stat().st_mode) == expected
    assert stat.S_IMODE(json_path.stat().st_mode) == expected
    assert stat.S_IMODE(html_path.stat().st_mode) == expected


def test_the_corpus_input_is_the_stage_output_without_the_raw_input_or_old_corpus_objects(store: Store) -> None:
    _corpus_run(store)

    given = store.corpus_input()

    base = store.load_dossier(stage_output=True)
    assert given.articles == [article.model_copy(update={"raw": ""}) for article in base.articles]
    assert base.entities and not given.entities
    assert given.model_dump(exclude={"articles"}) == Dossier().model_dump(exclude={"articles"})
    # The short strings the articles repeat are one object, not one per article.
    first, second = (article.mentions[0] for article in given.articles)
    assert first.label is second.label and first.text is second.text
