"""Two writers on one store, on SQLite and PostgreSQL: both runs' articles are kept and the corpus covers them all."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from crosswire.model import Article
from crosswire.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_corpus import CHESS, FLOOD, MEETING_MARCH, PROBE

CROSSWIRE = Path(sys.executable).parent / "crosswire"


def _write(path: Path, prefix: str, texts: list[str]) -> Path:
    lines = [json.dumps({"id": f"{prefix}-{i}", "text": text}) for i, text in enumerate(texts)]
    # Both runs also bring the same shared article, from the same source name.
    lines.append(json.dumps({"id": "shared", "text": MEETING_MARCH[0]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_analyze_runs_at_once_keep_everything(db_url: str, tmp_path: Path) -> None:
    first = _write(tmp_path / "first.jsonl", "one", [*FLOOD, *CHESS])
    second = _write(tmp_path / "second.jsonl", "two", [*PROBE, *MEETING_MARCH[1:]])
    runs = [
        subprocess.Popen(
            [str(CROSSWIRE), "analyze", str(path), "--out", str(tmp_path / path.stem), "--db", db_url, "-q", "-j", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in (first, second)
    ]
    outcomes = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outcomes, strict=True):
        # The shared record comes from two files: one of the runs may be told to add it again later, in one line.
        assert run.returncode == 0, err.decode()
        for line in err.decode().splitlines():
            assert "another run stored a different article as 'shared'" in line, line

    with Store(db_url) as store:
        dossier = store.load_dossier()
    ids = {a.id for a in dossier.articles}
    expected = {f"one-{i}" for i in range(6)} | {f"two-{i}" for i in range(4)} | {"shared"}
    # Had one run stored "shared" before the other read the store, the other gave its copy a suffixed id.
    assert expected <= ids and all(extra.startswith("shared-") for extra in ids - expected)
    # The corpus pass that ran last read both runs' articles: every article is in a story, every story's
    # articles exist.
    in_stories = {article for story in dossier.stories for article in story.articles}
    assert in_stories == ids
    assert all(article.story for article in dossier.articles)
    if db_url.startswith("sqlite:"):
        import sqlite3

        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_id_taken_meanwhile_by_another_source_is_not_overwritten(db_url: str) -> None:
    with Store(db_url) as store:
        assert store.save_articles([Article(id="x", source="first.txt", text="first")]) == []
        late = Article(id="x", source="second.txt", text="second")
        other = Article(id="y", source="second.txt", text="other")
        assert store.save_articles([late, other]) == [late]
        assert {a.id: a.text for a in store.iter_articles()} == {"x": "first", "y": "other"}


def test_corpus_lock_lets_one_writer_in_at_a_time(db_url: str) -> None:
    with Store(db_url) as first, Store(db_url) as second:
        entered = threading.Event()

        def wait_for_lock() -> None:
            with second.corpus_lock():
                entered.set()

        with first.corpus_lock():
            waiter = threading.Thread(target=wait_for_lock)
            waiter.start()
            assert not entered.wait(0.5), "a second writer got the corpus lock while the first held it"
        waiter.join(30)
        assert entered.is_set()
