"""Who takes part in an event mention, by role (part of the per-article event stage, :mod:`crosswire.events.mentions`).

Participants come from the trigger's subject, object and passive agent, the possessor and party modifiers of an
event noun, the clause that carries it ("talks held by X", "X held talks"), the "with", "between X and Y" and
"against" phrases of any token of the frame, and a third party that mediates or hosts ("under the mediation of X",
"a truce brokered by Qatar"). Each phrase is narrowed to the entity mentions inside it: a person if it names one,
else organizations, else places and nationalities. A phrase naming none is kept as a span where the corpus stage can
resolve it: a plural description ("both sides"), a personal pronoun, a description by age ("the 24-year-old"), or a
transcript speaker's "I".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from crosswire.entities.coref import AGE_DESCRIPTION, group_reference
from crosswire.events.frame import (
    _COUNTERPART_TYPES,
    Frame,
    _children,
    _Index,
    _mention_label,
    _object,
    _pobjs,
    _preps,
    object_role,
)
from crosswire.events.lexicon import lexicon
from crosswire.model import EventSpan, Mention

PARTY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Dependencies that stay inside a participant's noun phrase ("the heads of the Russian and US agencies").
PHRASE_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "appos", "conj", "cc", "det", "flat", "nummod", "case", "npadvmod"}
)
# A person referred to by a pronoun is kept as a span: the corpus stage resolves it ("police arrested him").
PERSONAL_PRONOUNS = frozenset({"he", "him", "she", "her"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "which"})
# A transcript line's speaker label: words in capitals and a colon ("MINISTER ANNA LUND:").
_SPEAKER_LABEL = re.compile(r"[ \t]*[A-Z][A-Z.'’ -]+:")
# Nouns under which a third party oversees a meeting: "under the mediation of X", "under the auspices of X".
OVERSIGHT_NOUNS = frozenset({"mediation", "auspices", "chairmanship", "sponsorship", "aegis", "stewardship"})


def _phrase(token: Token) -> set[int]:
    """Token indexes of the noun phrase headed by ``token``, without its conjuncts, clauses and other phrases."""
    found = {token.i}
    todo = [c for c in token.children if c.dep_ in PHRASE_DEPS and c.dep_ not in ("conj", "cc")]
    todo += [p for p in _preps(token, "of")]
    if token.lemma_.lower() in lexicon().representatives:
        todo += _preps(token, "from", "for")  # "officials from Transport Canada", "negotiators for the union"
    while todo:
        current = todo.pop()
        if current.i in found:
            continue
        found.add(current.i)
        for child in current.children:
            if child.dep_ in PHRASE_DEPS or child.dep_ == "pobj" or (child.dep_ == "prep" and child.lower_ == "of"):
                todo.append(child)
    return found


def _phrase_mentions(token: Token, index: _Index) -> list[Mention]:
    """The entity mentions a noun phrase names: the head's own mention when it is a party ("Ippei Mizuhara, the
    translator of Shohei Ohtani" is Mizuhara, whatever the tagger labels him), else people first, else
    organizations, else places and peoples ("the heads of the Russian and US agencies")."""
    own = index.mention_of.get(token.i)
    tokens = _phrase(token)
    if own is not None and own.label in PARTY_LABELS:
        return [*_coordinated_before(own, tokens, token.doc, index), own]
    found: list[Mention] = []
    for i in sorted(tokens):
        mention = index.mention_of.get(i)
        if mention is not None and mention not in found:
            found.append(mention)
    for labels in (("PERSON",), ("ORG",), ("GPE", "NORP")):
        chosen = [m for m in found if m.label in labels]
        if chosen:
            return chosen
    return []


def _coordinated_before(own: Mention, tokens: set[int], doc: Doc, index: _Index) -> list[Mention]:
    """Names of the head's kind the parser folded into its phrase across an "and" ("Vattenfall and Siemens Energy",
    "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti" parsed as one phrase): each is a
    party of its own. A modifier of another kind ("Kosovo") only describes."""
    found: list[Mention] = []
    for i in sorted(tokens):
        mention = index.mention_of.get(i)
        if mention is None or mention is own or mention in found or mention.label != own.label:
            continue
        if mention.end > own.start:
            continue
        between = [t for t in doc if mention.end <= t.idx < own.start]
        if any(t.lower_ in ("and", "&") and t.i not in index.mention_of for t in between):
            found.append(mention)
    return found


def _spans_for(token: Token, role: str, index: _Index, text: str, bare: bool = False) -> list[EventSpan]:
    """Spans of the participants a phrase and its conjuncts name; ``bare`` keeps a phrase that names no entity."""
    spans: list[EventSpan] = []
    parts = [p for p in [token, *token.conjuncts] if p.i not in index.dateline]
    named = {p.i: _phrase_mentions(p, index) for p in parts}
    people = any(m.label == "PERSON" for found in named.values() for m in found)
    for part in parts:
        mentions = named[part.i]
        if people and part.pos_ == "NOUN" and mentions and all(m.label == "NORP" for m in mentions):
            # "two Italian aid workers, Marco Ferri and Giulia Conti": the names the parser made conjuncts say who
            # the workers are; their nationality is no party of its own
            continue
        if mentions:
            spans.extend(EventSpan(start=m.start, end=m.end, text=m.text, role=role) for m in mentions)
        elif (found := _group_span(part, role, text)) is not None:
            # "between the two sides", "with both companies": the corpus stage resolves it to the parties named
            spans.append(found)
        elif bare and part.lower_ == "i" and (speaker := _transcript_speaker(part, index)) is not None:
            spans.append(EventSpan(start=speaker.start, end=speaker.end, text=speaker.text, role=role))
        elif bare and part.lower_ in PERSONAL_PRONOUNS and part.pos_ == "PRON":
            spans.append(EventSpan(start=part.idx, end=part.idx + len(part.text), text=part.text, role=role))
        elif bare and part.lower_ not in PRONOUNS and (part.pos_ in ("NOUN", "PROPN") or part.lower_ == "old"):
            # Kept without an entity: the corpus stage ignores it (a description by age, "the 24-year-old", it
            # resolves), but it reads well in the mention itself.
            own = [t for t in _phrase(part) if t not in index.dateline] or [part.i]
            left, right = min(own), max(own)
            doc = part.doc
            start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
            if part.pos_ not in ("NOUN", "PROPN") and not AGE_DESCRIPTION.match(text[start:end]):
                continue
            spans.append(EventSpan(start=start, end=end, text=text[start:end], role=role))
    return spans


def _transcript_speaker(token: Token, index: _Index) -> Mention | None:
    """The person a transcript line's label names, for an "I" in that line ("MINISTER ANNA LUND: I spoke to ...")."""
    text = token.doc.text
    line = text.rfind("\n", 0, token.idx) + 1
    label = _SPEAKER_LABEL.match(text, line)
    if label is None or label.end() > token.idx:
        return None
    people = [index.mention_of.get(t.i) for t in token.doc if line <= t.idx < label.end()]
    found = [m for m in people if m is not None and m.label == "PERSON"]
    return found[0] if found else None


def _group_span(part: Token, role: str, text: str) -> EventSpan | None:
    """A plural description ("the two clubs", "both sides") kept as a span for the corpus stage to resolve."""
    if part.pos_ not in ("NOUN", "PROPN"):
        return None
    tokens = _phrase(part)
    start, end = part.doc[min(tokens)].idx, part.doc[max(tokens)].idx + len(part.doc[max(tokens)].text)
    if group_reference(text[start:end]) is None:
        return None
    return EventSpan(start=start, end=end, text=text[start:end], role=role)


def _subject(verb: Token, depth: int = 0, skip: frozenset[int] = frozenset()) -> Token | None:
    """The subject of a verb, or of the verb it depends on ("arrived ... to meet", "said ... and met"). Tokens in
    ``skip`` (a dateline) are no subject, nor is a phrase a blank line parts from the verb (a live blog's heading
    the parser ran into the entry: the entry's own noun phrase before the verb is)."""
    found = [c for c in _children(verb, "nsubj") if c.i not in skip]
    for dateline in [c for c in _children(verb, "nsubj") if c.i in skip and not found]:
        # "HANOI -- Japan and Vietnam signed": the parser makes the dateline the subject and hangs the real one on it
        found = [c for c in dateline.children if c.dep_ in ("appos", "conj") and c.i not in skip]
    if found:
        subject = found[0]
        if subject.i < verb.i and "\n\n" in verb.doc.text[subject.idx : verb.idx]:
            return _paragraph_subject(verb, skip)
        return subject
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "the minister attending the summit"
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ == "advcl":
        # "Lavrov, currently attending a summit": the parser hangs the participle on the main verb; the name
        # right before the comma is who does it.
        left = verb.left_edge.i
        doc = verb.doc
        if left >= 2 and doc[left - 1].text == "," and doc[left - 2].pos_ == "PROPN":
            return doc[left - 2]
    if depth < 3 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep":  # "by supporting X": the verb above the preposition
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, depth + 1, skip)
    return None


def _paragraph_subject(verb: Token, skip: frozenset[int]) -> Token | None:
    """The noun phrase that opens the verb's paragraph and hangs outside it: the subject the parser lost to a
    heading above ("Live: SCO summit in Astana / 11:20 / The foreign ministers of India and China met ...")."""
    doc = verb.doc
    start = doc.text.rfind("\n\n", 0, verb.idx)
    tokens = [t for t in doc[verb.sent.start : verb.i] if t.idx > start and t.i not in skip]
    inside = {t.i for t in tokens} | {verb.i}
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN") and token.head.i not in inside:
            return token
    return None


def _participants(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """Who takes part, by role: the trigger's own arguments, then the prepositions of every frame token."""
    if frame.trigger.pos_ == "VERB":
        spans = _verb_participants(frame, index, text)
    else:
        spans = _noun_participants(frame, index, text)
    spans += _prepositional_participants(frame, index, text)
    unique: list[EventSpan] = []
    for span in spans:
        if not any(u.start == span.start and u.end == span.end for u in unique):
            unique.append(span)
    return unique


def _verb_participants(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """A verb trigger: its subject, its passive agent, its object, and for AID whom it goes to."""
    spans: list[EventSpan] = []
    trigger = frame.trigger
    role_obj = object_role(frame.type)
    subject = _subject(trigger, skip=index.dateline)
    if subject is not None:
        spans += _spans_for(subject, frame.sense.subject_role, index, text, bare=True)
        for more in _children(trigger, "nsubj"):
            # "ministers from Ethiopia, Kenya and Somalia met", parsed with "Kenya and Somalia" as a second subject
            # after the comma: the list goes on
            if more.i > subject.i and more.i not in index.dateline and trigger.doc[more.left_edge.i - 1].text == ",":
                spans += _spans_for(more, frame.sense.subject_role, index, text, bare=True)
    for agent in _preps(trigger, "by"):
        if agent.dep_ == "agent":
            for pobj in _pobjs(agent):
                spans += _spans_for(pobj, frame.sense.subject_role, index, text, bare=True)
    obj = _object(trigger)
    if obj is not None and obj not in frame.extra:
        if obj.dep_ == "nsubjpass" and role_obj == "counterpart" and not _preps(trigger, "by"):
            role = frame.sense.subject_role  # "Sullivan has been engaged with Ushakov": a state, not a passive
        else:
            role = role_obj
        spans += _spans_for(obj, role, index, text, bare=True)
    if frame.type == "AID":
        for prep in _preps(trigger, "to"):
            for pobj in _pobjs(prep):
                spans += _spans_for(pobj, "target", index, text)
    return spans


def _noun_participants(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """A noun trigger: its possessor and party modifiers, its "of" phrase, and the clause that carries it."""
    spans: list[EventSpan] = []
    trigger = frame.trigger
    role_obj = object_role(frame.type)
    for poss in _children(trigger, "poss"):
        spans += _spans_for(poss, "actor", index, text)
    for mod in _children(trigger, "compound", "amod", "nmod"):
        if mod.i in index.mention_of and index.mention_of[mod.i].label in PARTY_LABELS:
            spans += _spans_for(mod, "actor", index, text)
    for prep in _preps(trigger, "of"):
        for pobj in _pobjs(prep):
            role = role_obj if frame.type in ("ASSAULT", "RELEASE", "SANCTION", "COERCE") else "actor"
            spans += _spans_for(pobj, role, index, text)
    if frame.clause is not None:
        spans += _carrier_participants(frame, index, text)
    return spans


def _carrier_participants(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """The clause that carries a noun trigger ("talks held by X", "X held talks") names who takes part."""
    spans: list[EventSpan] = []
    trigger, clause = frame.trigger, frame.clause
    assert clause is not None
    role = frame.light_role or "actor"
    if clause.dep_ == "acl" and clause.head.i == trigger.i:
        for agent in [p for p in _preps(clause, "by") if p.dep_ == "agent"]:
            for pobj in _pobjs(agent):
                spans += _spans_for(pobj, role, index, text, bare=True)
    elif trigger.dep_ == "nsubjpass":
        for agent in _preps(clause, "by"):
            for pobj in _pobjs(agent):
                spans += _spans_for(pobj, role, index, text, bare=True)
    elif role == "sent":
        obj = _children(clause, "dobj")
        if obj:
            spans += _spans_for(obj[0], "actor", index, text)
    elif trigger.dep_ != "nsubj":
        subject = _subject(clause, skip=index.dateline)
        if subject is not None:
            spans += _spans_for(subject, role, index, text, bare=True)
    return spans


def _prepositional_participants(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """ "with X", "between X and Y", "against X" on any token of the frame."""
    spans: list[EventSpan] = []
    role_obj = object_role(frame.type)
    for token in frame.tokens():
        for prep in _preps(token, "with"):
            for pobj in _pobjs(prep):
                spans += _spans_for(pobj, "counterpart", index, text)
        for prep in _preps(token, "between", "among"):
            for pobj in _pobjs(prep):
                spans += _spans_for(pobj, "actor", index, text)
        for prep in _preps(token, "on", "against"):
            if frame.type in ("SANCTION", "ASSAULT", "PROTEST", "ACCUSE", "THREATEN", "DEMAND", "CONCEDE"):
                for pobj in _pobjs(prep):
                    # sanctions name their target by what they hit: "sanctions on Venezuela's oil sector"
                    owner = frame.type in ("SANCTION", "CONCEDE") and bool(_phrase_mentions(pobj, index))
                    if _mention_label(pobj, index) in PARTY_LABELS or owner:
                        spans += _spans_for(pobj, role_obj if frame.type != "PROTEST" else "target", index, text)
    if frame.trigger.pos_ == "VERB" and "to" in frame.sense.prep:
        # "spoke by telephone to Chancellor Nehammer", "appealed to the UN": the one spoken or appealed to
        for prep in _preps(frame.trigger, "to"):
            for pobj in _pobjs(prep):
                spans += _spans_for(pobj, role_obj, index, text)
    obj = _object(frame.trigger) if frame.trigger.pos_ == "VERB" else None
    if frame.type in _COUNTERPART_TYPES and obj is not None and obj.i not in index.mention_of:
        # "agreed a fee of 30 million euros with Brighton": the other side hangs inside what was agreed
        for prep in [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "with"]:
            for pobj in _pobjs(prep):
                spans += _spans_for(pobj, "counterpart", index, text)
    return spans + _overseers(frame, index, text)


def _overseers(frame: Frame, index: _Index, text: str) -> list[EventSpan]:
    """A third party that mediates or hosts what the frame tells: "met under the mediation of EU envoy Lajcak",
    "agreed to a truce brokered by Qatar", "swapped prisoners in an exchange mediated by the Emirates"."""
    lex = lexicon()
    spans: list[EventSpan] = []
    for token in frame.tokens():
        nouns = [token] + [n for prep in _children(token, "prep") for n in _pobjs(prep)]
        for noun in nouns:
            if noun.lemma_.lower() in OVERSIGHT_NOUNS and noun.head.lower_ == "under":
                for pobj in [p for of in _preps(noun, "of") for p in _pobjs(of)]:
                    spans += _spans_for(pobj, "mediator", index, text)
            for verb in _children(noun, "acl"):
                role = lex.light_verbs.get(verb.lemma_)
                if verb.tag_ != "VBN" or role not in ("mediator", "host"):
                    continue
                for pobj in [p for agent in _preps(verb, "by") for p in _pobjs(agent)]:
                    spans += _spans_for(pobj, role, index, text)
    return spans
