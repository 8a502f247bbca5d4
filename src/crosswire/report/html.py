"""``dossier.html``: one self-contained page rendered with Jinja2 from the dossier alone.

Styles and the small script are inlined from ``report/assets``; the dossier itself is embedded as JSON for the
download link. Nothing is fetched from anywhere (the page's Content-Security-Policy forbids it), and the output
depends only on the dossier, so the same function renders a page of ``crosswire serve`` from a subset dossier.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from crosswire import __version__
from crosswire.model import Dossier
from crosswire.report.articles import safe_link
from crosswire.report.links import plural
from crosswire.report.stream import iter_dossier_json
from crosswire.report.views import STANCES, VERDICTS, build_report

__all__ = ["embed_json", "iter_html", "paragraphs", "render_html", "safe_link"]

# Characters that could end the <script> element or confuse an HTML parser, written as JSON escapes instead.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("crosswire.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["plural"] = plural
    environment.globals["STANCES"] = STANCES
    environment.globals["VERDICTS"] = VERDICTS
    return environment


@cache
def _asset(name: str) -> Markup:
    # Our own files, never input: inlined as they are.
    return Markup(resources.files("crosswire.report").joinpath("assets", name).read_text(encoding="utf-8"))


def paragraphs(text: str) -> list[str]:
    """The article text as the paragraphs it was written in: one per line (HTML extraction puts each on one)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def embed_json(data: str) -> Markup:
    """JSON text made safe inside ``<script type="application/json">``: no ``</script>``, ``<!--`` or ``&`` left."""
    # One ``replace`` per character present: far cheaper than ``str.translate`` with a mapping, which looks up every
    # character of the (megabytes of) JSON. No escape holds a character escaped here, so the order does not matter.
    for character, escaped in _SCRIPT_ESCAPES.items():
        if character in data:
            data = data.replace(character, escaped)
    return Markup(data)


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML page; a pure function of ``dossier``."""
    return "".join(iter_html(dossier))


# Stands for the embedded dossier JSON while the template renders; replaced by the JSON, streamed, as it is written.
_JSON_SLOT = "\x00crosswire-dossier-json\x00"


def iter_html(dossier: Dossier) -> Iterator[str]:
    """:func:`render_html` in pieces: the page is never one string in memory, nor is the dossier JSON it embeds."""
    report = build_report(dossier)
    pieces = (
        _environment()
        .get_template("dossier.html.j2")
        .generate(
            report=report,
            dossier=dossier,
            version=__version__,
            style=_asset("report.css"),
            script=_asset("report.js"),
            dossier_json=Markup(_JSON_SLOT),
        )
    )
    for piece in pieces:
        if _JSON_SLOT not in piece:
            # Nearly every piece: a plain ``in`` is far cheaper than ``Markup.partition``, which escapes its parts.
            yield piece
            continue
        before, found, after = piece.partition(_JSON_SLOT)
        yield before
        if found:
            # The escapes are per character, so escaping piece by piece escapes the whole text.
            for part in iter_dossier_json(dossier, indent=None):
                yield embed_json(part)
            yield after
