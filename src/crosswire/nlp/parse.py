"""One spaCy parse per article, shared by every per-article NLP stage (entities, time, attribution)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from crosswire.model import Article
from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_of(article: Article) -> Doc:
    """The article's parse, made on first use and kept on the article for the other stages of the run.

    Offsets of the returned ``Doc`` are offsets into ``article.text``. A stage that changes ``text`` must not run
    after a stage that parsed it.
    """
    doc = article._doc
    if doc is None or doc.text != article.text:
        doc = load_pipeline()(article.text)
        article._doc = doc
    return doc


def parse_article(article: Article, context: object) -> None:
    """The parse stage for one article."""
    doc_of(article)


def parse_batch(articles: Sequence[Article], context: object) -> None:
    """The parse stage for many articles at once: ``nlp.pipe`` batches the work, which is faster than one by one."""
    todo = [a for a in articles if a._doc is None or a._doc.text != a.text]
    for article, doc in zip(todo, load_pipeline().pipe(a.text for a in todo), strict=True):
        article._doc = doc


def release(article: Article) -> None:
    """Drop the parse once the per-article stages are done, so a long run holds one ``Doc`` at a time."""
    article._doc = None
