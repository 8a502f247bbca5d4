"""HTML pages: main text and metadata with trafilatura (and htmldate, which it runs for the date)."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction

from crosswire.errors import InputError

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlExtraction:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    language: str | None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def extract_html(page: str, *, url: str | None = None, source: str | None = None) -> HtmlExtraction:
    """Extract the article of one page; raise :class:`InputError` when the page holds no article text.

    ``favor_precision`` is on because news pages surround the story with teasers and link lists, and a sentence of
    someone else's story costs more downstream (a false claim) than a lost caption; measured in
    ``bench/html_extraction.py``.
    """
    document = bare_extraction(
        page,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        # trafilatura wants a page: it drops a fragment (a feed entry's plain-text description, a body of one
        # paragraph) and gives up on pages nested deeper than libxml2's tree limit. A fragment's text is the
        # article; a whole page's own prose, outside its navigation, header, footer and forms, is, if it has any.
        text = html_to_text(page, article_only=True)
        if _WHOLE_PAGE.search(page[:4096]):
            text = _prose_or_empty(text)
    if not text:
        raise InputError(
            "no article text found in the HTML (an index page, or a page that needs JavaScript); "
            "pass the article's own page",
            source=source or url,
        )
    match = _LANG.search(page[:4096])
    return HtmlExtraction(
        text=text,
        title=_clean(getattr(document, "title", None)),
        author=_clean(getattr(document, "author", None)),
        outlet=_clean(getattr(document, "sitename", None)),
        published=_clean(getattr(document, "date", None)),
        language=match.group(1).lower() if match else None,
    )


def _prose_or_empty(text: str) -> str:
    """``text`` when one of its lines reads as a sentence (enough words, sentence punctuation), else ""."""
    for line in text.split("\n"):
        if len(line.split()) >= _PROSE_MIN_WORDS and _SENTENCE_END.search(line):
            return text
    return ""


_PROSE_MIN_WORDS = 8
_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|head|body)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;:\"”’)\]]\s|[.!?\"”’)]$")


def html_to_text(page: str, *, article_only: bool = False) -> str:
    """Every text node of a page, one block per line: what a browser's "save as text" gives.

    Used when the user wants the text exactly as given (``--raw``) but sent HTML, and to flatten pages for the
    plain-text cleaner's development set. ``article_only`` also drops the page's head, navigation, header, footer,
    asides and forms.
    """
    # An XML declaration in a str makes lxml refuse the page; huge_tree lifts libxml2's nesting limit of 256.
    page = _XML_DECLARATION.sub("", page, count=1)
    try:
        root = lxml_html.fromstring(page, parser=_PARSER)
    except (ValueError, etree.ParserError):
        return _strip_tags(page)
    # Comments and processing instructions go, but the text that follows them stays.
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for bad in root.xpath(_CHROME if article_only else _NOT_TEXT):
        bad.drop_tree()
    # libxml2 gives up on pages nested deeper than it allows and returns nothing; plain tag stripping does not.
    return _flatten(root) or _strip_tags(page)


def _strip_tags(page: str) -> str:
    blocks = (" ".join(_TAG.sub(" ", block).split()) for block in _BLOCK_BREAK.split(_SKIPPED.sub(" ", page)))
    return "\n".join(html_lib.unescape(block) for block in blocks if block)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SKIPPED = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK_BREAK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|pre|td|th)\b[^>]*>", re.IGNORECASE)
_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=False)
_NOT_TEXT = "//script|//style|//noscript|//template"
_CHROME = f"{_NOT_TEXT}|//head|//nav|//header|//footer|//aside|//form|//menu|//select|//button"


def _flatten(root: lxml_html.HtmlElement) -> str:
    # iterwalk instead of recursion: real pages nest deeper than Python's recursion limit.
    out: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                out.append(_PARAGRAPH_BREAK if tag in _PARAGRAPH_TAGS else "\n")
            if element.text and tag:
                out.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                out.append(_PARAGRAPH_BREAK if tag in _PARAGRAPH_TAGS else "\n")
            if element.tail and element is not root:
                out.append(element.tail)
    # Paragraph-level elements are separated by a blank line, as in a text dump of the page; other blocks by one
    # line break.
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    text = "\n".join(line if line != _PARAGRAPH_MARK else "" for line in lines if line)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_PARAGRAPH_MARK = "\x00"
_PARAGRAPH_BREAK = f"\n{_PARAGRAPH_MARK}\n"
# Paragraph-level elements: a blank line apart in the flattened text. Other blocks: a line break apart.
_PARAGRAPH_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "figure",
        "header",
        "footer",
        "nav",
        "aside",
        "section",
        "article",
        "form",
    ]
)
_BLOCK_TAGS = _PARAGRAPH_TAGS | frozenset(
    ["div", "br", "li", "tr", "figcaption", "title", "dt", "dd", "main", "button", "option"]
)
