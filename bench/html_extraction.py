"""Main-text extraction from real web pages: Crosswire's clean stage against trafilatura alone.

Scores ``../shared/data/trafilatura-eval`` (990 pages, many languages) with the set's own metric: the share of
snippet checks passed (each ``with`` snippet present in the extracted text, each ``without`` snippet absent).

    .venv/bin/python bench/html_extraction.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from trafilatura import extract

from crosswire.clean import clean_article
from crosswire.context import Context
from crosswire.errors import InputError
from crosswire.ingest.html_bytes import decode_html
from crosswire.model import Article

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "trafilatura-eval"


def _norm(text: str) -> str:
    return " ".join(text.split())


def crosswire_text(page: str, url: str) -> str:
    article = Article(id="page", source=url, url=url, raw=page, raw_format="html")
    try:
        clean_article(article, Context())
    except InputError:
        return ""
    # The title is part of what a reader sees of the article; trafilatura's own text omits it too.
    return article.text


def score(
    pages: list[tuple[str, str, dict[str, list[str]]]], extractor: Callable[[str, str], str]
) -> tuple[float, float, float, float]:
    """(all checks, with checks, without checks, seconds)."""
    with_ok = with_n = without_ok = without_n = 0
    started = time.perf_counter()
    for url, page, entry in pages:
        text = _norm(extractor(page, url))
        for snippet in entry.get("with", []):
            with_ok += _norm(snippet) in text
            with_n += 1
        for snippet in entry.get("without", []):
            without_ok += _norm(snippet) not in text
            without_n += 1
    elapsed = time.perf_counter() - started
    return (
        (with_ok + without_ok) / max(1, with_n + without_n),
        with_ok / max(1, with_n),
        without_ok / max(1, without_n),
        elapsed,
    )


def load_pages(data: Path, limit: int | None = None) -> list[tuple[str, str, dict[str, list[str]]]]:
    index = json.loads((data / "evaldata.json").read_text("utf-8"))
    pages = []
    for url, entry in index.items():
        path = data / "eval" / entry["file"]
        if path.exists():
            pages.append((url, decode_html(path.read_bytes()), entry))
    return pages[:limit] if limit else pages


def measure(data: Path = DATA, limit: int | None = None) -> dict[str, float]:
    pages = load_pages(data, limit)
    ours = score(pages, crosswire_text)
    return {
        "pages": len(pages),
        "crosswire": ours[0],
        "with": ours[1],
        "without": ours[2],
        "seconds": ours[3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not (args.data / "evaldata.json").exists():
        print(f"skip: {args.data} not found")
        return 0
    pages = load_pages(args.data, args.limit)
    print(f"pages: {len(pages)}")
    rows = [
        ("trafilatura defaults", lambda p, u: extract(p, url=u) or ""),
        ("trafilatura favor_precision", lambda p, u: extract(p, url=u, favor_precision=True) or ""),
        ("crosswire clean stage", crosswire_text),
    ]
    for name, extractor in rows:
        total, with_share, without_share, seconds = score(pages, extractor)
        print(
            f"{name:30s} checks passed {total:.4f} (with {with_share:.4f}, without {without_share:.4f}) "
            f"{len(pages) / seconds:6.1f} pages/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
