"""What the server accepts from a browser: only its own host names, and writes only from its own pages.

The server has no authentication (it listens on loopback by default), so two browser attacks matter:

- **DNS rebinding**: a page on ``attacker.example`` makes its name resolve to 127.0.0.1 and then reads the store as
  if it were its own origin. Requests are refused unless their ``Host`` names the server: an IP address (a rebinding
  page always uses a DNS name), ``localhost`` (or a name under ``.localhost``), or a name the user allowed.
- **Cross-site request forgery**: a page on another origin posts to the API (a ``no-cors`` fetch or a form). A write
  is refused when its ``Origin`` is not the server's own, or when the browser marks it as cross-site
  (``Sec-Fetch-Site``); the body must also be JSON (checked with the body), which a cross-site page cannot send
  without a CORS preflight that this server never grants.

Both answer 403 in the server's one error shape.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from crosswire.web.errors import error_response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost"})


def split_host(value: str) -> tuple[str, str | None]:
    """("Example.org:8000") -> ("example.org", "8000"); IPv6 literals keep no brackets."""
    value = value.strip().lower().rstrip(".")
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else None
    host, sep, port = value.rpartition(":")
    if sep and port.isdigit() and ":" not in host:
        return host.rstrip("."), port
    return value, None


def is_ip(host: str) -> bool:
    """Whether ``host`` is an IP address literal rather than a name."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class HostGuard:
    """ASGI middleware: the ``Host`` check on every request, the ``Origin`` check on every write."""

    def __init__(self, app: Any, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = frozenset(split_host(name)[0] for name in allowed_hosts if name.strip())

    def host_allowed(self, host: str) -> bool:
        return (
            is_ip(host)
            or host in LOOPBACK_NAMES
            or host.endswith(".localhost")
            or host in self.allowed
            or "*" in self.allowed
        )

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host_header = headers.get("host", "")
        host, _port = split_host(host_header)
        if not host or not self.host_allowed(host):
            shown = host_header[:100] or "(none)"
            response = error_response(
                403,
                "host_not_allowed",
                f"this server does not answer to the host name {shown!r}; open it as http://127.0.0.1:PORT/ or "
                "start it with --allow-host NAME",
            )
            await response(scope, receive, send)
            return
        if scope.get("method", "GET").upper() not in SAFE_METHODS:
            problem = _cross_origin(headers, host_header)
            if problem:
                response = error_response(403, "cross_origin", problem)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _cross_origin(headers: dict[str, str], host_header: str) -> str | None:
    """Why a write comes from another origin, or None when it comes from this server's pages or a non-browser."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in {"same-origin", "none"}:
        return f"a {site} request may not change the store; post from this server's own pages or a script"
    origin = headers.get("origin")
    if origin is None:
        return None  # not sent by a browser's cross-origin request (curl, scripts, same-origin form posts)
    parts = urlsplit(origin)
    if origin == "null" or not parts.hostname or parts.netloc.lower() != host_header.strip().lower():
        return f"a request from origin {origin[:100]!r} may not change the store; only this server's own pages may"
    return None
