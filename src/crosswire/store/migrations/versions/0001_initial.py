"""The store as Crosswire 0.1 wrote it (schema 1): articles, corpus objects, meta and the embedding cache.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, index=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(255), index=True),
        sa.Column("published", sa.String(40), index=True),
        sa.Column("language", sa.String(16)),
        sa.Column("story", sa.String(255), index=True),
        sa.Column("duplicate_of", sa.String(255)),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("raw_format", sa.String(8), nullable=False),
        sa.Column("verbatim", sa.Boolean, nullable=False),
        sa.Column("layers", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "corpus_objects",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(255), index=True),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "crosswire_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sentence_vectors",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for table in ("sentence_vectors", "crosswire_meta", "corpus_objects", "articles"):
        op.drop_table(table)
