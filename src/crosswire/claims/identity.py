"""Claim identity: whether two sentences of one story put forward the same claim.

Sentence embeddings mostly carry a story's topic, so two distinct claims of one story ("the interpreter stole the
money" / "the player never bet on sports") look alike while two wordings of one claim can fall below any fixed
cosine. The identity model reads a pair with the story around it:

- the embedding cosine, and the cosine once the story's centroid is taken out of both vectors (what is left is
  what the sentence says beyond the topic everyone shares);
- the overlap of content words weighted by how rare they are *within the story* (IDF over the story's sentences),
  as a share of the union and of the shorter side;
- shared names (capitalised words inside the sentence) and shared or differing figures;
- a negation on one side only ("he never bet on sports" is the same claim as "he bet on sports", denied).

It is a logistic regression trained on public pairs (FNC-1 and Emergent headlines grouped by the claim they are
about, read inside pseudo-stories of claims on related topics; ``bench/train_claim_identity.py``), never on the
development stories. Its weights live in ``claims/data/identity_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import numpy as np

from crosswire.claims.stances import negative

IDENTITY_FEATURES = (
    "cosine",
    "centred_cosine",
    "idf_jaccard",
    "idf_containment",
    "shared_names",
    "shared_figure",
    "other_figures",
    "negation_mismatch",
)
IDENTITY_MODEL_FILE = "identity_model.json"

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# Words that carry no claim of their own: function words and reporting verbs.
_STOP_WORDS = """a about above after again against all also am an and any are as at be been before being below
    between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own said same say says she should so some such than that the their theirs
    them then there these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours told tell according reported report reports reportedly news
    statement monday tuesday wednesday thursday friday saturday sunday week year today yesterday mr ms mrs"""
_STOP = frozenset(_STOP_WORDS.split())
# Word stems: "grounded" / "grounding", "bookmaker" / "bookmakers" are one word for overlap.
_STEM = 5


def content_words(text: str) -> set[str]:
    return {
        token.lower()[:_STEM]
        for token in _TOKEN.findall(text)
        if token.lower() not in _STOP and (len(token) >= 3 or token[0].isdigit())
    }


def names(text: str) -> set[str]:
    """Capitalised words that do not open the sentence: the names a sentence mentions."""
    tokens = _TOKEN.findall(text)
    return {
        token.lower()
        for position, token in enumerate(tokens)
        if position and token[0].isupper() and token.lower() not in _STOP and len(token) > 1
    }


def figures(text: str) -> set[str]:
    return {value.replace(",", "").rstrip(".") for value in _FIGURE.findall(text)}


@dataclass(frozen=True)
class StoryContext:
    """What a pair is read against: how rare each word is in the story, and the sum of its embeddings.

    The centroid a pair is centred on leaves the pair itself out, so a story of two sentences is read on their plain
    cosine, and a large story on what each says beyond its topic."""

    idf: dict[str, float]
    total: np.ndarray
    count: int
    # A sentence's words' summed weights (:meth:`words_weight`), by the words' set.
    _sums: dict[int, tuple[frozenset[str], float]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, texts: Sequence[str], vectors: np.ndarray) -> StoryContext:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(content_words(text))
        total = len(texts)
        idf = {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in counts.items()}
        summed = vectors.sum(axis=0) if len(vectors) else np.zeros(0, dtype=np.float32)
        return cls(idf=idf, total=np.asarray(summed, dtype=np.float32), count=len(vectors))

    def centroid_without(self, left: np.ndarray, right: np.ndarray) -> np.ndarray | None:
        """The mean embedding of the story's other sentences; None when the pair is all there is."""
        if self.count <= 2 or self.total.shape != left.shape:
            return None
        return (self.total - left - right) / (self.count - 2)

    @cached_property
    def unseen(self) -> float:
        """The weight of a word no sentence of the story has (the rarest there could be)."""
        return math.log(1 + len(self.idf)) + 1.0

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.unseen)

    def words_weight(self, words: frozenset[str]) -> float:
        """The summed weights of a sentence's words, added up once per story (the same floats in the same order)
        however many of the story's pairs the sentence is in."""
        # By the set itself, not its value: two equal sets may be iterated in another order (another float sum).
        found = self._sums.get(id(words))
        if found is None or found[0] is not words:
            weight, unseen = self.idf.get, self.unseen
            found = self._sums[id(words)] = (words, sum(weight(word, unseen) for word in words))
        return found[1]


@dataclass(frozen=True)
class Sentence:
    """One side of a pair, with what the features read from it computed once."""

    text: str
    vector: np.ndarray
    words: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]
    negative: bool

    @classmethod
    def of(cls, text: str, vector: np.ndarray) -> Sentence:
        return cls(
            text=text,
            vector=vector,
            words=frozenset(content_words(text)),
            names=frozenset(names(text)),
            figures=frozenset(figures(text)),
            negative=negative(text),
        )


def _centred(vector: np.ndarray, centroid: np.ndarray | None) -> np.ndarray:
    if centroid is None:
        return vector
    rest = vector - centroid
    # What ``np.linalg.norm`` computes for a vector (the same float), without its dispatch: twice per candidate pair.
    norm = float(np.sqrt(rest.dot(rest)))
    return rest / norm if norm > 0 else rest


def pair_features(left: Sentence, right: Sentence, story: StoryContext) -> np.ndarray:
    """The feature row of :data:`IDENTITY_FEATURES` for one pair read inside its story."""
    cosine = float(left.vector @ right.vector)
    centroid = story.centroid_without(left.vector, right.vector)
    centred = float(_centred(left.vector, centroid) @ _centred(right.vector, centroid))
    # The story's weights read straight from its table (the same floats as ``story.weight``): this runs for every
    # candidate pair of a story, tens of thousands of times in a large one.
    weight, unseen = story.idf.get, story.unseen
    shared = sum(weight(word, unseen) for word in left.words & right.words)
    union = sum(weight(word, unseen) for word in left.words | right.words)
    smaller = min(story.words_weight(left.words), story.words_weight(right.words))
    name_union = left.names | right.names
    return np.array(
        [
            cosine,
            centred,
            shared / union if union else 0.0,
            shared / smaller if smaller else 0.0,
            len(left.names & right.names) / len(name_union) if name_union else 0.0,
            1.0 if left.figures & right.figures else 0.0,
            1.0 if left.figures and right.figures and not left.figures & right.figures else 0.0,
            1.0 if left.negative != right.negative else 0.0,
        ],
        dtype=np.float32,
    )


@dataclass(frozen=True)
class IdentityModel:
    """A logistic regression over :data:`IDENTITY_FEATURES`, standardised with the training means and scales."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, features: np.ndarray) -> float:
        z = float(((features - self.mean) / self.scale) @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-z))

    def same(self, features: np.ndarray) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(IDENTITY_FEATURES),
            "mean": [float(v) for v in self.mean],
            "scale": [float(v) for v in self.scale],
            "weights": [float(v) for v in self.weights],
            "bias": float(self.bias),
            "threshold": float(self.threshold),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> IdentityModel:
        if data.get("features") != list(IDENTITY_FEATURES):
            raise ValueError("identity model was trained on other features; retrain it")

        def array(key: str) -> np.ndarray:
            values = data[key]
            assert isinstance(values, list)
            return np.array(values, dtype=np.float32)

        bias, threshold = data["bias"], data["threshold"]
        assert isinstance(bias, float) and isinstance(threshold, float)
        return cls(array("mean"), array("scale"), array("weights"), bias, threshold)


@cache
def identity_model() -> IdentityModel:
    """The shipped model (``claims/data/identity_model.json``)."""
    text = resources.files("crosswire.claims").joinpath("data", IDENTITY_MODEL_FILE).read_text(encoding="utf-8")
    return IdentityModel.from_json(json.loads(text))
