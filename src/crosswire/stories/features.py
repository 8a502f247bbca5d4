"""What story clustering knows about an article: a TF-IDF vector of its words and entities, its day, its keys.

Clustering never reads an :class:`~crosswire.model.Article` directly; it reads :class:`StoryItem`, which the corpus
stage builds from articles and the benchmark builds from bare texts, so both run exactly the same function.

The vector of an article is the concatenation of two L2-normalised TF-IDF blocks, renormalised as a whole:

* **words** of the title and text (sublinear term frequency, English stop words removed, words seen in only one
  article dropped: they cannot make two articles alike, they only dilute the norm), and
* **canonical entity ids** of its mentions (``person:sergei-naryshkin``), weighted by ``entity_weight``: two reports
  of one event name the same people and places even when they word everything differently.

The dot product of two vectors is then ``(1 - w) * cos(words) + w * cos(entities)`` when both blocks are present,
and falls back to the words alone for an article without entities, so thresholds mean the same thing either way.
IDF is fitted on the whole corpus each run; the fit is linear in the corpus, so it never limits scale.

Beside the vector, :func:`lead_embeddings` gives each article one sentence embedding of its **lead** (the title and
the first ``LEAD_SENTENCES`` sentences, where a report says what happened), which clustering mixes with the vector's
cosine. The corpus stage passes the store's vector cache, so re-runs over the store embed only new articles.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from crosswire.model import Article
from crosswire.nlp.embeddings import DIMENSIONS, MemoryCache, PieceMap, VectorCache, embed_missing, encode_cached
from crosswire.nlp.sentences import SPEAKER_LABEL, split_sentences

# Words of at least two letters, any script; digits and underscores never start or make a word.
_TOKEN = r"(?u)\b[^\W\d_][^\W\d_'’-]+\b"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A transcript's speaker label opening a line: one to three upper-case words and a colon ("PRESENTER: ", "DR. ANNA
# KLEIN: "); group 1 is the line's indentation, group 2 the label.
_SPEAKER_LABEL = re.compile(rf"(?m)^([ \t]*)({SPEAKER_LABEL}):[ \t]+")
# The lead that is embedded: the title and the first sentences, where a news report says what happened.
LEAD_SENTENCES = 5
LEAD_CHARS = 1000
# The encoder the leads are embedded with (unless ``CROSSWIRE_ENCODER`` chooses one for every vector): the int8 graph,
# 2.3 times less CPU than the float one. Clustering reads a lead's cosine mixed with the words' (weight 0.4): on the
# FNC-1 bodies (``bench/stories.py``) its B-cubed F1 is the same on int8 leads as on float ones (dev 0.9429 both, tune
# 0.9409 float, 0.9411 int8), and realworld-dev's stories are the same.
LEAD_ENCODER = "int8"
# Leads per forward pass. A lead is several sentences (a median of 140 word pieces on FNC-1 bodies), so a batch of 8
# is over a thousand rows per matrix product; batches of 4 of the leads of 300 FNC-1 bodies took 4-8% less CPU (one
# thread), their vectors as close to the float ones (cosine 0.9945 on average, 0.9944 in batches of 8).
LEAD_BATCH = 4


@dataclass
class StoryItem:
    """One article as clustering sees it."""

    id: str
    text: str
    entities: list[str] = field(default_factory=list)
    # Publication day as a proleptic ordinal (date.toordinal()), or None when unknown.
    day: int | None = None
    duplicate_of: str | None = None
    # The story this article already belongs to (from an earlier run), kept as it is.
    story: str | None = None
    title: str | None = None


@dataclass
class Features:
    """Vectors for a list of items, row i for item i, plus the vocabulary split point."""

    matrix: sp.csr_matrix
    n_words: int
    terms: list[str]


def parse_day(value: str | None) -> int | None:
    """The proleptic ordinal of an ISO date or datetime's day, or None."""
    if not value or not _DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def day_iso(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()


def timex_day(article: Article) -> int | None:
    """The latest fully specified calendar day an undated article mentions.

    A report is written after the events it reports, so its latest day-grain date is the closest thing to a
    publication date its text offers; used only for a story's start/end, never to keep articles apart.
    """
    days = [parse_day(t.value) for t in article.timexes if t.type == "DATE" and len(t.value) == 10]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def without_speaker_labels(text: str) -> str:
    """``text`` without the speaker labels opening a transcript's lines ("ANCHOR: ", "REPORTER: ", "DR. ANNA KLEIN: ").

    A label says who reads the line, not what happened: left in, a broadcaster's transcript is worded unlike the wire
    copy of the same event (its lead embedding moves away from theirs), and alike the transcripts of other events.
    """
    return _SPEAKER_LABEL.sub(lambda m: m.group(1) if len(m.group(2)) > 2 else m.group(), text)


def item_from_article(article: Article) -> StoryItem:
    body = without_speaker_labels(article.text)
    text = f"{article.title}\n\n{body}" if article.title else body
    return StoryItem(
        id=article.id,
        text=text,
        entities=[m.entity for m in article.mentions if m.entity],
        day=parse_day(article.published),
        duplicate_of=article.duplicate_of,
        story=article.story,
        title=article.title,
    )


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def vectorize(items: Sequence[StoryItem], entity_weight: float) -> Features:
    """Fit TF-IDF on ``items`` and return one L2-normalised row per item (order independent: sorted vocabulary)."""
    n = len(items)
    if n == 0:
        return Features(matrix=sp.csr_matrix((0, 0), dtype=np.float32), n_words=0, terms=[])
    words = TfidfVectorizer(
        token_pattern=_TOKEN,
        stop_words="english",
        sublinear_tf=True,
        min_df=1,
        dtype=np.float32,
    )
    try:
        text_matrix = words.fit_transform([item.text for item in items])
        terms = [str(t) for t in words.get_feature_names_out()]
    except ValueError:  # no word occurs twice (or at all): every article stands alone
        text_matrix, terms = sp.csr_matrix((n, 0), dtype=np.float32), []
    blocks = [text_matrix * math.sqrt(1.0 - entity_weight)]
    entity_terms: list[str] = []
    if entity_weight > 0 and any(item.entities for item in items):
        entities = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
        entity_matrix = entities.fit_transform([item.entities for item in items])
        entity_terms = [str(t) for t in entities.get_feature_names_out()]
        blocks.append(entity_matrix * math.sqrt(entity_weight))
    matrix = sp.hstack(blocks, format="csr", dtype=np.float32)
    if matrix.shape[1]:
        matrix = normalize(matrix)
    return Features(matrix=sp.csr_matrix(matrix), n_words=len(terms), terms=terms + entity_terms)


def salient_keys(features: Features, row: int, limit: int) -> list[int]:
    """The ``limit`` heaviest columns of a row: its rarest, most repeated words and entities, for blocking."""
    matrix = features.matrix
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    if end - start <= limit:
        return [int(c) for c in matrix.indices[start:end]]
    data = matrix.data[start:end]
    top = np.argpartition(-data, limit - 1)[:limit]
    return [int(c) for c in matrix.indices[start:end][top]]


def lead_text(item: StoryItem) -> str:
    """The title (the first paragraph of ``text`` when the item came from an article) and the first sentences."""
    text = item.text[: LEAD_CHARS * 2]
    spans = split_sentences(text)[:LEAD_SENTENCES]
    lead = " ".join(text[start:end] for start, end in spans)
    if len(lead) > LEAD_CHARS:
        lead = lead[:LEAD_CHARS].rsplit(" ", 1)[0]
    return lead


def article_lead(article: Article) -> list[str]:
    """The lead :func:`lead_embeddings` embeds for ``article`` (none when it has no words), from the article alone:
    the per-article workers embed it ahead of the stories stage."""
    lead = lead_text(item_from_article(article))
    return [lead] if lead.strip() else []


def lead_texts(items: Sequence[StoryItem], known: Mapping[str, list[str]] | None = None) -> dict[int, str]:
    """The lead of each item :func:`lead_embeddings` embeds, by row: not the copies, nor items without words.
    ``known`` holds :func:`article_lead` of some items' articles, by id, worked out elsewhere (the per-article
    workers); the others' leads are worked out here."""
    ids = {item.id for item in items}
    known = known or {}
    leads: dict[int, str] = {}
    for row, item in enumerate(items):
        if item.duplicate_of and item.duplicate_of in ids and item.duplicate_of != item.id:
            continue
        given = known.get(item.id)
        lead = (given[0] if given else "") if given is not None else lead_text(item)
        if lead.strip():
            leads[row] = lead
    return leads


def lead_embeddings(
    items: Sequence[StoryItem],
    cache: VectorCache | None = None,
    corpus_map: PieceMap | None = None,
    known: Mapping[str, list[str]] | None = None,
) -> np.ndarray:
    """One normalised sentence embedding of each item's lead, row i for item i.

    Copies of another item (``duplicate_of``) never vote in a story, and an item without words has nothing to embed:
    their rows are zeros, which clustering reads as "no embedding". With ``cache``, the leads it lacks are embedded
    first, all together, in pieces of similar length (:func:`crosswire.nlp.embeddings.embed_missing`, on
    ``corpus_map``: an engine's workers), so a batch is hardly padded and the leads' vectors do not depend on how the
    articles were chunked or on the number of workers (without ``cache``, a cache for this call alone). ``known``:
    leads worked out elsewhere, as :func:`lead_texts` takes them.
    """
    vectors = np.zeros((len(items), DIMENSIONS), dtype=np.float32)
    leads = lead_texts(items, known)
    if leads:
        # Without a store, a cache for this call: the same pieces, so the same vectors, as with one.
        cache = MemoryCache() if cache is None else cache
        embed_missing(list(leads.values()), cache, corpus_map, LEAD_ENCODER, LEAD_BATCH)
        vectors[list(leads)] = encode_cached(list(leads.values()), cache, LEAD_ENCODER)
    return vectors
