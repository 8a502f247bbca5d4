"""Plain text that was already flattened from a web page: metadata header, headline, outlet and boilerplate."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crosswire.clean import header
from crosswire.clean.header import read_metadata_block
from crosswire.clean.lines import (
    LineModel,
    boilerplate_flags,
    has_boilerplate_words,
    is_photo_credit,
    normalize_line,
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
    # "Source: Harbor Wire" on a line of its own; "(Reporting by Jane Doe for Harbor Wire; Editing by ...)".
    re.compile(r"^\s*Source\s*:\s*((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s*$"),
    re.compile(r"\bReporting by\b[^;()\n]{0,80}?\bfor\s+((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})"),
)
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
    # Which line the date came from: "header" (the metadata block), "byline" or "dateline".
    published_from: str | None = None


def normalize_text(raw: str) -> list[str]:
    """NFC, unified newlines, no trailing spaces, tabs and odd spaces as plain spaces; returns the lines."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\t", " ")
    return [re.sub(r" {2,}", " ", line).rstrip() for line in text.split("\n")]


def read_header(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Read a metadata block at the top: (lines it occupies, fields). Fields: published, title, outlet, ..."""
    block = read_metadata_block(lines)
    return block.used, block.fields


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 250 or words[0].lower() == "by":
        return False
    if has_boilerplate_words(line) or is_photo_credit(line):
        return False
    if re.search(r"[.;:,]\s*$", line) and not line.endswith("..."):
        return False
    return line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'"


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


def _tells_story(line: str) -> bool:
    """A full sentence of reporting (eight words or more, ended), not one speaking to the reader (a banner's
    "we need your help") nor a photo credit: where it stands, the story has begun."""
    return (
        len(line.split()) >= 8
        and bool(_SENTENCE_END.search(line))
        and not has_boilerplate_words(line)
        and not is_photo_credit(line)
    )


def find_headline(lines: Sequence[str], *, look_ahead: int = 15) -> int | None:
    """Index of the headline: the first headline-shaped line before the story's first full paragraph or its first
    sentence of reporting (a line further down, such as "Scroll down for video", a quoted subhead or a caption,
    heads no story: the story began above it)."""
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped.split()) >= 25 or seen >= look_ahead or _tells_story(stripped):
            return None
        if _is_headline(stripped):
            return index
        seen += 1
    return None


@dataclass
class _PageTop:
    """What the lines above and around the headline say about the page (indices into the body)."""

    meta: set[int] = field(default_factory=set)
    published: str | None = None
    published_from: str | None = None
    author: str | None = None
    outlet: str | None = None


def _read_page_top(lines: Sequence[str], *, look_ahead: int = 12) -> _PageTop:
    """Byline, date and source lines near the top of the body, before the story's first full paragraph."""
    top = _PageTop()
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > look_ahead:
            break
        found_date = header.date_line(stripped)
        if found_date is not None:
            top.meta.add(index)
            if top.published is None:
                top.published, top.published_from = found_date.value, "byline"
            top.outlet = top.outlet or header.source_of_line(stripped)
            continue
        found_byline = header.byline(stripped)
        if found_byline is not None:
            top.meta.add(index)
            top.author = top.author or found_byline[0]
            top.outlet = top.outlet or found_byline[1]
            continue
        if header.is_navigation(stripped) or header.is_site_name(stripped):
            top.meta.add(index)
            continue
        if len(stripped.split()) >= 25:
            break
    return top


def _dateline(lines: Sequence[str], kept: Sequence[int]) -> tuple[str | None, str | None]:
    """(outlet, date) of the dateline opening one of the first kept paragraphs."""
    for index in kept[:4]:
        outlet, date = header.dateline(lines[index].strip())
        if outlet or date:
            return outlet, date
    return None, None


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
    block = header.read_metadata_block(lines)
    fields = block.fields
    boilerplate: list[str] = []
    if block.used:
        head = [line.strip() for line in lines[: block.used] if line.strip()]
        if block.lead is not None and head:
            # The date line's story text goes back to the body; only its metadata part is boilerplate.
            cut = head[0].rfind(block.lead)
            head[0] = head[0][:cut].strip() if cut > 0 else head[0]
        boilerplate.extend(line for line in head if line)
    body = ([block.lead, ""] if block.lead is not None else []) + lines[block.used :]
    top = _read_page_top(body)
    flags = boilerplate_flags(body, repeats(body) if repeats else None, model)
    for index in top.meta:
        flags[index] = True
    if block.lead is not None:
        flags[0] = False
    title = fields.get("title")
    title_index = None
    if want_title and not title:
        section = fields.get("section")
        candidates = [line if i not in top.meta and line.strip() != section else "" for i, line in enumerate(body)]
        title_index = find_headline(candidates)
        if title_index is not None:
            title = " ".join(body[title_index].split())
            # What a page shows above its headline is navigation and banners, never the story.
            flags = [True if i < title_index else (False if i == title_index else flag) for i, flag in enumerate(flags)]
    elif title is not None and block.lead is None:
        # The headline stated in the metadata block is often repeated as the page's first line.
        first = next((i for i, line in enumerate(body) if line.strip()), None)
        if first is not None and " ".join(body[first].split()) == " ".join(title.split()):
            flags[first] = True
    kept = [i for i, line in enumerate(body) if line.strip() and not flags[i]]
    removed = [body[i].strip() for i, line in enumerate(body) if line.strip() and flags[i]]
    kept_set = set(kept)
    text_lines = [body[i].strip() if i in kept_set and i != title_index else "" for i in range(len(body))]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(text_lines)).strip()
    boilerplate.extend(removed)
    dateline_outlet, dateline_date = _dateline(body, kept)
    # A story's last lines may credit its outlet ("Reporting by ... for ...", "Source: ...").
    closing = [body[i].strip() for i in kept[-3:]]
    published, published_from = fields.get("published"), "header" if fields.get("published") else None
    if published is None and top.published:
        published, published_from = top.published, top.published_from
    if published is None and dateline_date:
        published, published_from = dateline_date, "dateline"
    return PlainTextCleaning(
        text=text,
        boilerplate=boilerplate,
        title=title,
        published=published,
        published_from=published_from,
        outlet=fields.get("outlet") or top.outlet or dateline_outlet or find_outlet([*removed, *closing]),
        author=fields.get("author") or top.author,
        url=fields.get("url"),
        keywords=fields.get("keywords"),
    )


def line_keys(text: str) -> set[str]:
    """Normalized lines of a text, for counting repetition across an outlet's articles."""
    return {key for key in (normalize_line(line) for line in text.split("\n")) if key}
