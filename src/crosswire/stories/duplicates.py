"""Exact and near-duplicate articles (syndicated wire copies), found with MinHash LSH.

A duplicate keeps its place in the dossier but points at the article it copies through ``duplicate_of``; later
stages count each group once. The article a group points at is the earliest published, then the first stored, so
adding articles to a store does not reshuffle existing groups.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from crosswire.context import Context
from crosswire.model import Article, Dossier

NUM_PERM = 128
SHINGLE_WORDS = 5
# Jaccard similarity of 5-word shingles above which two articles are copies of one story text. Wire copies that
# were re-topped or trimmed measure 0.5-0.8; two different reports of the same event measure under 0.15.
THRESHOLD = 0.5

# The stage's name in the pipeline, under which the per-article workers' reads come back (``Context.per_article``).
STAGE = "duplicates"

_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def exact_key(text: str) -> str:
    return hashlib.sha1(" ".join(_words(text)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _blank() -> MinHash:
    """The empty signature, its permutations drawn once (a new ``MinHash`` draws them again from the seed)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def _with_values(values: np.ndarray) -> MinHash:
    minhash = _blank().copy()
    minhash.hashvalues = values
    return minhash


def signature(text: str) -> MinHash:
    words = _words(text)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = _blank().copy()
    minhash.update_batch([s.encode("utf-8") for s in shingles if s])
    return minhash


# What the stage reads of one article's text: its exact key and its signature's values (None: no words).
Read = tuple[str, np.ndarray] | None


def read_article(article: Article) -> Read:
    """:func:`exact_key` and :func:`signature` of one article, from the article alone: the per-article workers work
    them out (``CorpusStage.per_article``), and the stage reads them instead of hashing every text again."""
    if not article.text.strip():
        return None
    return exact_key(article.text), signature(article.text).hashvalues


def _order_key(article: Article, position: int) -> tuple[int, str, int]:
    # Undated articles sort after dated ones: a dated original is the better anchor for a group.
    return (0 if article.published else 1, article.published or "", position)


def find_duplicates(
    articles: list[Article], threshold: float = THRESHOLD, known: Mapping[str, Read] | None = None
) -> dict[str, str]:
    """Map each duplicate's id to the id of the article it duplicates. ``known`` holds :func:`read_article` of some
    articles, by id, worked out elsewhere (the per-article workers); the others' are worked out here."""
    known = known or {}
    order = sorted(range(len(articles)), key=lambda i: _order_key(articles[i], i))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    exact: dict[str, str] = {}
    signatures: dict[str, MinHash] = {}
    duplicate_of: dict[str, str] = {}
    rank: dict[str, int] = {}  # place of each group's original in ``order``
    for index in order:
        article = articles[index]
        if not article.text.strip():
            continue
        read = known.get(article.id)
        key = read[0] if read is not None else exact_key(article.text)
        if key in exact:
            duplicate_of[article.id] = exact[key]
            continue
        minhash = _with_values(read[1]) if read is not None else signature(article.text)
        candidates = [c for c in lsh.query(minhash) if minhash.jaccard(signatures[c]) >= threshold]
        if candidates:
            # Point at the group's original, not at another copy; exact copies of this copy point there too. Of
            # equally close candidates the earliest wins: the order LSH returns them in varies from run to run.
            best = max(candidates, key=lambda c: (minhash.jaccard(signatures[c]), -rank[c]))
            duplicate_of[article.id] = exact[key] = duplicate_of.get(best, best)
            continue
        exact[key] = article.id
        rank[article.id] = len(rank)
        lsh.insert(article.id, minhash)
        signatures[article.id] = minhash
    return duplicate_of


def mark_duplicates(dossier: Dossier, context: Context) -> None:
    """Corpus stage: set ``duplicate_of`` on every article."""
    found = find_duplicates(dossier.articles, known=context.per_article.get(STAGE))
    for article in dossier.articles:
        article.duplicate_of = found.get(article.id)
