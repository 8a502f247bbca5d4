"""The ONNX Runtime encoder gives the torch model's vectors, is exported once, and falls back to torch."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from crosswire.errors import PipelineError
from crosswire.nlp import embeddings, onnx_encoder
from crosswire.nlp.embeddings import DIMENSIONS, TorchEncoder, load_encoder

pytest.importorskip("onnxruntime")

# The mixed graph is made only where 8-bit products cannot saturate; elsewhere the claims stage runs the float graph
# (``test_a_cpu_whose_int8_products_saturate_runs_the_float_graph``).
needs_exact_int8 = pytest.mark.skipif(
    not onnx_encoder.exact_int8_products(), reason="this CPU's 8-bit products saturate (no VNNI): no mixed graph"
)

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


@pytest.fixture()
def float_graph_in(tmp_path: Path) -> Path:
    """A cache folder holding the float graph already (copied from the user's cache: no second export)."""
    exported = onnx_encoder.exported_model()
    shutil.copy(exported, tmp_path / exported.name)
    return tmp_path


def test_int8_graph_is_checked_kept_and_reused(float_graph_in: Path) -> None:
    quantized = onnx_encoder.quantized_model(target=float_graph_in)
    assert quantized.parent == float_graph_in and "int8" in quantized.name
    assert sorted(path.name for path in float_graph_in.glob("*.onnx")) == sorted(
        [quantized.name, onnx_encoder.exported_model(target=float_graph_in).name]
    )  # the float graph beside it, no scratch file left behind
    stamp = quantized.stat().st_mtime_ns
    assert onnx_encoder.quantized_model(target=float_graph_in) == quantized
    assert quantized.stat().st_mtime_ns == stamp
    folder = onnx_encoder.model_dir()
    exact = onnx_encoder.OnnxEncoder(onnx_encoder.exported_model(target=float_graph_in), folder).encode(SENTENCES)
    rough = onnx_encoder.OnnxEncoder(quantized, folder).encode(SENTENCES)
    assert rough.shape == (len(SENTENCES), DIMENSIONS) and rough.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(rough, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(exact * rough, axis=1)
    # Close to the float vectors, not equal to them (8-bit weights move every vector a little).
    assert cosines.min() >= 0.95 and cosines.mean() >= 0.98 and cosines.max() < 0.99999, cosines


def test_an_int8_graph_that_disagrees_is_not_kept(float_graph_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_encoder, "MIN_QUANT_COSINE", 1.01)
    with pytest.raises(ValueError, match="int8 graph disagrees"):
        onnx_encoder.quantized_model(target=float_graph_in)
    assert [path.name for path in float_graph_in.glob("*.onnx")] == [onnx_encoder.exported_model().name]


def test_int8_falls_back_to_the_float_graph(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(folder: Path | None = None, target: Path | None = None) -> Path:
        raise ValueError("the int8 graph disagrees with the float one")

    monkeypatch.setattr(onnx_encoder, "quantized_model", broken)
    encoder = load_encoder("int8")
    assert encoder.backend == "onnx"
    assert encoder.encode(["The talks collapsed."]).shape == (1, DIMENSIONS)


def test_int8_is_chosen_by_the_variable_and_keeps_its_own_vectors(
    fresh_encoders: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "The ceasefire held through the night."
    float_key = embeddings.vector_key(text)
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "torch")
    assert embeddings.vector_key(text) == float_key  # torch and the float graph give the same vectors
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "int8")
    assert load_encoder().backend == "int8"
    assert embeddings.vector_key(text) != float_key  # a store never mixes int8 and float vectors


def test_exact_reads_float_vectors_under_int8(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "int8")
    float_vectors = load_encoder("onnx").encode(SENTENCES[:4])
    np.testing.assert_allclose(embeddings.encode(SENTENCES[:4], exact=True), float_vectors, atol=1e-6)
    rough = embeddings.encode(SENTENCES[:4])
    assert np.sum(rough * float_vectors, axis=1).max() < 0.99999  # without it: the int8 vectors


def test_a_caller_may_prefer_int8_unless_the_variable_chooses(
    fresh_encoders: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stories stage prefers int8 for its leads: its vectors are int8 ones, under int8 keys, while every other
    caller keeps the float graph; a backend set in the variable is used for every vector, preferred or not."""
    monkeypatch.delenv(embeddings.BACKEND_VARIABLE, raising=False)
    text = "The ceasefire held through the night."
    assert embeddings.wanted_backend() == embeddings.DEFAULT_BACKEND
    assert embeddings.wanted_backend("int8") == "int8"
    assert embeddings.vector_key(text, "int8") != embeddings.vector_key(text)
    int8 = load_encoder("int8").encode(SENTENCES[:4])
    np.testing.assert_allclose(embeddings.encode(SENTENCES[:4], prefer="int8"), int8, atol=1e-6)
    np.testing.assert_allclose(embeddings.encode(SENTENCES[:4]), load_encoder("onnx").encode(SENTENCES[:4]), atol=1e-6)
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "onnx")
    assert embeddings.wanted_backend("int8") == "onnx"
    assert embeddings.vector_key(text, "int8") == embeddings.vector_key(text)


@needs_exact_int8
def test_mixed_graph_is_checked_kept_reused_and_close_to_float(float_graph_in: Path) -> None:
    mixed = onnx_encoder.mixed_model(target=float_graph_in)
    assert mixed.parent == float_graph_in and "mixed" in mixed.name
    assert sorted(path.name for path in float_graph_in.glob("*.onnx")) == sorted(
        [mixed.name, onnx_encoder.exported_model(target=float_graph_in).name]
    )  # no scratch, calibration or smoothed file left behind
    stamp = mixed.stat().st_mtime_ns
    assert onnx_encoder.mixed_model(target=float_graph_in) == mixed
    assert mixed.stat().st_mtime_ns == stamp
    folder = onnx_encoder.model_dir()
    exact = onnx_encoder.OnnxEncoder(onnx_encoder.exported_model(target=float_graph_in), folder).encode(SENTENCES)
    int8 = onnx_encoder.OnnxEncoder(onnx_encoder.quantized_model(target=float_graph_in), folder).encode(SENTENCES)
    close = onnx_encoder.OnnxEncoder(mixed, folder).encode(SENTENCES)
    assert close.shape == (len(SENTENCES), DIMENSIONS) and close.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(close, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(exact * close, axis=1)
    # Far nearer the float vectors than the int8 graph's, and not the float graph itself (a one-word text is the
    # farthest, as for int8).
    assert cosines.min() >= 0.99 and cosines.mean() >= 0.998 and cosines.max() < 0.999999, cosines
    assert (1 - cosines).mean() < (1 - np.sum(exact * int8, axis=1)).mean() / 3


@needs_exact_int8
def test_mixed_graph_has_8_bit_feed_forward_and_attention(float_graph_in: Path) -> None:
    import onnx

    model = onnx.load(str(onnx_encoder.mixed_model(target=float_graph_in)))
    kinds = [node.op_type for node in model.graph.node]
    # BERT-small's six layers: two feed-forward projections each in 8-bit blocks, four attention ones in int8;
    # no float matrix product with a constant weight is left.
    assert kinds.count("MatMulNBits") == 12 and kinds.count("MatMulInteger") == 24
    initializers = {item.name for item in model.graph.initializer}
    assert not [node for node in model.graph.node if node.op_type == "MatMul" and node.input[1] in initializers]


@needs_exact_int8
def test_a_mixed_graph_that_disagrees_is_not_kept(float_graph_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_encoder, "MIN_MIXED_COSINE", 1.01)
    with pytest.raises(ValueError, match="mixed graph disagrees"):
        onnx_encoder.mixed_model(target=float_graph_in)
    assert [path.name for path in float_graph_in.glob("*.onnx")] == [onnx_encoder.exported_model().name]


def test_smoothing_ranges_that_do_not_fit_the_graph_are_refused(tmp_path: Path) -> None:
    import onnx

    from crosswire.nlp import mixed_precision

    model = onnx.load(str(onnx_encoder.exported_model()))
    ranges = mixed_precision.stored_ranges()
    with pytest.raises(ValueError, match="activation ranges for"):
        mixed_precision.smooth(model, ranges[:-1])
    with pytest.raises(ValueError, match="activation ranges of shape"):
        mixed_precision.smooth(model, [np.ones(7, dtype=np.float32) for _ in ranges])


def test_mixed_falls_back_to_the_float_graph(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(folder: Path | None = None, target: Path | None = None) -> Path:
        raise ValueError("the mixed graph disagrees with the float one")

    monkeypatch.setattr(onnx_encoder, "mixed_model", broken)
    encoder = load_encoder("mixed")
    assert encoder.backend == "onnx"
    assert encoder.encode(["The talks collapsed."]).shape == (1, DIMENSIONS)


@needs_exact_int8
def test_mixed_vectors_have_keys_of_their_own(fresh_encoders: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The claims stage prefers the mixed graph: its vectors are kept apart from the float and int8 ones, ``exact``
    still reads float vectors, and the variable still chooses every vector's encoder."""
    monkeypatch.delenv(embeddings.BACKEND_VARIABLE, raising=False)
    text = "The ceasefire held through the night."
    keys = {embeddings.vector_key(text, prefer) for prefer in (None, "int8", "mixed")}
    assert len(keys) == 3
    mixed = load_encoder("mixed")
    assert mixed.backend == "mixed"
    np.testing.assert_allclose(embeddings.encode(SENTENCES[:4], prefer="mixed"), mixed.encode(SENTENCES[:4]), atol=1e-6)
    float_vectors = load_encoder("onnx").encode(SENTENCES[:4])
    np.testing.assert_allclose(embeddings.encode(SENTENCES[:4], prefer="mixed", exact=True), float_vectors, atol=1e-6)
    monkeypatch.setenv(embeddings.BACKEND_VARIABLE, "onnx")
    assert embeddings.vector_key(text, "mixed") == embeddings.vector_key(text)


@pytest.mark.parametrize(
    ("machine", "flags", "exact"),
    [
        ("x86_64", "fpu sse2 avx2 fma", False),
        ("x86_64", "fpu sse2 avx2 avx512f avx512_vnni", True),
        ("AMD64", "sse2 avx2 avx_vnni", True),
        ("x86_64", "avx2 amx_int8 amx_tile", True),
        ("aarch64", "fp asimd", True),
    ],
)
def test_cpus_whose_int8_products_cannot_saturate(machine: str, flags: str, exact: bool) -> None:
    cpuinfo = f"processor\t: 0\nvendor_id\t: SomeVendor\nflags\t\t: {flags}\nbogomips\t: 4000\n"
    assert onnx_encoder.exact_int8_products(machine, cpuinfo) is exact


def test_a_cpu_whose_int8_products_saturate_runs_the_float_graph(
    fresh_encoders: None, float_graph_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(onnx_encoder, "exact_int8_products", lambda: False)
    with pytest.raises(ValueError, match="VNNI"):
        onnx_encoder.mixed_model(target=float_graph_in)
    assert [path.name for path in float_graph_in.glob("*.onnx")] == [onnx_encoder.exported_model().name]
    monkeypatch.delenv(embeddings.BACKEND_VARIABLE, raising=False)
    encoder = load_encoder("mixed")
    assert encoder.backend == "onnx"
    np.testing.assert_allclose(encoder.encode(SENTENCES[:2]), load_encoder("onnx").encode(SENTENCES[:2]), atol=1e-6)
