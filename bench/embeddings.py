"""The sentence encoder's backends side by side: CPU seconds per sentence and agreement of their vectors.

The sentences are the ones ``analyze`` embeds for the corpus stages (leads, propositions, contexts), taken from the
first FNC-1 train bodies after the per-article stages. The backends (torch, the float32 ONNX graph and its int8
quantisation) run on one thread (as in a worker process), over the same chunks of 200 sentences (about what one
worker chunk embeds), interleaved so that the machine's load falls on all alike. CPU seconds, not wall time: the
machine is shared.

    .venv/bin/python bench/embeddings.py [--limit N] [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DATA, load_bodies

CHUNK = 200


def corpus_texts(bodies: list[tuple[str, str]]) -> list[str]:
    """What the per-article workers would embed for these bodies."""
    from crosswire.context import Context
    from crosswire.ingest.records import ArticleRecord, record_to_article
    from crosswire.pipeline import corpus_sentences, run_article_batch

    articles = [
        record_to_article(
            ArticleRecord(id=f"fnc-{key}", text=text), source=f"fnc-{key}", fallback_id=key, verbatim=False
        )
        for key, text in bodies
    ]
    done, _ = run_article_batch(articles, Context())
    return corpus_sentences(done)


def interleaved(encoders: dict[str, Any], texts: list[str]) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """Each encoder over the same chunks of :data:`CHUNK` texts, taking turns chunk by chunk so that the machine's
    load falls on all alike, after a warm-up that is not counted: the CPU seconds of each and its vectors."""
    seconds = dict.fromkeys(encoders, 0.0)
    vectors: dict[str, list[np.ndarray]] = {name: [] for name in encoders}
    for encoder in encoders.values():
        encoder.encode(texts[:16])
    for start in range(0, len(texts), CHUNK):
        for name, encoder in encoders.items():
            began = time.process_time()
            vectors[name].append(encoder.encode(texts[start : start + CHUNK]))
            seconds[name] += time.process_time() - began
    return seconds, {name: np.concatenate(parts) for name, parts in vectors.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    from threadpoolctl import threadpool_limits

    from crosswire.nlp import embeddings

    threadpool_limits(1)
    embeddings.set_threads(1)
    texts = corpus_texts(load_bodies(args.data, args.limit))
    encoders = {name: embeddings.load_encoder(name) for name in embeddings.BACKENDS}
    seconds, vectors = interleaved(encoders, texts)
    mean_length = sum(map(len, texts)) / len(texts)
    print(f"sentences: {len(texts)} from {args.limit} FNC-1 bodies, {mean_length:.0f} characters on average")
    for name in encoders:
        rate = len(texts) / seconds[name]
        print(f"{name}: {seconds[name]:.1f} CPU s, {rate:.1f} sentences per CPU second (1 thread)")
    print(f"speed-up onnx over torch: {seconds['torch'] / seconds['onnx']:.2f}x")
    onnx, torch = vectors["onnx"], vectors["torch"]
    cosines = np.sum(onnx * torch, axis=1)
    print(
        f"cosine onnx to torch: min {cosines.min():.7f}, mean {cosines.mean():.7f}, "
        f"share >= 0.9999: {np.mean(cosines >= 0.9999):.4f}"
    )
    if encoders["int8"].backend == "int8":
        print(f"speed-up int8 over onnx: {seconds['onnx'] / seconds['int8']:.2f}x")
        cosines = np.sum(vectors["int8"] * onnx, axis=1)
        print(
            f"cosine int8 to onnx: min {cosines.min():.4f}, mean {cosines.mean():.4f}, "
            f"1st percentile {np.percentile(cosines, 1):.4f}, share >= 0.99: {np.mean(cosines >= 0.99):.4f}"
        )
    else:
        print("int8: its graph could not be made here; the float graph ran in its place")
    return 0


if __name__ == "__main__":
    sys.exit(main())
