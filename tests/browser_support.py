"""Headless Chromium for the browser tests: Debian's package, driven by Playwright, with the network left alone.

The machine's network is closed and Playwright's own browsers are never downloaded, so the tests use the system
Chromium (``make test`` installs it) with flags that stop it from calling home. Each browser gets a fresh profile.
Tests that need a browser take the ``browser_context`` fixture from :func:`launch` (or call it directly) and are
skipped, with the reason, where Chromium or Playwright is missing.

    from browser_support import launch, watch_console  # tests/ is on sys.path (rootdir conftest)

    with launch() as context:
        page = context.new_page()
        problems = watch_console(page)
        page.goto(url)
        assert problems == []
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 900}


def chromium_path() -> str | None:
    """The system Chromium: ``$CROSSWIRE_CHROMIUM``, else ``/usr/bin/chromium``, else ``chromium`` on the PATH."""
    for candidate in (os.environ.get("CROSSWIRE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@contextmanager
def launch(*, viewport: dict[str, int] | None = None, accept_downloads: bool = True) -> Iterator[BrowserContext]:
    """A fresh headless Chromium context (its own profile directory, removed afterwards); skips the test if none."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (make test installs it: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")
    with tempfile.TemporaryDirectory(prefix="crosswire-chromium-") as profile, sync_api.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=viewport or VIEWPORT,
            accept_downloads=accept_downloads,
        )
        try:
            yield context
        finally:
            context.close()


def watch_console(page: Page) -> list[str]:
    """A list that fills with every console error, uncaught exception and failed request of ``page``."""
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    return problems


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save a PNG of ``page`` as ``build/screenshots/NAME.png`` and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
