"""Turning bytes into text, and refusing what is not text, with errors a person can act on."""

from __future__ import annotations

import codecs
import unicodedata

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

# Unicode categories that do not occur in text: control characters, lone surrogates, unassigned code points.
_NOT_TEXT = frozenset({"Cc", "Cs", "Cn"})

SUPPORTED = "plain text, HTML, JSON Lines, JSON, WARC or RSS/Atom"


def describe_binary(data: bytes) -> str | None:
    """Say what kind of binary ``data`` looks like, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS) or utf16_encoding(head):
        return None
    if b"\x00" in head:
        return "binary data"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 byte order ("utf-16-le" or "utf-16-be") of text without a byte-order mark, else None.

    Text mostly in Latin script (with its spaces, digits and punctuation) stored as UTF-16 has a zero in the high byte
    of most characters (every one below U+0100) and rarely in the low byte; binary data has zeros at both parities
    alike. The head must also decode to text without control characters.
    """
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.3 * len(high) and low.count(0) * 4 <= high.count(0):
            try:
                text = head.decode(encoding)
            except UnicodeDecodeError:
                # The cut may split a surrogate pair: drop the last unit and try once more.
                try:
                    text = head[:-2].decode(encoding)
                except UnicodeDecodeError:
                    continue
            if not any(unicodedata.category(ch) in _NOT_TEXT and ch not in "\n\r\t\f\v" for ch in text):
                return encoding
    return None


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark), UTF-16/32 with one, or UTF-16 without one (see
    :func:`utf16_encoding`), or raise an :class:`InputError`.

    Other encodings are refused rather than guessed, because a wrong guess silently corrupts names and quotes; the
    message names the likely encoding and how to convert the file.
    """
    if not data.strip():
        raise InputError("empty file: there is nothing to analyse", source=source)
    binary = describe_binary(data)
    if binary:
        raise InputError(f"this is {binary}, not an article; Crosswire reads {SUPPORTED}", source=source)
    encoding = bom_encoding(data) or utf16_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            message = f"not valid {encoding.upper()} (at byte {exc.start}); check that the file is complete"
            raise InputError(message, source=source) from None
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
    """100001 -> "100,001 bytes (100 kB)": the exact count, then a rounded one in SI units (1 MB = 1,000,000 bytes).

    The exact count comes first so that a size just over a limit never reads as equal to it; every size Crosswire
    prints or documents uses these decimal units.
    """
    exact = f"{size:,} byte{'' if size == 1 else 's'}"
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            rounded = f"{size / scale:.1f}".removesuffix(".0")
            return f"{exact} ({rounded} {unit})"
    return exact
