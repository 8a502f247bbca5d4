"""A small hand-made dossier for the server tests, stored without running the pipeline.

Four articles in two stories, with entities, statements, events, claims, a contradiction, a storyline and timeline
entries whose links are known, so every filter and every restriction has an exact expected answer. Offsets are
computed from the texts, so the report can use them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from crosswire.model import (
    Article,
    Claim,
    ClaimStance,
    Contradiction,
    ContradictionValue,
    Dossier,
    Entity,
    Event,
    Evidence,
    Mention,
    OutletCoverage,
    Statement,
    Story,
    Storyline,
    TimelineEntry,
)
from crosswire.store import Store

# The address tests open the app at: the server answers to IP addresses and localhost only.
LOCAL = "http://127.0.0.1"

TEXTS = {
    "a1": "Burns met Naryshkin in Ankara on Monday. Burns said the talks were not a negotiation.",
    "a2": "Naryshkin and Burns met in Istanbul, Peskov said. The Kremlin confirmed the meeting.",
    "a3": "Erdogan said the grain deal was extended for 120 days.",
    "desk/a4": "Traders welcomed the grain deal extension on Thursday.",
}
TITLES = {
    "a1": "Spy chiefs meet in Ankara, officials say",
    "a2": "Kremlin confirms spy chief talks",
    "a3": "Black Sea grain deal lives on",
    "desk/a4": "Traders welcome grain extension",
}
OUTLETS = {"a1": "Harbor Ledger", "a2": "Eurasia Wire", "a3": "Harbor Ledger", "desk/a4": None}
STORY_OF = {"a1": "s1", "a2": "s1", "a3": "s2", "desk/a4": "s2"}
NAMES = {
    "e1": ("Burns", "PERSON"),
    "e2": ("Naryshkin", "PERSON"),
    "e3": ("Peskov", "PERSON"),
    "e4": ("Erdogan", "PERSON"),
    "e5": ("Ankara", "GPE"),
}

# Two real articles the fixtures analyse once per session, as `crosswire analyze base.jsonl` would.
BASE_RECORDS = [
    {
        "id": "ankara-harbor",
        "title": "Spy chiefs meet in Ankara",
        "outlet": "Harbor Ledger",
        "published": "2022-11-14",
        "text": "CIA director William Burns met Sergei Naryshkin, the head of Russia's foreign intelligence service, "
        "in Ankara on Monday, the White House said.\n\nA spokesperson said Burns was not negotiating and had come "
        "to warn Moscow against using nuclear weapons in Ukraine.",
    },
    {
        "id": "grain-wire",
        "title": "Black Sea grain deal extended",
        "outlet": "Eurasia Wire",
        "published": "2022-11-17",
        "text": "The agreement that lets Ukraine export grain through the Black Sea was extended on Thursday for "
        "another 120 days, the United Nations and Turkey announced.\n\nTraders said the extension removed a risk "
        "that had weighed on wheat prices since the summer.",
    },
]
BASE_SOURCE = "base.jsonl"


def _span(article: str, text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXTS[article].index(text, start + 1)
    return start, start + len(text)


def _mention(article: str, text: str, entity: str, label: str = "PERSON", occurrence: int = 0) -> Mention:
    start, end = _span(article, text, occurrence)
    return Mention(start=start, end=end, text=text, entity=entity, label=label)


def _statement(sid: str, article: str, sentence: str, speaker: str | None, speaker_text: str | None) -> Statement:
    start, end = _span(article, sentence)
    speaker_start = TEXTS[article].index(speaker_text, start) if speaker_text else None
    return Statement(
        id=sid,
        article=article,
        start=start,
        end=end,
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(speaker_text) if speaker_start is not None and speaker_text else None,
        source_type="person" if speaker else "unknown",
        cue="said" if "said" in sentence else "confirmed",
        content=sentence,
        stance_class="assert",
    )


def _evidence(article: str, sentence: str) -> Evidence:
    start, end = _span(article, sentence)
    return Evidence(article=article, start=start, end=end)


def build_dossier() -> Dossier:
    mentions = {
        "a1": [
            _mention("a1", "Burns", "e1"),
            _mention("a1", "Naryshkin", "e2"),
            _mention("a1", "Ankara", "e5", "GPE"),
            _mention("a1", "Burns", "e1", occurrence=1),
        ],
        "a2": [_mention("a2", "Naryshkin", "e2"), _mention("a2", "Burns", "e1"), _mention("a2", "Peskov", "e3")],
        "a3": [_mention("a3", "Erdogan", "e4")],
        "desk/a4": [],
    }
    articles = [
        Article(
            id=aid,
            source="fixture.jsonl",
            title=TITLES[aid],
            outlet=OUTLETS[aid],
            published=f"2022-11-{14 + index:02d}",
            published_from="input",
            language="en",
            text=TEXTS[aid],
            raw=TEXTS[aid],
            story=STORY_OF[aid],
            mentions=mentions[aid],
            layers=["clean"],
        )
        for index, aid in enumerate(TEXTS)
    ]
    entity_articles: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for aid, found in mentions.items():
        for mention in found:
            assert mention.entity is not None
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
            if aid not in entity_articles.setdefault(mention.entity, []):
                entity_articles[mention.entity].append(aid)
    entities = [
        Entity(
            id=eid,
            name=name,
            type=kind,
            aliases=[name],
            articles=entity_articles.get(eid, []),
            mention_count=counts.get(eid, 0),
        )
        for eid, (name, kind) in NAMES.items()
    ]
    statements = [
        _statement("st1", "a1", "Burns said the talks were not a negotiation.", "e1", "Burns"),
        _statement("st2", "a2", "Naryshkin and Burns met in Istanbul, Peskov said.", "e3", "Peskov"),
        _statement("st3", "a3", "Erdogan said the grain deal was extended for 120 days.", None, None),
    ]
    statements[1].via = ["e1"]
    events = [
        Event(
            id="ev1",
            type="CONSULT",
            summary="Burns met Naryshkin",
            participants=["e1", "e2"],
            location="e5",
            date="2022-11-14",
            articles=["a1", "a2"],
            evidence=[
                _evidence("a1", "Burns met Naryshkin in Ankara on Monday."),
                _evidence("a2", "Naryshkin and Burns met in Istanbul, Peskov said."),
            ],
        ),
        Event(
            id="ev2",
            type="AGREE",
            summary="Grain deal extended",
            participants=["e4"],
            date="2022-11-17",
            articles=["a3", "desk/a4"],
            evidence=[_evidence("a3", "Erdogan said the grain deal was extended for 120 days.")],
        ),
    ]
    claims = [
        Claim(
            id="c1",
            text="Burns and Naryshkin met",
            event="ev1",
            stances=[
                ClaimStance(source="e1", source_text="Burns", article="a1", stance="confirms", statement="st1"),
                ClaimStance(source="e3", source_text="Peskov", article="a2", stance="confirms", statement="st2"),
            ],
            verdict="corroborated",
            independent_sources=2,
            origin="e1",
        ),
        Claim(
            id="c2",
            text="The grain deal was extended",
            event="ev2",
            stances=[ClaimStance(source="e4", source_text="Erdogan", article="a3", stance="reports")],
            verdict="single-source",
            independent_sources=1,
            origin="e4",
        ),
    ]
    contradictions = [
        Contradiction(
            id="x1",
            about="ev1",
            values=[
                ContradictionValue(value="Ankara", articles=["a1"], evidence=[_evidence("a1", "Ankara")]),
                ContradictionValue(value="Istanbul", articles=["a2"], statements=["st2"]),
            ],
            summary="Where the meeting took place",
        )
    ]
    stories = [
        Story(
            id="s1",
            title="Spy chiefs meet",
            articles=["a1", "a2"],
            start="2022-11-14",
            end="2022-11-15",
            coverage=[
                OutletCoverage(outlet="Harbor Ledger", articles=["a1"], claims=["c1"], events=["ev1"]),
                OutletCoverage(outlet="Eurasia Wire", articles=["a2"], claims=["c1"], events=["ev1"]),
            ],
        ),
        Story(id="s2", title="Grain deal", articles=["a3", "desk/a4"], start="2022-11-16", end="2022-11-17"),
    ]
    storylines = [Storyline(id="sl1", title="Talks and trade", stories=["s1", "s2"])]
    timeline = [
        TimelineEntry(date="2022-11-14", event="ev1", summary="Burns met Naryshkin", articles=["a1", "a2"], story="s1"),
        TimelineEntry(date="2022-11-17", claim="c2", summary="Grain deal extended", articles=["a3"], story="s2"),
    ]
    return Dossier(
        articles=articles,
        entities=entities,
        statements=statements,
        events=events,
        claims=claims,
        contradictions=contradictions,
        stories=stories,
        storylines=storylines,
        timeline=timeline,
    )


def write_store(path: Path) -> str:
    """Store the hand-made dossier in a new SQLite file; returns its URL."""
    url = f"sqlite:///{path}"
    dossier = build_dossier()
    with Store(url) as store:
        store.save_articles(dossier.articles)
        store.save_corpus(dossier)
    return url


def dump_tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's tables, to compare a store before and after a request."""
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(map(tuple, connection.execute(f'SELECT * FROM "{table}"')), key=repr) for table in tables}
    finally:
        connection.close()


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """Check that ``response`` is an error of the one shape, with this status and code; returns its ``error``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error
