"""Plain text that was already flattened from a web page: metadata header, headline, outlet and boilerplate."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crosswire.clean.lines import (
    LineModel,
    boilerplate_flags,
    has_boilerplate_words,
    is_photo_credit,
    normalize_line,
)

_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WRITTEN = rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
# "date 2022-11-14 keywords", "Date: 14 November 2022", "Published: Nov 14, 2022 | ..." on the first lines.
_HEADER_DATE = re.compile(
    rf"^\s*(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated|pubdate)\s*[:=]?\s*({_ISO}|{_WRITTEN})\b(.*)$",
    re.IGNORECASE,
)
# "title: ...", "source: ...", "url: ..." lines of a metadata header block.
_HEADER_FIELD = re.compile(
    r"^\s*(title|headline|source|outlet|site|url|link|author|by|keywords|tags)\s*:\s*(.+)$", re.IGNORECASE
)
# Outlets name themselves in boilerplate: "A Message from The Moscow Times", "© 2022 Harbor Ledger".
_OUTLET_PATTERNS = (
    re.compile(r"\bmessage from\s+((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})"),
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
        r"((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:journalists|readers|team|staff|editors) (?:of|at)\s+((?:The\s+)?[A-Z][\w&.'-]*"
        r"(?:\s+[A-Z][\w&.'-]*){0,4})"
    ),
    re.compile(r"\bsupport(?:ing)?\s+((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})"),
)
# A wire dateline names the agency: "MOSCOW, Nov 17 (Eurasia Wire) - ...".
_DATELINE_OUTLET = re.compile(r"^[A-Z][A-Z .'-]+,[^()\n]{0,30}\(([A-Z][\w&.' -]{1,40})\)\s*[-–—]")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|de|van|von|da|al|bin)){0,4})\s*$")
_OUTLET_STOP = re.compile(r"\s+(?:All|Ltd|Inc|LLC|GmbH)\.?$|[.,;:]+$")
_NOT_OUTLET = {"us", "our", "the", "independent", "journalism", "all"}


@dataclass
class PlainTextCleaning:
    text: str
    boilerplate: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    keywords: str | None = None


def normalize_text(raw: str) -> list[str]:
    """NFC, unified newlines, no trailing spaces, tabs and odd spaces as plain spaces; returns the lines."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\t", " ")
    return [re.sub(r" {2,}", " ", line).rstrip() for line in text.split("\n")]


def _parse_header_date(value: str) -> str | None:
    value = value.strip()
    if re.fullmatch(_ISO, value):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value).isoformat()
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
        except ValueError:
            return None
    cleaned = re.sub(r"[.,]", " ", value)
    cleaned = " ".join(cleaned.split()).title().replace("Sept ", "Sep ")
    for pattern in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _is_prose(text: str) -> bool:
    """A sentence rather than a keyword list: a dozen words or more ending like a sentence."""
    return len(text.split()) >= 12 and text.rstrip()[-1:] in {".", "!", "?", "”", '"'}


def read_header(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Read a metadata header at the top: (lines it occupies, fields). Fields: published, title, outlet, ..."""
    fields: dict[str, str] = {}
    used = 0
    for index, line in enumerate(lines[:8]):
        if not line.strip():
            if fields:
                used = index + 1
                continue
            continue
        date_match = _HEADER_DATE.match(line)
        if date_match and "published" not in fields:
            parsed = _parse_header_date(date_match.group(1))
            if parsed is None:
                break
            fields["published"] = parsed
            rest = date_match.group(2).strip(" |-–—:")
            if _is_prose(rest):
                # "date 2024-03-25 LOS ANGELES (AP) — Ohtani said Monday he never bet ...": the lead goes on the same
                # line; it is the article's first line, not keywords
                lines[index] = rest
                used = index
                break
            if rest:
                fields.setdefault("keywords", rest)
            used = index + 1
            continue
        field_match = _HEADER_FIELD.match(line)
        if field_match and len(line) < 300:
            key = {
                "headline": "title",
                "source": "outlet",
                "site": "outlet",
                "link": "url",
                "by": "author",
                "tags": "keywords",
            }.get(field_match.group(1).lower(), field_match.group(1).lower())
            fields.setdefault(key, field_match.group(2).strip())
            used = index + 1
            continue
        break
    return used, fields


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 250 or words[0].lower() == "by":
        return False
    if has_boilerplate_words(line) or is_photo_credit(line):
        return False
    if re.search(r"[.;:,]\s*$", line) and not line.endswith("..."):
        return False
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'"


def find_headline(lines: Sequence[str], *, look_ahead: int = 15) -> int | None:
    """Index of the headline: the first headline-shaped line before the story's first full paragraph."""
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped.split()) >= 25 or seen >= look_ahead:
            return None
        if _is_headline(stripped):
            return index
        seen += 1
    return None


def _find_byline(lines: Sequence[str], flags: Sequence[bool], *, start: int, look_ahead: int = 4) -> int | None:
    seen = 0
    for index in range(start, len(lines)):
        if not lines[index].strip() or flags[index]:
            continue
        if _BYLINE.match(lines[index]):
            return index
        seen += 1
        if seen > look_ahead:
            return None
    return None


def _dateline_outlet(lines: Sequence[str], kept: Sequence[int]) -> str | None:
    for index in kept[:3]:
        match = _DATELINE_OUTLET.match(lines[index].strip())
        if match:
            return match.group(1).strip()
    return None


def find_outlet(lines: Sequence[str]) -> str | None:
    """The outlet a page names as itself, voted over its boilerplate lines."""
    votes: dict[str, int] = {}
    for line in lines:
        for pattern in _OUTLET_PATTERNS:
            for match in pattern.finditer(line):
                # "Harbor Ledger. All rights reserved" names "Harbor Ledger": a sentence break ends the name.
                name = re.split(r"\.\s", match.group(1).strip())[0]
                name = _OUTLET_STOP.sub("", name).strip()
                if name.lower() in _NOT_OUTLET or len(name) < 3:
                    continue
                votes[name] = votes.get(name, 0) + 1
    if not votes:
        return None
    return max(votes.items(), key=lambda item: (item[1], -len(item[0])))[0]


RepeatCounter = Callable[[Sequence[str]], list[int]]


def clean_plain_text(
    raw: str, *, repeats: RepeatCounter | None = None, want_title: bool = True, model: LineModel | None = None
) -> PlainTextCleaning:
    """Split a flattened page into its article text and what was removed, and read what it says about itself.

    ``repeats`` returns, per line, how many other articles of the same outlet carry it.
    """
    lines = normalize_text(raw)
    header_used, fields = read_header(lines)
    boilerplate: list[str] = []
    if header_used:
        boilerplate.extend(line.strip() for line in lines[:header_used] if line.strip())
    body = lines[header_used:]
    flags = boilerplate_flags(body, repeats(body) if repeats else None, model)
    title = fields.get("title")
    title_index = None
    if want_title and not title:
        title_index = find_headline(body)
        if title_index is not None:
            title = " ".join(body[title_index].split())
            # What a page shows above its headline is navigation and banners, never the story.
            flags = [True if i < title_index else (False if i == title_index else flag) for i, flag in enumerate(flags)]
    author = fields.get("author")
    byline_index = _find_byline(body, flags, start=(title_index or 0))
    if byline_index is not None:
        author = author or _BYLINE.match(body[byline_index]).group(1)  # type: ignore[union-attr]
        flags[byline_index] = True
    kept = [i for i, line in enumerate(body) if line.strip() and not flags[i]]
    removed = [body[i].strip() for i, line in enumerate(body) if line.strip() and flags[i]]
    kept_set = set(kept)
    text_lines = [body[i].strip() if i in kept_set and i != title_index else "" for i in range(len(body))]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(text_lines)).strip()
    boilerplate.extend(removed)
    return PlainTextCleaning(
        text=text,
        boilerplate=boilerplate,
        title=title,
        published=fields.get("published"),
        outlet=fields.get("outlet") or find_outlet(removed) or _dateline_outlet(body, kept),
        author=author,
        url=fields.get("url"),
        keywords=fields.get("keywords"),
    )


def line_keys(text: str) -> set[str]:
    """Normalized lines of a text, for counting repetition across an outlet's articles."""
    return {key for key in (normalize_line(line) for line in text.split("\n")) if key}
