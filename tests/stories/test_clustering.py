"""Story clustering on StoryItems: partitions, order independence, near-duplicates, time, incremental placement."""

from __future__ import annotations

import random

from story_corpus import CHESS, FLOOD, MEETING_MARCH, MEETING_MAY, PROBE, records

from crosswire.stories.clustering import Params, cluster, story_id
from crosswire.stories.features import StoryItem, parse_day


def _items() -> list[StoryItem]:
    return [StoryItem(id=r["id"], text=r["text"], day=parse_day(r["published"])) for r in records()]


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item, story in assignment.items():
        groups.setdefault(story, set()).add(item)
    return {frozenset(g) for g in groups.values()}


EXPECTED = {frozenset(f"{name}-{i}" for i in range(3)) for name in ("flood", "chess", "probe")}


def test_three_events_make_three_stories() -> None:
    assert len(FLOOD) == len(CHESS) == len(PROBE) == 3
    result = cluster(_items())
    assert _partition(result.assignment) == EXPECTED


def test_story_id_comes_from_the_founding_article() -> None:
    result = cluster(_items())
    # The earliest report of each event founds its story: chess in January, probe in March, flood in May.
    assert result.assignment["chess-2"] == story_id("chess-0")
    assert result.assignment["flood-1"] == story_id("flood-0")


def test_input_order_does_not_matter() -> None:
    baseline = cluster(_items()).assignment
    for seed in range(5):
        shuffled = _items()
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled).assignment == baseline


def test_undated_articles_give_the_same_partition_in_any_order() -> None:
    items = [StoryItem(id=r["id"], text=r["text"]) for r in records()]
    baseline = cluster(items).assignment
    assert _partition(baseline) == EXPECTED
    assert cluster(list(reversed(items))).assignment == baseline


def test_near_duplicate_joins_its_original_without_voting() -> None:
    items = _items()
    # A copy of a chess report that says it copies a flood report must still follow that original.
    items.append(StoryItem(id="copy", text=CHESS[0], day=parse_day("2024-01-20"), duplicate_of="flood-0"))
    result = cluster(items)
    assert result.assignment["copy"] == result.assignment["flood-0"]
    flood = result.stories[result.assignment["flood-0"]]
    assert "copy" in flood.members and "copy" not in flood.voters


def test_meetings_weeks_apart_stay_apart() -> None:
    march = [
        StoryItem(id=f"march-{i}", text=t, day=parse_day(f"2024-03-0{5 + i}")) for i, t in enumerate(MEETING_MARCH)
    ]
    may = [StoryItem(id=f"may-{i}", text=t, day=parse_day(f"2024-05-1{4 + i}")) for i, t in enumerate(MEETING_MAY)]
    result = cluster([*march, *may])
    assert _partition(result.assignment) == {frozenset({"march-0", "march-1"}), frozenset({"may-0", "may-1"})}
    # Without dates the same texts are one story: time alone keeps them apart.
    undated = [StoryItem(id=i.id, text=i.text) for i in [*march, *may]]
    assert len(set(cluster(undated).assignment.values())) == 1
    # And with a window wider than the gap they merge again.
    assert len(set(cluster([*march, *may], Params(window_days=90)).assignment.values())) == 1


def test_stored_assignments_are_kept_and_new_articles_join_or_open() -> None:
    first = cluster([i for i in _items() if i.id in {"flood-0", "flood-1", "chess-0"}]).assignment
    items = _items()
    for item in items:
        item.story = first.get(item.id)
    # A stored decision that content would not make (a chess report in the flood story) is still kept.
    result = cluster(items)
    for item_id, story in first.items():
        assert result.assignment[item_id] == story
    assert result.assignment["flood-2"] == first["flood-0"]
    assert result.assignment["chess-1"] == first["chess-0"]
    assert result.assignment["probe-1"] == result.assignment["probe-0"] == story_id("probe-0")


def test_split_into_runs_gives_the_same_partition() -> None:
    whole = cluster(_items()).assignment
    for cut in range(1, 9):
        items = _items()
        random.Random(cut).shuffle(items)
        earlier = cluster(items[:cut]).assignment
        for item in items:
            item.story = earlier.get(item.id)
        assert _partition(cluster(items).assignment) == _partition(whole)


def test_empty_and_wordless_articles() -> None:
    assert cluster([]).assignment == {}
    result = cluster([StoryItem(id="a", text=""), StoryItem(id="b", text="123 456")])
    assert result.assignment == {"a": story_id("a"), "b": story_id("b")}
