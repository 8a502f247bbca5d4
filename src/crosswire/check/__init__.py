"""``crosswire check``: the stance of an article body or a headline towards a claim.

:mod:`.features` and :mod:`.model` are the body stance networks trained on FNC-1; :mod:`.headline` reads one-line
texts by their cues; :mod:`.pairs` runs a check over articles or a pairs file. No pipeline stage lives here: the
library entry points are ``check_articles`` and ``check_pairs``.
"""

from __future__ import annotations

from crosswire.check.pairs import check_articles, check_pairs

__all__ = ["check_articles", "check_pairs"]
