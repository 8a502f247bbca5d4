"""Schema migrations of the store, through Alembic (``migrations/``), run when a store is opened.

A new store gets every revision; an older one the revisions it lacks. A store written before migrations existed
(``crosswire_meta`` says schema 1, no ``alembic_version``) is stamped at the first revision, which is that schema,
then upgraded. A store from a newer Crosswire, at a revision this one does not know, is refused, never altered.
Migrations run in one transaction that holds the store's write lock, so two processes opening a new store at once
do not both create it.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, inspect, text

from crosswire.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"
# What ``crosswire_meta`` said before Alembic: stores at this schema are stamped at BASELINE.
LEGACY_SCHEMA = "1"


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(connection: Connection, url: str) -> None:
    """Bring the store on ``connection`` (inside a write transaction) to the newest schema."""
    config = _config(connection)
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    found = current_revision(connection)
    if found is None and inspect(connection).has_table("articles"):
        legacy = None
        if inspect(connection).has_table("crosswire_meta"):
            legacy = connection.execute(text("SELECT value FROM crosswire_meta WHERE key = 'schema'")).scalar()
        if legacy != LEGACY_SCHEMA:
            raise StoreError(
                f"the store at {url} has schema {legacy}, which this Crosswire cannot read; use a new --db"
            )
        command.stamp(config, BASELINE)
        found = BASELINE
    if found is not None and found not in known:
        raise StoreError(
            f"the store at {url} has schema revision {found}, written by a newer Crosswire; upgrade Crosswire or use "
            "a new --db"
        )
    try:
        command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(f"cannot migrate the store at {url} ({exc}); use a new --db") from None
