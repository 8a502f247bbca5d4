"""Hand-made articles for the entity tests (no spaCy): mentions placed by name, and the canonical stage run on them."""

from __future__ import annotations

import re

from crosswire.entities.canonical import canonicalize_entities
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
