"""``dossier.html``: one self-contained page (no scripts or styles fetched from anywhere) rendered with Jinja2."""

from __future__ import annotations

import datetime as dt
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from crosswire import __version__
from crosswire.model import Article, Dossier


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("crosswire.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["paragraphs"] = paragraphs
    environment.filters["safe_link"] = safe_link
    return environment


def paragraphs(text: str) -> list[str]:
    """The article text as the paragraphs it was written in: one per line (HTML extraction puts each on one)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def safe_link(url: str | None) -> str | None:
    """Only web links become clickable: a ``javascript:`` URL from an input must not run in the report."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _date_span(articles: list[Article]) -> tuple[str | None, str | None]:
    dates = sorted(a.published[:10] for a in articles if a.published)
    return (dates[0], dates[-1]) if dates else (None, None)


def render_html(dossier: Dossier) -> str:
    first, last = _date_span(dossier.articles)
    outlets = sorted({a.outlet for a in dossier.articles if a.outlet})
    return (
        _environment()
        .get_template("dossier.html.j2")
        .render(
            dossier=dossier,
            first_date=first,
            last_date=last,
            outlets=outlets,
            duplicates=sum(1 for a in dossier.articles if a.duplicate_of),
            generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            version=__version__,
        )
    )
