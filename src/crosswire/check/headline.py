"""The stance of a one-line text -- a headline, a tweet, a teaser -- towards a claim.

The stance networks (:mod:`crosswire.check.model`) learned from FNC-1's article bodies, where a body's stance lives
in many sentences. A headline has one sentence and says its stance in a word or two ("Robert Plant *denies* ...",
"... is a *hoax*", "Actor *quits* biopic", "Banksy *reportedly* arrested", "Was this fighter really killed by his
own bomb*?*"). So a text of one short sentence is read by its cues, as Ferreira & Vlachos (2016) read the Emergent
headlines:

1. **Related at all?** The networks' similarity scalar and the share of the claim's content words decide: a
   headline sharing no content word with the claim and far from it in embedding space is *unrelated*.
2. Otherwise :func:`headline_features` turns the pair into cue indicators, each the word or phrase that fired it:
   - *against* cues: a refuting word ("fake", "hoax", "denies", "debunked"), a refuting phrase ("not true", "cast
     doubt"), an unspent negation ("did not", "won't"), a withdrawal ("quits", "drops out", "pulls out", "called
     off") when the claim itself withdraws from nothing, and the claim's own denial (a claim "No, X didn't ..."
     turns a plain report of X round); a negated refutation ("never denied", "is not fake") is no denial;
   - *observing* cues -- a report that takes no side: a hedging adverb ("reportedly", "allegedly"), a modal ("may",
     "could"), a question, a reporting frame ("X says", "... : report", "sources", "according to"), talk of plans,
     predictions and rumours ("in talks", "predicts", "rumours");
   - *for* cues: a confirmation ("confirms", "officially", "identified as").
   A cue the claim shares is no stance: a claim "X denied Y" is supported by "X denies Y".
3. A multinomial logistic model (:class:`HeadlineModel`, ``check/data/headline_model.npz``) weighs the cues into
   supports / refutes / discusses. ``bench/train_headline.py`` trains it on real headline pairs (emergent-dev) and
   measures it by cross-validation over claims; its score is the model's probability of the chosen stance.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.check.features import content_stems, split_sentences, vocabulary, words
from crosswire.check.model import RELATED, ModelError, Stance

# A text of one sentence of at most this many words is read as a headline.
MAX_HEADLINE_WORDS = 40
MAX_HEADLINE_CHARS = 600
# Below both of these (embedding cosine of claim and text, share of the claim's content stems in the text) a
# headline is unrelated to the claim.
UNRELATED_SIMILARITY = 0.3
UNRELATED_COVERAGE = 0.15
HEADLINE_FORMAT = "crosswire/headline-model@1"
HEADLINE_MODEL_FILE = "headline_model.npz"

_REFUTING = vocabulary(
    """
    fake fakes faked hoax hoaxes false falsely untrue deny denies denied denying denial debunk debunked debunks
    debunking myth myths bogus baseless unfounded fabricated fabrication prank pranked satire satirical spoof parody
    photoshopped doctored refute refutes refuted rejects rejected dismisses dismissed nonsense lie lies lying nope
    misleading disproved disputes disputed retracts retracted retraction rubbish bullshit incorrect fiction
    fictional doubt doubts doubted doubtful rebuff rebuffs rebuffed slams slammed blasts blasted busted
    """
)
_STRONG_PHRASES = re.compile(
    r"\b(?:not true|no evidence|no truth|not real|never happened|didn'?t happen|cast(?:s|ing)? doubts?|"
    r"questions? whether|made up|not what it seems|shoots? down|shot down)\b",
    re.IGNORECASE,
)
# Leaving, stopping or calling off: against a claim that something will go ahead ("X to star in Y": "X quits Y").
_WITHDRAWAL = vocabulary(
    """
    quit quits quitting exit exits exited exiting bail bails bailed bailing withdraw withdraws withdrew withdrawn
    withdrawing scrap scraps scrapped scrapping cancel cancels canceled cancelled cancelling canceling abandon
    abandons abandoned abandoning resign resigns resigned resigning resignation halt halts halted shelve shelves
    shelved axe axes axed ditch ditches ditched dropped
    """
)
_WITHDRAWAL_PHRASES = re.compile(
    r"\b(?:drop(?:s|ped|ping)? out|pull(?:s|ed|ing)? out|back(?:s|ed|ing)? out|walk(?:s|ed|ing)? away|"
    r"pass(?:es|ed|ing)? on|turn(?:s|ed|ing)? down|call(?:s|ed|ing)? off|step(?:s|ped|ping)? (?:down|aside)|"
    r"rule(?:s|d)? out|no longer|won'?t (?:go ahead|happen))\b",
    re.IGNORECASE,
)
_HEDGE_ADVERBS = vocabulary(
    """
    reportedly allegedly alleged purportedly supposedly apparently seemingly possibly perhaps maybe likely
    unconfirmed unverified suspected rumored rumoured
    """
)
_MODALS = vocabulary("may might could would")
_REPORTING = vocabulary(
    """
    says said say claims claimed claim claiming alleges report reports reported reporting according source sources
    insider insiders witness witnesses suggests suggest appears seems
    """
)
_REPORTING_PHRASES = re.compile(
    r"\b(?:sources?\s+(?:say|said|says|claim|tell|told)|(?:is|are|was|were)\s+(?:said|believed|thought)\s+to|"
    r"according\s+to|says?\s+(?:a\s+)?(?:report|source|witness))\b|[:\-–—]\s*(?:report|reports|source|sources)\s*$",
    re.IGNORECASE,
)
_SPECULATION = vocabulary(
    """
    rumor rumors rumour rumours speculation speculate speculates talks considering considers mulls mulling weighs
    predicts predicted prediction predictions forecast forecasts expects expected estimate estimates pegs eyes
    eyeing possible potential theory theories whether
    """
)
_DENIED_OBJECTS = vocabulary(
    "rumor rumors rumour rumours report reports claim claims speculation theory theories story stories allegation"
)
_CONFIRMING = vocabulary(
    """
    confirms confirmed confirm confirmation official officially identified identifies verified proves proved proven
    announces announced admits admitted acknowledges acknowledged
    """
)
# Who speaks before a headline's colon ("Officials: ...", "Former player: ..."); other words before a colon are a
# section or a topic ("UPDATE: ...", "Libya: ...").
_SPEAKERS = vocabulary(
    """
    official officials police spokesman spokeswoman spokesperson agent agents source sources report reports
    ministry minister government hospital player expert experts analyst analysts witness witnesses lawyer lawyers
    insider insiders study researchers scientists doctors investigators prosecutors president company sheriff
    """
)
_SOURCE_COLON = re.compile(r"^\s*([^:]{2,40}):\s+\S")
# "more than reported", "than previously thought": a contrast with earlier reports, not a hedge.
_THAN_REPORTED = re.compile(r"\bthan\s+(?:\w+\s+){0,3}(?:reported|thought|known|believed|said|claimed)\b", re.I)
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor"})
# How many words before a refuting word a negation turns it round ("did not deny", "never really denied").
NEGATION_REACH = 3

HEADLINE_FEATURES: tuple[str, ...] = (
    "against",  # any against cue: refuting word or phrase, negation, withdrawal
    "refuting_word",  # the strongest of them, a refuting word
    "claim_denial",
    "both_deny",
    "hedge",  # hedging adverb, modal, speculation
    "question",
    "reporting",  # a reporting frame or a speaker before a colon
    "confirming",
    "similarity",
    "coverage",
)
CUES = 8  # the first CUES features are cue indicators, the others scores


@dataclass(frozen=True)
class HeadlineReading:
    stance: Stance
    score: float
    cue: str | None  # the word or phrase that decided it, for the evidence


def is_headline(text: str) -> bool:
    """Whether ``text`` is one short sentence: the kind of text the stance networks never saw."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_HEADLINE_CHARS:
        return False  # a body: decided before splitting it, since every pair of a pairs file asks
    return len(stripped.split()) <= MAX_HEADLINE_WORDS and len(split_sentences(stripped)) <= 1


def _is_negation(token: str) -> bool:
    return token in _NEGATIONS or token.endswith("n't")


def _refuting_word(tokens: list[str]) -> tuple[str | None, set[int]]:
    """The first refuting word no negation turns round, and the negations spent on negated ones."""
    spent: set[int] = set()
    for i, token in enumerate(tokens):
        if token not in _REFUTING:
            continue
        negations = [j for j in range(max(0, i - NEGATION_REACH), i) if _is_negation(tokens[j])]
        if not negations:
            return token, spent
        spent.update(negations)
    return None, spent


def _denial(text: str, tokens: list[str]) -> str | None:
    """What makes ``text`` a denial: a refuting word, a refuting phrase or a negation; None when it has none. A
    negated refutation ("never denied", "is not fake") is no denial, and its negation is spent on it."""
    word, spent = _refuting_word(tokens)
    if word is not None:
        return word
    phrase = _STRONG_PHRASES.search(text)
    if phrase is not None:
        return phrase.group(0)
    return next((t for i, t in enumerate(tokens) if _is_negation(t) and i not in spent), None)


_AUXILIARIES = vocabulary(
    "be been being is are was were have has had do does did will would shall can could may might must really "
    "actually ever yet even"
)


def _negated_stems(tokens: list[str]) -> set[str]:
    """Stems of the words a negation turns round ("did not *resign*", "hasn't really *won*")."""
    found = set()
    for i, token in enumerate(tokens):
        if not _is_negation(token):
            continue
        for following in tokens[i + 1 : i + 4]:
            if following not in _AUXILIARIES:
                stems = content_stems(following)
                found.update(stems)
                break
    return found


def _withdrawal(text: str, tokens: list[str]) -> str | None:
    found = next((t for t in tokens if t in _WITHDRAWAL), None)
    if found is not None:
        return found
    phrase = _WITHDRAWAL_PHRASES.search(text)
    return phrase.group(0) if phrase else None


@dataclass(frozen=True)
class _Reading:
    """What :func:`headline_features` needs from one side of a pair (the claim or the text) on its own; a body
    sentence is read against every claim its body is checked for, so each text is read once (:func:`_read`)."""

    tokens: tuple[str, ...]
    words: frozenset[str]
    stems: frozenset[str]
    refuting: str | None  # the first refuting word no negation turns round
    spent: frozenset[int]  # the negations spent on negated refuting words
    phrase: str | None  # a refuting phrase
    negations: tuple[str, ...]  # the negations not spent
    all_negations: int  # every negation, spent or not
    withdrawal: str | None
    denial: str | None  # see :func:`_denial`
    negated: frozenset[str]  # see :func:`_negated_stems`
    hedges: tuple[tuple[str, ...], ...]  # the words of each hedge lexicon, in order of preference
    reporting_phrase: str | None  # a reporting phrase, "than reported" contrasts left out
    reporting_words: tuple[str, ...]  # reporting words, "than reported" contrasts left out
    speaker: str | None  # a speaker before a colon ("Officials:")
    confirming: tuple[str, ...]


_HEDGE_LEXICONS = (_HEDGE_ADVERBS, _MODALS, _SPECULATION)


@lru_cache(maxsize=1 << 14)
def _read(text: str) -> _Reading:
    tokens = words(text)
    word, spent = _refuting_word(tokens)
    phrase = _STRONG_PHRASES.search(text)
    frame = _THAN_REPORTED.sub(" ", text)
    reporting = _REPORTING_PHRASES.search(frame)
    colon = _SOURCE_COLON.match(text)
    speaker = colon.group(1) if colon is not None and set(words(colon.group(1))) & _SPEAKERS else None
    return _Reading(
        tokens=tuple(tokens),
        words=frozenset(tokens),
        stems=frozenset(content_stems(text)),
        refuting=word,
        spent=frozenset(spent),
        phrase=phrase.group(0) if phrase else None,
        negations=tuple(t for i, t in enumerate(tokens) if _is_negation(t) and i not in spent),
        all_negations=sum(1 for t in tokens if _is_negation(t)),
        withdrawal=_withdrawal(text, tokens),
        denial=_denial(text, tokens),
        negated=frozenset(_negated_stems(tokens)),
        hedges=tuple(tuple(t for t in tokens if t in lexicon) for lexicon in _HEDGE_LEXICONS),
        reporting_phrase=reporting.group(0) if reporting else None,
        reporting_words=tuple(t for t in words(frame) if t in _REPORTING),
        speaker=speaker,
        confirming=tuple(t for t in tokens if t in _CONFIRMING),
    )


def _first_new(found: Sequence[str], claim_words: frozenset[str]) -> str | None:
    return next((t for t in found if t not in claim_words), None)


def headline_features(claim: str, text: str, similarity: float) -> tuple[np.ndarray, dict[str, str]]:
    """The :data:`HEADLINE_FEATURES` row of a (claim, one-line text) pair, and the word that fired each cue."""
    said, read = _read(claim), _read(text)
    claim_words = said.words
    coverage = len(said.stems & read.stems) / len(said.stems) if said.stems else 0.0
    cues: dict[str, str] = {}
    word = read.refuting
    if word is not None and word not in claim_words:
        cues["refuting_word"] = cues["against"] = word
    if read.phrase is not None and said.phrase is None:
        cues.setdefault("against", read.phrase)
    if len(read.negations) > said.all_negations:
        cues.setdefault("against", read.negations[0])
    if read.withdrawal is not None and said.withdrawal is None:
        cues.setdefault("against", read.withdrawal)
    text_denial, claim_denial = read.denial, said.denial
    asserted = said.negated & read.stems
    if asserted and not text_denial:
        # The claim says something did not happen and the text says it did ("X did not resign": "X resigns").
        cues.setdefault("against", sorted(asserted)[0])
    if claim_denial and read.spent and not text_denial:
        # The claim denies and the text turns a denial round ("X denied Y" against "X never denied Y").
        cues.setdefault("against", read.tokens[min(read.spent)])
    if claim_denial and not text_denial:
        cues["claim_denial"] = claim_denial
    if claim_denial and text_denial:
        # Both deny the same thing ("... is fake" against "No, ... didn't"): the text's denial agrees.
        cues.pop("against", None)
        cues.pop("refuting_word", None)
        cues["both_deny"] = text_denial
    hedge = next((h for found in read.hedges if (h := _first_new(found, claim_words)) is not None), None)
    if hedge is not None:
        cues["hedge"] = hedge
    if "?" in text and "?" not in claim:
        cues["question"] = "?"
    if read.reporting_phrase is not None and not _REPORTING_PHRASES.search(claim):
        cues["reporting"] = read.reporting_phrase.strip(" :-–—")
    elif (found := _first_new(read.reporting_words, claim_words)) is not None:
        cues["reporting"] = found
    elif read.speaker is not None:
        cues["reporting"] = read.speaker.strip() + ":"
    confirming = _first_new(read.confirming, claim_words)
    if confirming is not None:
        cues["confirming"] = confirming
    if text_denial and (word is not None or read.phrase is not None):
        # In a denial, a rumour or a report is what is denied ("rumours of X are a hoax"), not a hedge.
        for name in ("hedge", "reporting"):
            if cues.get(name, "").lower() in _DENIED_OBJECTS:
                del cues[name]
    row = [1.0 if name in cues else 0.0 for name in HEADLINE_FEATURES[:CUES]]
    row += [max(0.0, min(1.0, similarity)), coverage]
    return np.asarray(row, dtype=np.float32), cues


# --- the model -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadlineModel:
    """Multinomial logistic regression over :data:`HEADLINE_FEATURES`; classes supports, refutes, discusses."""

    weights: np.ndarray  # (len(HEADLINE_FEATURES), 3)
    bias: np.ndarray  # (3,)
    meta: dict[str, Any]

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        z = rows @ self.weights + self.bias
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)

    def save(self, path: Path) -> None:
        header = {**self.meta, "format": HEADLINE_FORMAT, "features": list(HEADLINE_FEATURES), "classes": list(RELATED)}
        np.savez_compressed(
            path,
            header=np.array(json.dumps(header)),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )


def read_headline_model(path: Path) -> HeadlineModel:
    """Read a model written by :meth:`HeadlineModel.save` (no pickled object)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            if header.get("format") != HEADLINE_FORMAT:
                raise ModelError(f"{path} is not a {HEADLINE_FORMAT} file; retrain it with bench/train_headline.py")
            if tuple(header.get("features", ())) != HEADLINE_FEATURES:
                raise ModelError(f"{path} was trained on other headline features; retrain it")
            return HeadlineModel(
                weights=np.asarray(data["weights"], dtype=np.float32),
                bias=np.asarray(data["bias"], dtype=np.float32),
                meta=header,
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot read the headline model {path} ({exc}); reinstall Crosswire") from None


@cache
def load_headline_model() -> HeadlineModel:
    """The headline model shipped with Crosswire, read once per process."""
    with resources.as_file(resources.files("crosswire.check") / "data" / HEADLINE_MODEL_FILE) as path:
        return read_headline_model(path)


def _scaled(low: float, high: float, share: float) -> float:
    return round(low + (high - low) * max(0.0, min(1.0, share)), 4)


def read_headline(claim: str, text: str, similarity: float, model: HeadlineModel | None = None) -> HeadlineReading:
    """The stance of the one-line ``text`` towards ``claim``; ``similarity`` is their embedding cosine."""
    row, cues = headline_features(claim, text, similarity)
    coverage = float(row[HEADLINE_FEATURES.index("coverage")])
    if similarity < UNRELATED_SIMILARITY and coverage < UNRELATED_COVERAGE:
        return HeadlineReading("unrelated", _scaled(0.6, 0.95, 1.0 - max(similarity, 0.0)), None)
    model = model or load_headline_model()
    probabilities = model.probabilities(row[None, :])[0]
    choice = int(probabilities.argmax())
    # The cue that pushed hardest towards the chosen stance (relative to the others) is the evidence.
    contributions = model.weights[:, choice] - model.weights.mean(axis=1)
    fired = [(float(contributions[i]), cues[name]) for i, name in enumerate(HEADLINE_FEATURES) if name in cues]
    cue = max(fired)[1] if fired and max(fired)[0] > 0 else None
    return HeadlineReading(RELATED[choice], round(float(probabilities[choice]), 4), cue)


def headline_readings(pairs: Sequence[tuple[str, str]], similarities: Sequence[float]) -> list[HeadlineReading | None]:
    """Per ``(claim, text)`` pair, the reading of :func:`read_headline` when the text is a headline, else None."""
    return [
        read_headline(claim, text, sim) if is_headline(text) else None
        for (claim, text), sim in zip(pairs, similarities, strict=True)
    ]


def override_headlines(
    pairs: Sequence[tuple[str, str]], similarities: Sequence[float], decided: Sequence[tuple[Stance, float]]
) -> list[tuple[Stance, float]]:
    """The networks' decisions, with each pair whose text is a headline read by :func:`read_headline` instead."""
    return [
        (reading.stance, reading.score) if reading is not None else d
        for reading, d in zip(headline_readings(pairs, similarities), decided, strict=True)
    ]
