"""Short passages analysed through the whole pipeline as one small pile, for the attribution tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.model import Dossier, Event, Statement


def analyze_passages(factory: pytest.TempPathFactory, passages: Mapping[str, str]) -> Dossier:
    """The dossier of ``passages`` (file stem -> text), each written to its own file and read verbatim."""
    folder = factory.mktemp("passages")
    for name, text in passages.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return analyze([str(folder)], factory.mktemp("out"), verbatim=True).dossier


def statements(dossier: Dossier, name: str) -> list[Statement]:
    """The statements of the passage written to ``name``.txt."""
    wanted = next(a.id for a in dossier.articles if Path(a.source).stem == name)
    return [s for s in dossier.statements if s.article == wanted]


def speaker_name(dossier: Dossier, statement: Statement) -> str | None:
    """The canonical name of the entity a statement's speaker is linked to, if any."""
    entity = next((e for e in dossier.entities if e.id == statement.speaker), None)
    return entity.name if entity else None


def passage_events(dossier: Dossier, name: str, event_type: str) -> list[Event]:
    """The events of ``event_type`` the passage written to ``name``.txt reports."""
    wanted = next(a.id for a in dossier.articles if Path(a.source).stem == name)
    return [e for e in dossier.events if e.type == event_type and wanted in e.articles]
