"""Paged reads of the store for the server: one SQL query per page, never the whole dossier.

Articles are paged by arrival order, filtered on indexed columns (``outlet`` through an index on its lower-cased
value); corpus objects (entities, claims, stories, ...) are paged by kind and position and fetched by id through the
``(kind, id)`` index. Filters that cross objects (the claims of a story, the articles mentioning an entity, the
stories of an outlet) are indexed lookups in ``corpus_links`` (:mod:`crosswire.store.links`): each filter is the set
of matching positions, and they combine with AND.

Reads answer JSON documents (``bytes``), not objects: a corpus object is sent exactly as stored (its text is never
decoded), and an article is decoded and encoded once with orjson to apply the corpus stages' changes. A page is then
spliced from its items (:func:`page_json`) without a validation or serialisation pass through the models.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import orjson
from sqlalchemy import ColumnElement, Select, Text, cast, func, literal, select
from sqlalchemy.exc import SQLAlchemyError

from crosswire.errors import StoreError
from crosswire.store import (
    _CORPUS_OVERLAY_KEY,
    _EVENT_MENTIONS_KEY,
    _STATEMENTS_KEY,
    Store,
    articles_table,
    corpus_table,
    links_table,
)
from crosswire.store.links import ARTICLE, ENTITY, ENTITY_STANCE, EVENT, STANCE, TYPE, VERDICT, entity_stance

# Keys of an article's stored data that are not part of the article as the API shows it.
_PRIVATE_KEYS = (_STATEMENTS_KEY, _EVENT_MENTIONS_KEY)

P = ParamSpec("P")
R = TypeVar("R")


def _reading(query: Callable[P, R]) -> Callable[P, R]:
    """A failed read is a :class:`StoreError` naming the store (the server answers 503 with it)."""

    @wraps(query)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return query(*args, **kwargs)
        except SQLAlchemyError as exc:
            store = args[0]
            url = store.url if isinstance(store, Store) else "?"
            raise StoreError(f"cannot read the store {url} ({getattr(exc, 'orig', None) or exc})") from None

    return run


# The stored JSON of a row as text, whatever the backend's JSON type (SQLite keeps text; PostgreSQL casts to it).
_CORPUS_JSON = cast(corpus_table.c.data, Text).label("json")
_ARTICLE_JSON = cast(articles_table.c.data, Text).label("json")


def page_json(items: list[bytes], total: int, limit: int, offset: int) -> bytes:
    """A :class:`~crosswire.web.api.Page` as JSON, spliced from JSON documents of its items."""
    return b'{"items":[%b],"total":%d,"limit":%d,"offset":%d}' % (b",".join(items), total, limit, offset)


def _positions_of(kind: str, object_id: str) -> Select[tuple[int]]:
    return (
        select(corpus_table.c.position)
        .where(corpus_table.c.kind == kind, corpus_table.c.id == object_id)
        .correlate(None)
    )


def _linked_values(kind: str, key: str, object_id: str) -> Select[tuple[str]]:
    """The values of one object's links of ``key`` (e.g. the articles of a story), found by the object's id."""
    # Never correlated: each subquery reads its own table, whatever the query it sits in reads.
    return (
        select(links_table.c.value)
        .where(
            links_table.c.kind == kind,
            links_table.c.key == key,
            links_table.c.position.in_(_positions_of(kind, object_id)),
        )
        .correlate(None)
    )


def story_articles(story: str) -> Select[tuple[str]]:
    """The ids of a story's articles: its own list and the articles that point to it."""
    return _linked_values("stories", ARTICLE, story)


def entity_articles(entity: str) -> Select[tuple[str]]:
    """The ids of the articles that mention an entity (by their mentions or its own list)."""
    return _linked_values("entities", ARTICLE, entity)


def outlet_articles(outlet: str) -> Select[tuple[str]]:
    return select(articles_table.c.id).where(func.lower(articles_table.c.outlet) == outlet.lower()).correlate(None)


def article_scope(story: str | None, article: str | None) -> Select[tuple[str]] | None:
    """The article ids the ``story`` and ``article`` filters allow together, or None when neither is given."""
    if story is None and article is None:
        return None
    if story is None:
        assert article is not None
        return select(literal(article))
    scope = story_articles(story)
    return scope.where(links_table.c.value == article) if article is not None else scope


class Linked:
    """The filters of one list of corpus objects: each keeps the objects with a link of ``key`` to some value."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.filters: list[ColumnElement[bool]] = []

    def to(self, key: str, values: str | Select[tuple[str]] | None) -> Linked:
        """Keep the objects linked by ``key`` to ``values`` (one value or a query of them); None: no filter."""
        if values is None:
            return self
        match = links_table.c.value == values if isinstance(values, str) else links_table.c.value.in_(values)
        self.filters.append(
            corpus_table.c.position.in_(
                select(links_table.c.position)
                .where(links_table.c.kind == self.kind, links_table.c.key == key, match)
                .correlate(None)
            )
        )
        return self

    def type(self, value: str | None) -> Linked:
        return self.to(TYPE, value.casefold() if value is not None else None)

    def verdict(self, value: str | None) -> Linked:
        return self.to(VERDICT, value)

    def event(self, value: str | None) -> Linked:
        return self.to(EVENT, value)

    def articles(self, scope: Select[tuple[str]] | None) -> Linked:
        return self.to(ARTICLE, scope)

    def entity(self, entity: str | None, *, stance: str | None = None) -> Linked:
        """Objects involving ``entity``; with ``stance``, claims on which it took that stance (else any source's)."""
        if entity is not None and stance is not None:
            return self.to(ENTITY_STANCE, entity_stance(entity, stance))
        return self.to(ENTITY, entity).to(STANCE, stance)


@_reading
def page_linked(store: Store, linked: Linked, limit: int, offset: int) -> tuple[list[bytes], int]:
    """One page of the corpus objects of ``linked.kind`` that pass its filters (JSON as stored), and the total."""
    where = [corpus_table.c.kind == linked.kind, *linked.filters]
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(corpus_table).where(*where)).scalar_one()
        rows = conn.execute(
            select(_CORPUS_JSON).where(*where).order_by(corpus_table.c.position).limit(limit).offset(offset)
        )
        return [row.json.encode() for row in rows], total


def _article_filters(story: str | None, outlet: str | None, entity: str | None = None) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if story is not None:
        filters.append(articles_table.c.id.in_(story_articles(story)))
    if outlet is not None:
        filters.append(func.lower(articles_table.c.outlet) == outlet.lower())
    if entity is not None:
        filters.append(articles_table.c.id.in_(entity_articles(entity)))
    return filters


def _article_json(stored: str) -> bytes:
    """An article as the API shows it (its model's dump with the corpus stages' changes), from its stored JSON."""
    data: dict[str, Any] = orjson.loads(stored)
    data.update(data.pop(_CORPUS_OVERLAY_KEY, None) or {})
    for key in _PRIVATE_KEYS:
        data.pop(key, None)
    return orjson.dumps(data)


@_reading
def page_article_data(
    store: Store,
    limit: int,
    offset: int,
    *,
    story: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
) -> tuple[list[bytes], int]:
    """One page of articles in arrival order, as JSON (no model validation), and how many match in all."""
    filters = _article_filters(story, outlet, entity)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(articles_table).where(*filters)).scalar_one()
        if filters:
            # The page's ids first, then their data: sorting every match with its (large) data to keep 50 would
            # read them all (thousands of articles mention a common entity).
            chosen = (
                select(articles_table.c.id)
                .where(*filters)
                .order_by(articles_table.c.position)
                .limit(limit)
                .offset(offset)
                .subquery()
            )
            query = select(_ARTICLE_JSON).where(articles_table.c.id.in_(select(chosen.c.id)))
        else:
            query = select(_ARTICLE_JSON).limit(limit).offset(offset)
        rows = conn.execute(query.order_by(articles_table.c.position))
        return [_article_json(row.json) for row in rows], total


@_reading
def get_article_data(store: Store, article_id: str) -> bytes | None:
    """One article as JSON, or None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(_ARTICLE_JSON).where(articles_table.c.id == article_id)).first()
    return _article_json(row.json) if row is not None else None


@_reading
def page_objects(store: Store, kind: str, limit: int, offset: int) -> tuple[list[bytes], int]:
    """One page of a kind of corpus object (JSON as stored), in dossier order, and how many there are."""
    with store.engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(corpus_table).where(corpus_table.c.kind == kind)
        ).scalar_one()
        rows = conn.execute(
            select(_CORPUS_JSON)
            .where(corpus_table.c.kind == kind)
            .order_by(corpus_table.c.position)
            .limit(limit)
            .offset(offset)
        )
        return [row.json.encode() for row in rows], total


@_reading
def get_object(store: Store, kind: str, object_id: str) -> bytes | None:
    """One corpus object as stored (JSON), or None."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(_CORPUS_JSON).where(corpus_table.c.kind == kind, corpus_table.c.id == object_id).limit(1)
        ).first()
    return row.json.encode() if row is not None else None


def refresh_statistics(store: Store) -> None:
    """Let SQLite's planner know the tables' sizes (``ANALYZE``, sampled): without statistics it reads each matching
    article's row to page an entity's articles instead of the ``(id, position)`` index. PostgreSQL's autovacuum keeps
    its own statistics."""
    if store.dialect != "sqlite":
        return
    try:
        with store.writing() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
    except SQLAlchemyError:
        pass  # statistics only make reads faster; a read-only or busy store is still served
