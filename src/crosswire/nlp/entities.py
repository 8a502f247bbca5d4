"""Entity mentions in one article: people, organizations, places and nationalities (per-article stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.model import Article

if TYPE_CHECKING:
    from crosswire.pipeline import Context


def find_mentions(article: Article, context: Context) -> None:
    """Fill ``article.mentions``. Not built yet: leaves the list empty."""
    article.mentions = []
