"""Look-ups over one dossier for the views: objects by id, and which story each article, claim and event belongs to.

The dossier may be a subset (a page of ``crosswire serve``) or come from a run where some stages have not filled
their lists; every reference is looked up defensively, and whatever names an unknown id is simply not linked.
Objects are placed in the story holding most of their articles; what no story holds goes to the group with key
``""`` ("not in a story").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from crosswire.model import Article, Claim, Contradiction, Dossier, Entity, Event, Statement, Story
from crosswire.report.anchors import article_anchor, outlet_token
from crosswire.report.dates import publication_span
from crosswire.report.links import Link, date_range

UNPLACED = ""


def source_key(source: str | None, source_text: str | None) -> tuple[str, str, str]:
    """Who takes a stance, as (key, kind, reference): an entity, a source named only in the text, or nobody."""
    if source:
        return f"e:{source}", "entity", source
    if source_text and source_text.strip():
        return f"t:{source_text.strip().lower()}", "named", source_text.strip()
    return "anonymous", "anonymous", "unnamed source"


class DossierIndex:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.articles: dict[str, Article] = {}
        for article in dossier.articles:
            self.articles.setdefault(article.id, article)
        self.entities: dict[str, Entity] = {e.id: e for e in dossier.entities}
        self.statements: dict[str, Statement] = {s.id: s for s in dossier.statements}
        self.events: dict[str, Event] = {e.id: e for e in dossier.events}
        self.claims: dict[str, Claim] = {c.id: c for c in dossier.claims}
        self.stories: dict[str, Story] = {}
        for story in dossier.stories:
            self.stories.setdefault(story.id, story)
        self.statements_by_article: dict[str, list[Statement]] = defaultdict(list)
        for statement in dossier.statements:
            if statement.article in self.articles:
                self.statements_by_article[statement.article].append(statement)
        self.claims_by_event: dict[str, list[Claim]] = defaultdict(list)
        for claim in dossier.claims:
            if claim.event:
                self.claims_by_event[claim.event].append(claim)
        self.contradictions_about: dict[str, list[Contradiction]] = defaultdict(list)
        for contradiction in dossier.contradictions:
            self.contradictions_about[contradiction.about].append(contradiction)
        self.story_of_article: dict[str, str] = {}
        for story in self.stories.values():
            for article_id in story.articles:
                if article_id in self.articles:
                    self.story_of_article.setdefault(article_id, story.id)
        for article in self.articles.values():
            if article.id not in self.story_of_article:
                known = article.story is not None and article.story in self.stories
                self.story_of_article[article.id] = article.story if known and article.story else UNPLACED
        self._story_order = {story_id: n for n, story_id in enumerate(self.stories)}

    # --- placing objects in stories ---------------------------------------------------------------------------------

    def place(self, article_ids: list[str]) -> str:
        """The story holding most of these articles (the earlier story on a tie), or ``UNPLACED``."""
        counts = Counter(self.story_of_article[a] for a in article_ids if a in self.story_of_article)
        counts.pop(UNPLACED, None)
        if not counts:
            return UNPLACED
        return max(counts, key=lambda key: (counts[key], -self._story_order.get(key, 0)))

    def claim_articles(self, claim: Claim) -> list[str]:
        found = [stance.article for stance in claim.stances]
        event = self.events.get(claim.event) if claim.event else None
        if event is not None:
            found += self.event_articles(event)
        return [a for a in dict.fromkeys(found) if a in self.articles]

    def event_articles(self, event: Event) -> list[str]:
        found = [*event.articles, *(evidence.article for evidence in event.evidence)]
        return [a for a in dict.fromkeys(found) if a in self.articles]

    def contradiction_articles(self, contradiction: Contradiction) -> list[str]:
        found: list[str] = []
        for value in contradiction.values:
            found += value.articles + [e.article for e in value.evidence]
            found += [self.statements[s].article for s in value.statements if s in self.statements]
        return [a for a in dict.fromkeys(found) if a in self.articles]

    def place_contradiction(self, contradiction: Contradiction) -> str:
        about_claim = self.claims.get(contradiction.about)
        if about_claim is not None:
            return self.place(self.claim_articles(about_claim))
        about_event = self.events.get(contradiction.about)
        if about_event is not None:
            return self.place(self.event_articles(about_event))
        return self.place(self.contradiction_articles(contradiction))

    # --- labels and links -------------------------------------------------------------------------------------------

    def entity_name(self, entity_id: str | None, fallback: str | None = None) -> str:
        entity = self.entities.get(entity_id) if entity_id else None
        if entity is not None:
            return entity.name
        return fallback or entity_id or "unnamed source"

    def article_title(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.title or article.id) if article is not None else article_id

    def article_source_label(self, article_id: str) -> str:
        """A short label for an article: its outlet (else its title, shortened and quoted) and its date."""
        article = self.articles.get(article_id)
        if article is None:
            return article_id
        name = article.outlet
        if not name:
            # Quoted, so that a headline opening with a name is not read as that person reporting it.
            title = article.title or article.id
            name = "“" + (title if len(title) <= 48 else title[:47].rstrip() + "…") + "”"
        return ", ".join(p for p in (name, (article.published or "")[:10]) if p)

    def article_link(self, article_id: str, label: str | None = None) -> Link | None:
        if article_id not in self.articles:
            return None
        return Link(f"#{article_anchor(article_id)}", label or self.article_title(article_id))

    def outlets(self, article_ids: list[str]) -> frozenset[str]:
        return frozenset(
            outlet_token(self.articles[a].outlet or "")
            for a in article_ids
            if a in self.articles and self.articles[a].outlet
        )

    def published_days(self, article_ids: list[str]) -> list[str]:
        days = []
        for article_id in article_ids:
            article = self.articles.get(article_id)
            span = publication_span(article.published) if article is not None else None
            if span is not None:
                days.append(span.iso_start)
        return days

    def publication_range(self, article_ids: list[str]) -> tuple[str | None, str | None]:
        return date_range(self.published_days(article_ids))

    def mentioned_entities(self, article_id: str, start: int, end: int) -> set[str]:
        """Entities mentioned between ``start`` and ``end`` of an article."""
        article = self.articles.get(article_id)
        if article is None:
            return set()
        return {m.entity for m in article.mentions if m.entity and m.start >= start and m.end <= end}
