"""Two small pieces every view shares: a link that jumps to (and highlights) evidence, and the filter attributes.

The page's script reads the filter attributes: ``data-fe`` (entity tokens), ``data-fo`` (outlet tokens) and ``data-fd``
(first and last ISO day). An item without one of them is not filtered on it, except by date: while a date range is
set, an item with no date is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Link:
    """A fragment link; ``show`` names the highlight token the page lights up when it is followed."""

    href: str
    label: str
    show: str = ""
    title: str = ""
    # What the page says it is showing when the link is followed (default: the link's text).
    what: str = ""

    def attrs(self) -> Markup:
        parts = [f'href="{escape(self.href)}"']
        if self.show:
            parts.append(f'data-show="{escape(self.show)}"')
        if self.what:
            parts.append(f'data-what="{escape(self.what)}"')
        if self.title:
            parts.append(f'title="{escape(self.title)}"')
        return Markup(" ".join(parts))


@dataclass(frozen=True)
class Filter:
    """What an item is about, for the search and filter bar."""

    entities: frozenset[str] | None = None
    outlets: frozenset[str] | None = None
    start: str | None = None
    end: str | None = None

    def attrs(self) -> Markup:
        parts = ['data-f=""']
        if self.entities is not None:
            parts.append(f'data-fe="{escape(" ".join(sorted(self.entities)))}"')
        if self.outlets is not None:
            parts.append(f'data-fo="{escape(" ".join(sorted(self.outlets)))}"')
        if self.start and self.end:
            parts.append(f'data-fd="{escape(self.start)} {escape(self.end)}"')
        return Markup(" ".join(parts))


def date_range(days: list[str]) -> tuple[str | None, str | None]:
    """The first and last of some ISO days (or none)."""
    kept = sorted(d for d in days if d)
    return (kept[0], kept[-1]) if kept else (None, None)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 article``, ``3 articles``."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
