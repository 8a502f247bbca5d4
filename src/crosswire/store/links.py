"""What each stored corpus object is linked to, as rows the server filters on with SQL.

A filter that crosses objects (claims of a story, entities an article mentions, stories of an outlet, the claims an
entity denied) would otherwise need the whole dossier in memory. Instead, when the corpus objects are saved, each one
gets a row per link in ``corpus_links`` (``kind``, ``position``, ``key``, ``value``), indexed by ``(kind, key,
value)``: its articles, the entities it involves, its type or verdict. A filter is then an indexed lookup of the
matching positions, and a page is those positions in order.

The links are computed from the objects as stored (JSON), so a migration can fill them for a store saved before they
existed. What they hold mirrors the server's filter rules (``crosswire.web.subset``): an entity's articles are its own
list and the articles whose mentions name it; a story's articles are its own list and the articles that point to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

# Link keys.
ARTICLE = "article"
ENTITY = "entity"
EVENT = "event"
TYPE = "type"
VERDICT = "verdict"
STANCE = "stance"
# An entity together with the stance it took on a claim: "the claims this source denied".
ENTITY_STANCE = "entity_stance"
_SEPARATOR = "\x1f"

# The kinds of corpus object that have links.
LINKED_KINDS = ("entities", "statements", "events", "claims", "stories")


def entity_stance(entity: str, stance: str) -> str:
    return f"{entity}{_SEPARATOR}{stance}"


class ArticleIndex:
    """What the links need from the articles: which articles mention each entity and point to each story."""

    def __init__(self) -> None:
        self.mentioning: dict[str, set[str]] = {}
        self.in_story: dict[str, set[str]] = {}

    def add(self, data: Mapping[str, Any]) -> None:
        """One article as stored (``data`` with the corpus stages' changes applied)."""
        article_id = data["id"]
        for mention in data.get("mentions") or ():
            entity = mention.get("entity")
            if entity:
                self.mentioning.setdefault(entity, set()).add(article_id)
        story = data.get("story")
        if story:
            self.in_story.setdefault(story, set()).add(article_id)


def _unique(pairs: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    for key, value in pairs:
        if value is None or value == "":
            continue
        pair = (key, str(value))
        if pair not in seen:
            seen.add(pair)
            yield pair


def object_links(kind: str, data: Mapping[str, Any], index: ArticleIndex) -> list[tuple[str, str]]:
    """The (key, value) links of one corpus object of ``kind``, as stored (JSON)."""
    pairs: list[tuple[str, str | None]] = []
    if kind == "entities":
        pairs.append((TYPE, str(data.get("type") or "").casefold()))
        articles = list(data.get("articles") or ()) + sorted(index.mentioning.get(data["id"], ()))
        pairs += [(ARTICLE, a) for a in articles]
    elif kind == "statements":
        pairs.append((ARTICLE, data.get("article")))
        pairs.append((ENTITY, data.get("speaker")))
        pairs += [(ENTITY, e) for e in data.get("via") or ()]
    elif kind == "events":
        pairs.append((TYPE, str(data.get("type") or "").casefold()))
        pairs += [(ARTICLE, a) for a in data.get("articles") or ()]
        pairs += [(ARTICLE, e.get("article")) for e in data.get("evidence") or ()]
        pairs += [(ENTITY, e) for e in data.get("participants") or ()]
        pairs += [(ENTITY, r.get("entity")) for r in data.get("participant_roles") or ()]
        pairs.append((ENTITY, data.get("location")))
    elif kind == "claims":
        pairs.append((VERDICT, data.get("verdict")))
        pairs.append((EVENT, data.get("event")))
        pairs.append((ENTITY, data.get("origin")))
        for stance in data.get("stances") or ():
            pairs.append((ARTICLE, stance.get("article")))
            pairs.append((STANCE, stance.get("stance")))
            source = stance.get("source")
            if source:
                pairs.append((ENTITY, source))
                pairs.append((ENTITY_STANCE, entity_stance(source, stance.get("stance") or "")))
    elif kind == "stories":
        articles = list(data.get("articles") or ()) + sorted(index.in_story.get(data["id"], ()))
        pairs += [(ARTICLE, a) for a in articles]
    return list(_unique(pairs))


def link_rows(kind: str, position: int, data: Mapping[str, Any], index: ArticleIndex) -> list[dict[str, Any]]:
    """The ``corpus_links`` rows of one corpus object."""
    if kind not in LINKED_KINDS:
        return []
    return [
        {"kind": kind, "position": position, "key": key, "value": value}
        for key, value in object_links(kind, data, index)
    ]
