"""extract_html and html_to_text on pages written for these tests."""

from __future__ import annotations

import pytest

from crosswire.clean.html import extract_html, html_to_text
from crosswire.errors import InputError

TITLE = "Riverton Council Approves Transit Budget"
PARAGRAPHS = [
    "The city council of Riverton voted on Tuesday to approve a new budget that expands funding for public "
    "transport, after a debate that lasted more than six hours.",
    "Mayor Helen Carter said the plan would add twelve bus routes and extend service hours on weekends, a change "
    "residents had requested for years.",
    "Opposition members argued that the budget relied on optimistic revenue forecasts and warned that property "
    "taxes could rise next year if the estimates proved wrong.",
    "The budget takes effect on the first of January, and the council will review spending in a public hearing "
    "scheduled for the spring.",
]
NAV = ["Home", "World", "Politics", "Subscribe"]
FOOTER = ["Contact the newsroom", "© 2022 Harbor Ledger. All rights reserved.", "Privacy policy"]


def article_page(*, lang: str = "en-GB") -> str:
    nav = "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in NAV)
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    footer = "".join(f"<p>{line}</p>" for line in FOOTER[:2]) + f'<a href="/privacy">{FOOTER[2]}</a>'
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{TITLE} | Harbor Ledger</title>
<meta property="og:site_name" content="Harbor Ledger">
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="2022-11-14T18:05:00Z">
</head><body>
<nav><ul>{nav}</ul></nav>
<div class="ad">Advertisement</div>
<main><article>
<h1>{TITLE}</h1>
{body}
</article></main>
<aside class="ad">Advertisement: cheap flights to the coast</aside>
<footer>{footer}</footer>
</body></html>"""


def test_extract_html_finds_story_and_metadata() -> None:
    extraction = extract_html(article_page(), url="https://harbor-ledger.example/riverton-budget")
    lines = extraction.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    for line in [*NAV, *FOOTER, "Advertisement", "Advertisement: cheap flights to the coast"]:
        assert line not in lines, line
    assert "cheap flights" not in extraction.text
    assert "All rights reserved" not in extraction.text
    assert extraction.title == TITLE
    assert extraction.outlet == "Harbor Ledger"
    assert extraction.published == "2022-11-14"
    assert extraction.language == "en"


def test_extract_html_language_from_plain_lang() -> None:
    assert extract_html(article_page(lang="de")).language == "de"


def test_page_without_article_raises_input_error() -> None:
    nav = "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in NAV)
    page = f"<html><head><title>Harbor Ledger</title></head><body><nav><ul>{nav}</ul></nav></body></html>"
    with pytest.raises(InputError) as caught:
        extract_html(page, source="index.html")
    assert caught.value.source == "index.html"
    assert "\n" not in caught.value.message


def test_broken_html_still_extracts() -> None:
    broken = article_page().replace("</p>", "").replace("</article>", "").replace("</main>", "")
    broken = broken.replace("</body></html>", "<div><span>unclosed")
    extraction = extract_html(broken)
    for paragraph in PARAGRAPHS:
        assert paragraph in extraction.text
    assert extraction.title == TITLE


def test_html_to_text_keeps_tails_and_block_breaks() -> None:
    page = (
        "<html><body><div>Hello <b>bold</b> tail text<p>para</p>after<br>line"
        "<script>var x = 1;</script> and script tail<style>p {}</style><ul><li>one</li><li>two</li></ul></div>"
        "</body></html>"
    )
    # Paragraph-level elements are set apart by a blank line, other blocks by a line break.
    assert html_to_text(page).split("\n") == [
        "Hello bold tail text",
        "",
        "para",
        "",
        "after",
        "line and script tail",
        "",
        "one",
        "two",
    ]


def test_html_to_text_plain_string_and_empty() -> None:
    assert html_to_text("just some words") == "just some words"
    assert html_to_text("") == ""


def test_html_to_text_survives_deep_nesting() -> None:
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p></body></html>"
    html_to_text(page)  # no RecursionError, no parser exception


def test_html_to_text_keeps_text_of_deeply_nested_page() -> None:
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p></body></html>"
    text = html_to_text(page)
    assert "deep text" in text
    assert "after" in text


def test_html_to_text_keeps_text_after_a_comment() -> None:
    page = "<html><body><p>The minister said<!-- ad slot --> the talks would resume on Friday.</p></body></html>"
    assert html_to_text(page) == "The minister said the talks would resume on Friday."


def test_html_to_text_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>'
        "</head><body><p>Hello <b>world</b> again.</p><p>Second</p></body></html>"
    )
    text = html_to_text(page)
    assert "<" not in text
    assert [line for line in text.split("\n") if line][-2:] == ["Hello world again.", "Second"]
