"""Every result is a function of the input alone: the same inputs give the same dossier byte for byte in another
process with another hash seed; a re-run of a finished store is a no-op; a run that must redo the corpus stages
(after a kill, or with nothing cached) gives what an uninterrupted run gave."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CROSSWIRE = Path(sys.executable).parent / "crosswire"
REALWORLD = SHARED / "data" / "realworld-dev" / "articles"


def analyze(inputs: Path, out: Path, hash_seed: int, *extra: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    result = subprocess.run(
        [str(CROSSWIRE), "analyze", str(inputs), "--out", str(out), "-q", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return (out / "dossier.json").read_bytes()


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {
            name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in ("articles", "corpus_objects", "crosswire_meta")
        }


def forget_corpus(db: Path) -> None:
    """The state a run killed after saving its articles and before saving the corpus stages leaves behind."""
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM corpus_objects")
        conn.execute("DELETE FROM crosswire_meta WHERE key = 'corpus_fingerprint'")


def check_inputs(inputs: Path, tmp_path: Path) -> None:
    first = analyze(inputs, tmp_path / "a", 1, "--fresh")
    assert analyze(inputs, tmp_path / "b", 2, "--fresh") == first
    assert (tmp_path / "a" / "dossier.html").read_bytes() == (tmp_path / "b" / "dossier.html").read_bytes()

    db = tmp_path / "a" / "crosswire.db"
    stored = tables(db)
    assert analyze(inputs, tmp_path / "a", 3) == first
    assert tables(db) == stored, "a re-run of a finished store changed it"

    forget_corpus(db)
    assert analyze(inputs, tmp_path / "a", 4) == first


def test_seeds_give_the_same_dossier_in_every_process(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    check_inputs(SEEDS, tmp_path)


@pytest.mark.slow
def test_realworld_dev_gives_the_same_dossier_in_every_process(tmp_path: Path) -> None:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/data/realworld-dev is not present in this checkout")
    check_inputs(REALWORLD, tmp_path)


def test_a_claims_date_does_not_depend_on_the_hash_seed() -> None:
    # Two month values, each mentioned once: a tie that set order used to break.
    code = (
        "from types import SimpleNamespace as N\n"
        "from crosswire.claims.stage import claim_date\n"
        "print(claim_date([N(dates=frozenset({'2021-11', '2024-01', '2019-03'}))]))\n"
    )
    answers = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        answers.add(run.stdout.strip())
    assert len(answers) == 1, answers
