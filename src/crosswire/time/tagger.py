"""A learned boundary tagger for time expressions: which rule candidates are timexes, and where their edges are.

The patterns of :mod:`.rules` and :mod:`.relative` find candidates and know how to normalize them, but whether a
match is a time expression at all ("May" the verb, "a day" in "$5 a day") and exactly which words annotators put
inside it ("the past three years" or "three years") are judgements a pattern makes badly on text it was not written
against. This module learns them from TimeML-annotated news: a maximum-entropy Markov model over word tokens with
B/I/O labels, whose features are the words around each token, their shapes and lexicon classes (month, weekday,
unit, number...) and what the rules say about the token (inside which rule's candidate, at which edge).

Decoding is Viterbi over the per-token label distributions. :func:`refine` then moves a rule candidate's edges to
the tagger's span when that span overlaps no other candidate: the value stays the rule's (normalization is rule
work), the extent is learned. Whether a candidate is a timex at all stays with the rules by default (the tagger's
veto measured worse on held-apart tuning documents).

The weights are trained by ``bench/train_timex_tagger.py`` on the tuning part of TempEval-3 train only, and stored as
plain arrays in ``data/timex_tagger.npz`` (no pickle). Without that file the stage falls back to the rules alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from crosswire.time.lexicon import MODS, MONTHS, ONES, ORDINALS, PARTS_OF_DAY, SEASONS, TENS, UNITS, WEEKDAYS
from crosswire.time.rules import Candidate

LABELS = ("O", "B", "I")
MODEL_FILE = "timex_tagger.npz"

_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")
_RELATIVE = {"last", "next", "this", "past", "coming", "previous", "following", "current", "recent", "earlier"}
_RELATIVE |= {"later", "ago", "early", "late", "mid", "end", "beginning", "start", "middle", "now", "recently"}
_REF = {"today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "lately", "future", "present"}
_PREPOSITIONS = {"in", "on", "at", "since", "by", "until", "before", "after", "from", "during", "for", "over"}
_PREPOSITIONS |= {"through", "to", "within", "between", "of"}


class Token(NamedTuple):
    """One token; a named tuple because an article has thousands and a frozen dataclass is slow to build."""

    start: int
    end: int
    text: str
    space_before: bool


def tokenize(text: str) -> list[Token]:
    """Digits, letters and single punctuation marks: fine enough that every annotated edge falls between tokens."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start = m.start()
        out.append(Token(start, m.end(), m[0], start == 0 or text[start - 1].isspace()))
    return out


def _word_class(word: str) -> str:
    """The lexicon class of one lower-cased word."""
    if word in MONTHS and word != "may":
        return "month"
    if word == "may":
        return "may"
    if word in WEEKDAYS:
        return "weekday"
    if word in SEASONS:
        return "season"
    if word in PARTS_OF_DAY:
        return "pod"
    if word in UNITS or word.rstrip("s") in UNITS:
        return "unit"
    if word in ONES or word in TENS or word in ("hundred", "thousand", "dozen", "a", "an"):
        return "num"
    if word in ORDINALS:
        return "ord"
    if word in _REF:
        return "ref"
    if word in _RELATIVE:
        return "rel"
    if word in MODS:
        return "mod"
    if word in _PREPOSITIONS:
        return "prep"
    if word.isdigit():
        if len(word) == 4 and 1000 <= int(word) <= 2100:
            return "year"
        return f"d{min(len(word), 3)}"
    return "-"


_DIGITS = re.compile(r"\d+")
_LOWER = re.compile(r"[a-z]+")
_UPPER = re.compile(r"[A-Z]+")


def _shape(word: str) -> str:
    shape = _UPPER.sub("X", _LOWER.sub("x", _DIGITS.sub("d", word)))
    return shape[:4]


def rule_tags(tokens: list[Token], candidates: list[Candidate]) -> list[str]:
    """Per token, what the rules say: ``B-TYPE``/``I-TYPE`` inside a candidate, ``O`` elsewhere."""
    tags = ["O"] * len(tokens)
    j = 0
    for i, tok in enumerate(tokens):
        while j < len(candidates) and candidates[j].end <= tok.start:
            j += 1
        if j < len(candidates) and candidates[j].start <= tok.start and tok.end <= candidates[j].end:
            tags[i] = ("B-" if candidates[j].start == tok.start else "I-") + candidates[j].type
    return tags


def features(tokens: list[Token], rtags: list[str], lo: int = 0, hi: int | None = None) -> list[list[str]]:
    """The observation features of tokens ``lo``..``hi`` (default: all), read in the context of the whole text.

    The previous label is added by the model, not here.
    """
    hi = len(tokens) if hi is None else hi
    first, last = max(0, lo - 2), min(len(tokens), hi + 2)
    words = [""] * first + [t.text.lower() for t in tokens[first:last]]
    classes = [""] * first + [_word_class(w) for w in words[first:]]
    n = last

    def at(seq: list[str], i: int) -> str:
        return seq[i] if 0 <= i < n else "<s>"

    out: list[list[str]] = []
    for i in range(lo, hi):
        tok = tokens[i]
        w = words[i]
        rt = rtags[i]
        f = [
            "bias",
            f"w={w}",
            f"shape={_shape(tok.text)}",
            f"cls={classes[i]}",
            f"suf={w[-3:]}",
            f"cap={tok.text[:1].isupper()}",
            f"sp={tok.space_before}",
            f"r={rt}",
            f"r={rt[:1]}",
            f"r-1={at(rtags, i - 1)[:1]}",
            f"r+1={at(rtags, i + 1)[:1]}",
            f"r={rt[:1]}|cls={classes[i]}",
            f"r={rt[:1]}|w={w}",
            f"w-1={at(words, i - 1)}",
            f"w+1={at(words, i + 1)}",
            f"w-2={at(words, i - 2)}",
            f"w+2={at(words, i + 2)}",
            f"cls-1={at(classes, i - 1)}",
            f"cls+1={at(classes, i + 1)}",
            f"cls-1|cls={at(classes, i - 1)}|{classes[i]}",
            f"cls|cls+1={classes[i]}|{at(classes, i + 1)}",
            f"w-1|w={at(words, i - 1)}|{w}",
            f"w|w+1={w}|{at(words, i + 1)}",
            f"r-1|r={at(rtags, i - 1)[:1]}|{rt[:1]}",
        ]
        out.append(f)
    return out


@dataclass
class Model:
    """Weights of the tagger: one row per known feature, one column per label, and a row per previous label."""

    index: dict[str, int]
    weights: np.ndarray  # (features, labels)
    previous: np.ndarray  # (labels, labels): the weight of "previous label p" for label c
    bias: np.ndarray  # (labels,)

    def scores(self, feats: list[list[str]]) -> np.ndarray:
        """Unnormalized observation scores, (tokens, labels)."""
        flat = [name for f in feats for name in f]
        # Each feature's row (-1 when unknown) and its token, in the order the features come: the additions below run
        # in that order, so the sums are the same to the last bit as adding them one at a time.
        rows = np.fromiter(map(self.index.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        owners = np.repeat(np.arange(len(feats)), [len(f) for f in feats])
        known = rows >= 0
        out = np.tile(self.bias, (len(feats), 1))
        if known.any():
            np.add.at(out, owners[known], self.weights[rows[known]])
        return out

    def _local(self, feats: list[list[str]], well_formed: bool = False, obs: np.ndarray | None = None) -> np.ndarray:
        """``local[i, p, c]`` = log P(label c at token i | its observation, previous label p); I never follows O.

        Viterbi forbids O -> I after normalizing (as trained); ``well_formed`` normalizes over the allowed labels,
        so that the forward pass of :meth:`marginals` gives probabilities that sum to one. ``obs``, when given, is
        ``self.scores(feats)`` already computed (:func:`refine` needs both the decoding and the marginals).
        """
        obs = self.scores(feats) if obs is None else obs
        local = obs[:, None, :] + self.previous[None, :, :]
        if well_formed:
            local[:, 0, 2] = -np.inf
        local = local - np.logaddexp.reduce(local, axis=2, keepdims=True)
        local[:, 0, 2] = -np.inf  # O -> I is not a well-formed span
        return local

    def marginals(self, feats: list[list[str]], obs: np.ndarray | None = None) -> np.ndarray:
        """P(label) per token, (tokens, labels): the forward pass of the MEMM, which is all its marginals need.

        The model is locally normalized, so what comes after a token never changes the distribution of its label.
        """
        if not feats:
            return np.zeros((0, len(LABELS)))
        local = np.exp(self._local(feats, well_formed=True, obs=obs))
        out = np.empty((len(feats), len(LABELS)))
        out[0] = local[0, 0]  # the sequence starts as if after an O
        for i in range(1, len(feats)):
            out[i] = out[i - 1] @ local[i]
        return out

    def decode(self, feats: list[list[str]], obs: np.ndarray | None = None) -> list[str]:
        """The best label sequence under the MEMM (Viterbi over locally normalized transitions); I never follows O."""
        n = len(feats)
        if n == 0:
            return []
        k = len(LABELS)
        start = 0  # the sequence starts as if after an O
        local = self._local(feats, obs=obs)
        best = local[0, start].copy()
        back = np.zeros((n, k), dtype=np.int64)
        for i in range(1, n):
            cand = best[:, None] + local[i]
            back[i] = cand.argmax(axis=0)
            best = cand.max(axis=0)
        path = [int(best.argmax())]
        for i in range(n - 1, 0, -1):
            path.append(int(back[i, path[-1]]))
        return [LABELS[j] for j in reversed(path)]

    def save(self, path: str) -> None:
        names = np.array(sorted(self.index, key=self.index.__getitem__))
        np.savez_compressed(
            path, features=names, weights=self.weights.astype(np.float32), previous=self.previous, bias=self.bias
        )

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            names = [str(x) for x in data["features"]]
            return cls(
                {name: i for i, name in enumerate(names)},
                data["weights"].astype(np.float64),
                data["previous"].astype(np.float64),
                data["bias"].astype(np.float64),
            )


@cache
def model() -> Model | None:
    """The trained tagger shipped with the package, or None when it is absent."""
    ref = resources.files("crosswire.time") / "data" / MODEL_FILE
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return Model.load(path)


def spans(labels: list[str], tokens: list[Token]) -> list[tuple[int, int]]:
    """Character spans of the B/I runs."""
    out: list[tuple[int, int]] = []
    start = end = -1
    for label, tok in zip(labels, tokens, strict=True):
        if label == "B" or (label == "I" and start < 0):
            if start >= 0:
                out.append((start, end))
            start, end = tok.start, tok.end
        elif label == "I":
            end = tok.end
        else:
            if start >= 0:
                out.append((start, end))
            start = -1
    if start >= 0:
        out.append((start, end))
    return out


WINDOW = 6  # tokens decoded on each side of a candidate; farther tokens cannot move its edges in practice


def _windows(tokens: list[Token], candidates: list[Candidate]) -> list[tuple[int, int]]:
    """Token ranges around the candidates, merged where they touch: the only stretches :func:`refine` reads.

    Decoding only these keeps the tagger's cost proportional to the time expressions, not to the article.
    """
    starts = [t.start for t in tokens]
    out: list[tuple[int, int]] = []
    for cand in candidates:
        lo = max(0, bisect.bisect_left(starts, cand.start) - WINDOW)
        hi = min(len(tokens), bisect.bisect_left(starts, cand.end) + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def refine(
    text: str,
    candidates: list[Candidate],
    tagger: Model | None = None,
    veto: bool = False,
    edges: bool = True,
    confidence: float | None = None,
) -> list[Candidate]:
    """The rule candidates with the tagger's edges where one tagger span overlaps that candidate alone.

    ``veto=True`` also drops the candidates no tagger span overlaps; ``edges=False`` keeps the rules' edges. Measured
    on a fifth of the tuning part (``bench/train_timex_tagger.py --dev``), the edges pay and the veto does not (nor a
    veto limited to candidates the tagger finds very unlikely): the rules' yes/no is better than the tagger's, so
    the default uses the tagger for edges only.

    An edge moves only where the tagger is sure of it: every token the move adds must be inside a span, and every
    token it drops outside, with a marginal probability of at least ``confidence`` (default :data:`CONFIDENCE`).
    Edges are annotation convention ("the past decade" or "past decade"), and a tagger trained on one corpus and read
    on another moves many edges it is unsure of (``bench/train_timex_tagger.py --cross``).
    """
    tagger = tagger or model()
    if tagger is None or not candidates:
        return candidates
    confidence = CONFIDENCE if confidence is None else confidence
    tokens = tokenize(text)
    rtags = rule_tags(tokens, candidates)
    found: list[tuple[int, int]] = []
    inside = np.ones(len(tokens))  # P(inside a span) per token, where decoded
    for lo, hi in _windows(tokens, candidates):
        feats = features(tokens, rtags, lo, hi)
        obs = tagger.scores(feats)
        found += spans(tagger.decode(feats, obs), tokens[lo:hi])
        if confidence > 0:
            inside[lo:hi] = 1.0 - tagger.marginals(feats, obs)[:, 0]
    starts = [t.start for t in tokens]
    kept: list[Candidate] = []
    for cand in candidates:
        over = [s for s in found if s[0] < cand.end and cand.start < s[1]]
        if not over:
            if not veto:
                kept.append(cand)
            continue
        if len(over) == 1 and edges:
            start, end = over[0]
            others = [c for c in candidates if c is not cand and c.start < end and start < c.end]
            if not others and _sure(tokens, starts, inside, (cand.start, cand.end), (start, end), confidence):
                if start > cand.start and cand.type == "SET" and _QUANTIFIER.match(text, cand.start):
                    start = cand.start  # "every Monday": the quantifier is what makes the weekday a SET
                cand = replace(cand, start=start, end=end)
        kept.append(cand)
    return kept


_QUANTIFIER = re.compile(r"(?:every|each)\s", re.IGNORECASE)

CONFIDENCE = 0.9  # the marginal probability an edge move needs (measured: bench/train_timex_tagger.py --dev, --cross)


def _sure(
    tokens: list[Token],
    starts: list[int],
    inside: np.ndarray,
    old: tuple[int, int],
    new: tuple[int, int],
    confidence: float,
) -> bool:
    """Is every token that moving ``old`` to ``new`` adds (drops) inside (outside) with at least ``confidence``?"""
    if confidence <= 0 or old == new:
        return True
    lo = bisect.bisect_left(starts, min(old[0], new[0]))
    for i in range(lo, len(tokens)):
        tok = tokens[i]
        if tok.start >= max(old[1], new[1]):
            break
        in_old = old[0] <= tok.start and tok.end <= old[1]
        in_new = new[0] <= tok.start and tok.end <= new[1]
        if in_new and not in_old and inside[i] < confidence:
            return False
        if in_old and not in_new and 1.0 - inside[i] < confidence:
            return False
    return True
