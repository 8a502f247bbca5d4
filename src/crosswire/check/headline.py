"""The stance of a one-line text -- a headline, a tweet, a teaser -- towards a claim.

The stance networks (:mod:`crosswire.check.model`) learned from FNC-1's article bodies, where a body's
stance lives in many sentences: its hedges, its quoted denials, how much of it is about the claim. A headline has
one sentence and says its stance in a word or two ("Robert Plant *denies* ...", "... is a *hoax*", "Banksy
*reportedly* arrested", "Was this ISIS fighter really killed by his own bomb*?*"), and the networks, never shown
such a text, read almost every one as *discusses*. So a text of one short sentence is read by the cues that
Ferreira & Vlachos (2016) found to carry a headline's stance in the Emergent data:

1. **Related at all?** The networks' similarity scalars decide: a headline sharing no content word with the claim
   and far from it in embedding space is *unrelated*.
2. **Refutes** when only one side is a denial -- a refuting word ("fake", "hoax", "false", "denies", "debunked",
   "baseless", ...), a refuting phrase ("not true", "cast doubt"), or a negation ("did not", "isn't"): the headline
   denies the claim, or the claim is itself a denial ("No, Robert Plant didn't ...") the headline does not share.
   When both sides deny, they agree (*supports*: "... is fake" against "No, ... didn't"). A negated refutation
   ("never denied", "is not fake") is no denial.
3. **Discusses** when it hedges: a reporting cue ("reportedly", "allegedly", "claims", "rumour", "sources say",
   "report:"), a modal ("may", "could"), or a question.
4. **Supports** otherwise: the headline states the claim as fact.

The score is the share of the claim's content words the headline carries, scaled into the range of each decision
(a reading of cues, not a calibrated probability).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.check.features import content_stems, split_sentences, vocabulary, words
from crosswire.check.model import Stance

# A text of one sentence of at most this many words is read as a headline.
MAX_HEADLINE_WORDS = 40
MAX_HEADLINE_CHARS = 600
# Below both of these (embedding cosine of claim and text, share of the claim's content stems in the text) a
# headline is unrelated to the claim.
UNRELATED_SIMILARITY = 0.3
UNRELATED_COVERAGE = 0.15

_REFUTING = vocabulary(
    """
    fake fakes faked hoax hoaxes false falsely untrue deny denies denied denying denial debunk debunked debunks
    debunking myth myths bogus baseless unfounded fabricated fabrication prank pranked satire satirical spoof parody
    photoshopped doctored refute refutes refuted rejects rejected dismisses dismissed nonsense lie lies lying nope
    misleading disproved disputes disputed retracts retracted rubbish bullshit incorrect fiction fictional
    doubt doubts doubted doubtful rebuff rebuffs rebuffed
    """
)
_STRONG_PHRASES = re.compile(
    r"\b(?:not true|no evidence|no truth|not real|never happened|didn'?t happen|cast(?:s|ing)? doubts?|"
    r"questions? whether|made up|not what it seems)\b",
    re.IGNORECASE,
)
_HEDGING = vocabulary(
    """
    reportedly allegedly alleged alleges purportedly supposedly apparently claims claimed claiming claim rumor
    rumors rumored rumour rumours rumoured speculation speculated unconfirmed unverified may might could possibly
    possible perhaps maybe likely suspected suspect believed thought appears seems seemingly report reports
    reported according whether if
    """
)
_HEDGING_PHRASES = re.compile(
    r"\b(?:sources?\s+(?:say|said|says|claim|tell|told)|(?:is|are|was|were)\s+said\s+to|"
    r"(?:is|are|was|were)\s+believed\s+to|(?:is|are|was|were)\s+thought\s+to|"
    r"(?:report|reports|claims?)\s*:|according\s+to|says?\s+(?:a\s+)?(?:report|source|witness))\b",
    re.IGNORECASE,
)
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor"})
# How many words before a refuting word a negation turns it round ("did not deny", "never really denied").
NEGATION_REACH = 3


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


def _scaled(low: float, high: float, share: float) -> float:
    return round(low + (high - low) * max(0.0, min(1.0, share)), 4)


def read_headline(claim: str, text: str, similarity: float) -> HeadlineReading:
    """The stance of the one-line ``text`` towards ``claim``; ``similarity`` is their embedding cosine."""
    claim_tokens, text_tokens = words(claim), words(text)
    claim_stems = set(content_stems(claim))
    coverage = len(claim_stems & set(content_stems(text))) / len(claim_stems) if claim_stems else 0.0
    if similarity < UNRELATED_SIMILARITY and coverage < UNRELATED_COVERAGE:
        return HeadlineReading("unrelated", _scaled(0.6, 0.95, 1.0 - max(similarity, 0.0)), None)
    claim_words = set(claim_tokens)
    text_denial, claim_denial = _denial(text, text_tokens), _denial(claim, claim_tokens)
    if bool(text_denial) != bool(claim_denial):
        # One side denies, the other does not: "... is a hoax" against the claim, or "No, X didn't ..." as the claim.
        cue = text_denial or claim_denial
        strong = cue is not None and cue.lower() in _REFUTING
        return HeadlineReading("refutes", _scaled(0.6, 0.9, coverage) if strong else _scaled(0.5, 0.75, coverage), cue)
    if text_denial and claim_denial:
        # Both deny the same thing ("... is fake" / "No, ... didn't"): a hedge here is the rumour being denied.
        return HeadlineReading("supports", _scaled(0.5, 0.8, coverage), text_denial)
    hedging = [t for t in text_tokens if t in _HEDGING and t not in claim_words]
    hedge_phrase = _HEDGING_PHRASES.search(text)
    if hedging or hedge_phrase or ("?" in text and "?" not in claim):
        cue = hedging[0] if hedging else hedge_phrase.group(0) if hedge_phrase else "?"
        return HeadlineReading("discusses", _scaled(0.55, 0.85, coverage), cue)
    return HeadlineReading("supports", _scaled(0.5, 0.85, coverage), None)


def _is_negation(token: str) -> bool:
    return token in _NEGATIONS or token.endswith("n't")


def _denial(text: str, tokens: list[str]) -> str | None:
    """What makes ``text`` a denial: a refuting word, a refuting phrase or a negation; None when it has none. A
    negated refutation ("never denied", "is not fake") is no denial, and its negation is spent on it."""
    spent: set[int] = set()
    for i, token in enumerate(tokens):
        if token not in _REFUTING:
            continue
        negations = [j for j in range(max(0, i - NEGATION_REACH), i) if _is_negation(tokens[j])]
        if not negations:
            return token
        spent.update(negations)
    phrase = _STRONG_PHRASES.search(text)
    if phrase is not None:
        return phrase.group(0)
    return next((t for i, t in enumerate(tokens) if _is_negation(t) and i not in spent), None)


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
