"""A reported clause that opens a quotation runs on to the quote's end, over the sentences the quote holds.

'Manafort insisted that "there's no cribbing of her speech. These were common words and values."': the parser's
sentence ends after "speech", so the indirect content read from the clause did too, and the second sentence of the
quote was nobody's. The quotation marks say where the words end: an indirect content that opens a quote it does not
close ends where that quote closes (within the quote's paragraph; a quote cut at a paragraph's end without a closing
mark is a guess, and is not followed). Not when another statement's cue or content lies in the words added: the
quote is then that statement's, or the marks were misread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.attribution.quotes import Quote

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# Statement kinds whose content is a reported clause the parser ended ("that ...", the rest of the sentence).
_REPORTED = frozenset({"indirect", "according", "nested"})


def _open_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The closed quote of one paragraph that opens inside ``start..end`` and closes after it, if any."""
    return next(
        (q for q in quotes if start <= q.start < end < q.end and q.closed and not q.title and q.paragraphs == 1),
        None,
    )


def run_on(finder: _Finder) -> None:
    """Extend every reported content that opens a quote to the quote's closing mark (statements sharing a content
    follow it)."""
    moved: dict[tuple[int, int], int] = {}
    for candidate in finder.candidates:
        if candidate.direct or candidate.kind not in _REPORTED:
            continue
        start, end = candidate.content_start, candidate.content_end
        quote = _open_quote(finder.quotes, start, end)
        if quote is None or finder.text[end : quote.end].count("\n"):
            continue
        others = [
            o
            for o in finder.candidates
            if (o.content_start, o.content_end) != (start, end)
            and ((o.cue_start is not None and end <= o.cue_start < quote.end) or (end <= o.content_start < quote.end))
        ]
        if not others:
            moved[(start, end)] = quote.end
    for candidate in finder.candidates:
        new_end = moved.get((candidate.content_start, candidate.content_end))
        if new_end is not None:
            candidate.content_end, candidate.content = new_end, finder.text[candidate.content_start : new_end]
