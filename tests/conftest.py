"""Shared fixtures. Tests that need ../shared skip cleanly where it is absent (a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Dossier

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
