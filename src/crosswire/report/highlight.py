"""An article's text as HTML paragraphs with its layers of spans marked up, escaped and properly nested.

Spans come from independent stages, so they overlap and cross: a statement contains mentions, a time expression may
start inside one statement and end in the next. The text is cut at every span boundary and every paragraph break;
each piece is wrapped in the spans covering it, outermost (earliest start, longest) first. Where one span ends inside
another, the inner one is closed and re-opened around the next piece, so a span may come out as several elements
that share its tokens (``data-k``); only the first carries its ``id``. Offsets are Python string indices into the
text; spans outside the text are clipped, empty ones dropped. Every character of text and attribute is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

# Among spans with the same extent, which one wraps the others.
KIND_ORDER = {"statement": 0, "evidence": 1, "cue": 2, "mention": 3, "timex": 4}


@dataclass(frozen=True)
class Mark:
    """One span to mark up: ``classes`` style it, ``tokens`` let a link highlight it, ``anchor`` makes it a target."""

    start: int
    end: int
    kind: str
    classes: str = ""
    tokens: tuple[str, ...] = ()
    anchor: str | None = None
    title: str | None = None
    data: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line of ``text``, leading and trailing whitespace left out."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _open_tag(mark: Mark, with_anchor: bool) -> str:
    parts = [f'<span class="{escape(mark.classes or mark.kind)}"']
    if with_anchor and mark.anchor:
        parts.append(f' id="{escape(mark.anchor)}"')
    if mark.tokens:
        parts.append(f' data-k="{escape(" ".join(mark.tokens))}"')
    if mark.title:
        parts.append(f' title="{escape(mark.title)}"')
    for name, value in mark.data:
        parts.append(f' data-{escape(name)}="{escape(value)}"')
    parts.append(">")
    return "".join(parts)


def _order(indexed: tuple[int, Mark]) -> tuple[int, int, int, int]:
    index, mark = indexed
    return (mark.start, -mark.end, KIND_ORDER.get(mark.kind, len(KIND_ORDER)), index)


def _paragraph_html(text: str, start: int, end: int, marks: Sequence[tuple[int, Mark]], anchored: set[int]) -> Markup:
    inside = sorted(((i, m) for i, m in marks if m.start < end and m.end > start), key=_order)
    by_index = dict(inside)
    cuts = sorted({start, end, *(max(m.start, start) for _, m in inside), *(min(m.end, end) for _, m in inside)})
    out: list[str] = []
    stack: list[int] = []
    for left, right in pairwise(cuts):
        active = [i for i, m in inside if m.start <= left and m.end >= right]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        out.extend("</span>" for _ in range(len(stack) - keep))
        del stack[keep:]
        for index in active[keep:]:
            out.append(_open_tag(by_index[index], with_anchor=index not in anchored))
            anchored.add(index)
            stack.append(index)
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def highlight(text: str, marks: Iterable[Mark]) -> list[Markup]:
    """``text`` as one HTML fragment per paragraph (non-blank line), with ``marks`` wrapped around their spans."""
    length = len(text)
    kept: list[tuple[int, Mark]] = []
    for index, mark in enumerate(marks):
        start, end = max(0, mark.start), min(length, mark.end)
        if start < end:
            kept.append((index, mark if (start, end) == (mark.start, mark.end) else _clipped(mark, start, end)))
    anchored: set[int] = set()
    return [_paragraph_html(text, start, end, kept, anchored) for start, end in paragraph_spans(text)]


def _clipped(mark: Mark, start: int, end: int) -> Mark:
    return Mark(start, end, mark.kind, mark.classes, mark.tokens, mark.anchor, mark.title, mark.data)
