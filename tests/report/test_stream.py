"""``dossier.json`` and ``dossier.html`` written a piece at a time are the same bytes as the whole-string dumps."""

from __future__ import annotations

import pytest
from reference_dossier import reference_dossier

from crosswire import __version__
from crosswire.model import Dossier, InputFailure
from crosswire.report.html import _asset, _environment, build_report, embed_json, iter_html
from crosswire.report.stream import iter_dossier_json


def dossiers() -> list[Dossier]:
    full = reference_dossier()
    # Text a JSON dump must escape, inside the items and at the top level.
    full.articles[0].title = 'Quote " back\\slash </script> <!-- & \u2028 ünïcode \x01'
    full.errors = [InputFailure(source="bad\nname.txt", error="cannot read it")]
    return [Dossier(), full, Dossier(entities=full.entities)]


@pytest.mark.parametrize("indent", [2, None])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_streamed_json_is_the_dump(index: int, indent: int | None) -> None:
    dossier = dossiers()[index]
    pieces = list(iter_dossier_json(dossier, indent=indent))
    assert "".join(pieces) == dossier.to_json(indent=indent)
    if dossier.articles:
        assert len(pieces) > len(dossier.articles)  # one piece per item at least, never the whole text at once


@pytest.mark.parametrize("index", [0, 1, 2])
def test_streamed_html_is_the_whole_page(index: int) -> None:
    dossier = dossiers()[index]
    whole = (
        _environment()
        .get_template("dossier.html.j2")
        .render(
            report=build_report(dossier),
            dossier=dossier,
            version=__version__,
            style=_asset("report.css"),
            script=_asset("report.js"),
            dossier_json=embed_json(dossier.to_json(indent=None)),
        )
    )
    assert "".join(iter_html(dossier)) == whole
