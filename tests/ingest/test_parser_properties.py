"""Property tests of the parsers that read untrusted bytes: JSON Lines records, JSON documents, feeds, text decoding.

Whatever they are given, they never raise, every item is an article or a one-line failure, and nothing a record
holds is lost or invented.
"""

from __future__ import annotations

import io
import json
from html import escape

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crosswire.errors import InputError
from crosswire.ingest.decode import decode_text, format_size, utf16_encoding
from crosswire.ingest.feeds import iter_feed
from crosswire.ingest.records import bounded_lines, iter_json_document, iter_json_lines
from crosswire.model import Article, InputFailure, scrub

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
record_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none()),
        "text": st.one_of(st.text(max_size=200), st.integers(), st.none()),
        "html": st.one_of(st.text(max_size=200), st.none()),
        "title": st.one_of(st.text(max_size=40), st.none(), st.integers()),
        "published": st.one_of(st.text(max_size=25), st.none()),
        "url": st.one_of(st.text(max_size=40), st.none()),
        "extra": json_values,
    },
)


def _check_items(items: list[Article | InputFailure]) -> None:
    for item in items:
        assert isinstance(item, Article | InputFailure)
        if isinstance(item, InputFailure):
            assert item.error.strip() and "\n" not in item.error
        else:
            assert item.raw.strip() and isinstance(item.id, str) and item.id


@SETTINGS
@given(lines=st.lists(st.text(max_size=120), max_size=8))
def test_json_lines_of_any_text_never_raise_and_give_one_item_per_line(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    items = list(iter_json_lines(lines, source="in.jsonl", stem="in", verbatim=False))
    _check_items(items)
    filled = sum(1 for line in lines if line.strip())
    assert len(items) == (filled or 1)


@SETTINGS
@given(records=st.lists(st.one_of(record_like, json_values), min_size=1, max_size=6))
def test_json_lines_of_any_json_give_an_article_exactly_for_each_valid_record(records: list[object]) -> None:
    lines = [json.dumps(record) for record in records]
    items = list(iter_json_lines(lines, source="in.jsonl", stem="in", verbatim=False))
    _check_items(items)
    assert len(items) == len(records)
    for record, item in zip(records, items, strict=True):
        valid = (
            isinstance(record, dict)
            and any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html"))
            and all(record.get(k) is None or isinstance(record[k], str) for k in ("text", "html", "title", "url"))
        )
        if isinstance(item, Article):
            assert valid and isinstance(record, dict)
            text = record.get("text")
            assert item.raw == scrub(text if isinstance(text, str) and text.strip() else record["html"])
        else:
            # A record with a usable body is refused only for a bad id or date.
            assert not valid or not isinstance(record, dict) or "id" in record or "published" in record


@SETTINGS
@given(text=st.text(max_size=300), max_bytes=st.integers(1, 60))
@example(text="0\r", max_bytes=1)  # a CRLF line exactly at the limit: the carriage return is not content
@example(text="ab\r\r\r", max_bytes=2)  # longer than the limit only with its carriage returns
def test_bounded_lines_read_the_same_from_a_stream_and_a_list(text: str, max_bytes: int) -> None:
    as_list = list(bounded_lines([line + "\n" for line in text.split("\n")], max_bytes))
    as_stream = list(bounded_lines(io.StringIO("\n".join(text.split("\n")) + "\n"), max_bytes))
    assert as_list == as_stream
    for line, item in zip(text.split("\n"), as_stream, strict=True):
        # The end of line ("\n", "\r\n", or more carriage returns before it) is not counted against the limit.
        size = len(line.rstrip("\r").encode("utf-8", errors="surrogatepass"))
        assert item == (size if size > max_bytes else line + "\n")


@SETTINGS
@given(text=st.text(max_size=300))
def test_json_documents_of_any_text_never_raise(text: str) -> None:
    _check_items(list(iter_json_document(text, source="in.json", stem="in", verbatim=False)))


@SETTINGS
@given(data=st.binary(max_size=600))
def test_feeds_of_any_bytes_never_raise(data: bytes) -> None:
    items = list(iter_feed(b'<?xml version="1.0"?><rss version="2.0"><channel>' + data, source="f.rss", stem="f"))
    assert items
    _check_items(items)


entry_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)


@SETTINGS
@given(entries=st.lists(st.tuples(entry_text, entry_text, entry_text), min_size=1, max_size=5))
def test_feed_entries_each_become_an_article_or_a_failure(entries: list[tuple[str, str, str]]) -> None:
    items_xml = "".join(
        f"<item><title>{escape(title)}</title><guid>g{i}-{escape(guid)}</guid>"
        f"<description>{escape(body)}</description></item>"
        for i, (title, guid, body) in enumerate(entries)
    )
    feed = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>W</title>{items_xml}</channel></rss>'
    )
    items = list(iter_feed(feed.encode("utf-8"), source="f.rss", stem="f"))
    _check_items(items)
    assert len(items) == len(entries)
    articles = [item for item in items if isinstance(item, Article)]
    assert len({a.id for a in articles}) == len(articles)


@SETTINGS
@given(
    text=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17F, blacklist_categories=("Cs", "Cc")), min_size=2),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_utf16_without_a_bom_decodes_back(text: str, encoding: str) -> None:
    text = "News: " + text + " (wire)"  # Latin text: mostly below U+0100, with its spaces and punctuation
    data = text.encode(encoding)
    assert utf16_encoding(data) == encoding
    assert decode_text(data, "x.txt") == text


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_one_clear_error(data: bytes) -> None:
    try:
        assert isinstance(decode_text(data, "x.txt"), str)
    except InputError as exc:
        assert exc.message.strip() and "\n" not in exc.message


@given(size=st.integers(0, 10**13))
def test_sizes_always_show_the_exact_count(size: int) -> None:
    assert format_size(size).startswith(f"{size:,} byte")
