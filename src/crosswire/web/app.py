"""``crosswire serve``: the dossier's pages, their JSON twins and the REST API, over one store.

Pages are the report (``render_html``) of the whole store (``/``), of one story (``/stories/{id}``) or of one article
(``/articles/{id}``); each has a JSON twin holding exactly the dossier the page shows (``/dossier.json``,
``/stories/{id}.json``, ``/articles/{id}.json``). The API lives under ``/api`` and is described at ``/docs``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from crosswire import __version__
from crosswire.model import Dossier
from crosswire.report.html import render_html
from crosswire.web.api import DossierDep
from crosswire.web.api import router as api_router
from crosswire.web.errors import ERROR_RESPONSES, install_error_handlers, not_found
from crosswire.web.guard import HostGuard
from crosswire.web.records import Limits
from crosswire.web.service import StoreService
from crosswire.web.subset import restrict, story_article_ids

DESCRIPTION = """\
Crosswire's dossier over its store: who said what, which claims are corroborated or contested, and the timeline.

* **Pages**: `/` (the whole dossier), `/stories/{id}` and `/articles/{id}` (the same report restricted to one story or
  article). Each has a JSON twin: `/dossier.json`, `/stories/{id}.json`, `/articles/{id}.json`.
* **API** (`/api`): list and get articles, entities, statements, events, claims and stories, with `limit`/`offset`
  pagination and filters; `POST /api/articles` analyses new article records into the store.
* **Errors** always have one shape: `{"error": {"code", "message", "details"}}`.
"""

TAGS: list[dict[str, Any]] = [
    {"name": "pages", "description": "The report as HTML and the dossier it shows as JSON."},
    {"name": "articles", "description": "Analysed articles; `POST` adds new ones."},
    {"name": "entities", "description": "People, organisations and places, merged across spellings."},
    {"name": "statements", "description": "Attributed statements: who said what, where in the text."},
    {"name": "events", "description": "Events merged across articles."},
    {"name": "claims", "description": "Claims with each source's stance and a verdict."},
    {"name": "stories", "description": "Clusters of articles about one development."},
]

HTML_PAGE: dict[int | str, dict[str, Any]] = {200: {"content": {"text/html": {}}, "description": "The report page."}}


def _json(dossier: Dossier) -> Response:
    # Serialised once, directly: the dossier can be large and is already valid.
    return Response(dossier.to_json(indent=None), media_type="application/json")


def _story(dossier: Dossier, story_id: str) -> Dossier:
    if not any(s.id == story_id for s in dossier.stories):
        raise not_found("story", story_id)
    return restrict(dossier, story_article_ids(dossier, story_id))


def _article(dossier: Dossier, article_id: str) -> Dossier:
    if dossier.article(article_id) is None:
        raise not_found("article", article_id)
    return restrict(dossier, [article_id])


def create_app(db_url: str, limits: Limits | None = None, *, allowed_hosts: Sequence[str] = ()) -> FastAPI:
    """The server over the store at ``db_url`` (opened now: a bad URL raises :class:`~crosswire.errors.StoreError`).

    It answers to IP addresses, ``localhost`` and the names in ``allowed_hosts`` only (:mod:`crosswire.web.guard`).
    """
    state = StoreService(db_url, limits or Limits())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="Crosswire",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
        # The stock pages load Swagger UI from a CDN; ours serve it from the installed package, so they work offline.
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/static/swagger-ui", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Crosswire API",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    app.state.service = state
    app.add_middleware(HostGuard, allowed_hosts=allowed_hosts)
    install_error_handlers(app)
    app.include_router(api_router)

    @app.get("/", tags=["pages"], summary="The whole dossier", response_class=HTMLResponse, responses=HTML_PAGE)
    def home(dossier: DossierDep) -> HTMLResponse:
        """The report of everything in the store."""
        return HTMLResponse(render_html(dossier))

    @app.get("/dossier.json", tags=["pages"], summary="The whole dossier as JSON", response_model=Dossier)
    def dossier_json(dossier: DossierDep) -> Response:
        """`dossier.json` of everything in the store (`CONTRACT.md`); `errors` is always empty here."""
        return _json(dossier)

    # The JSON twins come first: ``{id}`` alone would also match ``x.json``.
    @app.get("/stories/{story_id}.json", tags=["pages"], summary="One story's dossier as JSON", response_model=Dossier)
    def story_json(dossier: DossierDep, story_id: str) -> Response:
        """The dossier restricted to one story: its articles, statements, entities, claims, events and timeline."""
        return _json(_story(dossier, story_id))

    @app.get(
        "/stories/{story_id}", tags=["pages"], summary="One story", response_class=HTMLResponse, responses=HTML_PAGE
    )
    def story_page(dossier: DossierDep, story_id: str) -> HTMLResponse:
        """The report restricted to one story."""
        return HTMLResponse(render_html(_story(dossier, story_id)))

    @app.get(
        "/articles/{article_id:path}.json",
        tags=["pages"],
        summary="One article's dossier as JSON",
        response_model=Dossier,
    )
    def article_json(dossier: DossierDep, article_id: str) -> Response:
        """The dossier restricted to one article (ids may contain `/`).

        An article whose own id ends in `.json` is shown as its page here; its JSON twin is `{id}.json`.
        """
        if dossier.article(article_id) is None and dossier.article(f"{article_id}.json") is not None:
            return HTMLResponse(render_html(_article(dossier, f"{article_id}.json")))
        return _json(_article(dossier, article_id))

    @app.get(
        "/articles/{article_id:path}",
        tags=["pages"],
        summary="One article",
        response_class=HTMLResponse,
        responses=HTML_PAGE,
    )
    def article_page(dossier: DossierDep, article_id: str) -> HTMLResponse:
        """The report restricted to one article (ids may contain `/`)."""
        return HTMLResponse(render_html(_article(dossier, article_id)))

    return app


# ``crosswire serve --workers N`` (N > 1) hands uvicorn an import string: each worker process builds its own app (its
# own connections to the store) from this environment variable, which the parent sets before starting them.
CONFIG_ENV = "CROSSWIRE_SERVE_CONFIG"
APP_FACTORY = "crosswire.web.app:app_from_env"


def app_config(db_url: str, limits: Limits, allowed_hosts: Sequence[str]) -> str:
    """The value of :data:`CONFIG_ENV` that makes :func:`app_from_env` build ``create_app(db_url, limits, ...)``."""
    return json.dumps({"db": db_url, "limits": dataclasses.asdict(limits), "allowed_hosts": list(allowed_hosts)})


def app_from_env() -> FastAPI:
    """The server as :data:`CONFIG_ENV` describes it (the factory each ``serve`` worker process calls)."""
    config = json.loads(os.environ[CONFIG_ENV])
    return create_app(config["db"], Limits(**config["limits"]), allowed_hosts=config["allowed_hosts"])
