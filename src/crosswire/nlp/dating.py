"""Publication dates the input did not give, inferred from the text or from sibling articles (corpus stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.model import Dossier

if TYPE_CHECKING:
    from crosswire.pipeline import Context


def infer_publication_dates(dossier: Dossier, context: Context) -> None:
    """Fill ``published`` where it is missing and evidence supports a date. Not built yet: changes nothing."""
