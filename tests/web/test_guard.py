"""What the server refuses from browsers: other host names (DNS rebinding), writes from other origins (CSRF), and
bodies without a JSON content type; and a POST with nothing new answers without rerunning the corpus stages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import BASE_RECORDS, LOCAL, assert_error, dump_tables, write_store

import crosswire.analyze
from crosswire.web import create_app

RECORD = {"id": "x", "text": "The envoy met his counterpart in Ankara on Monday, officials said."}
JSON = {"content-type": "application/json"}


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.nip.io", "localhost.evil"])
@pytest.mark.parametrize("path", ["/", "/dossier.json", "/api/articles", "/docs", "/openapi.json"])
def test_a_foreign_host_name_is_refused(synthetic_client: TestClient, host: str, path: str) -> None:
    response = synthetic_client.get(path, headers={"host": host})
    error = assert_error(response, 403, "host_not_allowed")
    assert "--allow-host" in error["message"]


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "localhost:8000", "[::1]:8000", "app.localhost", "10.0.0.5"]
)
def test_addresses_and_localhost_are_served(synthetic_client: TestClient, host: str) -> None:
    assert synthetic_client.get("/api/articles", headers={"host": host}).status_code == 200


def test_names_the_user_allows_are_served(tmp_path: Path) -> None:
    app = create_app(write_store(tmp_path / "store.db"), allowed_hosts=["Dossier.Lan"])
    with TestClient(app, base_url="http://dossier.lan:8000") as client:
        assert client.get("/api/articles").status_code == 200
        assert_error(client.get("/api/articles", headers={"host": "other.lan"}), 403, "host_not_allowed")


def _post(client: TestClient, headers: dict[str, str], body: Any = RECORD) -> Any:
    return client.post("/api/articles", content=json.dumps(body).encode(), headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        {**JSON, "origin": "http://attacker.example"},
        {**JSON, "origin": "http://127.0.0.1:9999"},  # another port is another origin
        {**JSON, "origin": "null"},  # sandboxed frames, file:// pages
        {**JSON, "sec-fetch-site": "cross-site"},
        {**JSON, "sec-fetch-site": "same-site"},
    ],
    ids=["other site", "other port", "null origin", "cross-site fetch", "same-site fetch"],
)
def test_writes_from_another_origin_are_refused(synthetic_client: TestClient, headers: dict[str, str]) -> None:
    before = synthetic_client.get("/dossier.json").json()
    assert_error(_post(synthetic_client, headers), 403, "cross_origin")
    assert synthetic_client.get("/dossier.json").json() == before


def test_a_no_cors_fetch_without_content_type_is_refused(synthetic_client: TestClient) -> None:
    # What a page on another origin can send without a preflight: no Origin check applies to a non-browser, so the
    # content type is what stops it.
    assert_error(_post(synthetic_client, {}), 415, "unsupported_media_type")
    assert_error(_post(synthetic_client, {"content-type": "text/plain;charset=UTF-8"}), 415, "unsupported_media_type")


def test_reads_from_another_origin_get_no_cors_grant(synthetic_client: TestClient) -> None:
    response = synthetic_client.get("/api/articles", headers={"origin": "http://attacker.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_a_write_from_the_servers_own_pages_passes_the_guard(synthetic_client: TestClient) -> None:
    headers = {**JSON, "origin": LOCAL, "sec-fetch-site": "same-origin"}
    # An invalid record: the guard let it through, the body check answers.
    assert_error(_post(synthetic_client, headers, {"id": "x"}), 422, "invalid_records")


def test_a_post_with_nothing_new_does_not_rerun_the_corpus_stages(
    analysed_client: TestClient, analysed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = {**BASE_RECORDS[0], "id": "posted"}
    runs: list[int] = []
    real = crosswire.analyze.run_corpus_stages
    monkeypatch.setattr(crosswire.analyze, "run_corpus_stages", lambda d, c, s=None: runs.append(1) or real(d, c, s))
    assert _post(analysed_client, JSON, record).json()["analysed"] == ["posted"]
    assert runs == [1]
    before = dump_tables(analysed_db)

    response = _post(analysed_client, JSON, record)

    assert response.status_code == 200, response.text
    assert response.json()["unchanged"] == ["posted"]
    assert runs == [1]  # the store's corpus results stand: nothing was rerun
    assert dump_tables(analysed_db) == before
