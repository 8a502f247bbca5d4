"""Turning bytes into text, and refusing what is not text, with errors a person can act on."""

from __future__ import annotations

import codecs

from crosswire.errors import InputError

# Signatures of common binary formats people drop into a folder of articles by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

SUPPORTED = "plain text, HTML, JSON Lines, JSON, WARC or RSS/Atom"


def describe_binary(data: bytes) -> str | None:
    """Say what kind of binary ``data`` looks like, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark, or UTF-16/32 with one) or raise an :class:`InputError`.

    Other encodings are refused rather than guessed, because a wrong guess silently corrupts names and quotes; the
    message names the likely encoding and how to convert the file.
    """
    if not data.strip():
        raise InputError("empty file: there is nothing to analyse", source=source)
    binary = describe_binary(data)
    if binary:
        raise InputError(f"this is {binary}, not an article; Crosswire reads {SUPPORTED}", source=source)
    encoding = bom_encoding(data)
    if encoding:
        return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(not_utf8_message(data[exc.start], exc.start), source=source) from None


def not_utf8_message(byte: int | None, offset: int | None) -> str:
    # No guess at the real encoding: a wrong one (cp1250 for French Latin-1) would corrupt the file when followed.
    where = f" (byte 0x{byte:02x} at offset {offset})" if byte is not None and offset is not None else ""
    return (
        f"not UTF-8{where}; convert it with `iconv -f ENCODING -t UTF-8`, naming its real encoding "
        "(often windows-1252 or latin1), and run again"
    )


def format_size(size: int) -> str:
    """1536 -> "1.5 KB": sizes in messages people read."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
