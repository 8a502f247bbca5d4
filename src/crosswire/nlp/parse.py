"""One spaCy parse per article, shared by every per-article NLP stage (entities, time, attribution)."""

from __future__ import annotations

from typing import Any

from crosswire.model import Article
from crosswire.nlp.model import load_pipeline


def doc_of(article: Article) -> Any:
    """The article's parse, made on first use and kept on the article for the other stages of the run.

    Offsets of the returned ``Doc`` are offsets into ``article.text``. A stage that changes ``text`` must not run
    after a stage that parsed it.
    """
    doc = article._doc
    if doc is None or doc.text != article.text:
        doc = load_pipeline()(article.text)
        article._doc = doc
    return doc


def release(article: Article) -> None:
    """Drop the parse once the per-article stages are done, so a long run holds one ``Doc`` at a time."""
    article._doc = None
