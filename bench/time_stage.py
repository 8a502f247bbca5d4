"""CPU seconds of the per-article ``time`` stage alone, on FNC-1 train bodies parsed once beforehand.

The bodies are parsed by spaCy first (not timed), then :func:`crosswire.time.timex.resolve` runs over each twice:
without a publication date (as ``analyze`` sees FNC-1 bodies) and with one (so tense-dependent expressions ask the
parse). ``--dump`` writes every timex found, to compare two versions of the stage; ``--profile`` prints cProfile's
top functions.

    .venv/bin/python bench/time_stage.py [--limit 300] [--repeat 3] [--dump FILE] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

from throughput import DATA, load_bodies

PUBLISHED = "2015-06-01"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not (args.data / "train_bodies.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    from crosswire.nlp.spacy_model import load_pipeline
    from crosswire.time import timex

    bodies = load_bodies(args.data, args.limit)
    nlp = load_pipeline()
    docs = list(nlp.pipe((text for _, text in bodies), batch_size=64))
    timex.resolve("On Friday, three days later.", PUBLISHED)  # compile the patterns and load the tagger: not timed

    def run() -> dict[str, list[list[object]]]:
        out: dict[str, list[list[object]]] = {}
        for (body_id, text), doc in zip(bodies, docs, strict=True):
            for published in (None, PUBLISHED):
                found = timex.resolve(text, published, lambda d=doc: d)
                out[f"{body_id}/{published}"] = [[t.start, t.end, t.type, t.value, t.mod] for t in found]
        return out

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    seconds = []
    result: dict[str, list[list[object]]] = {}
    for _ in range(args.repeat):
        started = time.process_time()
        result = run()
        seconds.append(time.process_time() - started)
    n = sum(len(v) for v in result.values())
    print(f"articles: {len(bodies)} FNC-1 train bodies x 2 (no publication date, {PUBLISHED}); timexes: {n}")
    print(f"time stage CPU s per pass: {', '.join(f'{s:.2f}' for s in seconds)} (best {min(seconds):.2f})")
    if args.dump:
        args.dump.write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
