"""The article view: each article's cleaned text with its entities, dates, statements and evidence marked up.

Mentions, time expressions and statements are always styled. Event and contradiction evidence is marked but only
lit up when a link to it is followed. A statement carries the tokens of the claims and contradiction values it
supports, so following a claim lights every statement behind it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from markupsafe import Markup

from crosswire.model import Article, Statement
from crosswire.report.anchors import (
    article_anchor,
    claim_cell_token,
    claim_token,
    contradiction_evidence_anchor,
    contradiction_token,
    entity_token,
    event_evidence_anchor,
    event_token,
    outlet_token,
    statement_anchor,
    story_anchor,
)
from crosswire.report.dates import describe_timex, publication_span
from crosswire.report.highlight import Mark, highlight
from crosswire.report.index import UNPLACED, DossierIndex, source_key
from crosswire.report.links import Filter, Link

STANCE_CLASS_LABELS = {
    "confirm": "confirms",
    "deny": "denies",
    "decline": "declines to comment",
    "neither": "neither confirms nor denies",
    "assert": "asserts",
    "other": "other",
}


@dataclass(frozen=True)
class ArticleView:
    article: Article
    anchor: str
    title: str
    paragraphs: list[Markup]
    story: Link | None
    url: str | None
    published: str | None
    duplicate_of: Link | None
    filter: Filter
    statements: int
    mentions: int
    timexes: int
    outlet_token: str | None = None
    boilerplate: list[str] = field(default_factory=list)


def safe_link(url: str | None) -> str | None:
    """Only web links become clickable: a ``javascript:`` URL from an input must not run in the report."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


@dataclass
class EvidenceMarks:
    """Marks that come from outside the article: event and contradiction evidence, claim and value tokens."""

    marks: dict[str, list[Mark]] = field(default_factory=lambda: defaultdict(list))
    statement_tokens: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _collect_evidence(index: DossierIndex) -> EvidenceMarks:
    found = EvidenceMarks()
    dossier = index.dossier
    for event in dossier.events:
        for number, evidence in enumerate(event.evidence):
            if evidence.article in index.articles:
                found.marks[evidence.article].append(
                    Mark(
                        evidence.start,
                        evidence.end,
                        "evidence",
                        "evi",
                        (event_token(event.id), event_evidence_anchor(event.id, number)),
                        event_evidence_anchor(event.id, number),
                        f"Evidence: {event.summary}",
                    )
                )
    for claim in dossier.claims:
        for stance in claim.stances:
            if stance.statement:
                key = source_key(stance.source, stance.source_text)[0]
                found.statement_tokens[stance.statement].append(claim_token(claim.id))
                found.statement_tokens[stance.statement].append(claim_cell_token(claim.id, key, stance.stance))
    for contradiction in dossier.contradictions:
        for number, value in enumerate(contradiction.values):
            token = contradiction_token(contradiction.id, number)
            for statement_id in value.statements:
                found.statement_tokens[statement_id].append(token)
            for piece, evidence in enumerate(value.evidence):
                if evidence.article in index.articles:
                    found.marks[evidence.article].append(
                        Mark(
                            evidence.start,
                            evidence.end,
                            "evidence",
                            "evi",
                            (token,),
                            contradiction_evidence_anchor(contradiction.id, number, piece),
                            f"Contradiction: {value.value}",
                        )
                    )
    return found


def _statement_marks(statement: Statement, index: DossierIndex, extra_tokens: list[str]) -> list[Mark]:
    speaker = index.entity_name(statement.speaker, statement.speaker_text or statement.source_type)
    stance = STANCE_CLASS_LABELS.get(statement.stance_class, statement.stance_class)
    quoted = "direct quote" if statement.direct else "reported speech"
    title = f"{speaker} — {statement.cue or 'says'} ({quoted}; {stance})"
    if statement.via:
        title += " via " + ", ".join(index.entity_name(v, v) if v in index.entities else v for v in statement.via)
    classes = f"st st-{statement.stance_class}" + (" st-direct" if statement.direct else "")
    tokens = (statement_anchor(statement.id), *dict.fromkeys(extra_tokens))
    marks = [Mark(statement.start, statement.end, "statement", classes, tokens, statement_anchor(statement.id), title)]
    if statement.cue_start is not None and statement.cue_end is not None:
        marks.append(Mark(statement.cue_start, statement.cue_end, "cue", "cue"))
    return marks


def article_marks(article: Article, index: DossierIndex, evidence: EvidenceMarks | None = None) -> list[Mark]:
    """Every mark of one article: statements (with cues), evidence, mentions and time expressions."""
    evidence = evidence if evidence is not None else _collect_evidence(index)
    marks: list[Mark] = []
    for statement in index.statements_by_article.get(article.id, []):
        marks += _statement_marks(statement, index, evidence.statement_tokens.get(statement.id, []))
    marks += evidence.marks.get(article.id, [])
    for mention in article.mentions:
        entity = index.entities.get(mention.entity) if mention.entity else None
        label = mention.label.lower()
        if entity is not None:
            title = f"{entity.name} ({entity.type})"
            data: tuple[tuple[str, str], ...] = (("e", entity_token(entity.id)),)
        else:
            title, data = mention.label, ()
        marks.append(Mark(mention.start, mention.end, "mention", f"m m-{label}", (), None, title, data))
    for timex in article.timexes:
        title = f"{describe_timex(timex.value, timex.mod)} — {timex.type} {timex.value}"
        if timex.mod:
            title += f" ({timex.mod})"
        marks.append(Mark(timex.start, timex.end, "timex", "t", (), None, title, (("v", timex.value),)))
    return marks


class ArticleViews(Sequence[ArticleView]):
    """The article view of every article of the dossier, in dossier order, each built when it is read.

    A page renders its articles one after another, so only one article's marked-up text is in memory at a time, not
    every article's (the bulk of a big report). Reading the same position twice builds its view twice, equal both times.
    """

    def __init__(self, index: DossierIndex) -> None:
        self._index = index
        self._ids = list(index.articles)
        self._evidence: EvidenceMarks | None = None

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, position: int) -> ArticleView: ...

    @overload
    def __getitem__(self, position: slice) -> list[ArticleView]: ...

    def __getitem__(self, position: int | slice) -> ArticleView | list[ArticleView]:
        if isinstance(position, slice):
            return [self._view(article_id) for article_id in self._ids[position]]
        return self._view(self._ids[position])

    def __iter__(self) -> Iterator[ArticleView]:
        for article_id in self._ids:
            yield self._view(article_id)

    def _view(self, article_id: str) -> ArticleView:
        if self._evidence is None:
            self._evidence = _collect_evidence(self._index)
        return _article_view(self._index, self._index.articles[article_id], self._evidence)


def article_views(index: DossierIndex) -> ArticleViews:
    """The article view of every article of the dossier, in dossier order (built as they are read)."""
    return ArticleViews(index)


def _article_view(index: DossierIndex, article: Article, evidence: EvidenceMarks) -> ArticleView:
    story_key = index.story_of_article.get(article.id, UNPLACED)
    story = index.stories.get(story_key) if story_key != UNPLACED else None
    entities = frozenset(entity_token(m.entity) for m in article.mentions if m.entity and m.entity in index.entities)
    published = publication_span(article.published)
    day = published.iso_start if published else None
    return ArticleView(
        article=article,
        anchor=article_anchor(article.id),
        title=article.title or article.id,
        paragraphs=highlight(article.text, article_marks(article, index, evidence)),
        story=Link(f"#{story_anchor(story.id)}", story.title) if story is not None else None,
        url=safe_link(article.url),
        published=article.published,
        duplicate_of=index.article_link(article.duplicate_of) if article.duplicate_of else None,
        filter=Filter(
            entities=entities,
            outlets=frozenset({outlet_token(article.outlet)}) if article.outlet else frozenset(),
            start=day,
            end=day,
        ),
        statements=len(index.statements_by_article.get(article.id, [])),
        mentions=len(article.mentions),
        timexes=len(article.timexes),
        outlet_token=outlet_token(article.outlet) if article.outlet else None,
        boilerplate=article.boilerplate,
    )
