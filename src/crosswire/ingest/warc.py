"""Web archives: every HTTP response record that carries an HTML page becomes an article."""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crosswire.ingest.decode import format_size
from crosswire.ingest.html_bytes import decode_html, parse_content_type
from crosswire.model import Article, InputFailure

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_END = object()


@contextlib.contextmanager
def _warcio_quiet() -> Iterator[None]:
    """warcio writes warnings about damaged records straight to ``sys.stderr``, with the damaged bytes in them; they
    are kept to the debug log instead (Crosswire reports a damaged archive itself, in one line)."""
    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        yield
    if captured.getvalue():
        log.debug("warcio: %r", captured.getvalue()[:500])


def iter_warc(stream: BinaryIO, *, source: str, stem: str, max_bytes: int) -> Iterator[Article | InputFailure]:
    """Yield one article per successful HTML response; one failure if the archive holds none."""
    found = 0
    records = ArchiveIterator(stream)
    while True:
        # Only the reading runs with stderr captured: never the caller's code between two yields.
        with _warcio_quiet():
            item = _next_item(records, source=source, stem=stem, max_bytes=max_bytes)
        if item is _END:
            break
        if item is None:
            continue
        assert isinstance(item, Article | InputFailure)
        if isinstance(item, Article):
            found += 1
        yield item
        if isinstance(item, InputFailure) and item.source == source:
            return  # the archive is damaged or cut short: nothing after this can be read
    if not found:
        yield InputFailure(source=source, error="the WARC holds no HTML response records; nothing to analyse")


def _next_item(records: Any, *, source: str, stem: str, max_bytes: int) -> Article | InputFailure | object | None:
    """The next article or failure, None for a record that is not an HTML page, ``_END`` after the last one."""
    try:
        record = next(records, None)
        if record is None:
            return _END
        if record.rec_type != "response" or record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        media, charset = parse_content_type(record.http_headers.get_header("Content-Type") or "")
        if not (status or "").startswith("2") or media not in _HTML_TYPES:
            return None
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            return InputFailure(
                source=f"{source}#{uri}",
                error=f"the archived page is over {format_size(max_bytes)}; it was skipped",
            )
        if getattr(record.raw_stream, "limit", 0) > 0:
            # The record promised more bytes than the file holds: the archive was cut short.
            return InputFailure(
                source=source,
                error=f"the archive ends inside the record of {uri or 'a page'}; check that the file is complete",
            )
        digest = hashlib.sha1(uri.encode("utf-8")).hexdigest()[:10]
        return Article(
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
        return InputFailure(source=source, error=f"not a readable WARC file ({reason}); check that it is complete")
