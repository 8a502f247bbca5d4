"""The activation ranges the claims' mixed encoder graph is smoothed with (``crosswire.nlp.mixed_precision.RANGES``).

Runs the float graph over 1,000 sentences of the last FNC-1 train bodies (from body 1,200 on; the precision bench,
``bench/encoder_precision.py``, measures on the first bodies' sentences) and keeps, per constant matrix product, the
largest absolute value of each input channel. Rewriting the file changes the mixed graph's cache key, so the next run
makes the graph again.

    .venv/bin/python bench/calibrate_encoder.py [--data DIR] [--sentences 1000] [--skip 1200]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from encoder_precision import fnc1_sentences
from throughput import DATA


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--skip", type=int, default=1200, help="bodies skipped (the precision bench reads the first)")
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    from crosswire.nlp import mixed_precision, onnx_encoder

    texts = fnc1_sentences(args.data, args.sentences, args.skip)
    folder = onnx_encoder.model_dir()
    ranges = mixed_precision.activation_ranges(onnx_encoder.exported_model(folder), folder, texts)
    mixed_precision.RANGES.parent.mkdir(parents=True, exist_ok=True)
    mixed_precision.save_ranges(ranges)
    print(f"{len(ranges)} matrix products' input ranges over {len(texts)} sentences -> {mixed_precision.RANGES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
