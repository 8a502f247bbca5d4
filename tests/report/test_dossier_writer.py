"""The dossier writer that renders the page in a forked child while its caller goes on (saving the store)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosswire.report as report
from crosswire.model import Article, Dossier
from crosswire.report import DossierWriter, write_dossier

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")

TEXTS = [
    "The merger of Halden Steel and Vik Metals was approved by the regulator in Oslo on Tuesday, the firms said.",
    "Prosecutors in Lyon asked the court for a two-year sentence; the defence said the evidence was thin.",
    "Shelling resumed near the river crossing overnight, the army said, a day after the truce collapsed.",
]


def _dossier() -> Dossier:
    return Dossier(articles=[Article(id=f"a{n}", source=f"a{n}.txt", text=text) for n, text in enumerate(TEXTS)])


def test_forked_page_is_the_page_written_here(tmp_path: Path) -> None:
    here = write_dossier(_dossier(), tmp_path / "here")
    writer = DossierWriter(_dossier(), tmp_path / "forked", fork=True)
    # Nothing is in place before finish: the child writes a hidden temporary file.
    assert not (tmp_path / "forked" / "dossier.html").exists()
    forked = writer.finish()
    assert [p.read_bytes() for p in forked] == [p.read_bytes() for p in here]
    assert sorted(p.name for p in (tmp_path / "forked").iterdir()) == ["dossier.html", "dossier.json"]


def test_a_failed_child_leaves_the_page_to_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    render = report.iter_html

    def fails_in_child(dossier: Dossier) -> Iterator[str]:
        if os.getpid() != parent:
            raise RuntimeError("the child cannot render")
        return render(dossier)

    monkeypatch.setattr(report, "iter_html", fails_in_child)
    writer = DossierWriter(_dossier(), tmp_path / "out", fork=True)
    html_path = writer.finish()[1]
    assert html_path.read_bytes() == write_dossier(_dossier(), tmp_path / "here")[1].read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dossier.html", "dossier.json"]


def test_abandoned_writer_leaves_nothing(tmp_path: Path) -> None:
    writer = DossierWriter(_dossier(), tmp_path, fork=True)
    writer.abandon()
    writer.abandon()  # a no-op the second time
    assert list(tmp_path.iterdir()) == []
