"""A learned cue classifier: which other verbs of an article attribute something to their subject.

The rule lexicon (:mod:`crosswire.attribution.cues`) covers the verbs of saying and believing. PolNeAR annotates a long
tail beyond them — a source's acts and stances towards something ("X rails against super PACs", "X vied for the
post", "the campaign released an ad showing ...") — too varied for a list. For every verb the rules left alone that
has a subject and a complement, :func:`proposals` reads the complement as content (a clause, an infinitive, an
object with its phrases, or a prepositional object) and describes the verb by sparse features: its lemma and
complement type, its dependency and tense, what its subject is (a name, a pronoun, a role noun), whether it sits
inside the content of a statement already found. A verb whose lemma the training articles never held (no rate
learned for it) is also described by its meaning: :func:`verb_scores` reads ``data/verb_scores.json``, a score
learned from the sentence encoder's vector of the verb (``bench/train_verb_scores.py``), so "the shareholders
disapproved of the merger" is read by the verb's kinship to the verbs of saying. ``data/cue_model.json`` holds
logistic-regression weights over those features, trained on PolNeAR's training articles
(``bench/train_attribution.py``), and the threshold above which a proposal becomes a statement: the probability that
its content matches an attribution the rules missed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from crosswire.attribution import bounds, cues, verb_content

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "dative", "attr", "oprd", "agent"})
# Prepositions after an object that continue it ("attacked Clinton for her support", "described it as ...").
OBJECT_PREPS = frozenset({"of", "for", "as", "to", "with", "against", "about", "on", "over", "into"})
PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "who"})
# The verbs whose subject a "to" infinitive or participle takes, so "Trump wants to ..." is read on "wants".
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl"})
# A first line longer than this many words is a paragraph of the body, not a title (no title verbs are read in it).
TITLE_WORDS = 25
# The most words a title verb's speaker has ("Jeb Bush Super PAC Chief Praises ...").
TITLE_SPEAKER_WORDS = 6
# Tags before a word that make it a noun after all ("Clinton's attacks", "the plans", "against claims").
NOUN_BEFORE = frozenset({"DT", "IN", "POS", "PRP$", "JJ", "CD", "TO"})


@dataclass(frozen=True)
class Proposal:
    """A verb the rules did not read, with the content and speaker it would have and its features."""

    token: Token
    content: tuple[int, int]
    speaker: tuple[int, int]
    complement: str
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def verb_scores() -> dict[str, int]:
    """Verb lemma -> how much it looks like a cue by its meaning, in percent (``data/verb_scores.json``, written by
    ``bench/train_verb_scores.py``: a regression over the sentence encoder's vector of the lemma in a frame, fitted
    on PolNeAR train's cue rates); empty when the file is absent."""
    try:
        raw = resources.files("crosswire.attribution").joinpath("data/verb_scores.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return {lemma: int(score) for lemma, score in json.loads(raw)["scores"].items()}


def meaning_bucket(token: Token, lemma: str) -> str:
    """The verb's back-off score as a feature value: tens of percent from 0 to 5 (50 and above), ``none`` for a verb
    the table does not hold or a word that is not a verb."""
    if token.pos_ != "VERB":
        return "none"
    score = verb_scores().get(lemma)
    return "none" if score is None else str(min(score // 10, 5))


@cache
def _models() -> dict[str, Model]:
    try:
        raw = resources.files("crosswire.attribution").joinpath("data/cue_model.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    data = json.loads(raw)
    return {
        name: Model(weights=dict(part["weights"]), bias=float(part["bias"]), threshold=float(part["threshold"]))
        for name, part in data.items()
        if isinstance(part, dict)
    }


def model() -> Model | None:
    """The cue classifier's weights from ``data/cue_model.json``, or None when the file is absent."""
    return _models().get("proposals")


def boundary_model() -> Model | None:
    """The content-end chooser of :mod:`crosswire.attribution.spans` (its threshold is unused)."""
    return _models().get("boundary")


def screen_model() -> Model | None:
    """The screen of the rules' own statements: probability that one is an attribution, and the threshold to keep."""
    return _models().get("screen")


def _edges(tokens: Sequence[Any]) -> tuple[int, int]:
    return min(t.left_edge.idx for t in tokens), max(t.right_edge.idx + len(t.right_edge.text) for t in tokens)


def content_of(token: Token, text: str) -> list[tuple[str, tuple[int, int]]]:
    """The readings of the complement a verb governs as content: (complement type, span) each, the model picks.

    ``text`` is ``token.doc.text``, passed in because spaCy rebuilds that string on every access."""
    children = [c for c in token.children if c.i > token.i]
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        start, end = _edges(clauses)
        return [("ccomp", (start, min(bounds.clause_end(text, c, start, end) for c in clauses)))]
    found: list[tuple[str, tuple[int, int]]] = []
    xcomps = [c for c in children if c.dep_ == "xcomp"]
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    if objects:
        first = objects[0]
        parts = [first] + [
            c
            for c in children
            if c.i > first.i
            and (c.dep_ in {"oprd", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in OBJECT_PREPS))
        ]
        found.append((f"obj:{first.dep_}", _edges(parts)))
        alone = _edges([first])
        cut = verb_content.object_aside(first)
        if cut is not None and alone[0] < cut:
            # "thanked the crowd, which chanted his name": the writer's aside on the object is not what was said
            alone = (alone[0], cut)
            if found[0][1][1] == _edges([first])[1]:
                found[0] = (found[0][0], alone)
        if alone != found[0][1]:
            found.append((f"objonly:{first.dep_}", alone))
        # "expressed deep concern about the policy": a light verb's object names the attitude, its phrase the content
        light = [p for o in (first, *children) for p in o.children if p.dep_ == "prep" and p.i > first.i]
        targets = [c for p in light[:1] for c in p.children if c.dep_ in {"pobj", "pcomp"}]
        if targets:
            found.append((f"objprep:{light[0].lower_}", _edges(targets[:1])))
        rest = (alone[0], token.right_edge.idx + len(token.right_edge.text))
        if rest[1] > found[0][1][1]:
            found.append((f"objrest:{first.dep_}", rest))
    if xcomps:
        found.append(("xcomp", _edges(xcomps[:1])))
    if found:
        return found
    preps = [c for c in children if c.dep_ == "prep"]
    if preps:
        prep = preps[0]
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if objects:
            start, end = _edges(objects[:1])
            cut = verb_content.object_aside(objects[0])  # "critical of the plan during the debate": the plan
            return [(f"prep:{prep.lower_}", (start, cut if cut is not None and start < cut else end))]
    passive = bounds.passive_content(token)
    return [("passive", passive)] if passive is not None else []


def noun_content(token: Token) -> tuple[str, tuple[int, int]] | None:
    """What a noun cue is about: its "that" clause, its "to" infinitive ("plan to ...") or its prepositional object
    ("criticism of ...", "support for ...")."""
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return "n:that", _edges([child])
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return "n:to", _edges([child])
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                return f"n:{child.lower_}", _edges(objects[:1])
    return None


def noun_speaker(token: Token) -> Token | None:
    """Whose the noun cue is: its possessor or name modifier, or the subject of the verb it is the object of."""
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < token.i):
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:  # "criticism from Republicans of ..."
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if token.dep_ in {"dobj", "attr", "pobj"} and head.pos_ in {"VERB", "AUX"} and head.i != token.i:
        # "denied media reports that ...": the subject answers the reports, they are not its own
        return cues.report_source(token) if head.lemma_.lower() in cues.ANSWERING else _subject_token(head)
    return None


def adjective_content(token: Token) -> tuple[str, tuple[int, int]] | None:
    """ "X is confident that ...", "determined to ...", "critical of ...": a predicate adjective's complement."""
    if token.dep_ != "acomp":
        return None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in {"ccomp", "xcomp"}:
            return f"a:{child.dep_}", _edges([child])
        if child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                return f"a:{child.lower_}", _edges(objects[:1])
    return None


def _subject_token(token: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects[0]
    for child in token.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    if depth < 3 and token.dep_ in INHERIT_DEPS and token.head.i != token.i:
        return _subject_token(token.head, depth + 1)
    return None


def _subject_features(subject: Token | None) -> list[str]:
    if subject is None:
        return ["subj=none"]
    lower = subject.lower_
    if subject.pos_ == "PRON":
        return ["subj=pron:" + ("personal" if lower in PERSONAL else lower)]
    feats = [f"subj=pos:{subject.pos_}"]
    if subject.ent_type_:
        feats.append(f"subj=ent:{subject.ent_type_}")
    if subject.pos_ == "NOUN":
        feats.append(f"subj=noun:{subject.lemma_.lower()}")
    return feats


def _length(start: int, end: int, text: str) -> str:
    words = len(text[start:end].split())
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15")):
        if words <= limit:
            return name
    return "16+"


def features(
    token: Token, complement: str, content: tuple[int, int], subject: Token | None, inside: str, text: str
) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    tier = cues.cue_tier(lemma) or "none"
    rate, count = cues.learned_rates().get(lemma, (-1.0, 0))
    rate_bucket = "unseen" if count == 0 else f"{min(int(rate * 10), 9)}"
    negated = any(c.dep_ == "neg" for c in token.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    # A root is its own head, so it reads its own lemma here: the shipped weights were trained on exactly this.
    head_lemma = token.head.lemma_.lower()
    return (
        f"lemma={lemma}",
        f"lemma_comp={lemma}|{complement}",
        f"comp={complement}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"pos={token.pos_}",
        f"dep_comp={token.dep_}|{complement}",
        f"tier={tier}",
        f"tier_comp={tier}|{complement}",
        f"rate={rate_bucket}",
        f"rate_comp={rate_bucket}|{complement}",
        f"len={_length(*content, text)}",
        f"comp_len={complement}|{_length(*content, text)}",
        f"inside={inside}",
        f"neg={negated}",
        f"modal={modal}",
        f"head_tier={cues.cue_tier(head_lemma) or 'none'}|{token.dep_}",
        *_subject_features(subject),
        # the back-off only where the lemma itself is unknown: elsewhere its own features say more
        *((f"meaning={meaning_bucket(token, lemma)}",) if count == 0 else ()),
    )


def screen_features(
    token: Token | None,
    kind: str,
    tier: str,
    lemma: str,
    content: tuple[int, int],
    has_speaker: bool,
    direct: bool,
    relayed: bool,
    text: str,
) -> tuple[str, ...]:
    """Features of a statement the rules found, for the screen: how it was found and what its cue and content are."""
    feats = [
        f"kind={kind}",
        f"kind_tier={kind}|{tier}",
        f"kind_lemma={kind}|{lemma}",
        f"lemma={lemma}",
        f"speaker={has_speaker}",
        f"direct={direct}|{kind}",
        f"relayed={relayed}",
    ]
    if token is not None:
        feats += [f"dep={token.dep_}", f"tag={token.tag_}", f"kind_dep={kind}|{token.dep_}"]
        feats += [f"neg={any(c.dep_ == 'neg' for c in token.children)}"]
        feats += _subject_features(_subject_token(token))
        feats.append(f"len={kind}|{_length(*content, text)}")
        complements = sorted({c.dep_ for c in token.children if c.i > token.i and c.dep_ in COMPLEMENT_DEPS})
        feats.append(f"comps={kind}|{'+'.join(complements)}")
        feats.append(f"lemma_comps={lemma}|{'+'.join(complements)}")
        span = token.doc.char_span(content[0], min(content[0] + 1, content[1]), alignment_mode="expand")
        if span is not None and len(span):
            first = span[0]
            feats.append(
                f"first={kind}|{first.lower_ if first.pos_ in {'SCONJ', 'DET', 'PART', 'ADP'} else first.pos_}"
            )
    return tuple(feats)


@dataclass(frozen=True)
class TitleVerb:
    """A verb of the title that the tagger read as a noun, with the verb it is and its speaker and content spans."""

    token: Token
    lemma: str
    speaker: tuple[int, int]
    content: tuple[int, int]


def verb_lemma(word: str) -> str | None:
    """The cue verb a third-person form is ("Praises" -> "praise", "trashes" -> "trash", "denies" -> "deny"), if
    any: a verb of the cue lexicon or a learned cue."""
    lower = word.lower()
    if not lower.isalpha() or not lower.endswith("s"):
        return None
    guesses = [lower[:-3] + "y"] if lower.endswith("ies") else []
    guesses += [lower[:-2], lower[:-1]] if lower.endswith("es") else [lower[:-1]]
    known = cues.learned_cues()
    return next((g for g in guesses if cues.cue_tier(g) is not None or g in known), None)


def title_end(text: str) -> int:
    """Where the text's first line ends, when that line is short enough to be a title; else 0."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end if len(text[start:end].split()) <= TITLE_WORDS else 0


def title_verb(token: Token, text: str, end_of_title: int) -> TitleVerb | None:
    """ "Putin chides Turkey and praises Trump", "Conservative Icon Morton Blackwell Endorses Ted Cruz": a verb of the
    title that the tagger read as a noun. The words before it (from the title's start, or its last colon, semicolon
    or comma) are the speaker, the rest of the title (up to a colon or semicolon) what was said."""
    if token.idx >= end_of_title or token.i == 0 or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = verb_lemma(token.text)
    before = token.doc[token.i - 1]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if lemma is None or before.tag_ in NOUN_BEFORE or before.dep_ == "poss":
        return None
    if after is not None and after.pos_ in {"VERB", "AUX"}:
        return None  # "Paris attacks test the strategy": the verb comes next, this is its subject
    line_start = text.rfind("\n", 0, token.idx) + 1
    opening = max(line_start, *(text.rfind(mark, line_start, token.idx) + 1 for mark in ":;,"))
    # "Putin chides Turkey and praises Trump": the speaker ends before the title's first verb
    first_verb = next(
        (
            t.idx
            for t in token.doc.char_span(opening, token.idx, alignment_mode="expand") or []
            if t.idx > opening and (t.pos_ in {"VERB", "AUX"} or verb_lemma(t.text) is not None)
        ),
        token.idx,
    )
    speaker = bounds.trim(text, opening, first_verb)
    words = text[speaker[0] : speaker[1]].split()
    if not words or len(words) > TITLE_SPEAKER_WORDS or not words[0][:1].isupper():
        return None
    closing = min([end_of_title] + [i for i in (text.find(m, token.idx, end_of_title) for m in ":;") if i >= 0])
    start, end = bounds.trim(text, token.idx + len(token.text), closing)
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if len(text[start:end].split()) < 2:
        return None
    return TitleVerb(token, lemma, speaker, (start, end))


def title_verbs(doc: Doc, taken: set[int]) -> Iterator[TitleVerb]:
    """The title's verbs that the tagger read as nouns (:func:`title_verb`), except tokens in ``taken``."""
    text = doc.text
    end_of_title = title_end(text)
    for token in doc:
        if token.idx >= end_of_title:
            break
        if token.i not in taken:
            found = title_verb(token, text, end_of_title)
            if found is not None:
                yield found


def proposals(
    doc: Doc,
    subject_of: Callable[[Token], tuple[int, int] | None],
    taken: set[int],
    contents: Sequence[tuple[int, int, str]],
    quoted: Callable[[int], bool],
) -> Iterator[Proposal]:
    """Every verb not in ``taken`` (cue tokens already read) with a subject and a complement, with its features.

    ``contents`` are the (start, end, kind) content spans found so far; ``quoted(position)`` says whether a
    position lies inside a closed quotation.
    """
    text = doc.text
    for token in doc:
        if token.pos_ not in {"VERB", "NOUN", "ADJ"} or token.i in taken or quoted(token.idx):
            continue
        speaker: tuple[int, int] | None
        if token.pos_ == "VERB":
            found = content_of(token, text)
            subject = _subject_token(token)
            speaker = subject_of(token) if found else None
        elif token.pos_ == "NOUN":
            noun = noun_content(token)
            found = [noun] if noun else []
            subject = noun_speaker(token) if found else None
            speaker = _edges([subject]) if subject is not None else None
        else:
            adjective = adjective_content(token)
            found = [adjective] if adjective else []
            subject = _subject_token(token.head) if found else None
            speaker = subject_of(token.head) if found else None
        if speaker is None:
            continue
        inside = next((kind for s, e, kind in contents if s <= token.idx < e), "no")
        for complement, content in found:
            if content[1] - content[0] >= 2:
                yield Proposal(
                    token, content, speaker, complement, features(token, complement, content, subject, inside, text)
                )
