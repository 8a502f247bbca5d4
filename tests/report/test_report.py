"""dossier.json against the contract, and dossier.html as one self-contained, escaped page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from crosswire.analyze import AnalysisResult, analyze
from crosswire.model import Article, Dossier
from crosswire.report import write_dossier

TOP_LEVEL_KEYS = {
    "schema",
    "articles",
    "entities",
    "statements",
    "events",
    "claims",
    "contradictions",
    "stories",
    "timeline",
    "errors",
}
ARTICLE_KEYS = {
    "id",
    "source",
    "url",
    "title",
    "outlet",
    "published",
    "published_from",
    "language",
    "text",
    "boilerplate",
    "story",
    "duplicate_of",
    "timexes",
    "mentions",
}
LIST_KEYS = TOP_LEVEL_KEYS - {"schema"}

PARAGRAPHS = [
    "The directors of the American and Russian foreign intelligence services met in Ankara on Monday, officials "
    "said, in the highest-level contact between the two countries since February.",
    "A White House spokesperson said the American envoy was not negotiating and had come to warn Moscow against "
    "using nuclear weapons in Ukraine.",
    "The Kremlin first declined to comment and later said the meeting had been requested by Washington, and "
    "Turkish officials said Ankara would keep offering itself as a venue for talks.",
    "Analysts said the contact showed that both governments wanted a channel open even as the war went on.",
]
TEXT_TITLE = "Spy Chiefs Meet In Ankara Amid War In Ukraine"
HTML_TITLE = "Burns Warns Moscow Over Nuclear Threats"
TRICKY_TITLE = 'Kremlin <b>denies</b> "talks" & <script>alert(1)</script> O\'Brien’s view'
MENU = ["Menu", "Home", "World", "Subscribe"]
FOOTER = ["Share this article", "Related stories", "© 2022 Harbor Ledger. All rights reserved."]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> AnalysisResult:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "text-story.txt").write_text(
        "\n\n".join(["\n".join(MENU), TEXT_TITLE, *PARAGRAPHS, "\n".join(FOOTER)]) + "\n", encoding="utf-8"
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[::-1])
    (folder / "html-story.html").write_text(
        f"""<!doctype html><html lang="en"><head><title>{HTML_TITLE}</title>
<meta property="og:site_name" content="The Capital Dispatch">
<meta property="article:published_time" content="2022-11-14T18:05:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{HTML_TITLE}</h1>{body}</article><footer>© 2022 The Capital Dispatch</footer></body></html>""",
        encoding="utf-8",
    )
    record = {
        "id": "record-1",
        "title": TRICKY_TITLE,
        "url": "https://wire.example/kremlin-denies",
        "published": "2022-11-15T09:20:00+03:00",
        "outlet": "Tidewater & Sons",
        "text": "\n\n".join(PARAGRAPHS[1:]),
    }
    (folder / "records.jsonl").write_text(json.dumps(record) + "\n{broken\n", encoding="utf-8")
    return analyze([str(folder)], tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def dossier_json(result: AnalysisResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.json_path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def page(result: AnalysisResult) -> str:
    return result.html_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(page: str) -> Any:
    return lxml_html.fromstring(page)


def article_element(document: Any, article_id: str) -> Any:
    found = document.xpath("//article[@data-article-id=$id]", id=article_id)
    assert len(found) == 1, f"no <article> for {article_id}"
    return found[0]


# --- dossier.json --------------------------------------------------------------------------------------------------


def test_json_has_every_contract_key(dossier_json: dict[str, Any]) -> None:
    assert set(dossier_json) >= TOP_LEVEL_KEYS
    assert dossier_json["schema"] == "crosswire/dossier@1"
    for key in LIST_KEYS:
        assert isinstance(dossier_json[key], list), key
    assert len(dossier_json["articles"]) == 3
    for article in dossier_json["articles"]:
        assert set(article) >= ARTICLE_KEYS, ARTICLE_KEYS - set(article)
        assert isinstance(article["boilerplate"], list)
        assert isinstance(article["timexes"], list) and isinstance(article["mentions"], list)
        for internal in ("raw", "raw_format", "verbatim", "layers", "input_hash"):
            assert internal not in article


def test_json_errors_are_one_actionable_line(dossier_json: dict[str, Any]) -> None:
    assert len(dossier_json["errors"]) == 1
    error = dossier_json["errors"][0]
    assert set(error) == {"source", "error"}
    assert error["source"].endswith("records.jsonl:2")
    assert "\n" not in error["error"] and error["error"]


def test_json_article_values(dossier_json: dict[str, Any]) -> None:
    articles = {a["id"]: a for a in dossier_json["articles"]}
    text = articles["text-story"]
    assert text["title"] == TEXT_TITLE
    assert text["outlet"] == "Harbor Ledger"
    assert text["published"] is None and text["published_from"] is None
    assert text["boilerplate"] == [*MENU, *FOOTER]
    html = articles["html-story"]
    assert (html["published"], html["published_from"], html["outlet"]) == ("2022-11-14", "html", "The Capital Dispatch")
    record = articles["record-1"]
    assert record["title"] == TRICKY_TITLE
    assert (record["published"], record["published_from"]) == ("2022-11-15T09:20:00+03:00", "input")


def test_json_file_round_trips(result: AnalysisResult) -> None:
    on_disk = result.json_path.read_text(encoding="utf-8")
    assert Dossier.from_json(on_disk).to_json() + "\n" == on_disk


def test_no_temporary_files_are_left(result: AnalysisResult) -> None:
    assert sorted(p.name for p in result.json_path.parent.iterdir()) == [
        "crosswire.db",
        "dossier.html",
        "dossier.json",
    ]


# --- dossier.html --------------------------------------------------------------------------------------------------


def test_html_is_self_contained(document: Any, page: str) -> None:
    for element in document.iter("script", "link", "img", "iframe", "embed", "object", "source", "audio", "video"):
        for attribute in ("src", "href", "data", "srcset"):
            value = (element.get(attribute) or "").strip().lower()
            assert not value.startswith(("http://", "https://", "//")), lxml_html.tostring(element)
        assert not (element.tag == "script" and element.get("src")), "no <script src>"
    assert not document.xpath("//link[@rel='stylesheet']")
    for style in document.iter("style"):
        assert "@import" not in (style.text or "")
        assert "url(http" not in (style.text or "").replace(" ", "")
    assert "<script src" not in page.lower()


def test_html_shows_every_title(result: AnalysisResult, document: Any) -> None:
    for article in result.dossier.articles:
        heading = article_element(document, article.id).find(".//h3")
        assert heading is not None and heading.text_content() == article.title


def test_html_escapes_special_characters(document: Any, page: str) -> None:
    assert "<script>alert(1)</script>" not in page
    assert "<b>denies</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert article_element(document, "record-1").find(".//h3").text_content() == TRICKY_TITLE
    # Only the page's own script and the embedded dossier (as JSON, never run).
    assert [(s.get("id"), s.get("type")) for s in document.xpath("//script")] == [
        ("dossier-data", "application/json"),
        (None, None),
    ]


def test_html_puts_boilerplate_in_details(result: AnalysisResult, document: Any) -> None:
    article = result.dossier.article("text-story")
    assert article is not None and article.boilerplate
    element = article_element(document, "text-story")
    details = element.findall(".//details")
    assert len(details) == 1
    assert [li.text_content() for li in details[0].iter("li")] == article.boilerplate
    outside = [p.text_content() for p in element.findall("div[@class='text']/p")]
    for line in article.boilerplate:
        assert line not in outside


def test_html_shows_article_paragraphs_and_errors(document: Any) -> None:
    paragraphs = [p.text_content() for p in article_element(document, "text-story").findall("div[@class='text']/p")]
    assert paragraphs == PARAGRAPHS
    errors = " ".join(li.text_content() for li in document.xpath("//section[@id='errors']//li"))
    assert "records.jsonl:2" in errors


def test_html_article_keeps_its_paragraphs(document: Any) -> None:
    paragraphs = [p.text_content() for p in article_element(document, "html-story").findall("div[@class='text']/p")]
    assert paragraphs[-len(PARAGRAPHS) :] == PARAGRAPHS[::-1]


def test_html_does_not_link_script_urls(tmp_path: Path) -> None:
    article = Article(id="x", source="x.jsonl", url="javascript:alert(document.cookie)", text="Some text.")
    write_dossier(Dossier(articles=[article]), tmp_path)
    document = lxml_html.fromstring((tmp_path / "dossier.html").read_text(encoding="utf-8"))
    hrefs = [(a.get("href") or "").strip().lower() for a in document.iter("a")]
    assert not [href for href in hrefs if href.startswith("javascript:")]


def test_empty_dossier_renders(tmp_path: Path) -> None:
    json_path, html_path = write_dossier(Dossier(), tmp_path / "new")
    assert json.loads(json_path.read_text(encoding="utf-8"))["articles"] == []
    assert "0 articles" in html_path.read_text(encoding="utf-8")


def test_article_views_are_built_as_the_page_reads_them(
    result: AnalysisResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosswire.report.articles as articles_module
    from crosswire.report.views import build_report

    built: list[str] = []
    highlight = articles_module.highlight

    def counting(text: str, marks: Any) -> Any:
        built.append(text)
        return highlight(text, marks)

    monkeypatch.setattr(articles_module, "highlight", counting)
    views = build_report(result.dossier).articles
    # No article's marked-up text exists until the page asks for it, then one at a time, in dossier order.
    assert built == [] and len(views) == len(result.dossier.articles)
    titles = []
    for number, view in enumerate(views, start=1):
        assert len(built) == number
        titles.append(view.title)
    assert titles == [article.title or article.id for article in result.dossier.articles]
    assert views[0] == views[0] and views[:1] == [views[0]]


def _elsewhere(fn: Any, items: Any) -> Any:
    """A ``corpus_start`` that computes when waited for, as an engine's worker would have meanwhile."""
    return lambda: [fn(item) for item in items]


def test_page_rendered_elsewhere_is_the_page_and_goes_in_place_with_the_json(
    result: AnalysisResult, page: str, tmp_path: Path
) -> None:
    """``start_page``: the page made from the dossier as it was when started, put in place by ``write_dossier``;
    a change to the dossier after the start does not reach it, and no hidden file is left behind."""
    from crosswire.report import start_page

    dossier = Dossier.from_json(result.json_path.read_text(encoding="utf-8"))
    pending = start_page(dossier, tmp_path, _elsewhere)
    dossier.articles[0].title = "Changed after the page was started"
    assert not (tmp_path / "dossier.html").exists()
    json_path, html_path = write_dossier(dossier, tmp_path, pending)
    assert html_path.read_text(encoding="utf-8") == page
    assert "Changed after the page was started" in json_path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.html", "dossier.json"]


def test_page_rendered_elsewhere_is_dropped_when_the_json_cannot_be_written(
    result: AnalysisResult, tmp_path: Path
) -> None:
    from crosswire.report import start_page

    dossier = Dossier.from_json(result.json_path.read_text(encoding="utf-8"))
    pending = start_page(dossier, tmp_path, _elsewhere)
    # A folder where dossier.json should go: the JSON's rename fails.
    (tmp_path / "dossier.json").mkdir()
    with pytest.raises(OSError):
        write_dossier(dossier, tmp_path, pending)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json"]
