"""Who said what: statements with their speaker, cue, content and stance class, and their speakers' entities.

Rules over the parse and the quotation marks (:mod:`.finder`, :mod:`.verb_content`, :mod:`.source_phrases`,
:mod:`.quotes`, :mod:`.dashes`, :mod:`.cues`, :mod:`.bounds`) find statements; learned steps trained on PolNeAR
(:mod:`.learned`, :mod:`.cue_model`, :mod:`.spans`) add and trim them, and a fine-tuned token tagger (:mod:`.tagger`)
adds the attributions they all missed; :mod:`.stance` reads their stance class and :mod:`.sources` the kind of source.
Stages exported: ``find_statements`` (per article) and ``link_statements`` (corpus).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosswire.attribution.finder import find_statements
    from crosswire.attribution.statements import link_statements

__all__ = ["find_statements", "link_statements"]
# The stages load spaCy; a reader of one module (``crosswire check`` reads :mod:`.stance` alone) should not pay for
# them, so they are imported when first asked for.
_STAGES = {"find_statements": "crosswire.attribution.finder", "link_statements": "crosswire.attribution.statements"}


def __getattr__(name: str) -> Any:
    if name in _STAGES:
        return getattr(import_module(_STAGES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
