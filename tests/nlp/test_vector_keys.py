"""The store's vector keys: one per text and graph recipe, so vectors of two graphs never meet in one story."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crosswire.nlp import embeddings, onnx_encoder
from crosswire.nlp.embeddings import key_model, vector_key

TEXT = "The regulator fined the airline 2 million euros over late refunds."


@pytest.fixture(autouse=True)
def fresh_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(embeddings.BACKEND_VARIABLE, raising=False)
    key_model.cache_clear()
    yield
    key_model.cache_clear()


def test_float_backends_share_keys_and_approximate_ones_do_not() -> None:
    assert vector_key(TEXT, "onnx") == vector_key(TEXT, "torch")
    keys = {vector_key(TEXT, backend) for backend in ("onnx", "int8")}
    assert len(keys) == 2
    assert vector_key(TEXT, "onnx") != vector_key("Another sentence.", "onnx")


def test_a_new_quantisation_recipe_gets_new_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    before = vector_key(TEXT, "int8")
    monkeypatch.setattr(onnx_encoder, "QUANT_FORMAT", onnx_encoder.QUANT_FORMAT + 1)
    key_model.cache_clear()
    assert vector_key(TEXT, "int8") != before


def test_mixed_keys_follow_the_graph_the_cpu_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_encoder, "exact_int8_products", lambda *args, **kwargs: True)
    mixed = vector_key(TEXT, "mixed")
    assert mixed not in {vector_key(TEXT, "onnx"), vector_key(TEXT, "int8")}
    monkeypatch.setattr(onnx_encoder, "MIXED_FORMAT", onnx_encoder.MIXED_FORMAT + 1)
    key_model.cache_clear()
    assert vector_key(TEXT, "mixed") != mixed
    # Without 8-bit dot products the claims stage runs the float graph, whose vectors are the float ones.
    monkeypatch.setattr(onnx_encoder, "exact_int8_products", lambda *args, **kwargs: False)
    key_model.cache_clear()
    assert vector_key(TEXT, "mixed") == vector_key(TEXT, "onnx")
