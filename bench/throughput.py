"""Throughput of ``crosswire analyze`` on the FNC-1 train bodies, next to a bare spaCy pass over the same texts.

Machine speed drifts, so the figure that matters is the ratio printed last, measured in the same run.

    .venv/bin/python bench/throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fnc1-train"
CROSSWIRE = Path(sys.executable).parent / "crosswire"


def load_bodies(data: Path, limit: int | None = None) -> list[tuple[str, str]]:
    csv.field_size_limit(10**8)
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as stream:
        rows = [(row["Body ID"], row["articleBody"]) for row in csv.DictReader(stream)]
    return rows[:limit] if limit else rows


def time_analyze(bodies: list[tuple[str, str]], workdir: Path) -> float:
    records = workdir / "bodies.jsonl"
    with records.open("w", encoding="utf-8") as stream:
        for body_id, text in bodies:
            stream.write(json.dumps({"id": f"fnc-{body_id}", "text": text}) + "\n")
    started = time.perf_counter()
    subprocess.run(
        [str(CROSSWIRE), "analyze", str(records), "--out", str(workdir / "out"), "--quiet"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def time_spacy(bodies: list[tuple[str, str]]) -> float:
    from crosswire.nlp.spacy_model import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    for _doc in nlp.pipe((text for _, text in bodies), batch_size=64):
        pass
    return time.perf_counter() - started


def fnc_bodies_from_arguments(description: str) -> list[tuple[str, str]] | None:
    """The FNC-1 bodies a bench script runs on (``--data``, ``--limit``), or None after saying they are absent."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return None
    return load_bodies(args.data, args.limit)


def main() -> int:
    bodies = fnc_bodies_from_arguments(__doc__.splitlines()[0])
    if bodies is None:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        analyze_seconds = time_analyze(bodies, Path(tmp))
    spacy_seconds = time_spacy(bodies)
    n = len(bodies)
    print(f"articles: {n} (FNC-1 train bodies), {sum(len(t) for _, t in bodies) / 1e6:.1f} M characters")
    print(f"crosswire analyze (whole CLI run): {analyze_seconds:7.1f} s  {n / analyze_seconds:8.1f} articles/s")
    print(f"bare spaCy pass (en_core_web_sm): {spacy_seconds:7.1f} s  {n / spacy_seconds:8.1f} articles/s")
    print(f"ratio analyze / spaCy time: {analyze_seconds / spacy_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
