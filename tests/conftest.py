"""Shared fixtures. Tests that need ../shared skip cleanly where it is absent (a user's clone)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from crosswire.model import Dossier
from postgres_support import PostgresServer, postgres_bindir, running_postgres

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    return SEEDS


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def seed_file(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` (e.g. "002")."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    return next(SEEDS.glob(f"{prefix}_*"))


@pytest.fixture(scope="session")
def seeds_dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    """The whole pipeline over ../shared/seeds, once per test session."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    from crosswire.analyze import analyze

    return analyze([str(SEEDS)], tmp_path_factory.mktemp("seeds") / "out").dossier


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the session (skips where PostgreSQL is not installed)."""
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (make postgresql installs them)")
    try:
        with running_postgres(bindir) as server:
            yield server
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"could not start a throwaway PostgreSQL server: {exc.stderr.decode(errors='replace').strip()}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty store's URL, once on SQLite and once on a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()
