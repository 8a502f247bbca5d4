"""One spaCy parse per article, shared by every per-article NLP stage (entities, time, attribution).

spaCy refuses a text longer than its ``max_length`` (1,000,000 characters). A longer article is parsed in pieces cut
at paragraph, line or sentence boundaries and joined back into one ``Doc`` whose text is the article's text, so its
offsets stay valid; nothing is cut off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from crosswire.model import Article
from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The longest piece parsed at once when an article is over spaCy's limit: small enough to keep memory bounded.
PIECE_CHARS = 100_000

# Where a piece may end, best first: after a blank line, a line break, a sentence end, any space.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))

# The ``Doc.user_data`` key of the string a parse was made from (see :func:`is_parse_of`).
_SOURCE = "crosswire.source_text"


def pieces(text: str, size: int) -> Iterator[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters, each ending at the best break found
    in its second half; the pieces joined give ``text`` back exactly."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        end = size
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(window, size // 2)]
            if found and found[-1] < size:
                end = found[-1]
                break
        yield text[start : start + end]
        start += end
    if start < len(text) or not text:
        yield text[start:]


def parse_text(text: str) -> Doc:
    """The ``Doc`` of ``text``, parsed in pieces when it is over spaCy's ``max_length``."""
    nlp = load_pipeline()
    if len(text) <= nlp.max_length:
        return _made_from(nlp(text), text)
    from spacy.tokens import Doc

    size = min(PIECE_CHARS, nlp.max_length)
    return _made_from(Doc.from_docs(list(nlp.pipe(pieces(text, size))), ensure_whitespace=False), text)


def _made_from(doc: Doc, text: str) -> Doc:
    """``doc``, noted as the parse of ``text`` (the very string, for :func:`is_parse_of`)."""
    doc.user_data[_SOURCE] = text
    return doc


def is_parse_of(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is a parse of ``text``. Free when ``doc`` was made here from this very string (the stages of
    a run ask about every article several times); otherwise ``Doc.text``, which joins every word again, decides."""
    return doc.user_data.get(_SOURCE) is text or doc.text == text


def doc_of(article: Article) -> Doc:
    """The article's parse, made on first use and kept on the article for the other stages of the run.

    Offsets of the returned ``Doc`` are offsets into ``article.text``. A stage that changes ``text`` must not run
    after a stage that parsed it.
    """
    doc = article._doc
    if doc is None or not is_parse_of(doc, article.text):
        doc = parse_text(article.text)
        article._doc = doc
    return doc


def parse_article(article: Article, context: object) -> None:
    """The parse stage for one article."""
    doc_of(article)


def parse_batch(articles: Sequence[Article], context: object) -> None:
    """The parse stage for many articles at once: ``nlp.pipe`` batches the work, which is faster than one by one.

    Articles over spaCy's limit are left to :func:`doc_of`, which parses them in pieces.
    """
    nlp = load_pipeline()
    todo = [
        a for a in articles if (a._doc is None or not is_parse_of(a._doc, a.text)) and len(a.text) <= nlp.max_length
    ]
    for article, doc in zip(todo, nlp.pipe(a.text for a in todo), strict=True):
        article._doc = _made_from(doc, article.text)


def release(article: Article) -> None:
    """Drop the parse once the per-article stages are done, so a long run holds one ``Doc`` at a time."""
    article._doc = None
