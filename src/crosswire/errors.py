"""Crosswire's exception tree.

Every error the library raises on purpose derives from :class:`CrosswireError` and carries a message a person can act
on. The CLI prints that message on one line and maps the class to an exit code; batch code records it against the
input and goes on with the next one; the server answers it in its one JSON error shape.

::

    CrosswireError
    ├── UsageError       a command called wrongly (exit code 2)
    ├── InputError       one input unreadable or without an article; the run goes on
    │   └── FetchError   a URL unreachable, too slow, too large or not a page
    ├── PipelineError    stages declared in an order that cannot satisfy their needs
    ├── ModelError       a shipped model file missing, damaged or of another format
    ├── StoreError       the store cannot be opened or written
    └── ApiError         a request the server refuses: HTTP status, stable code, message
"""

from __future__ import annotations

from collections.abc import Sequence


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


class ModelError(CrosswireError):
    """A model file shipped with Crosswire is missing, damaged or of another format; reinstall or retrain it."""


class StoreError(CrosswireError):
    """The store could not be opened or written."""


class ApiError(CrosswireError):
    """A request the server refuses, answered with ``status`` and the JSON error shape (``code``, ``message``).

    ``details`` are the per-field problems of a request body (the server's ``ErrorDetail`` items).
    """

    def __init__(self, status: int, code: str, message: str, details: Sequence[object] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.details: list[object] = list(details or [])
