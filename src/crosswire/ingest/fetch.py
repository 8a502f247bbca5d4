"""Fetching the URLs a user asks to ingest: the only network access Crosswire makes.

Every fetch is bounded: ``timeout`` seconds per network read, ``deadline`` seconds overall (a server that sends one
byte at a time cannot keep it alive), ``max_bytes`` of body, five redirects. Links found inside fetched content (a
feed's entries) are only fetched from public addresses: the address actually connected to, after DNS resolution and
after every redirect, must not be loopback, private, link-local or otherwise reserved, unless the caller allows it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from crosswire import __version__
from crosswire.errors import FetchError
from crosswire.ingest.decode import format_size
from crosswire.ingest.html_bytes import parse_content_type

DEFAULT_TIMEOUT = 20.0  # seconds per connect or read
DEFAULT_DEADLINE = 60.0  # seconds for a whole fetch, redirects included
DEFAULT_MAX_BYTES = 20_000_000  # 20 MB: every size Crosswire states is in SI units
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # lower-case media type without parameters, "" when absent
    charset: str | None


def is_public_address(address: str) -> bool:
    """True for an address on the public internet; False for loopback, private, link-local, multicast, reserved,
    unspecified and shared (carrier-grade NAT) ones, and for IPv6 addresses that embed such an IPv4 address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast


class _Refused(Exception):
    """Raised inside httpx's connection trace when a linked fetch reaches a non-public address."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


class _Attempt:
    """One ``get``: its sockets (so the deadline can cut them) and what it may connect to."""

    def __init__(self, public_only: bool, allowed: Callable[[str], bool]) -> None:
        self.public_only = public_only
        self.allowed = allowed
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def trace(self, name: str, info: dict[str, Any]) -> None:
        if name != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        if stream is None:
            return
        sock = stream.get_extra_info("socket")
        with self.lock:
            if sock is not None:
                self.sockets.append(sock)
            expired = self.expired
        if expired:
            _cut(sock)
        if self.public_only:
            peer = stream.get_extra_info("server_addr")
            address = str(peer[0]) if peer else ""
            if not self.allowed(address):
                _cut(sock)
                raise _Refused(address or "an unknown address")

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            sockets = list(self.sockets)
        for sock in sockets:
            _cut(sock)


def _cut(sock: socket.socket | None) -> None:
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class Fetcher:
    """An HTTP client with timeouts, an overall deadline, a redirect limit and a cap on how much it downloads."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        allow_private_links: bool = False,
        link_address_allowed: Callable[[str], bool] = is_public_address,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        # Which addresses links found inside fetched content may connect to (unless allow_private_links).
        self.link_address_allowed = link_address_allowed
        self.deadline = deadline
        self.allow_private_links = allow_private_links
        self._client = httpx.Client(
            timeout=httpx.Timeout(min(timeout, deadline), connect=min(timeout, deadline, 10.0)),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": f"Crosswire/{__version__} (+news dossier builder)"},
            # No kept-alive connections: every request, redirects included, opens (and checks) its own.
            limits=httpx.Limits(max_keepalive_connections=0),
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, linked: bool = False) -> Fetched:
        """Fetch ``url``; ``linked`` when the URL was found inside fetched content rather than given by the user,
        which restricts it to public addresses unless ``allow_private_links``."""
        attempt = _Attempt(linked and not self.allow_private_links, self.link_address_allowed)
        timer = threading.Timer(self.deadline, attempt.expire)
        timer.daemon = True
        started = time.monotonic()
        timer.start()
        try:
            return self._get(url, attempt, started)
        except _Refused as exc:
            raise FetchError(_refused(exc.address), source=url) from None
        except (httpx.HTTPError, OSError) as exc:
            if attempt.expired:
                raise FetchError(self._too_slow(), source=url) from None
            refused = exc.__context__ or exc.__cause__
            if isinstance(refused, _Refused):
                raise FetchError(_refused(refused.address), source=url) from None
            raise FetchError(_http_error_message(exc), source=url) from None
        finally:
            timer.cancel()

    def _get(self, url: str, attempt: _Attempt, started: float) -> Fetched:
        with self._client.stream("GET", url, extensions={"trace": attempt.trace}) as response:
            if response.status_code >= 400:
                raise FetchError(
                    f"the server answered HTTP {response.status_code} {response.reason_phrase}; check the address",
                    source=url,
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(self._too_large(int(declared)), source=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(self._too_large(size, at_least=True), source=url)
                if time.monotonic() - started > self.deadline:
                    raise FetchError(self._too_slow(), source=url)
                chunks.append(chunk)
            if attempt.expired:
                raise FetchError(self._too_slow(), source=url)
            media, charset = parse_content_type(response.headers.get("content-type", ""))
            return Fetched(str(response.url), b"".join(chunks), media, charset)

    def _too_large(self, size: int, *, at_least: bool = False) -> str:
        amount = f"{'over ' if at_least else ''}{format_size(size)}"
        return f"the page is {amount}, above the {format_size(self.max_bytes)} limit; save it and pass the file"

    def _too_slow(self) -> str:
        return (
            f"not fetched within the {self.deadline:g}-second limit for one address; the site may be slow, "
            "save the page and pass the file"
        )


def _refused(address: str) -> str:
    return (
        f"not fetched: the link leads to {address}, a loopback, private or link-local address; links inside "
        "fetched content only go to public addresses (pass --allow-private-links to allow them)"
    )


def _http_error_message(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out; the site may be slow or down, try again later"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects; open it in a browser and pass the final address"
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"not a valid URL ({exc})"
    reason = str(exc) or type(exc).__name__
    return f"unreachable ({reason}); check the address and your connection"
