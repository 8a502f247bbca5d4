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
    # Each story looks up the claims and events of its own articles: looking through all of them for every story
    # grew with the square of the corpus. (Every list below is sorted, so the order they are found in is free.)
    claims_of = _by_article(claim_articles)
    events_of = _by_article(event_articles)
    for story in dossier.stories:
        members = [articles[article_id] for article_id in story.articles if article_id in articles]
        outlets: dict[str, list[str]] = defaultdict(list)
        for article in members:
            if article.duplicate_of is None:
                outlets[outlet_label(article)].append(article.id)
        outlet_of = {article_id: outlet for outlet, ids in outlets.items() for article_id in ids}
        story_claims = _carried_by(claims_of, claim_articles, outlet_of)
        story_events = _carried_by(events_of, event_articles, outlet_of)
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


def _by_article(articles_of: dict[str, set[str]]) -> dict[str, set[str]]:
    """Article id -> the ids (claims or events) whose articles include it."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, ids in articles_of.items():
        for article_id in ids:
            index[article_id].add(key)
    return index


def _carried_by(
    keys_of: dict[str, set[str]], articles_of: dict[str, set[str]], outlet_of: dict[str, str]
) -> dict[str, set[str]]:
    """The claims (or events) of a story's articles -> the story's outlets that carry each."""
    keys = {key for article_id in outlet_of for key in keys_of.get(article_id, ())}
    return {key: {outlet_of[a] for a in articles_of[key] if a in outlet_of} for key in keys}
