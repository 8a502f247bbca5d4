"""Careless and hostile inputs the probe found: each is read, or refused with exact figures, and never lost.

Every fixture is made here by the test (no shipped binaries).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from ingest_support import LONG_PARAGRAPH, build_warc, html_page, only_failure, run

from crosswire.clean import clean_article
from crosswire.context import Context
from crosswire.ingest import IngestOptions
from crosswire.ingest.decode import format_size
from crosswire.ingest.fetch import DEFAULT_MAX_BYTES
from crosswire.model import Article

PROSE = (
    "The harbour authority said on Tuesday that the strike had ended after nine days of talks. "
    "Dock workers returned to the cranes before dawn, a union spokesman said."
)


def _cleaned(article: Article) -> str:
    clean_article(article, Context())
    return article.text


# Sizes ------------------------------------------------------------------------------------------------------------


def test_a_file_one_byte_over_the_limit_shows_both_exact_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 100_001)
    _, failures, _ = run([path], IngestOptions(max_bytes=100_000))
    error = only_failure(failures, path).error
    assert "100,001 bytes" in error and "100,000 bytes" in error
    assert "KB" not in error and "MB" not in error


def test_sizes_use_one_unit_system_and_the_documented_default() -> None:
    assert DEFAULT_MAX_BYTES == 20_000_000
    assert format_size(DEFAULT_MAX_BYTES) == "20,000,000 bytes (20 MB)"
    assert format_size(100_001) == "100,001 bytes (100 kB)"
    assert format_size(1_500_000) == "1,500,000 bytes (1.5 MB)"
    assert format_size(1) == "1 byte"


# Encodings --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "Grève au port\n\n" + PROSE + " Le syndicat a salué l'accord."
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(encoding))
    assert not path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    articles, failures, _ = run([path])
    assert failures == []
    assert articles[0].raw == text


def test_utf16_json_lines_without_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": PROSE}) for i in range(3)]
    path = tmp_path / "records.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-16-le"))
    articles, failures, _ = run([path])
    assert failures == []
    assert [a.id for a in articles] == ["r0", "r1", "r2"]


def test_utf16_html_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    page = html_page("Grève", PROSE)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16-le"))
    articles, failures, _ = run([path])
    assert failures == []
    assert articles[0].raw == page


def test_binary_data_with_zeros_everywhere_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    _, failures, _ = run([path])
    assert "binary" in only_failure(failures, path).error


# JSON Lines records and --max-bytes -------------------------------------------------------------------------------


def test_max_bytes_applies_to_each_json_lines_record(tmp_path: Path) -> None:
    huge = json.dumps({"id": "huge", "text": "word " * 40_000})  # 200 kB
    path = tmp_path / "records.jsonl"
    path.write_text(huge + "\n" + json.dumps({"id": "small", "text": PROSE}) + "\n", encoding="utf-8")

    articles, failures, _ = run([path], IngestOptions(max_bytes=100_000))

    assert [a.id for a in articles] == ["small"]
    error = only_failure(failures, f"{path}:1").error
    assert f"{len(huge.encode()):,} bytes" in error and "100,000 bytes" in error and "--max-bytes" in error


def test_max_bytes_counts_utf8_bytes_not_characters(tmp_path: Path) -> None:
    record = json.dumps({"id": "greek", "text": "αβγδε " * 3000}, ensure_ascii=False)  # 18,000 chars, 33,000 bytes
    path = tmp_path / "greek.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    _, failures, _ = run([path], IngestOptions(max_bytes=20_000))
    assert f"{len(record.encode()):,} bytes" in only_failure(failures, f"{path}:1").error


def test_max_bytes_applies_to_records_on_stdin() -> None:
    stream = io.StringIO(json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": PROSE}))
    articles, failures, _ = run(["-"], IngestOptions(max_bytes=2048), stdin=stream)
    assert [a.id for a in articles] == ["ok"]
    assert failures[0].source == "<stdin>:1" and "2,048 bytes" in failures[0].error


# Feeds, fragments and deep pages keep their text ------------------------------------------------------------------


def test_a_plain_text_rss_description_is_read(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port Wire</title>'
        f"<item><title>Strike ends</title><guid>s-1</guid><description>{PROSE}</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "wire.rss"
    path.write_text(feed, encoding="utf-8")
    [article], failures, _ = run([path])
    assert failures == []
    assert _cleaned(article) == PROSE


def test_a_short_plain_text_rss_description_is_read(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port Wire</title>'
        "<item><title>Strike ends</title><guid>s-2</guid><description>Dock workers went back to work.</description>"
        "</item></channel></rss>"
    )
    path = tmp_path / "short.rss"
    path.write_text(feed, encoding="utf-8")
    [article], failures, _ = run([path])
    assert failures == []
    assert _cleaned(article) == "Dock workers went back to work."


@pytest.mark.parametrize(
    "html",
    [f"<p>{PROSE}</p>", f"<div><p>{PROSE}</p></div>", f"<html><body><p>{PROSE}</p></body></html>"],
    ids=["bare p", "p in a div", "page of one p"],
)
def test_a_body_of_one_paragraph_is_read(html: str) -> None:
    article = Article(id="one", source="records.jsonl", raw=html, raw_format="html")
    assert _cleaned(article) == PROSE


def test_deeply_nested_html_keeps_its_text() -> None:
    depth = 10_000
    page = "<html><body>" + "<div>" * depth + f"<p>{PROSE}</p>" + "</div>" * depth + "</body></html>"
    article = Article(id="deep", source="deep.html", raw=page, raw_format="html")
    assert PROSE in _cleaned(article)


def test_a_page_of_links_alone_is_still_refused() -> None:
    links = "".join(f'<div><a href="/s{i}">Section {i} of the site</a></div>' for i in range(20))
    page = f"<html><head><title>Index</title></head><body><div>{links}</div></body></html>"
    article = Article(id="index", source="index.html", raw=page, raw_format="html")
    with pytest.raises(Exception, match="no article text"):
        _cleaned(article)


# Damaged archives -------------------------------------------------------------------------------------------------


def test_warcio_does_not_write_a_damaged_records_bytes_to_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    pages = [
        (f"http://example.com/{i}", html_page(f"Page {i}", LONG_PARAGRAPH * 3).encode(), "text/html") for i in "ab"
    ]
    data = build_warc(tmp_path / "good.warc", pages, extras=False).read_bytes()
    # A record whose Content-Length is short by a few bytes: warcio warns with the bytes it finds instead.
    declared = re.search(rb"Content-Length: (\d+)\r\n\r\nHTTP", data)
    assert declared is not None
    damaged = data.replace(
        declared.group(0), declared.group(0).replace(declared.group(1), str(int(declared.group(1)) - 7).encode()), 1
    )
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)

    with contextlib.suppress(Exception):
        run([path])

    assert capfd.readouterr().err == ""
