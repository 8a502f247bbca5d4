"""Canonical entities across the corpus: one entity per person or organization, whatever the spelling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.model import Dossier

if TYPE_CHECKING:
    from crosswire.pipeline import Context


def canonicalize_entities(dossier: Dossier, context: Context) -> None:
    """Fill ``dossier.entities`` and each mention's ``entity``. Not built yet: no entities."""
    dossier.entities = []
