"""The claims' encoder graph: MiniLM at 8 bits where it costs the vectors nothing, finer 8 bits where it would.

The int8 graph (``onnx_encoder.quantized_model``) quantises every weight matrix with ONNX Runtime's dynamic
quantisation: one 8-bit scale per output column for the weights, and one scale per batch for the activations that
enter each matrix product. The second is where its vectors move (cosine 0.993 on average to the float ones, 0.98 at
the first percentile, on news sentences). Measured per matrix product, the loss is nearly all in the feed-forward
blocks (their up and down projections): a LayerNorm's output has a few channels tens of times larger than the rest,
and the GELU's output is skewed, so one scale for a whole batch leaves most values a handful of levels. The
attention's four projections lose almost nothing.

This graph, made from the float one (nothing is fetched, no data is read):

- **Smoothing** (SmoothQuant): each constant matrix product ``x @ W`` becomes ``(x / s) @ (s * W)`` with one factor
  per input channel, ``s = max|x|^0.7 / max|W|^0.3``; the same function in float, with the activations' outliers
  moved into the weights, which are quantised per column or per block and take them better. ``max|x|`` is measured
  by running the float graph over news sentences once, and shipped (:data:`RANGES`).
- **The attention's projections** (query, key, value, output): ONNX Runtime's dynamic quantisation, as in the int8
  graph.
- **The feed-forward projections**: 8-bit weights in blocks of :data:`BLOCK` along the input with one scale each,
  run by ONNX Runtime's ``MatMulNBits`` at accuracy level 4: the activations are quantised to 8 bits per block of
  :data:`BLOCK` values of one token, not per batch, and the products are 8-bit integer dot products.

On 2,000 FNC-1 sentences (one thread): cosine to the float vectors mean 0.9992, first percentile 0.9974, against
0.9925 / 0.9793 for the int8 graph, at 1.56-1.58 times less CPU than float (2.41-2.42 for int8):
``bench/encoder_precision.py``.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# SmoothQuant's migration strength: 0.5 (the paper's) moved the int8 graph's vectors further, 0.7 was best of
# 0.5-0.9 on news sentences.
ALPHA = 0.7
# Values per block of the feed-forward weights and of the activations entering them (a power of two dividing the
# hidden size 384): 128 ran 1.4x faster than 32 for a cosine loss 0.0003 larger on average.
BLOCK = 128
# MatMulNBits' accuracy level 4: int8 activations (per block), int8 dot products.
ACCURACY_LEVEL = 4
BITS = 8

# Per constant matrix product of the float graph (in graph order), the largest absolute value of each input channel
# over 1,000 sentences of FNC-1 train bodies (``bench/calibrate_encoder.py`` writes it; the precision bench reads
# other bodies' sentences). A channel's range is a property of the model and of news text more than of one corpus: the
# ranges of 40 news sentences gave nearly the vectors of 200's (mean cosine to float 0.99932 against 0.99936).
RANGES = Path(__file__).resolve().parent / "data" / "activation_ranges.npz"


def _constant_matmuls(model: Any) -> list[Any]:
    initializers = {item.name for item in model.graph.initializer}
    return [node for node in model.graph.node if node.op_type == "MatMul" and node.input[1] in initializers]


def activation_ranges(source: Path, folder: Path, texts: Sequence[str]) -> list[np.ndarray]:
    """Per constant matrix product of the float graph at ``source`` (in graph order), the largest absolute value of
    each input channel over ``texts`` (one at a time: no padding)."""
    import onnx
    from onnx import TensorProto, helper

    from crosswire.nlp.onnx_encoder import OnnxEncoder

    model = onnx.load(str(source))
    names = [node.input[0] for node in _constant_matmuls(model)]
    inputs = sorted(set(names))
    for name in inputs:
        model.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
    ranges: dict[str, np.ndarray] = {}
    fd, probe = tempfile.mkstemp(dir=source.parent, prefix=".calibrate-", suffix=".onnx")
    os.close(fd)
    try:
        onnx.save(model, probe)
        encoder = OnnxEncoder(Path(probe), folder, threads=1)
        for text in texts:
            ids = np.asarray([encoder.tokenizer.encode(text.strip()).ids], dtype=np.int64)
            outputs = encoder.session.run(inputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            for name, values in zip(inputs, outputs, strict=True):
                peak = np.abs(values).reshape(-1, values.shape[-1]).max(axis=0)
                ranges[name] = np.maximum(ranges[name], peak) if name in ranges else peak
    finally:
        os.unlink(probe)
    return [ranges[name] for name in names]


def save_ranges(ranges: Sequence[np.ndarray], path: Path = RANGES) -> None:
    # Half precision is plenty for a range the smoothing takes a power of (and halves the file).
    arrays: dict[str, Any] = {f"matmul_{index}": values.astype(np.float16) for index, values in enumerate(ranges)}
    np.savez_compressed(path, **arrays)


def stored_ranges(path: Path = RANGES) -> list[np.ndarray]:
    """The ranges ``bench/calibrate_encoder.py`` measured (see :data:`RANGES`)."""
    with np.load(path) as stored:
        return [np.asarray(stored[f"matmul_{index}"], dtype=np.float32) for index in range(len(stored.files))]


def smooth(model: Any, ranges: Sequence[np.ndarray], alpha: float = ALPHA) -> None:
    """SmoothQuant in place: each constant ``x @ W`` becomes ``(x * (1 / s)) @ (s * W)`` (see the module docstring);
    ``ranges`` as :func:`activation_ranges` gives them."""
    from onnx import helper, numpy_helper

    initializers = {item.name: item for item in model.graph.initializer}
    before: dict[str, Any] = {}
    nodes = _constant_matmuls(model)
    if len(ranges) != len(nodes):
        raise ValueError(f"{len(ranges)} activation ranges for {len(nodes)} matrix products")
    for node, measured in zip(nodes, ranges, strict=True):
        weight = numpy_helper.to_array(initializers[node.input[1]]).astype(np.float32)
        if measured.shape != (weight.shape[0],):
            raise ValueError(f"{node.name}: activation ranges of shape {measured.shape} for a {weight.shape} weight")
        peak = np.maximum(measured, 1e-5)
        factor = (peak**alpha / np.maximum(np.abs(weight).max(axis=1), 1e-5) ** (1 - alpha)).astype(np.float32)
        scaled, inverse, smoothed = (f"{node.name}/smooth/{part}" for part in ("weight", "inverse", "input"))
        model.graph.initializer.append(numpy_helper.from_array(weight * factor[:, None], scaled))
        model.graph.initializer.append(numpy_helper.from_array((1.0 / factor).astype(np.float32), inverse))
        before[node.name] = helper.make_node("Mul", [node.input[0], inverse], [smoothed], name=f"{node.name}/smooth")
        node.input[0], node.input[1] = smoothed, scaled
    nodes = []
    for node in model.graph.node:
        if node.name in before:
            nodes.append(before[node.name])
        nodes.append(node)
    _replace_nodes(model, nodes)


def _replace_nodes(model: Any, nodes: list[Any]) -> None:
    import onnx

    copies = []
    for node in nodes:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copies.append(copy)
    del model.graph.node[:]
    model.graph.node.extend(copies)
    used = {name for node in model.graph.node for name in node.input}
    kept = [item for item in model.graph.initializer if item.name in used]
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)


def feed_forward(model: Any) -> list[str]:
    """The names of the feed-forward projections: the constant matrix products whose weight is not square (BERT's
    attention projections map the hidden size to itself, its feed-forward ones to and from four times it)."""
    from onnx import numpy_helper

    initializers = {item.name: item for item in model.graph.initializer}
    names = []
    for node in _constant_matmuls(model):
        rows, columns = numpy_helper.to_array(initializers[node.input[1]]).shape
        if rows != columns:
            names.append(node.name)
    return names


def block_quantize(model: Any, names: Sequence[str], block: int = BLOCK) -> None:
    """The constant matrix products ``names`` as ``MatMulNBits`` (8-bit symmetric weights, one scale per block of
    ``block`` input rows and output column; activations quantised per block at run time: accuracy level 4)."""
    from onnx import helper, numpy_helper

    initializers = {item.name: item for item in model.graph.initializer}
    wanted = set(names)
    nodes = []
    levels = 2 ** (BITS - 1) - 1
    for node in model.graph.node:
        if node.name not in wanted:
            nodes.append(node)
            continue
        weight = numpy_helper.to_array(initializers[node.input[1]]).astype(np.float32)
        rows, columns = weight.shape
        if rows % block:
            raise ValueError(f"{node.name}: {rows} input rows do not split into blocks of {block}")
        blocks = weight.T.reshape(columns, rows // block, block)
        scales = np.abs(blocks).max(axis=2) / levels
        scales[scales == 0] = 1.0
        # Unsigned with the default zero point 2**(BITS-1): q - 128 is the signed level.
        levels_of = np.clip(np.round(blocks / scales[:, :, None]), -levels, levels) + 2 ** (BITS - 1)
        packed, scale = f"{node.name}/nbits/weight", f"{node.name}/nbits/scale"
        model.graph.initializer.append(numpy_helper.from_array(levels_of.astype(np.uint8), packed))
        model.graph.initializer.append(numpy_helper.from_array(scales.reshape(-1).astype(np.float32), scale))
        nodes.append(
            helper.make_node(
                "MatMulNBits",
                [node.input[0], packed, scale],
                list(node.output),
                name=node.name,
                domain="com.microsoft",
                K=rows,
                N=columns,
                bits=BITS,
                block_size=block,
                accuracy_level=ACCURACY_LEVEL,
            )
        )
    if not any(entry.domain == "com.microsoft" for entry in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    _replace_nodes(model, nodes)


def make_mixed(source: Path, out: Path, ranges: Path = RANGES) -> None:
    """The mixed graph (see the module docstring) from the float graph at ``source`` and the activation ranges at
    ``ranges``, written to ``out``."""
    import onnx

    from crosswire.nlp.onnx_encoder import quantize_int8

    model = onnx.load(str(source))
    smooth(model, stored_ranges(ranges))
    feed = feed_forward(model)
    fd, smoothed = tempfile.mkstemp(dir=out.parent, prefix=".smoothed-", suffix=".onnx")
    os.close(fd)
    try:
        onnx.save(model, smoothed)
        quantize_int8(smoothed, out, exclude=feed)
        model = onnx.load(str(out))
        block_quantize(model, feed)
        onnx.save(model, str(out))
    finally:
        os.unlink(smoothed)
