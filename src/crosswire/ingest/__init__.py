"""Ingestion: every input a user has (files, folders, URLs, stdin) becomes :class:`Article` objects.

:func:`iter_inputs` yields articles and :class:`InputFailure` records in input order; it never raises for a bad
input, so one unreadable file cannot stop a batch.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from crosswire.errors import InputError
from crosswire.ingest.decode import (
    SUPPORTED,
    bom_encoding,
    decode_text,
    describe_binary,
    format_size,
    not_utf8_message,
    utf16_encoding,
)
from crosswire.ingest.feeds import iter_feed, looks_like_feed
from crosswire.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher
from crosswire.ingest.html_bytes import decode_html
from crosswire.ingest.records import iter_json_document, iter_json_lines, json_lines
from crosswire.ingest.warc import iter_warc
from crosswire.model import Article, InputFailure

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
RECOGNISED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES

# A single article file (text or HTML) is never this large; a WARC or JSON Lines file is streamed instead.
MAX_ARTICLE_FILE_BYTES = DEFAULT_MAX_BYTES

Item = Article | InputFailure


@dataclass(frozen=True)
class IngestOptions:
    verbatim: bool = False
    max_bytes: int = MAX_ARTICLE_FILE_BYTES
    # Let links found inside fetched content (feed entries) reach loopback, private and link-local addresses.
    allow_private_links: bool = False


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _stem(path: Path) -> str:
    suffix = _suffix(path)
    return path.name[: -len(suffix)] or path.name if suffix else path.name


def iter_inputs(
    inputs: Sequence[str],
    options: IngestOptions | None = None,
    *,
    stdin: TextIO | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Yield every article (and every failure) the inputs hold, in order."""
    options = options or IngestOptions()
    own_fetcher = fetcher is None and any(is_url(i) for i in inputs)
    client = (
        Fetcher(max_bytes=options.max_bytes, allow_private_links=options.allow_private_links)
        if own_fetcher
        else fetcher
    )
    try:
        for value in inputs:
            if value == "-":
                stream = stdin if stdin is not None else sys.stdin
                yield from iter_json_lines(
                    stream, source="<stdin>", stem="stdin", verbatim=options.verbatim, max_bytes=options.max_bytes
                )
            elif is_url(value):
                assert client is not None
                yield from _iter_url(value, client, options)
            else:
                yield from _iter_path(Path(value), options, explicit=True)
    finally:
        if own_fetcher and client is not None:
            client.close()


def _iter_path(path: Path, options: IngestOptions, *, explicit: bool) -> Iterator[Item]:
    source = str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        chosen = [p for p in files if _suffix(p) in RECOGNISED]
        if not chosen:
            yield InputFailure(
                source=source,
                error=f"the folder holds no files Crosswire reads ({SUPPORTED}: {', '.join(RECOGNISED)})",
            )
        for file in chosen:
            yield from _iter_path(file, options, explicit=False)
        return
    if not path.exists():
        yield InputFailure(source=source, error="no such file or folder; check the path")
        return
    try:
        yield from _iter_file(path, options)
    except InputError as exc:
        yield InputFailure(source=exc.source or source, error=exc.message)
    except OSError as exc:
        yield InputFailure(source=source, error=f"cannot read it ({exc.strerror or exc}); check its permissions")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _iter_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    source, stem, suffix = str(path), _stem(path), _suffix(path)
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file: there is nothing to analyse", source=source)
    if suffix in WARC_SUFFIXES:
        with path.open("rb") as stream:
            yield from iter_warc(stream, source=source, stem=stem, max_bytes=options.max_bytes)
        return
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as raw:
            head = raw.read(8192)
            if describe_binary(head):
                decode_text(head, source)  # raises the binary-file error
            raw.seek(0)
            # Streamed line by line: a JSON Lines file may hold far more than one article's worth of bytes.
            encoding = bom_encoding(head) or utf16_encoding(head) or "utf-8"
            text_stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict")
            try:
                yield from iter_json_lines(
                    text_stream, source=source, stem=stem, verbatim=options.verbatim, max_bytes=options.max_bytes
                )
            except UnicodeDecodeError:
                raise InputError(not_utf8_message(None, None), source=source) from None
        return
    if size > options.max_bytes:
        raise InputError(
            f"the file is {format_size(size)}, above the {format_size(options.max_bytes)} limit for "
            "one article; split it or pass --max-bytes",
            source=source,
        )
    data = path.read_bytes()
    yield from _iter_document(data, source=source, stem=stem, suffix=suffix, options=options)


def _iter_document(
    data: bytes,
    *,
    source: str,
    stem: str,
    suffix: str,
    options: IngestOptions,
    charset: str | None = None,
    fetcher: Fetcher | None = None,
    url: str | None = None,
) -> Iterator[Item]:
    kind = _kind(data, suffix)
    if kind == "warc":
        yield from iter_warc(io.BytesIO(data), source=source, stem=stem, max_bytes=options.max_bytes)
    elif kind == "feed":
        fetch_page = None
        if fetcher is not None:

            def fetch_page(link: str) -> tuple[str, str]:
                page = fetcher.get(link, linked=True)
                return decode_html(page.content, page.charset), page.url

        yield from iter_feed(data, source=source, stem=stem, fetch_page=fetch_page, base_url=url)
    elif kind == "html":
        binary = describe_binary(data)
        if binary:
            raise InputError(f"this is {binary}, not an article; Crosswire reads {SUPPORTED}", source=source)
        if not data.strip():
            raise InputError("empty file: there is nothing to analyse", source=source)
        yield Article(
            id=stem,
            source=source,
            url=url,
            raw=decode_html(data, charset),
            raw_format="html",
            verbatim=options.verbatim,
        )
    elif kind == "jsonl":
        text = decode_text(data, source)
        yield from iter_json_lines(
            json_lines(text), source=source, stem=stem, verbatim=options.verbatim, max_bytes=options.max_bytes
        )
    elif kind == "json":
        yield from iter_json_document(
            decode_text(data, source), source=source, stem=stem, verbatim=options.verbatim, max_bytes=options.max_bytes
        )
    else:
        yield Article(
            id=stem,
            source=source,
            url=url,
            raw=decode_text(data, source),
            raw_format="text",
            verbatim=options.verbatim,
        )


def _kind(data: bytes, suffix: str) -> str:
    """Decide the format from the extension, or from the content when the extension says nothing."""
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed" if looks_like_feed(data) or suffix != ".xml" else "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "text"


_MEDIA_SUFFIX = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/warc": ".warc",
}


def url_stem(url: str) -> str:
    """A readable, stable id for a fetched page: host and last path segment, plus a short hash of the URL."""
    import hashlib

    parts = urlsplit(url)
    segment = [s for s in parts.path.split("/") if s][-1:] or ["index"]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.hostname or 'url'}-{segment[0]}").strip("-")[:60]
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


def _iter_url(url: str, fetcher: Fetcher, options: IngestOptions) -> Iterator[Item]:
    try:
        page = fetcher.get(url)
        if not page.content.strip():
            raise InputError("the server returned an empty page", source=url)
        suffix = _MEDIA_SUFFIX.get(page.content_type, "")
        if not suffix:
            suffix = next((s for s in RECOGNISED if urlsplit(page.url).path.lower().endswith(s)), "")
        items: Iterable[Item] = _iter_document(
            page.content,
            source=url,
            stem=url_stem(url),
            suffix=suffix,
            options=options,
            charset=page.charset,
            fetcher=fetcher,
            url=page.url,
        )
        yield from items
    except InputError as exc:
        yield InputFailure(source=exc.source or url, error=exc.message)
