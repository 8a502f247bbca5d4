"""Stories of one developing affair close in time are joined; far apart in time, or undated, they stay apart."""

from __future__ import annotations

from datetime import date

from crosswire.model import Article, Mention
from crosswire.stories.clustering import Params, cluster
from crosswire.stories.developing import join_developing
from crosswire.stories.features import StoryItem
from crosswire.stories.stage import headline_like

# A trial told twice: the arrest, then (weeks later) the charges, worded so differently that clustering splits them.
_ARREST = "Police arrested Dana Pike of Harbor Bank after auditors found missing funds at the Riverton branch."
_CHARGE = "Prosecutors in Riverton filed fraud charges against Dana Pike, the Harbor Bank manager, on Friday."
_ENTITIES = {"Dana Pike": "e-pike", "Harbor Bank": "e-bank", "Riverton": "e-riverton"}


def _article(article_id: str, text: str, day: int | None) -> Article:
    mentions = []
    for surface, entity in _ENTITIES.items():
        start = text.find(surface)
        if start >= 0:
            mentions.append(Mention(start=start, end=start + len(surface), text=surface, entity=entity, label="X"))
    published = date.fromordinal(day).isoformat() if day is not None else None
    return Article(id=article_id, source=f"{article_id}.txt", text=text, published=published, mentions=mentions)


def _run(days: dict[str, int | None]) -> tuple[int, dict[str, str]]:
    """Stories before joining, and the assignment after."""
    texts = {"a1": _ARREST, "a2": _ARREST + " The bank declined to comment.", "b1": _CHARGE, "b2": _CHARGE + " Pike."}
    items = [
        StoryItem(id=key, text=text, entities=[e for s, e in _ENTITIES.items() if s in text], day=days[key])
        for key, text in texts.items()
    ]
    # A strict threshold splits the affair in two stories, as a lead worded differently does on real pages.
    clustering = cluster(items, Params(threshold=0.9, embedding_weight=0.0))
    before = len(set(clustering.assignment.values()))
    assert before >= 2
    articles = {key: _article(key, text, days[key]) for key, text in texts.items()}
    join_developing(clustering, articles)
    return before, clustering.assignment


def test_one_affair_within_a_month_is_one_story() -> None:
    day = date(2024, 3, 1).toordinal()
    assert len(set(_run({"a1": day, "a2": day, "b1": day + 20, "b2": day + 21})[1].values())) == 1


def test_months_apart_or_undated_stay_apart() -> None:
    day = date(2024, 3, 1).toordinal()
    _, after = _run({"a1": day, "a2": day, "b1": day + 120, "b2": day + 121})
    assert after["a1"] != after["b1"] and after["a2"] != after["b2"]
    before, after = _run({"a1": None, "a2": None, "b1": None, "b2": None})
    assert len(set(after.values())) == before


def test_headlines_state_something() -> None:
    assert headline_like("Shell denies report of BP takeover talks")
    assert headline_like("Rebels seize the airport as talks stall")
    assert not headline_like("Nation & World News")
    assert not headline_like("Nord Stream 1")
    assert not headline_like("s4-ajc-shell.txt")
