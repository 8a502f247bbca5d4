"""Requests too broken for the app (h11 refuses them) still get the one JSON error shape, from a real uvicorn server
on loopback, and the client reads the answer instead of a reset connection."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from web_support import write_store

from crosswire.web import create_app
from crosswire.web.protocol import MAX_HEAD_BYTES, UVICORN_OPTIONS


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    app = create_app(write_store(tmp_path_factory.mktemp("proto") / "store.db"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical", **UVICORN_OPTIONS))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield int(server.servers[0].sockets[0].getsockname()[1])
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def exchange(port: int, request: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    """Send raw bytes, read the whole answer; a reset connection fails the test."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        with contextlib.suppress(OSError):  # the server may stop reading early; its answer must still be readable
            sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received, "no answer"
    head, _, body = received.partition(b"\r\n\r\n")
    assert body, received[:300]
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, json.loads(body)


def assert_shape(headers: dict[str, str], body: dict[str, Any], code: str) -> None:
    assert headers["content-type"] == "application/json"
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code


def test_a_content_length_that_is_not_a_number(port: int) -> None:
    request = (
        b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: abc\r\n\r\n{}"
    )
    status, headers, body = exchange(port, request)
    assert status == 400
    assert_shape(headers, body, "invalid_http")


def test_a_query_string_of_a_megabyte(port: int) -> None:
    request = b"GET /api/articles?q=" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    status, headers, body = exchange(port, request)
    assert status == 431
    assert_shape(headers, body, "request_too_large")
    assert f"{MAX_HEAD_BYTES:,}" in body["error"]["message"]


def test_headers_over_the_limit(port: int) -> None:
    request = b"GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + b"b" * 1_000_000 + b"\r\n\r\n"
    status, headers, body = exchange(port, request)
    assert status == 431
    assert_shape(headers, body, "request_too_large")


def test_a_query_string_under_the_limit_reaches_the_app(port: int) -> None:
    query = b"outlet=" + b"a" * 30_000
    request = b"GET /api/articles?" + query + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    status, _headers, body = exchange(port, request)
    assert status == 200 and body["total"] == 0


def test_a_rebinding_host_is_refused_by_the_running_server(port: int) -> None:
    status, headers, body = exchange(port, b"GET /dossier.json HTTP/1.1\r\nHost: attacker.example\r\n\r\n")
    assert status == 403
    assert_shape(headers, body, "host_not_allowed")


def test_a_request_line_that_is_not_http(port: int) -> None:
    status, headers, body = exchange(port, b"\x16\x03\x01 hello\r\n\r\n")
    assert status == 400
    assert_shape(headers, body, "invalid_http")
