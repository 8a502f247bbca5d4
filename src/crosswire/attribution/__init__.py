"""Who said what: statements with their speaker, cue, content and stance class, and their speakers' entities.

Rules over the parse and the quotation marks (:mod:`.finder`, :mod:`.quotes`, :mod:`.cues`, :mod:`.bounds`) find
statements; learned steps trained on PolNeAR (:mod:`.learned`, :mod:`.cue_model`, :mod:`.spans`) add and trim them;
:mod:`.stance` reads their stance class and :mod:`.sources` the kind of source. Stages exported:
``find_statements`` (per article) and ``link_statements`` (corpus).
"""

from __future__ import annotations

from crosswire.attribution.finder import find_statements
from crosswire.attribution.statements import link_statements

__all__ = ["find_statements", "link_statements"]
