"""CPU per ``/api`` request, by kind, in-process: what each of ``bench/scale.py``'s serve requests costs on one core.

    .venv/bin/python bench/serve_cpu.py STORE.db [--requests 100]

Each kind (the eight of ``bench/scale.py``'s serve figure) is sent ``--requests`` times, one at a time, through
FastAPI's test client; the figure is the process's CPU time per request (client side included, so it is an upper
bound), which a shared machine's load barely moves, unlike wall-clock latency under concurrency.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a SQLite store (crosswire.db)")
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    if not args.store.is_file():
        print(f"skip: {args.store} not found")
        return 0
    from fastapi.testclient import TestClient

    from crosswire.web import create_app

    with TestClient(create_app(f"sqlite:///{args.store}"), base_url="http://127.0.0.1") as client:
        total = client.get("/api/articles?limit=1").json()["total"]
        ids = [a["id"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]]
        stories = [x["id"] for x in client.get("/api/stories", params={"limit": 500}).json()["items"]]
        entities = [x["id"] for x in client.get("/api/entities", params={"limit": 500}).json()["items"]]
        chooser = random.Random(0)
        kinds: dict[str, Callable[[], str]] = {
            "articles page": lambda: f"/api/articles?limit=50&offset={chooser.randrange(max(1, total - 50))}",
            "article get": lambda: f"/api/articles/{chooser.choice(ids)}",
            "stories page": lambda: f"/api/stories?limit=50&offset={chooser.randrange(100)}",
            "entities page": lambda: f"/api/entities?limit=50&offset={chooser.randrange(500)}",
            "claims of a story": lambda: f"/api/claims?limit=50&story={chooser.choice(stories)}",
            "claims entity+stance": lambda: f"/api/claims?limit=50&entity={chooser.choice(entities)}&stance=reports",
            "articles of an entity": lambda: f"/api/articles?limit=50&entity={chooser.choice(entities)}",
            "statements of a story": lambda: f"/api/statements?limit=50&story={chooser.choice(stories)}",
        }
        loadavg = Path("/proc/loadavg")
        load = " ".join(loadavg.read_text().split()[:3]) if loadavg.exists() else "?"
        print(f"{args.store.name}: {total} articles; load {load}")
        spent = []
        for name, make in kinds.items():
            paths = [make() for _ in range(args.requests)]
            for path in paths[:3]:
                client.get(path)
            started, size = time.process_time(), 0
            for path in paths:
                response = client.get(path)
                response.raise_for_status()
                size += len(response.content)
            spent.append((time.process_time() - started) / args.requests)
            print(f"  {name:22s} {spent[-1] * 1000:6.2f} ms CPU/request, {size / args.requests / 1024:6.1f} KiB")
        print(f"  {'mean':22s} {sum(spent) / len(spent) * 1000:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
