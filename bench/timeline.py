"""A timeline of one ``analyze --workers N`` run on FNC-1 train bodies: when each worker is busy, what the driver does.

The run is ``crosswire.analyze.analyze`` in this process (the driver), its pool started as the CLI starts it. Each
worker records the wall span and CPU seconds of every chunk it analyses and every corpus task it runs (the pool's
fork server imports this file as a module, which wraps the worker's entry points there only); the driver records the
span of every step it times (storing a batch, each corpus stage, storing the corpus, writing the dossier). Printed:
the driver's steps in order with how many workers were busy meanwhile, each worker's busy and idle seconds, and the
seconds of the run when fewer than N workers were busy (the serial part: the driver alone, or a worker waiting for
the other's last chunk), and the driver's CPU seconds by how many workers were busy (a thread reads the driver's CPU
time every 0.2 s): with none busy, the CPU of the run's serial part.

    .venv/bin/python bench/timeline.py [--limit 300] [--workers 2] [--spans] [--out DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TRACE = "CROSSWIRE_BENCH_TIMELINE"


def _record(kind: str, started: float, cpu: float, **extra: Any) -> None:
    line = {"pid": os.getpid(), "kind": kind, "start": started, "end": time.time(), "cpu": time.process_time() - cpu}
    line.update(extra)
    with open(os.environ[TRACE], "a", encoding="utf-8") as stream:
        stream.write(json.dumps(line) + "\n")


def _probe_workers() -> None:
    """In the fork server (so in every worker): record each chunk and each corpus task."""
    import crosswire.engine as engine
    import crosswire.engine.local as local

    if getattr(local._work, "probed", False):
        return
    work, timed_call, init = local._work, engine.timed_call, local._init_worker

    def probed_init(context: Any) -> None:
        started, cpu = time.time(), time.process_time()
        try:
            init(context)
        finally:
            _record("init", started, cpu)

    def probed_work(articles: Any) -> Any:
        started, cpu = time.time(), time.process_time()
        try:
            return work(articles)
        finally:
            _record("chunk", started, cpu, n=len(articles))

    def probed_call(fn: Callable[[Any], Any], item: Any) -> Any:
        started, cpu = time.time(), time.process_time()
        try:
            return timed_call(fn, item)
        finally:
            _record(f"map {getattr(fn, '__name__', None) or getattr(fn, 'func', fn).__name__}", started, cpu)

    probed_work.probed = True  # type: ignore[attr-defined]
    local._work = probed_work
    local._init_worker = probed_init
    engine.timed_call = probed_call


if __name__ != "__main__" and os.environ.get(TRACE):
    _probe_workers()


def _probe_driver(spans: list[dict[str, Any]]) -> None:
    """Record every step the driver times (``pipeline.timed``, as imported by the pipeline and by analyze)."""
    import crosswire.analyze as analyze
    import crosswire.pipeline as pipeline

    timed = pipeline.timed

    @contextmanager
    def probed(seconds: Any, name: str) -> Iterator[None]:
        started, cpu = time.time(), time.process_time()
        try:
            with timed(seconds, name):
                yield
        finally:
            spans.append({"kind": name, "start": started, "end": time.time(), "cpu": time.process_time() - cpu})

    pipeline.timed = probed  # type: ignore[assignment]
    analyze.timed = probed  # type: ignore[assignment]


def busy_counts(spans: list[dict[str, Any]], start: float, end: float) -> dict[int, float]:
    """Seconds of ``start``..``end`` during which exactly k of the ``spans`` were open, by k."""
    edges = sorted({start, end, *(min(max(s[key], start), end) for s in spans for key in ("start", "end"))})
    counts: dict[int, float] = defaultdict(float)
    for left, right in itertools.pairwise(edges):
        middle = (left + right) / 2
        counts[sum(1 for s in spans if s["start"] <= middle < s["end"])] += right - left
    return dict(counts)


class CpuSampler:
    """The driver's process CPU seconds, read every ``every`` seconds by a thread (which costs next to nothing), so the
    CPU the driver spent while no worker was busy can be summed over the run, inside steps too (the claims stage
    alternates between its own work and waiting for the workers')."""

    def __init__(self, every: float = 0.2) -> None:
        self.samples: list[tuple[float, float]] = [(time.time(), time.process_time())]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append((time.time(), time.process_time()))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append((time.time(), time.process_time()))

    def cpu_by_busy(self, spans: list[dict[str, Any]], start: float, end: float) -> dict[int, float]:
        """The driver's CPU seconds in ``start``..``end`` by how many of ``spans`` were open (at each interval's
        middle)."""
        found: dict[int, float] = defaultdict(float)
        for (left, cpu_left), (right, cpu_right) in itertools.pairwise(self.samples):
            middle = (left + right) / 2
            if start <= middle < end:
                found[sum(1 for s in spans if s["start"] <= middle < s["end"])] += cpu_right - cpu_left
        return dict(found)


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from throughput import DATA, load_bodies

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spans", action="store_true", help="print every driver span and worker span")
    parser.add_argument("--out", type=Path, help="keep the run's dossier (and store) in this folder")
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    bodies = load_bodies(args.data, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # In ``--out`` when given, so two runs' dossiers (which name their input) compare byte for byte.
        records = (args.out or work) / "bodies.jsonl"
        records.parent.mkdir(parents=True, exist_ok=True)
        with records.open("w", encoding="utf-8") as stream:
            for body_id, text in bodies:
                stream.write(json.dumps({"id": f"fnc-{body_id}", "text": text}) + "\n")
        trace = work / "trace.jsonl"
        trace.touch()
        os.environ[TRACE] = str(trace)
        t0, cpu0 = time.time(), time.process_time()
        sampler = CpuSampler()
        import crosswire.engine.local as local

        local.FORK_SERVER_PRELOAD = (*local.FORK_SERVER_PRELOAD, Path(__file__).stem)
        local.start_fork_server()
        from crosswire.analyze import analyze

        driver: list[dict[str, Any]] = []
        _probe_driver(driver)
        result = analyze([str(records)], args.out or work / "out", workers=args.workers, fresh=True)
        t1 = time.time()
        # This process only: the workers are the fork server's children, never reaped here.
        driver_cpu = time.process_time() - cpu0
        sampler.stop()
        rows = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    workers = sorted({row["pid"] for row in rows})
    inits = [row for row in rows if row["kind"] == "init"]
    rows = [row for row in rows if row["kind"] != "init"]
    chunks = [row for row in rows if row["kind"] == "chunk"]
    tasks = [row for row in rows if row["kind"] != "chunk"]
    phase_end = max(row["end"] for row in chunks)
    first = min(row["start"] for row in chunks)
    print(f"articles: {len(result.dossier.articles)}; wall {t1 - t0:.1f} s; driver CPU {driver_cpu:.1f} s")
    print(
        f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end; peak RSS of the driver "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(f"start until the first chunk starts on a worker: {first - t0:.1f} s")
    for row in inits:
        print(
            f"  worker {row['pid']} loads its models {row['start'] - t0:.1f} .. {row['end'] - t0:.1f} s "
            f"(CPU {row['cpu']:.1f})"
        )
    print(f"per-article phase (first chunk start .. last chunk end): {phase_end - first:.1f} s")
    for pid in workers:
        mine = [row for row in chunks if row["pid"] == pid]
        jobs = [row for row in tasks if row["pid"] == pid]
        print(
            f"  worker {pid}: {len(mine)} chunks, busy {sum(r['end'] - r['start'] for r in mine):.1f} s "
            f"(CPU {sum(r['cpu'] for r in mine):.1f}), last chunk ends {phase_end - max(r['end'] for r in mine):.1f} s "
            f"before the phase; corpus tasks {len(jobs)}, busy {sum(r['end'] - r['start'] for r in jobs):.1f} s "
            f"(CPU {sum(r['cpu'] for r in jobs):.1f})"
        )
    by_task: dict[str, list[float]] = {}
    for row in tasks:
        total = by_task.setdefault(row["kind"], [0.0, 0.0, 0.0])
        total[0] += 1
        total[1] += row["end"] - row["start"]
        total[2] += row["cpu"]
    print("the workers' corpus tasks by function (tasks, busy s, CPU s):")
    for name, (count, wall, cpu) in sorted(by_task.items(), key=lambda item: -item[1][2]):
        print(f"  {name}: {count:.0f} tasks, busy {wall:.1f} s, CPU {cpu:.2f}")
    print("driver steps (wall s, CPU s, then seconds with 0/1/2.. workers busy):")
    merged: dict[str, list[float]] = {}
    for span in driver:
        busy = busy_counts(rows, span["start"], span["end"])
        total = merged.setdefault(span["kind"], [0.0, 0.0, 0.0] + [0.0] * (len(workers) + 1))
        total[0] += 1
        total[1] += span["end"] - span["start"]
        total[2] += span["cpu"]
        for k, value in busy.items():
            total[3 + k] += value
        if args.spans:
            print(f"    {span['start'] - t0:7.1f} {span['kind']}: {span['end'] - span['start']:.2f} s")
    for name, (count, wall, cpu, *busy) in merged.items():
        spread = " / ".join(f"{value:.1f}" for value in busy)
        print(f"  {name} (x{count:.0f}): {wall:.2f} s, CPU {cpu:.2f}; workers busy 0/1/..: {spread}")
    overall = busy_counts(rows, t0, t1)
    print(
        "whole run, seconds with 0/1/.. workers busy: "
        + " / ".join(f"{k}: {overall.get(k, 0.0):.1f}" for k in range(len(workers) + 1))
    )
    in_phase = busy_counts(rows, first, phase_end)
    after = busy_counts(rows, phase_end, t1)
    print(
        "  in the per-article phase: " + " / ".join(f"{k}: {in_phase.get(k, 0.0):.1f}" for k in range(len(workers) + 1))
    )
    print("  after it: " + " / ".join(f"{k}: {after.get(k, 0.0):.1f}" for k in range(len(workers) + 1)))
    for name, (start, end) in {"whole run": (t0, t1), "after the per-article phase": (phase_end, t1)}.items():
        cpu = sampler.cpu_by_busy(rows, start, end)
        print(
            f"driver CPU s, {name}, with 0/1/.. workers busy: "
            + " / ".join(f"{k}: {cpu.get(k, 0.0):.2f}" for k in range(len(workers) + 1))
        )
    idle = sum((len(workers) - k) * value for k, value in overall.items())
    print(f"worker-seconds idle over the run: {idle:.1f} (of {len(workers) * (t1 - t0):.1f})")
    if args.spans:
        for row in sorted(rows, key=lambda r: r["start"]):
            print(f"    {row['start'] - t0:7.1f} .. {row['end'] - t0:7.1f} {row['pid']} {row['kind']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
