"""``/api``: list and get every kind of object in the store, and add articles.

Lists answer with a :class:`Page` (``items``, ``total``, ``limit``, ``offset``) in the store's order; filters take
ids (``story``, ``entity``, ``article``, ``event``) or values (``outlet``, ``type``, ``verdict``) and combine with AND.
An unknown id in a filter gives an empty page; an unknown id in a path gives 404.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from crosswire.errors import ApiError
from crosswire.ingest.records import ArticleRecord
from crosswire.model import Article, Claim, Dossier, Entity, Event, Statement, Story
from crosswire.store.links import ARTICLE
from crosswire.store.queries import (
    Linked,
    article_scope,
    entity_articles,
    get_article_data,
    get_object,
    outlet_articles,
    page_article_data,
    page_json,
    page_linked,
    page_objects,
)
from crosswire.web.errors import ERROR_RESPONSES, ErrorDetail, ErrorResponse, not_found
from crosswire.web.records import parse_submission, read_body
from crosswire.web.service import AddResult, StoreService

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


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _objects(request: Request, linked: Linked, limit: int, offset: int) -> Response:
    """A page of one kind of corpus object straight from the store (SQL over indexed links, no whole dossier).

    The store holds each object as its model dumped it, so the page is sent as stored: no decoding, validation or
    serialisation per request (the items' JSON is spliced into the page).
    """
    if linked.filters:
        data, total = page_linked(service(request).store, linked, limit, offset)
    else:
        data, total = page_objects(service(request).store, linked.kind, limit, offset)
    return _json(page_json(data, total, limit, offset))


def _object(request: Request, kind: str, object_id: str, name: str) -> Response:
    data = get_object(service(request).store, kind, object_id)
    if data is None:
        raise not_found(name, object_id)
    return _json(data)


# Articles ---------------------------------------------------------------------------------------------------------


@router.get("/articles", response_model=Page[Article], tags=["articles"], summary="List articles")
def list_articles(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    story: StoryFilter = None,
    entity: Annotated[str | None, Query(description="Only articles that mention this entity (entity id).")] = None,
    outlet: Annotated[str | None, Query(description="Only articles from this outlet (case-insensitive).")] = None,
) -> Response:
    """The analysed articles in the order they first arrived, with their time expressions and entity mentions."""
    found, total = page_article_data(service(request).store, limit, offset, story=story, outlet=outlet, entity=entity)
    return _json(page_json(found, total, limit, offset))


@router.get("/articles/{article_id:path}", response_model=Article, tags=["articles"], summary="Get one article")
def get_article(request: Request, article_id: str) -> Response:
    """One article by id (ids may contain `/`)."""
    found = get_article_data(service(request).store, article_id)
    if found is None:
        raise not_found("article", article_id)
    return _json(found)


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


@router.get("/entities", response_model=Page[Entity], tags=["entities"], summary="List entities")
def list_entities(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="Only entities of this type (PERSON, ORG, GPE, ...).")] = None,
    story: StoryFilter = None,
    article: ArticleFilter = None,
) -> Response:
    """Who is who: every entity with its canonical name, aliases, roles, articles and mention count."""
    linked = Linked("entities").type(type).articles(article_scope(story, article))
    return _objects(request, linked, limit, offset)


@router.get("/entities/{entity_id}", response_model=Entity, tags=["entities"], summary="Get one entity")
def get_entity(request: Request, entity_id: str) -> Response:
    """One entity by id."""
    return _object(request, "entities", entity_id, "entity")


# Statements -------------------------------------------------------------------------------------------------------


@router.get("/statements", response_model=Page[Statement], tags=["statements"], summary="List statements")
def list_statements(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    story: StoryFilter = None,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only statements by this speaker or relayed through it.")] = None,
) -> Response:
    """Who said what: attributed statements with speaker, cue, content and their offsets into the article text."""
    linked = Linked("statements").articles(article_scope(story, article)).entity(entity)
    return _objects(request, linked, limit, offset)


@router.get("/statements/{statement_id}", response_model=Statement, tags=["statements"], summary="Get one statement")
def get_statement(request: Request, statement_id: str) -> Response:
    """One statement by id."""
    return _object(request, "statements", statement_id, "statement")


# Events -----------------------------------------------------------------------------------------------------------


@router.get("/events", response_model=Page[Event], tags=["events"], summary="List events")
def list_events(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="Only events of this PLOVER type (CONSULT, AGREE, ...).")] = None,
    story: StoryFilter = None,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only events with this participant or location.")] = None,
) -> Response:
    """What happened: events merged across articles, with participants, place, date and evidence spans."""
    linked = Linked("events").type(type).articles(article_scope(story, article)).entity(entity)
    return _objects(request, linked, limit, offset)


@router.get("/events/{event_id}", response_model=Event, tags=["events"], summary="Get one event")
def get_event(request: Request, event_id: str) -> Response:
    """One event by id."""
    return _object(request, "events", event_id, "event")


# Claims -----------------------------------------------------------------------------------------------------------


@router.get("/claims", response_model=Page[Claim], tags=["claims"], summary="List claims")
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
    stance: Annotated[
        str | None,
        Query(
            description="Only claims with a stance of this kind (confirms, denies, declines, neither, reports); "
            "with `entity`, the claims on which that entity took this stance."
        ),
    ] = None,
) -> Response:
    """What is claimed, by whom, and how well it holds up: stances per source and a verdict."""
    linked = Linked("claims").verdict(verdict).articles(article_scope(story, article)).event(event)
    return _objects(request, linked.entity(entity, stance=stance), limit, offset)


@router.get("/claims/{claim_id}", response_model=Claim, tags=["claims"], summary="Get one claim")
def get_claim(request: Request, claim_id: str) -> Response:
    """One claim by id."""
    return _object(request, "claims", claim_id, "claim")


# Stories ----------------------------------------------------------------------------------------------------------


@router.get("/stories", response_model=Page[Story], tags=["stories"], summary="List stories")
def list_stories(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    article: ArticleFilter = None,
    entity: Annotated[str | None, Query(description="Only stories with an article mentioning this entity.")] = None,
    outlet: Annotated[str | None, Query(description="Only stories with an article from this outlet.")] = None,
) -> Response:
    """The stories: clusters of articles about one development, with their dates and what each outlet covered."""
    linked = Linked("stories").to(ARTICLE, article)
    linked.articles(entity_articles(entity) if entity is not None else None)
    linked.articles(outlet_articles(outlet) if outlet is not None else None)
    return _objects(request, linked, limit, offset)


@router.get("/stories/{story_id}", response_model=Story, tags=["stories"], summary="Get one story")
def get_story(request: Request, story_id: str) -> Response:
    """One story by id."""
    return _object(request, "stories", story_id, "story")
