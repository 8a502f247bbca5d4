"""An article left alone in its story is placed again against the stories as they ended; a transcript's speaker
labels are no words of its story."""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.stories import clustering
from crosswire.stories.clustering import Params, cluster, story_id
from crosswire.stories.features import StoryItem, item_from_article, without_speaker_labels

# One day's reports of a substation fire, in id order: the broadcaster's line (grid-b) comes second, when the story
# holds only the wire copy, which it does not clear; the two later reports retell both, and the story they end with
# is one it clears. A zoo's escaped panda the same day is a story of its own.
_REPORTS = {
    "grid-a": "A fire at the Harku substation cut power to half a million homes in northern Estonia, the grid operator "
    "Elering said.",
    "grid-b": "Firefighters are still cooling the burnt transformer tonight, and Elering says crews have brought power "
    "back to half the homes.",
    "grid-c": "The Harku substation fire cut power to half a million Estonian homes; Elering said firefighters were "
    "cooling the burnt transformer.",
    "grid-d": "Elering said power was back for half the homes cut off by the Harku substation fire, after firefighters "
    "cooled the transformer.",
    "zoo-a": "A red panda escaped from the city zoo on Monday and was found asleep in a park tree, keepers said.",
}
_DAY = 739000
_WORDS = Params(embedding_weight=0.0, entity_weight=0.0)


def _items(**changes: dict[str, object]) -> list[StoryItem]:
    items = [StoryItem(id=key, text=text, day=_DAY) for key, text in _REPORTS.items()]
    for item in items:
        for name, value in changes.get(item.id, {}).items():
            setattr(item, name, value)
    return items


def test_a_report_placed_before_the_story_grew_joins_it() -> None:
    assignment = cluster(_items(), _WORDS).assignment
    assert {assignment[key] for key in ("grid-a", "grid-b", "grid-c", "grid-d")} == {story_id("grid-a")}
    assert assignment["zoo-a"] == story_id("zoo-a")


def test_without_placing_again_the_report_stays_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same corpus with the second placement switched off: the broadcaster's line opens a story of its own, so the
    test above shows the mechanism, not an easy corpus."""
    monkeypatch.setattr(clustering._Clusterer, "_replace_alone", lambda self, placed: None)
    assignment = cluster(_items(), _WORDS).assignment
    assert assignment["grid-b"] == story_id("grid-b") != assignment["grid-a"]


def test_stored_articles_and_articles_out_of_the_window_stay() -> None:
    stored = cluster(_items(**{"grid-b": {"story": "story-stored"}}), _WORDS).assignment
    assert stored["grid-b"] == "story-stored"
    late = cluster(_items(**{"grid-b": {"day": _DAY + 30}}), _WORDS).assignment
    assert late["grid-b"] == story_id("grid-b")


def test_a_copy_follows_its_original_when_it_moves() -> None:
    items = [*_items(), StoryItem(id="grid-b-copy", text=_REPORTS["grid-b"], day=_DAY, duplicate_of="grid-b")]
    assignment = cluster(items, _WORDS).assignment
    assert assignment["grid-b-copy"] == assignment["grid-b"] == story_id("grid-a")


def test_speaker_labels_are_dropped_from_the_story_text() -> None:
    text = "PRESENTER: The toll rose to three.\n\nREPORTER: Police said.\n  DR. ANNA KLEIN: We saw it.\nUS: tariffs up"
    assert without_speaker_labels(text) == "The toll rose to three.\n\nPolice said.\n  We saw it.\nUS: tariffs up"
    article = Article(id="t", source="t.txt", title="Toll rises", text="ANCHOR: The toll rose.\nHOST: More at nine.")
    assert item_from_article(article).text == "Toll rises\n\nThe toll rose.\nMore at nine."
    # A dateline is no label: it has no colon after its capitals.
    dateline = "TALLINN, Jan 18 (Baltic Wire) - A fire cut power."
    assert without_speaker_labels(dateline) == dateline
