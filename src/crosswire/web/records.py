"""The body of ``POST /api/articles``: read it within the size limits, decode it, validate every record.

A body is a JSON object (one record), a JSON list of records, ``{"articles": [...]}``, or JSON Lines (with a JSON
Lines content type). Records are ``CONTRACT.md``'s article records, checked with the same model the command line
uses; unknown keys are ignored (and reported back), as they are for input files. Everything is checked before
anything is analysed, so a bad request never changes the store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from crosswire.errors import ApiError
from crosswire.ingest.records import ArticleRecord, json_lines, record_to_article
from crosswire.model import Article
from crosswire.web.errors import ErrorDetail, validation_details

# Where articles added through the API come from (``articles[].source``). One source for every API record means
# posting a record again with the same id replaces (or reuses) the stored article instead of adding a copy.
API_SOURCE = "api"

JSON_LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq")

# Fields stored in columns of bounded size (PostgreSQL enforces them): longer values are refused, not cut.
FIELD_CAPS = {"id": 255, "outlet": 255, "language": 16, "title": 2_000, "url": 8_000, "author": 1_000}


@dataclass(frozen=True)
class Limits:
    """What one ``POST /api/articles`` may carry."""

    max_body_bytes: int = 10_000_000  # 10 MB
    max_records: int = 100
    max_text_chars: int = 1_000_000


@dataclass
class Submission:
    """The validated records of one request, as articles ready for analysis."""

    articles: list[Article]
    requested_ids: list[str | None]
    ignored_fields: list[list[str]]


async def read_body(chunks: AsyncIterator[bytes], content_length: str | None, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to be over ``limit`` bytes."""
    too_large = ApiError(
        413, "payload_too_large", f"the request body is over {limit} bytes; send fewer or shorter records per request"
    )
    if content_length is not None:
        try:
            declared = int(content_length)
        except ValueError:
            raise ApiError(400, "invalid_request", "the Content-Length header is not a number") from None
        if declared > limit:
            raise too_large
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise too_large
        parts.append(chunk)
    return b"".join(parts)


def _decode(body: bytes, content_type: str) -> Any:
    media = content_type.split(";")[0].strip().lower()
    # A body without a JSON content type is refused, not sniffed: it is what a cross-site page can send without the
    # browser asking this server first (a no-cors fetch, a form).
    if media != "application/json" and media not in JSON_LINES_TYPES and not media.endswith("+json"):
        what = f"a {media} body" if media else "a body without Content-Type"
        raise ApiError(
            415, "unsupported_media_type", f"cannot read {what}; send application/json or application/x-ndjson"
        )
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the body is not UTF-8 (byte {exc.start}); send UTF-8 JSON") from None
    if not text.strip():
        raise ApiError(400, "invalid_json", 'the body is empty; send an article record {"id", "text" or "html"}')
    try:
        if media in JSON_LINES_TYPES:
            return [json.loads(line) for line in json_lines(text) if line.strip()]
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400, "invalid_json", f"the body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except (ValueError, RecursionError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ApiError(400, "invalid_json", f"the body cannot be read as JSON ({reason})") from None


def _fallback_id(record: ArticleRecord) -> str:
    """An id for a record without one, from its content: the same record posted again gets the same id."""
    digest = hashlib.sha256()
    for part in (record.text or "", record.html or "", record.title or "", record.url or ""):
        digest.update(part.encode("utf-8", errors="surrogatepass") + b"\x00")
    return f"api-{digest.hexdigest()[:12]}"


def _check_record(index: int, obj: Any, limits: Limits) -> tuple[ArticleRecord | None, list[ErrorDetail]]:
    if not isinstance(obj, dict):
        message = f'must be a JSON object {{"id", "text" or "html", ...}}, not {type(obj).__name__}'
        return None, [ErrorDetail(loc=["body", index], message=message)]
    try:
        record = ArticleRecord.model_validate(obj)
    except ValidationError as exc:
        details = validation_details(exc.errors())
        for detail in details:
            detail.loc = ["body", index, *detail.loc]
        return None, details
    problems: list[ErrorDetail] = []
    for name in ("text", "html"):
        value = getattr(record, name)
        if value is not None and len(value) > limits.max_text_chars:
            message = f"is {len(value)} characters long, over the limit of {limits.max_text_chars}"
            problems.append(ErrorDetail(loc=["body", index, name], message=message))
    for name, cap in FIELD_CAPS.items():
        value = getattr(record, name)
        if value is not None and len(value) > cap:
            problems.append(ErrorDetail(loc=["body", index, name], message=f"is longer than {cap} characters"))
    for name in ("id", "text", "html", "title", "url", "outlet", "language", "author"):
        value = getattr(record, name)
        if value is not None and "\x00" in value:
            problems.append(ErrorDetail(loc=["body", index, name], message="contains a NUL character"))
    return record, problems


def parse_submission(body: bytes, content_type: str, limits: Limits, *, verbatim: bool) -> Submission:
    """Decode and validate a request body; raises :class:`ApiError` (nothing analysed) on any problem."""
    data = _decode(body, content_type)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ApiError(422, "empty", "the list of records is empty; send at least one article record")
    if len(items) > limits.max_records:
        raise ApiError(
            422,
            "too_many_records",
            f"{len(items)} records in one request, over the limit of {limits.max_records}; split them up",
        )
    records: list[ArticleRecord] = []
    details: list[ErrorDetail] = []
    for index, obj in enumerate(items):
        record, problems = _check_record(index, obj, limits)
        details.extend(problems)
        if record is not None:
            records.append(record)
    if details:
        bad = len({d.loc[1] for d in details if len(d.loc) > 1})
        first = details[0]
        where = ".".join(str(p) for p in first.loc)
        message = f"{bad} of {len(items)} records are invalid, nothing was added ({where}: {first.message})"
        raise ApiError(422, "invalid_records", message, details)
    articles = [
        record_to_article(record, source=API_SOURCE, fallback_id=_fallback_id(record), verbatim=verbatim)
        for record in records
    ]
    known = set(ArticleRecord.model_fields)
    ignored = [sorted(key for key in obj if key not in known) for obj in items]
    return Submission(articles=articles, requested_ids=[r.id or None for r in records], ignored_fields=ignored)
