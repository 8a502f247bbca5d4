"""Story clustering against FNC-1: B-cubed precision, recall and F1 over articles, and how clustering scales.

Gold stories (``../shared/data/README.md``): bodies linked by related (non-unrelated) pairs to the same headlines
form one story -- the connected components of the body/headline graph. The 191 train stories are split by a hash of
their smallest body id into a *tune* half (thresholds were chosen there) and a *dev* half (reported), each about
the size of the held-out test set (904 bodies, 110 stories). FNC-1 bodies carry no dates: every article is undated,
so the time window never applies and the benchmark measures the content signal (words and lead embeddings, and
entities in ``--pipeline`` mode) alone. Lead embeddings are kept in ``build/bench-stories/lead-vectors.npz``, so
only the first run embeds.

Modes:

``(default)``
    The clustering function :func:`crosswire.stories.clustering.cluster` on the bodies' words and lead embeddings
    (no entities): a few seconds once the leads are embedded, used by the quality gate through :func:`measure`.
``--pipeline``
    The whole pipeline, exactly as the held-out set is scored: ``crosswire analyze`` on JSON Lines
    ``{"id", "text"}`` and the ``story`` of each article in ``dossier.json``. Takes minutes (spaCy parses every
    body); the dossier is cached in ``build/bench-stories/``, so the figure printed for it is the code of the run
    that made it. The stories stage is therefore also run again on the cached dossier (same words, same canonical
    entities) with the current code, and ``--pipeline --grid`` re-clusters it under other settings.
``--grid``
    Try a grid of thresholds and weights on the *tune* half.
``--scale``
    Time clustering of 1k, 10k and 50k articles made from the dev bodies with light perturbation (word dropout and
    shuffling within sentences; the lead embedding of the body plus noise) and print the growth exponent between
    sizes (1 = linear, 2 = quadratic). Embedding the leads is linear by construction and not part of the timing.

    .venv/bin/python bench/stories.py [--split dev|tune|all] [--pipeline] [--grid] [--scale]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fnc1-train"
CACHE = REPO / "build" / "bench-stories"

sys.path.insert(0, str(REPO / "src"))

from crosswire.context import Context  # noqa: E402
from crosswire.model import Dossier  # noqa: E402
from crosswire.stories.clustering import Params, cluster  # noqa: E402
from crosswire.stories.features import StoryItem, item_from_article, lead_embeddings  # noqa: E402
from crosswire.stories.stage import cluster_stories  # noqa: E402


class FileVectorCache:
    """Embeddings by key in one ``.npz`` file: the benchmark's stand-in for the store's cache."""

    def __init__(self, path: Path = CACHE / "lead-vectors.npz") -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as stored:
                self.vectors = {key: stored[key] for key in stored.files}

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {key: self.vectors[key] for key in keys if key in self.vectors}

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors.update(vectors)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("wb") as f:
            np.savez(f, **self.vectors)


def embed(items: Sequence[StoryItem]) -> np.ndarray:
    return lead_embeddings(items, FileVectorCache())


def load() -> tuple[dict[str, str], dict[str, str]]:
    """Body id -> text, and body id -> gold story (the smallest body id of its component)."""
    csv.field_size_limit(sys.maxsize)
    with (DATA / "train_bodies.csv").open(encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with (DATA / "train_stances.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Stance"] != "unrelated":
                parent[find("h:" + row["Headline"])] = find("b:" + row["Body ID"])
    members: dict[str, list[str]] = defaultdict(list)
    for body in bodies:
        members[find("b:" + body)].append(body)
    gold: dict[str, str] = {}
    for ids in members.values():
        label = min(ids, key=int)
        for body in ids:
            gold[body] = label
    return bodies, gold


def split(gold: dict[str, str], part: str) -> list[str]:
    """Body ids of one half, chosen by story so no story straddles the halves."""
    if part == "all":
        return sorted(gold, key=int)
    want = 0 if part == "tune" else 1
    return sorted((b for b, s in gold.items() if hashlib.sha1(s.encode()).digest()[0] % 2 == want), key=int)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the articles of ``predicted``."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, cluster_id in predicted.items():
        by_pred[cluster_id].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in predicted:
        same_pred, same_gold = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(predicted) or 1
    p, r = precision / n, recall / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def text_items(ids: list[str], bodies: dict[str, str]) -> list[StoryItem]:
    return [StoryItem(id=b, text=bodies[b]) for b in ids]


def measure(part: str = "dev") -> dict[str, float]:
    """B-cubed scores of words-and-embeddings clustering on one half (what the quality gate pins)."""
    bodies, gold = load()
    items = text_items(split(gold, part), bodies)
    result = cluster(items, replace(Params(), entity_weight=0.0), embed(items))
    return bcubed(result.assignment, gold)


def pipeline_dossier(part: str, bodies: dict[str, str], ids: list[str]) -> Dossier:
    """Run ``crosswire analyze`` on one half (cached by content, not by code: clear ``CACHE`` after a change) and
    return its dossier."""
    digest = hashlib.sha1("\x00".join(f"{b}\x01{bodies[b]}" for b in ids).encode()).hexdigest()[:10]
    out = CACHE / f"{part}-{digest}"
    if not (out / "dossier.json").exists():
        return _analyze(bodies, ids, out)
    return Dossier.from_json((out / "dossier.json").read_bytes())


def _analyze(bodies: dict[str, str], ids: list[str], out: Path) -> Dossier:
    out.mkdir(parents=True, exist_ok=True)
    records = "".join(json.dumps({"id": f"fnc-{b}", "text": bodies[b]}) + "\n" for b in ids)
    subprocess.run(
        [str(REPO / ".venv" / "bin" / "crosswire"), "analyze", "-", "--out", str(out), "--fresh", "-q"],
        input=records,
        text=True,
        check=True,
    )
    return Dossier.from_json((out / "dossier.json").read_bytes())


def measure_pipeline(part: str = "dev") -> dict[str, float]:
    """B-cubed scores of the stories ``crosswire analyze`` gives one half, run afresh every time: the path the
    held-out stories are scored by (``measure`` is the clustering function alone)."""
    bodies, gold = load()
    ids = split(gold, part)
    with tempfile.TemporaryDirectory() as folder:
        dossier = _analyze(bodies, ids, Path(folder))
    predicted = {a.id: a.story or a.id for a in dossier.articles}
    return bcubed(predicted, {f"fnc-{b}": gold[b] for b in ids})


def perturb(text: str, rng: random.Random) -> str:
    """Drop about a tenth of the words and shuffle a few words inside each sentence."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = [w for w in sentence.split() if rng.random() > 0.1]
        for _ in range(max(1, len(words) // 10)):
            if len(words) > 2:
                i, j = rng.randrange(len(words)), rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
        out.append(" ".join(words))
    return " ".join(out)


def scale(bodies: dict[str, str], ids: list[str], sizes: tuple[int, ...] = (1_000, 10_000, 50_000)) -> None:
    rng = random.Random(7)
    noise = np.random.default_rng(7)
    base = [bodies[b] for b in ids]
    base_vectors = embed(text_items(ids, bodies))
    timings: list[tuple[int, float]] = []
    for size in sizes:
        # Each copy of the dev set is one "week" later, so the corpus looks like a stream of recurring stories.
        items = [
            StoryItem(id=f"a{n:06d}", text=perturb(base[n % len(base)], rng), day=738000 + 7 * (n // len(base)))
            for n in range(size)
        ]
        vectors = base_vectors[[n % len(base) for n in range(size)]]
        vectors = vectors + noise.normal(0.0, 0.02, vectors.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        started = time.perf_counter()
        result = cluster(items, replace(Params(), entity_weight=0.0), vectors)
        seconds = time.perf_counter() - started
        timings.append((size, seconds))
        print(f"scale {size:>6} articles: {seconds:7.2f} s, {len(result.stories)} stories")
    for (n1, t1), (n2, t2) in itertools.pairwise(timings):
        exponent = math.log(t2 / t1) / math.log(n2 / n1)
        print(f"growth {n1}->{n2}: x{t2 / t1:.1f} time for x{n2 / n1:.0f} articles, exponent {exponent:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "tune", "all"])
    parser.add_argument("--pipeline", action="store_true", help="run crosswire analyze (words + entities)")
    parser.add_argument("--grid", action="store_true", help="grid-search threshold and entity weight")
    parser.add_argument("--scale", action="store_true", help="time 1k / 10k / 50k articles")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skip: {DATA} not found")
        return 0
    bodies, gold = load()
    ids = split(gold, "tune" if args.grid else args.split)
    print(f"{len(ids)} bodies, {len({gold[b] for b in ids})} gold stories ({'tune' if args.grid else args.split})")
    if args.scale:
        scale(bodies, split(gold, "dev"))
        return 0
    if args.pipeline:
        dossier = pipeline_dossier("tune" if args.grid else args.split, bodies, ids)
        fnc_gold = {f"fnc-{b}": gold[b] for b in ids}
        if not args.grid:
            predicted = {a.id: a.story or a.id for a in dossier.articles}
            print("pipeline (crosswire analyze, cached dossier):", _fmt(bcubed(predicted, fnc_gold)))
        for article in dossier.articles:
            article.story = None
        items = [item_from_article(a) for a in dossier.articles]
        if not args.grid:
            started = time.perf_counter()
            cluster_stories(dossier, Context(vector_cache=FileVectorCache()))
            predicted = {a.id: a.story or a.id for a in dossier.articles}
            seconds = time.perf_counter() - started
            print(f"pipeline (stories stage re-run, {seconds:.1f} s):", _fmt(bcubed(predicted, fnc_gold)))
    else:
        fnc_gold = gold
        items = text_items(ids, bodies)
    vectors = embed(items)
    if args.grid:
        weights = (0.0, 0.1, 0.2, 0.3) if args.pipeline else (0.0,)
        for weight, mix in itertools.product(weights, (0.0, 0.3, 0.4, 0.5)):
            for threshold in (0.2, 0.24, 0.3, 0.34, 0.36, 0.38, 0.4, 0.42):
                if mix == 0.0:
                    params = replace(Params(), threshold=threshold, entity_weight=weight, embedding_weight=0.0)
                else:
                    params = replace(
                        Params(), embedding_threshold=threshold, entity_weight=weight, embedding_weight=mix
                    )
                scores = bcubed(cluster(items, params, vectors).assignment, fnc_gold)
                print(f"entities {weight:.1f} embedding {mix:.1f} threshold {threshold:.2f}", _fmt(scores))
    elif not args.pipeline:
        started = time.perf_counter()
        words = bcubed(cluster(items, replace(Params(), entity_weight=0.0, embedding_weight=0.0)).assignment, gold)
        print(f"words only, no embeddings ({time.perf_counter() - started:.1f} s):", _fmt(words))
        started = time.perf_counter()
        scores = bcubed(cluster(items, replace(Params(), entity_weight=0.0), vectors).assignment, fnc_gold)
        print(f"words and lead embeddings ({time.perf_counter() - started:.1f} s):", _fmt(scores))
    return 0


def _fmt(scores: dict[str, float]) -> str:
    return f"P {scores['precision']:.4f}  R {scores['recall']:.4f}  F1 {scores['f1']:.4f}"


if __name__ == "__main__":
    sys.exit(main())
