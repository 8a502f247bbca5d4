"""CPU seconds of the per-article attribution stage alone (``find_statements``), on FNC-1 train bodies.

The bodies are parsed by spaCy and their entity mentions found first (not timed); then the attribution stage runs
over all of them ``--repeat`` times in this one process, and each pass's CPU seconds and statement count are
printed (the count must not move between two versions that only change speed).

    .venv/bin/python bench/attribution_cpu.py [--limit 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import DATA, load_bodies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    from crosswire.attribution.finder import find_statements
    from crosswire.context import Context, Options
    from crosswire.entities.mentions import find_mentions
    from crosswire.model import Article
    from crosswire.nlp.spacy_model import load_pipeline

    bodies = load_bodies(args.data, args.limit)
    nlp = load_pipeline()
    context = Context(options=Options(verbatim=True))
    articles = []
    for doc, (body_id, body) in zip(nlp.pipe(body for _, body in bodies), bodies, strict=True):
        article = Article(id=f"fnc-{body_id}", source="fnc1", raw=body, text=body, verbatim=True)
        article._doc = doc
        find_mentions(article, context)
        articles.append(article)
    for n in range(args.repeat):
        started = time.process_time()
        found = 0
        for article in articles:
            find_statements(article, context)
            found += len(article.statements)
        print(f"pass {n + 1}: {time.process_time() - started:.2f} CPU s, {found} statements", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
