"""Rebuttals told by a verb and its particle: "The club pushed back on reports that its manager would be sacked",
"the union hit back at claims that the strike was illegal", "the minister brushed off the allegations". The verb
alone says nothing ("pushed", "hit", "brushed"); with its particle and a report or claim as its object it denies
that report (:data:`crosswire.attribution.stance.REBUTTALS`). The content is the report's noun phrase with what it
says; a noun cue inside it ("claims that ...") is the report rebutted, not the speaker's own claim.

A step of :class:`crosswire.attribution.finder._Finder`, which adds to its candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import bounds
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.stance import REBUTTALS, REPORT_NOUNS

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder


def rebutted(token: Token) -> Token | None:
    """The report or claim a rebuttal verb is aimed at ("pushed back on reports", "brushed off the allegations"),
    when ``token`` is such a verb with its particle, else None."""
    particle = parse.particle(token)
    if particle is None or (token.lemma_.lower(), particle) not in REBUTTALS:
        return None
    noun = parse.aimed_at(token)
    return noun if noun is not None and noun.lemma_.lower() in REPORT_NOUNS else None


def rebuttals(finder: _Finder) -> None:
    """Add the statements of rebuttal verbs the rules left alone, their speaker the verb's subject."""
    taken = {c.cue_token for c in finder.candidates if c.cue_token is not None}
    text = finder.text
    for token in finder.doc:
        if token.pos_ != "VERB" or token.i in taken:
            continue
        noun = rebutted(token)
        quote = finder.in_quote(token.idx)
        if noun is None or (quote is not None and quote.closed):
            continue
        paragraph = finder.paragraph(token.idx)
        speaker = finder.speaker_of(token, token.lemma_.lower(), paragraph)
        if speaker is None:
            continue
        start, end = bounds.trim(text, *parse.subtree_span(noun))
        if end - start < 2:
            continue
        reading = parse.reading(token, "speech")
        finite = parse.is_finite(token, reading)
        verbatim = finder.is_verbatim(start, end)
        finder.candidates.append(
            parse.cue_candidate(text, token, (start, end), speaker, reading, verbatim, finite=finite)
        )
