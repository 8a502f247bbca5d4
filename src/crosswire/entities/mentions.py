"""Entity mentions in one article: people, organizations, places and nationalities (per-article stage).

The spans come from the shared spaCy parse (:func:`crosswire.nlp.parse.doc_of`); this stage only trims them to the
name itself and fixes what the text or a gazetteer proves wrong, so it adds little over the parse:

- a leading "the", a trailing possessive ("Joe Biden's", "the White House's") and a trailing photo credit
  ("Sergei Fadeichev / TASS") are cut, so the span is the name and its offsets still index ``article.text``;
- a country name tagged PERSON or ORG ("Türkiye") becomes GPE: the gazetteer is the evidence;
- a time-zone abbreviation after a clock time ("8:30 a.m. GMT", tagged ORG) is not an entity and is dropped.

Corrections that need the whole corpus (majority label of a surface form, a surname tagged ORG) happen in the
corpus stage, :mod:`crosswire.entities.canonical`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from crosswire.context import Context
from crosswire.entities import gazetteer
from crosswire.model import Article, Mention
from crosswire.nlp.parse import doc_of

# The spaCy labels kept as entity mentions (OntoNotes): people, organizations, places, nationalities, facilities.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_CREDIT = re.compile(r"\s+[/|]\s+.*$")
_EDGE_PUNCT = " \t\n\"“”‘’'.,;:!?()[]{}-–—•*"
# A multi-word span that runs into a lowercase-led possessive phrase: "Dmitriev's Role" -> "Dmitriev".
_INNER_POSSESSIVE = re.compile(r"(?:'s|’s)\s+\S.*$")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to the name: no article, possessive, photo credit or edge punctuation."""
    span = text[start:end]
    match = _LEADING.match(span)
    if match:
        start += match.end()
        span = text[start:end]
    for pattern in (_CREDIT, _INNER_POSSESSIVE):
        match = pattern.search(span)
        if match and match.start() > 0:
            end = start + match.start()
            span = text[start:end]
    while end > start and text[end - 1] in _EDGE_PUNCT:
        # keep the dot of an abbreviation ("U.S.") but drop a sentence-final one
        if text[end - 1] == "." and re.search(r"(?:^|[\s.])[A-Z]\.$", text[start:end]):
            break
        end -= 1
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start - len(match.group(0)) > 0:
        end -= len(match.group(0))
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    return start, end


def correct_label(surface: str, label: str, before: str) -> str | None:
    """The label the evidence supports, or None when the span is not an entity (a time zone after a clock time)."""
    if label == "ORG" and gazetteer.is_time_zone(surface, before):
        return None
    if label in {"PERSON", "ORG", "LOC", "FAC", "NORP"} and gazetteer.country(surface) is not None:
        return "GPE"
    return label


def mentions_from_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Trim and correct raw ``(start, end, label)`` spans into mentions (the part of the stage without spaCy)."""
    mentions: list[Mention] = []
    for raw_start, raw_end, raw_label in spans:
        if raw_label not in ENTITY_LABELS:
            continue
        start, end = trim_span(text, raw_start, raw_end)
        surface = text[start:end]
        if not surface or not any(ch.isalpha() for ch in surface):
            continue
        label = correct_label(surface, raw_label, text[max(0, start - 40) : start])
        if label is None:
            continue
        if not any(ch.isupper() for ch in surface):
            continue  # names have a capital; all-lower-case spans are parser noise ("un-announced", "paiment")
        mentions.append(Mention(start=start, end=end, text=surface, label=label))
    return mentions


def spans_of(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def find_mentions(article: Article, context: Context) -> None:
    """Fill ``article.mentions`` from the shared parse; ``entity`` ids are set by the corpus stage."""
    if not article.text.strip():
        article.mentions = []
        return
    article.mentions = mentions_from_spans(article.text, spans_of(doc_of(article)))
