"""The clean stage: an article's main text, what was removed from it, and its metadata.

HTML goes through trafilatura; text that was already flattened from a page goes through the line classifier of
:mod:`crosswire.clean.lines`. Metadata given in the input always wins over what is read from the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from crosswire.clean.header import outlet_from_url
from crosswire.clean.html import HtmlExtraction, extract_html, html_to_text
from crosswire.clean.language import detect_language
from crosswire.clean.lines import normalize_line
from crosswire.clean.text import PlainTextCleaning, clean_plain_text
from crosswire.context import Context
from crosswire.model import Article, PublishedFrom


def clean_article(article: Article, context: Context) -> None:
    """Fill ``text``, ``boilerplate``, ``title``, ``outlet``, ``author``, ``published`` and ``language``."""
    if article.raw_format == "html":
        _clean_html(article)
    elif article.verbatim:
        article.text = article.raw
    else:
        _clean_text(article, context)
    if article.language is None:
        article.language = detect_language(article.text)


def _clean_html(article: Article) -> None:
    extraction = extract_html(article.raw, url=article.url, source=article.source)
    # --raw promises offsets into the input text; for an HTML record that is the page's own text, unaltered.
    page_text = html_to_text(article.raw)
    article.text = page_text if article.verbatim else extraction.text
    if not article.verbatim:
        # What a reader of the page saw that is not the article: its lines outside the extracted text.
        kept = {normalize_line(line) for line in article.text.split("\n")}
        article.boilerplate = [line for line in page_text.split("\n") if line and normalize_line(line) not in kept]
    article.language = article.language or extraction.language
    _fill_metadata(article, extraction, published_from="html")


def _clean_text(article: Article, context: Context) -> None:
    outlet_key = (article.outlet or "").casefold()

    def repeats(lines: Sequence[str]) -> list[int]:
        if not outlet_key:
            return [0] * len(lines)
        # Minus one: the article's own copy of the line is counted too.
        return [max(0, context.outlet_line_counts.get((outlet_key, normalize_line(line)), 0) - 1) for line in lines]

    result = clean_plain_text(article.raw, repeats=repeats, want_title=article.title is None)
    article.text = result.text
    article.boilerplate = result.boilerplate
    article.url = article.url or result.url
    _fill_metadata(article, result, published_from=cast(PublishedFrom, result.published_from or "header"))


def _fill_metadata(
    article: Article, found: HtmlExtraction | PlainTextCleaning, *, published_from: PublishedFrom
) -> None:
    """Fill what the input left empty with what the page says; the input always wins."""
    article.title = article.title or found.title
    article.outlet = article.outlet or found.outlet or outlet_from_url(article.url)
    article.author = article.author or found.author
    if article.published is None and found.published:
        article.published = found.published
        article.published_from = published_from
