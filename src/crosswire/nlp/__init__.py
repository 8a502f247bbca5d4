"""Shared language machinery, no concept of its own: the spaCy model, the per-article parse, sentences, embeddings.

Every concept package (entities, time, attribution, events) reads the one parse made by :func:`parse_article`; the
corpus stages, which run after the parse is released, split sentences with :mod:`.sentences` and embed them with
:mod:`.embeddings`. Stage exported: ``parse_article`` (with ``parse_batch`` for many articles at once).
"""

from __future__ import annotations

from crosswire.nlp.parse import doc_of, parse_article, parse_batch, release

__all__ = ["doc_of", "parse_article", "parse_batch", "release"]
