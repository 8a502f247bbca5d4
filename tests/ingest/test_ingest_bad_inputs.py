"""Bad inputs: each one becomes an InputFailure naming it, and never stops the other inputs of the same run."""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path

import pytest
from ingest_support import LONG_PARAGRAPH, assert_one_line, html_page, only_failure, run, warc_info
from warcio.warcwriter import WARCWriter

from crosswire.analyze import analyze
from crosswire.ingest import IngestOptions

GOOD_TEXT = (
    "Grain corridor talks\n\nNegotiators met in Ankara on Monday to discuss the grain corridor, officials said. "
    "The talks lasted late into the night.\n\nA spokesman for the ministry declined to comment on the outcome of "
    "the meeting, which came after weeks of pressure.\n"
)
LATIN1_TEXT = (
    "Le président a déclaré à Genève que l'accord était prêt, selon un communiqué publié à l'aube. "
    "Les négociations ont duré près de dix heures."
)
CP1251_TEXT = "Президент заявил в Москве, что соглашение о зерне готово к подписанию, сообщили в Кремле."


def _random_binary() -> bytes:
    data = bytearray(random.Random(7).randbytes(2048))
    data[10] = 0  # guarantee NULs, as real binary data has
    data[500] = 0
    return bytes(data)


# name -> (bytes, a phrase the error must contain)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n   \r\n", "empty"),
    "blank.html": (b"\n\n   \n", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG"),
    "noise.txt": (_random_binary(), "binary"),
    "noise.html": (_random_binary(), "binary"),
    "paper.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "latin1.txt": (LATIN1_TEXT.encode("latin-1"), "UTF-8"),
    "cp1251.txt": (CP1251_TEXT.encode("cp1251"), "UTF-8"),
    "no-items.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        "no entries",
    ),
}


def _make_bad_files(root: Path) -> dict[Path, str]:
    made = {}
    for name, (content, phrase) in BAD_FILES.items():
        path = root / name
        path.write_bytes(content)
        made[path] = phrase
    return made


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_fails_alone_and_the_next_input_still_yields(tmp_path: Path, name: str) -> None:
    content, phrase = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")

    articles, failures, items = run([bad, good])

    assert [a.id for a in articles] == ["good"]
    failure = only_failure(failures, bad)
    assert phrase in failure.error
    assert items[0] == failure  # reported where the input was given


@pytest.mark.parametrize(
    ("name", "text", "encoding"), [("latin1.txt", LATIN1_TEXT, "latin-1"), ("cp1251.txt", CP1251_TEXT, "cp1251")]
)
def test_non_utf8_text_error_suggests_iconv(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))

    _, failures, _ = run([path])

    error = only_failure(failures, path).error
    assert "not UTF-8" in error
    assert "iconv" in error and "-t UTF-8" in error


@pytest.mark.parametrize("text", [LATIN1_TEXT, "Café olé"], ids=["french-paragraph", "short"])
def test_not_utf8_error_names_no_guessed_encoding(tmp_path: Path, text: str) -> None:
    # A guessed source encoding (cp1250 for French Latin-1) corrupts the file when followed; the message must
    # leave the encoding to the user instead.
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))

    _, failures, _ = run([path])

    error = only_failure(failures, path).error
    assert "iconv -f ENCODING -t UTF-8" in error
    assert_one_line(error)


def test_file_over_max_bytes_fails(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text("word " * 1000, encoding="utf-8")  # 5 KB
    small = tmp_path / "small.txt"
    small.write_text(GOOD_TEXT, encoding="utf-8")

    articles, failures, _ = run([big, small], IngestOptions(max_bytes=2048))

    assert big.stat().st_size == 5000 > 2048 > small.stat().st_size
    assert [a.id for a in articles] == ["small"]
    assert "limit" in only_failure(failures, big).error


def test_nonexistent_path_and_empty_folder_fail(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.txt"
    empty_dir = tmp_path / "empty-folder"
    empty_dir.mkdir()
    only_unreadable = tmp_path / "only-pdfs"
    only_unreadable.mkdir()
    (only_unreadable / "paper.pdf").write_bytes(b"%PDF-1.7")
    (only_unreadable / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")

    articles, failures, _ = run([missing, empty_dir, only_unreadable, good])

    assert [a.id for a in articles] == ["good"]
    assert "no such file" in only_failure(failures, missing).error
    assert "no files" in only_failure(failures, empty_dir).error
    assert "no files" in only_failure(failures, only_unreadable).error


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        articles, failures, _ = run([path])
    finally:
        path.chmod(0o644)

    assert articles == []
    assert "permission" in only_failure(failures, path).error


def test_bad_file_inside_a_folder_does_not_stop_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    made = _make_bad_files(folder)
    (folder / "zz-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "aa-good.html").write_text(html_page("Good", LONG_PARAGRAPH), encoding="utf-8")

    articles, failures, _ = run([folder])

    assert sorted(a.id for a in articles) == ["aa-good", "zz-good"]
    assert sorted(f.source for f in failures) == sorted(str(p) for p in made)
    for path, phrase in made.items():
        assert phrase in only_failure(failures, path).error


def _bad_input_mix(root: Path) -> tuple[list[str], dict[str, str], set[str]]:
    """Every kind of bad input next to good ones: (inputs, {failure source: phrase}, good article ids)."""
    root.mkdir()
    expected: dict[str, str] = {str(p): phrase for p, phrase in _make_bad_files(root).items()}
    big = root / "huge.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    expected[str(big)] = "limit"

    records = root / "records.jsonl"
    records.write_text(
        "\n".join(
            [
                json.dumps({"id": "rec-good-1", "text": GOOD_TEXT, "outlet": "Harbor Ledger"}),
                '{"id": "broken", "text": ',
                json.dumps({"id": "rec-no-text", "title": "nothing else"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "rec-bad-date", "text": GOOD_TEXT, "published": "last Tuesday"}),
                json.dumps({"id": "rec-good-2", "html": html_page("Second record", LONG_PARAGRAPH)}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    expected.update(
        {f"{records}:2": "line 2", f"{records}:3": "line 3", f"{records}:4": "line 4", f"{records}:5": "line 5"}
    )

    warc = root / "info-only.warc.gz"
    with warc.open("wb") as stream:
        warc_info(WARCWriter(stream, gzip=True))
    expected[str(warc)] = "no HTML response records"
    corrupt = root / "corrupt.warc.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(1, 120)))
    expected[str(corrupt)] = "WARC"

    missing = root / "missing.txt"
    expected[str(missing)] = "no such file"
    empty_dir = root / "empty-dir"
    empty_dir.mkdir()
    expected[str(empty_dir)] = "no files"

    bom8 = root / "bom8.txt"
    bom8.write_bytes(codecs.BOM_UTF8 + GOOD_TEXT.encode("utf-8"))
    bom16 = root / "bom16.txt"
    bom16.write_bytes(GOOD_TEXT.replace("Monday", "Tuesday").encode("utf-16"))
    story = root / "story.html"
    story.write_text(html_page("A good page", LONG_PARAGRAPH * 2), encoding="utf-8")

    inputs = [str(p) for p in root.iterdir() if p.is_file() and p.suffix != ".jsonl"]
    inputs = [*sorted(inputs), str(records), str(missing), str(empty_dir)]
    return inputs, expected, {"bom8", "bom16", "story", "rec-good-1", "rec-good-2"}


def test_bad_input_mix_through_iter_inputs(tmp_path: Path) -> None:
    inputs, expected, good_ids = _bad_input_mix(tmp_path / "mix")

    articles, failures, _ = run(inputs, IngestOptions(max_bytes=2048))

    assert {a.id for a in articles} == good_ids
    assert {f.source for f in failures} == set(expected)
    for source, phrase in expected.items():
        assert phrase in only_failure(failures, source).error, source
    assert next(a for a in articles if a.id == "bom8").raw == GOOD_TEXT


def test_bad_input_mix_end_to_end_through_analyze(tmp_path: Path) -> None:
    inputs, expected, good_ids = _bad_input_mix(tmp_path / "mix")
    out = tmp_path / "out"
    reported = []

    result = analyze(inputs, out, max_bytes=2048, on_failure=reported.append)

    assert {f.source for f in result.failures} == set(expected)
    assert reported == result.failures
    assert set(result.analysed) == good_ids
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["schema"] == "crosswire/dossier@1"
    errors = dossier["errors"]
    assert all(set(e) == {"source", "error"} for e in errors)
    assert {e["source"] for e in errors} == set(expected)
    for entry in errors:
        assert_one_line(entry["error"])
        assert expected[entry["source"]] in entry["error"], entry
    assert {a["id"] for a in dossier["articles"]} == good_ids
    texts = {a["id"]: a["text"] for a in dossier["articles"]}
    assert all(texts.values()), texts
    assert "Tuesday" in texts["bom16"] and "\ufeff" not in texts["bom8"]
    assert (out / "dossier.html").is_file()


def test_short_plain_text_article_keeps_its_body_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Ankara talks stall\n\n" + LONG_PARAGRAPH, encoding="utf-8")

    result = analyze([str(path)], tmp_path / "out")

    assert result.failures == []
    [article] = result.dossier.articles
    assert "Negotiators met in Ankara" in article.text
