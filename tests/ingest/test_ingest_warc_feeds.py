"""Web archives (.warc, .warc.gz written with warcio) and RSS/Atom feed files."""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

import pytest
from ingest_support import (
    LONG_PARAGRAPH,
    LocalServer,
    assert_one_line,
    build_warc,
    html_page,
    only_failure,
    run,
    warc_info,
    warc_response,
)
from warcio.warcwriter import WARCWriter

from crosswire.ingest import IngestOptions

PAGE_A = html_page("Talks in Ankara", LONG_PARAGRAPH)
PAGE_B = (
    "<html><head><title>Genève</title></head><body><p>Le président a déclaré à Genève que "
    "l'accord était prêt.</p></body></html>"
)
PAGES = [
    ("http://example.com/news/ankara", PAGE_A.encode("utf-8"), "text/html; charset=utf-8"),
    ("http://example.com/news/geneve", PAGE_B.encode("latin-1"), "text/html; charset=iso-8859-1"),
    ("http://example.com/news/xhtml", html_page("XHTML", "Served as XHTML.").encode(), "application/xhtml+xml"),
]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles_and_other_records_are_skipped(tmp_path: Path, name: str) -> None:
    path = build_warc(tmp_path / name, PAGES)

    articles, failures, _ = run([path])

    assert failures == []
    assert [a.url for a in articles] == [uri for uri, _, _ in PAGES]  # not the PNG, the 404 or the request
    assert all(a.source == str(path) and a.raw_format == "html" for a in articles)
    assert articles[0].raw == PAGE_A
    assert "Le président a déclaré à Genève" in articles[1].raw  # decoded by the HTTP charset
    assert articles[0].id == "crawl-" + hashlib.sha1(PAGES[0][0].encode()).hexdigest()[:10]
    assert len({a.id for a in articles}) == 3


def test_warc_ids_are_stable_across_runs_and_compression(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    plain = build_warc(tmp_path / "one" / "crawl.warc", PAGES)
    packed = build_warc(tmp_path / "two" / "crawl.warc.gz", PAGES)

    first = [a.id for a in run([plain])[0]]
    second = [a.id for a in run([packed])[0]]

    assert first == second
    assert len(first) == 3


def test_warc_with_only_a_warcinfo_record_fails(tmp_path: Path) -> None:
    path = tmp_path / "info-only.warc.gz"
    with path.open("wb") as stream:
        warc_info(WARCWriter(stream, gzip=True))
    good = build_warc(tmp_path / "good.warc", PAGES[:1], extras=False)

    articles, failures, _ = run([path, good])

    assert [a.url for a in articles] == [PAGES[0][0]]
    failure = only_failure(failures, path)
    assert "no HTML response records" in failure.error


def test_warc_with_only_non_html_responses_fails(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "images.warc", [("http://example.com/x.json", b'{"a": 1}', "application/json")])

    articles, failures, _ = run([path])

    assert articles == []
    assert "no HTML response records" in only_failure(failures, path).error


def test_warc_gz_cut_inside_its_first_record_fails_without_stopping_the_batch(tmp_path: Path) -> None:
    whole = build_warc(tmp_path / "whole.warc.gz", PAGES).read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[:40])  # inside the gzip member of the leading warcinfo record
    after = tmp_path / "after.txt"
    after.write_text(LONG_PARAGRAPH, encoding="utf-8")

    articles, failures, _ = run([path, after])

    assert [a.id for a in articles] == ["after"]
    only_failure(failures, path)


def test_warc_gz_with_a_corrupt_tail_keeps_the_good_records_and_fails(tmp_path: Path) -> None:
    good = build_warc(tmp_path / "good.warc.gz", PAGES[:2], extras=False).read_bytes()
    path = tmp_path / "tail.warc.gz"
    path.write_bytes(good + b"this is not a WARC record at all\n" + b"more junk\n")

    articles, failures, _ = run([path])

    assert [a.url for a in articles] == [PAGES[0][0], PAGES[1][0]]
    assert "not a readable WARC" in only_failure(failures, path).error


def _pseudo_random_page() -> bytes:
    """An HTML page whose body does not compress much, so a cut at 60% of a .warc.gz lands inside it."""
    words = " ".join(hashlib.sha256(str(i).encode()).hexdigest()[:8] for i in range(2500))
    return html_page("Long page", words).encode()


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_warc_cut_inside_the_record_headers_is_a_failure_not_a_crash(tmp_path: Path, name: str) -> None:
    whole = build_warc(tmp_path / "whole.warc", PAGES[:1], extras=False).read_bytes()
    head = whole[: whole.index(b"WARC-Target-URI")]
    path = tmp_path / name
    path.write_bytes(gzip.compress(head, mtime=0) if name.endswith(".gz") else head)
    after = tmp_path / "after.txt"
    after.write_text(LONG_PARAGRAPH, encoding="utf-8")

    articles, failures, _ = run([path, after])

    assert [a.id for a in articles] == ["after"]
    only_failure(failures, path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("text.warc", b"this is a plain text file\nnot a web archive\n"),
        ("fake.warc.gz", b"\x1f\x8b\x08\x00" + bytes(range(1, 200))),
        ("html.warc.gz", gzip.compress(PAGE_A.encode("utf-8"), mtime=0)),
    ],
)
def test_file_that_is_not_a_warc_fails(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    articles, failures, _ = run([path])

    assert articles == []
    failure = only_failure(failures, path)
    assert "WARC" in failure.error


def test_corrupt_warc_gz_error_holds_no_raw_control_bytes(tmp_path: Path) -> None:
    good = build_warc(tmp_path / "good.warc.gz", PAGES[:1], extras=False).read_bytes()
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(good + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x0b\x07\rgarbage\x1b[31m\x00\n")

    articles, failures, _ = run([path])

    assert len(articles) == 1
    assert len(failures) == 1
    assert_one_line(failures[0].error)


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_warc_cut_inside_a_record_body_is_reported(tmp_path: Path, name: str) -> None:
    page = _pseudo_random_page()
    whole = build_warc(
        tmp_path / ("whole" + name[3:]), [("http://example.com/long", page, "text/html")], extras=False
    ).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * 0.6)])

    articles, failures, _ = run([path])

    assert all(a.raw == page.decode() for a in articles), "an article holds part of a page"
    assert [f.source for f in failures] == [str(path)]


def test_warc_record_larger_than_max_bytes_is_skipped_with_a_failure(tmp_path: Path) -> None:
    big = html_page("Big", LONG_PARAGRAPH * 40).encode()
    path = build_warc(tmp_path / "mixed.warc", [PAGES[0], ("http://example.com/big", big, "text/html")], extras=False)

    articles, failures, _ = run([path], IngestOptions(max_bytes=4096))

    assert len(big) > 4096 > len(PAGES[0][1])
    assert [a.url for a in articles] == [PAGES[0][0]]
    failure = only_failure(failures, f"{path}#http://example.com/big")
    assert "skipped" in failure.error


# --- feeds ------------------------------------------------------------------------------------------------------

FULL_BODY = "<p>" + LONG_PARAGRAPH * 4 + "</p>"

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbor Ledger</title><link>https://ledger.example/</link><description>News</description>
  <language>en</language>
  <item>
    <title>Talks stall in Ankara</title><link>https://ledger.example/ankara</link><guid>ledger-1</guid>
    <pubDate>Mon, 14 Nov 2022 09:30:00 +0100</pubDate>
    <description>Teaser only.</description>
    <content:encoded><![CDATA[{FULL_BODY}]]></content:encoded>
  </item>
  <item>
    <title>Grain deal extended</title><link>https://ledger.example/grain</link><guid>ledger-2</guid>
    <pubDate>Thu, 17 Nov 2022 18:00:00 GMT</pubDate>
    <description><![CDATA[<p>The grain deal was extended by 120 days, officials said.</p>]]></description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Eurasia Wire</title><id>urn:eurasia</id><updated>2022-11-15T00:00:00Z</updated>
  <entry>
    <title>Kremlin comments</title><link href="https://wire.example/kremlin"/><id>urn:wire:1</id>
    <published>2022-11-14T08:00:00+02:00</published><updated>2022-11-16T00:00:00Z</updated>
    <summary>Short summary.</summary>
    <content type="html">{FULL_BODY.replace("<", "&lt;").replace(">", "&gt;")}</content>
  </entry>
  <entry>
    <title>Updated only</title><link href="https://wire.example/updated"/><id>urn:wire:2</id>
    <updated>2022-11-16T12:00:00Z</updated>
    <summary>Only a summary here.</summary>
  </entry>
</feed>
"""


@pytest.mark.parametrize("name", ["ledger.rss", "ledger.xml"])
def test_rss_items_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(RSS, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    first, second = articles
    assert (first.title, first.url, first.outlet, first.language) == (
        "Talks stall in Ankara",
        "https://ledger.example/ankara",
        "Harbor Ledger",
        "en",
    )
    assert first.published == "2022-11-14T08:30:00Z"  # pubDate in ISO 8601, UTC
    assert first.published_from == "input"
    assert first.raw == FULL_BODY  # content:encoded, not the description teaser
    assert first.raw_format == "html"
    assert first.source == str(path)
    assert second.url == "https://ledger.example/grain"
    assert second.published == "2022-11-17T18:00:00Z"
    assert "extended by 120 days" in second.raw
    assert first.id != second.id and all(a.id.startswith("ledger-") for a in articles)


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    first, second = articles
    assert (first.title, first.url, first.outlet) == (
        "Kremlin comments",
        "https://wire.example/kremlin",
        "Eurasia Wire",
    )
    assert first.published == "2022-11-14T06:00:00Z"  # <published> wins over <updated>
    assert first.raw == FULL_BODY
    assert second.published == "2022-11-16T12:00:00Z"  # falls back to <updated>
    assert second.raw == "Only a summary here."


def test_feed_ids_are_stable_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "ledger.rss"
    path.write_text(RSS, encoding="utf-8")

    assert [a.id for a in run([path])[0]] == [a.id for a in run([path])[0]]


def test_xml_file_that_is_not_a_feed_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text(PAGE_A, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    assert [(a.id, a.raw_format, a.raw) for a in articles] == [("page", "html", PAGE_A)]


@pytest.mark.parametrize(
    "content",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>',
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken',
    ],
    ids=["rss-no-items", "atom-no-entries", "truncated"],
)
def test_feed_without_entries_fails(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(content, encoding="utf-8")
    good = tmp_path / "good.rss"
    good.write_text(RSS, encoding="utf-8")

    articles, failures, _ = run([path, good])

    assert len(articles) == 2 and all(a.source == str(good) for a in articles)
    assert "no entries" in only_failure(failures, path).error


def test_feed_file_with_teasers_does_not_fetch_links(tmp_path: Path, server: LocalServer) -> None:
    full_url = server.add("/full-story", html_page("Full", LONG_PARAGRAPH * 5))
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>
      <item><title>Teaser</title><link>{full_url}</link><description>Read more at the link.</description></item>
    </channel></rss>"""
    path = tmp_path / "teasers.rss"
    path.write_text(feed, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    assert server.requests == []  # a local file never makes Crosswire go online
    assert len(articles) == 1
    assert articles[0].raw == "Read more at the link."
    assert articles[0].url == full_url


def test_feed_entry_without_any_body_is_skipped_with_a_failure(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Bodiless</title><link>https://x.example/a</link></item>
      <item><title>Has body</title><link>https://x.example/b</link><description>Words.</description></item>
    </channel></rss>"""
    path = tmp_path / "bodiless.rss"
    path.write_text(feed, encoding="utf-8")

    articles, failures, _ = run([path])

    assert [a.title for a in articles] == ["Has body"]
    only_failure(failures, f"{path}#1")


def test_warc_and_feed_inside_a_folder(tmp_path: Path) -> None:
    build_warc(tmp_path / "a.warc.gz", PAGES[:1], extras=False)
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.atom").write_text(ATOM, encoding="utf-8")

    articles, failures, _ = run([tmp_path])

    assert failures == []
    assert [Path(a.source).name for a in articles] == ["a.warc.gz", "b.rss", "b.rss", "c.atom", "c.atom"]


def test_warc_bytes_are_recognised_by_content_without_an_extension(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    warc_response(writer, PAGES[0][0], PAGES[0][1], PAGES[0][2])
    path = tmp_path / "archive-without-extension"
    path.write_bytes(buffer.getvalue())

    articles, failures, _ = run([path])

    assert failures == []
    assert [a.url for a in articles] == [PAGES[0][0]]
