"""``crosswire entities``: the entity listing of a dossier or store, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.model import Article, Dossier, Entity, Mention
from crosswire.store import Store

runner = CliRunner()
TEXT = "CIA director William Burns met Bill Burns in Ankara."


def _dossier(with_entities: bool) -> Dossier:
    mentions = [
        Mention(start=0, end=3, text="CIA", label="ORG"),
        Mention(start=13, end=26, text="William Burns", label="PERSON"),
        Mention(start=31, end=41, text="Bill Burns", label="PERSON"),
        Mention(start=45, end=51, text="Ankara", label="GPE"),
    ]
    dossier = Dossier(articles=[Article(id="a1", source="a1.txt", text=TEXT, mentions=mentions)])
    if with_entities:
        dossier.entities = [
            Entity(id="person:x", name="X", type="PERSON", aliases=["X"], roles=["envoy"], articles=["a1"],
                   mention_count=1)
        ]  # fmt: skip
    return dossier


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    (tmp_path / "dossier.json").write_text(_dossier(False).to_json(), encoding="utf-8")
    return tmp_path


def test_json_listing_computes_entities_from_mentions(out_dir: Path) -> None:
    result = runner.invoke(app, ["entities", str(out_dir), "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    burns = next(e for e in listed if e["type"] == "PERSON")
    assert burns["id"] == "person:william-burns"
    assert sorted(burns["aliases"]) == ["Bill Burns", "William Burns"]
    assert burns["roles"] == ["director of the CIA"]
    assert burns["mention_count"] == 2 and burns["articles"] == ["a1"]


def test_table_listing_of_a_dossier_file(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(_dossier(True).to_json(), encoding="utf-8")
    result = runner.invoke(app, ["entities", str(path)])
    assert result.exit_code == 0, result.output
    assert "Entities (1)" in result.stdout
    assert "envoy" in result.stdout


def test_listing_from_a_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crosswire.db'}"
    with Store(url) as store:
        dossier = _dossier(False)
        store.save_articles(dossier.articles)
    result = runner.invoke(app, ["entities", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    assert any(e["name"] == "William Burns" for e in json.loads(result.stdout))
    folder = runner.invoke(app, ["entities", str(tmp_path), "--json"])
    assert folder.exit_code == 0 and json.loads(folder.stdout) == json.loads(result.stdout)


def test_missing_or_bad_input_is_a_usage_error(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["entities", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["entities", str(bad)])
    assert result.exit_code == 2
    assert "not a Crosswire dossier" in result.output
    assert runner.invoke(app, ["entities", str(tmp_path)]).exit_code == 2
