"""What each corpus object is linked to (articles, entities, type, verdict...): the server's filters in SQL.

Revision ID: 0003
Revises: 0002

A store saved before this revision gets its links computed from the objects it holds, so its filters answer at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Rows read and written at a time while filling the links of an older store.
_CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "corpus_links",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("key", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_index("ix_corpus_links_lookup", "corpus_links", ["kind", "key", "value", "position"])
    op.create_index("ix_corpus_links_object", "corpus_links", ["kind", "position"])
    _fill()


def _fill() -> None:
    from crosswire.store.links import LINKED_KINDS, ArticleIndex, link_rows

    bind = op.get_bind()
    articles = sa.table("articles", sa.column("id"), sa.column("story"), sa.column("data", sa.JSON))
    objects = sa.table("corpus_objects", sa.column("kind"), sa.column("position"), sa.column("data", sa.JSON))
    links = sa.table("corpus_links", sa.column("kind"), sa.column("position"), sa.column("key"), sa.column("value"))
    index = ArticleIndex()
    for row in bind.execute(sa.select(articles.c.id, articles.c.story, articles.c.data)):
        data = dict(row.data or {})
        data.update(data.pop("_corpus", None) or {})
        index.add({**data, "id": row.id, "story": row.story})
    rows: list[dict[str, object]] = []
    query = sa.select(objects.c.kind, objects.c.position, objects.c.data).where(objects.c.kind.in_(LINKED_KINDS))
    for row in bind.execute(query):
        rows += link_rows(row.kind, row.position, row.data, index)
        if len(rows) >= _CHUNK:
            bind.execute(sa.insert(links), rows)
            rows = []
    if rows:
        bind.execute(sa.insert(links), rows)


def downgrade() -> None:
    op.drop_index("ix_corpus_links_object", table_name="corpus_links")
    op.drop_index("ix_corpus_links_lookup", table_name="corpus_links")
    op.drop_table("corpus_links")
