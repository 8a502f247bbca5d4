"""``crosswire serve`` as a real process (uvicorn on loopback), its pages opened in headless Chromium."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from browser_support import launch, screenshot, watch_console

CROSSWIRE = Path(sys.executable).parent / "crosswire"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# How long the server may take to start (it imports the pipeline) before the test gives up.
STARTUP_DEADLINE_S = 120


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `crosswire serve` over a store filled by `crosswire analyze examples`."""
    out = tmp_path_factory.mktemp("serve")
    analysed = subprocess.run(
        [str(CROSSWIRE), "analyze", str(EXAMPLES), "--out", str(out), "--quiet"], capture_output=True, text=True
    )
    assert analysed.returncode == 0, analysed.stderr
    port = free_port()
    log = (out / "serve.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [str(CROSSWIRE), "serve", "--db", f"sqlite:///{out / 'crosswire.db'}", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, out / "serve.log")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    with httpx.Client(timeout=5) as client:
        for _attempt in range(STARTUP_DEADLINE_S * 4):
            if process.poll() is not None:
                pytest.fail(f"crosswire serve exited with {process.returncode}: {log.read_text()}")
            try:
                if client.get(f"{base}/api/stories").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.25)
    pytest.fail("crosswire serve did not answer in time")


# Nothing to do with the examples (all about one affair): it must make a story of its own.
UNRELATED = {
    "id": "harvest-festival",
    "title": "Village harvest festival draws record crowds",
    "outlet": "Valley Courier",
    "published": "2023-09-02",
    "text": "Thousands of visitors came to the annual harvest festival in Lindenfeld on Saturday, the organisers "
    "said, a record for the village.\n\nStalls sold apple cider, pumpkins and honey, and a brass band played "
    "until midnight. Mayor Anna Keller said the festival would return next September.",
}


def test_articles_are_added_through_the_running_server(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")
    before = httpx.get(f"{server}/api/articles").json()["total"]
    response = httpx.post(f"{server}/api/articles", json=UNRELATED, timeout=300)
    assert response.status_code == 200, response.text
    assert response.json()["analysed"] == ["harvest-festival"]
    assert httpx.get(f"{server}/api/articles").json()["total"] == before + 1
    bad = httpx.post(f"{server}/api/articles", content=b"[", headers={"content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_json"


def test_home_and_story_pages_open_without_errors(server: str) -> None:
    if httpx.get(f"{server}/api/articles/harvest-festival").status_code == 404:
        assert httpx.post(f"{server}/api/articles", json=UNRELATED, timeout=300).status_code == 200
    stories = httpx.get(f"{server}/api/stories").json()["items"]
    assert len(stories) >= 2, "the unrelated article makes a story of its own"
    story = max(stories, key=lambda s: len(s["articles"]))
    assert "harvest-festival" not in story["articles"]
    titles = {a["id"]: a["title"] for a in httpx.get(f"{server}/api/articles", params={"limit": 500}).json()["items"]}
    with launch() as context:
        page = context.new_page()
        problems = watch_console(page)

        response = page.goto(f"{server}/")
        assert response is not None and response.status == 200
        page.wait_for_load_state("load")
        body = page.inner_text("body")
        for title in titles.values():
            assert title is None or title in body
        screenshot(page, "serve-home")
        assert problems == []

        response = page.goto(f"{server}/stories/{story['id']}")
        assert response is not None and response.status == 200
        page.wait_for_load_state("load")
        body = page.inner_text("body")
        for article_id, title in titles.items():
            if title:
                assert (title in body) == (article_id in story["articles"]), title
        screenshot(page, "serve-story")
        assert problems == []
