"""``crosswire check``: one claim against articles (table or JSON), and ``--pairs`` JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from stance_texts import CLAIM, REFUTING, SUPPORTING, UNRELATED

runner = CliRunner()


@pytest.fixture
def pairs_file(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "p1", "claim": CLAIM, "text": REFUTING}),
        '{"id": "p2", "claim": ',
        json.dumps({"id": "p3", "claim": CLAIM, "text": UNRELATED}),
        "",
        json.dumps({"id": "p4", "claim": CLAIM}),
        json.dumps({"id": 5, "claim": CLAIM, "text": SUPPORTING}),
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_pairs_writes_one_line_per_record_in_input_order(pairs_file: Path) -> None:
    result = runner.invoke(app, ["check", "--pairs", str(pairs_file)])
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in result.stdout.splitlines()]
    assert [w["id"] for w in written] == ["p1", None, "p3", None, "p4", 5]
    assert [w["stance"] for w in written] == ["refutes", "unrelated", "unrelated", "unrelated", "unrelated", "supports"]
    assert set(written[0]) == {"id", "stance", "score"} and 0.0 <= written[0]["score"] <= 1.0
    assert written[1]["score"] == 0.0 and "not valid JSON" in written[1]["error"]
    assert "blank line" in written[3]["error"] and '"text"' in written[4]["error"]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [f"crosswire: {pairs_file}:{n}: " + written[n - 1]["error"] for n in (2, 4, 5)]


def test_pairs_from_stdin(pairs_file: Path) -> None:
    result = runner.invoke(app, ["check", "--pairs", "-"], input=pairs_file.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 6
    assert "<stdin>:2:" in result.stderr


def test_pairs_with_no_valid_line_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("nope\n[]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "no line of" in result.stderr and "Traceback" not in result.output


def test_empty_pairs_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(path)])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["check"], "give a CLAIM and at least one INPUT"),
        (["check", CLAIM], "give a CLAIM and at least one INPUT"),
        (["check", "--pairs", "PAIRS", CLAIM], "--pairs takes no CLAIM"),
        (["check", "--pairs", "missing.jsonl"], "cannot read --pairs missing.jsonl"),
    ],
)
def test_usage_errors_exit_2_with_one_line(arguments: list[str], message: str, tmp_path: Path) -> None:
    arguments = [str(tmp_path / "p.jsonl") if a == "PAIRS" else a for a in arguments]
    (tmp_path / "p.jsonl").write_text("", encoding="utf-8")
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0]


def test_claim_against_files_as_json(tmp_path: Path) -> None:
    headlined = "Lakeport mayor quits\n\n" + SUPPORTING
    for name, text in (("quits.txt", headlined), ("denial.txt", REFUTING), ("snow.txt", UNRELATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["check", CLAIM, str(tmp_path / "quits.txt"), str(tmp_path / "denial.txt"), str(tmp_path / "snow.txt"),
              str(tmp_path / "missing.txt"), "--json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["claim"] == CLAIM
    stances = {r["article"]: r["stance"] for r in document["results"]}
    assert stances == {"quits": "supports", "denial": "refutes", "snow": "unrelated"}
    quits = next(r for r in document["results"] if r["article"] == "quits")
    assert quits["title"] == "Lakeport mayor quits" and quits["evidence"]
    assert [e["source"] for e in document["errors"]] == [str(tmp_path / "missing.txt")]
    assert "missing.txt" in result.stderr


def test_claim_table_and_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "denial.txt").write_text(REFUTING, encoding="utf-8")
    result = runner.invoke(app, ["check", CLAIM, str(tmp_path / "denial.txt")])
    assert result.exit_code == 0, result.output
    assert "refutes" in result.stdout and "denial" in result.stdout
    result = runner.invoke(app, ["check", CLAIM, str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr and "Traceback" not in result.output
