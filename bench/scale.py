"""Scale: throughput, peak memory, the Ray engine and ``serve`` latency, each next to a bare spaCy pass in the same run.

Articles are FNC-1 train bodies, cycled to reach each size; every copy after the first gets a distinct id and a
distinct closing sentence, so the corpus stages see a realistic share of near-duplicates rather than exact copies.

    .venv/bin/python bench/scale.py [--sizes 1000 10000] [--workers 1 2] [--rss-sizes 1000 10000 50000]
                                    [--ray] [--serve-size 10000] [--concurrency 16] [--requests 800]

Every figure is printed with the bare spaCy time over the same texts (``nlp.pipe``, one process and ``--workers``
processes) so machine speed cancels out. The server binds 127.0.0.1 only and is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DATA, load_bodies, time_spacy

CROSSWIRE = Path(sys.executable).parent / "crosswire"


def corpus(bodies: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    out = []
    for n in range(size):
        body_id, text = bodies[n % len(bodies)]
        copy = n // len(bodies)
        out.append((f"fnc-{body_id}-{copy}", text if copy == 0 else f"{text}\n\nUpdate {copy}: no further comment."))
    return out


def write_records(articles: list[tuple[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for article_id, text in articles:
            stream.write(json.dumps({"id": article_id, "text": text}) + "\n")
    return path


def run_analyze(records: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``crosswire analyze`` process (a fresh child each time)."""
    started = time.perf_counter()
    child = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(CROSSWIRE), "analyze", str(records), "--out", str(out), "-q", *extra],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_kb = int(child.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_latency(db_url: str, total: int, concurrency: int, requests: int) -> list[float]:
    """Latencies (s) of paged list and get requests at ``concurrency`` against ``crosswire serve`` on loopback."""
    import httpx

    port = free_port()
    server = subprocess.Popen(
        [str(CROSSWIRE), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=60) as client:
            for _ in range(600):
                try:
                    client.get(f"{base}/api/articles?limit=1")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            ids = [a["id"] for a in client.get(f"{base}/api/articles", params={"limit": 500}).json()["items"]]
            chooser = random.Random(0)
            paths = []
            for n in range(requests):
                kind = n % 4
                if kind == 0:
                    paths.append(f"/api/articles?limit=50&offset={chooser.randrange(max(1, total - 50))}")
                elif kind == 1:
                    paths.append(f"/api/articles/{chooser.choice(ids)}")
                elif kind == 2:
                    paths.append(f"/api/stories?limit=50&offset={chooser.randrange(100)}")
                else:
                    paths.append(f"/api/entities?limit=50&offset={chooser.randrange(500)}")

            def timed(path: str) -> float:
                started = time.perf_counter()
                response = client.get(base + path)
                response.raise_for_status()
                return time.perf_counter() - started

            with ThreadPoolExecutor(concurrency) as pool:
                return list(pool.map(timed, paths))
    finally:
        server.terminate()
        server.wait(30)


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--rss-sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--ray", action="store_true", help="also time --engine ray at the smallest size")
    parser.add_argument("--serve-size", type=int, default=10000, help="0: skip the serve latency figure")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800)
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    bodies = load_bodies(args.data)
    cores = max(args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in sorted(set(args.sizes) | set(args.rss_sizes) | ({args.serve_size} - {0})):
            articles = corpus(bodies, size)
            records = write_records(articles, work / f"records-{size}.jsonl")
            spacy_one = time_spacy(articles)
            spacy_all = time_spacy(articles, n_process=cores) if cores > 1 else spacy_one
            print(f"{size} articles: bare spaCy {spacy_one:.1f} s (1 process), {spacy_all:.1f} s ({cores} processes)")
            for workers in args.workers if size in args.sizes else [cores]:
                out = work / f"out-{size}-{workers}"
                seconds, peak = run_analyze(records, out, "--workers", str(workers), "--fresh")
                spacy = spacy_one if workers == 1 else spacy_all
                print(
                    f"  analyze --workers {workers}: {seconds:.1f} s, {size / seconds:.1f} articles/s, "
                    f"ratio to bare spaCy on {workers} process(es) {seconds / spacy:.2f}, peak RSS {peak:.0f} MB"
                )
            if args.ray and size == min(args.sizes):
                seconds, peak = run_analyze(records, work / "out-ray", "--engine", "ray", "--workers", str(cores))
                print(f"  analyze --engine ray (local, {cores} CPUs): {seconds:.1f} s, ratio {seconds / spacy_all:.2f}")
            if size == args.serve_size:
                url = f"sqlite:///{work / f'out-{size}-{cores}' / 'crosswire.db'}"
                latencies = serve_latency(url, size, args.concurrency, args.requests)
                print(
                    f"  serve, {args.requests} paged list/get requests at concurrency {args.concurrency}: "
                    f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms"
                )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
