"""The ``crosswire serve`` command: options, defaults and one-line errors (uvicorn itself is replaced)."""

from __future__ import annotations

import importlib
import socket
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web_support import LOCAL, assert_error, write_store

import crosswire.cli.serve
from crosswire.cli.main import app
from crosswire.errors import StoreError
from crosswire.web import Limits, create_app
from crosswire.web.app import APP_FACTORY, CONFIG_ENV, app_from_env

runner = CliRunner()


def free_port() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Records each uvicorn.run call instead of serving (and restores the workers' configuration variable)."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setenv(CONFIG_ENV, "")

    def fake_run(application: FastAPI, **kwargs: Any) -> None:
        calls.append({"app": application, **kwargs})

    monkeypatch.setattr("uvicorn.run", fake_run)
    return calls


def test_defaults_are_loopback_and_port_8000(
    started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    checked: list[tuple[str, int]] = []
    monkeypatch.setattr(crosswire.cli.serve, "_check_port", lambda host, port: checked.append((host, port)))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "crosswire.db").is_file()
    assert checked == [("127.0.0.1", 8000)]
    assert (started[0]["host"], started[0]["port"]) == ("127.0.0.1", 8000)
    assert "serving sqlite:///crosswire.db at http://127.0.0.1:8000/" in result.output
    assert "anyone who can reach it" not in result.output


def test_options_reach_the_app(started: list[dict[str, Any]], tmp_path: Path) -> None:
    url = write_store(tmp_path / "store.db")
    options = ["--max-body", "4096", "--max-records", "3", "--max-text", "50", "--workers", "1"]
    port = free_port()
    result = runner.invoke(app, ["serve", "--db", url, "--port", port, *options])
    assert result.exit_code == 0, result.output
    call = started[0]
    assert (call["host"], call["port"]) == ("127.0.0.1", int(port))
    service = call["app"].state.service
    assert service.url == url
    assert service.limits == Limits(max_body_bytes=4096, max_records=3, max_text_chars=50)
    with TestClient(call["app"], base_url=LOCAL) as client:
        assert client.get("/api/articles").json()["total"] == 4


def test_workers_build_the_same_app_from_the_environment(started: list[dict[str, Any]], tmp_path: Path) -> None:
    url = write_store(tmp_path / "store.db")
    options = ["--max-records", "3", "--allow-host", "dossier.example", "--workers", "3"]
    result = runner.invoke(app, ["serve", "--db", url, "--port", free_port(), *options])
    assert result.exit_code == 0, result.output
    call = started[0]
    # Each worker process calls the factory: it must build the app the options describe.
    assert (call["app"], call["factory"], call["workers"], call["host"]) == (APP_FACTORY, True, 3, "127.0.0.1")
    assert "3 worker processes" in result.output
    module, name = APP_FACTORY.split(":")
    assert getattr(importlib.import_module(module), name) is app_from_env
    built = app_from_env()
    service = built.state.service
    assert service.url == url and service.limits == Limits(max_records=3)
    one = create_app(url)
    with (
        TestClient(built, base_url="http://dossier.example") as client,
        TestClient(one, base_url=LOCAL) as single,
    ):
        for path in ("/api/articles", "/api/entities?limit=2", "/api/claims", "/dossier.json"):
            assert client.get(path).json() == single.get(path).json(), path


def test_workers_default_to_the_cores_and_one_for_a_store_in_memory(
    started: list[dict[str, Any]], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", free_port()])
    assert result.exit_code == 0, result.output
    expected = crosswire.cli.serve.default_workers()
    assert 1 <= expected <= 8
    assert started[-1].get("workers", 1) == expected
    result = runner.invoke(app, ["serve", "--db", "sqlite://", "--port", free_port(), "--workers", "4"])
    assert result.exit_code == 0, result.output
    assert isinstance(started[-1]["app"], FastAPI) and "workers" not in started[-1]


def test_another_host_is_warned_about(started: list[dict[str, Any]], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--host", "0.0.0.0", "--port", free_port()]
    )
    assert result.exit_code == 0, result.output
    assert started[0]["host"] == "0.0.0.0"
    assert "anyone who can reach it can read the store and add articles" in result.output


def test_a_busy_port_is_one_line_and_exit_2(started: list[dict[str, Any]], tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output
    assert started == []


@pytest.mark.parametrize("url", ["nosuchdialect://x", f"sqlite:///{Path('/nonexistent-dir/sub/x.db')}"])
def test_a_bad_store_is_one_line_and_exit_1(started: list[dict[str, Any]], url: str) -> None:
    result = runner.invoke(app, ["serve", "--db", url, "--port", free_port()])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("crosswire: "), result.output
    assert "Traceback" not in result.output
    assert started == []


@pytest.mark.parametrize(
    "option", [["--port", "70000"], ["--port", "0"], ["--port", "x"], ["--max-records", "0"], ["--workers", "0"]]
)
def test_bad_options_are_usage_errors(started: list[dict[str, Any]], option: list[str]) -> None:
    result = runner.invoke(app, ["serve", *option])
    assert result.exit_code == 2
    assert started == []


def test_failures_of_the_server_keep_the_error_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    application = create_app(write_store(tmp_path / "store.db"))
    service = application.state.service

    def broken_store() -> None:
        raise StoreError("cannot read the store (disk I/O error)")

    def broken_code() -> None:
        raise RuntimeError("boom")

    with TestClient(application, raise_server_exceptions=False, base_url=LOCAL) as client:
        monkeypatch.setattr(service, "dossier", broken_store)
        error = assert_error(client.get("/dossier.json"), 503, "store_unavailable")
        assert "disk I/O error" in error["message"]
        # Paged reads query the store directly: a failing query is the same 503.
        with service.store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE corpus_objects")
        error = assert_error(client.get("/api/entities"), 503, "store_unavailable")
        assert "cannot read the store" in error["message"]
        monkeypatch.setattr(service, "dossier", broken_code)
        error = assert_error(client.get("/stories/s1"), 500, "internal_error")
        assert "RuntimeError" in error["message"] and "boom" not in error["message"]
