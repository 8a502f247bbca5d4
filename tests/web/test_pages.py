"""The pages (``/``, ``/stories/{id}``, ``/articles/{id}``), their JSON twins, and the restriction behind them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import TITLES, assert_error, build_dossier

from crosswire.model import Dossier
from crosswire.web.subset import restrict


def ids_of(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def all_items(client: TestClient, kind: str) -> list[dict[str, Any]]:
    """Every item of an API list, page by page."""
    items: list[dict[str, Any]] = []
    while True:
        body = client.get(f"/api/{kind}", params={"limit": 2, "offset": len(items)}).json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def test_restricting_to_a_story() -> None:
    part = restrict(build_dossier(), ["a1", "a2"])
    assert ids_of(part.model_dump()["articles"]) == ["a1", "a2"]
    assert [s.id for s in part.statements] == ["st1", "st2"]
    assert [e.id for e in part.entities] == ["e1", "e2", "e3", "e5"]
    assert [e.id for e in part.events] == ["ev1"]
    assert [c.id for c in part.claims] == ["c1"]
    assert [c.id for c in part.contradictions] == ["x1"]
    assert [s.id for s in part.stories] == ["s1"]
    assert [(line.id, line.stories) for line in part.storylines] == [("sl1", ["s1"])]
    assert [t.event for t in part.timeline] == ["ev1"]
    assert part.errors == []
    # Whole within the story: nothing is cut.
    whole = build_dossier()
    assert part.claims[0] == whole.claims[0]
    assert part.stories[0] == whole.stories[0]
    assert part.contradictions[0] == whole.contradictions[0]


def test_restricting_to_one_article_cuts_references_to_other_articles() -> None:
    part = restrict(build_dossier(), ["a2"])
    assert [a.id for a in part.articles] == ["a2"]
    assert [s.id for s in part.statements] == ["st2"]
    event = part.events[0]
    assert event.articles == ["a2"] and [e.article for e in event.evidence] == ["a2"]
    claim = part.claims[0]
    assert [s.article for s in claim.stances] == ["a2"]
    # What the store computed over every article is kept as it is.
    assert (claim.verdict, claim.independent_sources, claim.origin) == ("corroborated", 2, "e1")
    values = part.contradictions[0].values
    assert [(v.value, v.articles, v.statements, v.evidence) for v in values] == [
        ("Ankara", [], [], []),
        ("Istanbul", ["a2"], ["st2"], []),
    ]
    story = part.stories[0]
    assert story.articles == ["a2"] and [c.outlet for c in story.coverage] == ["Eurasia Wire"]
    assert part.timeline[0].articles == ["a2"]
    # Entities it mentions, with counts for this article; Ankara comes in as the event's location.
    entities = {e.id: (e.articles, e.mention_count) for e in part.entities}
    assert entities == {"e1": (["a2"], 1), "e2": (["a2"], 1), "e3": (["a2"], 1), "e5": ([], 0)}


def test_restricting_to_nothing_is_empty() -> None:
    part = restrict(build_dossier(), ["no-such-article"])
    assert part.model_dump(by_alias=True) == Dossier().model_dump(by_alias=True)


def test_the_whole_dossier_twin_equals_the_api(synthetic_client: TestClient) -> None:
    dossier = synthetic_client.get("/dossier.json").json()
    assert dossier == build_dossier().model_dump(mode="json", by_alias=True)
    assert dossier["schema"] == "crosswire/dossier@1"
    for kind in ("articles", "entities", "statements", "events", "claims", "stories"):
        assert dossier[kind] == all_items(synthetic_client, kind)


def test_a_story_twin_is_the_restricted_dossier_and_matches_the_api(synthetic_client: TestClient) -> None:
    twin = synthetic_client.get("/stories/s2.json").json()
    assert twin == restrict(build_dossier(), ["a3", "desk/a4"]).model_dump(mode="json", by_alias=True)
    assert ids_of(twin["articles"]) == ["a3", "desk/a4"]
    assert twin["articles"] == synthetic_client.get("/api/articles", params={"story": "s2"}).json()["items"]
    assert twin["statements"] == synthetic_client.get("/api/statements", params={"story": "s2"}).json()["items"]
    assert twin["stories"] == [synthetic_client.get("/api/stories/s2").json()]
    assert ids_of(twin["claims"]) == ids_of(synthetic_client.get("/api/claims", params={"story": "s2"}).json()["items"])


def test_an_article_twin(synthetic_client: TestClient) -> None:
    twin = synthetic_client.get("/articles/a1.json").json()
    assert twin == restrict(build_dossier(), ["a1"]).model_dump(mode="json", by_alias=True)
    assert twin["articles"] == [synthetic_client.get("/api/articles/a1").json()]
    slashed = synthetic_client.get("/articles/desk/a4.json").json()
    assert ids_of(slashed["articles"]) == ["desk/a4"]


@pytest.mark.parametrize(
    ("path", "shown", "hidden"),
    [
        ("/", ["a1", "a2", "a3", "desk/a4"], []),
        ("/stories/s1", ["a1", "a2"], ["a3", "desk/a4"]),
        ("/stories/s2", ["a3", "desk/a4"], ["a1", "a2"]),
        ("/articles/a2", ["a2"], ["a1", "a3", "desk/a4"]),
        ("/articles/desk/a4", ["desk/a4"], ["a1", "a2", "a3"]),
    ],
)
def test_pages_render_the_report_of_what_they_show(
    synthetic_client: TestClient, path: str, shown: list[str], hidden: list[str]
) -> None:
    response = synthetic_client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().lower().startswith("<!doctype html")
    for article in shown:
        assert TITLES[article] in response.text
    for article in hidden:
        assert TITLES[article] not in response.text


@pytest.mark.parametrize(
    ("path", "missing"),
    [
        ("/stories/no-such-story", "no-such-story"),
        ("/stories/no-such-story.json", "no-such-story"),
        ("/articles/no-such-article", "no-such-article"),
        ("/articles/no-such-article.json", "no-such-article"),
        ("/articles/a1/extra", "a1/extra"),
    ],
)
def test_unknown_pages_are_404s(synthetic_client: TestClient, path: str, missing: str) -> None:
    error = assert_error(synthetic_client.get(path), 404, "not_found")
    assert repr(missing) in error["message"]
