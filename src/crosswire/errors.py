"""Crosswire's exception tree.

Every error the library raises on purpose derives from :class:`CrosswireError` and carries a message a person can act
on. The CLI prints that message on one line and maps the class to an exit code; batch code records it against the
input and goes on with the next one.
"""

from __future__ import annotations


class CrosswireError(Exception):
    """Base of every error Crosswire raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class UsageError(CrosswireError):
    """The command was called wrongly (bad option, missing argument)."""


class InputError(CrosswireError):
    """One input could not be read or holds no article; the rest of the run goes on."""


class FetchError(InputError):
    """A URL could not be fetched: unreachable, timed out, too large or not a page."""


class PipelineError(CrosswireError):
    """The stages are declared in an order that cannot satisfy what each one needs."""


class StoreError(CrosswireError):
    """The store could not be opened or written."""
