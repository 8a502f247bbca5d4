"""The ``crosswire`` command: thin wrappers over the library that turn results and errors into terminal output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from crosswire import __version__
from crosswire.cli.check import check as check_command
from crosswire.cli.console import err, exit_codes, out, report_failure
from crosswire.cli.serve import serve
from crosswire.cli.terminal import configure_logging, escape_controls
from crosswire.ingest.fetch import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="crosswire",
    help="Turn a pile of news articles about a developing story into a cross-checked dossier.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Show a progress bar only when a run is long enough for one to help.
PROGRESS_MIN_ARTICLES = 36


def _version(value: bool) -> None:
    if value:
        out.print(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")] = False,
) -> None:
    configure_logging(verbose)


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursive), http(s) URLs, or - for JSON Lines on stdin.", show_default=False
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for dossier.json and dossier.html.", file_okay=False)
    ],
    raw: Annotated[
        bool,
        typer.Option(
            "--raw",
            help="Take each record's text exactly as given: no boilerplate removal, no normalisation.",
        ),
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="SQLAlchemy URL of the store [default: sqlite:///OUT/crosswire.db]."),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes", min=1024, help="Largest single article file, fetched page or JSON Lines record, in bytes."
        ),
    ] = DEFAULT_MAX_BYTES,
    allow_private_links: Annotated[
        bool,
        typer.Option(
            "--allow-private-links",
            help="Let links found inside fetched feeds reach loopback, private and link-local addresses.",
        ),
    ] = False,
    fresh: Annotated[bool, typer.Option("--fresh", help="Empty the store first instead of adding to it.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the dossier path.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what each stage does (as `crosswire -v analyze`).")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Processes for the per-article stages [default: every core]."),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="Where the per-article stages run: local, or ray (needs crosswire[ray]).")
    ] = "local",
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="Ray cluster to join with --engine ray [default: start a local one]."),
    ] = None,
) -> None:
    """Ingest every input, run the whole pipeline, and write DIR/dossier.json and DIR/dossier.html."""
    from crosswire.engine import default_workers

    if verbose:
        # Users put the flag after the command as often as before it; both mean the same.
        configure_logging(verbose)

    if engine == "local" and (workers or default_workers()) > 1:
        # The worker pool's fork server imports the pipeline on another core while this process imports it below.
        from crosswire.engine.local import start_fork_server

        start_fork_server()
    from crosswire.analyze import analyze as run_analysis

    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    task = progress.add_task("analyse", total=None, visible=False)

    def on_progress(done: int, total: int) -> None:
        if total > PROGRESS_MIN_ARTICLES:
            progress.update(task, completed=done, total=total, visible=True)

    with exit_codes(), progress:
        result = run_analysis(
            inputs,
            out_dir,
            db_url=db,
            verbatim=raw,
            max_bytes=max_bytes,
            fresh=fresh,
            allow_private_links=allow_private_links,
            on_progress=on_progress,
            on_failure=report_failure,
            workers=workers,
            engine=engine,
            ray_address=ray_address,
        )

    articles = result.dossier.articles
    if not quiet:
        table = Table(title="Crosswire", show_header=False, title_justify="left")
        table.add_row("articles in the dossier", str(len(articles)))
        table.add_row("analysed in this run", str(len(result.analysed)))
        table.add_row("already in the store", str(len(result.reused)))
        table.add_row("near-duplicates", str(sum(1 for a in articles if a.duplicate_of)))
        table.add_row("outlets", str(len({a.outlet for a in articles if a.outlet})))
        table.add_row("entities", str(len(result.dossier.entities)))
        table.add_row("time expressions", str(sum(len(a.timexes) for a in articles)))
        table.add_row("stories", str(len(result.dossier.stories)))
        table.add_row("inputs that failed", str(len(result.failures)))
        out.print(table)
    out.print(f"dossier: {escape_controls(str(result.json_path))}", markup=False)
    out.print(f"report:  {escape_controls(str(result.html_path))}", markup=False)
    if not result.analysed and not result.reused:
        err.print("crosswire: no article could be analysed; see the errors above")
        raise typer.Exit(1)


@app.command()
def entities(
    source: Annotated[
        Path | None,
        typer.Argument(help="dossier.json, or the --out folder of analyze.", show_default=False),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL of a store to read instead.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entities as a JSON list.")] = False,
) -> None:
    """List who is who: every entity with its type, aliases, roles, articles and mention count."""
    from crosswire.report.entities import list_entities

    with exit_codes():
        found = list_entities(source, db)
    if as_json:
        import json

        print(json.dumps([e.model_dump(mode="json") for e in found], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Entities ({len(found)})", title_justify="left")
    for column in ("name", "type", "aliases", "roles", "articles", "mentions"):
        table.add_column(column, justify="right" if column in {"articles", "mentions"} else "left")
    for entity in found:
        table.add_row(
            entity.name,
            entity.type,
            ", ".join(a for a in entity.aliases if a != entity.name),
            "; ".join(entity.roles),
            str(len(entity.articles)),
            str(entity.mention_count),
        )
    out.print(table)


app.command()(serve)


app.command(name="check")(check_command)


def run() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
