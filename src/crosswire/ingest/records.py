"""Article records: JSON Lines, JSON files and stdin, as ``CONTRACT.md`` defines them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from crosswire.errors import InputError
from crosswire.ingest.decode import format_size
from crosswire.model import Article, InputFailure, normalize_published, scrub


class ArticleRecord(BaseModel):
    """One input record. Unknown keys are ignored so records from other tools pass through."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_is_text(cls, value: object) -> object:
        # Numeric ids are common in exported data sets; keep them, as strings.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _published_is_iso(cls, value: object) -> str | None:
        return normalize_published(value)

    @field_validator("text", "html", "title", "url", "outlet", "language", "author")
    @classmethod
    def _valid_unicode(cls, value: str | None) -> str | None:
        return scrub(value) if value is not None else None

    @model_validator(mode="after")
    def _has_content(self) -> ArticleRecord:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError('the record has neither "text" nor "html"')
        return self


def record_to_article(record: ArticleRecord, *, source: str, fallback_id: str, verbatim: bool) -> Article:
    is_html = not (record.text and record.text.strip())
    return Article(
        id=record.id or fallback_id,
        source=source,
        url=record.url,
        title=record.title,
        outlet=record.outlet,
        author=record.author,
        published=record.published,
        published_from="input" if record.published else None,
        language=record.language,
        raw=(record.html if is_html else record.text) or "",
        raw_format="html" if is_html else "text",
        verbatim=verbatim,
    )


def _explain(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f'field "{where}": {message}' if where else message


def parse_record(obj: Any, *, source: str, where: str, fallback_id: str, verbatim: bool) -> Article:
    """Validate one decoded JSON value as an article record; ``where`` names it in errors ("line 3")."""
    if not isinstance(obj, dict):
        raise InputError(
            f'{where} is not a JSON object; each record must be {{"id", "text" or "html", ...}}',
            source=source,
        )
    try:
        record = ArticleRecord.model_validate(obj)
    except ValidationError as exc:
        raise InputError(
            f"{where} is not a valid article record ({_explain(exc)}); fix or remove it", source=source
        ) from None
    return record_to_article(record, source=source, fallback_id=fallback_id, verbatim=verbatim)


def json_lines(text: str) -> list[str]:
    """Split JSON Lines on line feeds only: U+2028 and friends are legal inside JSON strings."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def bounded_lines(lines: Iterable[str], max_bytes: int | None) -> Iterator[str | int]:
    """Each line, or its size in UTF-8 bytes when it is over ``max_bytes``.

    A stream (anything with ``readline``) is read at most ``max_bytes`` characters at a time, so an oversized line
    is measured and skipped without ever being held whole in memory.
    """
    if max_bytes is None:
        yield from lines
        return
    readline = getattr(lines, "readline", None)
    if readline is None:
        for line in lines:
            size = _utf8_size(line.rstrip("\r\n"))
            yield line if size <= max_bytes else size
        return
    while True:
        # A line that fits has at most max_bytes characters before its end of line ("\n" or "\r\n"), so it is
        # read whole; anything longer is measured piece by piece.
        line = readline(max_bytes + 2)
        if not line:
            return
        if line.endswith("\n") or len(line) < max_bytes + 2:
            size = _utf8_size(line.rstrip("\r\n"))
            yield line if size <= max_bytes else size
        else:
            yield _long_line(line, readline, max_bytes)


def _long_line(first: str, readline: Callable[[int], str], max_bytes: int) -> str | int:
    """The rest of a line begun with ``first``: its UTF-8 size without the end of line, or the line itself when that
    fits after all (a run of carriage returns before the line feed is not content, as ``rstrip("\r\n")`` has it).

    Only up to ``max_bytes`` of content is kept; carriage returns that may yet turn out to end the line are counted,
    not kept, so a line of any length is read in bounded memory.
    """
    size, returns, kept = 0, 0, []
    piece = first
    while True:
        ends = piece.endswith("\n") or not piece
        body = piece.rstrip("\r\n") if ends else piece.rstrip("\r")
        if body:
            # Carriage returns followed by more text were content after all.
            size += returns
            if size <= max_bytes:
                kept.append("\r" * returns)
            returns = 0
            size += _utf8_size(body)
            if size <= max_bytes:
                kept.append(body)
        if ends:
            if size > max_bytes:
                return size
            return "".join(kept) + piece[len(body) :] if body else "".join(kept) + "\r" * returns + piece
        returns += len(piece) - len(body)
        piece = readline(1 << 20)


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def iter_json_lines(
    lines: Iterable[str], *, source: str, stem: str, verbatim: bool, max_bytes: int | None = None
) -> Iterator[Article | InputFailure]:
    """Yield an article per good line and a failure per bad one, naming its line number.

    A line over ``max_bytes`` (UTF-8) is one record too large to read: it fails like an article file over the limit.
    """
    seen_any = False
    for number, line in enumerate(bounded_lines(lines, max_bytes), start=1):
        if isinstance(line, int):
            seen_any = True
            yield InputFailure(
                source=f"{source}:{number}",
                error=f"line {number} is {format_size(line)}, above the {format_size(max_bytes or 0)} limit for one "
                "article record; split it or pass --max-bytes",
            )
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(
                source=f"{source}:{number}",
                error=f"line {number} is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line",
            )
            continue
        except (ValueError, RecursionError) as exc:
            # Valid syntax that Python refuses: integers over 4300 digits, nesting deeper than the stack.
            yield InputFailure(
                source=f"{source}:{number}",
                error=f"line {number} cannot be read as JSON ({_one_line(exc)}); fix or remove the line",
            )
            continue
        try:
            yield parse_record(
                obj, source=source, where=f"line {number}", fallback_id=f"{stem}-{number}", verbatim=verbatim
            )
        except InputError as exc:
            yield InputFailure(source=f"{source}:{number}", error=exc.message)
    if not seen_any:
        yield InputFailure(source=source, error="no records: the JSON Lines input is empty")


def iter_json_document(
    text: str, *, source: str, stem: str, verbatim: bool, max_bytes: int | None = None
) -> Iterator[Article | InputFailure]:
    """A ``.json`` file: one record, a list of records, or ``{"articles": [...]}``.

    A file that is not a single JSON value but one record per line is read as JSON Lines.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from iter_json_lines(
                json_lines(text), source=source, stem=stem, verbatim=verbatim, max_bytes=max_bytes
            )
            return
        yield InputFailure(
            source=source,
            error=f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); fix the file and run again",
        )
        return
    except (ValueError, RecursionError) as exc:
        yield InputFailure(source=source, error=f"cannot be read as JSON ({_one_line(exc)}); fix the file")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputFailure(source=source, error="no records: the JSON list is empty")
    for index, obj in enumerate(items):
        fallback = stem if len(items) == 1 else f"{stem}-{index + 1}"
        try:
            yield parse_record(obj, source=source, where=f"record {index + 1}", fallback_id=fallback, verbatim=verbatim)
        except InputError as exc:
            yield InputFailure(source=f"{source}#{index + 1}", error=exc.message)
