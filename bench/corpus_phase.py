"""CPU seconds of the driver's corpus phase, stage by stage, rerun in one process over an analysed store.

``crosswire -v analyze`` gives each corpus stage's CPU seconds too, but only after the whole per-article phase; this
reruns the corpus stages (and writes the dossier) over a store a run left, so a change to them is measured in minutes
at full scale. The claims stage's steps are timed apart as well. Every vector is read from the store's cache (the run
embedded them), but the run's clause parses are gone: the proposition extraction parses each article again, and the
clustering runs here instead of on the workers, so those two steps are not what the driver spends in a real run.

The stages change the corpus objects in memory only (nothing is saved to the store); the dossier goes to ``--out``.

    .venv/bin/python bench/corpus_phase.py STORE_URL --out DIR     # e.g. sqlite:////tmp/run/crosswire.db
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import crosswire.claims.stage as claims_stage
from crosswire.context import Context
from crosswire.pipeline import CORPUS_STAGES
from crosswire.report import write_dossier
from crosswire.store import Store
from crosswire.store.vectors import StoreVectorCache

# The claims stage's steps timed apart (names it calls through its module).
CLAIMS_STEPS = (
    "extract",
    "compared_sentences",
    "embed_missing",
    "cluster_claims_by_story",
    "denials_to_their_claims",
    "_attach",
    "agent_contradictions",
    "value_contradictions",
    "stance_contradictions",
    "truth_contradictions",
    "holder_contradictions",
)


def _timed(fn: Callable[..., Any], name: str, seconds: defaultdict[str, float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - started

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="the store's URL")
    parser.add_argument("--out", type=Path, required=True, help="where to write dossier.json and dossier.html")
    args = parser.parse_args()
    seconds: defaultdict[str, float] = defaultdict(float)
    for step in CLAIMS_STEPS:
        setattr(claims_stage, step, _timed(getattr(claims_stage, step), f"claims: {step}", seconds))
    with Store(args.store) as store:
        dossier = store.corpus_input()
        context = Context(vector_cache=StoreVectorCache(store))
        for stage in CORPUS_STAGES:
            _timed(stage.run, stage.name, seconds)(dossier, context)
        _timed(write_dossier, "write dossier", seconds)(dossier, args.out)
    print("CPU s by stage (the claims stage's steps indented):")
    for name, value in seconds.items():
        indent = "    " if name.startswith("claims: ") else ""
        print(f"{indent}{name}: {value:.2f}")


if __name__ == "__main__":
    main()
