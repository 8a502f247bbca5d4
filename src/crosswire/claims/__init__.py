"""What holds up: propositions merged into claims, each with its stances per source, origin, verdict and the
contradictions between sources.

:mod:`.propositions` extracts what articles put forward (:mod:`.reactions` tells the statements that only answer
something said elsewhere), :mod:`.merge` joins the ones that say the same thing,
:mod:`.verdicts` counts independent sources, :mod:`.contradictions` finds slots given different values.
Stage exported: ``build_claims`` (corpus), with ``embedded_texts``: the sentences it embeds for one article.
"""

from __future__ import annotations

from crosswire.claims.stage import build_claims, embedded_texts

__all__ = ["build_claims", "embedded_texts"]
