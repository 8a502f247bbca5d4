"""Scale: throughput, peak memory, the Ray engine and ``serve`` latency, each next to a bare spaCy pass in the same run.

Articles are FNC-1 train bodies, cycled to reach each size; every copy after the first gets a distinct id and a
distinct closing sentence, so the corpus stages see a realistic share of near-duplicates rather than exact copies.

    .venv/bin/python bench/scale.py [--sizes 1000 10000] [--workers 1 2] [--rss-sizes 1000 10000 50000]
                                    [--ray] [--serve-size 10000] [--concurrency 16] [--requests 800]
                                    [--grow-sizes 3000 10000] [--base-store STORE.db] [--serve-workers N]

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


def grow_store(base_db: Path, records: Path, target_db: Path) -> None:
    """A store holding every record of ``records`` (made by :func:`corpus` over the bodies the base analysed), grown
    from the base store, where the first copy of each body was analysed, by copying each analysed copy-0 article to
    the later copies of its body.

    The per-article stages of a copy would give its copy-0's layers (the copies only add a closing sentence, which
    holds no entity, time or statement), so this builds the store a full analysis would, without paying for the
    per-article stages again: the run that follows (``analyze`` over ``records``) reuses every article and measures
    the corpus stages, which read the whole store, at this size. The sentence-vector cache is copied with the store.
    """
    import re
    import sqlite3

    from crosswire.ingest import iter_inputs
    from crosswire.model import Article
    from crosswire.store import content_hash

    source_db, target = sqlite3.connect(base_db), sqlite3.connect(target_db)
    try:
        source_db.backup(target)
    finally:
        source_db.close()
    try:
        base = {
            row[0]: row[1:] for row in target.execute("SELECT id, data, layers, raw_format, verbatim FROM articles")
        }
        position = 1 + (target.execute("SELECT max(position) FROM articles").fetchone()[0] or 0)
        rows = []
        for item in iter_inputs([str(records)]):
            assert isinstance(item, Article), item
            target.execute("UPDATE articles SET source = ? WHERE id = ?", (item.source, item.id))
            match = re.fullmatch(r"(fnc-.+)-(\d+)", item.id)
            if item.id in base or match is None or f"{match[1]}-0" not in base:
                continue
            original = f"{match[1]}-0"
            data, layers, raw_format, verbatim = base[original]
            data = re.sub(rf'(?<="){re.escape(original)}(?=[^\d])', item.id, data)
            parsed = json.loads(data)
            parsed["source"] = item.source
            parsed["text"] = parsed["text"] + item.raw[len(item.raw.split("\n\nUpdate ")[0]) :]
            parsed.pop("_corpus", None)
            rows.append(
                (
                    item.id,
                    content_hash(item),
                    item.source,
                    item.raw,
                    raw_format,
                    verbatim,
                    layers,
                    json.dumps(parsed),
                    position,
                )
            )
            position += 1
        target.executemany(
            "INSERT INTO articles (id, content_hash, source, raw, raw_format, verbatim, layers, data, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        target.execute("UPDATE articles SET data = json_set(data, '$.source', source)")
        # The corpus stages run again over the grown store, even at the base's own size.
        target.execute("DELETE FROM crosswire_meta WHERE key = 'corpus_fingerprint'")
        target.commit()
    finally:
        target.close()


def sqlite_count(db: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_latency(db_url: str, total: int, concurrency: int, requests: int, workers: int | None = None) -> list[float]:
    """Latencies (s) of paged list and get requests at ``concurrency`` against ``crosswire serve`` on loopback."""
    import httpx

    port = free_port()
    processes = ["--workers", str(workers)] if workers else []
    server = subprocess.Popen(
        [str(CROSSWIRE), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port), *processes],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=60) as client:
            for _ in range(1800):
                try:
                    client.get(f"{base}/api/articles?limit=1")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            ids = [a["id"] for a in client.get(f"{base}/api/articles", params={"limit": 500}).json()["items"]]
            stories = [x["id"] for x in client.get(f"{base}/api/stories", params={"limit": 500}).json()["items"]]
            entities = [x["id"] for x in client.get(f"{base}/api/entities", params={"limit": 500}).json()["items"]]
            chooser = random.Random(0)
            paths = []
            for n in range(requests):
                kind = n % 8
                if kind == 0:
                    paths.append(f"/api/articles?limit=50&offset={chooser.randrange(max(1, total - 50))}")
                elif kind == 1:
                    paths.append(f"/api/articles/{chooser.choice(ids)}")
                elif kind == 2:
                    paths.append(f"/api/stories?limit=50&offset={chooser.randrange(100)}")
                elif kind == 3:
                    paths.append(f"/api/entities?limit=50&offset={chooser.randrange(500)}")
                # Filters that cross objects: claims of a story, claims a source confirmed, articles naming an entity.
                elif kind == 4:
                    paths.append(f"/api/claims?limit=50&story={chooser.choice(stories)}")
                elif kind == 5:
                    paths.append(f"/api/claims?limit=50&entity={chooser.choice(entities)}&stance=reports")
                elif kind == 6:
                    paths.append(f"/api/articles?limit=50&entity={chooser.choice(entities)}")
                else:
                    paths.append(f"/api/statements?limit=50&story={chooser.choice(stories)}")

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
    parser.add_argument("--serve-workers", type=int, help="serve --workers (default: serve's own, the cores)")
    parser.add_argument(
        "--grow-sizes",
        type=int,
        nargs="*",
        default=[],
        help="stores of these sizes grown from the smallest --sizes store (see grow_store): corpus-stage time and "
        "peak RSS, and serve latency, at sizes whose per-article stages would take too long to run here",
    )
    parser.add_argument(
        "--base-store",
        type=Path,
        help="grow from this SQLite store (analysed from the records of --base-size articles) instead",
    )
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
                latencies = serve_latency(url, size, args.concurrency, args.requests, args.serve_workers)
                print(
                    f"  serve, {args.requests} paged list/get requests at concurrency {args.concurrency}: "
                    f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms"
                )
        base_db = args.base_store or work / f"out-{min(args.sizes)}-{cores}" / "crosswire.db"
        if args.grow_sizes:
            # Grown stores cycle over the bodies the base store analysed: every article is then a copy of one in it.
            base_size = sqlite_count(base_db)
            print(f"grown stores: copies of the {base_size} analysed articles of {base_db.name}")
        for size in args.grow_sizes:
            records = write_records(corpus(bodies[:base_size], size), work / f"records-{size}.jsonl")
            out = work / f"grown-{size}"
            out.mkdir()
            grow_store(base_db, records, out / "crosswire.db")
            seconds, peak = run_analyze(records, out, "--workers", str(cores))
            print(
                f"{size} articles (grown store): analyze, corpus stages only: {seconds:.1f} s, peak RSS {peak:.0f} MB"
            )
            latencies = serve_latency(
                f"sqlite:///{out / 'crosswire.db'}", size, args.concurrency, args.requests, args.serve_workers
            )
            print(
                f"  serve, {args.requests} paged list/get/filter requests at concurrency {args.concurrency}: "
                f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms"
            )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
