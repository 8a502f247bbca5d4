"""Fetching is bounded: an overall deadline against servers that drip bytes, and links found inside fetched content
(feed entries) never reach loopback, private or link-local addresses unless the user allows it.

The slow servers run on loopback only and stop on their own after a few seconds, so a broken deadline makes the test
fail (the fetch then succeeds), never hang.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_support import LONG_PARAGRAPH, LocalServer, html_page, run

from crosswire.errors import FetchError
from crosswire.ingest.fetch import Fetcher, is_public_address
from crosswire.model import InputFailure

DRIP_SECONDS = 4.0  # how long a slow server keeps dripping before it ends its answer


def _drip_server(head_first: bool) -> Iterator[str]:
    """A loopback server answering every connection one byte at a time (headers too, unless ``head_first``)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.2)
    stop = threading.Event()
    body = html_page("Slow", LONG_PARAGRAPH * 2).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n".encode()

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(DRIP_SECONDS)
            try:
                conn.recv(65536)
                data = head + body
                if head_first:
                    conn.sendall(head)
                    data = body
                ends = time.monotonic() + DRIP_SECONDS
                step = max(1, len(data) // 40)
                for i in range(0, len(data), step):
                    if stop.is_set():
                        return
                    conn.sendall(data[i : i + step])
                    if time.monotonic() < ends:
                        time.sleep(DRIP_SECONDS / 40)
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


@pytest.fixture
def dripping_body() -> Iterator[str]:
    yield from _drip_server(head_first=True)


@pytest.fixture
def dripping_headers() -> Iterator[str]:
    yield from _drip_server(head_first=False)


def test_a_body_dripped_slowly_is_cut_at_the_deadline(dripping_body: str) -> None:
    with Fetcher(timeout=DRIP_SECONDS, deadline=1.0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(dripping_body)
    assert "1-second limit" in caught.value.message


def test_headers_dripped_slowly_are_cut_at_the_deadline(dripping_headers: str) -> None:
    with Fetcher(timeout=DRIP_SECONDS, deadline=1.0) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(dripping_headers)
    assert "1-second limit" in caught.value.message


def test_a_slow_page_is_fetched_when_the_deadline_allows_it(dripping_body: str) -> None:
    with Fetcher(timeout=DRIP_SECONDS, deadline=DRIP_SECONDS * 3) as fetcher:
        page = fetcher.get(dripping_body)
    assert b"Slow" in page.content


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared address space
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "not an address",
    ],
)
def test_non_public_addresses_are_recognised(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_recognised(address: str) -> None:
    assert is_public_address(address)


def _feed(link: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Teaser</title><link>{link}</link><guid>g-1</guid><description>Short.</description></item>"
        "</channel></rss>"
    )


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_feed_links_to_loopback_are_not_fetched(server: LocalServer, host: str) -> None:
    secret = server.add("/admin/secret", html_page("Secret", "Internal only. " + LONG_PARAGRAPH * 4))
    link = secret.replace("127.0.0.1", host)
    feed = server.add("/feed.rss", _feed(link), "application/rss+xml")

    articles, failures, _ = run([feed])

    assert articles == []
    failure = _one(failures)
    assert "loopback, private or link-local" in failure.error and "--allow-private-links" in failure.error
    assert server.requests == ["/feed.rss"]  # checked on connecting, before any request was sent


@pytest.fixture
def other_loopback_redirect() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.2 that redirects every request to the URL in its path after ``/to/``."""
    seen: list[str] = []

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to/"))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    try:
        httpd = ThreadingHTTPServer(("127.0.0.2", 0), Redirect)
    except OSError:
        pytest.skip("127.0.0.2 is not available on this machine")
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.2:{httpd.server_address[1]}/to/", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_a_redirect_is_checked_again_on_its_own_connection(
    server: LocalServer, other_loopback_redirect: tuple[str, list[str]]
) -> None:
    # 127.0.0.2 stands for a public address here; the redirect leads to 127.0.0.1, which is refused.
    redirect_base, redirected = other_loopback_redirect
    target = server.add("/internal", html_page("Internal", LONG_PARAGRAPH * 4))
    with Fetcher(link_address_allowed=lambda address: address == "127.0.0.2") as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.get(redirect_base + target, linked=True)
        assert "127.0.0.1" in caught.value.message
        assert redirected == ["/to/" + target] and "/internal" not in server.requests
        page = fetcher.get(redirect_base + target)  # the user's own URL may go anywhere
    assert page.url == target


def test_the_address_the_user_gives_may_be_loopback(server: LocalServer) -> None:
    url = server.add("/page", html_page("Local", LONG_PARAGRAPH * 3))
    articles, failures, _ = run([url])
    assert failures == [] and len(articles) == 1


def _one(failures: list[InputFailure]) -> InputFailure:
    assert len(failures) == 1, failures
    return failures[0]
