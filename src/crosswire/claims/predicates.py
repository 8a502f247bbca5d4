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

The claims stage reads each proposition's predicate off the parse its article already has (:func:`predicate_in`,
:func:`deeds_of`), in the per-article workers, and carries it on the proposition as plain words
(``Proposition.deed``): its stretch of the article, not its text parsed again. A proposition's text may differ from
its stretch (a speaker's name put in for "he", an attribution or a relative clause taken out), but only around the
predicate: the stretch's own words are read, from its root, and a relative clause about a name is read as the
proposition it was made into. A proposition with no predicate read (made by hand) has its text parsed alone
(:class:`PredicateReader`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.claims import parses
from crosswire.nlp.parse import is_parse_of
from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from crosswire.model import Article

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
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# How a noun hangs from the verb or preposition before it as its object or complement.
_OBJECT_OF = frozenset({"dobj", "pobj", "dative", "obj", "attr", "oprd"})
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


def _governed(head: Token, root: Token, inside: Callable[[Token], bool], depth: int = 3) -> list[Token]:
    """``head`` and the words of the deed it governs: complements, and the objects of its prepositions; ``root`` is
    the proposition's root, and only the words ``inside`` the proposition count."""
    found = [head]
    if depth == 0:
        return found
    # A light verb ("want to make it clear that ...", "had zero involvement") hands the deed on to what it governs.
    below = depth if _word(head) is None else depth - 1
    for child in head.children:
        if not inside(child):
            # A word of the sentence outside the proposition: another clause's ("... and Mizuhara stole money").
            continue
        if child.dep_ in {"prep", "agent"}:
            for grand in child.children:
                if grand.dep_ in _OBJECTS and inside(grand):
                    found.extend(_governed(grand, root, inside, below))
        elif (
            child.dep_ in _COMPLEMENTS
            or (child.dep_ == "conj" and head.pos_ == "VERB")
            or (child.dep_ == "advcl" and any(mark.lower_ == "that" for mark in child.children))
        ):
            # "never bet on sports or sent money": coordinated deeds are one predicate; "clear that I never bet".
            found.extend(_governed(child, root, inside, below))
        elif child.dep_ == "relcl" and head.dep_ in _OBJECTS and head.pos_ in {"NOUN", "PROPN"} and not _set_off(child):
            # "was discovered by a resident who found it in his backyard": what the object of the deed did is part
            # of the deed. Not a clause set off by a comma ("talks with Borealis, which is reviewing the offer"):
            # that says something of the noun, and is a proposition of its own.
            found.extend(_governed(child, root, inside, below))
        elif child.dep_ in {"compound", "appos"} or (child.dep_ == "amod" and head.pos_ in {"NOUN", "PROPN"}):
            # "the Turkish capital Ankara": a name in apposition is part of the noun.
            found.append(child)
        elif child.dep_ == "nsubj" and head.i == root.i and _happens(head):
            # "talks had taken place in Ankara": what took place is the deed.
            found.extend(_governed(child, root, inside, below))
    return found


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is set off from its noun by a comma (", which ...", ", who ...")."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _everywhere(token: Token) -> bool:
    return True


def _read(root: Token, inside: Callable[[Token], bool]) -> Predicate:
    if root.pos_ not in {"VERB", "AUX"}:
        # A fragment ("Lukra bridge", "the victim of theft"): no predicate to read.
        return Predicate(frozenset())
    words = {word for token in _governed(root, root, inside) if (word := _word(token)) is not None}
    return Predicate(frozenset(words))


def predicate_of(doc: Doc) -> Predicate:
    """The predicate of a parsed proposition: its root's deed words (see the module)."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    if not roots:
        return Predicate(frozenset())
    return _read(roots[0], _everywhere)


def predicate_in(doc: Doc, start: int, end: int) -> Predicate:
    """The predicate of the proposition at characters ``[start, end)`` of a parsed article, read off the article's
    parse: the words of the stretch that hang from no other word of it are its heads (a quote's verb hangs from the
    "said" around it, a clause's from the sentence it was cut from), the one governing most of the stretch is its
    root, and only the stretch's own words are read. A stretch whose head is a name with its relative clause ("BP,
    which is considering the approach": the proposition "BP is considering the approach") has that clause's verb
    for root; one that opens on the object of a verb or preposition before it is a fragment, with no predicate."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return Predicate(frozenset())
    first, last = span.start, span.end - 1

    def inside(token: Token) -> bool:
        return first <= token.i <= last

    heads = [token for token in span if not token.is_punct and (token.head.i == token.i or not inside(token.head))]
    if not heads:
        return Predicate(frozenset())
    root = max(heads, key=lambda head: (sum(1 for token in head.subtree if inside(token)), -head.i))
    if root.pos_ in _NOMINAL:
        clause = next(
            (child for child in root.children if child.dep_ == "relcl" and inside(child) and _set_off(child)), None
        )
        root = clause if clause is not None else root
    elif _object_before(heads[0], inside):
        # The stretch opens on a noun that is the object of a verb before it ("[called] the pipeline attacks an act
        # of sabotage, while ...", "[demands] answers following allegations that ..."): the tail of a clause whose
        # deed lies outside it, a fragment, as its text parsed alone reads. The verb after the noun is a subordinate
        # one's ("while Russia has blamed the West"), not the proposition's.
        return Predicate(frozenset())
    return _read(root, inside)


def deeds_of(article: Article, spans: Iterable[tuple[int, int]]) -> dict[tuple[int, int], frozenset[str]]:
    """The predicates (:func:`predicate_in`) of the propositions at ``spans`` of ``article``: those a worker sent
    (:mod:`crosswire.claims.parses`), the rest read off the article's parse, and recorded for the driver."""
    wanted = list(dict.fromkeys(spans))
    known = parses.known_deeds(article.id)
    deeds = {span: known[span] for span in wanted if span in known}
    missing = [span for span in wanted if span not in deeds]
    if missing:
        fresh = article._doc is None or not is_parse_of(article._doc, article.text)
        doc = parses.article_doc(article)
        read = {span: predicate_in(doc, *span).words for span in missing}
        parses.record_deeds(read, fresh)
        deeds.update(read)
    return deeds


def _object_before(token: Token, inside: Callable[[Token], bool]) -> bool:
    """Whether ``token`` is a noun governed, as an object, by a word before the stretch it opens, and by nothing
    inside the stretch (a heading run into the sentence may make it the object of a preposition whose verb is the
    stretch's own)."""
    return (
        token.pos_ in _NOMINAL
        and token.dep_ in _OBJECT_OF
        and token.head.i < token.i
        and not any(inside(ancestor) for ancestor in token.ancestors)
    )


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
