"""Hand-made articles for the entity tests (no spaCy): mentions placed by name, and the canonical stage run on them;
raw tagger spans placed by name, and the mention stage run on them."""

from __future__ import annotations

import re

from crosswire.entities.canonical import canonicalize_entities
from crosswire.entities.mentions import mentions_from_spans
from crosswire.model import Article, Dossier, Entity, Mention


def article(article_id: str, text: str, labels: dict[str, str], story: str | None = None) -> Article:
    """An article whose mentions are every occurrence of each ``labels`` key (longest names first, no overlaps)."""
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for name in sorted(labels, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            mentions.append(Mention(start=match.start(), end=match.end(), text=name, label=labels[name]))
    mentions.sort(key=lambda m: m.start)
    return Article(id=article_id, source=f"{article_id}.txt", text=text, mentions=mentions, story=story)


def run(*articles: Article) -> Dossier:
    dossier = Dossier(articles=list(articles))
    canonicalize_entities(dossier)
    return dossier


def entity_of(dossier: Dossier, alias: str) -> Entity:
    found = [e for e in dossier.entities if alias in e.aliases]
    assert len(found) == 1, f"{alias!r} is in {len(found)} entities: {[e.id for e in found]}"
    return found[0]


def span(text: str, surface: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    """A raw tagger span over the ``nth`` occurrence of ``surface``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface), label


def found(text: str, *spans: tuple[int, int, str]) -> list[tuple[str, str]]:
    """The mentions (text, label) the mention stage makes of the tagger's ``spans``."""
    return [(m.text, m.label) for m in mentions_from_spans(text, spans)]
