"""The ``crosswire`` command, through typer's CliRunner and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire import __version__
from crosswire.cli.main import app

CROSSWIRE = Path(sys.executable).parent / "crosswire"

TITLE = "Spy Chiefs Meet In Ankara Amid War In Ukraine"
PARAGRAPHS = [
    "The directors of the American and Russian foreign intelligence services met in Ankara on Monday, officials "
    "said, in the highest-level contact between the two countries since February.",
    "A White House spokesperson said the American envoy was not negotiating and had come to warn Moscow against "
    "using nuclear weapons in Ukraine.",
    "The Kremlin first declined to comment and later said the meeting had been requested by Washington.",
]
# What --raw must keep exactly: odd spacing, tabs, CRLF, a no-break space and boilerplate-looking lines.
RAW_TEXT = "  Menu\r\nThe envoy  met\this counterpart in Ankara.\u00a0\n\nShare this article\n© 2022 Some Outlet\n"

runner = CliRunner()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "ankara.txt"
    path.write_text("\n\n".join([TITLE, *PARAGRAPHS]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def bad_inputs(tmp_path: Path) -> list[str]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('not json\n{"id": "no-text"}\n', encoding="utf-8")
    return [str(tmp_path / "missing.txt"), str(empty), str(binary), str(broken)]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_analyze_writes_both_files(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(story), "--out", str(out)])
    assert result.exit_code == 0, result.output
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in dossier["articles"]] == ["ankara"]
    assert dossier["articles"][0]["title"] == TITLE
    assert (out / "dossier.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    assert str(out / "dossier.json") in result.stdout
    assert result.stderr == ""


def test_some_bad_inputs_still_exit_zero(story: Path, bad_inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(story), *bad_inputs, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 1
    assert len(dossier["errors"]) == len(error_lines(result.stderr)) == 5  # the JSONL file holds two bad lines
    assert all(set(error) == {"source", "error"} for error in dossier["errors"])


def test_every_input_bad_exits_one(bad_inputs: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", *bad_inputs, "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = error_lines(result.stderr)
    assert "Traceback" not in result.stderr
    assert all(line.startswith("crosswire: ") for line in lines), lines
    for bad in bad_inputs:
        assert any(line.startswith(f"crosswire: {bad}") for line in lines), bad
    assert lines[-1] == "crosswire: no article could be analysed; see the errors above"
    assert len(lines) == 5 + 1


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "whatever.txt"],  # missing --out
        ["analyze", "whatever.txt", "--out", "o", "--no-such-option"],
        ["analyze", "--out", "o"],  # no input
        ["no-such-command"],
        ["analyze", "whatever.txt", "--out", "o", "--max-bytes", "10"],
    ],
    ids=["missing-out", "unknown-option", "no-input", "unknown-command", "max-bytes-too-small"],
)
def test_usage_error_exits_two(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "o").exists()


def test_out_that_is_a_file_is_a_usage_error(story: Path) -> None:
    result = runner.invoke(app, ["analyze", str(story), "--out", str(story)])
    assert result.exit_code == 2


def test_out_that_cannot_be_created_is_reported_without_traceback(story: Path) -> None:
    result = runner.invoke(app, ["analyze", str(story), "--out", str(story / "sub")])
    assert result.exit_code in (1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_db_url_exits_one_with_one_line(story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(story), "--out", str(tmp_path / "out"), "--db", "nosuch://x"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith("crosswire: cannot use database URL")


def test_stdin_json_lines(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "title": TITLE, "text": "\n\n".join(PARAGRAPHS), "published": "2022-11-14", "outlet": "Wire"},
        {"id": "r2", "html": "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"},
    ]
    stdin = "\n".join(json.dumps(record) for record in records) + "\n"
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", "-", "--out", str(out), "-q"], input=stdin)
    assert result.exit_code == 0, result.output
    articles = {a["id"]: a for a in json.loads((out / "dossier.json").read_text(encoding="utf-8"))["articles"]}
    assert sorted(articles) == ["r1", "r2"]
    assert articles["r1"]["source"] == "<stdin>"
    assert (articles["r1"]["published"], articles["r1"]["published_from"]) == ("2022-11-14", "input")
    assert articles["r1"]["outlet"] == "Wire"
    for paragraph in PARAGRAPHS:
        assert paragraph in articles["r1"]["text"]
        assert paragraph in articles["r2"]["text"]


def test_raw_keeps_text_exactly_as_given(tmp_path: Path) -> None:
    record = {"id": "raw-1", "text": RAW_TEXT, "title": "Given title"}
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", "-", "--raw", "--out", str(out), "-q"], input=json.dumps(record) + "\n")
    assert result.exit_code == 0, result.output
    article = json.loads((out / "dossier.json").read_text(encoding="utf-8"))["articles"][0]
    assert article["text"] == RAW_TEXT
    assert article["boilerplate"] == []
    assert article["title"] == "Given title"
    start = RAW_TEXT.index("Ankara")
    assert article["text"][start : start + len("Ankara")] == "Ankara"


def test_raw_file_input_keeps_text(tmp_path: Path) -> None:
    path = tmp_path / "raw.txt"
    path.write_bytes(RAW_TEXT.encode("utf-8"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(path), "--raw", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "dossier.json").read_text(encoding="utf-8"))["articles"][0]["text"] == RAW_TEXT


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"crosswire {__version__}"


def test_lone_surrogate_in_a_record_is_not_a_traceback(tmp_path: Path) -> None:
    lines = [
        '{"id": "bad", "text": "The minister said the talks \\ud800 would resume on Friday in Ankara."}',
        json.dumps({"id": "good", "text": "\n\n".join(PARAGRAPHS)}),
    ]
    result = runner.invoke(app, ["analyze", "-", "--out", str(tmp_path / "out"), "-q"], input="\n".join(lines))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0
    articles = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))["articles"]
    assert "good" in [a["id"] for a in articles]


# --- the installed console script, as a real process --------------------------------------------------------------


# Only catches a hung run: on a machine shared by many jobs a whole CLI run can take minutes of wall time.
HANG_GUARD = 900


def test_console_script_end_to_end(story: Path, tmp_path: Path) -> None:
    assert CROSSWIRE.is_file(), f"{CROSSWIRE} is not installed; run make install"
    out = tmp_path / "out"
    record = json.dumps({"id": "from-stdin", "text": RAW_TEXT}) + "\n"
    done = subprocess.run(
        [str(CROSSWIRE), "analyze", str(story), "-", str(tmp_path / "missing.txt"), "--raw", "--out", str(out)],
        input=record,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [
        f"crosswire: {tmp_path / 'missing.txt'}: no such file or folder; check the path"
    ]
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in dossier["articles"]] == ["ankara", "from-stdin"]
    assert dossier["articles"][1]["text"] == RAW_TEXT
    assert (out / "dossier.html").is_file()

    failed = subprocess.run(
        [str(CROSSWIRE), "analyze", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out2")],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert len(error_lines(failed.stderr)) == 2

    usage = subprocess.run([str(CROSSWIRE), "analyze", str(story)], capture_output=True, text=True, timeout=HANG_GUARD)
    assert usage.returncode == 2
    assert "--out" in usage.stderr
