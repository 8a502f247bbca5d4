"""How far each encoder graph's vectors are from the float graph's, and what each costs: the claims' encoder choice.

Sentences of the FNC-1 train bodies (the sentence splitter's, in body order, up to ``--sentences``), each graph on one
thread over the same chunks of 200 sentences, interleaved so that the machine's load falls on all alike; CPU seconds
(``time.process_time``), not wall time. Cosine of each sentence's vector to the float graph's: mean, 1st percentile,
minimum. The float, int8 and mixed graphs are the ones the encoder runs (made in the cache if needed);
``--candidates`` also builds the variants the mixed graph was chosen from, in a temporary folder.

    .venv/bin/python bench/encoder_precision.py [--sentences 2000] [--candidates] [--sensitivity] [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from embeddings import interleaved
from throughput import DATA, load_bodies


def fnc1_sentences(data: Path, count: int, skip: int = 0) -> list[str]:
    """Up to ``count`` sentences of the FNC-1 train bodies, in body order from the ``skip``-th body on."""
    from crosswire.nlp.sentences import split_sentences

    texts: list[str] = []
    for _, body in load_bodies(data)[skip:]:
        for start, end in split_sentences(body):
            text = body[start:end].strip()
            if len(text) > 3:
                texts.append(text)
        if len(texts) >= count:
            break
    return texts[:count]


def variant(source: Path, folder: Path, out: Path, *, alpha: float | None, blocks: str, block: int = 128) -> Path:
    """A candidate graph: smoothed with ``alpha`` (None: not smoothed); ``blocks`` says which constant matrix products
    run as 8-bit blocks ("all", "feed-forward", "feed-forward down", "value and feed-forward", "none"), the others
    dynamically quantised as in the int8 graph."""
    import onnx

    from crosswire.nlp import mixed_precision as mp
    from crosswire.nlp import onnx_encoder

    model = onnx.load(str(source))
    if alpha is not None:
        mp.smooth(model, mp.stored_ranges(), alpha)
    names = [node.name for node in mp._constant_matmuls(model)]
    feed = mp.feed_forward(model)
    chosen = {
        "all": names,
        "none": [],
        "feed-forward": feed,
        "feed-forward down": [name for name in feed if "output" in name],
        "value and feed-forward": [*feed, *(name for name in names if "value" in name)],
    }[blocks]
    smoothed = out.with_suffix(".smoothed.onnx")
    onnx.save(model, str(smoothed))
    if len(chosen) < len(names):
        onnx_encoder.quantize_int8(smoothed, out, exclude=list(chosen))
    else:
        smoothed.replace(out)
    model = onnx.load(str(out))
    mp.block_quantize(model, chosen, block)
    onnx.save(model, str(out))
    return out


def sensitivity(source: Path, folder: Path, texts: list[str], reference: np.ndarray) -> None:
    """Per constant matrix product: the int8 graph's quantisation of it alone (every other one left float), and the
    cosine to the float vectors lost on ``texts`` (mean and 1st percentile of 1 - cosine)."""
    import onnx

    from crosswire.nlp import mixed_precision as mp
    from crosswire.nlp import onnx_encoder
    from crosswire.nlp.onnx_encoder import OnnxEncoder

    names = [node.name for node in mp._constant_matmuls(onnx.load(str(source)))]
    print(f"int8 one matrix product at a time, {len(texts)} sentences: 1 - cosine to float, mean and 1st percentile")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "one.onnx"
        for name in names:
            onnx_encoder.quantize_int8(source, out, exclude=[other for other in names if other != name])
            loss = 1 - np.sum(OnnxEncoder(out, folder, threads=1).encode(texts) * reference, axis=1)
            print(f"{name}: {loss.mean():.6f} {np.percentile(loss, 99):.6f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--candidates", action="store_true", help="also the variants the mixed graph was chosen from")
    parser.add_argument(
        "--sensitivity",
        action="store_true",
        help="the cosine lost when only one matrix product is quantised as in the int8 graph, one by one",
    )
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    import logging

    from threadpoolctl import threadpool_limits

    from crosswire.nlp import onnx_encoder

    logging.getLogger().setLevel(logging.ERROR)  # the quantiser's advice to pre-process the graph
    threadpool_limits(1)
    folder = onnx_encoder.model_dir()
    texts = fnc1_sentences(args.data, args.sentences)
    graphs: dict[str, Path] = {
        "float": onnx_encoder.exported_model(folder),
        "int8": onnx_encoder.quantized_model(folder),
        "mixed": onnx_encoder.mixed_model(folder),
    }
    with tempfile.TemporaryDirectory() as scratch:
        if args.candidates:
            source = graphs["float"]
            builds: dict[str, Callable[[Path], Path]] = {
                "blocks of 32 everywhere": lambda p: variant(source, folder, p, alpha=None, blocks="all", block=32),
                "blocks of 128 everywhere": lambda p: variant(source, folder, p, alpha=None, blocks="all"),
                "smoothed, int8 everywhere": lambda p: variant(source, folder, p, alpha=0.7, blocks="none"),
                "smoothed (0.5), int8 everywhere": lambda p: variant(source, folder, p, alpha=0.5, blocks="none"),
                "smoothed, blocks of 128 everywhere": lambda p: variant(source, folder, p, alpha=0.7, blocks="all"),
                "smoothed, blocks of 64 everywhere": lambda p: variant(
                    source, folder, p, alpha=0.7, blocks="all", block=64
                ),
                "smoothed, int8 but FFN down in blocks": lambda p: variant(
                    source, folder, p, alpha=0.7, blocks="feed-forward down"
                ),
                "smoothed, int8 but value and FFN in blocks": lambda p: variant(
                    source, folder, p, alpha=0.7, blocks="value and feed-forward"
                ),
            }
            for number, (name, build) in enumerate(builds.items()):
                graphs[name] = build(Path(scratch) / f"candidate-{number}.onnx")
        encoders = {name: onnx_encoder.OnnxEncoder(path, folder, threads=1) for name, path in graphs.items()}
        seconds, vectors = interleaved(encoders, texts)
    reference = vectors["float"]
    if args.sensitivity:
        sensitivity(graphs["float"], folder, texts[::4], reference[::4])
    mean_length = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} FNC-1 sentences, {mean_length:.0f} characters on average; one thread, CPU seconds")
    print("| graph | cosine to float: mean | 1st percentile | min | CPU s | less CPU than float |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in encoders:
        cosines = np.sum(vectors[name] * reference, axis=1)
        print(
            f"| {name} | {cosines.mean():.5f} | {np.percentile(cosines, 1):.5f} | {cosines.min():.5f} | "
            f"{seconds[name]:.1f} | {seconds['float'] / seconds[name]:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
