"""Features for the stance of an article body towards a claim.

Everything here is computed from two cheap views built once per distinct text:

- a :class:`BodyView` per article body: its sentences (a regex splitter, no parser), one normalised sentence
  embedding per sentence, the body's word stems, its TF-IDF vector, and per-sentence counts of cue words and the
  stance class Crosswire's attribution layer gives a sentence's cue;
- a :class:`ClaimView` per claim: its embedding, stems, bigrams and TF-IDF vector, and the embeddings of the claim put
  in a refuting, a supporting and a hedging frame (:data:`CLAIM_TEMPLATES`: "It is not true that <claim>: ...").

:func:`pair_features` then combines one claim and one body into

- **scalars** (:data:`SCALAR_NAMES`): embedding similarity between the claim and the body's sentences (max, top-k
  mean, mean, first sentence, where the best sentence sits), TF-IDF cosine and word/bigram overlap as in the UCL
  FNC-1 baseline, refutation / hedging / support / negation cues in the sentences most similar to the claim, in the
  lead and across the body, the attribution layer's deny / confirm / decline classes near the claim, and how close
  those sentences come to topic-free prototype sentences of each stance (:data:`PROTOTYPES`), the alignment of cues
  with the sentences that match the claim, and how much closer those sentences come to the claim in each stance
  frame than to the bare claim (:func:`template_features`);
- **vectors** (:data:`VECTOR_BLOCKS`): the claim's embedding, the mean embedding of the most similar sentences, and
  their element-wise product, measured by ``bench/train_stance.py`` and not read by the shipped networks (fed to
  them raw, they learn the story, not the stance); and ``[u * v, |u - v|]`` of the claim ``u`` and its
  best-matching sentence ``v``, which the model's sentence-pair head condenses into three stance probabilities.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from crosswire.attribution.stance import CueReading, classify

# Long bodies: later sentences rarely carry the stance, and each one costs an embedding.
MAX_SENTENCES = 48
MAX_SENTENCE_CHARS = 400
TOP_K = 3

# --- sentences and words ---------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt",
        "inc", "ltd", "co", "corp", "no", "vs", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "etc",
    }
)  # fmt: skip
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``: line breaks always end one; ``.``, ``!`` or ``?`` before a capital ends one unless
    the word before the stop is a known abbreviation or a single letter ("U.S.", "J. Smith")."""
    sentences: list[str] = []
    for line in _LINE_BREAK.split(text):
        line = line.strip()
        if not line:
            continue
        start = 0
        for match in _BOUNDARY.finditer(line):
            before = line[start : match.start()].split()
            last = before[-1] if before else ""
            if last.endswith("."):
                word = last.rstrip(".").lstrip("\"“‘'([").lower()
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            piece = line[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        tail = line[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def vocabulary(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


_STOP_WORDS = vocabulary(
    """
    a about above after again against all am an and any are as at be because been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself now of off on once only
    or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves also said says say
    """
)


def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to match "denies" with "denied" and "reports" with "report"."""
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    return word


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes kept inside words."""
    return _WORD.findall(text.lower().replace("’", "'"))


def content_stems(text: str) -> list[str]:
    """Stems of the words that are not stop words."""
    return [stem(w) for w in words(text) if w not in _STOP_WORDS]


# --- cue words ---------------------------------------------------------------------------------------------------

CUE_GROUPS: dict[str, frozenset[str]] = {
    "refute": vocabulary(
        """
        fake fraud hoax false deny denies denied denial lie lies lied not despite nope doubt doubts bogus debunk
        debunked debunks prank pranks retract retracted untrue fabricated fabrication satire satirical rumor rumors
        rumour rumours myth baseless unfounded misleading photoshopped doctored refute refuted refutes dismissed
        dismisses rejected rejects incorrect wrong spoof parody contrary never nonsense disputed disputes
        """
    ),
    "hedge": vocabulary(
        """
        reportedly allegedly alleged apparently purportedly supposedly claim claims claimed unconfirmed unverified
        rumored rumoured speculation may might could possibly possible suggests suggested believed appears seems
        according report reports reported if whether unclear uncertain
        """
    ),
    "support": vocabulary(
        """
        confirm confirmed confirms confirmation officially announced announces revealed indeed verified true proved
        proven evidence statement acknowledged admitted admits official fact actually
        """
    ),
    "negation": vocabulary(
        """
        not no never nothing none nobody neither nor without
        """
    ),
}
CUE_NAMES = tuple(CUE_GROUPS)


def cue_counts(tokens: Sequence[str]) -> list[int]:
    """Per cue group, how many of ``tokens`` belong to it (``n't`` counts as a negation)."""
    counts = [sum(1 for t in tokens if t in CUE_GROUPS[name]) for name in CUE_NAMES]
    counts[CUE_NAMES.index("negation")] += sum(1 for t in tokens if t.endswith("n't"))
    return counts


# --- the attribution layer's stance class, read from a cue verb found without parsing ---------------------------

_CUE_VERB = re.compile(
    r"\b(?P<neg>(?:not|never|n't|n’t)\s+(?:\w+\s+)?)?"
    r"(?P<verb>deni(?:ed|es|al)|deny(?:ing)?|confirm(?:ed|s|ing)?|acknowledg\w*|admit\w*|refut\w*|disput\w*|"
    r"debunk\w*|reject\w*|dismiss\w*|declin\w*|refus\w*|said|says|say|told|tells|stated|states|added|claim\w*|"
    r"report\w*|insist\w*|explain\w*|wrote|writes|according)\b",
    re.IGNORECASE,
)
_LEMMAS = (
    ("den", "deny"), ("confirm", "confirm"), ("acknowledg", "acknowledge"), ("admit", "admit"),
    ("refut", "refute"), ("disput", "dispute"), ("debunk", "debunk"), ("reject", "reject"),
    ("dismiss", "dismiss"), ("declin", "decline"), ("refus", "refuse"), ("sa", "say"), ("told", "tell"),
    ("tell", "tell"), ("stat", "state"), ("add", "add"), ("claim", "claim"), ("report", "report"),
    ("insist", "insist"), ("explain", "explain"), ("wr", "write"), ("according", "according"),
)  # fmt: skip
_REPORT_OBJECT = re.compile(
    r"^\s+(?:the|these|those|such|all|any)?\s*(?:\w+\s+)?(report|claim|allegation|story|rumou?r|suggestion|"
    r"speculation|accusation|news|notion|idea|article)s?\b",
    re.IGNORECASE,
)
_COMPLEMENT = re.compile(r"^\s+to\s+(\w+)", re.IGNORECASE)
ATTRIBUTION_CLASSES = ("deny", "confirm", "decline")


def attribution_class(sentence: str) -> str | None:
    """The stance class :func:`crosswire.attribution.stance.classify` gives the first cue verb of ``sentence`` (deny,
    confirm, decline, neither, assert or other), read with regular expressions instead of a parse; None when the
    sentence has no cue verb."""
    match = _CUE_VERB.search(sentence)
    if match is None:
        return None
    verb = match.group("verb").lower()
    lemma = next((lemma for prefix, lemma in _LEMMAS if verb.startswith(prefix)), verb)
    rest = sentence[match.end() :]
    obj = _REPORT_OBJECT.match(rest)
    complement = _COMPLEMENT.match(rest)
    reading = CueReading(
        lemma=lemma,
        negated=match.group("neg") is not None,
        complement=complement.group(1).lower() if complement else None,
        object_noun=obj.group(1).lower().rstrip("s") if obj else None,
    )
    return classify(reading, rest, match.group(0))


# --- TF-IDF --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies of stems, learned from the training bodies and claims."""

    weights: Mapping[str, float]
    default: float

    def vector(self, stems: Sequence[str]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector (log-scaled term frequency) of a bag of stems."""
        counts = Counter(stems)
        vec = {s: (1.0 + math.log(c)) * self.weights.get(s, self.default) for s, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {s: v / norm for s, v in vec.items()} if norm else {}


def fit_idf(documents: Sequence[Sequence[str]], *, min_df: int = 2, max_terms: int = 30_000) -> Idf:
    """Smoothed IDF over ``documents`` (each a list of stems), keeping the ``max_terms`` most frequent stems."""
    df: Counter[str] = Counter()
    for doc in documents:
        df.update(set(doc))
    n = len(documents)
    kept = [s for s, c in df.most_common(max_terms) if c >= min_df]
    weights = {s: math.log((1 + n) / (1 + df[s])) + 1.0 for s in kept}
    return Idf(weights=weights, default=math.log((1 + n) / 2) + 1.0)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(s, 0.0) for s, v in a.items())


# --- prototype sentences: what a stance sounds like, whatever the topic --------------------------------------------

PROTOTYPES: dict[str, tuple[str, ...]] = {
    "refute": (
        "The report is false.",
        "This story is a hoax and has been debunked.",
        "The claim turned out to be fake.",
        "He denied the reports.",
        "There is no truth to the rumour.",
        "The picture was doctored and the story is not true.",
    ),
    "support": (
        "Officials confirmed the news on Monday.",
        "The company announced the deal in a statement.",
        "Police said the man was arrested and charged.",
        "It is now official.",
    ),
    "hedge": (
        "According to unconfirmed reports, it may have happened.",
        "The claim could not be independently verified.",
        "It is unclear whether the report is true.",
        "The website claims that the story is real.",
    ),
}
PROTOTYPE_NAMES = tuple(PROTOTYPES)


@dataclass(frozen=True)
class Prototypes:
    """The encoded :data:`PROTOTYPES` and the group of each row."""

    vectors: np.ndarray  # (m, 384)
    groups: np.ndarray  # (m,) index into PROTOTYPE_NAMES

    @classmethod
    def texts(cls) -> list[str]:
        return [text for group in PROTOTYPES.values() for text in group]

    @classmethod
    def from_vectors(cls, vectors: np.ndarray) -> Prototypes:
        groups = [i for i, group in enumerate(PROTOTYPES.values()) for _ in group]
        return cls(vectors=vectors, groups=np.asarray(groups))

    def scores(self, sentence_vectors: np.ndarray) -> np.ndarray:
        """(n, len(PROTOTYPE_NAMES)): each sentence's best cosine with each group's prototypes."""
        sims = sentence_vectors @ self.vectors.T
        return np.stack([sims[:, self.groups == g].max(axis=1) for g in range(len(PROTOTYPE_NAMES))], axis=1).astype(
            np.float32
        )


# --- views -------------------------------------------------------------------------------------------------------


@dataclass
class BodyView:
    """What the features need from one article body, computed once however many claims it is checked against."""

    sentences: list[str]
    vectors: np.ndarray  # (n, 384), normalised; n >= 1
    stems: set[str]
    lead_stems: set[str]  # stems of the first sentences
    bigrams: set[tuple[str, str]]
    tfidf: dict[str, float]
    sentence_tfidf: list[dict[str, float]]
    cues: np.ndarray  # (n, len(CUE_NAMES)) counts per sentence
    attribution: np.ndarray  # (n, len(ATTRIBUTION_CLASSES)) 0/1 per sentence
    prototypes: np.ndarray  # (n, len(PROTOTYPES)) best similarity of each sentence to each prototype group
    length: int = 0  # words in the body

    # What every claim checked against this body reads the same way, computed on first use.
    @cached_property
    def centroid(self) -> tuple[np.ndarray, float]:
        """The mean sentence vector and its norm (1 when 0)."""
        centroid = self.vectors.mean(axis=0)
        return centroid, float(np.linalg.norm(centroid)) or 1.0

    @cached_property
    def lead_and_body(self) -> tuple[list[float], list[float], list[float], list[float]]:
        """Cue counts (log) of the first three sentences, the share of sentences with each cue group and with each
        attribution class, and each prototype group's best similarity over the body."""
        return (
            [float(v) for v in np.log1p(self.cues[:3].sum(axis=0))],
            [float(v) for v in (self.cues > 0).mean(axis=0)],
            [float(v) for v in self.attribution.mean(axis=0)],
            [float(v) for v in self.prototypes.max(axis=0)],
        )

    @cached_property
    def stem_index(self) -> dict[str, list[tuple[int, float]]]:
        """Stem -> (sentence, TF-IDF weight) for every sentence holding it: a claim's cosine with each sentence
        reads the claim's stems only."""
        index: dict[str, list[tuple[int, float]]] = {}
        for i, vector in enumerate(self.sentence_tfidf):
            for term, weight in vector.items():
                index.setdefault(term, []).append((i, weight))
        return index

    def sentence_cosines(self, claim_tfidf: Mapping[str, float]) -> list[float]:
        """The TF-IDF cosine of ``claim_tfidf`` with each sentence."""
        cosines = [0.0] * len(self.sentences)
        for term, value in claim_tfidf.items():
            for i, weight in self.stem_index.get(term, ()):
                cosines[i] += value * weight
        return cosines


@dataclass
class ClaimView:
    text: str
    vector: np.ndarray  # (384,), normalised
    stems: list[str]
    bigrams: set[tuple[str, str]]
    tfidf: dict[str, float]
    cues: list[int] = field(default_factory=list)
    # (len(CLAIM_TEMPLATES), 384): the claim put in each stance frame (see :func:`claim_templates`); None: not encoded
    templates: np.ndarray | None = None


def body_sentences(text: str) -> list[str]:
    """The sentences of a body that get an embedding: at most :data:`MAX_SENTENCES`, each cut to
    :data:`MAX_SENTENCE_CHARS`; a body without any text gives one empty sentence so every body has a row."""
    sentences = [s[:MAX_SENTENCE_CHARS] for s in split_sentences(text)[:MAX_SENTENCES]]
    return sentences or [""]


def _bigrams(stems: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(stems))


def build_body(text: str, sentences: list[str], vectors: np.ndarray, idf: Idf, prototypes: Prototypes) -> BodyView:
    """The view of a body whose :func:`body_sentences` were encoded into ``vectors``."""
    all_stems = content_stems(text)
    per_sentence = [content_stems(s) for s in sentences]
    lead = [s for stems in per_sentence[:3] for s in stems]
    cues = np.asarray([cue_counts(words(s)) for s in sentences], dtype=np.float32).reshape(len(sentences), -1)
    attribution = np.zeros((len(sentences), len(ATTRIBUTION_CLASSES)), dtype=np.float32)
    for i, sentence in enumerate(sentences):
        found = attribution_class(sentence)
        if found in ATTRIBUTION_CLASSES:
            attribution[i, ATTRIBUTION_CLASSES.index(found)] = 1.0
    return BodyView(
        sentences=sentences,
        vectors=vectors,
        stems=set(all_stems),
        lead_stems=set(lead),
        bigrams=_bigrams(all_stems),
        tfidf=idf.vector(all_stems),
        sentence_tfidf=[idf.vector(stems) for stems in per_sentence],
        cues=cues,
        attribution=attribution,
        prototypes=prototypes.scores(vectors),
        length=len(words(text)),
    )


def build_claim(text: str, vector: np.ndarray, idf: Idf, templates: np.ndarray | None = None) -> ClaimView:
    """The view of a claim encoded into ``vector``; ``templates`` are the encoded :func:`claim_templates`."""
    stems = content_stems(text)
    return ClaimView(
        text=text,
        vector=vector,
        stems=stems,
        bigrams=_bigrams(stems),
        tfidf=idf.vector(stems),
        cues=cue_counts(words(text)),
        templates=templates,
    )


# --- the claim in stance frames: "It is not true that <claim>" -------------------------------------------------

# Each frame puts the claim itself into a sentence that takes one stance on it. A body sentence that is closer to
# the refuting frame than to the bare claim speaks of this claim *and* of its falsity, whatever the topic: the
# topic-free prototypes above cannot tell a denial of this claim from a denial of something else in the body.
CLAIM_TEMPLATES: dict[str, str] = {
    "refute": "It is not true that {claim}: the report is false, a hoax.",
    "support": "It has been officially confirmed that {claim}.",
    "hedge": "It is unconfirmed whether {claim}, according to reports.",
}
TEMPLATE_NAMES = tuple(CLAIM_TEMPLATES)


def claim_templates(claim: str) -> list[str]:
    """The claim in each frame of :data:`CLAIM_TEMPLATES`, its end punctuation dropped."""
    core = claim.strip().rstrip(".!?;:") or claim
    return [frame.format(claim=core) for frame in CLAIM_TEMPLATES.values()]


def template_features(claim: ClaimView, body: BodyView, sims: np.ndarray, top: np.ndarray) -> list[float]:
    """Per frame, how much closer the best of the top sentences (and of the whole body) comes to the claim in that
    frame than to the bare claim; and, in the top sentences, refuting frame against supporting frame."""
    if claim.templates is None:
        return [0.0] * (2 * len(TEMPLATE_NAMES) + 1)
    framed = body.vectors @ claim.templates.T  # (n, frames)
    delta = framed - sims[:, None]
    values = [float(delta[top, g].max()) for g in range(len(TEMPLATE_NAMES))]
    values += [float(delta[:, g].max()) for g in range(len(TEMPLATE_NAMES))]
    refute, support = TEMPLATE_NAMES.index("refute"), TEMPLATE_NAMES.index("support")
    values.append(float((framed[top, refute] - framed[top, support]).max()))
    return values


# --- claim-sentence alignment ------------------------------------------------------------------------------------

# Per sentence: the cue groups, the attribution classes and the headline reading's cues (read on the sentence as if
# it were a headline about the claim), each weighted by the sentence's similarity to the claim; the feature is the
# best weighted sentence. "How close to the claim does a denial come?"
ALIGN_NAMES: tuple[str, ...] = (
    *CUE_NAMES,
    *ATTRIBUTION_CLASSES,
    # the headline reading's hedge is named apart from the hedge cue group above: every column name is unique
    "against", "read_hedge", "question", "reporting", "confirming", "claim_denial", "both_deny",
)  # fmt: skip
ALIGN_READ = 4  # the headline cues are read on this many best-matching sentences
_READ_CUES = ("against", "hedge", "question", "reporting", "confirming", "claim_denial", "both_deny")
_NEGATED_REACH = 3


@lru_cache(maxsize=1 << 14)
def sentence_negated_stems(sentence: str) -> frozenset[str]:
    """:func:`negated_stems` of a sentence's words, read once per sentence whatever the number of claims."""
    return frozenset(negated_stems(words(sentence)))


def negated_stems(tokens: Sequence[str]) -> set[str]:
    """Stems of the content words at most :data:`_NEGATED_REACH` words after a negation ("did not *resign*")."""
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if token in CUE_GROUPS["negation"] or token.endswith("n't"):
            found.update(stem(w) for w in tokens[i + 1 : i + 1 + _NEGATED_REACH] if w not in _STOP_WORDS)
    return found


def alignment(claim: ClaimView, body: BodyView, sims: np.ndarray, order: np.ndarray) -> tuple[list[float], int]:
    """The ``align_*`` scalars of a pair, and the index of the sentence that decides its stance: the best-matching
    sentence that carries a stance cue (a denial, a hedge, a confirmation), else the best-matching one."""
    from crosswire.check.headline import headline_features

    weight = np.clip(sims, 0.0, 1.0)
    cue_hits = (body.cues > 0).astype(np.float32)
    columns = [cue_hits[:, i] for i in range(len(CUE_NAMES))]
    columns += [body.attribution[:, i] for i in range(len(ATTRIBUTION_CLASSES))]
    read = np.zeros((len(sims), len(_READ_CUES)), dtype=np.float32)
    for i in order[:ALIGN_READ]:
        _, cues = headline_features(claim.text, body.sentences[int(i)], float(sims[int(i)]))
        read[int(i)] = [1.0 if name in cues else 0.0 for name in _READ_CUES]
    columns += [read[:, i] for i in range(len(_READ_CUES))]
    values = [float((weight * column).max()) for column in columns]
    best = int(order[0])
    claim_negated = claim.cues[CUE_NAMES.index("negation")] > 0
    mismatch = float(claim_negated != (body.cues[best, CUE_NAMES.index("negation")] > 0))
    claim_stems = set(claim.stems)
    negated = [len(sentence_negated_stems(body.sentences[int(i)]) & claim_stems) for i in order[:TOP_K]]
    negated_share = max(negated) / len(claim_stems) if claim_stems else 0.0
    stance_rows = cue_hits[:, [CUE_NAMES.index("refute"), CUE_NAMES.index("hedge"), CUE_NAMES.index("support")]]
    stance_rows = np.concatenate([stance_rows, body.attribution, read[:, :1]], axis=1).max(axis=1)
    candidates = [int(i) for i in order[:ALIGN_READ] if stance_rows[int(i)] > 0 and sims[int(i)] >= 0.5 * sims[best]]
    decided = candidates[0] if candidates else best
    position = decided / max(1, len(sims) - 1) if len(sims) > 1 else 0.0
    return [*values, mismatch, negated_share, float(sims[decided]), position], decided


# --- pair features -------------------------------------------------------------------------------------------------

SCALAR_NAMES: tuple[str, ...] = (
    "emb_max", "emb_top_mean", "emb_mean", "emb_first", "emb_std", "emb_argmax_position", "emb_share_above_05",
    "emb_body_centroid", "tfidf_body", "tfidf_best_sentence", "tfidf_max_sentence", "overlap_jaccard",
    "claim_coverage", "claim_coverage_lead", "bigram_coverage", "log_body_words", "log_sentences",
    *(f"top_{name}" for name in CUE_NAMES),
    *(f"lead_{name}" for name in CUE_NAMES),
    *(f"body_{name}" for name in CUE_NAMES),
    *(f"claim_{name}" for name in CUE_NAMES),
    "claim_question",
    *(f"top_attribution_{name}" for name in ATTRIBUTION_CLASSES),
    *(f"body_attribution_{name}" for name in ATTRIBUTION_CLASSES),
    *(f"top_prototype_{name}" for name in PROTOTYPE_NAMES),
    *(f"body_prototype_{name}" for name in PROTOTYPE_NAMES),
    *(f"align_{name}" for name in ALIGN_NAMES),
    "align_negation_mismatch", "align_negated_claim", "align_decided_similarity", "align_decided_position",
    *(f"frame_top_{name}" for name in TEMPLATE_NAMES),
    *(f"frame_body_{name}" for name in TEMPLATE_NAMES),
    "frame_top_refute_over_support",
)  # fmt: skip
# Groups of scalars, for measuring what each kind of feature adds.
SCALAR_GROUPS: dict[str, tuple[str, ...]] = {
    "embedding": tuple(n for n in SCALAR_NAMES if n.startswith("emb_")),
    "words": (
        "tfidf_body", "tfidf_best_sentence", "tfidf_max_sentence", "overlap_jaccard", "claim_coverage",
        "claim_coverage_lead", "bigram_coverage", "log_body_words", "log_sentences",
    ),
    "cues": (
        *(f"{where}_{name}" for where in ("top", "lead", "body", "claim") for name in CUE_NAMES),
        "claim_question",
    ),
    "attribution": tuple(n for n in SCALAR_NAMES if "attribution" in n),
    "prototypes": tuple(n for n in SCALAR_NAMES if "prototype" in n),
    "alignment": tuple(n for n in SCALAR_NAMES if n.startswith("align_")),
    "frames": tuple(n for n in SCALAR_NAMES if n.startswith("frame_")),
}  # fmt: skip
# "best_product" and "best_difference" ([u * v, |u - v|] of the claim u and its best-matching sentence v) feed the
# learned sentence-pair head of :mod:`crosswire.check.model`.
VECTOR_BLOCKS: tuple[str, ...] = ("claim", "top", "product", "best_product", "best_difference")


def pair_features(claim: ClaimView, body: BodyView) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scalars (:data:`SCALAR_NAMES`), vectors (:data:`VECTOR_BLOCKS` concatenated) and the indices of the body's
    sentences most similar to the claim, best first, with the sentence that decides the stance (see
    :func:`alignment`) moved to the front."""
    sims = body.vectors @ claim.vector
    order = np.argsort(-sims, kind="stable")
    top = order[:TOP_K]
    n = len(sims)
    centroid, centroid_norm = body.centroid
    sentence_cos = body.sentence_cosines(claim.tfidf)
    claim_stems = set(claim.stems)
    union = claim_stems | body.stems
    top_cues = np.log1p(body.cues[top].sum(axis=0))
    lead_cues, body_cues, body_attribution, body_prototypes = body.lead_and_body
    top_attribution = body.attribution[top].max(axis=0)
    scalars = [
        float(sims[order[0]]),
        float(sims[top].mean()),
        float(sims.mean()),
        float(sims[0]),
        float(sims.std()),
        float(order[0]) / max(1, n - 1) if n > 1 else 0.0,
        float((sims > 0.5).mean()),
        float(centroid @ claim.vector) / centroid_norm,
        _cosine(claim.tfidf, body.tfidf),
        sentence_cos[int(order[0])],
        max(sentence_cos),
        len(claim_stems & body.stems) / len(union) if union else 0.0,
        len(claim_stems & body.stems) / len(claim_stems) if claim_stems else 0.0,
        len(claim_stems & body.lead_stems) / len(claim_stems) if claim_stems else 0.0,
        len(claim.bigrams & body.bigrams) / len(claim.bigrams) if claim.bigrams else 0.0,
        math.log1p(body.length),
        math.log1p(n),
        *(float(v) for v in top_cues),
        *lead_cues,
        *body_cues,  # share of sentences with each kind of cue
        *(float(min(v, 3)) for v in claim.cues),
        1.0 if "?" in claim.text else 0.0,
        *(float(v) for v in top_attribution),
        *body_attribution,
        *(float(v) for v in body.prototypes[top].max(axis=0)),
        *body_prototypes,
    ]
    aligned, decided = alignment(claim, body, sims, order)
    scalars += aligned
    scalars += template_features(claim, body, sims, top)
    best_vector = body.vectors[int(order[0])]
    order = np.concatenate([[decided], order[order != decided]])
    top_vector = body.vectors[top].mean(axis=0)
    top_vector = top_vector / (float(np.linalg.norm(top_vector)) or 1.0)
    vectors = np.concatenate(
        [
            claim.vector,
            top_vector,
            claim.vector * top_vector * 10.0,
            claim.vector * best_vector,
            np.abs(claim.vector - best_vector),
        ]
    )
    return np.asarray(scalars, dtype=np.float32), vectors.astype(np.float32), order
