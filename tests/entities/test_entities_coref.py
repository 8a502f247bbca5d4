"""Pronouns and role nouns resolved to entities (the heuristic the attribution stage builds on)."""

from __future__ import annotations

import re

from crosswire.entities.canonical import canonicalize_entities
from crosswire.entities.coref import resolve_reference
from crosswire.model import Article, Dossier, Mention

TEXT = (
    "Kremlin spokesperson Dmitry Peskov said the talks took place. "
    "He added that Moscow was open. CIA director William Burns was in Ankara. "
    '"Burns is there today," the official said. '
    "The spokesperson later declined to comment, and she said nothing."
)
LABELS = {"Kremlin": "ORG", "Dmitry Peskov": "PERSON", "Moscow": "GPE", "CIA": "ORG", "William Burns": "PERSON",
          "Burns": "PERSON", "Ankara": "GPE"}  # fmt: skip


def build() -> Dossier:
    taken: list[tuple[int, int]] = []
    mentions = []
    for name in sorted(LABELS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", TEXT):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                mentions.append(Mention(start=m.start(), end=m.end(), text=name, label=LABELS[name]))
    mentions.sort(key=lambda m: m.start)
    dossier = Dossier(articles=[Article(id="a", source="a.txt", text=TEXT, mentions=mentions)])
    canonicalize_entities(dossier)
    return dossier


def span(phrase: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(phrase), TEXT)]
    return starts[nth], starts[nth] + len(phrase)


def test_pronoun_resolves_to_nearest_preceding_person() -> None:
    dossier = build()
    article = dossier.articles[0]
    assert resolve_reference(article, *span("He")) == "person:dmitry-peskov"


def test_role_noun_resolves_through_entity_roles() -> None:
    dossier = build()
    article = dossier.articles[0]
    assert resolve_reference(article, *span("The spokesperson"), dossier.entities) == "person:dmitry-peskov"
    # Without the dossier's entities the roles are read from the article itself.
    assert resolve_reference(article, *span("The spokesperson")) == "person:dmitry-peskov"


def test_generic_noun_without_matching_role_stays_unresolved() -> None:
    dossier = build()
    article = dossier.articles[0]
    assert resolve_reference(article, *span("the official"), dossier.entities) is None
    assert resolve_reference(article, *span("Moscow")) is None


def test_pronoun_with_no_person_before_is_unresolved() -> None:
    article = Article(id="b", source="b.txt", text="He said so.", mentions=[])
    assert resolve_reference(article, 0, 2) is None
