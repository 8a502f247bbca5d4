"""Quotes printed with dashes: a paragraph opened by a quotation dash and closed by a cue clause ("– It is a
fabrication, the spokesman said."), as European papers and their translations print direct speech, and a quote
signed by a dash and a name after it ("“We remain committed.” — Izzat al-Rishq, a senior Hamas official").

Steps of :class:`crosswire.attribution.finder._Finder`, which add to its candidates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from crosswire.attribution import bounds, cues
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.cue_parse import Candidate
from crosswire.attribution.stance import CueReading

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# A quotation dash opening a paragraph ("– It is a fabrication, the spokesman said."), and the fewest words it needs
# before the closing cue to be somebody's words rather than a list item.
DASH_QUOTE = re.compile(r"(?m)^[ \t]*[–—][ \t]+(?=\S)")
MIN_DASH_WORDS = 4
# A dash and a short phrase on the rest of the line after a quote: its signature.
_SIGNATURE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*([^\n]{3,100}?)[ \t.]*(?:\n|$)")
_NAME_RUN = re.compile(r"(?<=\s)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")


def dash_quotes(finder: _Finder) -> None:
    """ "– It is a fabrication, the ministry's spokesman told TV 2.": a paragraph opened by a quotation dash is
    direct speech, up to the comma before a closing cue clause that names the speaker (European papers and
    their translations print quotes so). A closing phrase without a verb that names a person ("..., press
    officer Anna Berg") is the speaker too. A dash paragraph without such a tail is left to the cue before it
    ("X wrote the following:")."""
    for match in DASH_QUOTE.finditer(finder.text):
        start = match.end()
        para_end = finder.paragraph(start)[1]
        comma = finder.text.rfind(", ", start, para_end)
        if comma < 0 or len(re.findall(r"\w+", finder.text[start:comma])) < MIN_DASH_WORDS:
            continue
        tail = bounds.trim(finder.text, comma + 1, para_end)
        span = finder.doc.char_span(*tail, alignment_mode="expand")
        if span is None or finder.in_quote(start) is not None:
            continue
        found = closing_cue(finder, span, tail)
        if found is None:
            continue
        cue, speaker = found
        content_end = bounds.trim(finder.text, start, comma)[1]
        lemma = cue.lemma_.lower() if cue is not None else ""
        finder.candidates.append(
            Candidate(
                cue_start=cue.idx if cue is not None else None,
                cue_end=cue.idx + len(cue.text) if cue is not None else None,
                cue_lemma=lemma,
                content_start=start,
                content_end=content_end,
                content=finder.text[start:content_end],
                speaker=speaker,
                direct=True,
                reading=CueReading(lemma=lemma, tier="speech") if cue is None else parse.reading(cue, "speech"),
                kind="direct",
                cue_token=cue.i if cue is not None else None,
                stance_text=cue.text if cue is not None else "",
            )
        )


def closing_cue(finder: _Finder, span: Span, tail: tuple[int, int]) -> tuple[Token | None, tuple[int, int]] | None:
    """The cue and speaker of the clause that closes a dash quote: a verb of saying with its subject inside the
    clause, or, in a clause without any verb, the phrase up to the person it names."""
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"}]
    for token in verbs:
        if cues.cue_tier(token.lemma_) != "speech":
            continue
        subject = parse.subject_of(token)
        if subject is not None and tail[0] <= subject[0] and subject[1] <= token.idx:
            return token, bounds.trim(finder.text, *subject)
    if verbs:
        return None
    people = [m.end for m in finder.mentions(*tail) if m.label == "PERSON"]
    # a name the tagger missed: a run of capitalised words inside the phrase ("colonel Per Espen Strande")
    names = [m.end() for m in _NAME_RUN.finditer(finder.text, tail[0] + 1, tail[1])]
    ends = people or names
    return (None, bounds.trim(finder.text, tail[0], ends[0])) if ends else None


def signature(finder: _Finder, end: int) -> tuple[int, int] | None:
    """ "“We remain committed.” — Izzat al-Rishq, a senior Hamas official": a dash after a quote, then a name,
    on the rest of its line, signs the quote."""
    match = _SIGNATURE.match(finder.text, end)
    if match is None:
        return None
    start, stop = bounds.trim(finder.text, match.start(1), match.end(1))
    named = any(m.label in {"PERSON", "ORG"} for m in finder.mentions(start, stop))
    return (start, stop) if named or _NAME_RUN.search(finder.text, start, stop) else None
