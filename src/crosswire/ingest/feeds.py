"""RSS and Atom feeds: each entry becomes an article."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser

from crosswire.errors import FetchError
from crosswire.model import Article, InputFailure

# A feed entry whose body is shorter than this is a teaser: the article itself is at its link.
_TEASER_CHARS = 400
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)

# (url) -> (html, final url); given only when the feed itself came from a URL.
PageFetcher = Callable[[str], tuple[str, str]]


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_ROOT.search(data[:2048]))


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    return moment.isoformat().replace("+00:00", "Z")


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def iter_feed(
    data: bytes, *, source: str, stem: str, fetch_page: PageFetcher | None = None, base_url: str | None = None
) -> Iterator[Article | InputFailure]:
    """Yield an article per entry; teaser entries are completed from their link only when ``fetch_page`` is given."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield InputFailure(source=source, error=f"the feed has no entries{reason}; check that it is RSS or Atom")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    language = (parsed.get("feed") or {}).get("language") or None
    for index, entry in enumerate(entries, start=1):
        key = entry.get("id") or entry.get("link") or entry.get("title") or str(index)
        article_id = f"{stem}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
        body = _body(entry)
        link = entry.get("link") or None
        if link and base_url:
            # Feeds may give links relative to where they were served from.
            link = urljoin(base_url, link)
        if len(re.sub(r"<[^>]+>", "", body).strip()) < _TEASER_CHARS and link and fetch_page is not None:
            try:
                body, link = fetch_page(link)
            except FetchError as exc:
                yield InputFailure(source=link, error=f"{exc.message} (linked from feed entry {index})")
                continue
        if not body.strip():
            yield InputFailure(
                source=f"{source}#{index}",
                error="the feed entry has no text and no linked page could be fetched; it was skipped",
            )
            continue
        published = _published(entry)
        yield Article(
            id=article_id,
            source=source,
            url=link,
            title=entry.get("title") or None,
            outlet=outlet,
            author=entry.get("author") or None,
            published=published,
            published_from="input" if published else None,
            language=language,
            raw=body,
            raw_format="html",
        )
