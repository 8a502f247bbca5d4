"""Fixtures of the server tests: a hand-made store for reads, a really analysed store for adding articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import BASE_RECORDS, BASE_SOURCE, LOCAL, write_store

from crosswire.analyze import update_store
from crosswire.ingest.records import parse_record
from crosswire.web import Limits, create_app


@pytest.fixture(scope="module")
def synthetic_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over the hand-made store (read-only tests share it)."""
    url = write_store(tmp_path_factory.mktemp("synthetic") / "store.db")
    with TestClient(create_app(url), base_url=LOCAL) as client:
        yield client


@pytest.fixture(scope="session")
def analysed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding BASE_RECORDS, analysed by the real pipeline (copied by each test that writes)."""
    from crosswire.store import Store

    path = tmp_path_factory.mktemp("analysed") / "template.db"
    articles = [
        parse_record(record, source=BASE_SOURCE, where=f"line {i}", fallback_id=f"base-{i}", verbatim=False)
        for i, record in enumerate(BASE_RECORDS, start=1)
    ]
    with Store(f"sqlite:///{path}") as store:
        update = update_store(store, articles)
    assert update.analysed == ["ankara-harbor", "grain-wire"], update.failures
    return path


def copy_store(template: Path, target: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included), through SQLite's backup API."""
    source, destination = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()
    return target


@pytest.fixture
def analysed_db(analysed_template: Path, tmp_path: Path) -> Path:
    return copy_store(analysed_template, tmp_path / "store.db")


@pytest.fixture
def analysed_client(analysed_db: Path) -> Iterator[TestClient]:
    """A client over a fresh copy of the analysed store, with small limits so they are cheap to exceed."""
    limits = Limits(max_body_bytes=64 * 1024, max_records=5, max_text_chars=8_000)
    with TestClient(create_app(f"sqlite:///{analysed_db}", limits), base_url=LOCAL) as client:
        yield client
