"""A dossier restricted to some of its articles: what a story page or an article page shows.

The restricted dossier holds the chosen articles, their statements, the entities they mention (and the entities the
kept objects name, so every id on the page resolves), and the events, claims, contradictions, stories, storylines and
timeline entries that touch those articles. Inside each kept object, lists of article and statement ids are cut down
to the ones on the page; what was computed over the whole store (a claim's verdict and independent sources, a
story's dates) is kept as the store has it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from crosswire.model import (
    Claim,
    Contradiction,
    Dossier,
    Entity,
    Event,
    OutletCoverage,
    Story,
    Storyline,
    TimelineEntry,
)


def story_article_ids(dossier: Dossier, story_id: str) -> list[str]:
    """The ids of the story's articles in dossier order (its own list, or the articles that point to it)."""
    story = next((s for s in dossier.stories if s.id == story_id), None)
    listed = set(story.articles) if story is not None else set()
    return [a.id for a in dossier.articles if a.id in listed or a.story == story_id]


def entity_article_ids(dossier: Dossier, entity_id: str) -> set[str]:
    """The ids of the articles that mention the entity (by its mentions or its own list of articles)."""
    found = {a.id for a in dossier.articles if any(m.entity == entity_id for m in a.mentions)}
    for entity in dossier.entities:
        if entity.id == entity_id:
            found.update(entity.articles)
    return found


def claim_entities(claim: Claim) -> set[str]:
    return {stance.source for stance in claim.stances if stance.source} | ({claim.origin} if claim.origin else set())


def event_entities(event: Event) -> set[str]:
    found = set(event.participants) | {role.entity for role in event.participant_roles}
    return found | ({event.location} if event.location else set())


def _keep(ids: Iterable[str], allowed: Collection[str]) -> list[str]:
    return [i for i in ids if i in allowed]


def _event(event: Event, articles: set[str]) -> Event:
    return event.model_copy(
        update={
            "articles": _keep(event.articles, articles),
            "evidence": [e for e in event.evidence if e.article in articles],
        }
    )


def _claim(claim: Claim, articles: set[str]) -> Claim:
    return claim.model_copy(update={"stances": [s for s in claim.stances if s.article in articles]})


def _contradiction(item: Contradiction, articles: set[str], statements: set[str]) -> Contradiction:
    values = [
        value.model_copy(
            update={
                "articles": _keep(value.articles, articles),
                "statements": _keep(value.statements, statements),
                "evidence": [e for e in value.evidence if e.article in articles],
            }
        )
        for value in item.values
    ]
    return item.model_copy(update={"values": values})


def _coverage(item: OutletCoverage, articles: set[str]) -> OutletCoverage:
    return item.model_copy(update={"articles": _keep(item.articles, articles)})


def _story(story: Story, articles: set[str]) -> Story:
    coverage = [_coverage(c, articles) for c in story.coverage if set(c.articles) & articles]
    return story.model_copy(update={"articles": _keep(story.articles, articles), "coverage": coverage})


def _entity(entity: Entity, articles: set[str], mentions: dict[str, int]) -> Entity:
    return entity.model_copy(
        update={"articles": _keep(entity.articles, articles), "mention_count": mentions.get(entity.id, 0)}
    )


def restrict(dossier: Dossier, article_ids: Iterable[str]) -> Dossier:
    """The part of ``dossier`` about the articles ``article_ids`` (see the module's docstring)."""
    wanted = set(article_ids)
    articles = [a for a in dossier.articles if a.id in wanted]
    kept = {a.id for a in articles}
    statements = [s for s in dossier.statements if s.article in kept]
    statement_ids = {s.id for s in statements}

    events = [
        _event(e, kept) for e in dossier.events if set(e.articles) & kept or any(v.article in kept for v in e.evidence)
    ]
    event_ids = {e.id for e in events}
    claims = [
        _claim(c, kept) for c in dossier.claims if any(s.article in kept for s in c.stances) or c.event in event_ids
    ]
    claim_ids = {c.id for c in claims}
    contradictions = [
        _contradiction(c, kept, statement_ids)
        for c in dossier.contradictions
        if c.about in event_ids
        or c.about in claim_ids
        or any(set(v.articles) & kept or set(v.statements) & statement_ids for v in c.values)
    ]
    stories = [
        _story(s, kept) for s in dossier.stories if set(s.articles) & kept or any(a.story == s.id for a in articles)
    ]
    story_ids = {s.id for s in stories}
    storylines: list[Storyline] = [
        line.model_copy(update={"stories": _keep(line.stories, story_ids)})
        for line in dossier.storylines
        if set(line.stories) & story_ids
    ]
    timeline: list[TimelineEntry] = [
        entry.model_copy(update={"articles": _keep(entry.articles, kept)})
        for entry in dossier.timeline
        if set(entry.articles) & kept
        or (entry.event is not None and entry.event in event_ids)
        or (entry.claim is not None and entry.claim in claim_ids)
    ]

    mentions: dict[str, int] = {}
    for article in articles:
        for mention in article.mentions:
            if mention.entity:
                mentions[mention.entity] = mentions.get(mention.entity, 0) + 1
    named: set[str] = set(mentions)
    for statement in statements:
        if statement.speaker:
            named.add(statement.speaker)
        named.update(statement.via)
    for event in events:
        named |= event_entities(event)
    for claim in claims:
        named |= claim_entities(claim)
    entities = [_entity(e, kept, mentions) for e in dossier.entities if e.id in named or set(e.articles) & kept]

    return Dossier(
        articles=articles,
        entities=entities,
        statements=statements,
        events=events,
        claims=claims,
        contradictions=contradictions,
        stories=stories,
        storylines=storylines,
        timeline=timeline,
        errors=[],
    )
