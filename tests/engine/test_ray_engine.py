"""The Ray engine on a local Ray (num_cpus=2): the same dossier as the local engine on the same input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.engine import CORPUS_IN_WORKERS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_corpus import records

pytest.importorskip("ray.data", reason="Ray is an optional extra: pip install 'crosswire[ray]'")


def test_ray_gives_the_same_dossier_as_the_local_engine(tmp_path: Path) -> None:
    inputs = tmp_path / "articles.jsonl"
    lines = [json.dumps(record) for record in records()]
    lines.append(json.dumps({"id": "trial", "text": "A jury in Leeds found Peter Hale guilty of fraud on Friday."}))
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")

    local = analyze([str(inputs)], tmp_path / "local", workers=1)
    distributed = analyze([str(inputs)], tmp_path / "ray", engine="ray", workers=2)

    assert local.json_path.read_text(encoding="utf-8") == distributed.json_path.read_text(encoding="utf-8")
    # Ray's workers may not see the driver's files: the page is written here, the same.
    assert local.html_path.read_bytes() == distributed.html_path.read_bytes()
    assert distributed.analysed == local.analysed
    assert len(distributed.dossier.articles) == len(lines)
    # The stage times measured on the Ray workers reach the driver.
    assert distributed.seconds["parse"] > 0
    # The claims of the stories were clustered as Ray tasks; the one-worker run clustered them in process.
    assert distributed.seconds[CORPUS_IN_WORKERS] > 0
    assert CORPUS_IN_WORKERS not in local.seconds


def test_the_workers_get_the_drivers_encoder_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.engine.ray_engine import worker_runtime_env

    monkeypatch.delenv("CROSSWIRE_ENCODER", raising=False)
    assert worker_runtime_env() == {}
    monkeypatch.setenv("CROSSWIRE_ENCODER", "int8")
    assert worker_runtime_env() == {"env_vars": {"CROSSWIRE_ENCODER": "int8"}}
