"""Several runs opening one new SQLite store at the same moment: switching it to WAL never fails as "locked"."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from crosswire.store import _journal_in_wal


def _open(path: str, barrier: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue[str]) -> None:
    barrier.wait()
    try:
        connection = sqlite3.connect(path, timeout=120, isolation_level=None)
        _journal_in_wal(connection.cursor())
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TABLE IF NOT EXISTS runs (n INTEGER)")
        connection.execute("INSERT INTO runs VALUES (1)")
        connection.execute("COMMIT")
        connection.close()
        results.put("ok")
    except sqlite3.Error as exc:
        results.put(repr(exc))


def test_runs_opening_a_new_store_together_all_switch_it_to_wal(tmp_path: Path) -> None:
    # SQLite answers "database is locked" at once, without its busy timeout, to a journal-mode switch that races
    # another connection; unretried, a few of these 30 three-way races fail.
    context = multiprocessing.get_context("fork")
    outcomes: list[str] = []
    for round_number in range(30):
        path = str(tmp_path / f"store-{round_number}.db")
        barrier = context.Barrier(3)
        results: multiprocessing.Queue[str] = context.Queue()
        workers = [context.Process(target=_open, args=(path, barrier, results)) for _ in range(3)]
        for worker in workers:
            worker.start()
        outcomes += [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join()
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert outcomes == ["ok"] * 90, [o for o in outcomes if o != "ok"]
