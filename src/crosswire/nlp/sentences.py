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

    from crosswire.model import Article

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A transcript's speaker label, the words before the colon that opens a line: one to three upper-case words
# ("PRESENTER", "ANCHOR", "DR. ANNA KLEIN"). Shared by the stages that read transcripts, each adding its own anchor.
SPEAKER_LABEL = r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2}"
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


@cache
def _stops() -> frozenset[int]:
    """The string ids of the sentencizer's sentence-final punctuation."""
    nlp = _sentencizer()
    sentencizer = nlp.get_pipe("sentencizer")
    return frozenset(nlp.vocab.strings.add(char) for char in sentencizer.punct_chars)  # type: ignore[attr-defined]


def _sentence_chars(chunk: str) -> list[tuple[int, int]]:
    """The sentencizer's sentences of ``chunk`` as character spans, from its rule read off token arrays.

    The same rule as spaCy's ``Sentencizer`` (a sentence starts at the first token after sentence-final punctuation
    that is not punctuation itself) over the same tokens, but without a Python object per token: the component
    builds one for every token of every text, which made it cost more than the tokenizer."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

    rows = _sentencizer().make_doc(chunk).to_array([ORTH, IS_PUNCT, IDX, LENGTH]).tolist()
    if not rows:
        return []
    stops = _stops()
    starts = [0]
    seen_stop = False
    for position, (orth, punct, _, _) in enumerate(rows):
        stop = orth in stops
        if seen_stop and not punct and not stop:
            starts.append(position)
            seen_stop = False
        elif stop:
            seen_stop = True
    ends = [*starts[1:], len(rows)]
    return [(rows[first][2], rows[last - 1][2] + rows[last - 1][3]) for first, last in zip(starts, ends, strict=True)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        for first, last in _sentence_chars(chunk):
            left = start + first
            right = start + last
            while left < right and text[left].isspace():
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            if right > left:
                spans.append((left, right))
    return spans


def article_sentences(article: Article) -> list[tuple[int, int]]:
    """:func:`split_sentences` of ``article.text``, kept on the article while its text is the same: the claims stage's
    proposition extraction and its dated sentences both read them, on the per-article workers and again on the driver,
    and splitting a whole article is about 5 ms. The caller must not change the list."""
    kept = article._sentences
    if kept is None or kept[0] is not article.text:
        kept = (article.text, split_sentences(article.text))
        article._sentences = kept
    spans: list[tuple[int, int]] = kept[1]
    return spans


def keep_sentences(article: Article, spans: list[tuple[int, int]]) -> None:
    """Keep ``spans``, :func:`article_sentences` of ``article`` split in another process from the same text, for the
    next :func:`article_sentences` here."""
    article._sentences = (article.text, spans)


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sentences' sorted start offsets (-1 before the first)."""
    return bisect.bisect_right(starts, offset) - 1
