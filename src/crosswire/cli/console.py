"""What every ``crosswire`` command shares: its two consoles and how errors become one line and an exit code.

Kept apart from :mod:`crosswire.cli.main` so that each command module imports these helpers, not the module that
assembles the commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from crosswire.cli.terminal import escape_controls
from crosswire.errors import CrosswireError, UsageError
from crosswire.model import InputFailure

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


@contextmanager
def exit_codes() -> Iterator[None]:
    """Errors become one line on stderr and an exit code: 2 for a usage error, 1 otherwise, 130 on Ctrl-C."""
    try:
        yield
    except UsageError as exc:
        err.print(f"crosswire: {escape_controls(str(exc))}", markup=False)
        raise typer.Exit(2) from None
    except CrosswireError as exc:
        err.print(f"crosswire: {escape_controls(str(exc))}", markup=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err.print("crosswire: interrupted; the store keeps every batch that was saved, run again to finish")
        raise typer.Exit(130) from None


def report_failure(failure: InputFailure) -> None:
    """One input that failed, as one line on stderr naming the input."""
    err.print(f"crosswire: {escape_controls(failure.source)}: {escape_controls(failure.error)}", markup=False)
