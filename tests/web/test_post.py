"""``POST /api/articles``: records analysed into the store, and every kind of bad input refused without harm."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import BASE_RECORDS, LOCAL, assert_error, dump_tables

import crosswire.web.service
from crosswire.analyze import StoreUpdate
from crosswire.web import Limits, create_app

NEW = {
    "id": "ankara-eurasia",
    "title": "Kremlin confirms Ankara talks",
    "outlet": "Eurasia Wire",
    "published": "2022-11-15",
    "text": "The Kremlin confirmed on Tuesday that Sergei Naryshkin had met CIA director William Burns in Ankara, "
    "Dmitry Peskov told reporters.\n\nPeskov said the meeting had been requested by Washington.",
}


def post(client: TestClient, body: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("headers", {"content-type": "application/json"})
    return client.post("/api/articles", content=json.dumps(body).encode(), **kwargs)


def article_ids(client: TestClient) -> list[str]:
    return [a["id"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]]


# Adding -----------------------------------------------------------------------------------------------------------


def test_a_record_is_analysed_into_the_store(analysed_client: TestClient) -> None:
    response = post(analysed_client, NEW)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["analysed"] == ["ankara-eurasia"]
    assert body["unchanged"] == [] and body["failed"] == []
    assert body["records"] == [
        {
            "index": 0,
            "requested_id": "ankara-eurasia",
            "id": "ankara-eurasia",
            "status": "analysed",
            "error": None,
            "ignored_fields": [],
        }
    ]
    assert body["articles_in_store"] == 3
    assert article_ids(analysed_client) == ["ankara-harbor", "grain-wire", "ankara-eurasia"]
    article = analysed_client.get("/api/articles/ankara-eurasia").json()
    assert article["source"] == "api"
    assert (article["outlet"], article["published"], article["published_from"]) == (
        "Eurasia Wire",
        "2022-11-15",
        "input",
    )
    assert article["text"].startswith("The Kremlin confirmed on Tuesday")
    assert any(m["text"] == "Peskov" for m in article["mentions"])
    # The corpus stages ran again over the whole store: the new article is in a story, and in every view.
    assert article["story"] is not None
    assert analysed_client.get(f"/api/stories/{article['story']}").status_code == 200
    assert "ankara-eurasia" in [a["id"] for a in analysed_client.get("/dossier.json").json()["articles"]]
    assert analysed_client.get("/articles/ankara-eurasia.json").json()["articles"] == [article]
    speakers = {
        s["speaker_text"]
        for s in analysed_client.get("/api/statements", params={"article": article["id"]}).json()["items"]
    }
    assert "Peskov" in speakers or "Dmitry Peskov" in speakers


def test_a_list_and_json_lines_and_a_wrapper_are_accepted(analysed_client: TestClient) -> None:
    second = {**NEW, "id": "second", "text": NEW["text"].replace("Tuesday", "Wednesday")}
    third = {**NEW, "id": "third", "text": NEW["text"].replace("Tuesday", "Thursday")}
    fourth = {**NEW, "id": "fourth", "text": NEW["text"].replace("Tuesday", "Friday")}
    assert post(analysed_client, [NEW, second]).json()["analysed"] == ["ankara-eurasia", "second"]
    lines = (json.dumps(third) + "\n\n").encode()
    response = analysed_client.post("/api/articles", content=lines, headers={"content-type": "application/x-ndjson"})
    assert response.json()["analysed"] == ["third"]
    assert post(analysed_client, {"articles": [fourth]}).json()["analysed"] == ["fourth"]
    assert article_ids(analysed_client)[2:] == ["ankara-eurasia", "second", "third", "fourth"]


def test_posting_again_reuses_or_replaces(analysed_client: TestClient) -> None:
    assert post(analysed_client, NEW).json()["analysed"] == ["ankara-eurasia"]
    again = post(analysed_client, NEW).json()
    assert (again["analysed"], again["unchanged"]) == ([], ["ankara-eurasia"])
    assert again["records"][0]["status"] == "unchanged"
    changed = {**NEW, "text": NEW["text"] + "\n\nThe White House declined to comment."}
    assert post(analysed_client, changed).json()["analysed"] == ["ankara-eurasia"]
    assert article_ids(analysed_client) == ["ankara-harbor", "grain-wire", "ankara-eurasia"]
    assert analysed_client.get("/api/articles/ankara-eurasia").json()["text"].endswith("declined to comment.")


def test_ids_taken_by_another_source_or_twice_in_a_request_get_a_suffix(analysed_client: TestClient) -> None:
    # "grain-wire" came from base.jsonl: the API must not overwrite it.
    taken = {**NEW, "id": "grain-wire"}
    body = post(analysed_client, [taken, {**NEW, "id": "dup"}, {**NEW, "id": "dup", "title": "Another"}]).json()
    records = body["records"]
    assert [r["requested_id"] for r in records] == ["grain-wire", "dup", "dup"]
    assert records[0]["id"].startswith("grain-wire-") and records[1]["id"] == "dup"
    assert records[2]["id"].startswith("dup-") and records[2]["id"] != records[0]["id"]
    assert analysed_client.get("/api/articles/grain-wire").json()["title"] == BASE_RECORDS[1]["title"]
    assert len(article_ids(analysed_client)) == 5


def test_records_without_id_get_one_from_their_content(analysed_client: TestClient) -> None:
    record = {key: value for key, value in NEW.items() if key != "id"}
    first = post(analysed_client, record).json()["records"][0]
    assert first["requested_id"] is None and first["id"].startswith("api-")
    assert post(analysed_client, record).json()["unchanged"] == [first["id"]]


def test_numeric_ids_html_raw_and_unknown_fields(analysed_client: TestClient) -> None:
    html = {
        "id": 42,
        "html": "<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks in Ankara</h1>"
        f"<p>{NEW['text'].split(chr(10))[0]}</p></article></body></html>",
        "source_tool": "scraper",
    }
    raw_text = "  Menu\r\nThe envoy  met\this counterpart in Ankara, officials said.\u00a0\n"
    raw = {"id": "raw-1", "text": raw_text}
    body = post(analysed_client, [html, raw], params={"raw": "false"}).json()
    assert body["analysed"] == ["42", "raw-1"]
    assert body["records"][0]["ignored_fields"] == ["source_tool"]
    assert "Sergei Naryshkin" in analysed_client.get("/api/articles/42").json()["text"]
    assert analysed_client.get("/api/articles/raw-1").json()["text"] != raw_text
    verbatim = post(analysed_client, {"id": "raw-2", "text": raw_text}, params={"raw": "true"}).json()
    assert verbatim["analysed"] == ["raw-2"]
    assert analysed_client.get("/api/articles/raw-2").json()["text"] == raw_text


def test_an_article_id_ending_in_json_keeps_its_page_and_twin(analysed_client: TestClient) -> None:
    assert post(analysed_client, {**NEW, "id": "memo.json"}).json()["analysed"] == ["memo.json"]
    page = analysed_client.get("/articles/memo.json")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = analysed_client.get("/articles/memo.json.json").json()
    assert [a["id"] for a in twin["articles"]] == ["memo.json"]


def test_analysis_runs_in_a_worker_thread_under_the_write_lock(
    analysed_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = crosswire.web.service.update_store
    service = analysed_client.app.state.service  # type: ignore[attr-defined]
    seen: list[tuple[bool, bool]] = []

    def spy(*args: Any, **kwargs: Any) -> StoreUpdate:
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        seen.append((on_loop, service._write_lock.locked()))
        return real(*args, **kwargs)

    monkeypatch.setattr(crosswire.web.service, "update_store", spy)
    assert post(analysed_client, NEW).status_code == 200
    assert seen == [(False, True)]


def test_concurrent_posts_all_land(analysed_client: TestClient) -> None:
    records = [
        {**NEW, "id": f"c{i}", "text": NEW["text"].replace("Tuesday", day)}
        for i, day in enumerate(["Monday", "Friday", "Sunday"])
    ]
    statuses: list[int] = []
    threads = [
        threading.Thread(target=lambda r=r: statuses.append(post(analysed_client, r).status_code)) for r in records
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200, 200]
    assert sorted(article_ids(analysed_client)[2:]) == ["c0", "c1", "c2"]


# Refusing ---------------------------------------------------------------------------------------------------------

LONG = "The envoy met his counterpart in Ankara. " * 200  # 8,200 characters: over the fixture's 8,000


def chunks(data: bytes, size: int = 4096) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


JSON = {"content-type": "application/json"}

BAD_REQUESTS: list[tuple[str, dict[str, Any], int, str]] = [
    ("malformed json", {"content": b'{"id": "x", "text": ', "headers": JSON}, 400, "invalid_json"),
    ("trailing garbage", {"content": b'{"id": "x", "text": "t"} nonsense', "headers": JSON}, 400, "invalid_json"),
    ("not utf-8", {"content": b'{"id": "x", "text": "caf\xe9"}', "headers": JSON}, 400, "invalid_json"),
    ("empty body", {"content": b"", "headers": JSON}, 400, "invalid_json"),
    ("whitespace body", {"content": b"  \n", "headers": JSON}, 400, "invalid_json"),
    (
        "bad json lines",
        {"content": b'{"id": "x", "text": "t"}\n{oops', "headers": {"content-type": "application/x-ndjson"}},
        400,
        "invalid_json",
    ),
    (
        "not json at all",
        {"content": b"id,text\nx,hello", "headers": {"content-type": "text/csv"}},
        415,
        "unsupported_media_type",
    ),
    ("form post", {"data": {"id": "x", "text": "t"}}, 415, "unsupported_media_type"),
    # What a cross-site page can send without a CORS preflight: no Content-Type, or text/plain.
    ("no content type", {"content": b'{"id": "x", "text": "Some text."}'}, 415, "unsupported_media_type"),
    (
        "text/plain json",
        {"content": b'{"id": "x", "text": "Some text."}', "headers": {"content-type": "text/plain"}},
        415,
        "unsupported_media_type",
    ),
    ("empty list", {"json": []}, 422, "empty"),
    ("empty wrapper", {"json": {"articles": []}}, 422, "empty"),
    ("too many records", {"json": [{"id": f"r{i}", "text": "Some text."} for i in range(6)]}, 422, "too_many_records"),
    ("a string", {"json": "just text"}, 422, "invalid_records"),
    ("a number", {"json": 7}, 422, "invalid_records"),
    ("a list of strings", {"json": ["a", "b"]}, 422, "invalid_records"),
    ("missing text and html", {"json": {"id": "x", "title": "Only a title"}}, 422, "invalid_records"),
    ("blank text", {"json": {"id": "x", "text": "   \n "}}, 422, "invalid_records"),
    ("text of the wrong type", {"json": {"id": "x", "text": ["a", "list"]}}, 422, "invalid_records"),
    ("id of the wrong type", {"json": {"id": {"nested": 1}, "text": "Some text."}}, 422, "invalid_records"),
    ("boolean id", {"json": {"id": True, "text": "Some text."}}, 422, "invalid_records"),
    ("title of the wrong type", {"json": {"id": "x", "text": "Some text.", "title": 5}}, 422, "invalid_records"),
    ("bad date", {"json": {"id": "x", "text": "Some text.", "published": "last Tuesday"}}, 422, "invalid_records"),
    ("impossible date", {"json": {"id": "x", "text": "Some text.", "published": "2022-02-30"}}, 422, "invalid_records"),
    ("text over the cap", {"json": {"id": "x", "text": LONG}}, 422, "invalid_records"),
    ("html over the cap", {"json": {"id": "x", "html": f"<p>{LONG}</p>"}}, 422, "invalid_records"),
    ("id over 255", {"json": {"id": "x" * 256, "text": "Some text."}}, 422, "invalid_records"),
    ("language over 16", {"json": {"id": "x", "text": "Some text.", "language": "e" * 17}}, 422, "invalid_records"),
    ("nul character", {"json": {"id": "x", "text": "Some\u0000text."}}, 422, "invalid_records"),
    ("one bad record among good ones", {"json": [NEW, {"id": "bad"}]}, 422, "invalid_records"),
    (
        "oversize body",
        {"content": b'{"id": "x", "text": "' + b"a" * 70_000 + b'"}', "headers": JSON},
        413,
        "payload_too_large",
    ),
    (
        "oversize chunked body",
        {"content": chunks(b"[" + b'{"id": "x", "text": "aaaa"},' * 5000 + b"]"), "headers": JSON},
        413,
        "payload_too_large",
    ),
    (
        "lying content-length",
        {"content": b"{}", "headers": {**JSON, "content-length": "9999999"}},
        413,
        "payload_too_large",
    ),
    (
        "nothing analysable",
        {"json": {"id": "empty-page", "html": "<html><body><script>x()</script></body></html>"}},
        422,
        "nothing_analysed",
    ),
]


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"), [case[1:] for case in BAD_REQUESTS], ids=[case[0] for case in BAD_REQUESTS]
)
def test_bad_input_is_refused_and_the_store_is_untouched(
    analysed_client: TestClient, analysed_db: Path, request_kwargs: dict[str, Any], status: int, code: str
) -> None:
    before_tables = dump_tables(analysed_db)
    before_dossier = analysed_client.get("/dossier.json").json()
    response = analysed_client.post("/api/articles", **request_kwargs)
    error = assert_error(response, status, code)
    assert dump_tables(analysed_db) == before_tables
    assert analysed_client.get("/dossier.json").json() == before_dossier
    if code in {"invalid_records", "nothing_analysed"}:
        assert error["details"] and all(detail["loc"][0] == "body" for detail in error["details"])


def test_a_validation_error_names_each_bad_record_and_field(analysed_client: TestClient) -> None:
    body = [NEW, {"id": "x"}, {"id": "y", "text": 3}, {"id": "z", "text": "fine", "published": "soon"}]
    error = assert_error(post(analysed_client, body), 422, "invalid_records")
    assert [detail["loc"] for detail in error["details"]] == [
        ["body", 1],
        ["body", 2, "text"],
        ["body", 3, "published"],
    ]
    assert "3 of 4 records are invalid" in error["message"]
    assert 'neither "text" nor "html"' in error["details"][0]["message"]


def test_limits_are_configurable(tmp_path: Path) -> None:
    limits = Limits(max_body_bytes=2048, max_records=1, max_text_chars=10)
    with TestClient(create_app(f"sqlite:///{tmp_path / 'limits.db'}", limits), base_url=LOCAL) as client:
        assert_error(post(client, [{"text": "a"}, {"text": "b"}]), 422, "too_many_records")
        assert_error(post(client, {"text": "eleven char"}), 422, "invalid_records")
        assert_error(post(client, {"text": "a", "title": "t" * 2100}), 413, "payload_too_large")
        assert client.get("/api/articles").json()["total"] == 0
