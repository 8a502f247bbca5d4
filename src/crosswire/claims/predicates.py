"""Predicates: what a proposition says its subject did or is, for telling two claims about one party apart.

Sentence embeddings, and the claim-identity model reading them, carry who a sentence is about far more than what it
says of them: "the player never bet on sports", "the player is considered a victim of fraud" and "the player had
been lied to by the interpreter" score as one claim, while each can be confirmed or denied on its own. What tells
them apart is the predicate: the main verb (or, after a copula, what the subject is said to be) and the words it
governs directly (its object, complement and prepositional objects, and what a relative clause on one of those says
it did), "bet sports", "considered victim fraud", "lied interpreter".

Two propositions whose predicates share no word say different things of their subject: they are different claims
however close their embeddings (:func:`different_deeds`). Words are compared as stems of their lemmas, nominalised
forms folded onto their verbs ("involvement in betting" shares "bet" with "never bet"), and light verbs ("have",
"make", "be") carry no deed of their own. A proposition whose predicate cannot be read (no verb, a fragment) is
never told apart this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs that say nothing of the deed by themselves: what they govern does.
LIGHT_VERBS = frozenset(
    {
        "be",
        "have",
        "do",
        "make",
        "take",
        "get",
        "give",
        "say",
        "tell",
        "become",
        "seem",
        "appear",
        "go",
        "come",
        "put",
        "keep",
        "let",
        "want",
        "need",
        "try",
        "continue",
        "begin",
        "start",
        "remain",
        "know",
        "think",
        "believe",
    }
)
# Words that frame a proposition rather than state one ("make it clear that ...", "it is certain that ...").
FRAME_WORDS = frozenset({"clear", "sure", "certain", "obvious", "evident", "plain", "true", "fact"})
# Dependents of the predicate's head that belong to the deed: object, complement, open clause, particle, agent.
_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "dative", "prt", "obj", "ccomp"})
_OBJECTS = frozenset({"pobj", "pcomp"})
_CONTENT = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "NUM"})
# Endings that make a noun of a verb or mark its inflection: "involvement", "betting", "transfers".
_SUFFIXES = ("ments", "ment", "ings", "ing", "ions", "ion", "ers", "er", "ed", "es", "s")
_STEM = 5


def stem(word: str) -> str:
    """A lemma cut to the stem its verb and noun forms share ("betting" and "bet", "involvement" and "involve")."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word.rstrip("e")[:_STEM]


@dataclass(frozen=True)
class Predicate:
    """The stems of a proposition's predicate words; empty when no predicate could be read."""

    words: frozenset[str]


def _word(token: Token) -> str | None:
    if token.pos_ not in _CONTENT or (token.is_stop and token.pos_ != "VERB"):
        return None
    lemma = (token.lemma_ or token.text).lower()
    if (token.pos_ in {"VERB", "AUX"} and lemma in LIGHT_VERBS) or lemma in FRAME_WORDS:
        return None
    return stem(lemma)


def _happens(verb: Token) -> bool:
    """ "took place", "happened", "occurred": a verb that says only that its subject came about."""
    lemma = verb.lemma_.lower()
    return lemma in {"happen", "occur"} or (
        lemma == "take" and any(child.dep_ == "dobj" and child.lower_ == "place" for child in verb.children)
    )


def _governed(head: Token, depth: int = 3) -> list[Token]:
    """``head`` and the words of the deed it governs: complements, and the objects of its prepositions."""
    found = [head]
    if depth == 0:
        return found
    # A light verb ("want to make it clear that ...", "had zero involvement") hands the deed on to what it governs.
    below = depth if _word(head) is None else depth - 1
    for child in head.children:
        if child.dep_ in {"prep", "agent"}:
            for grand in child.children:
                if grand.dep_ in _OBJECTS:
                    found.extend(_governed(grand, below))
        elif (
            child.dep_ in _COMPLEMENTS
            or (child.dep_ == "conj" and head.pos_ == "VERB")
            or (child.dep_ == "advcl" and any(mark.lower_ == "that" for mark in child.children))
        ):
            # "never bet on sports or sent money": coordinated deeds are one predicate; "clear that I never bet".
            found.extend(_governed(child, below))
        elif child.dep_ == "relcl" and head.dep_ in _OBJECTS and head.pos_ in {"NOUN", "PROPN"}:
            # "was discovered by a resident who found it in his backyard": what the object of the deed did is part
            # of the deed.
            found.extend(_governed(child, below))
        elif child.dep_ in {"compound", "appos"} or (child.dep_ == "amod" and head.pos_ in {"NOUN", "PROPN"}):
            # "the Turkish capital Ankara": a name in apposition is part of the noun.
            found.append(child)
        elif child.dep_ == "nsubj" and head.dep_ == "ROOT" and _happens(head):
            # "talks had taken place in Ankara": what took place is the deed.
            found.extend(_governed(child, below))
    return found


def predicate_of(doc: Doc) -> Predicate:
    """The predicate of a parsed proposition: its root's deed words (see the module)."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    if not roots or roots[0].pos_ not in {"VERB", "AUX"}:
        # A fragment ("Lukra bridge", "the victim of theft"): no predicate to read.
        return Predicate(frozenset())
    words = {word for token in _governed(roots[0]) if (word := _word(token)) is not None}
    return Predicate(frozenset(words))


def different_deeds(left: Predicate, right: Predicate) -> bool:
    """Whether two propositions say different things of their subject: both predicates read, no word shared."""
    return bool(left.words and right.words and not left.words & right.words)


class PredicateReader:
    """Predicates of proposition texts, each text parsed once; texts given together are parsed in one batch."""

    def __init__(self) -> None:
        self._predicates: dict[str, Predicate] = {}

    def read(self, texts: Sequence[str]) -> None:
        todo = list(dict.fromkeys(text for text in texts if text not in self._predicates))
        if not todo:
            return
        nlp = load_pipeline()
        unused = [name for name in ("ner",) if name in nlp.pipe_names]
        for text, doc in zip(todo, nlp.pipe(todo, disable=unused), strict=True):
            self._predicates[text] = predicate_of(doc)

    def of(self, text: str) -> Predicate:
        if text not in self._predicates:
            self.read([text])
        return self._predicates[text]
