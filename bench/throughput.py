"""Throughput of ``crosswire analyze`` on the FNC-1 train bodies, next to a bare spaCy pass over the same texts.

Machine speed drifts, so the figures that matter are the ratios printed last, measured in the same run: against a
bare spaCy pass on one core and against one on as many processes as analyze had workers (``nlp.pipe(n_process=N)``).
Peak RSS is the analyze process's (its worker processes are counted separately by the OS and not included).

    .venv/bin/python bench/throughput.py [--limit N] [--workers N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
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


def time_analyze(
    bodies: list[tuple[str, str]], workdir: Path, extra: list[str] | None = None
) -> tuple[float, str, str]:
    """Wall seconds of one ``crosswire analyze`` run, and its own account of where the time went (``-v``): wall
    seconds, then CPU seconds, by stage."""
    records = workdir / "bodies.jsonl"
    with records.open("w", encoding="utf-8") as stream:
        for body_id, text in bodies:
            stream.write(json.dumps({"id": f"fnc-{body_id}", "text": text}) + "\n")
    started = time.perf_counter()
    child = subprocess.run(
        [str(CROSSWIRE), "-v", "analyze", str(records), "--out", str(workdir / "out"), "--quiet", *(extra or [])],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.perf_counter() - started
    lines = child.stderr.splitlines()
    wall = [line for line in lines if "time by stage (s): " in line and "cpu time by stage" not in line]
    stages = [line.split("time by stage (s): ", 1)[1] for line in wall]
    cpu = [line.split("cpu time by stage (s): ", 1)[1] for line in lines if "cpu time by stage" in line]
    return elapsed, stages[-1] if stages else "(not reported)", cpu[-1] if cpu else "(not reported)"


def worker_seconds(stages: str) -> float:
    """The CPU seconds of the work done in worker processes: the per-article stages, their embeddings, what they read
    of each article for the corpus stages and the corpus stages' work farmed out to them."""
    from crosswire.engine import CORPUS_IN_WORKERS, CORPUS_READS
    from crosswire.pipeline import ARTICLE_STAGES

    names = {stage.name for stage in ARTICLE_STAGES} | {"embeddings", CORPUS_IN_WORKERS, CORPUS_READS}
    pairs = (part.rsplit(" ", 1) for part in stages.split(", ") if " " in part)
    return sum(float(value) for name, value in pairs if name in names)


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def time_spacy(bodies: list[tuple[str, str]], n_process: int = 1) -> float:
    from crosswire.nlp.spacy_model import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    for _doc in nlp.pipe((text for _, text in bodies), batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - started


def _parse_share(share: tuple[list[str], int, int]) -> float:
    """CPU seconds of a bare spaCy pass over every ``step``-th text from ``first``, in this (forked) process."""
    from crosswire.nlp.spacy_model import load_pipeline

    texts, first, step = share
    started = cpu_seconds(resource.RUSAGE_SELF)
    for _doc in load_pipeline().pipe(texts[first::step], batch_size=64):
        pass
    return cpu_seconds(resource.RUSAGE_SELF) - started


def spacy_cpu_at_once(bodies: list[tuple[str, str]], n_process: int) -> float:
    """CPU seconds of a bare spaCy pass over the texts split between ``n_process`` processes running at the same
    time, each its share, summed (no ``Doc`` sent back, unlike ``nlp.pipe(n_process=N)``): what the same parse costs
    when the cores are all busy, as the parse on analyze's workers is. Forked from this process, which has the
    pipeline loaded."""
    import multiprocessing

    texts = [text for _, text in bodies]
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        return sum(pool.map(_parse_share, [(texts, first, n_process) for first in range(n_process)], chunksize=1))


def bench_arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=None, help="analyze --workers (default: the CLI's default)")
    return parser.parse_args()


def fnc_bodies_from_arguments(description: str) -> list[tuple[str, str]] | None:
    """The FNC-1 bodies a bench script runs on (``--data``, ``--limit``), or None after saying they are absent."""
    args = bench_arguments(description)
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return None
    return load_bodies(args.data, args.limit)


def main() -> int:
    args = bench_arguments(__doc__.splitlines()[0])
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    bodies = load_bodies(args.data, args.limit)
    extra = ["--workers", str(args.workers)] if args.workers is not None else []
    cores = args.workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        analyze_seconds, stages, cpu_stages = time_analyze(bodies, Path(tmp), extra)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # CPU seconds of the whole analyze run and of one bare spaCy pass in this process: unlike wall time, they hardly
    # move when other work shares the machine. The analyze process's own count misses its worker processes (children
    # of its fork server, which nobody reaps), so their stages' CPU seconds, as they reported them, are added.
    driver_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)
    worker_cpu = worker_seconds(cpu_stages) if cores > 1 else 0.0
    analyze_cpu = driver_cpu + worker_cpu
    before = cpu_seconds(resource.RUSAGE_SELF)
    spacy_seconds = time_spacy(bodies)
    spacy_cpu = cpu_seconds(resource.RUSAGE_SELF) - before
    spacy_parallel = time_spacy(bodies, n_process=cores) if cores > 1 else spacy_seconds
    spacy_cpu_parallel = spacy_cpu_at_once(bodies, cores) if cores > 1 else spacy_cpu
    n = len(bodies)
    print(f"articles: {n} (FNC-1 train bodies), {sum(len(t) for _, t in bodies) / 1e6:.1f} M characters")
    label = f"crosswire analyze {' '.join(extra)}".strip()
    print(f"{label} (whole CLI run): {analyze_seconds:7.1f} s  {n / analyze_seconds:8.1f} articles/s")
    print(f"peak RSS of the analyze process: {peak_mb:.0f} MB")
    print(f"where the time went (wall s; per-article stages summed over workers): {stages}")
    print(f"where the time went (CPU s; per-article stages summed over workers): {cpu_stages}")
    print(f"bare spaCy pass, 1 process: {spacy_seconds:7.1f} s  {n / spacy_seconds:8.1f} articles/s")
    print(f"bare spaCy pass, {cores} processes: {spacy_parallel:7.1f} s  {n / spacy_parallel:8.1f} articles/s")
    print(f"ratio analyze / spaCy time (1 process): {analyze_seconds / spacy_seconds:.2f}")
    print(f"ratio analyze / spaCy time ({cores} processes): {analyze_seconds / spacy_parallel:.2f}")
    print(
        f"CPU seconds: analyze {analyze_cpu:.1f} (driver {driver_cpu:.1f} + workers {worker_cpu:.1f}), "
        f"bare spaCy 1 process {spacy_cpu:.1f}; "
        f"ratio {analyze_cpu / spacy_cpu:.2f}"
    )
    if cores > 1:
        parse_cpu = dict(part.rsplit(" ", 1) for part in cpu_stages.split(", ") if " " in part).get("parse")
        print(
            f"CPU seconds of a bare spaCy pass on {cores} processes at once (each its share): "
            f"{spacy_cpu_parallel:.1f} ({spacy_cpu_parallel / spacy_cpu:.2f}x 1 process); "
            f"analyze's parse stage: {parse_cpu or '(not reported)'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
