"""Covering indexes for the server's cross-object filters: an object's links by key, an article's position by id.

Revision ID: 0004
Revises: 0003

``/api/articles?entity=...`` reads the entity's article links (``corpus_links`` by ``kind, position, key``) and pages
the matching articles by position: with ``(id, position)`` in one index the page is chosen from the index alone,
without reading each matching article's row (thousands, for a common entity, each with its JSON).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_corpus_links_object_key", "corpus_links", ["kind", "position", "key", "value"])
    op.create_index("ix_articles_id_position", "articles", ["id", "position"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_articles_id_position", table_name="articles")
    op.drop_index("ix_corpus_links_object_key", table_name="corpus_links")
