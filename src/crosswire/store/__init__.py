"""The store: every analysed article and every corpus-level object, in SQLite by default or any SQLAlchemy URL.

One schema holds all layers. ``articles`` keeps the scalar fields people query on as columns and the typed layers
as JSON; ``corpus_objects`` holds the corpus-level lists (entities, events, claims, stories, ...) by kind. Every
write is one transaction, so a crash leaves either the old or the new state, never half of one.

The schema is migrated by Alembic when a store is opened (:mod:`crosswire.store.migrate`). Several writers may share
a store (two ``analyze`` runs, or a run and ``crosswire serve``): every write transaction holds the store's write lock
(SQLite's ``BEGIN IMMEDIATE``, a PostgreSQL advisory transaction lock), and the corpus stages run under
:meth:`Store.corpus_lock`, so each writer's corpus pass reads everything the others saved before it.
"""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from crosswire import __version__
from crosswire.errors import StoreError
from crosswire.model import Article, Dossier
from crosswire.store.links import ArticleIndex, link_rows

# Counters in crosswire_meta: bumped by every write of the articles, and of the corpus objects; CORPUS_OF is the
# stamp of what the stored corpus objects were computed from.
ARTICLES_GENERATION = "articles_generation"
CORPUS_GENERATION = "corpus_generation"
CORPUS_OF = "corpus_of_articles_generation"

# PostgreSQL advisory lock keys: one for every write transaction, one held through a run's corpus stages.
_WRITE_LOCK_KEY = 0x43575752  # "CWWR"
_CORPUS_LOCK_KEY = 0x43574350  # "CWCP"
# Rows read or written per statement when the store is read or written in bulk.
_WRITE_CHUNK = 500
# How long a SQLite writer waits for another's write transaction before giving up, in seconds.
SQLITE_BUSY_TIMEOUT = 120

# The corpus-level lists of the dossier, stored by kind in ``corpus_objects`` (in this order).
CORPUS_KINDS = ("entities", "statements", "events", "claims", "contradictions", "stories", "storylines", "timeline")

metadata = MetaData()

articles_table = Table(
    "articles",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(255), index=True),
    Column("published", String(40), index=True),
    Column("language", String(16)),
    Column("story", String(255), index=True),
    Column("duplicate_of", String(255)),
    Column("raw", Text, nullable=False),
    Column("raw_format", String(8), nullable=False),
    Column("verbatim", Boolean, nullable=False),
    Column("layers", JSON, nullable=False),
    Column("data", JSON, nullable=False),  # every dossier field of the article, as in dossier.json
    Column("position", Integer, nullable=False),  # order of first arrival, so output order is stable
)

corpus_table = Table(
    "corpus_objects",
    metadata,
    Column("kind", String(32), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("id", String(255), index=True),
    Column("data", JSON, nullable=False),
)

# What each corpus object is linked to (its articles, entities, type, verdict...), so the server's filters are indexed
# SQL lookups (:mod:`crosswire.store.links`). Indexes are made by the migration that adds the table.
links_table = Table(
    "corpus_links",
    metadata,
    Column("kind", String(32), nullable=False),
    Column("position", Integer, nullable=False),
    Column("key", String(16), nullable=False),
    Column("value", Text, nullable=False),
)

meta_table = Table(
    "crosswire_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def content_hash(article: Article) -> str:
    """What identifies an article's input: re-running on the same input gives the same hash."""
    digest = hashlib.sha256()
    for part in (
        article.raw_format,
        "1" if article.verbatim else "0",
        article.raw,
        article.title or "",
        article.url or "",
        article.published or "",
        article.outlet or "",
        article.language or "",
    ):
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def default_url(out_dir: Path) -> str:
    return f"sqlite:///{out_dir / 'crosswire.db'}"


class Store:
    """Articles and corpus objects behind one SQLAlchemy engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            parsed = make_url(url)
            if parsed.drivername == "postgresql":
                # psycopg 3 is the driver Crosswire installs; SQLAlchemy's default for postgresql:// is psycopg2.
                parsed = parsed.set(drivername="postgresql+psycopg")
            connect_args = {"timeout": SQLITE_BUSY_TIMEOUT} if parsed.get_backend_name() == "sqlite" else {}
            self.engine: Engine = create_engine(parsed, connect_args=connect_args)
        except (ArgumentError, ImportError, ValueError) as exc:
            raise StoreError(
                f"cannot use database URL {url!r} ({exc}); use e.g. sqlite:///crosswire.db or postgresql://user@host/db"
            ) from None
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        from crosswire.store.migrate import migrate

        try:
            with self.writing() as conn:
                migrate(conn, url)
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(
                f"cannot open the store {url} ({reason}); check that it is a Crosswire database you may write"
            ) from None

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction holding the store's write lock: committed at the end, rolled back on error."""
        with self.engine.connect() as conn:
            conn.info["crosswire_write"] = True
            try:
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})
                    yield conn
            finally:
                conn.info.pop("crosswire_write", None)

    @contextmanager
    def corpus_lock(self) -> Iterator[None]:
        """Held from reading the store for the corpus stages to saving their results: one writer at a time.

        A second writer waits here until the first has saved, then reads everything both analysed, so neither
        run's articles are left out of the corpus objects stored last.
        """
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _CORPUS_LOCK_KEY})
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _CORPUS_LOCK_KEY})
                    conn.commit()
            return
        database = self.engine.url.database if self.dialect == "sqlite" else None
        if not database or database == ":memory:":
            yield
            return
        try:
            # flock on the database file itself: on Linux it is independent of the POSIX byte-range locks SQLite
            # takes, and it leaves no lock file behind.
            handle = open(database, "rb")  # noqa: SIM115 - held open for the whole block
        except OSError as exc:
            raise StoreError(f"cannot lock the store {self.url} ({exc.strerror or exc}); check the folder") from None
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def clear(self) -> None:
        """Forget every article and corpus object (one transaction)."""
        with self.writing() as conn:
            conn.execute(delete(corpus_table))
            conn.execute(delete(links_table))
            conn.execute(delete(articles_table))
            conn.execute(delete(meta_table).where(meta_table.c.key == _CORPUS_KEY))
            _bump(conn, ARTICLES_GENERATION)

    def known_hashes(self) -> dict[str, tuple[str, list[str]]]:
        """Article id -> (input hash, layers filled) of every stored article."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles_table.c.id, articles_table.c.content_hash, articles_table.c.layers))
            return {row.id: (row.content_hash, list(row.layers)) for row in rows}

    def known_sources(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles_table.c.id, articles_table.c.source))
            return {row.id: row.source for row in rows}

    def save_articles(self, articles: Sequence[Article]) -> list[Article]:
        """Insert or replace these articles in one transaction; return the ones not saved because of a clash.

        An article whose id another writer has meanwhile given to an article from a different source is not saved
        (that would replace the other's work); the caller reports it, and a later run gives it a distinct id.
        """
        if not articles:
            return []
        try:
            with self.writing() as conn:
                ids = [a.id for a in articles]
                found = conn.execute(
                    select(articles_table.c.id, articles_table.c.position, articles_table.c.source).where(
                        articles_table.c.id.in_(ids)
                    )
                )
                stored = {row.id: (row.position, row.source) for row in found}
                clashes = [a for a in articles if a.id in stored and stored[a.id][1] != a.source]
                saving = [a for a in articles if a not in clashes]
                if not saving:
                    return clashes
                next_position = conn.execute(
                    select(articles_table.c.position).order_by(articles_table.c.position.desc()).limit(1)
                ).scalar()
                next_position = 0 if next_position is None else next_position + 1
                conn.execute(delete(articles_table).where(articles_table.c.id.in_([a.id for a in saving])))
                rows = []
                for article in saving:
                    position = stored[article.id][0] if article.id in stored else None
                    if position is None:
                        position, next_position = next_position, next_position + 1
                    rows.append(_article_row(article, position))
                conn.execute(insert(articles_table), rows)
                _bump(conn, ARTICLES_GENERATION)
                return clashes
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot write to the store {self.url} ({exc}); nothing from this batch was saved"
            ) from None

    def iter_articles(self, *, stage_output: bool = False) -> Iterator[Article]:
        """The stored articles in order of first arrival, as the last corpus run left them.

        With ``stage_output``, as the per-article stages made them, before any corpus stage changed them (inferred
        dates, corrected entity labels, entity links, stories): what a re-run of the corpus stages starts from, so
        that re-running them gives the same result however often they ran before.
        """
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles_table).order_by(articles_table.c.position))
            for row in rows:
                yield _row_article(row._mapping, stage_output=stage_output)

    def corpus_input(self) -> Dossier:
        """What the corpus stages start from, and no more: every article as its per-article stages made it (as
        :meth:`iter_articles` gives it with ``stage_output``) and no corpus objects, since every corpus stage makes its
        own list afresh.

        Read to be held for the whole corpus run at any size, so the articles come without their raw input (no corpus
        stage reads it, and ``dossier.json`` leaves it out), and the short strings their layers repeat (labels, kinds,
        article ids, names) are one object each instead of one per mention.
        """
        strings: dict[str, str] = {}
        columns = [column for column in articles_table.c if column.name != "raw"]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(articles_table.c.position))
            articles = [_row_article(row._mapping, stage_output=True, strings=strings) for row in rows]
        return Dossier(articles=articles)

    def load_dossier(self, *, stage_output: bool = False) -> Dossier:
        """The whole dossier; with ``stage_output``, its articles as :meth:`iter_articles` gives them."""
        articles = list(self.iter_articles(stage_output=stage_output))
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(corpus_table.c.kind, corpus_table.c.data).order_by(corpus_table.c.kind, corpus_table.c.position)
            )
            grouped: dict[str, list[Any]] = {}
            for row in rows:
                grouped.setdefault(row.kind, []).append(row.data)
        # The articles are validated once, by iter_articles; only the corpus lists are validated here.
        dossier = Dossier.model_validate(grouped)
        dossier.articles = articles
        return dossier

    def corpus_fingerprint(self) -> str:
        """A digest of every stored article's id, input and stages, and of the Crosswire version: what the corpus
        stages would run over now (another version may compute them differently)."""
        digest = hashlib.sha256(f"crosswire {__version__}\x00".encode())
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles_table.c.id, articles_table.c.content_hash, articles_table.c.layers).order_by(
                    articles_table.c.position
                )
            )
            for row in rows:
                digest.update(f"{row.id}\x00{row.content_hash}\x00{','.join(row.layers)}\x00".encode())
        return digest.hexdigest()

    def corpus_is_current(self) -> bool:
        """True when the stored corpus objects were computed over exactly the articles stored now."""
        with self.engine.connect() as conn:
            found = conn.execute(select(meta_table.c.value).where(meta_table.c.key == _CORPUS_KEY)).scalar()
        return found is not None and found == self.corpus_fingerprint()

    def generation(self, key: str = ARTICLES_GENERATION) -> int:
        """How many times the store's articles (or, with CORPUS_GENERATION, its corpus) were written: a cheap check
        of whether anything changed since a value was read."""
        with self.engine.connect() as conn:
            found = conn.execute(select(meta_table.c.value).where(meta_table.c.key == key)).scalar()
        return int(found) if found is not None else 0

    def version_stamp(self) -> tuple[str, str]:
        """(articles counter, corpus counter) in one query: equal stamps mean nothing was written in between."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(meta_table.c.key, meta_table.c.value).where(
                    meta_table.c.key.in_([ARTICLES_GENERATION, CORPUS_GENERATION])
                )
            )
            rows = {row.key: row.value for row in found}
        return rows.get(ARTICLES_GENERATION, "0"), rows.get(CORPUS_GENERATION, "0")

    def corpus_source(self) -> str | None:
        """What the stored corpus objects were computed from, as :meth:`save_corpus` was told (None: unknown)."""
        with self.engine.connect() as conn:
            found: str | None = conn.execute(select(meta_table.c.value).where(meta_table.c.key == CORPUS_OF)).scalar()
        return found

    def save_corpus(
        self, dossier: Dossier, *, computed_from: str | None = None, fingerprint: str | None = None
    ) -> None:
        """Replace the corpus-level objects and the articles' corpus fields in one transaction.

        ``computed_from`` says what they were computed from (the caller's stamp of :meth:`generation`, read before
        the dossier was loaded, and of the code), so a later run can tell whether they are still current. The
        fingerprint of the articles they were computed over is kept too (:meth:`corpus_is_current`): pass the one read
        before the dossier was loaded, since another writer may have stored more articles since.

        Each article keeps what its per-article stages made; what the corpus stages changed in it is stored beside
        it (``_corpus``), so :meth:`iter_articles` can give either.
        """
        fingerprint = fingerprint or self.corpus_fingerprint()
        try:
            with self.writing() as conn:
                _bump(conn, CORPUS_GENERATION)
                _set(conn, CORPUS_OF, computed_from or "")
                conn.execute(delete(corpus_table))
                conn.execute(delete(links_table))
                index = ArticleIndex()
                # The articles' stored data is read a chunk at a time, never the whole store at once.
                for start in range(0, len(dossier.articles), _WRITE_CHUNK):
                    chunk = dossier.articles[start : start + _WRITE_CHUNK]
                    found = conn.execute(
                        select(articles_table.c.id, articles_table.c.data).where(
                            articles_table.c.id.in_([a.id for a in chunk])
                        )
                    )
                    stored = {row.id: row.data for row in found}
                    for article in chunk:
                        base = {k: v for k, v in (stored.get(article.id) or {}).items() if k != _CORPUS_OVERLAY_KEY}
                        now = _article_data(article)
                        index.add(now)
                        overlay = {k: v for k, v in now.items() if base.get(k) != v}
                        conn.execute(
                            articles_table.update()
                            .where(articles_table.c.id == article.id)
                            .values(
                                story=article.story,
                                duplicate_of=article.duplicate_of,
                                data={**base, _CORPUS_OVERLAY_KEY: overlay},
                            )
                        )
                rows: list[dict[str, Any]] = []
                links: list[dict[str, Any]] = []
                for kind in CORPUS_KINDS:
                    for position, item in enumerate(getattr(dossier, kind)):
                        data = item.model_dump(mode="json")
                        rows.append({"kind": kind, "position": position, "id": data.get("id"), "data": data})
                        links += link_rows(kind, position, data, index)
                        if len(rows) >= _WRITE_CHUNK:
                            conn.execute(insert(corpus_table), rows)
                            rows = []
                        if len(links) >= _WRITE_CHUNK:
                            conn.execute(insert(links_table), links)
                            links = []
                if rows:
                    conn.execute(insert(corpus_table), rows)
                if links:
                    conn.execute(insert(links_table), links)
                conn.execute(delete(meta_table).where(meta_table.c.key == _CORPUS_KEY))
                conn.execute(insert(meta_table).values(key=_CORPUS_KEY, value=fingerprint))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the store {self.url} ({exc}); the previous results are kept") from None


def _article_row(article: Article, position: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.input_hash or content_hash(article),
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "story": article.story,
        "duplicate_of": article.duplicate_of,
        "raw": article.raw,
        "raw_format": article.raw_format,
        "verbatim": article.verbatim,
        "layers": list(article.layers),
        "data": _article_data(article),
        "position": position,
    }


# Layers kept with a stored article that dossier.json leaves out of the article (they appear elsewhere in it, e.g.
# statements as ``dossier.statements``), stored under a private key of ``data`` so a re-run can reuse them.
_STATEMENTS_KEY = "_statements"
_EVENT_MENTIONS_KEY = "_event_mentions"
# What the corpus stages changed in the article (a partial ``data``), kept apart from what its own stages made.
_CORPUS_OVERLAY_KEY = "_corpus"
# The meta key of :meth:`Store.corpus_fingerprint` as of the last corpus run.
_CORPUS_KEY = "corpus_fingerprint"


def _article_data(article: Article) -> dict[str, Any]:
    data = article.model_dump(mode="json")
    data[_STATEMENTS_KEY] = [statement.model_dump(mode="json") for statement in article.statements]
    data[_EVENT_MENTIONS_KEY] = [mention.model_dump(mode="json") for mention in article.event_mentions]
    return data


# Strings up to this long are shared between the articles read by one :meth:`Store.corpus_input`.
_SHARED_STRING = 40


def _share_strings(value: Any, strings: dict[str, str]) -> Any:
    """``value`` (parsed JSON) with each short string replaced by the first equal one in ``strings``."""
    if isinstance(value, str):
        return strings.setdefault(value, value) if len(value) <= _SHARED_STRING else value
    if isinstance(value, dict):
        return {key: _share_strings(item, strings) for key, item in value.items()}
    if isinstance(value, list):
        return [_share_strings(item, strings) for item in value]
    return value


def _row_article(row: Any, *, stage_output: bool = False, strings: dict[str, str] | None = None) -> Article:
    data = dict(row["data"])
    overlay = data.pop(_CORPUS_OVERLAY_KEY, None) or {}
    if not stage_output:
        data.update(overlay)
    if strings is not None:
        data = _share_strings(data, strings)
    statements = data.pop(_STATEMENTS_KEY, [])
    event_mentions = data.pop(_EVENT_MENTIONS_KEY, [])
    return Article.model_validate(
        {
            **data,
            "statements": statements,
            "event_mentions": event_mentions,
            "raw": row.get("raw", ""),
            "raw_format": row["raw_format"],
            "verbatim": row["verbatim"],
            "layers": row["layers"],
            "input_hash": row["content_hash"],
        }
    )


def _set(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(meta_table.update().where(meta_table.c.key == key).values(value=value))
    if not updated.rowcount:
        conn.execute(insert(meta_table).values(key=key, value=value))


def _bump(conn: Connection, key: str) -> None:
    """Add one to a counter (inside a write transaction, which holds the write lock)."""
    found = conn.execute(select(meta_table.c.value).where(meta_table.c.key == key)).scalar()
    _set(conn, key, str(int(found or 0) + 1))


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy, not the sqlite3 module, starts transactions (see _sqlite_begin), so DDL is transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (crosswire serve) working while a run writes, and survives a killed writer.
    _journal_in_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _journal_in_wal(cursor: Any) -> None:
    """Put the database file in WAL mode (once: the mode is stored in the file). Switching needs the file to
    itself, and SQLite answers "database is locked" at once instead of waiting its busy timeout when two runs open
    a new store together; so the switch is retried until the busy timeout has passed."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes SQLite's write lock when its transaction starts, waiting for another writer's to end, instead
    # of failing when a read-then-write transaction cannot be upgraded.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("crosswire_write") else "BEGIN")
