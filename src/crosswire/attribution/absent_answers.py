"""Answers news copy reports as missing: "The manufacturer, Aerion, could not be reached for comment", "There was no
immediate comment from the defence ministry". Nobody is quoted, but the party the story asked gave no answer, which
the dossier records as that party's refusal (`decline`), as it does "did not respond to a request for comment"
and "declined to comment". The content is the words of the missing comment ("for comment", "no immediate comment").

A step of :class:`crosswire.attribution.finder._Finder`, which adds to its candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import bounds
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.cue_parse import Candidate
from crosswire.attribution.stance import CueReading

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# Nouns of an answer asked for ("for comment", "no comment from").
ANSWER_NOUNS = frozenset({"comment", "comments", "response", "reaction", "statement"})
# Verbs of being asked, negated: "could not be reached for comment", "was not available for comment".
UNREACHED = frozenset({"reach", "contact"})


def _answer_phrase(token: Token) -> Token | None:
    """The "for comment" phrase of a verb or adjective ("reached for comment", "available for comment")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.lower_ in ANSWER_NOUNS:
                return prep
    return None


def _missing(token: Token) -> tuple[Token, Token] | None:
    """(the speaker's head, the phrase of the missing answer) when ``token`` reports an answer not given."""
    negated = any(c.dep_ == "neg" for c in token.children)
    if negated and token.lemma_.lower() in UNREACHED and token.tag_ == "VBN":
        # "X could not be reached for comment"
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        phrase = _answer_phrase(token)
        return (subject, phrase) if subject is not None and phrase is not None else None
    if token.lemma_ == "be" and any(c.dep_ == "expl" for c in token.children):
        # "There was no immediate comment from X"
        for noun in token.children:
            if (
                noun.dep_ in {"attr", "nsubj"}
                and noun.lower_ in ANSWER_NOUNS
                and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
            ):
                source = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"), None)
                speaker = next((c for c in source.children if c.dep_ == "pobj"), None) if source else None
                return (speaker, noun) if speaker is not None else None
    return None


def absent_answers(finder: _Finder) -> None:
    """Add a declining statement for each answer the text reports as not given."""
    taken = {c.cue_token for c in finder.candidates if c.cue_token is not None}
    text = finder.text
    for token in finder.doc:
        if token.i in taken or token.pos_ not in {"VERB", "AUX"}:
            continue
        found = _missing(token)
        quote = finder.in_quote(token.idx)
        if found is None or (quote is not None and quote.closed):
            continue
        speaker, phrase = found
        start, end = bounds.trim(text, *parse.subtree_span(phrase))
        if phrase.dep_ != "prep":
            # "no immediate comment from X": the answer's words, without its source
            start, end = bounds.trim(text, phrase.left_edge.idx, phrase.idx + len(phrase.text))
        who = bounds.trim(text, *parse.subtree_span(speaker))
        if end - start < 2 or who[1] <= who[0]:
            continue
        reading = CueReading(lemma="comment", negated=True, tier="speech")
        finder.candidates.append(
            Candidate(
                *(token.idx, token.idx + len(token.text)), token.lemma_.lower(), start, end, text[start:end], who,
                False, reading, "indirect", cue_token=token.i, stance_text=text[token.idx : end], finite=False,
                fixed_end=True,
            )
        )  # fmt: skip
