"""Cue words: the verbs and phrases that introduce what somebody said, reported, showed or believes.

An attribution has a source, a cue and a content ("Peskov | confirmed | that the talks took place"). This module
only knows words; the attribution stage reads the parse around them. The lexicon is in three tiers, because how
much evidence a word needs before it counts as a cue depends on how often it is one:

- :data:`SPEECH` — verbs of saying. Any clause or quote they govern is content ("said", "told", "warned").
- :data:`BELIEF` — verbs of thinking, wanting and judging that PolNeAR annotates as attributions too ("thinks",
  "hopes", "backs"); they need a clausal or infinitival complement, or (for the judging ones) a direct object.
- :data:`EVIDENCE` — verbs whose subject is a document or data ("flight-tracking data showed"); they count only
  with a clausal complement ("showed that ..."), since "showed" with an object is mostly not attribution.

A learned tier extends the hand lexicon: ``data/cue_lemmas.json`` holds, for verb lemmas seen in PolNeAR's training
articles, how often a token of that lemma that has a subject and a complement is an annotated cue
(``bench/train_cues.py`` writes it). Lemmas above :data:`LEARNED_MIN_RATE` are added to the tier their complement
type says, so the lexicon follows the corpus rather than one person's memory.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

SPEECH = frozenset(
    {
        "say", "tell", "add", "state", "claim", "report", "announce", "write", "note", "explain", "argue", "insist",
        "warn", "confirm", "deny", "acknowledge", "admit", "reply", "respond", "answer", "ask", "suggest", "declare",
        "stress", "emphasize", "emphasise", "assert", "maintain", "contend", "allege", "predict", "promise",
        "pledge", "vow", "threaten", "urge", "complain", "reveal", "disclose", "recall", "recount", "tweet", "post",
        "comment", "mention", "reiterate", "repeat", "concede", "indicate", "signal", "estimate", "conclude",
        "observe", "remark", "testify", "continue", "caution", "inform", "assure", "boast", "joke", "quip",
        "counter", "retort", "brief", "tout", "proclaim", "charge", "speculate",
        "hint", "lament", "concur", "point", "clarify", "elaborate", "underline", "underscore", "highlight",
        "stipulate", "specify", "insinuate", "email", "text", "shout", "yell", "whisper", "mutter", "exclaim",
        "scream", "cry", "demand", "order", "instruct", "advise", "recommend", "propose", "reason", "guess",
        "publish", "cite", "quote", "describe", "call", "dismiss", "reject", "refute", "dispute",
        "decline", "refuse", "agree", "accuse", "blame", "criticize", "criticise", "praise", "condemn",
        "denounce", "slam", "blast", "attack", "defend", "question", "mock", "deride", "decry", "applaud",
        "welcome", "rebuff", "debunk", "contradict",
        "rubbish", "fume",
    }
)  # fmt: skip
BELIEF = frozenset(
    {
        "think", "believe", "hope", "want", "fear", "expect", "worry", "feel", "know", "doubt", "suspect",
        "wish", "plan", "intend", "seek", "endorse", "support", "back", "oppose", "favor", "favour", "prefer",
        "consider", "regard", "view", "assume", "imagine", "suppose", "understand", "realize", "realise",
        "recognize", "recognise", "trust", "anticipate", "foresee", "envision", "insist", "agree", "decide",
        "like", "love", "hate", "reckon", "learn", "determine", "conclude", "find", "see", "vow", "aim",
    }
)  # fmt: skip
EVIDENCE = frozenset({"show", "indicate", "suggest", "reveal", "find", "confirm", "document", "demonstrate"})

# Verbs that take the source's words as a clause, so a bare verb without one is no attribution.
NEEDS_CLAUSE = frozenset({"continue", "point", "reason", "guess", "hint"})
# "X declined to comment": the cue and its infinitive say the source would not speak.
DECLINE_LEMMAS = frozenset({"decline", "refuse"})
# Noun cues that introduce a source as a prepositional phrase ("according to X").
ACCORDING = ("according", "to")
# Verbs with which a reporting source names its own source ("citing an unnamed source", "quoting officials").
CITING = frozenset({"cite", "quote"})
# Verbs whose subject answers a report named as their object ("Shell denied media reports that ...", "the ministry
# confirmed reports that ..."): the report is somebody else's, never the subject's own claim.
ANSWERING = frozenset(
    {"deny", "refute", "dispute", "rebuff", "debunk", "contradict", "reject", "dismiss", "confirm", "question",
     "challenge", "counter", "rubbish"}
)  # fmt: skip


def report_source(noun: Token) -> Token:
    """Whose a report answered by someone else is: its noun modifier ("media reports", "press reports"), else the
    report itself (an unnamed one)."""
    modifiers = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return modifiers[0] if modifiers else noun


# How often a learned lemma must be a gold cue (among its tokens with a subject and complement) to be used.
LEARNED_MIN_RATE = 0.4
# And how many such tokens the training articles must have had, so one lucky sentence does not make a cue.
LEARNED_MIN_COUNT = 4
# The same for nouns that govern a "that" clause ("the claim that ..."), which are rarer in the training articles.
NOUN_MIN_RATE = 0.3
NOUN_MIN_COUNT = 3


@cache
def _learned(section: str) -> dict[str, tuple[float, int]]:
    try:
        raw = resources.files("crosswire.attribution").joinpath("data/cue_lemmas.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    data = json.loads(raw)
    return {lemma: (float(rate), int(count)) for lemma, (rate, count) in data.get(section, {}).items()}


def learned_rates() -> dict[str, tuple[float, int]]:
    """Verb lemma -> (cue rate, tokens seen) from ``data/cue_lemmas.json``; empty when the file is absent."""
    return _learned("lemmas")


def learned_noun_rates() -> dict[str, tuple[float, int]]:
    """Noun lemma governing a "that" clause -> (cue rate, tokens seen) from ``data/cue_lemmas.json``."""
    return _learned("nouns")


@cache
def noun_cues() -> frozenset[str]:
    """Nouns that, governing a "that" clause, are cues often enough in the training articles ("claim", "hope")."""
    return frozenset(
        lemma for lemma, (rate, count) in _learned("nouns").items() if rate >= NOUN_MIN_RATE and count >= NOUN_MIN_COUNT
    )


# The same for nouns with a possessor and an infinitive or a phrase of what they are about ("her refusal to sign",
# "his criticism of the deal"): most such nouns are no statement ("his trip to Paris"), so the bar is higher.
POSSESSED_MIN_RATE = 0.3
POSSESSED_MIN_COUNT = 3


@cache
def possessed_cues() -> dict[str, frozenset[str]]:
    """Complement kind (``infinitive``, ``object``) -> the nouns that, with a possessor and that complement, are cues
    often enough in the training articles ("refusal" to ..., "criticism" of ...)."""
    return {
        kind: frozenset(
            lemma
            for lemma, (rate, count) in _learned(f"possessed_{kind}").items()
            if rate >= POSSESSED_MIN_RATE and count >= POSSESSED_MIN_COUNT
        )
        for kind in ("infinitive", "object")
    }


@cache
def learned_cues() -> frozenset[str]:
    """Learned lemmas frequent and reliable enough to count as cues."""
    return frozenset(
        lemma
        for lemma, (rate, count) in learned_rates().items()
        if rate >= LEARNED_MIN_RATE and count >= LEARNED_MIN_COUNT
    )


def cue_tier(lemma: str) -> str | None:
    """``speech``, ``belief``, ``evidence``, ``learned`` or None: which rule a verb lemma is read with."""
    lemma = lemma.lower()
    if lemma in SPEECH:
        return "speech"
    if lemma in BELIEF:
        return "belief"
    if lemma in EVIDENCE:
        return "evidence"
    if lemma in learned_cues():
        return "learned"
    return None
