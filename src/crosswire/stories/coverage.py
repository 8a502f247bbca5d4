"""Coverage comparison: per story, what each outlet carries, what it leaves out, and what only it has.

An outlet is the article's ``outlet``; without one, the host of its URL; without that, the article stands alone as
an outlet of its own (two unattributed files are not assumed to come from one newsroom). Omissions are counted
against what at least one *other* outlet of the story carries, so a story covered by one outlet omits nothing.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from crosswire.context import Context
from crosswire.model import Article, Dossier, OutletCoverage


def outlet_label(article: Article) -> str:
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"unknown outlet ({article.id})"


def build_coverage(dossier: Dossier, context: Context | None = None) -> None:
    """Fill ``coverage`` of every story in ``dossier.stories``."""
    articles = {article.id: article for article in dossier.articles}
    claim_articles: dict[str, set[str]] = defaultdict(set)
    claim_statements: dict[str, set[str]] = defaultdict(set)
    for claim in dossier.claims:
        for stance in claim.stances:
            claim_articles[claim.id].add(stance.article)
            if stance.statement:
                claim_statements[claim.id].add(stance.statement)
    event_articles = {event.id: set(event.articles) for event in dossier.events}
    for story in dossier.stories:
        members = [articles[article_id] for article_id in story.articles if article_id in articles]
        outlets: dict[str, list[str]] = defaultdict(list)
        for article in members:
            if article.duplicate_of is None:
                outlets[outlet_label(article)].append(article.id)
        outlet_of = {article_id: outlet for outlet, ids in outlets.items() for article_id in ids}
        story_claims = {
            claim: {outlet_of[a] for a in ids if a in outlet_of}
            for claim, ids in claim_articles.items()
            if ids & outlet_of.keys()
        }
        story_events = {
            event: {outlet_of[a] for a in ids if a in outlet_of}
            for event, ids in event_articles.items()
            if ids & outlet_of.keys()
        }
        coverage: list[OutletCoverage] = []
        for outlet, ids in sorted(outlets.items(), key=lambda item: (-len(item[1]), item[0])):
            carried_claims = sorted(claim for claim, by in story_claims.items() if outlet in by)
            carried_events = sorted(event for event, by in story_events.items() if outlet in by)
            exclusive = (
                [claim for claim in carried_claims if story_claims[claim] == {outlet}] if len(outlets) > 1 else []
            )
            coverage.append(
                OutletCoverage(
                    outlet=outlet,
                    articles=ids,
                    claims=carried_claims,
                    events=carried_events,
                    omitted_claims=sorted(
                        claim for claim, by in story_claims.items() if outlet not in by and by - {outlet}
                    ),
                    omitted_events=sorted(
                        event for event, by in story_events.items() if outlet not in by and by - {outlet}
                    ),
                    exclusive_claims=exclusive,
                    exclusive_statements=sorted({s for claim in exclusive for s in claim_statements[claim]}),
                )
            )
        story.coverage = coverage
