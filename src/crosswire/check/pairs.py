"""``check``: the stance of articles towards a claim -- supports, refutes, discusses or unrelated.

The library behind ``crosswire check``; it never prints.

- :func:`check_articles` checks one claim against ingested articles and gives each a stance, a score (the
  probability of that stance) and the evidence sentences (the body's sentences closest to the claim).
- :func:`check_pairs` checks ``(id, claim, text)`` pairs, as read by :func:`read_pairs` from JSON Lines, and
  yields one result per record in input order; a malformed record yields a result carrying its error, so the output
  stays aligned with the input.

Every distinct body is split into sentences and encoded once, and every distinct claim once, whatever the number
of pairs they appear in (:class:`Featurizer` keeps them while a run lasts).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from crosswire.check.features import (
    SCALAR_NAMES,
    TEMPLATE_NAMES,
    BodyView,
    ClaimView,
    Idf,
    Prototypes,
    attribution_class,
    body_sentences,
    build_body,
    build_claim,
    claim_templates,
    content_stems,
    pair_features,
)
from crosswire.check.headline import headline_readings, override_headlines
from crosswire.check.model import STANCES, Stance, StanceModel, load_model
from crosswire.context import Context
from crosswire.errors import CrosswireError
from crosswire.model import Article, InputFailure

if TYPE_CHECKING:
    from crosswire.ingest.fetch import Fetcher

Encoder = Callable[[Sequence[str]], np.ndarray]
# Pairs featurized together: their new bodies and claims go through the encoder in one call.
CHUNK = 2048
# Distinct bodies kept between chunks; pairs of one body usually sit close together in a file.
MAX_CACHED_BODIES = 4096
# The claim's cosine with the body's closest sentence: for a one-line text, their similarity.
SIMILARITY_COLUMN = SCALAR_NAMES.index("emb_max")
EVIDENCE_SENTENCES = 2


def _default_encoder(texts: Sequence[str]) -> np.ndarray:
    from crosswire.nlp.embeddings import encode

    # The stance models were trained on float vectors: the int8 encoder would cost FNC-1 score and refutes F1
    # (docs/scale.md), so check always reads float ones.
    return encode(texts, exact=True)


class Featurizer:
    """Feature rows for (claim, body) pairs, encoding each distinct body and claim once."""

    def __init__(self, idf: Idf, encoder: Encoder | None = None, *, frames: bool = False) -> None:
        """``frames``: also encode each claim in the stance frames of ``claim_templates`` (three more encodings per
        claim) for the ``frame_*`` scalars; without it they are 0."""
        self.idf = idf
        self.encoder = encoder or _default_encoder
        self.frames = frames
        self._bodies: OrderedDict[str, BodyView] = OrderedDict()
        self._claims: OrderedDict[str, ClaimView] = OrderedDict()
        self._prototypes: Prototypes | None = None

    def _prepare(self, claims: Iterable[str], bodies: Iterable[str]) -> None:
        if self._prototypes is None:
            self._prototypes = Prototypes.from_vectors(self.encoder(Prototypes.texts()))
        new_bodies = list(dict.fromkeys(b for b in bodies if b not in self._bodies))
        new_claims = list(dict.fromkeys(c for c in claims if c not in self._claims))
        sentences = [body_sentences(text) for text in new_bodies]
        flat = [s for group in sentences for s in group]
        framed = [t for text in new_claims for t in claim_templates(text)] if self.frames else []
        texts = [*flat, *new_claims, *framed]
        # A sentence repeated across bodies (a byline, a boilerplate line) or a claim that is also a body's sentence
        # is encoded once.
        distinct = list(dict.fromkeys(texts))
        encoded = self.encoder(distinct)
        if len(distinct) < len(texts):
            where = {text: i for i, text in enumerate(distinct)}
            vectors = encoded[[where[text] for text in texts]]
        else:
            vectors = encoded
        row = 0
        for text, group in zip(new_bodies, sentences, strict=True):
            self._bodies[text] = build_body(text, group, vectors[row : row + len(group)], self.idf, self._prototypes)
            row += len(group)
        frames = len(TEMPLATE_NAMES)
        first_frame = row + len(new_claims)
        for i, text in enumerate(new_claims):
            templates = vectors[first_frame + i * frames : first_frame + (i + 1) * frames] if self.frames else None
            self._claims[text] = build_claim(text, vectors[row], self.idf, templates)
            row += 1
        for cache in (self._bodies, self._claims):
            while len(cache) > MAX_CACHED_BODIES:
                cache.popitem(last=False)

    def body(self, text: str) -> BodyView:
        self._prepare((), (text,))
        return self._bodies[text]

    def claim(self, text: str) -> ClaimView:
        self._prepare((text,), ())
        return self._claims[text]

    def features(self, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """Scalar rows, vector rows and the sentence order (most similar first) of each ``(claim, body)`` pair."""
        scalars, vectors, orders = [], [], []
        for first in range(0, len(pairs), CHUNK):
            chunk = pairs[first : first + CHUNK]
            self._prepare((c for c, _ in chunk), (b for _, b in chunk))
            for claim, body in chunk:
                s, v, order = pair_features(self._claims[claim], self._bodies[body])
                scalars.append(s)
                vectors.append(v)
                orders.append(order)
        if not scalars:
            return np.zeros((0, 0), dtype=np.float32), np.zeros((0, 0), dtype=np.float32), []
        return np.stack(scalars), np.stack(vectors), orders


# --- one claim, many articles -------------------------------------------------------------------------------------


def load_articles(
    inputs: Sequence[str],
    *,
    max_bytes: int | None = None,
    stdin: TextIO | None = None,
    fetcher: Fetcher | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> tuple[list[Article], list[InputFailure]]:
    """Ingest ``inputs`` as ``analyze`` does and clean each article (main text, title, metadata); nothing else of
    the pipeline runs. Inputs or articles that fail are returned (and passed to ``on_failure``), never raised."""
    from crosswire.clean import clean_article
    from crosswire.ingest import IngestOptions, iter_inputs

    options = IngestOptions() if max_bytes is None else IngestOptions(max_bytes=max_bytes)
    articles: list[Article] = []
    failures: list[InputFailure] = []

    def fail(failure: InputFailure) -> None:
        failures.append(failure)
        if on_failure:
            on_failure(failure)

    context = Context()
    for item in iter_inputs(inputs, options, stdin=stdin, fetcher=fetcher):
        if isinstance(item, InputFailure):
            fail(item)
            continue
        try:
            clean_article(item, context)
        except CrosswireError as exc:
            fail(InputFailure(source=exc.source or item.source, error=exc.message))
            continue
        if not item.text.strip() and not (item.title or "").strip():
            fail(InputFailure(source=item.source, error="no article text left after cleaning"))
            continue
        articles.append(item)
    return articles, failures


@dataclass(frozen=True)
class Decisive:
    """The sentence that decided an article's stance, located in the article: ``text[start:end]`` of its ``field``
    (``"text"``, or ``"title"`` when the title decided), and the cue word of a headline reading."""

    sentence: str
    field: str
    start: int
    end: int
    cue: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "field": self.field, "start": self.start, "end": self.end, "cue": self.cue}


@dataclass(frozen=True)
class CheckResult:
    article: str  # article id
    source: str
    title: str | None
    stance: Stance
    score: float  # probability of ``stance``, in [0, 1]
    evidence: list[str] = field(default_factory=list)  # the sentences closest to the claim, best first
    probabilities: dict[str, float] = field(default_factory=dict)
    decisive: Decisive | None = None  # the sentence that decided the stance; None when unrelated

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "source": self.source,
            "title": self.title,
            "stance": self.stance,
            "score": round(self.score, 4),
            "evidence": self.evidence,
            "decisive": self.decisive.to_json() if self.decisive else None,
            "probabilities": {k: round(v, 4) for k, v in self.probabilities.items()},
        }


def _article_body(article: Article) -> str:
    """The article's text, with its title as the first line when the text does not already open with it."""
    text = article.text.strip()
    title = (article.title or "").strip()
    if title and not text.startswith(title):
        return f"{title}\n{text}"
    return text


def _sentence_offsets(body: str, sentences: Sequence[str]) -> list[int]:
    """Where each sentence starts in ``body`` (the splitter keeps sentences as substrings, in order); -1 if lost."""
    offsets, cursor = [], 0
    for sentence in sentences:
        at = body.find(sentence, cursor) if sentence else -1
        offsets.append(at)
        if at >= 0:
            cursor = at + len(sentence)
    return offsets


def _locate(article: Article, body: str, sentence: str, at: int, cue: str | None) -> Decisive | None:
    """``sentence``, found at ``at`` in ``body`` (as :func:`_article_body` built it), as a place in the article."""
    if at < 0 or not sentence:
        return None
    text = article.text
    lead = len(text) - len(text.lstrip())  # the body holds the stripped text
    title = (article.title or "").strip()
    if title and not text.strip().startswith(title):  # the body opens with the title line
        if at < len(title):
            start = (article.title or "").find(title) + at
            return Decisive(sentence, "title", start, start + len(sentence), cue)
        at -= len(title) + 1
    return Decisive(sentence, "text", lead + at, lead + at + len(sentence), cue)


# A party answering for itself, now: the present tense of a release or a statement ("Alpenhydro confirms that water
# was released", "The company denies that the floodgates were opened"), not wire copy's "denied".
_ANSWERS_NOW = re.compile(r"\b(?:confirms|denies|rejects|refutes|disputes|acknowledges)\b", re.IGNORECASE)
# The answer must say the claim: its sentence at least this alike to it (a release names the party by a role, "The
# company denies that the floodgates were opened without warning", so it is less alike than a headline restating it).
ANSWER_SIMILARITY = 0.55
# ... and hold at least this share of the claim's content words ("confirms that two paintings were stolen" is no
# answer to "the thieves asked for a ransom for the paintings", however alike the two embed).
ANSWER_WORDS = 0.5
_ANSWER_STANCE: dict[str, Stance] = {"confirm": "supports", "deny": "refutes"}


def first_hand_answer(
    claim: str, claim_vector: np.ndarray, sentences: Sequence[str], vectors: np.ndarray
) -> tuple[Stance, int] | None:
    """The stance a party's own answer in the body gives the claim, and its sentence: of the sentences confirming or
    denying in the present tense (:data:`_ANSWERS_NOW`, a release's or a statement's word), the one most alike to
    the claim, when it says what the claim says (cosine at least :data:`ANSWER_SIMILARITY`, and :data:`ANSWER_WORDS`
    of its content words). None when the body holds no such answer. Wire copy relaying a denial ("Kestria denied
    ...") is not one."""
    claim_words = set(content_stems(claim))
    if not sentences or not claim_words:
        return None
    similarities = vectors @ claim_vector
    found: tuple[float, Stance, int] | None = None
    for i, sentence in enumerate(sentences):
        similarity = float(similarities[i])
        if similarity < ANSWER_SIMILARITY or not _ANSWERS_NOW.search(sentence):
            continue
        if len(claim_words & set(content_stems(sentence))) < ANSWER_WORDS * len(claim_words):
            continue
        stance = _ANSWER_STANCE.get(attribution_class(sentence) or "")
        if stance is not None and (found is None or similarity > found[0]):
            found = (similarity, stance, i)
    return (found[1], found[2]) if found else None


def check_articles(
    claim: str, articles: Sequence[Article], *, model: StanceModel | None = None, encoder: Encoder | None = None
) -> list[CheckResult]:
    """The stance of each article (cleaned, with ``text`` filled) towards ``claim``, in the articles' order."""
    model = model or load_model()
    featurizer = Featurizer(model.idf, encoder, frames=model.uses_frames)
    bodies = [_article_body(a) for a in articles]
    pairs = [(claim, body) for body in bodies]
    scalars, vectors, orders = featurizer.features(pairs)
    if not bodies:
        return []
    probabilities = model.probabilities(scalars, vectors)
    readings = headline_readings(pairs, scalars[:, SIMILARITY_COLUMN].tolist())
    results = []
    for i, (article, (stance, score)) in enumerate(zip(articles, model.decide(probabilities), strict=True)):
        reading = readings[i]
        if reading is not None:
            stance, score = reading.stance, reading.score
        view = featurizer.body(bodies[i])
        sentences = view.sentences
        first = int(orders[i][0]) if len(orders[i]) else 0
        answer = (
            None
            if stance == "unrelated" or reading is not None
            else first_hand_answer(claim, featurizer.claim(claim).vector, sentences, view.vectors)
        )
        if answer is not None:
            # The party's own word on the claim decides: "discusses" is for reporting it without taking a side.
            # Its score: the networks' probability that the article is about the claim at all.
            stance, first = answer
            score = 1.0 - float(probabilities[i][STANCES.index("unrelated")])
        evidence = [] if stance == "unrelated" else [sentences[int(j)] for j in orders[i][:EVIDENCE_SENTENCES]]
        decisive = None
        if stance != "unrelated":
            # The features put the deciding sentence first: the best-matching one that carries a stance cue.
            at = _sentence_offsets(bodies[i], sentences)[first]
            decisive = _locate(article, bodies[i], sentences[first], at, reading.cue if reading else None)
        results.append(
            CheckResult(
                article=article.id,
                source=article.source,
                title=article.title,
                stance=stance,
                score=score,
                evidence=[s for s in evidence if s],
                decisive=decisive,
                probabilities=_headline_probabilities(stance, score)
                if reading is not None or answer is not None
                else dict(zip(STANCES, probabilities[i].tolist(), strict=True)),
            )
        )
    return results


def _headline_probabilities(stance: Stance, score: float) -> dict[str, float]:
    """A headline's reading as probabilities: its score on its stance, the rest shared evenly."""
    rest = (1.0 - score) / (len(STANCES) - 1)
    return {name: score if name == stance else rest for name in STANCES}


# --- pairs --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """One well-formed record of a pairs file."""

    id: str | int
    claim: str
    text: str
    line: int


@dataclass(frozen=True)
class PairError:
    """A record that could not be read; ``id`` is kept when the line had one."""

    id: str | int | None
    line: int
    error: str


@dataclass(frozen=True)
class PairResult:
    id: str | int | None
    stance: Stance
    score: float
    line: int = 0  # the record's line in its file (not written out)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "stance": self.stance, "score": round(self.score, 4)}
        if self.error is not None:
            record["error"] = self.error
        return record


def parse_pair(line: str, number: int) -> Pair | PairError:
    """One JSON Lines record ``{"id", "claim", "text"}``: ``id`` a string or integer, ``claim`` a non-empty string,
    ``text`` a string (other keys are ignored)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return PairError(id=None, line=number, error=f"not valid JSON ({exc})")
    if not isinstance(record, dict):
        return PairError(id=None, line=number, error=f"expected a JSON object, found {type(record).__name__}")
    raw_id = record.get("id")
    pair_id = raw_id if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    if pair_id is None:
        return PairError(id=None, line=number, error='"id" must be a string or an integer')
    claim, text = record.get("claim"), record.get("text")
    if not isinstance(claim, str) or not claim.strip():
        return PairError(id=pair_id, line=number, error='"claim" must be a non-empty string')
    if not isinstance(text, str):
        return PairError(id=pair_id, line=number, error='"text" must be a string')
    return Pair(id=pair_id, claim=claim, text=text, line=number)


def read_pairs(lines: Iterable[str | bytes]) -> Iterator[Pair | PairError]:
    """One record per line, numbered from 1, so results can be zipped with the input lines. Lines given as bytes must
    be UTF-8 (a byte-order mark on the first line is dropped); a blank line is a :class:`PairError`."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield PairError(id=None, line=number, error=f"not UTF-8 text ({exc.reason} at byte {exc.start})")
                continue
        if line.strip():
            yield parse_pair(line, number)
        else:
            yield PairError(id=None, line=number, error="blank line, not a record")


def check_pairs(
    records: Iterable[Pair | PairError],
    *,
    model: StanceModel | None = None,
    encoder: Encoder | None = None,
    chunk: int = CHUNK * 4,
) -> Iterator[PairResult]:
    """One result per record, in order. A :class:`PairError` gives ``unrelated`` with score 0 and its error."""
    model = model or load_model()
    featurizer = Featurizer(model.idf, encoder, frames=model.uses_frames)
    batch: list[Pair | PairError] = []

    def flush() -> Iterator[PairResult]:
        pairs = [r for r in batch if isinstance(r, Pair)]
        texts = [(p.claim, p.text) for p in pairs]
        scalars, vectors, _ = featurizer.features(texts)
        decided = iter(
            override_headlines(
                texts, scalars[:, SIMILARITY_COLUMN].tolist(), model.decide(model.probabilities(scalars, vectors))
            )
            if pairs
            else []
        )
        for record in batch:
            if isinstance(record, PairError):
                yield PairResult(id=record.id, stance="unrelated", score=0.0, line=record.line, error=record.error)
            else:
                stance, score = next(decided)
                yield PairResult(id=record.id, stance=stance, score=score, line=record.line)
        batch.clear()

    for record in records:
        batch.append(record)
        if len(batch) >= chunk:
            yield from flush()
    yield from flush()
