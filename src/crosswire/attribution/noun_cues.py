"""Noun cues: "Trump's claim that ...", "the senator's admission that ...", "her hope that ...".

PolNeAR annotates a noun that governs a "that" clause as the cue of an attribution whose content is the clause and
whose source is the noun's possessor ("Trump's claim"), its name modifier ("a Times report") or, when the noun is
the object of a light verb, that verb's subject ("Trump repeated the claim that ..."). Which nouns count is learned
from the training articles (:func:`crosswire.attribution.cues.noun_cues`).

A noun with a possessor reports a stance also through an infinitive ("the union's refusal to sign", "his promise to
resign") or a phrase of what it is about ("the coach's criticism of the referee", "their support for the merger"):
the possessor is the source and the infinitive or the phrase's object the content. Which nouns count, for each of the
two complements, is learned the same way (:func:`crosswire.attribution.cues.possessed_cues`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from crosswire.attribution import cues

# Where a noun cue hangs when its source is the subject of the verb it depends on ("made the claim", "in her hope").
_GOVERNED_DEPS = frozenset({"dobj", "attr", "nsubjpass", "pobj"})


@dataclass(frozen=True)
class NounCue:
    token: Token
    content: tuple[int, int]
    speaker: tuple[int, int]
    # A possessed noun's infinitive or object ("her refusal to sign", "his criticism of the deal"), not a clause.
    possessed: bool = False


def _that_clause(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"acl", "ccomp"} and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
    return None


# Prepositions that open what a possessed noun of stance is about ("criticism of", "support for", "attack on").
OBJECT_PREPS = frozenset({"of", "for", "on", "about", "against", "to", "toward", "towards", "over", "with"})


def possessed_complement(token: Token) -> tuple[str, tuple[int, int]] | None:
    """ "her refusal to testify" -> ("infinitive", the infinitive), "his criticism of the deal" -> ("object", the
    deal): the complement right after a noun that has a possessor, or None."""
    if not any(c.dep_ == "poss" for c in token.children):
        return None
    for child in token.children:
        if child.left_edge.i != token.i + 1:
            continue
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if child.dep_ in {"acl", "xcomp", "relcl"} and infinitive:
            return "infinitive", _span([child])
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            objects = [o for o in child.children if o.dep_ in {"pobj", "pcomp"}]
            if objects:
                return "object", _span(objects)
    return None


def _bound_possessor(token: Token, subject_of: Callable[[Token], tuple[int, int] | None]) -> tuple[int, int]:
    """Who a possessed noun's stance is: its possessor, or for a possessive pronoun the subject of the verb the noun
    hangs from, which the pronoun refers back to ("Cruz stepped up his attacks on Trump": Cruz)."""
    owners = [c for c in token.children if c.dep_ == "poss"]
    if any(o.pos_ != "PRON" for o in owners):
        return _span(owners)
    head = token
    while head.dep_ in _CLIMB_DEPS and head.pos_ not in {"VERB", "AUX"} and head.head is not head:
        head = head.head
    subject = subject_of(head) if head.pos_ in {"VERB", "AUX"} else None
    return subject or _span(owners)


# The links a possessed noun climbs to reach the verb it hangs from ("stepped up [his attacks]", "in [his criticism]").
_CLIMB_DEPS = frozenset({"pobj", "prep", "dobj", "conj", "appos", "compound"})


def _span(tokens: list[Any]) -> tuple[int, int]:
    left = min(t.left_edge.idx for t in tokens)
    right = max(t.right_edge.idx + len(t.right_edge.text) for t in tokens)
    return left, right


def _speaker(token: Token, subject_of: Callable[[Token], tuple[int, int] | None]) -> tuple[int, int] | None:
    owners = [c for c in token.children if c.dep_ == "poss"]
    if owners:
        return _span(owners)
    names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
    if names:
        return _span(names)
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "in her acknowledgment that": the possessor above is handled; climb to the verb
    if token.dep_ in _GOVERNED_DEPS and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in cues.ANSWERING:
            return _span([cues.report_source(token)])  # "denied media reports that ...": the media's, not Shell's
        return subject_of(head)
    return None


def find(doc: Doc, subject_of: Callable[[Token], tuple[int, int] | None]) -> Iterator[NounCue]:
    """Noun cues of a parsed article with their clause content and source span."""
    nouns = cues.noun_cues()
    possessed = cues.possessed_cues()
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        clause = _that_clause(token) if token.lemma_.lower() in nouns else None
        if clause is None:
            complement = possessed_complement(token)
            if complement is not None and token.lemma_.lower() in possessed.get(complement[0], frozenset()):
                bound = _bound_possessor(token, subject_of)
                yield NounCue(token=token, content=complement[1], speaker=bound, possessed=True)
            continue
        speaker = _speaker(token, subject_of)
        if speaker is None:
            continue
        yield NounCue(token=token, content=_span([clause]), speaker=speaker)
