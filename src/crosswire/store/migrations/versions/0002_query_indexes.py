"""Indexes the server's paged queries use: corpus objects by (kind, id), articles by position and lower(outlet).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_corpus_objects_kind_id", "corpus_objects", ["kind", "id"])
    op.create_index("ix_articles_position", "articles", ["position"])
    op.create_index("ix_articles_story_position", "articles", ["story", "position"])
    op.create_index("ix_articles_outlet_lower", "articles", [sa.text("lower(outlet)")])


def downgrade() -> None:
    for name, table in (
        ("ix_articles_outlet_lower", "articles"),
        ("ix_articles_story_position", "articles"),
        ("ix_articles_position", "articles"),
        ("ix_corpus_objects_kind_id", "corpus_objects"),
    ):
        op.drop_index(name, table_name=table)
