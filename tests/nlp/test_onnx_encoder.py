"""The ONNX Runtime encoder gives the torch model's vectors, is exported once, and falls back to torch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from crosswire.errors import PipelineError
from crosswire.nlp import embeddings, onnx_encoder
from crosswire.nlp.embeddings import DIMENSIONS, TorchEncoder, load_encoder

pytest.importorskip("onnxruntime")

# Short passages from many domains and shapes: a word, a number, punctuation, non-Latin text, a text longer than the
# model's 256 word pieces (cut the same way by both), and whitespace around.
SENTENCES = [
    "The merger was approved by shareholders on Friday.",
    "  Police said the suspect had been released on bail.  ",
    "Yes.",
    "42",
    "¿Dónde está la estación? Die Straße ist gesperrt.",
    "Токио и Киев подписали соглашение 3 марта.",
    "The jury found the former chief executive guilty on four counts of fraud after a six-week trial.",
    "Shelling resumed overnight near the front line, the ministry said, denying any ceasefire had been agreed.",
    "Revenue rose 12% to $4.1bn (€3.8bn), beating forecasts; shares jumped 7 per cent in early trading.",
    " ".join(["The committee heard evidence from witnesses about the collapse of the bridge."] * 40),
]


@pytest.fixture()
def fresh_encoders() -> Iterator[None]:
    load_encoder.cache_clear()
    yield
    load_encoder.cache_clear()


def test_onnx_vectors_agree_with_torch(fresh_encoders: None) -> None:
    onnx = load_encoder("onnx")
    assert onnx.backend == "onnx"
    torch_vectors = TorchEncoder(threads=1).encode(SENTENCES)
    onnx_vectors = onnx.encode(SENTENCES)
    assert onnx_vectors.shape == (len(SENTENCES), DIMENSIONS) and onnx_vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(torch_vectors * onnx_vectors, axis=1)
    assert cosines.min() >= 0.9999, cosines


def test_rows_do_not_depend_on_the_batch(fresh_encoders: None) -> None:
    encoder = load_encoder("onnx")
    together = encoder.encode(SENTENCES)
    alone = np.stack([encoder.encode([text])[0] for text in SENTENCES])
    assert np.sum(together * alone, axis=1).min() >= 0.99999


def test_export_is_checked_kept_and_reused(tmp_path: Path) -> None:
    first = onnx_encoder.exported_model(target=tmp_path)
    assert first.parent == tmp_path and first.suffix == ".onnx"
    assert [path.name for path in tmp_path.glob("*.onnx")] == [first.name]  # no scratch file left behind
    stamp = first.stat().st_mtime_ns
    assert onnx_encoder.exported_model(target=tmp_path) == first
    assert first.stat().st_mtime_ns == stamp


def test_a_failing_export_falls_back_to_torch(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(threads: int) -> onnx_encoder.OnnxEncoder:
        raise ValueError("the exported graph disagrees with torch")

    monkeypatch.setattr(onnx_encoder, "load_onnx_encoder", broken)
    encoder = load_encoder()
    assert encoder.backend == "torch"
    assert encoder.encode(["The talks collapsed."]).shape == (1, DIMENSIONS)


def test_backend_is_chosen_by_the_variable(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "torch")
    assert load_encoder().backend == "torch"
    load_encoder.cache_clear()
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "tensorflow")
    with pytest.raises(PipelineError, match="CROSSWIRE_ENCODER"):
        load_encoder()
