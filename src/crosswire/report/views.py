"""What the page shows, computed from a dossier: the overview, each story's parts, and the filter choices.

Templates only lay these out; every decision (which story a claim belongs to, what a cell says, where a bar sits
on the date axis) is made here, so it can be tested without a browser.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from crosswire.model import Claim, ClaimStance, Contradiction, Dossier, Entity, Event, Story, TimelineEntry
from crosswire.report.anchors import (
    anchor,
    article_anchor,
    claim_anchor,
    claim_cell_token,
    claim_token,
    contradiction_anchor,
    contradiction_evidence_anchor,
    contradiction_token,
    entity_token,
    event_anchor,
    event_evidence_anchor,
    event_token,
    outlet_token,
    slug,
    statement_anchor,
    story_anchor,
)
from crosswire.report.articles import ArticleView, article_views
from crosswire.report.axis import Axis, Tick
from crosswire.report.dates import TimeSpan, describe_timex, parse_timex, publication_span
from crosswire.report.index import UNPLACED, DossierIndex, source_key
from crosswire.report.links import Filter, Link, date_range

VERDICTS = ("corroborated", "contested", "denied", "single-source", "unverified")
STANCES = {
    "confirms": ("✓", "confirms"),
    "denies": ("✗", "denies"),
    "declines": ("⊘", "declines to comment"),
    "neither": ("?", "neither confirms nor denies"),
    "reports": ("•", "reports"),
}
ENTITY_CARDS_SHOWN = 12


# --- the parts of a story ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    stance: str
    symbol: str
    label: str
    count: int
    link: Link


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    entity: str | None
    kind: str


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    anchor: str
    link: Link
    cells: list[list[Cell]]
    origin: str | None
    date: str | None
    contradictions: list[Link]
    filter: Filter

    def cell_runs(self) -> tuple[list[tuple[int, list[Cell]]], int]:
        """The row's filled cells, each with the number of empty cells just before it, and the number of empty cells
        ending the row. A story's matrix is its claims × its sources and nearly every cell is empty, so the page writes
        each run of empty cells at once instead of one at a time (the same HTML, without claims × sources work)."""
        runs: list[tuple[int, list[Cell]]] = []
        empty = 0
        for cell in self.cells:
            if cell:
                runs.append((empty, cell))
                empty = 0
            else:
                empty += 1
        return runs, empty


@dataclass(frozen=True)
class Participant:
    name: str
    role: str | None
    href: str | None


@dataclass(frozen=True)
class EventRow:
    event: Event
    anchor: str
    link: Link | None
    date: str
    precision: str | None
    location: Participant | None
    participants: list[Participant]
    evidence: list[Link]
    claims: list[Link]
    contradictions: list[Link]
    filter: Filter


@dataclass(frozen=True)
class TimelineRow:
    kind: str
    summary: str
    date: str
    value: str
    precision: str | None
    left: float
    width: float
    point: bool
    link: Link | None
    first_reported: str | None
    filter: Filter


@dataclass(frozen=True)
class ReportTick:
    left: float
    link: Link


@dataclass(frozen=True)
class TimelineView:
    rows: list[TimelineRow]
    undated: list[TimelineRow]
    ticks: list[Tick]
    reports: list[ReportTick]
    derived: bool


@dataclass(frozen=True)
class EntityCard:
    entity: Entity
    anchor: str
    token: str
    aliases: list[str]
    mentions: int
    articles: int
    filter: Filter


@dataclass(frozen=True)
class CoverageRow:
    outlet: str
    articles: list[Link]
    claims: int
    events: int
    omitted: list[Link]
    exclusive: list[Link]
    filter: Filter


@dataclass(frozen=True)
class ValueView:
    value: str
    first_published: str | None
    link: Link | None
    sources: list[Link]


@dataclass(frozen=True)
class ContradictionView:
    contradiction: Contradiction
    anchor: str
    about: Link | None
    summary: str
    values: list[ValueView]
    filter: Filter


@dataclass
class StoryView:
    key: str
    anchor: str
    title: str
    story: Story | None
    articles: list[Link]
    article_ids: list[str]
    outlets: list[str]
    dates: str
    claims: list[ClaimRow] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    verdicts: list[tuple[str, int]] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    timeline: TimelineView | None = None
    entities: list[EntityCard] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)
    coverage_derived: bool = False
    contradictions: list[ContradictionView] = field(default_factory=list)
    filter: Filter = field(default_factory=Filter)

    @property
    def article_tokens(self) -> str:
        return " ".join(article_anchor(a) for a in self.article_ids)


@dataclass(frozen=True)
class StorylineView:
    title: str
    anchor: str
    stories: list[StoryView]


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class ReportView:
    dossier: Dossier
    stories: list[StoryView]
    storylines: list[StorylineView]
    loose_stories: list[StoryView]
    articles: Sequence[ArticleView]
    entity_options: list[tuple[str, list[Option]]]
    outlet_options: list[Option]
    first_date: str | None
    last_date: str | None
    duplicates: int
    verdicts: list[tuple[str, int]]


# --- building ---------------------------------------------------------------------------------------------------------


def _dates_label(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    first_label = describe_timex(first[:10])
    if not last or last[:10] == first[:10]:
        return first_label
    return f"{first_label} – {describe_timex(last[:10])}"


def _verdict_counts(claims: list[Claim]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter(claim.verdict for claim in claims)
    return [(verdict, counts[verdict]) for verdict in VERDICTS if counts[verdict]]


class _Builder:
    def __init__(self, dossier: Dossier) -> None:
        self.index = DossierIndex(dossier)
        self._entity_list: list[Entity] = []
        self._listed: dict[str, list[int]] | None = None

    def _entities_by_article(self) -> dict[str, list[int]]:
        """Article id -> the positions (in the index's order) of the entities whose ``articles`` name it."""
        if self._listed is None:
            self._entity_list = list(self.index.entities.values())
            self._listed = {}
            for position, entity in enumerate(self._entity_list):
                for article_id in dict.fromkeys(entity.articles):
                    self._listed.setdefault(article_id, []).append(position)
        return self._listed

    # claims ----------------------------------------------------------------------------------------------------------

    def claim_link(self, claim: Claim) -> Link:
        token = claim_token(claim.id)
        for stance in claim.stances:
            statement = self.index.statements.get(stance.statement) if stance.statement else None
            if statement is not None and statement.article in self.index.articles:
                return Link(f"#{statement_anchor(statement.id)}", claim.text, token)
        for article_id in self.index.claim_articles(claim):
            return Link(f"#{article_anchor(article_id)}", claim.text, token)
        return Link(f"#{claim_anchor(claim.id)}", claim.text, token)

    def contradiction_links(self, about: list[str]) -> list[Link]:
        links = []
        for key in about:
            for contradiction in self.index.contradictions_about.get(key, []):
                label = contradiction.summary or " vs ".join(f"“{v.value}”" for v in contradiction.values)
                links.append(Link(f"#{contradiction_anchor(contradiction.id)}", label))
        return links

    def claim_rows(self, claims: list[Claim]) -> tuple[list[Column], list[ClaimRow]]:
        columns: dict[str, Column] = {}
        usage: Counter[str] = Counter()
        for claim in claims:
            for stance in claim.stances:
                key, kind, ref = source_key(stance.source, stance.source_text)
                label = self.index.entity_name(stance.source, stance.source_text) if kind == "entity" else ref
                columns.setdefault(key, Column(key, label, stance.source if kind == "entity" else None, kind))
                usage[key] += 1
        ordered = sorted(columns.values(), key=lambda c: (-usage[c.key], c.label.lower()))
        position = {column.key: n for n, column in enumerate(ordered)}
        rows = []
        for claim in claims:
            cells: list[list[Cell]] = [[] for _ in ordered]
            grouped: dict[tuple[str, str], list[ClaimStance]] = {}
            for stance in claim.stances:
                grouped.setdefault((source_key(stance.source, stance.source_text)[0], stance.stance), []).append(stance)
            for (key, kind), stances in grouped.items():
                cells[position[key]].append(self.cell(claim, columns[key], kind, stances))
            event = self.index.events.get(claim.event) if claim.event else None
            rows.append(
                ClaimRow(
                    claim=claim,
                    anchor=claim_anchor(claim.id),
                    link=self.claim_link(claim),
                    cells=cells,
                    origin=self.index.entity_name(claim.origin) if claim.origin else None,
                    date=describe_timex(event.date) if event is not None and event.date else None,
                    contradictions=self.contradiction_links([claim.id, *([claim.event] if claim.event else [])]),
                    filter=self.claim_filter(claim, event),
                )
            )
        return ordered, rows

    def cell(self, claim: Claim, column: Column, kind: str, stances: list[ClaimStance]) -> Cell:
        """One source's stances of one kind on a claim: a link lighting every statement behind them."""
        symbol, label = STANCES.get(kind, ("•", kind))
        where = "; ".join(dict.fromkeys(self.index.article_source_label(s.article) for s in stances))
        title = f"{column.label} {label} — {where}"
        token = claim_cell_token(claim.id, column.key, kind)
        for stance in stances:
            statement = self.index.statements.get(stance.statement) if stance.statement else None
            if statement is not None and statement.article in self.index.articles:
                link = Link(f"#{statement_anchor(statement.id)}", label, token, title, title)
                return Cell(kind, symbol, label, len(stances), link)
        for stance in stances:
            if stance.article in self.index.articles:
                return Cell(
                    kind, symbol, label, len(stances), Link(f"#{article_anchor(stance.article)}", label, "", title)
                )
        return Cell(kind, symbol, label, len(stances), Link(f"#{claim_anchor(claim.id)}", label, "", title))

    def claim_filter(self, claim: Claim, event: Event | None) -> Filter:
        articles = self.index.claim_articles(claim)
        entities = {s.source for s in claim.stances if s.source} | ({claim.origin} if claim.origin else set())
        for stance in claim.stances:
            statement = self.index.statements.get(stance.statement) if stance.statement else None
            if statement is not None:
                entities |= self.index.mentioned_entities(statement.article, statement.start, statement.end)
        if event is not None:
            entities |= set(event.participants) | ({event.location} if event.location else set())
        span = parse_timex(event.date) if event is not None else None
        start, end = (span.iso_start, span.iso_end) if span else self.index.publication_range(articles)
        return Filter(frozenset(entity_token(e) for e in entities), self.index.outlets(articles), start, end)

    # events ----------------------------------------------------------------------------------------------------------

    def participant(self, entity_id: str, role: str | None, cards: dict[str, str]) -> Participant:
        href = f"#{cards[entity_id]}" if entity_id in cards else None
        return Participant(self.index.entity_name(entity_id), role, href)

    def event_link(self, event: Event) -> Link | None:
        for number, evidence in enumerate(event.evidence):
            if evidence.article in self.index.articles:
                return Link(f"#{event_evidence_anchor(event.id, number)}", event.summary, event_token(event.id))
        return None

    def event_rows(self, events: list[Event], cards: dict[str, str]) -> list[EventRow]:
        rows = []
        for event in events:
            roles = {pr.entity: pr.role for pr in event.participant_roles}
            participants = [self.participant(e, roles.get(e), cards) for e in dict.fromkeys(event.participants)]
            participants += [self.participant(e, r, cards) for e, r in roles.items() if e not in event.participants]
            evidence = []
            seen: Counter[str] = Counter()
            for n, ev in enumerate(event.evidence):
                if ev.article not in self.index.articles:
                    continue
                seen[ev.article] += 1
                source = self.index.article_source_label(ev.article)
                label = source if seen[ev.article] == 1 else f"({seen[ev.article]})"
                what = f"{event.summary} — {source}"
                title = self.index.article_title(ev.article)
                evidence.append(
                    Link(
                        f"#{event_evidence_anchor(event.id, n)}", label, event_evidence_anchor(event.id, n), title, what
                    )
                )
            span = parse_timex(event.date)
            articles = self.index.event_articles(event)
            entities = set(event.participants) | set(roles) | ({event.location} if event.location else set())
            for ev in event.evidence:
                entities |= self.index.mentioned_entities(ev.article, ev.start, ev.end)
            start, end = (span.iso_start, span.iso_end) if span else self.index.publication_range(articles)
            rows.append(
                EventRow(
                    event=event,
                    anchor=event_anchor(event.id),
                    link=self.event_link(event),
                    date=describe_timex(event.date) if event.date else "undated",
                    precision=span.precision if span else None,
                    location=self.participant(event.location, None, cards) if event.location else None,
                    participants=participants,
                    evidence=evidence,
                    claims=[
                        Link(f"#{claim_anchor(c.id)}", c.text) for c in self.index.claims_by_event.get(event.id, [])
                    ],
                    contradictions=self.contradiction_links([event.id]),
                    filter=Filter(
                        frozenset(entity_token(e) for e in entities), self.index.outlets(articles), start, end
                    ),
                )
            )
        return rows

    # timeline --------------------------------------------------------------------------------------------------------

    def timeline(
        self, story: StoryView, entries: list[TimelineEntry], events: list[EventRow], claims: list[ClaimRow]
    ) -> TimelineView:
        items: list[tuple[str, str, str, Link | None, str | None, Filter]] = []
        event_rows = {row.event.id: row for row in events}
        claim_rows = {row.claim.id: row for row in claims}
        derived = not entries
        for entry in entries:
            event_row = event_rows.get(entry.event) if entry.event else None
            claim_row = claim_rows.get(entry.claim) if entry.claim else None
            kind = "event" if entry.event else "claim" if entry.claim else "report"
            link = event_row.link if event_row else claim_row.link if claim_row else None
            if link is None and entry.articles:
                link = self.index.article_link(entry.articles[0])
            first = self.index.article_source_label(entry.first_reported) if entry.first_reported else None
            base = event_row.filter if event_row else claim_row.filter if claim_row else Filter()
            span = parse_timex(entry.date)
            outlets = base.outlets if base.outlets is not None else self.index.outlets(entry.articles)
            item_filter = Filter(
                base.entities, outlets, span.iso_start if span else None, span.iso_end if span else None
            )
            items.append((kind, entry.summary, entry.date, link, first, item_filter))
        if derived:
            for row in events:
                if row.event.date:
                    items.append(("event", row.event.summary, row.event.date, row.link, None, row.filter))
            for claim_row in claims:
                event = self.index.events.get(claim_row.claim.event) if claim_row.claim.event else None
                if event is not None and event.date:
                    items.append(("claim", claim_row.claim.text, event.date, claim_row.link, None, claim_row.filter))
        spans = {value: parse_timex(value) for _, _, value, _, _, _ in items}
        published = [p for a in story.article_ids if (p := publication_span(self.index.articles[a].published))]
        axis = Axis(spans.values(), [p.start for p in published])
        rows: list[TimelineRow] = []
        undated: list[TimelineRow] = []
        for kind, summary, value, link, first, item_filter in items:
            span = spans[value]
            placement = axis.place(span) if span is not None else None
            timeline_row = TimelineRow(
                kind=kind,
                summary=summary,
                date=describe_timex(value),
                value=value,
                precision=span.precision if span else None,
                left=placement.left if placement else 0.0,
                width=placement.width if placement else 0.0,
                point=placement.point if placement else False,
                link=link,
                first_reported=first,
                filter=item_filter,
            )
            (rows if span is not None else undated).append(timeline_row)
        rows.sort(key=lambda r: (_span_key(spans[r.value]), r.kind != "event"))
        reports = []
        for article_id in story.article_ids:
            day = publication_span(self.index.articles[article_id].published)
            link = self.index.article_link(article_id)
            if day is not None and link is not None:
                label = f"{self.index.article_source_label(article_id)}: {link.label}"
                reports.append(ReportTick(axis.place_day(day.start), Link(link.href, label)))
        return TimelineView(rows, undated, axis.ticks(), reports, derived)

    # entities, coverage, contradictions ------------------------------------------------------------------------------

    def entity_cards(self, story: StoryView) -> list[EntityCard]:
        counts: Counter[str] = Counter()
        where: dict[str, list[str]] = {}
        for article_id in story.article_ids:
            for mention in self.index.articles[article_id].mentions:
                if mention.entity in self.index.entities:
                    counts[mention.entity] += 1
                    where.setdefault(mention.entity, [])
                    if article_id not in where[mention.entity]:
                        where[mention.entity].append(article_id)
        members = set(story.article_ids)
        # Entities no article of the story mentions but whose articles include one: found through the articles (every
        # entity against every story would grow with their product), taken in the dossier's order of entities.
        listed = self._entities_by_article()
        for position in sorted({position for article_id in members for position in listed.get(article_id, ())}):
            entity = self._entity_list[position]
            if entity.id not in counts:
                counts[entity.id] = 0
                where[entity.id] = [a for a in entity.articles if a in members]
        ordered = sorted(counts, key=lambda e: (-counts[e], self.index.entities[e].name.lower()))
        cards = []
        for entity_id in ordered:
            entity = self.index.entities[entity_id]
            articles = where[entity_id]
            start, end = self.index.publication_range(articles)
            aliases = [a for a in dict.fromkeys(entity.aliases) if a != entity.name]
            cards.append(
                EntityCard(
                    entity=entity,
                    anchor=f"{story.anchor}--{slug(entity_id)}",
                    token=entity_token(entity_id),
                    aliases=aliases,
                    mentions=counts[entity_id],
                    articles=len(articles),
                    filter=Filter(frozenset({entity_token(entity_id)}), self.index.outlets(articles), start, end),
                )
            )
        return cards

    def claim_or_event_link(self, identifier: str) -> Link | None:
        claim = self.index.claims.get(identifier)
        if claim is not None:
            return Link(f"#{claim_anchor(claim.id)}", claim.text)
        event = self.index.events.get(identifier)
        if event is not None:
            return Link(f"#{event_anchor(event.id)}", event.summary)
        return None

    def coverage(self, story: StoryView) -> tuple[list[CoverageRow], bool]:
        def article_links(article_ids: list[str]) -> list[Link]:
            return [link for a in article_ids if (link := self.index.article_link(a))]

        rows = []
        if story.story is not None and story.story.coverage:
            for item in story.story.coverage:
                start, end = self.index.publication_range(item.articles)
                omitted = [
                    link for c in item.omitted_claims + item.omitted_events if (link := self.claim_or_event_link(c))
                ]
                exclusive = []
                for statement_id in item.exclusive_statements:
                    statement = self.index.statements.get(statement_id)
                    if statement is not None and statement.article in self.index.articles:
                        label = statement.content or statement.id
                        exclusive.append(
                            Link(f"#{statement_anchor(statement_id)}", label, statement_anchor(statement_id))
                        )
                rows.append(
                    CoverageRow(
                        outlet=item.outlet,
                        articles=article_links(item.articles),
                        claims=len(item.claims),
                        events=len(item.events),
                        omitted=omitted,
                        exclusive=exclusive,
                        filter=Filter(None, frozenset({outlet_token(item.outlet)}), start, end),
                    )
                )
            return rows, False
        by_outlet: dict[str, list[str]] = {}
        for article_id in story.article_ids:
            outlet = self.index.articles[article_id].outlet or "unknown outlet"
            by_outlet.setdefault(outlet, []).append(article_id)
        for outlet, article_ids in sorted(by_outlet.items(), key=lambda item: (-len(item[1]), item[0].lower())):
            start, end = self.index.publication_range(article_ids)
            outlets = frozenset({outlet_token(outlet)}) if outlet != "unknown outlet" else frozenset()
            rows.append(
                CoverageRow(outlet, article_links(article_ids), 0, 0, [], [], Filter(None, outlets, start, end))
            )
        return rows, True

    def contradiction_view(self, contradiction: Contradiction) -> ContradictionView:
        values = []
        articles = self.index.contradiction_articles(contradiction)
        entities: set[str] = set()
        for number, value in enumerate(contradiction.values):
            token = contradiction_token(contradiction.id, number)
            link = None
            for piece, evidence in enumerate(value.evidence):
                if evidence.article in self.index.articles:
                    link = Link(
                        f"#{contradiction_evidence_anchor(contradiction.id, number, piece)}", value.value, token
                    )
                    break
            statements = [self.index.statements[s] for s in value.statements if s in self.index.statements]
            statements = [s for s in statements if s.article in self.index.articles]
            if link is None and statements:
                link = Link(f"#{statement_anchor(statements[0].id)}", value.value, token)
            for statement in statements:
                if statement.speaker:
                    entities.add(statement.speaker)
            source_ids = list(dict.fromkeys(value.articles + [s.article for s in statements]))
            sources = [
                Link(link_.href, self.index.article_source_label(a), "", self.index.article_title(a))
                for a in source_ids
                if (link_ := self.index.article_link(a))
            ]
            first = describe_timex(value.first_published[:10]) if value.first_published else None
            values.append(ValueView(value.value, first, link, sources))
        about = self.claim_or_event_link(contradiction.about)
        summary = contradiction.summary or (
            f"Sources disagree about {about.label}" if about else "Sources give different values"
        )
        start, end = self.index.publication_range(articles)
        return ContradictionView(
            contradiction=contradiction,
            anchor=contradiction_anchor(contradiction.id),
            about=about,
            summary=summary,
            values=values,
            filter=Filter(frozenset(entity_token(e) for e in entities), self.index.outlets(articles), start, end),
        )

    # stories ---------------------------------------------------------------------------------------------------------

    def story_views(self) -> list[StoryView]:
        index = self.index
        groups: dict[str, list[str]] = {key: [] for key in index.stories}
        groups[UNPLACED] = []
        for article_id, key in index.story_of_article.items():
            groups[key].append(article_id)
        claims: dict[str, list[Claim]] = {key: [] for key in groups}
        for claim in index.dossier.claims:
            claims[index.place(index.claim_articles(claim))].append(claim)
        events: dict[str, list[Event]] = {key: [] for key in groups}
        for event in index.dossier.events:
            events[index.place(index.event_articles(event))].append(event)
        contradictions: dict[str, list[Contradiction]] = {key: [] for key in groups}
        for contradiction in index.dossier.contradictions:
            contradictions[index.place_contradiction(contradiction)].append(contradiction)
        entries: dict[str, list[TimelineEntry]] = {key: [] for key in groups}
        for entry in index.dossier.timeline:
            if entry.story is not None and entry.story in index.stories:
                entries[entry.story].append(entry)
                continue
            found = list(entry.articles)
            if entry.event is not None and entry.event in index.events:
                found += index.event_articles(index.events[entry.event])
            if entry.claim is not None and entry.claim in index.claims:
                found += index.claim_articles(index.claims[entry.claim])
            entries[index.place(found)].append(entry)
        views = []
        for key, article_ids in groups.items():
            story = index.stories.get(key)
            if story is None and not (article_ids or claims[key] or events[key] or entries[key]):
                continue
            views.append(
                self.story_view(key, story, article_ids, claims[key], events[key], contradictions[key], entries[key])
            )
        return views

    def story_view(
        self,
        key: str,
        story: Story | None,
        article_ids: list[str],
        claims: list[Claim],
        events: list[Event],
        contradictions: list[Contradiction],
        entries: list[TimelineEntry],
    ) -> StoryView:
        index = self.index
        days = index.published_days(article_ids)
        first, last = (story.start, story.end) if story is not None and story.start else date_range(days)
        outlets = sorted({index.articles[a].outlet or "" for a in article_ids} - {""}, key=str.lower)
        view = StoryView(
            key=key,
            anchor=story_anchor(key) if story is not None else "story-unplaced",
            title=story.title if story is not None else "Not in a story",
            story=story,
            articles=[link for a in article_ids if (link := index.article_link(a))],
            article_ids=article_ids,
            outlets=outlets,
            dates=_dates_label(first, last),
        )
        view.entities = self.entity_cards(view)
        cards = {card.entity.id: card.anchor for card in view.entities}
        view.columns, view.claims = self.claim_rows(claims)
        view.verdicts = _verdict_counts(claims)
        view.events = self.event_rows(sorted(events, key=lambda e: _span_key(parse_timex(e.date))), cards)
        view.timeline = self.timeline(view, entries, view.events, view.claims)
        view.coverage, view.coverage_derived = self.coverage(view)
        view.contradictions = [self.contradiction_view(c) for c in contradictions]
        entity_ids = {e.entity.id for e in view.entities}
        start, end = date_range(days)
        view.filter = Filter(frozenset(entity_token(e) for e in entity_ids), index.outlets(article_ids), start, end)
        return view

    def report(self) -> ReportView:
        index = self.index
        stories = self.story_views()
        by_key = {story.key: story for story in stories}
        storylines: list[StorylineView] = []
        linked: set[str] = set()
        for storyline in index.dossier.storylines:
            members = [by_key[s] for s in storyline.stories if s in by_key]
            if members:
                storylines.append(StorylineView(storyline.title, anchor("storyline", storyline.id), members))
                linked.update(s.key for s in members)
        loose = [story for story in stories if story.key not in linked]
        groups: dict[str, list[Option]] = {}
        for entity in sorted(index.entities.values(), key=lambda e: (-e.mention_count, e.name.lower())):
            label = f"{entity.name} ({entity.mention_count})" if entity.mention_count else entity.name
            groups.setdefault(entity.type, []).append(Option(entity_token(entity.id), label))
        type_order = ["PERSON", "ORG", "GPE", "LOC", "NORP"]
        entity_options = sorted(
            groups.items(), key=lambda g: (type_order.index(g[0]) if g[0] in type_order else 9, g[0])
        )
        outlets = Counter(a.outlet for a in index.articles.values() if a.outlet)
        outlet_options = [
            Option(outlet_token(o), f"{o} ({n})")
            for o, n in sorted(outlets.items(), key=lambda i: (-i[1], i[0].lower()))
        ]
        first, last = date_range(index.published_days(list(index.articles)))
        return ReportView(
            dossier=index.dossier,
            stories=stories,
            storylines=storylines,
            loose_stories=loose,
            articles=article_views(index),
            entity_options=entity_options,
            outlet_options=outlet_options,
            first_date=first,
            last_date=last,
            duplicates=sum(1 for a in index.articles.values() if a.duplicate_of),
            verdicts=_verdict_counts(index.dossier.claims),
        )


def _span_key(span: TimeSpan | None) -> tuple[int, str, str]:
    if span is None:
        return (1, "", "")
    return (0, span.iso_start, span.iso_end)


def build_report(dossier: Dossier) -> ReportView:
    """Everything ``dossier.html`` shows, computed from ``dossier`` alone."""
    return _Builder(dossier).report()


__all__ = ["STANCES", "VERDICTS", "ReportView", "StoryView", "build_report"]
