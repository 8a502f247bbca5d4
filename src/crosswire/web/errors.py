"""One error shape for the whole server: ``{"error": {"code", "message", "details"}}``, whatever went wrong.

Unknown paths and ids (404), wrong methods (405), bad query parameters (422), bad bodies (400, 413, 415, 422) and
failures of the server itself (500, 503) all answer with :class:`ErrorResponse`; no traceback ever reaches a client.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.errors import ApiError, StoreError

log = logging.getLogger(__name__)


class ErrorDetail(BaseModel):
    """One problem inside a request: where it is (``loc``, e.g. ``["body", 2, "text"]``) and what is wrong."""

    loc: list[str | int] = Field(default_factory=list)
    message: str


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `not_found`, `invalid_json`, `invalid_records`.")
    message: str = Field(description="One line a person can act on.")
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: ErrorInfo


def not_found(kind: str, item_id: str) -> ApiError:
    return ApiError(404, "not_found", f"no {kind} with id {item_id!r} in the store")


def error_response(status: int, code: str, message: str, details: list[ErrorDetail] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorInfo(code=code, message=message, details=details or []))
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


# Codes for the HTTP errors Starlette raises itself (unknown path, wrong method, ...).
_STATUS_CODES = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}


def _loc(parts: Any) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in parts or ()]


def validation_details(errors: Any) -> list[ErrorDetail]:
    """Pydantic's error list as :class:`ErrorDetail` items (without the input values, which may be huge)."""
    return [
        ErrorDetail(loc=_loc(e.get("loc")), message=str(e.get("msg", "invalid")).removeprefix("Value error, "))
        for e in errors
    ]


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    details = [detail for detail in exc.details if isinstance(detail, ErrorDetail)]
    return error_response(exc.status, exc.code, exc.message, details)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _STATUS_CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_"))
    if status == 404:
        message = f"nothing at {request.url.path}; see /docs for the API"
    elif status == 405:
        message = f"{request.method} is not allowed on {request.url.path}; see /docs for the API"
    else:
        message = str(exc.detail) if exc.detail else HTTPStatus(status).phrase
    response = error_response(status, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = validation_details(exc.errors())
    first = details[0] if details else None
    where = ".".join(str(p) for p in first.loc) if first else ""
    message = f"invalid request: {where}: {first.message}" if first else "invalid request"
    return error_response(422, "invalid_request", message, details)


async def _store_error(_request: Request, exc: Exception) -> JSONResponse:
    log.error("store error: %s", exc)
    return error_response(503, "store_unavailable", str(exc))


async def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error", exc_info=exc)
    return error_response(
        500,
        "internal_error",
        f"internal error ({type(exc).__name__}); the store keeps its last saved state, please report it",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _internal_error)


# Documented on every route: FastAPI adds its own 422 schema unless a route says otherwise.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Unknown id or path."},
    422: {"model": ErrorResponse, "description": "Invalid parameters or body."},
}
