"""Listing the entities of a dossier or a store: the library side of ``crosswire entities``.

The command accepts what ``analyze`` leaves behind: a ``dossier.json``, the folder holding it (or its store,
``crosswire.db``), or a store URL. A dossier written before the entities stage existed has mentions but no entities;
for it the entities are computed from the stored mentions on the fly (nothing is written back), so the listing works
on every dossier this version can read.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from crosswire.errors import UsageError
from crosswire.model import Dossier, Entity


def _from_store(url: str) -> Dossier:
    from crosswire.store import Store

    with Store(url) as store:
        return store.load_dossier()


def load_dossier(source: Path | None, db_url: str | None = None) -> Dossier:
    """The dossier at ``source`` (file or folder) or in the store at ``db_url`` (which wins when given)."""
    if db_url:
        return _from_store(db_url)
    if source is None:
        raise UsageError("give a dossier.json, a folder written by crosswire analyze, or --db URL")
    if source.is_dir():
        if (source / "dossier.json").is_file():
            source = source / "dossier.json"
        elif (source / "crosswire.db").is_file():
            return _from_store(f"sqlite:///{source / 'crosswire.db'}")
        else:
            raise UsageError(f"{source} holds neither dossier.json nor crosswire.db; pass the --out folder of analyze")
    if not source.is_file():
        raise UsageError(f"{source} does not exist; pass a dossier.json or the --out folder of analyze")
    try:
        return Dossier.from_json(source.read_bytes())
    except (ValidationError, ValueError) as exc:
        first = str(exc).splitlines()[0]
        raise UsageError(f"{source} is not a Crosswire dossier ({first})") from None
    except OSError as exc:
        raise UsageError(f"cannot read {source} ({exc.strerror or exc})") from None


def list_entities(source: Path | None, db_url: str | None = None) -> list[Entity]:
    """The dossier's entities, most mentioned first; computed from the mentions when the dossier has none."""
    dossier = load_dossier(source, db_url)
    if not dossier.entities and any(article.mentions for article in dossier.articles):
        from crosswire.entities.canonical import canonicalize_entities

        canonicalize_entities(dossier)
    return sorted(dossier.entities, key=lambda e: (-e.mention_count, e.type, e.name))
