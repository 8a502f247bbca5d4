"""The HTTP layer under the app: requests too broken to reach it still get the one JSON error shape.

uvicorn answers a request h11 cannot parse (``Content-Length: abc``, a request line or headers over its buffer) with
a plain-text 400 and closes at once; a client still sending a long request line then sees the connection reset, not
the answer. :class:`JsonErrorH11Protocol` answers in the server's error shape instead (431 when the request line and
headers are over :data:`MAX_HEAD_BYTES`, 400 otherwise), then reads and discards what the client still sends for
up to :data:`LINGER_SECONDS` before it closes, so the client reads the answer.
"""

from __future__ import annotations

import json
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from crosswire.web.errors import ErrorInfo, ErrorResponse

# The longest request line plus headers the server reads (the query string included).
MAX_HEAD_BYTES = 64_000  # 64 kB
LINGER_SECONDS = 2.0


def error_bytes(status: int, code: str, message: str) -> bytes:
    body = ErrorResponse(error=ErrorInfo(code=code, message=message)).model_dump(mode="json")
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


class JsonErrorH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with its protocol errors in the JSON error shape."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lingering = False

    def data_received(self, data: bytes) -> None:
        if self._lingering:
            return
        super().data_received(data)

    def eof_received(self) -> None:
        if self._lingering:
            self.transport.close()
            return
        super().eof_received()

    def send_400_response(self, msg: str) -> None:
        unparsed, _closed = self.conn.trailing_data
        if len(unparsed) > MAX_HEAD_BYTES:
            status, reason = 431, b"Request Header Fields Too Large"
            body = error_bytes(
                431,
                "request_too_large",
                f"the request line and headers are over {MAX_HEAD_BYTES:,} bytes; send a shorter URL or query string",
            )
        else:
            status, reason = 400, b"Bad Request"
            body = error_bytes(
                400,
                "invalid_http",
                "the request is not valid HTTP/1.1 (a malformed request line or header, e.g. a Content-Length that "
                "is not a number)",
            )
        head = (
            f"HTTP/1.1 {status} ".encode()
            + reason
            + b"\r\ncontent-type: application/json\r\nconnection: close\r\n"
            + f"content-length: {len(body)}\r\n\r\n".encode()
        )
        self.transport.write(head + body)
        self._linger()

    def _linger(self) -> None:
        """Stop answering, keep reading (and dropping) what the client sends, close after a short while."""
        self._lingering = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)


UVICORN_OPTIONS: dict[str, Any] = {"http": JsonErrorH11Protocol, "h11_max_incomplete_event_size": MAX_HEAD_BYTES}
