"""Web archives: every HTTP response record that carries an HTML page becomes an article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crosswire.ingest.decode import format_size
from crosswire.ingest.html_bytes import decode_html, parse_content_type
from crosswire.model import Article, InputFailure

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, *, source: str, stem: str, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Yield one article per successful HTML response; one failure if the archive holds none."""
    found = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            media, charset = parse_content_type(record.http_headers.get_header("Content-Type") or "")
            if not (status or "").startswith("2") or media not in _HTML_TYPES:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield InputFailure(
                    source=f"{source}#{uri}",
                    error=f"the archived page is over {format_size(max_bytes)}; it was skipped",
                )
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The record promised more bytes than the file holds: the archive was cut short.
                yield InputFailure(
                    source=source,
                    error=f"the archive ends inside the record of {uri or 'a page'}; check that the file is complete",
                )
                return
            found += 1
            digest = hashlib.sha1(uri.encode("utf-8")).hexdigest()[:10]
            yield Article(
                id=f"{stem}-{digest}",
                source=source,
                url=uri or None,
                raw=decode_html(body, charset),
                raw_format="html",
            )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, IndexError) as exc:
        # warcio reports a damaged archive through many exception types; each means "this file is broken".
        reason = "".join(ch if ch.isprintable() else " " for ch in str(exc))
        reason = " ".join(reason.split())[:120] or type(exc).__name__
        yield InputFailure(source=source, error=f"not a readable WARC file ({reason}); check that it is complete")
        return
    if not found:
        yield InputFailure(source=source, error="the WARC holds no HTML response records; nothing to analyse")
