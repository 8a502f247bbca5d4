"""What happened: PLOVER-typed event mentions per article, merged into one event per occurrence across articles.

:mod:`.mentions` reads who did what to whom, where and when from the parse (the trigger lexicon of
``data/plover.json`` in :mod:`.lexicon`);
:mod:`.merge` joins the mentions of one occurrence. Stages exported: ``find_event_mentions`` (per article) and
``merge_events`` (corpus).
"""

from __future__ import annotations

from crosswire.events.mentions import find_event_mentions
from crosswire.events.merge import merge_events

__all__ = ["find_event_mentions", "merge_events"]
