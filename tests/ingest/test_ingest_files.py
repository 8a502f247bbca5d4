"""Plain-text, HTML, folder and stdin inputs through ``iter_inputs``, built as real files in tmp_path."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from ingest_support import LONG_PARAGRAPH, html_page, run

from crosswire.ingest import IngestOptions
from crosswire.model import Article

TEXT = "Ankara talks stall\n\n" + LONG_PARAGRAPH + "\nA spokesman declined to comment.\n"


def test_txt_file_becomes_one_text_article(tmp_path: Path) -> None:
    path = tmp_path / "ankara-talks.txt"
    path.write_text(TEXT, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    assert len(articles) == 1
    article = articles[0]
    assert article.id == "ankara-talks"
    assert article.source == str(path)
    assert article.raw == TEXT
    assert article.raw_format == "text"
    assert article.url is None
    assert article.verbatim is False


def test_html_file_becomes_one_html_article(tmp_path: Path) -> None:
    page = html_page("Briefing at the White House", LONG_PARAGRAPH)
    path = tmp_path / "briefing.html"
    path.write_text(page, encoding="utf-8")
    htm = tmp_path / "second.htm"
    htm.write_text(html_page("Second", "Another story entirely."), encoding="utf-8")

    articles, failures, _ = run([path, htm])

    assert failures == []
    assert [a.id for a in articles] == ["briefing", "second"]
    assert articles[0].raw == page
    assert articles[0].raw_format == "html"
    assert articles[0].source == str(path)
    assert articles[1].raw_format == "html"


def test_html_file_declaring_latin1_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Genève</title></head>'
        "<body><p>Le président a déclaré à Genève que l'accord était prêt.</p></body></html>"
    )
    path = tmp_path / "geneve.html"
    path.write_bytes(page.encode("latin-1"))

    articles, failures, _ = run([path])

    assert failures == []
    assert "Le président a déclaré à Genève" in articles[0].raw


def test_verbatim_option_is_carried_to_every_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(html_page("B", LONG_PARAGRAPH), encoding="utf-8")

    articles, _, _ = run([tmp_path], IngestOptions(verbatim=True))
    plain, _, _ = run([tmp_path])

    assert len(articles) == 2
    assert all(a.verbatim for a in articles)
    assert not any(a.verbatim for a in plain)


def test_directory_is_read_recursively_skipping_hidden_and_unrecognised_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "nested" / ".cache").mkdir()
    wanted = {
        root / "a.txt": TEXT,
        root / "nested" / "b.html": html_page("B", LONG_PARAGRAPH),
        root / "nested" / "deeper" / "c.jsonl": json.dumps({"id": "c-1", "text": TEXT}) + "\n",
        root / "nested" / "deeper" / "D.TXT": "Upper-case extension.\n" + LONG_PARAGRAPH,
    }
    for path, content in wanted.items():
        path.write_text(content, encoding="utf-8")
    skipped = {
        root / ".hidden.txt": TEXT,
        root / ".git" / "config.txt": TEXT,
        root / "nested" / ".cache" / "page.html": html_page("cached", "cached"),
        root / "notes.md": "# notes\n",
        root / "report.pdf": "%PDF-1.7 not really",
        root / "nested" / "photo.png": "png",
        root / "nested" / "deeper" / "data.csv": "a,b\n1,2\n",
    }
    for path, content in skipped.items():
        path.write_text(content, encoding="utf-8")

    articles, failures, _ = run([root])

    assert failures == []
    assert sorted(a.source for a in articles) == sorted(str(p) for p in wanted)
    assert {"a", "b", "c-1"} <= {a.id for a in articles}
    # Files are visited in a stable (sorted) order, so ids and the dossier do not depend on the file system.
    again, _, _ = run([root])
    assert [a.source for a in again] == [a.source for a in articles]
    assert [a.source for a in articles] == sorted(a.source for a in articles)


def test_stdin_dash_reads_json_lines_from_the_given_stream(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "s1", "text": TEXT, "title": "From stdin"}),
        "",
        json.dumps({"html": html_page("H", LONG_PARAGRAPH)}),
    ]
    stream = io.StringIO("\n".join(lines) + "\n")

    articles, failures, _ = run(["-"], stdin=stream)

    assert failures == []
    assert [a.id for a in articles] == ["s1", "stdin-3"]
    assert all(a.source == "<stdin>" for a in articles)
    assert articles[0].title == "From stdin"
    assert articles[0].raw == TEXT and articles[0].raw_format == "text"
    assert articles[1].raw_format == "html"


def test_stdin_bad_line_names_stdin_and_line_number() -> None:
    stream = io.StringIO('{"id": "ok", "text": "fine text"}\nnot json at all\n')

    articles, failures, _ = run(["-"], stdin=stream)

    assert [a.id for a in articles] == ["ok"]
    assert [f.source for f in failures] == ["<stdin>:2"]
    assert "line 2" in failures[0].error


def test_inputs_are_yielded_in_the_order_given(tmp_path: Path) -> None:
    first = tmp_path / "zz-first.txt"
    second = tmp_path / "aa-second.html"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(html_page("S", LONG_PARAGRAPH), encoding="utf-8")
    stream = io.StringIO(json.dumps({"id": "middle", "text": TEXT}) + "\n")

    _, _, items = run([first, "-", second], stdin=stream)

    assert [i.id for i in items if isinstance(i, Article)] == ["zz-first", "middle", "aa-second"]


@pytest.mark.parametrize(
    ("name", "encoded"),
    [
        ("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le.txt", TEXT.encode("utf-16")),  # Python writes a BOM, little-endian here
        ("utf16-be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ],
)
def test_text_with_a_byte_order_mark_is_read_without_the_mark(tmp_path: Path, name: str, encoded: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(encoded)

    articles, failures, _ = run([path])

    assert failures == []
    assert articles[0].raw == TEXT
    assert not articles[0].raw.startswith("\ufeff")


def test_non_ascii_utf8_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "Президент заявил — «соглашение готово». Erdoğan met Zelenskyy in Lviv. 北京\n"
    path = tmp_path / "multi.txt"
    path.write_text(text, encoding="utf-8")

    articles, failures, _ = run([path])

    assert failures == []
    assert articles[0].raw == text


def test_file_without_a_known_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    html = tmp_path / "saved-page"
    html.write_text(html_page("Saved", LONG_PARAGRAPH), encoding="utf-8")
    text = tmp_path / "notes.md"
    text.write_text(TEXT, encoding="utf-8")

    articles, failures, _ = run([html, text])

    assert failures == []
    assert [(a.id, a.raw_format) for a in articles] == [("saved-page", "html"), ("notes", "text")]


def test_upper_case_extension_is_dropped_from_the_id(tmp_path: Path) -> None:
    path = tmp_path / "REPORT.TXT"
    path.write_text(TEXT, encoding="utf-8")
    lower = tmp_path / "report.txt"
    lower.write_text(TEXT, encoding="utf-8")

    articles, failures, _ = run([path, lower])

    assert failures == []
    assert [a.id for a in articles] == ["REPORT", "report"]
