"""Paged reads of the store for the server: one SQL query per page, never the whole dossier.

Articles are paged by arrival order, filtered on indexed columns (``story``; ``outlet`` through an index on its
lower-cased value); corpus objects (entities, claims, stories, ...) are paged by kind and position and fetched by id
through the ``(kind, id)`` index.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import SQLAlchemyError

from crosswire.errors import StoreError
from crosswire.model import Article
from crosswire.store import Store, _row_article, articles_table, corpus_table

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


def _article_filters(story: str | None, outlet: str | None) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if story is not None:
        filters.append(articles_table.c.story == story)
    if outlet is not None:
        filters.append(func.lower(articles_table.c.outlet) == outlet.lower())
    return filters


@_reading
def page_articles(
    store: Store, limit: int, offset: int, *, story: str | None = None, outlet: str | None = None
) -> tuple[list[Article], int]:
    """One page of articles in arrival order, and how many match in all."""
    filters = _article_filters(story, outlet)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(articles_table).where(*filters)).scalar_one()
        rows = conn.execute(
            select(articles_table).where(*filters).order_by(articles_table.c.position).limit(limit).offset(offset)
        )
        return [_row_article(row._mapping) for row in rows], total


@_reading
def get_article(store: Store, article_id: str) -> Article | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(articles_table).where(articles_table.c.id == article_id)).first()
    return _row_article(row._mapping) if row is not None else None


@_reading
def page_objects(store: Store, kind: str, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of a kind of corpus object (as stored, JSON-ready), in dossier order, and how many there are."""
    with store.engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(corpus_table).where(corpus_table.c.kind == kind)
        ).scalar_one()
        rows = conn.execute(
            select(corpus_table.c.data)
            .where(corpus_table.c.kind == kind)
            .order_by(corpus_table.c.position)
            .limit(limit)
            .offset(offset)
        )
        return [row.data for row in rows], total


@_reading
def get_object(store: Store, kind: str, object_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(corpus_table.c.data).where(corpus_table.c.kind == kind, corpus_table.c.id == object_id).limit(1)
        ).first()
    return row.data if row is not None else None
