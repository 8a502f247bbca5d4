"""Stories: near-duplicates, clustering of articles into stories, storylines, the timeline and coverage.

Stages exported (all corpus stages): ``mark_duplicates``, ``cluster_stories``, ``build_timeline``, ``build_coverage``;
and ``article_lead``: the lead ``cluster_stories`` embeds for one article.
"""

from __future__ import annotations

from crosswire.stories.coverage import build_coverage
from crosswire.stories.duplicates import mark_duplicates
from crosswire.stories.features import article_lead
from crosswire.stories.stage import cluster_stories, start_lead_embeddings
from crosswire.stories.timeline import build_timeline

__all__ = [
    "article_lead",
    "build_coverage",
    "build_timeline",
    "cluster_stories",
    "mark_duplicates",
    "start_lead_embeddings",
]
