"""URL inputs against a real local HTTP server (http.server on 127.0.0.1, port 0)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ingest_support import LONG_PARAGRAPH, LocalServer, html_page, only_failure, run

from crosswire.ingest import IngestOptions, url_stem
from crosswire.ingest.fetch import Fetcher

ARTICLE = html_page("Talks in Ankara", LONG_PARAGRAPH * 3)
FULL_STORY = html_page("The full story", LONG_PARAGRAPH * 6 + " The linked page was fetched.")
PLAIN = "Plain wire copy\n\n" + LONG_PARAGRAPH
LONG_ENTRY = "<p>" + LONG_PARAGRAPH * 5 + "</p>"
# The test server is on loopback, where links found in a feed are not followed unless allowed.
LOOPBACK_LINKS = IngestOptions(allow_private_links=True)


def rss(entries: str, title: str = "Local Wire") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://local.example/</link><description>d</description>{entries}</channel></rss>"
    )


def item(title: str, link: str, description: str, guid: str) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>Mon, 14 Nov 2022 09:30:00 GMT</pubDate><description><![CDATA[{description}]]>"
        "</description></item>"
    )


def test_html_url_becomes_an_article(server: LocalServer) -> None:
    url = server.add("/news/ankara-talks", ARTICLE)

    articles, failures, _ = run([url])

    assert failures == []
    [article] = articles
    assert article.source == url
    assert article.url == url
    assert article.raw == ARTICLE
    assert article.raw_format == "html"
    assert article.id == url_stem(url)
    assert article.id.startswith("127-0-0-1-ankara-talks-")
    assert server.requests == ["/news/ankara-talks"]


def test_html_url_is_decoded_by_the_http_charset(server: LocalServer) -> None:
    page = "<html><body><p>Le président a déclaré à Genève que l'accord était prêt.</p></body></html>"
    url = server.add("/geneve", page.encode("latin-1"), "text/html; charset=ISO-8859-1")

    articles, failures, _ = run([url])

    assert failures == []
    assert articles[0].raw == page


def test_text_plain_url_becomes_a_text_article(server: LocalServer) -> None:
    url = server.add("/wire/copy", PLAIN, "text/plain; charset=utf-8")

    articles, failures, _ = run([url])

    assert failures == []
    assert [(a.raw, a.raw_format, a.url) for a in articles] == [(PLAIN, "text", url)]


def test_redirect_is_followed_and_the_final_address_kept(server: LocalServer) -> None:
    final = server.add("/final", ARTICLE)
    start = server.add("/old-address", b"", status=301, location=final)

    articles, failures, _ = run([start])

    assert failures == []
    assert articles[0].source == start
    assert articles[0].url == final
    assert server.requests == ["/old-address", "/final"]


def test_feed_url_fetches_the_page_behind_a_teaser(server: LocalServer) -> None:
    story = server.add("/stories/full", FULL_STORY)
    unused = server.url("/stories/already-complete")
    feed = server.add(
        "/feed.rss",
        rss(item("Teaser", story, "Short teaser.", "t-1") + item("Complete", unused, LONG_ENTRY, "t-2")),
        "application/rss+xml",
    )

    articles, failures, _ = run([feed], LOOPBACK_LINKS)

    assert failures == []
    teaser, complete = articles
    assert teaser.raw == FULL_STORY  # the linked page, not the teaser
    assert teaser.url == story
    assert teaser.title == "Teaser"
    assert teaser.outlet == "Local Wire"
    assert teaser.published == "2022-11-14T09:30:00Z"
    assert teaser.source == feed
    assert complete.raw == LONG_ENTRY  # a full entry is taken as it is
    assert server.requests == ["/feed.rss", "/stories/full"]


def test_feed_url_whose_teaser_link_is_broken_reports_the_link(server: LocalServer) -> None:
    missing = server.url("/stories/gone")
    feed = server.add(
        "/feed.xml",
        rss(item("Broken", missing, "Teaser.", "b-1") + item("Fine", server.url("/x"), LONG_ENTRY, "b-2")),
        "text/xml",
    )

    articles, failures, _ = run([feed], LOOPBACK_LINKS)

    assert [a.title for a in articles] == ["Fine"]
    failure = only_failure(failures, missing)
    assert "404" in failure.error
    assert "feed entry 1" in failure.error


def test_feed_url_with_a_relative_teaser_link_fetches_it(server: LocalServer) -> None:
    server.add("/stories/relative", FULL_STORY)
    feed = server.add(
        "/relative.atom",
        (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Rel</title>'
            "<id>urn:rel</id><updated>2022-11-14T00:00:00Z</updated><entry><title>Teaser</title>"
            '<link href="/stories/relative"/><id>urn:rel:1</id><updated>2022-11-14T00:00:00Z</updated>'
            "<summary>Short teaser.</summary></entry></feed>"
        ),
        "application/atom+xml",
    )

    articles, failures, _ = run([feed], LOOPBACK_LINKS)

    assert failures == []
    assert articles[0].raw == FULL_STORY


def test_404_fails_and_the_other_inputs_still_yield(server: LocalServer, tmp_path: Path) -> None:
    good = server.add("/good", ARTICLE)
    missing = server.url("/does-not-exist")
    local = tmp_path / "local.txt"
    local.write_text(PLAIN, encoding="utf-8")

    articles, failures, items = run([good, missing, local])

    assert [a.source for a in articles] == [good, str(local)]
    failure = only_failure(failures, missing)
    assert "HTTP 404" in failure.error
    assert [getattr(i, "source", None) for i in items] == [good, missing, str(local)]


def test_empty_page_fails(server: LocalServer) -> None:
    url = server.add("/empty", b"   \n")

    articles, failures, _ = run([url])

    assert articles == []
    assert "empty page" in only_failure(failures, url).error


@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_page_over_max_bytes_from_ingest_options_fails(server: LocalServer, send_length: bool) -> None:
    big = server.add("/big", html_page("Big", LONG_PARAGRAPH * 60), send_length=send_length)
    small = server.add("/small", "<p>" + "Small page. " * 20 + "</p>")

    articles, failures, _ = run([big, small], IngestOptions(max_bytes=4096))

    assert len(server.routes["/big"].body) > 4096
    assert [a.source for a in articles] == [small]
    failure = only_failure(failures, big)
    assert "limit" in failure.error


@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_page_over_the_fetchers_max_bytes_fails(server: LocalServer, send_length: bool) -> None:
    big = server.add("/big", html_page("Big", LONG_PARAGRAPH * 60), send_length=send_length)
    small = server.add("/small", "<p>" + "Small page. " * 20 + "</p>")

    with Fetcher(max_bytes=4096, timeout=10) as fetcher:
        articles, failures, _ = run([big, small], fetcher=fetcher)
        direct = fetcher.get(small)

    assert [a.source for a in articles] == [small]
    assert "limit" in only_failure(failures, big).error
    assert direct.content_type == "text/html" and direct.charset == "utf-8"


def test_teaser_page_over_max_bytes_is_reported_for_its_link(server: LocalServer) -> None:
    story = server.add("/stories/huge", html_page("Huge", LONG_PARAGRAPH * 60))
    feed = server.add("/feed.rss", rss(item("Teaser", story, "Short.", "h-1")), "application/rss+xml")

    articles, failures, _ = run([feed], IngestOptions(max_bytes=4096, allow_private_links=True))

    assert articles == []
    failure = only_failure(failures, story)
    assert "limit" in failure.error and "feed entry 1" in failure.error


def test_unreachable_url_fails_with_unreachable(closed_port: int, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port}/x"
    local = tmp_path / "local.txt"
    local.write_text(PLAIN, encoding="utf-8")

    articles, failures, _ = run([url, local])

    assert [a.id for a in articles] == ["local"]
    failure = only_failure(failures, url)
    assert "unreachable" in failure.error


def test_url_serving_a_pdf_is_refused(server: LocalServer) -> None:
    url = server.add("/report", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")

    articles, failures, _ = run([url])

    assert articles == []
    assert "PDF" in only_failure(failures, url).error


def test_size_errors_state_a_meaningful_limit(server: LocalServer, tmp_path: Path) -> None:
    big_url = server.add("/big", html_page("Big", LONG_PARAGRAPH * 60))
    big_file = tmp_path / "big.txt"
    big_file.write_text("x" * 5000, encoding="utf-8")

    _, failures, _ = run([big_url, big_file], IngestOptions(max_bytes=2048))

    assert len(failures) == 2
    for failure in failures:
        assert re.search(r"\b0(\.0)? MB", failure.error) is None, failure.error
