"""The stories stage through ``analyze``: a store grown over two runs, order of inputs, and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from story_corpus import records

from crosswire.analyze import analyze
from crosswire.model import Dossier
from crosswire.stories.clustering import story_id


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _stories(dossier: Dossier) -> dict[str, str]:
    return {a.id: a.story or "" for a in dossier.articles}


def test_second_run_keeps_stories_and_places_new_articles(tmp_path: Path) -> None:
    rows = records()
    first_rows = [r for r in rows if r["id"] in {"flood-0", "flood-1", "chess-0"}]
    out = tmp_path / "out"
    first = analyze([str(_write(tmp_path / "first.jsonl", first_rows))], out).dossier
    before = _stories(first)
    assert before["flood-0"] == before["flood-1"] == story_id("flood-0")
    assert before["chess-0"] == story_id("chess-0")

    rest = [r for r in rows if r["id"] not in before]
    second = analyze([str(_write(tmp_path / "second.jsonl", rest))], out)
    after = _stories(second.dossier)
    assert set(second.analysed) == {r["id"] for r in rest}
    for article, story in before.items():
        assert after[article] == story  # old assignments kept
    assert after["flood-2"] == before["flood-0"]  # new articles join existing stories...
    assert after["chess-1"] == after["chess-2"] == before["chess-0"]
    assert after["probe-0"] == after["probe-1"] == after["probe-2"] == story_id("probe-0")  # ...or open new ones
    stories = {s.id: s for s in second.dossier.stories}
    assert set(stories) == {story_id("flood-0"), story_id("chess-0"), story_id("probe-0")}
    assert stories[story_id("chess-0")].articles == ["chess-0", "chess-1", "chess-2"]
    assert (stories[story_id("chess-0")].start, stories[story_id("chess-0")].end) == ("2024-01-10", "2024-01-12")
    # The stored dossier agrees with what was written.
    written = Dossier.from_json((out / "dossier.json").read_bytes())
    assert _stories(written) == after
    assert [s.id for s in written.stories] == [s.id for s in second.dossier.stories]


def test_input_order_gives_the_same_stories(tmp_path: Path) -> None:
    rows = records()
    forward = analyze([str(_write(tmp_path / "a.jsonl", rows))], tmp_path / "a").dossier
    backward = analyze([str(_write(tmp_path / "b.jsonl", rows[::-1]))], tmp_path / "b").dossier
    assert _stories(forward) == _stories(backward)
    assert [s.model_dump() for s in forward.stories] == [s.model_dump() for s in backward.stories]


def test_a_wire_copy_joins_its_originals_story(tmp_path: Path) -> None:
    rows = records()
    copy = dict(rows[3], id="chess-copy", published="2024-01-15")
    dossier = analyze([str(_write(tmp_path / "in.jsonl", [*rows, copy]))], tmp_path / "out").dossier
    article = dossier.article("chess-copy")
    assert article is not None and article.duplicate_of == "chess-0"
    assert article.story == story_id("chess-0")


def test_seeds_make_one_story_and_one_storyline(seeds_dir: Path, tmp_path: Path) -> None:
    dossier = analyze([str(seeds_dir)], tmp_path / "out").dossier
    story = {a.id[:3]: a.story for a in dossier.articles}
    assert story["000"] == story["001"] == story["002"]
    assert story["003"] != story["000"] and story["004"] != story["000"] and story["003"] != story["004"]
    ankara = next(s for s in dossier.stories if s.id == story["000"])
    assert (ankara.start, ankara.end) == ("2022-11-14", "2022-11-14")
    assert len(dossier.storylines) == 1
    assert set(dossier.storylines[0].stories) == {story["000"], story["003"], story["004"]}
