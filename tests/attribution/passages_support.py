"""Short passages analysed through the whole pipeline as one small pile, for the attribution tests."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from crosswire.analyze import analyze
from crosswire.model import Dossier


def analyze_passages(factory: pytest.TempPathFactory, passages: Mapping[str, str]) -> Dossier:
    """The dossier of ``passages`` (file stem -> text), each written to its own file and read verbatim."""
    folder = factory.mktemp("passages")
    for name, text in passages.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return analyze([str(folder)], factory.mktemp("out"), verbatim=True).dossier
