"""A content-addressed cache of sentence embeddings in the store.

The corpus stages run over the whole store after every update, so without a cache every re-run would embed every
proposition again: minutes per hundred thousand sentences. Keys are hashes of (model, text); a vector never changes
for a key, so entries are only ever added, a failed run leaves nothing wrong behind, and ``--fresh`` need not clear
them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import Column, LargeBinary, String, Table, insert, select
from sqlalchemy.exc import SQLAlchemyError

from crosswire.errors import StoreError
from crosswire.store import Store, metadata

vectors_table = Table(
    "sentence_vectors",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)
# Bound parameters per IN (...) query: SQLite's default limit is 32,766, PostgreSQL's 65,535.
_CHUNK = 5_000


class StoreVectorCache:
    """Embeddings by key, kept in the store's ``sentence_vectors`` table (float32 bytes)."""

    def __init__(self, store: Store) -> None:
        # The table is made by the store's migrations, like every other.
        self.store = store

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self.store.engine.connect() as conn:
            for first in range(0, len(unique), _CHUNK):
                chunk = unique[first : first + _CHUNK]
                rows = conn.execute(select(vectors_table).where(vectors_table.c.key.in_(chunk)))
                for row in rows:
                    found[row.key] = np.frombuffer(row.vector, dtype=np.float32)
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        try:
            with self.store.writing() as conn:
                keys = list(vectors)
                existing: set[str] = set()
                for first in range(0, len(keys), _CHUNK):
                    chunk = keys[first : first + _CHUNK]
                    existing.update(
                        conn.execute(select(vectors_table.c.key).where(vectors_table.c.key.in_(chunk))).scalars()
                    )
                rows = [
                    {"key": key, "vector": np.asarray(vector, dtype=np.float32).tobytes()}
                    for key, vector in vectors.items()
                    if key not in existing
                ]
                if rows:
                    conn.execute(insert(vectors_table), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write the embedding cache in {self.store.url} ({exc})") from None
