"""Sentence boundaries for corpus-level stages, which run after the per-article parse has been released.

spaCy's rule-based sentencizer on a blank English tokenizer: it keeps abbreviations such as "U.S." and "Nov." whole
(the tokenizer's exceptions) and is two orders of magnitude faster than the parser. Paragraph breaks always end a
sentence, which matters for flattened web text whose lines carry no final punctuation.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A single document longer than this is split in pieces first; spaCy refuses texts above its max_length.
_MAX_CHUNK = 100_000


@cache
def _sentencizer() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = _MAX_CHUNK * 2
    return nlp


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > _MAX_CHUNK:
            cut = text.rfind(" ", start, start + _MAX_CHUNK)
            cut = cut if cut > start else start + _MAX_CHUNK
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order, stripped of surrounding space."""
    nlp = _sentencizer()
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        for sentence in nlp(chunk).sents:
            left = start + sentence.start_char
            right = start + sentence.end_char
            while left < right and text[left].isspace():
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            if right > left:
                spans.append((left, right))
    return spans


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sentences' sorted start offsets (-1 before the first)."""
    return bisect.bisect_right(starts, offset) - 1
