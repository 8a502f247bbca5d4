"""When: time expressions found and resolved to the calendar, and publication dates the input did not give.

Patterns (:mod:`.rules`, :mod:`.periods`, :mod:`.ranges`, :mod:`.relative`, with words from :mod:`.lexicon`) find
expressions and normalize them; a learned boundary tagger (:mod:`.tagger`, trained by ``bench/train_timex_tagger.py``)
sets their edges; the tense of the governing verb (:mod:`.tense`) says which way a relative one points; quotations
are read from the day they were said (:mod:`.speech`); :mod:`.values` is the one TIMEX3 value type.
Stages exported: ``find_timexes`` (per article) and ``infer_publication_dates`` (corpus).
"""

from __future__ import annotations

from crosswire.time.dating import infer_publication_dates
from crosswire.time.timex import find_timexes

__all__ = ["find_timexes", "infer_publication_dates"]
