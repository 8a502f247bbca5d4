"""Alembic's entry point for the store's migrations: always run on a connection :func:`migrate` hands over."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
# Batch mode lets SQLite, which cannot alter most things in place, take the same migrations as PostgreSQL.
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
