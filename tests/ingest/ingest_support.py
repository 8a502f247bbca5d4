"""Helpers shared by the ingestion tests: run ``iter_inputs``, check error lines, build real WARC files."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import IngestOptions, iter_inputs
from crosswire.model import Article, InputFailure

LONG_PARAGRAPH = (
    "Negotiators met in Ankara on Monday to discuss the grain corridor, officials said. "
    "The talks lasted late into the night and ended without a joint statement. "
)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    location: str | None = None


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **kw: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **kw)  # type: ignore[arg-type]
        return self.url(path)


def run(
    inputs: Sequence[str | Path], options: IngestOptions | None = None, **kwargs: object
) -> tuple[list[Article], list[InputFailure], list[Article | InputFailure]]:
    """Ingest ``inputs``; return (articles, failures, everything in order)."""
    items = list(iter_inputs([str(i) for i in inputs], options, **kwargs))  # type: ignore[arg-type]
    for item in items:
        assert isinstance(item, Article | InputFailure), item
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    return articles, failures, items


def assert_one_line(error: str) -> None:
    """An error a person can act on: one non-empty line, no control characters, no traceback."""
    assert error.strip(), "empty error"
    assert "\n" not in error and "\r" not in error, repr(error)
    assert len(error.splitlines()) == 1, repr(error)
    assert not any(unicodedata.category(ch) == "Cc" for ch in error), repr(error)
    assert "Traceback" not in error, error
    assert 'File "' not in error, error


def only_failure(failures: list[InputFailure], source: str | Path) -> InputFailure:
    """The single failure whose source is ``source``; also checks its error is one clean line."""
    matching = [f for f in failures if f.source == str(source)]
    assert len(matching) == 1, (str(source), failures)
    assert_one_line(matching[0].error)
    return matching[0]


def html_page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


def warc_response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def warc_request(writer: WARCWriter, uri: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers))


def warc_info(writer: WARCWriter) -> None:
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "crosswire-tests"}))


def build_warc(path: Path, pages: Sequence[tuple[str, bytes, str]], *, extras: bool = True) -> Path:
    """Write a WARC (gzipped when ``path`` ends with .gz) holding a response record per page.

    With ``extras``, also a warcinfo record, a request record, a PNG response and a 404 HTML response, none of
    which is an article.
    """
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        if extras:
            warc_info(writer)
        for uri, body, content_type in pages:
            if extras:
                warc_request(writer, uri)
            warc_response(writer, uri, body, content_type)
        if extras:
            warc_response(writer, "http://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            warc_response(
                writer,
                "http://example.com/gone",
                html_page("Gone", "Not here").encode(),
                "text/html",
                status="404 Not Found",
            )
    return path
