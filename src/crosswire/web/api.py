"""``/api``: list and get every kind of object in the store, and add articles.

Lists answer with a :class:`Page` (``items``, ``total``, ``limit``, ``offset``) in the store's order; filters take
ids (``story``, ``entity``, ``article``, ``event``) or values (``outlet``, ``type``, ``verdict``) and combine with AND.
An unknown id in a filter gives an empty page; an unknown id in a path gives 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from crosswire.errors import ApiError
from crosswire.ingest.records import ArticleRecord
from crosswire.model import Article, Claim, Dossier, Entity, Event, Statement, Story
from crosswire.store.queries import get_article as stored_article
from crosswire.store.queries import get_object, page_articles, page_objects
from crosswire.web.errors import ERROR_RESPONSES, ErrorDetail, ErrorResponse, not_found
from crosswire.web.records import parse_submission, read_body
from crosswire.web.service import AddResult, StoreService
from crosswire.web.subset import claim_entities, entity_article_ids, event_entities, story_article_ids

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int


def service(request: Request) -> StoreService:
    found: StoreService = request.app.state.service
    return found


def load_dossier(request: Request) -> Dossier:
    return service(request).dossier()


DossierDep = Annotated[Dossier, Depends(load_dossier)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
StoryFilter = Annotated[str | None, Query(description="Only what belongs to the articles of this story (story id).")]
EntityFilter = Annotated[str | None, Query(description="Only what involves this entity (entity id).")]
ArticleFilter = Annotated[str | None, Query(description="Only what belongs to this article (article id).")]

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


def _page(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    return Page[T](items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset)


def _objects(request: Request, kind: str, model: type[M], limit: int, offset: int) -> Page[M]:
    """A page of one kind of corpus object straight from the store (one SQL query, no whole dossier)."""
    data, total = page_objects(service(request).store, kind, limit, offset)
    return Page[M](items=[model.model_validate(d) for d in data], total=total, limit=limit, offset=offset)


def _object(request: Request, kind: str, model: type[M], object_id: str, name: str) -> M:
    data = get_object(service(request).store, kind, object_id)
    if data is None:
        raise not_found(name, object_id)
    return model.model_validate(data)


def _article_scope(dossier: Dossier, story: str | None, article: str | None) -> set[str] | None:
    """The article ids the ``story`` and ``article`` filters allow, or None when neither is given."""
    scope: set[str] | None = None
    if story is not None:
        scope = set(story_article_ids(dossier, story))
    if article is not None:
        scope = {article} if scope is None else scope & {article}
    return scope


# Articles ---------------------------------------------------------------------------------------------------------


@router.get("/articles", tags=["articles"], summary="List articles")
def list_articles(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    story: StoryFilter = None,
    entity: Annotated[str | None, Query(description="Only articles that mention this entity (entity id).")] = None,
    outlet: Annotated[str | None, Query(description="Only articles from this outlet (case-insensitive).")] = None,
) -> Page[Article]:
    """The analysed articles in the order they first arrived, with their time expressions and entity mentions."""
    if entity is None:
        found, total = page_articles(service(request).store, limit, offset, story=story, outlet=outlet)
        return Page[Article](items=found, total=total, limit=limit, offset=offset)
    dossier = service(request).dossier()
    items = dossier.articles
    scope = _article_scope(dossier, story, None)
    if scope is not None:
        items = [a for a in items if a.id in scope]
    if entity is not None:
        mentioning = entity_article_ids(dossier, entity)
        items = [a for a in items if a.id in mentioning]
    if outlet is not None:
        wanted = outlet.casefold()
        items = [a for a in items if a.outlet is not None and a.outlet.casefold() == wanted]
    return _page(items, limit, offset)


@router.get("/articles/{article_id:path}", tags=["articles"], summary="Get one article")
def get_article(request: Request, article_id: str) -> Article:
    """One article by id (ids may contain `/`)."""
    found = stored_article(service(request).store, article_id)
    if found is None:
        raise not_found("article", article_id)
    return found


_RECORD_SCHEMA = ArticleRecord.model_json_schema()
_BODY_SCHEMA = {
    "anyOf": [
        _RECORD_SCHEMA,
        {"type": "array", "items": _RECORD_SCHEMA, "minItems": 1},
        {"type": "object", "properties": {"articles": {"type": "array", "items": _RECORD_SCHEMA}}},
    ]
}


@router.post(
    "/articles",
    tags=["articles"],
    summary="Add articles",
    responses={
        400: {"model": ErrorResponse, "description": "The body is not JSON (or not UTF-8)."},
        413: {"model": ErrorResponse, "description": "The body is over the size limit."},
        415: {"model": ErrorResponse, "description": "The body is neither JSON nor JSON Lines."},
        422: {"model": ErrorResponse, "description": "A record is invalid, too long, or there are none or too many."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _BODY_SCHEMA},
                "application/x-ndjson": {"schema": _RECORD_SCHEMA},
            },
        }
    },
)
async def add_articles(
    request: Request,
    raw: Annotated[
        bool, Query(description="Take each record's text exactly as given (no boilerplate removal, no normalisation).")
    ] = False,
) -> AddResult:
    """Analyse article records into the store and rerun the corpus stages (stories, claims, ...) over everything.

    The body is one record `{"id", "text" | "html", "title"?, "url"?, "published"?, "outlet"?, "language"?}`, a list
    of them, `{"articles": [...]}`, or JSON Lines (`Content-Type: application/x-ndjson`). Every record is checked
    first: if any is invalid, nothing is added and the answer is 422 with one detail per problem. A record posted
    again with the same id and content is `unchanged`; with new content it replaces the stored article. Requests that
    add articles run one at a time.
    """
    state = service(request)
    body = await read_body(request.stream(), request.headers.get("content-length"), state.limits.max_body_bytes)
    # Decoding and validating up to the body limit is CPU work too: off the event loop, like the analysis.
    content_type = request.headers.get("content-type", "")
    submission = await run_in_threadpool(parse_submission, body, content_type, state.limits, verbatim=raw)
    result = await run_in_threadpool(state.add, submission, verbatim=raw)
    if not result.analysed and not result.unchanged:
        first = result.failed[0].error if result.failed else "no article could be analysed"
        details = [ErrorDetail(loc=["body", r.index], message=r.error or "not analysed") for r in result.failed]
        raise ApiError(422, "nothing_analysed", f"no record could be analysed ({first})", details)
    return result


# Entities ---------------------------------------------------------------------------------------------------------


@router.get("/entities", tags=["entities"], summary="List entities")
def list_entities(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="Only entities of this type (PERSON, ORG, GPE, ...).")] = None,
    story: StoryFilter = None,
    article: ArticleFilter = None,
) -> Page[Entity]:
    """Who is who: every entity with its canonical name, aliases, roles, articles and mention count."""
    if type is None and story is None and article is None:
        return _objects(request, "entities", Entity, limit, offset)
    dossier = service(request).dossier()
    items = dossier.entities
    if type is not None:
        items = [e for e in items if e.type.casefold() == type.casefold()]
    scope = _article_scope(dossier, story, article)
    if scope is not None:
        mentioned = {m.entity for a in dossier.articles if a.id in scope for m in a.mentions if m.entity}
        items = [e for e in items if e.id in mentioned or set(e.articles) & scope]
    return _page(items, limit, offset)


@router.get("/entities/{entity_id}", tags=["entities"], summary="Get one entity")
def get_entity(request: Request, entity_id: str) -> Entity:
    """One entity by id."""
    return _object(request, "entities", Entity, entity_id, "entity")


# Statements -------------------------------------------------------------------------------------------------------


@router.get("/statements", tags=["statements"], summary="List statements")
def list_statements(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    story: StoryFilter = None,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only statements by this speaker or relayed through it.")] = None,
) -> Page[Statement]:
    """Who said what: attributed statements with speaker, cue, content and their offsets into the article text."""
    if story is None and article is None and entity is None:
        return _objects(request, "statements", Statement, limit, offset)
    dossier = service(request).dossier()
    items = dossier.statements
    scope = _article_scope(dossier, story, article)
    if scope is not None:
        items = [s for s in items if s.article in scope]
    if entity is not None:
        items = [s for s in items if s.speaker == entity or entity in s.via]
    return _page(items, limit, offset)


@router.get("/statements/{statement_id}", tags=["statements"], summary="Get one statement")
def get_statement(request: Request, statement_id: str) -> Statement:
    """One statement by id."""
    return _object(request, "statements", Statement, statement_id, "statement")


# Events -----------------------------------------------------------------------------------------------------------


@router.get("/events", tags=["events"], summary="List events")
def list_events(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="Only events of this PLOVER type (CONSULT, AGREE, ...).")] = None,
    story: StoryFilter = None,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only events with this participant or location.")] = None,
) -> Page[Event]:
    """What happened: events merged across articles, with participants, place, date and evidence spans."""
    if type is None and story is None and article is None and entity is None:
        return _objects(request, "events", Event, limit, offset)
    dossier = service(request).dossier()
    items = dossier.events
    if type is not None:
        items = [e for e in items if e.type.casefold() == type.casefold()]
    scope = _article_scope(dossier, story, article)
    if scope is not None:
        items = [e for e in items if set(e.articles) & scope or any(v.article in scope for v in e.evidence)]
    if entity is not None:
        items = [e for e in items if entity in event_entities(e)]
    return _page(items, limit, offset)


@router.get("/events/{event_id}", tags=["events"], summary="Get one event")
def get_event(request: Request, event_id: str) -> Event:
    """One event by id."""
    return _object(request, "events", Event, event_id, "event")


# Claims -----------------------------------------------------------------------------------------------------------


@router.get("/claims", tags=["claims"], summary="List claims")
def list_claims(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    verdict: Annotated[
        str | None, Query(description="Only claims with this verdict (corroborated, contested, ...).")
    ] = None,
    story: StoryFilter = None,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only claims this entity put out or took a stance on.")] = None,
    event: Annotated[str | None, Query(description="Only claims about this event (event id).")] = None,
) -> Page[Claim]:
    """What is claimed, by whom, and how well it holds up: stances per source and a verdict."""
    if verdict is None and story is None and article is None and entity is None and event is None:
        return _objects(request, "claims", Claim, limit, offset)
    dossier = service(request).dossier()
    items = dossier.claims
    if verdict is not None:
        items = [c for c in items if c.verdict == verdict]
    scope = _article_scope(dossier, story, article)
    if scope is not None:
        items = [c for c in items if any(s.article in scope for s in c.stances)]
    if entity is not None:
        items = [c for c in items if entity in claim_entities(c)]
    if event is not None:
        items = [c for c in items if c.event == event]
    return _page(items, limit, offset)


@router.get("/claims/{claim_id}", tags=["claims"], summary="Get one claim")
def get_claim(request: Request, claim_id: str) -> Claim:
    """One claim by id."""
    return _object(request, "claims", Claim, claim_id, "claim")


# Stories ----------------------------------------------------------------------------------------------------------


@router.get("/stories", tags=["stories"], summary="List stories")
def list_stories(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only stories with an article mentioning this entity.")] = None,
    outlet: Annotated[str | None, Query(description="Only stories with an article from this outlet.")] = None,
) -> Page[Story]:
    """The stories: clusters of articles about one development, with their dates and what each outlet covered."""
    if article is None and entity is None and outlet is None:
        return _objects(request, "stories", Story, limit, offset)
    dossier = service(request).dossier()
    items = dossier.stories
    members = {s.id: set(story_article_ids(dossier, s.id)) for s in items}
    if article is not None:
        items = [s for s in items if article in members[s.id]]
    if entity is not None:
        mentioning = entity_article_ids(dossier, entity)
        items = [s for s in items if members[s.id] & mentioning]
    if outlet is not None:
        wanted = outlet.casefold()
        from_outlet = {a.id for a in dossier.articles if a.outlet is not None and a.outlet.casefold() == wanted}
        items = [s for s in items if members[s.id] & from_outlet]
    return _page(items, limit, offset)


@router.get("/stories/{story_id}", tags=["stories"], summary="Get one story")
def get_story(request: Request, story_id: str) -> Story:
    """One story by id."""
    return _object(request, "stories", Story, story_id, "story")
