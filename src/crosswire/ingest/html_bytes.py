"""Decoding HTML pages, which declare their own encoding (unlike plain text, where we refuse to guess)."""

from __future__ import annotations

import codecs
import re

from crosswire.ingest.decode import utf16_encoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def parse_content_type(header: str) -> tuple[str, str | None]:
    """("text/html; charset=UTF-8") -> ("text/html", "UTF-8"): the media type, lower-case, and its charset."""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"'")
    return media.strip().lower(), charset


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page by its byte-order mark, HTTP charset, ``<meta charset>``, UTF-8, then detection."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    bomless = utf16_encoding(data)
    if bomless:
        return data.decode(bomless, errors="replace")
    candidates = [_known(declared)]
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(_known(match.group(1).decode("ascii", errors="ignore")))
    for encoding in candidates:
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("windows-1252", errors="replace")
