"""What every event reader works on: a trigger's frame, the article's mentions and time expressions indexed by
token, and the walks over the dependency parse they share (part of the per-article event stage,
:mod:`crosswire.events.mentions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from crosswire.clean import header
from crosswire.events.lexicon import Sense
from crosswire.model import Mention, Timex

OBJECTS = frozenset({"dobj"})


# Roles the object of a verb trigger plays, by type: the other side of a meeting, the one acted upon otherwise.
_COUNTERPART_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def object_role(event_type: str) -> str:
    return "counterpart" if event_type in _COUNTERPART_TYPES else "target"


@dataclass
class Frame:
    """A trigger and the tokens that make up its clause."""

    type: str
    trigger: Token
    sense: Sense
    # The verb that carries the clause: the trigger itself, or the light verb of an event noun.
    clause: Token | None
    light_role: str | None = None
    # Governors that lend the event their place and time ("arrived in Ankara on Monday to meet").
    lenders: list[Any] = field(default_factory=list)
    # The token the lexicon treats as the object of a verb trigger ("sanctioned him"), if any.
    extra: list[Any] = field(default_factory=list)

    def tokens(self) -> list[Token]:
        found = [self.trigger, *self.extra]
        if self.clause is not None and self.clause.i != self.trigger.i:
            found.append(self.clause)
        return found


class _Index:
    """Mentions and timexes of one article, looked up by token."""

    def __init__(self, doc: Doc, mentions: list[Mention], timexes: list[Timex]) -> None:
        self.mention_of: dict[int, Mention] = {}
        # A dateline ("LEEDS, England — A former manager was jailed") says where the report was filed; the parser
        # hangs it on the first noun phrase, but it names no party and no place of the event.
        datelines = _datelines(doc.text)
        mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in datelines)]
        # Its tokens are no subject either ("NAIROBI -- The presidents ... met"), and its date dates the report.
        self.dateline = frozenset(t.i for t in doc if any(s <= t.idx < e for s, e in datelines))
        self.spans = {(m.start, m.end) for m in mentions}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.mention_of.setdefault(token.i, mention)
        self.timexes: list[tuple[Timex, Any]] = []
        for timex in timexes:
            if timex.type not in ("DATE", "TIME"):
                continue
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and len(span) and span[0].i not in self.dateline:
                self.timexes.append((timex, span))


def _datelines(text: str) -> list[tuple[int, int]]:
    """The spans of the datelines opening the text's lines."""
    found: list[tuple[int, int]] = []
    for line in re.finditer(r"(?m)^[^\n]+", text):
        end = header.any_dateline_end(line.group(0))
        if end is not None:
            found.append((line.start(), line.start() + end))
    return found


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _preps(token: Token, *lemmas: str) -> list[Token]:
    """Prepositions of ``token`` with these words, and their conjuncts ("with X and with Y")."""
    found = [c for c in token.children if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in lemmas]
    return found + [c for p in found for c in p.conjuncts if c.lower_ in lemmas and c not in found]


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _object(verb: Token) -> Token | None:
    found = _children(verb, *OBJECTS)
    if found:
        return found[0]
    passive = _children(verb, "nsubjpass")
    return passive[0] if passive else None


def _mention_label(token: Token, index: _Index) -> str | None:
    mention = index.mention_of.get(token.i)
    return mention.label if mention is not None else None


def _is_plural(token: Token) -> bool:
    return bool(token.tag_ in ("NNS", "NNPS"))
