"""``crosswire check``: the stance of articles towards a claim, as a table, JSON, or JSON Lines for ``--pairs``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.table import Table

from crosswire.cli.console import err, exit_codes, out, report_failure
from crosswire.cli.terminal import escape_controls
from crosswire.errors import UsageError
from crosswire.ingest.fetch import DEFAULT_MAX_BYTES

EVIDENCE_CHARS = 160


def check(
    claim: Annotated[
        str | None,
        typer.Argument(metavar="CLAIM", help="The claim to check the articles against.", show_default=False),
    ] = None,
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Files, folders (recursive), http(s) URLs, or - for JSON Lines on stdin.",
            show_default=False,
        ),
    ] = None,
    pairs: Annotated[
        str | None,
        typer.Option(
            "--pairs",
            metavar="FILE",
            help='JSON Lines of {"id", "claim", "text"} (- for stdin): writes {"id", "stance", "score"} per line.',
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1024, help="Largest single article file or page to read.")
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Whether each article supports, refutes, discusses or is unrelated to CLAIM, with a score and evidence."""

    with exit_codes():
        if pairs is not None:
            if claim is not None or inputs:
                raise UsageError("--pairs takes no CLAIM or INPUT: every line of the file carries its own claim")
            _check_pairs(pairs)
            return
        if claim is None or not claim.strip() or not inputs:
            raise UsageError("give a CLAIM and at least one INPUT (or --pairs FILE); see crosswire check --help")
        _check_claim(claim, inputs, as_json=as_json, max_bytes=max_bytes)


def _open_pairs(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"--pairs {name} is a folder; give a JSON Lines file")
    try:
        return path.open("rb")
    except OSError as exc:
        raise UsageError(f"cannot read --pairs {name} ({exc.strerror or exc})") from None


def _check_pairs(name: str) -> None:
    from crosswire.check.pairs import check_pairs, read_pairs

    source = "<stdin>" if name == "-" else name
    stream = _open_pairs(name)
    records = good = 0
    try:
        for result in check_pairs(read_pairs(stream)):
            records += 1
            if result.error is None:
                good += 1
            else:
                err.print(f"crosswire: {escape_controls(f'{source}:{result.line}: {result.error}')}", markup=False)
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    sys.stdout.flush()
    if records and not good:
        err.print(f"crosswire: no line of {source} is a valid pair; see the errors above")
        raise typer.Exit(1)


def _check_claim(claim: str, inputs: list[str], *, as_json: bool, max_bytes: int) -> None:
    from crosswire.check.pairs import check_articles, load_articles

    articles, failures = load_articles(inputs, max_bytes=max_bytes, on_failure=report_failure)
    results = check_articles(claim, articles) if articles else []
    if as_json:
        document = {
            "claim": claim,
            "results": [r.to_json() for r in results],
            "errors": [f.model_dump(mode="json") for f in failures],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        table = Table(title=f"Claim: {claim}", title_justify="left")
        for column in ("article", "stance", "score", "evidence"):
            table.add_column(column, justify="right" if column == "score" else "left")
        for r in results:
            # The sentence that decided the stance (the closest one when none did).
            evidence = r.decisive.sentence if r.decisive else r.evidence[0] if r.evidence else ""
            if len(evidence) > EVIDENCE_CHARS:
                evidence = evidence[: EVIDENCE_CHARS - 1] + "…"
            table.add_row(r.title or r.article, r.stance, f"{r.score:.2f}", evidence)
        out.print(table)
    if not articles:
        err.print("crosswire: no article could be read; see the errors above")
        raise typer.Exit(1)
