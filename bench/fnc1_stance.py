"""Stance on FNC-1 train, split by body: FNC-1 score, macro-F1, per-class F1, confusion matrix and throughput.

The 1,683 train bodies are split by a seeded shuffle: 20 % of the bodies (and every pair that uses them) are *dev*,
the rest *train* -- the only pairs ``bench/train_stance.py`` learns from. The dev pairs go through the public
contract, ``crosswire check --pairs FILE`` (one JSON line ``{"id", "claim", "text"}`` per pair, the body's full
text in every line), and are scored with the metric of ``../shared/data/README.md``:

- FNC-1 score: +0.25 when gold and prediction are both unrelated; when gold is related, +0.25 for any related
  label and +0.75 more for the exact one; reported as a share of the maximum;
- macro-F1 over the four classes, per-class F1 and the confusion matrix (rows gold, columns predicted).

Throughput: pairs per second of that ``--pairs`` run (the whole CLI, start-up included) and, because machine speed
drifts, its time over the time of a bare spaCy ``nlp.pipe`` pass over the same dev bodies, measured in the same run.

    .venv/bin/python bench/fnc1_stance.py [--limit N] [--in-process [--cached] [--model FILE]]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fnc1-train"
CROSSWIRE = Path(sys.executable).parent / "crosswire"
SEED = 20170601
DEV_SHARE = 0.2
LABELS = {"agree": "supports", "disagree": "refutes", "discuss": "discusses", "unrelated": "unrelated"}
CLASSES = ("supports", "refutes", "discusses", "unrelated")


@dataclass(frozen=True)
class Pair:
    claim: str
    body: str  # body id
    stance: str  # crosswire's label


def load(data: Path = DATA) -> tuple[dict[str, str], list[Pair]]:
    """Body id -> text, and every headline/body pair with its label mapped to Crosswire's stances."""
    csv.field_size_limit(10**8)
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as stream:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(stream)}
    with (data / "train_stances.csv").open(encoding="utf-8", newline="") as stream:
        pairs = [Pair(row["Headline"], row["Body ID"], LABELS[row["Stance"]]) for row in csv.DictReader(stream)]
    return bodies, pairs


def split_bodies(body_ids: list[str], seed: int = SEED, share: float = DEV_SHARE) -> tuple[set[str], set[str]]:
    """(train, dev) body ids: a seeded shuffle of the sorted ids, the first ``share`` of them dev."""
    ordered = sorted(body_ids, key=int)
    random.Random(seed).shuffle(ordered)
    cut = round(len(ordered) * share)
    return set(ordered[cut:]), set(ordered[:cut])


def fnc_score(gold: list[str], predicted: list[str]) -> float:
    """The FNC-1 score as a share of its maximum."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == "unrelated" and p == "unrelated":
            score += 0.25
        elif g != "unrelated" and p != "unrelated":
            score += 0.25 + (0.75 if g == p else 0.0)
    return score / best if best else 0.0


def per_class_f1(gold: list[str], predicted: list[str]) -> dict[str, float]:
    f1 = {}
    for label in CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        f1[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    f1 = per_class_f1(gold, predicted)
    return {
        "fnc": fnc_score(gold, predicted),
        "macro_f1": sum(f1.values()) / len(f1),
        "accuracy": sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold),
        **{f"f1_{label}": value for label, value in f1.items()},
    }


def print_report(gold: list[str], predicted: list[str]) -> dict[str, float]:
    result = scores(gold, predicted)
    print(f"pairs: {len(gold)}  gold: {dict(Counter(gold))}")
    print(f"FNC-1 score: {result['fnc']:.4f}   macro-F1: {result['macro_f1']:.4f}   accuracy: {result['accuracy']:.4f}")
    print("per-class F1: " + "  ".join(f"{label} {result[f'f1_{label}']:.4f}" for label in CLASSES))
    confusion = Counter(zip(gold, predicted, strict=True))
    print("confusion (rows gold, columns predicted):")
    print(" " * 11 + "".join(f"{label:>11}" for label in CLASSES))
    for g in CLASSES:
        print(f"{g:>11}" + "".join(f"{confusion[(g, p)]:>11}" for p in CLASSES))
    return result


def dev_pairs(data: Path = DATA, limit: int | None = None) -> tuple[dict[str, str], list[Pair]]:
    bodies, pairs = load(data)
    _, dev = split_bodies(list(bodies))
    chosen = [p for p in pairs if p.body in dev]
    return bodies, chosen[:limit] if limit else chosen


def write_pairs_file(bodies: dict[str, str], pairs: list[Pair], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for i, pair in enumerate(pairs):
            stream.write(json.dumps({"id": str(i), "claim": pair.claim, "text": bodies[pair.body]}) + "\n")


def run_cli(path: Path) -> tuple[list[str], float]:
    """The stances ``crosswire check --pairs`` writes for ``path``, and the wall time of the run."""
    started = time.perf_counter()
    done = subprocess.run([str(CROSSWIRE), "check", "--pairs", str(path)], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    return [json.loads(line)["stance"] for line in done.stdout.splitlines()], seconds


def run_in_process(
    bodies: dict[str, str], pairs: list[Pair], *, cached: bool = False, model_path: Path | None = None
) -> list[str]:
    """Stances from :func:`~crosswire.check.pairs.check_pairs`; ``cached`` reuses (and fills) the sentence
    embeddings cached by ``bench/train_stance.py`` (the same vectors, so the same stances); ``model_path`` reads
    another model file than the shipped one (a candidate written by ``train_stance.py --out``)."""
    from crosswire.check.model import read_model
    from crosswire.check.pairs import Pair as Record
    from crosswire.check.pairs import check_pairs

    encoder = None
    if cached:
        from train_stance import CACHE, CachedEncoder

        encoder = CachedEncoder(CACHE / "embeddings.npz")
    records = [Record(id=str(i), claim=p.claim, text=bodies[p.body], line=i + 1) for i, p in enumerate(pairs)]
    model = read_model(model_path) if model_path else None
    return [r.stance for r in check_pairs(records, encoder=encoder, model=model)]


def measure() -> dict[str, float]:
    """Dev scores through the library (no subprocess), for the quality gate."""
    bodies, pairs = dev_pairs()
    return scores([p.stance for p in pairs], run_in_process(bodies, pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N dev pairs")
    parser.add_argument("--in-process", action="store_true", help="call the library instead of the CLI; no timing")
    parser.add_argument(
        "--cached", action="store_true", help="with --in-process: reuse the embeddings cached by train_stance.py"
    )
    parser.add_argument("--model", type=Path, default=None, help="with --in-process: read this model file")
    args = parser.parse_args()
    if not (args.data / "train_stances.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    bodies, pairs = dev_pairs(args.data, args.limit)
    gold = [p.stance for p in pairs]
    if args.in_process:
        print_report(gold, run_in_process(bodies, pairs, cached=args.cached, model_path=args.model))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev_pairs.jsonl"
        write_pairs_file(bodies, pairs, path)
        predicted, seconds = run_cli(path)
    print_report(gold, predicted)
    from throughput import time_spacy

    used = sorted({p.body for p in pairs}, key=int)
    spacy_seconds = time_spacy([(body, bodies[body]) for body in used])
    print(f"crosswire check --pairs: {len(pairs)} pairs over {len(used)} bodies in {seconds:.1f} s")
    print(f"  {len(pairs) / seconds:.1f} pairs/s (whole CLI run, model loading included)")
    print(f"bare spaCy pass (en_core_web_sm) over the same bodies: {spacy_seconds:.1f} s")
    print(f"ratio check --pairs / spaCy time: {seconds / spacy_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
