"""What reaches the terminal from hostile input: names with control characters arrive escaped, on one line each,
and libraries (trafilatura, warcio) never write to stderr on their own; one real process, so every library logs as
it would for a user."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.cli.terminal import escape_controls

CROSSWIRE = Path(sys.executable).parent / "crosswire"
GOOD = (
    "Harbour strike ends\n\nThe harbour authority said on Tuesday that the strike had ended after nine days of talks. "
    "Dock workers returned to the cranes before dawn, a union spokesman said.\n"
)
ESCAPE_NAME = "red\x1b[31mname.txt"
NEWLINE_NAME = "two\nlines.txt"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("one\ntwo\rthree\tfour", "one\\x0atwo\\x0dthree\\x09four"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("bell\x07", "bell\\x07"),
        ("café Ελλάδα 東京", "café Ελλάδα 東京"),
    ],
)
def test_control_characters_are_escaped(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


def test_terminal_sees_escaped_names_and_no_library_output(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ESCAPE_NAME).write_bytes(b"")
    (tmp_path / NEWLINE_NAME).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    # trafilatura logs ERROR lines for a page it cannot parse.
    (tmp_path / "husk.html").write_text("<html></html>", encoding="utf-8")
    inputs = [str(tmp_path / name) for name in ("good.txt", ESCAPE_NAME, NEWLINE_NAME, "husk.html")]
    env = {**os.environ, "PYTHONHASHSEED": "0"}

    result = subprocess.run(
        [str(CROSSWIRE), "analyze", *inputs, "--out", str(tmp_path / "out"), "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "\x1b" not in result.stderr and "\x1b" not in result.stdout
    assert all(line.startswith("crosswire: ") for line in lines), lines
    assert len(lines) == 3, lines  # one per bad input, nothing from trafilatura
    assert any("red\\x1b[31mname.txt" in line for line in lines)
    assert any("two\\x0alines.txt" in line for line in lines)
    assert any("husk.html" in line and "no article text" in line for line in lines)
    assert not any(re.match(r"(ERROR|WARNING)\b", line) for line in lines)


@pytest.mark.parametrize("where", ["before the command", "after the command"])
def test_verbose_lets_library_logs_through(tmp_path: Path, where: str) -> None:
    (tmp_path / "husk.html").write_text("<html></html>", encoding="utf-8")
    args = ["analyze", str(tmp_path / "husk.html"), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(app, ["-v", *args] if where == "before the command" else [*args, "-v"])
    assert result.exit_code == 1
    assert "crosswire: " in result.stderr
    assert " trafilatura" in result.stderr  # with --verbose, library logs are shown
