"""The parse around a cue, shared by the attribution rules and the learned steps: who is the subject, how the cue
reads (negated, modal, finite), and the candidate statement they build before it has an id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from crosswire.attribution.quotes import Quote
from crosswire.attribution.sources import RELATIVE_PRONOUNS
from crosswire.attribution.stance import CueReading
from crosswire.entities.roles import ROLE_HEADS

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass", "expl"})
# Dependency labels under which a verb takes its governor's subject ("said, adding that ..."; "and warned ...").
INHERITS_SUBJECT = frozenset({"advcl", "conj", "xcomp", "pcomp"})
# Verbs that put a question to somebody: as a participle without a subject ("Asked whether ..., X said", "X said
# when asked about ...") the question is put to the governing clause's subject, who answers it.
ASKING = frozenset({"ask", "question", "press", "quiz"})
# The verbs of asking whose question is read as a statement without a speaker ("Asked whether ..."). "Pressed on
# ..." and "quizzed about ..." are left to the other rules: PolNeAR gives such a question no source, so a statement
# of it counts as a wrong speaker there, and its answer is read as an answer all the same.
QUESTION_STATEMENTS = frozenset({"ask", "question"})


# Particles of phrasal verbs ("pushed back on", "brushed off", "shot down", "ruled out"): the parser marks them prt or
# advmod.
PARTICLES = frozenset({"back", "off", "aside", "down", "away", "out"})
# Prepositions after a particle whose object is what the phrasal verb acts on ("pushed back on reports").
AIMED_PREPS = frozenset({"on", "at", "against"})


# Idioms of rebuttal told by a verb and its object, aimed like a phrasal verb ("poured cold water on reports",
# "threw cold water on the claims"): the object's words stand for the particle.
IDIOM_OBJECTS = {"pour": "cold water", "throw": "cold water"}


def _idiom_object(token: Token) -> Token | None:
    """The object that makes an idiom of rebuttal with its verb ("poured cold water"), if any."""
    idiom = IDIOM_OBJECTS.get(token.lemma_.lower())
    for child in token.children:
        if idiom is not None and child.dep_ == "dobj":
            words = " ".join(t.lower_ for t in child.subtree if t.dep_ != "det" and t.i <= child.i)
            if words == idiom:
                return child
    return None


def particle(token: Token) -> str | None:
    """The particle right after a verb ("pushed back", "brushed off"), or the object of an idiom ("poured cold
    water"), if any."""
    idiom = _idiom_object(token)
    if idiom is not None:
        return IDIOM_OBJECTS[token.lemma_.lower()]
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or following.head.i != token.i or following.dep_ not in {"prt", "advmod"}:
        return None
    return following.lower_ if following.lower_ in PARTICLES else None


def aimed_at(token: Token) -> Token | None:
    """What a phrasal verb acts on: its object ("brushed off the allegations") or the object of its preposition
    ("pushed back on reports", "hit back at claims")."""
    objects = [c for c in token.children if c.dep_ == "dobj" and c != _idiom_object(token)]
    if objects:
        return objects[0]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in AIMED_PREPS and prep.i > token.i:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


# Verbs of telling somebody, and the quoted speaker as the one told ("told me", "assured us", "said to me").
TELLING = frozenset({"tell", "assure", "inform", "promise", "say", "write", "warn"})
TOLD_PRONOUNS = frozenset({"me", "us"})


def told_the_speaker(token: Token, tier: str) -> bool:
    """Whether a cue inside a quote reports what a third party told the quoted speaker ('"The minister told me the
    bridge would reopen," the council leader said'): a finite verb of telling whose subject is a noun phrase (not
    the speaker's "I" or "we"), addressed to "me" or "us", with a clause of what was told. The quoted speaker relays
    it (:meth:`crosswire.attribution.finder._Finder.nest`); a third party's words not addressed to the speaker
    ("People say they ...") stay part of the quote, as PolNeAR reads them."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    told = [c for c in token.children if c.dep_ in {"dative", "dobj"} and c.lower_ in TOLD_PRONOUNS]
    told += [
        g for c in token.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to" for g in c.children
        if g.lower_ in TOLD_PRONOUNS
    ]  # fmt: skip
    return (
        tier == "speech"
        and token.lemma_.lower() in TELLING
        and token.tag_ in {"VBD", "VBZ", "VBP"}
        and len(subjects) == 1
        and subjects[0].pos_ in {"NOUN", "PROPN"}
        and bool(told)
        and not any(c.dep_ in {"neg", "aux"} for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def quoted_third_party(token: Token, tier: str, inner_start: int) -> bool:
    """Whether a cue opening a quote reports what a named third party said ('"The minister said the hospital would
    stay open, and two months later it closed," said Karl Weiss'): a finite past verb of saying whose subject is the
    quote's first words, a name or a definite role ("the minister", "the coach"; not "people", "they" or "I"), with a
    clause of what was said that has its own subject. The quoted speaker relays it, as with "told me"."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if tier != "speech" or token.lemma_.lower() not in TELLING or token.tag_ != "VBD" or len(subjects) != 1:
        return False
    subject = subjects[0]
    clauses = [c for c in token.children if c.dep_ == "ccomp" and c.left_edge.tag_ not in {"WP", "WDT", "WRB"}]
    if subject.left_edge.idx != inner_start or not any(
        g.dep_ in {"nsubj", "nsubjpass"} for clause in clauses for g in clause.children
    ):
        return False  # "The pope said what we all know": a free relative, no clause of its own
    if any(c.dep_ in {"neg", "aux"} for c in token.children):
        return False
    named = subject.pos_ == "PROPN"
    role = subject.lower_ in ROLE_HEADS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return named or role


def question_put(token: Token, lemmas: frozenset[str] = ASKING) -> bool:
    """Whether ``token`` is a participle of asking (one of ``lemmas``) with no subject of its own, modifying the
    clause of the one asked ("Asked whether the heaters caused the fires, the spokeswoman said ...", "..., the club
    said when pressed on")."""
    return (
        token.lemma_.lower() in lemmas
        and token.tag_ in {"VBN", "VBD"}  # "Asked" opening a paragraph is tagged as a past tense
        and token.dep_ == "advcl"
        and not any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS for c in token.children)
    )


@dataclass
class Candidate:
    """A statement before it has an id: spans into the article's text and how it was found."""

    cue_start: int | None
    cue_end: int | None
    cue_lemma: str
    content_start: int
    content_end: int
    content: str
    speaker: tuple[int, int] | None
    direct: bool
    reading: CueReading
    kind: str  # direct | indirect | according | continuation | nested
    via: list[int] = field(default_factory=list)  # indexes of candidates it was relayed through, outermost first
    quotes: list[Quote] = field(default_factory=list)
    cue_token: int | None = None
    stance_text: str = ""
    # Whether the cue verb is finite and plain ("told", "says"), as opposed to "to comment", "would question".
    finite: bool = True
    # Whether the content's end is the complement's own (a possessed noun's object): the learned end chooser, fitted
    # on clauses, leaves it alone.
    fixed_end: bool = False
    # Read inside a quote: a third party's words the quoted speaker reports ('"The minister told me ...," X said').
    in_quote: bool = False


def span_of(tokens: list[Any]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def relative_antecedent(pronoun: Token) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun subject stands for: "Dan Olsen, who said ..." -> "Dan Olsen", "sources who
    tell him ..." -> "sources", through an apposition to the name it describes ("Jane Roe, an adviser to the bank,
    who said"). The statement keeps the pronoun as its speaker's words (PolNeAR marks the source so); what kind of
    source it is comes from this phrase."""
    clause = pronoun.head
    if pronoun.lower_ not in RELATIVE_PRONOUNS or pronoun.dep_ not in SUBJECTS or clause.dep_ != "relcl":
        return None
    head = clause.head
    while head.dep_ == "appos" and head.head.i != head.i and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return head.left_edge.idx, head.idx + len(head.text)


def subject_of(verb: Token, depth: int = 0) -> tuple[int, int] | None:
    """The speaker span of a cue verb: its subject, the agent of a passive, or its governor's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        spans = [subtree_span(s) for s in subjects]
        return min(s for s, _ in spans), max(e for _, e in spans)
    if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return subtree_span(objects[0])
        return None  # "It was reported that ...": an implicit source
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        head = verb.head
        finite = verb.tag_ in {"VBD", "VBZ"} or any(c.dep_ == "ccomp" for c in verb.children)
        if finite and head.dep_ == "ROOT" and head.i < verb.i:
            # "The landlord of the Red Lion in Stowey, Gareth Pugh, posted on Facebook that ...", the sentence's verb
            # (with a clause of its own) read as a clause on its subject: the whole noun phrase before it speaks
            before = [t for t in head.subtree if t.i < verb.i and not t.is_punct]
            return before[0].idx, before[-1].idx + len(before[-1].text)
        return head.left_edge.idx, head.idx + len(head.text)
    hung = phrase_hung_before(verb)
    if hung is not None:
        return hung
    if depth < 3 and verb.dep_ in INHERITS_SUBJECT and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head  # "with X telling ..." has its subject inside; "by saying" climbs to the verb
            if head.pos_ not in {"VERB", "AUX"}:
                return None
        return subject_of(head, depth + 1)
    return None


# What a cue clause closing its sentence may have after the verb: when, where, how, and a citation ("reported on
# Tuesday, citing the ministry").
_CLOSING_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "advcl"})


def closing_relative(verb: Token) -> int | None:
    """ "X and Y have agreed to a ceasefire, Dravonia's state news agency DRA reported on Tuesday, citing ...": a
    finite verb of saying that closes the sentence after a comma and a noun phrase, which the parser read as a
    clause on a noun before it (a relative clause without a relative pronoun, or a participle's clause), the noun
    phrase as part of the clause the verb reports. The noun phrase (and a subject of its own) is the source; the
    index of its first word is returned."""
    if verb.dep_ not in {"relcl", "acl"} or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.head.i > verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1 or any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        return None
    if any(c.dep_ in {"ccomp", "mark"} or c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return None
    if any(c.i > verb.i and c.dep_ not in _CLOSING_DEPS for c in verb.children):
        return None  # "a man yelled “Stay there!”": the verb has a content of its own after it
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and doc[start - 1].text != "," and verb.i - start < _HUNG_PHRASE_WORDS:
        start -= 1
    if start == verb.i or start - 1 <= verb.sent.start or doc[start - 1].text != ",":
        return None
    noun = verb.head
    if noun.i >= start and (noun.head.i >= start or noun.dep_ in SUBJECTS):
        return None  # the phrase is hung on the clause before the comma: not "..., a man yelled “Stay there!”"
    phrase = doc[start : verb.i]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in phrase) or any(
        t.pos_ in {"VERB", "AUX", "CCONJ", "PUNCT", "ADP", "PRON"} and t.text != "-" for t in phrase
    ):
        return None
    return start


# How many words a noun phrase set off before a cue verb may have ("two people familiar with the matter").
_HUNG_PHRASE_WORDS = 8


def phrase_hung_before(verb: Token) -> tuple[int, int] | None:
    """ "... its takeover of Rotterlink, an EU official told Radio North": a finite cue verb without a subject, right
    after a noun phrase set off by a comma, with no conjunction between them. The parser hung the phrase on the noun
    before the comma (as an apposition) and the verb on the clause before it (as a conjunct or a complement), so the
    verb would take that clause's subject; the phrase is its subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i < 2:
        return None
    doc = verb.doc
    if doc[verb.i - 1].pos_ not in {"NOUN", "PROPN", "PRON"} or any(c.dep_ == "cc" for c in verb.children):
        return None
    start = verb.i - 1
    while start > verb.sent.start and doc[start - 1].text != "," and verb.i - start < _HUNG_PHRASE_WORDS:
        start -= 1
    if start <= verb.sent.start or doc[start - 1].text != ",":
        return None
    phrase = doc[start : verb.i]
    if any(
        t.pos_ in {"VERB", "AUX", "CCONJ"} or t.dep_ == "cc" or (t.pos_ == "PUNCT" and t.text != "-") for t in phrase
    ):
        return None
    return phrase.start_char, phrase.end_char


def same_content(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether two content spans share at least half of each: the same attribution, read twice."""
    shared = min(end, other_end) - max(start, other_start)
    return shared > 0 and 2 * shared >= end - start and 2 * shared >= other_end - other_start


def _own_negation(token: Token, negation: Token) -> bool:
    """Whether a "not" the parser hung on a cue negates the cue: not when a quotation mark or a colon stands
    between them ('replied: "Absolutely not."' is the answer's negation, not the reply's)."""
    low, high = sorted((token.i, negation.i))
    return not any(t.is_quote or t.text == ":" for t in token.doc[low + 1 : high])


def reading(token: Token, tier: str) -> CueReading:
    negated = any(c.dep_ == "neg" and _own_negation(token, c) for c in token.children)
    modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    complement = next((c.lemma_.lower() for c in token.children if c.dep_ == "xcomp"), None)
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and c != _idiom_object(token)]
    if not objects:
        for conj in token.children:
            if conj.dep_ == "conj":
                objects = [c for c in conj.children if c.dep_ == "dobj"]
    object_noun = objects[0].lemma_.lower() if objects else None
    phrasal = particle(token)
    if phrasal is not None and object_noun is None:
        aimed = aimed_at(token)
        object_noun = aimed.lemma_.lower() if aimed is not None else None
    return CueReading(
        lemma=token.lemma_.lower(),
        negated=negated,
        modal=modal,
        complement=complement,
        object_noun=object_noun,
        tier=tier,
        answering=any(question_put(c) for c in token.children),
        particle=phrasal,
    )


def is_finite(token: Token, reading: CueReading) -> bool:
    """A plainly asserted verb: finite, without negation or a modal ("told", not "to comment" or "would say")."""
    return token.tag_ in {"VBD", "VBZ", "VBP"} and not reading.negated and reading.modal is None


def stance_window(text: str, token: Token) -> str:
    """The cue with its auxiliaries, negation and infinitive or object ("could neither confirm nor deny the report")."""
    start, end = token.idx, token.idx + len(token.text)
    if token.dep_ == "conj" and token.head.i < token.i:
        # "neither confirms nor denies": the second verb reads with the first and its "neither"
        head = token.head
        start = min([head.idx] + [c.idx for c in head.children if c.dep_ in {"aux", "neg", "preconj", "advmod"}])
    for child in token.children:
        if child.dep_ in {"aux", "neg", "preconj", "auxpass"}:
            start = min(start, child.idx)
        if child.dep_ in {"xcomp", "dobj", "conj", "cc"} and child.i > token.i:
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return text[start:end]


def crossing(candidates: Sequence[Candidate]) -> set[int]:
    """The readings whose cue lies inside another statement's content and whose own content runs out of that content
    and over its cue ("... to settle claims over the recall, a company spokeswoman told the BBC" read as "claims"
    with the rest of the sentence): what was said runs into who said it, a misreading. Only an indirect reading is
    taken so, against a cue with a speaker: a quote stands on its own words, and an "according to" phrase's content
    comes before it ("X said Y, according to Z" is read right enough)."""
    return {
        index
        for index, inner in enumerate(candidates)
        if inner.cue_start is not None
        and inner.kind == "indirect"
        and not inner.direct
        and any(
            outer is not inner
            and outer.kind in {"direct", "indirect"}
            and outer.speaker is not None
            and outer.cue_start is not None
            and outer.content_start <= inner.cue_start < outer.content_end
            and inner.content_start < outer.cue_start < inner.content_end
            and inner.content_end > outer.content_end
            for outer in candidates
        )
    }


def cue_candidate(
    text: str,
    token: Token,
    content: tuple[int, int],
    speaker: tuple[int, int] | None,
    reading: CueReading,
    verbatim: bool,
    **extra: Any,
) -> Candidate:
    """An indirect statement of the cue verb ``token`` with this content and speaker (``extra``: more fields)."""
    start, end = content
    return Candidate(
        *(token.idx, token.idx + len(token.text)), reading.lemma, start, end, text[start:end], speaker, verbatim,
        reading, "indirect", cue_token=token.i, stance_text=stance_window(text, token), **extra,
    )  # fmt: skip
