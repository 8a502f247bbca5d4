"""The read side of ``/api``: lists, pagination, filters, single objects and 404s, over the hand-made store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import assert_error, build_dossier, write_store

from crosswire.store import Store

KINDS = ["articles", "entities", "statements", "events", "claims", "stories"]
SINGULAR = {
    "articles": "article",
    "entities": "entity",
    "statements": "statement",
    "events": "event",
    "claims": "claim",
    "stories": "story",
}


def ids(client: TestClient, path: str, **params: Any) -> list[str]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("kind", KINDS)
def test_every_list_holds_the_store_in_order(synthetic_client: TestClient, kind: str) -> None:
    expected = [item.model_dump(mode="json") for item in getattr(build_dossier(), kind)]
    body = synthetic_client.get(f"/api/{kind}").json()
    assert body == {"items": expected, "total": len(expected), "limit": 50, "offset": 0}


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_can_be_fetched_by_id(synthetic_client: TestClient, kind: str) -> None:
    for item in getattr(build_dossier(), kind):
        response = synthetic_client.get(f"/api/{kind}/{item.id}")
        assert response.status_code == 200, response.text
        assert response.json() == item.model_dump(mode="json")


@pytest.mark.parametrize("kind", KINDS)
def test_an_unknown_id_is_a_404(synthetic_client: TestClient, kind: str) -> None:
    error = assert_error(synthetic_client.get(f"/api/{kind}/no-such-id"), 404, "not_found")
    assert "no-such-id" in error["message"]


def test_articles_do_not_leak_internal_layers(synthetic_client: TestClient) -> None:
    article = synthetic_client.get("/api/articles/a1").json()
    assert not {"raw", "raw_format", "verbatim", "layers", "input_hash", "statements", "event_mentions"} & set(article)
    assert article["mentions"][0] == {"start": 0, "end": 5, "text": "Burns", "entity": "e1", "label": "PERSON"}


def test_article_ids_may_hold_a_slash(synthetic_client: TestClient) -> None:
    assert synthetic_client.get("/api/articles/desk/a4").json()["title"] == "Traders welcome grain extension"
    assert synthetic_client.get("/api/articles/desk%2Fa4").json()["id"] == "desk/a4"


def test_pagination_walks_the_whole_list(synthetic_client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 6, 2):
        body = synthetic_client.get("/api/entities", params={"limit": 2, "offset": offset}).json()
        assert (body["total"], body["limit"], body["offset"]) == (5, 2, offset)
        seen += [item["id"] for item in body["items"]]
    assert seen == ["e1", "e2", "e3", "e4", "e5"]
    assert ids(synthetic_client, "/api/entities", limit=2, offset=4) == ["e5"]
    past = synthetic_client.get("/api/entities", params={"offset": 99}).json()
    assert past["items"] == [] and past["total"] == 5


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": "1.5"}, "offset"),
    ],
)
def test_bad_pagination_is_a_422(synthetic_client: TestClient, params: dict[str, Any], field: str) -> None:
    error = assert_error(synthetic_client.get("/api/articles", params=params), 422, "invalid_request")
    assert error["details"][0]["loc"] == ["query", field]


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/articles", {"story": "s1"}, ["a1", "a2"]),
        ("/api/articles", {"story": "s2"}, ["a3", "desk/a4"]),
        ("/api/articles", {"entity": "e1"}, ["a1", "a2"]),
        ("/api/articles", {"entity": "e4"}, ["a3"]),
        ("/api/articles", {"outlet": "harbor ledger"}, ["a1", "a3"]),
        ("/api/articles", {"outlet": "Harbor Ledger", "story": "s2"}, ["a3"]),
        ("/api/articles", {"story": "no-such-story"}, []),
        ("/api/entities", {"type": "gpe"}, ["e5"]),
        ("/api/entities", {"article": "a2"}, ["e1", "e2", "e3"]),
        ("/api/entities", {"story": "s2"}, ["e4"]),
        ("/api/entities", {"story": "s1", "type": "PERSON"}, ["e1", "e2", "e3"]),
        ("/api/statements", {"article": "a1"}, ["st1"]),
        ("/api/statements", {"story": "s1"}, ["st1", "st2"]),
        ("/api/statements", {"entity": "e1"}, ["st1", "st2"]),
        ("/api/statements", {"entity": "e3"}, ["st2"]),
        ("/api/statements", {"story": "s1", "article": "a3"}, []),
        ("/api/events", {"type": "consult"}, ["ev1"]),
        ("/api/events", {"story": "s2"}, ["ev2"]),
        ("/api/events", {"article": "desk/a4"}, ["ev2"]),
        ("/api/events", {"entity": "e5"}, ["ev1"]),
        ("/api/events", {"entity": "e4"}, ["ev2"]),
        ("/api/claims", {"verdict": "corroborated"}, ["c1"]),
        ("/api/claims", {"story": "s2"}, ["c2"]),
        ("/api/claims", {"article": "a2"}, ["c1"]),
        ("/api/claims", {"entity": "e3"}, ["c1"]),
        ("/api/claims", {"event": "ev2"}, ["c2"]),
        ("/api/claims", {"verdict": "denied"}, []),
        ("/api/claims", {"stance": "confirms"}, ["c1"]),
        ("/api/claims", {"stance": "reports"}, ["c2"]),
        ("/api/claims", {"entity": "e3", "stance": "confirms"}, ["c1"]),
        ("/api/claims", {"entity": "e3", "stance": "reports"}, []),
        ("/api/claims", {"entity": "e4", "stance": "reports", "story": "s2"}, ["c2"]),
        ("/api/claims", {"story": "s1", "article": "a3"}, []),
        ("/api/entities", {"story": "s1", "article": "a2", "type": "person"}, ["e1", "e2", "e3"]),
        ("/api/stories", {"entity": "e4", "outlet": "Harbor Ledger"}, ["s2"]),
        ("/api/articles", {"entity": "e1", "story": "s1", "outlet": "Harbor Ledger"}, ["a1"]),
        ("/api/stories", {"article": "desk/a4"}, ["s2"]),
        ("/api/stories", {"entity": "e2"}, ["s1"]),
        ("/api/stories", {"outlet": "Eurasia Wire"}, ["s1"]),
        ("/api/stories", {"outlet": "Harbor Ledger"}, ["s1", "s2"]),
    ],
)
def test_filters(synthetic_client: TestClient, path: str, params: dict[str, str], expected: list[str]) -> None:
    assert ids(synthetic_client, path, **params) == expected


def test_filters_count_before_paginating(synthetic_client: TestClient) -> None:
    body = synthetic_client.get("/api/statements", params={"story": "s1", "limit": 1, "offset": 1}).json()
    assert [s["id"] for s in body["items"]] == ["st2"]
    assert body["total"] == 2


def test_filters_never_load_the_whole_dossier(synthetic_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list and filter is answered by SQL over the store: the whole-dossier read is never needed."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a list request loaded the whole dossier")

    monkeypatch.setattr(Store, "load_dossier", refuse)
    monkeypatch.setattr(Store, "iter_articles", refuse)
    for path, params in [
        ("/api/articles", {"entity": "e1", "story": "s1"}),
        ("/api/entities", {"story": "s2", "type": "gpe"}),
        ("/api/statements", {"entity": "e1", "article": "a1"}),
        ("/api/events", {"entity": "e4", "story": "s2"}),
        ("/api/claims", {"entity": "e3", "stance": "confirms", "story": "s1"}),
        ("/api/stories", {"entity": "e2", "outlet": "Eurasia Wire"}),
    ]:
        assert synthetic_client.get(path, params=params).status_code == 200


def test_a_store_saved_before_the_links_gets_them_when_opened(tmp_path: Path) -> None:
    """The migration that adds the links fills them from the stored objects: filters work on an older store."""
    path = tmp_path / "store.db"
    write_store(path)

    def links() -> list[tuple[Any, ...]]:
        with sqlite3.connect(path) as connection:
            return sorted(connection.execute("SELECT kind, position, key, value FROM corpus_links"))

    saved = links()
    assert ("claims", 1, "entity_stance", "e4\x1freports") in saved
    with sqlite3.connect(path) as connection:
        # As revision 0002 left it: no links (0003), no covering index on the articles (0004).
        connection.execute("DROP TABLE corpus_links")
        connection.execute("DROP INDEX ix_articles_id_position")
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
    Store(f"sqlite:///{path}").close()
    assert links() == saved


def test_unknown_paths_and_methods_share_the_error_shape(synthetic_client: TestClient) -> None:
    assert_error(synthetic_client.get("/api/nothing-here"), 404, "not_found")
    assert_error(synthetic_client.get("/no/such/page"), 404, "not_found")
    assert_error(synthetic_client.delete("/api/articles/a1"), 405, "method_not_allowed")
    assert_error(synthetic_client.put("/api/entities"), 405, "method_not_allowed")


def test_openapi_documents_every_endpoint_with_the_models(synthetic_client: TestClient) -> None:
    spec = synthetic_client.get("/openapi.json").json()
    paths = spec["paths"]
    for kind in KINDS:
        listing = paths[f"/api/{kind}"]["get"]
        assert listing["summary"] and listing["description"]
        assert {"limit", "offset"} <= {p["name"] for p in listing["parameters"]}
        single = paths[f"/api/{kind}/{{{SINGULAR[kind]}_id}}"]["get"]
        assert single["summary"] and single["description"]
        assert single["responses"]["200"]["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{SINGULAR[kind].capitalize()}"
        }
    schemas = spec["components"]["schemas"]
    assert schemas["Page_Article_"]["properties"]["items"]["items"] == {"$ref": "#/components/schemas/Article"}
    for model in ("Article", "Entity", "Statement", "Event", "Claim", "Story", "Dossier", "AddResult"):
        assert model in schemas
    error_ref = {"$ref": "#/components/schemas/ErrorResponse"}
    get_article = paths["/api/articles/{article_id}"]["get"]
    assert get_article["responses"]["404"]["content"]["application/json"]["schema"] == error_ref
    post = paths["/api/articles"]["post"]
    for status in ("400", "413", "415", "422"):
        assert post["responses"][status]["content"]["application/json"]["schema"] == error_ref
    assert "application/json" in post["requestBody"]["content"]
    for page in ("/", "/dossier.json", "/stories/{story_id}", "/stories/{story_id}.json", "/articles/{article_id}"):
        assert page in paths
    docs = synthetic_client.get("/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text
    # Swagger UI comes from the server itself, never from a CDN: the docs work offline.
    assert "cdn" not in docs.text.lower() and "/static/swagger-ui/swagger-ui-bundle.js" in docs.text
    script = synthetic_client.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000
