"""Article records: JSON Lines (.jsonl), JSON (.json) and the record validation rules of CONTRACT.md."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_support import LONG_PARAGRAPH, assert_one_line, html_page, run

from crosswire.ingest.records import iter_json_lines
from crosswire.model import Article, InputFailure

TEXT = "Grain deal extended\n\n" + LONG_PARAGRAPH


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_keeps_ids_and_every_metadata_field(tmp_path: Path) -> None:
    html = html_page("Kremlin comment", LONG_PARAGRAPH)
    path = write_jsonl(
        tmp_path / "wire.jsonl",
        [
            {
                "id": "art-1",
                "text": TEXT,
                "title": "Grain deal extended",
                "url": "https://example.com/grain",
                "published": "2022-11-17",
                "outlet": "Harbor Ledger",
                "language": "en",
                "author": "A. Writer",
                "extra_field": "ignored",
            },
            {"id": "art-2", "html": html, "published": "2022-11-17T09:30:00+03:00", "outlet": "Eurasia Wire"},
        ],
    )

    articles, failures, _ = run([path])

    assert failures == []
    first, second = articles
    assert first.id == "art-1"
    assert first.source == str(path)
    assert (first.title, first.url, first.outlet, first.language, first.author) == (
        "Grain deal extended",
        "https://example.com/grain",
        "Harbor Ledger",
        "en",
        "A. Writer",
    )
    assert first.published == "2022-11-17"  # a date stays a date
    assert first.published_from == "input"
    assert first.raw == TEXT and first.raw_format == "text"
    assert second.id == "art-2"
    assert second.raw == html and second.raw_format == "html"
    assert second.published == "2022-11-17T09:30:00+03:00"
    assert second.title is None and second.url is None and second.language is None


def test_text_is_preferred_to_html_when_a_record_has_both(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "both.jsonl",
        [
            {"id": "both", "text": TEXT, "html": html_page("X", "html body")},
            {"id": "blank-text", "text": "   ", "html": html_page("Y", "only the html has words")},
        ],
    )

    articles, failures, _ = run([path])

    assert failures == []
    assert (articles[0].raw, articles[0].raw_format) == (TEXT, "text")
    assert articles[1].raw_format == "html" and "only the html has words" in articles[1].raw


def test_numeric_id_becomes_a_string_and_missing_id_gets_a_fallback(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed-dump.jsonl",
        [
            {"id": 42, "text": TEXT},
            "",
            {"text": TEXT + " second"},
            {"id": "", "text": TEXT + " third"},
        ],
    )

    articles, failures, _ = run([path])

    assert failures == []
    assert [a.id for a in articles] == ["42", "feed-dump-3", "feed-dump-4"]
    assert all(isinstance(a.id, str) for a in articles)
    assert articles[0].published is None and articles[0].published_from is None


def test_json_single_object_list_and_articles_wrapper(tmp_path: Path) -> None:
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"text": TEXT, "title": "Only one"}), encoding="utf-8")
    listed = tmp_path / "listed.json"
    listed.write_text(
        json.dumps([{"id": "l1", "text": TEXT}, {"html": html_page("L2", LONG_PARAGRAPH)}]), encoding="utf-8"
    )
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps(
            {"source": "export", "articles": [{"id": "w1", "text": TEXT, "outlet": "W"}, {"id": "w2", "text": TEXT}]},
            indent=2,
        ),
        encoding="utf-8",
    )

    articles, failures, _ = run([single, listed, wrapped])

    assert failures == []
    assert [a.id for a in articles] == ["single", "l1", "listed-2", "w1", "w2"]
    assert articles[0].title == "Only one"
    assert articles[2].raw_format == "html"
    assert articles[3].outlet == "W"
    assert [a.source for a in articles] == [str(single)] + [str(listed)] * 2 + [str(wrapped)] * 2


def test_json_file_that_is_really_json_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "lines.json",
        [
            {"id": "j1", "text": TEXT},
            {"id": "j2", "text": TEXT, "published": "2022-11-18"},
            "{broken",
            {"text": TEXT},
        ],
    )

    articles, failures, _ = run([path])

    assert [a.id for a in articles] == ["j1", "j2", "lines-4"]
    assert articles[1].published == "2022-11-18"
    assert [f.source for f in failures] == [f"{path}:3"]
    assert "line 3" in failures[0].error


def test_malformed_json_lines_name_their_line_and_good_lines_survive(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"id": "good-1", "text": TEXT},
            '{"id": "bad", "text": "unterminated',
            {"id": "good-2", "text": TEXT},
            "just words",
            '{"id": "trailing-comma", "text": "x",}',
            {"id": "good-3", "text": TEXT},
        ],
    )

    articles, failures, items = run([path])

    assert [a.id for a in articles] == ["good-1", "good-2", "good-3"]
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    for failure, line in zip(failures, (2, 4, 5), strict=True):
        assert f"line {line}" in failure.error
        assert "not valid JSON" in failure.error
        assert_one_line(failure.error)
    # Failures come out where the bad line was, between the articles around it.
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "InputFailure", "Article", "InputFailure", "InputFailure", "Article"]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "no-body", "title": "Title only"}, 'neither "text" nor "html"'),
        ({"id": "blank", "text": "  \n\t ", "html": ""}, 'neither "text" nor "html"'),
        (["id", "text"], "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        (17, "not a JSON object"),
        ({"id": "when", "text": "t", "published": "yesterday"}, "published"),
        ({"id": "when2", "text": "t", "published": "2022-13-45"}, "published"),
        ({"id": "when3", "text": "t", "published": "14/11/2022"}, "published"),
        ({"id": ["a", "list"], "text": "t"}, "id"),
        ({"id": "typed", "text": ["not", "a", "string"]}, "text"),
    ],
)
def test_invalid_records_fail_with_their_line_and_a_reason(tmp_path: Path, record: Any, expected: str) -> None:
    path = write_jsonl(
        tmp_path / "records.jsonl", [{"id": "before", "text": TEXT}, record, {"id": "after", "text": TEXT}]
    )

    articles, failures, _ = run([path])

    assert [a.id for a in articles] == ["before", "after"]
    assert len(failures) == 1
    assert failures[0].source == f"{path}:2"
    assert "line 2" in failures[0].error
    assert expected in failures[0].error
    assert_one_line(failures[0].error)


def test_invalid_records_in_a_json_list_name_their_position(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps(
            [
                {"id": "ok", "text": TEXT},
                {"id": "no-text"},
                [1, 2],
                {"id": "bad-date", "text": TEXT, "published": "soon"},
            ]
        ),
        encoding="utf-8",
    )

    articles, failures, _ = run([path])

    assert [a.id for a in articles] == ["ok"]
    assert [f.source for f in failures] == [f"{path}#2", f"{path}#3", f"{path}#4"]
    assert "record 2" in failures[0].error and "record 3" in failures[1].error
    assert "published" in failures[2].error
    for failure in failures:
        assert_one_line(failure.error)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]", "no records"),
        ('{"articles": []}', "no records"),
        ('{"id": "x", "text": ', "not valid JSON"),
        ("\n\n   \n", "empty file"),
    ],
)
def test_json_files_without_records_fail(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "nothing.json"
    path.write_text(content, encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "text": TEXT}])

    articles, failures, _ = run([path, good])

    assert [a.id for a in articles] == ["g"]
    assert len(failures) == 1
    assert failures[0].source == str(path)
    assert expected in failures[0].error
    assert_one_line(failures[0].error)


def test_jsonl_holding_only_blank_lines_says_it_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n   \n\t\n", encoding="utf-8")

    articles, failures, _ = run([path])

    assert articles == []
    assert [f.source for f in failures] == [str(path)]
    assert "no records" in failures[0].error


def test_non_utf8_jsonl_fails_with_an_iconv_hint(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        json.dumps({"id": "l", "text": "Le président à Genève"}, ensure_ascii=False).encode("latin-1") + b"\n"
    )

    articles, failures, _ = run([path])

    assert articles == []
    failure = failures[0]
    assert failure.source == str(path)
    assert "UTF-8" in failure.error and "iconv" in failure.error
    assert_one_line(failure.error)


def test_binary_file_named_jsonl_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    articles, failures, _ = run([path])

    assert articles == []
    assert [f.source for f in failures] == [str(path)]
    assert "PNG" in failures[0].error
    assert_one_line(failures[0].error)


def test_jsonl_with_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + (json.dumps({"id": "first", "text": TEXT}) + "\n").encode("utf-8"))

    articles, failures, _ = run([path])

    assert failures == []
    assert [a.id for a in articles] == ["first"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_json_lines_in_json_file_keep_unicode_line_separators_inside_strings(tmp_path: Path, separator: str) -> None:
    text = f"First paragraph.{separator}Second paragraph."
    path = tmp_path / "sep.json"
    path.write_text(
        json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n" + json.dumps({"id": "b", "text": TEXT}) + "\n",
        encoding="utf-8",
    )

    articles, failures, _ = run([path])

    assert failures == []
    assert [(a.id, a.raw) for a in articles] == [("a", text), ("b", TEXT)]


def test_jsonl_file_keeps_unicode_line_separators_inside_strings(tmp_path: Path) -> None:
    text = "First paragraph.\u2028Second paragraph.\x85Third."
    path = tmp_path / "sep.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    assert articles[0].raw == text


@pytest.mark.parametrize(
    "line", ['{"id": 1' + "0" * 5000 + ', "text": "x"}', "[" * 100_000], ids=["huge-integer", "deep-nesting"]
)
def test_pathological_json_line_is_a_failure_not_a_crash(tmp_path: Path, line: str) -> None:
    path = write_jsonl(
        tmp_path / "hostile.jsonl", [{"id": "before", "text": TEXT}, line, {"id": "after", "text": TEXT}]
    )
    other = tmp_path / "other.txt"
    other.write_text(TEXT, encoding="utf-8")

    articles, failures, _ = run([path, other])

    assert [a.id for a in articles] == ["before", "after", "other"]
    assert [f.source for f in failures] == [f"{path}:2"]


# --- property: every good record comes out in order; every garbage line fails naming its line -------------------


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


records = st.fixed_dictionaries(
    {
        "id": st.text(min_size=1),
        "text": st.text(min_size=1).filter(lambda s: s.strip() != ""),
    }
)
garbage = st.one_of(
    # Free text on one line that is not a JSON object at all (it may be other JSON, such as a number).
    st.text(alphabet=st.characters(blacklist_characters="\n\r"), min_size=1).filter(
        lambda s: s.strip() != "" and not _is_json_object(s)
    ),
    # JSON that parses but is not a valid article record.
    st.sampled_from(
        [
            '{"id": "no text"}',
            '{"text": "   "}',
            "[1, 2, 3]",
            "{",
            '"a string"',
            "42",
            "null",
            '{"id": "x", "text": "y", "published": "tomorrow"}',
            '{"id": 1.5, "text": "y"}',
        ]
    ),
)
lines_strategy = st.lists(
    st.one_of(records.map(lambda r: ("record", r)), garbage.map(lambda g: ("garbage", g))), max_size=25
)


@settings(deadline=None, max_examples=50)
@given(entries=lines_strategy, ascii_only=st.booleans(), as_stream=st.booleans())
def test_property_records_and_garbage_lines(entries: list[tuple[str, Any]], ascii_only: bool, as_stream: bool) -> None:
    lines = [json.dumps(value, ensure_ascii=ascii_only) if kind == "record" else value for kind, value in entries]
    # Either a list of lines or a text stream holding them, one per "\n"-terminated line (how stdin arrives).
    source: Iterable[str] = io.StringIO("".join(f"{line}\n" for line in lines)) if as_stream else lines

    items = list(iter_json_lines(source, source="prop.jsonl", stem="prop", verbatim=False))

    if not entries:
        assert len(items) == 1 and isinstance(items[0], InputFailure) and "no records" in items[0].error
        return
    assert len(items) == len(entries)
    for number, ((kind, value), item) in enumerate(zip(entries, items, strict=True), start=1):
        if kind == "record":
            assert isinstance(item, Article), (value, item)
            assert item.id == value["id"]
            assert item.raw == value["text"]
            assert item.raw_format == "text"
            assert item.source == "prop.jsonl"
        else:
            assert isinstance(item, InputFailure), (value, item)
            assert item.source == f"prop.jsonl:{number}"
            assert f"line {number}" in item.error
            assert_one_line(item.error)
