"""Time expressions in one article, resolved to the calendar (per-article stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.model import Article

if TYPE_CHECKING:
    from crosswire.pipeline import Context


def find_timexes(article: Article, context: Context) -> None:
    """Fill ``article.timexes``. Not built yet: leaves the list empty."""
    article.timexes = []
