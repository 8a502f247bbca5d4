"""Fetching the URLs a user asks to ingest: the only network access Crosswire makes."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from crosswire import __version__
from crosswire.errors import FetchError
from crosswire.ingest.decode import format_size
from crosswire.ingest.html_bytes import parse_content_type

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20_000_000  # 20 MB: every size Crosswire states is in SI units


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # lower-case media type without parameters, "" when absent
    charset: str | None


class Fetcher:
    """An HTTP client with timeouts, a redirect limit and a cap on how much it downloads."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": f"Crosswire/{__version__} (+news dossier builder)"},
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as response:
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
                    chunks.append(chunk)
                media, charset = parse_content_type(response.headers.get("content-type", ""))
                return Fetched(str(response.url), b"".join(chunks), media, charset)
        except httpx.TimeoutException:
            raise FetchError("timed out; the site may be slow or down, try again later", source=url) from None
        except httpx.TooManyRedirects:
            raise FetchError(
                "too many redirects; open it in a browser and pass the final address", source=url
            ) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})", source=url) from None
        except httpx.HTTPError as exc:
            reason = str(exc) or type(exc).__name__
            raise FetchError(f"unreachable ({reason}); check the address and your connection", source=url) from None

    def _too_large(self, size: int, *, at_least: bool = False) -> str:
        amount = f"{'over ' if at_least else ''}{format_size(size)}"
        return f"the page is {amount}, above the {format_size(self.max_bytes)} limit; save it and pass the file"
