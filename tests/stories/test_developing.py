"""Stories of one developing affair close in time are joined; far apart in time, or undated, they stay apart."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.model import Article, Mention, Timex
from crosswire.stories import developing
from crosswire.stories.clustering import Params, cluster
from crosswire.stories.developing import join_developing, looks_back, named_times
from crosswire.stories.features import StoryItem
from crosswire.stories.stage import headline_like

# A trial told twice: the arrest, then (weeks later) the charges, worded so differently that clustering splits them.
_ARREST = "Police arrested Dana Pike of Harbor Bank after auditors found missing funds at the Riverton branch."
_CHARGE = "Prosecutors in Riverton filed fraud charges against Dana Pike, the Harbor Bank manager, on Friday."
_ENTITIES = {"Dana Pike": "e-pike", "Harbor Bank": "e-bank", "Riverton": "e-riverton"}


def _article(
    article_id: str,
    text: str,
    day: int | None,
    named: str | None = None,
    entities: dict[str, tuple[str, str]] | None = None,
) -> Article:
    """An article naming ``entities`` (surface -> id and type; the bank's by default) and, with ``named``, a month or
    day its text names (``2024-03``), as the time stage would resolve it."""
    timexes = []
    if named is not None:
        text = f"{text} It began in {named}."
        start = text.rindex("in ") + 3
        timexes.append(Timex(start=start, end=len(text) - 1, text=text[start:-1], type="DATE", value=named))
    mentions = []
    for surface, (entity, label) in (entities or {s: (e, "X") for s, e in _ENTITIES.items()}).items():
        start = text.find(surface)
        if start >= 0:
            mentions.append(Mention(start=start, end=start + len(surface), text=surface, entity=entity, label=label))
    published = date.fromordinal(day).isoformat() if day is not None else None
    return Article(
        id=article_id, source=f"{article_id}.txt", text=text, published=published, mentions=mentions, timexes=timexes
    )


def _run(days: dict[str, int | None], named: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
    """Stories before joining, and the assignment after. ``named``: a month or day some articles name."""
    named = named or {}
    texts = {"a1": _ARREST, "a2": _ARREST + " The bank declined to comment.", "b1": _CHARGE, "b2": _CHARGE + " Pike."}
    items = [
        StoryItem(id=key, text=text, entities=[e for s, e in _ENTITIES.items() if s in text], day=days[key])
        for key, text in texts.items()
    ]
    # A strict threshold splits the affair in two stories, as a lead worded differently does on real pages.
    clustering = cluster(items, Params(threshold=0.9, embedding_weight=0.0))
    before = len(set(clustering.assignment.values()))
    assert before >= 2
    articles = {key: _article(key, text, days[key], named.get(key)) for key, text in texts.items()}
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


def test_months_later_a_stage_that_looks_back_is_the_same_story() -> None:
    """The charges four months after the arrest, recalling when it happened ("in March"): one story."""
    day = date(2024, 3, 1).toordinal()
    days = {"a1": day, "a2": day, "b1": day + 120, "b2": day + 121}
    assert len(set(_run(days, {"b1": "2024-03"})[1].values())) == 1
    # A past day or month the earlier story names too (the audit in February, told again at the charges).
    assert len(set(_run(days, {"a2": "2024-02", "b2": "2024-02"})[1].values())) == 1


def test_a_later_story_naming_another_time_or_over_a_year_later_stays_apart() -> None:
    day = date(2024, 3, 1).toordinal()
    days = {"a1": day, "a2": day, "b1": day + 120, "b2": day + 121}
    _, after = _run(days, {"b1": "2024-05"})  # a time of its own, not the arrest's
    assert after["a1"] != after["b1"]
    _, after = _run(days, {"b1": "2024-06-29"})  # its own publication day: no look back
    assert after["a1"] != after["b1"]
    late = {"a1": day, "a2": day, "b1": day + 400, "b2": day + 401}
    _, after = _run(late, {"b1": "2024-03"})
    assert after["a1"] != after["b1"]


def test_named_times_and_looking_back() -> None:
    article = _article("x", "Text.", None, "2024-02")
    article.timexes += [
        Timex(start=0, end=1, text="T", type="DATE", value="2024-03-05"),
        Timex(start=0, end=1, text="T", type="DATE", value="2024-W10"),
        Timex(start=0, end=1, text="T", type="DATE", value="2024"),
        Timex(start=0, end=1, text="T", type="DURATION", value="P3M"),
    ]
    times = named_times(article)
    feb = (date(2024, 2, 1).toordinal(), date(2024, 2, 29).toordinal())
    assert times == {"2024-02": feb, "2024-03-05": (date(2024, 3, 5).toordinal(),) * 2}
    later = (date(2024, 6, 1).toordinal(), date(2024, 6, 2).toordinal())
    published_in_feb = (date(2024, 2, 10).toordinal(), date(2024, 2, 11).toordinal())
    assert looks_back(later, {"2024-02": feb}, published_in_feb, {})
    assert not looks_back(later, {"2024-02": feb}, (feb[1] + 5, feb[1] + 6), {})
    assert looks_back(later, {"2024-02": feb}, (feb[1] + 5, feb[1] + 6), {"2024-02": feb})


# Two cases heard at one court in one week: the court is a principal of both stories (an organisation every report
# names), they share the city and the country, and their entity profiles are linked; what they report is not alike.
_COURT = {
    "Brenford Crown Court": ("e-court", "ORG"),
    "Brenford": ("e-brenford", "GPE"),
    "England": ("e-england", "GPE"),
    "Gareth Mills": ("e-mills", "PERSON"),
    "Kyle Osei": ("e-osei", "PERSON"),
}
_CASES = {
    "landlord-1": "Landlord Gareth Mills was fined at Brenford Crown Court for failing to fit fire doors and alarms in "
    "his flats in Brenford, England.",
    "landlord-2": "Gareth Mills was fined for fire safety breaches after a tenant was burned in one of his Brenford "
    "flats, Brenford Crown Court heard, in England.",
    "striker-1": "A jury at Brenford Crown Court cleared striker Kyle Osei of punching a nightclub doorman in "
    "Brenford, England.",
    "striker-2": "Kyle Osei thanked fans after a Brenford Crown Court jury cleared him of assault in Brenford; the "
    "England striker returns to training.",
}


def _court(monkeypatch: pytest.MonkeyPatch, floor: float) -> dict[str, str]:
    monkeypatch.setattr(developing, "JOIN_CONTENT", floor)
    day = date(2027, 5, 11).toordinal()
    articles = {key: _article(key, text, day + n, entities=_COURT) for n, (key, text) in enumerate(_CASES.items())}
    items = [
        StoryItem(id=a.id, text=a.text, entities=[m.entity for m in a.mentions if m.entity], day=day + n)
        for n, a in enumerate(articles.values())
    ]
    clustering = cluster(items, Params(threshold=0.9, embedding_weight=0.0))
    join_developing(clustering, articles, {entity: label for entity, label in _COURT.values()})
    return clustering.assignment


def test_two_cases_at_one_court_in_one_week_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    story = _court(monkeypatch, developing.JOIN_CONTENT)
    assert story["landlord-1"] == story["landlord-2"] and story["striker-1"] == story["striker-2"]
    assert story["landlord-1"] != story["striker-1"]
    # Without the floor on what they report, the shared court and the linked profiles would join them.
    story = _court(monkeypatch, 0.0)
    assert len(set(story.values())) == 1
