"""Cross-validate stage-2 choices of the stance model on the FNC-1 *train* bodies only (dev is never read).

Five folds of the training bodies split two ways -- by *body* (as the dev split is made) and by *story* (bodies
joined by related pairs to the same headlines, as the official test set holds unseen stories). Every pair is read by
networks trained on the other four fifths: stage 1 and the sentence-pair head once per fold, then each stage-2
candidate (MLP seeds averaged, class-weight exponent) on the same inputs. The pooled probabilities are scored
without offsets, with the shipped offsets, and with offsets tuned on the pooled folds themselves (optimistic, the
same for every candidate).

    .venv/bin/python bench/stance_cv.py [--folds 5] [--schemes body story]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1_stance
import train_stance
from crosswire.check.features import body_sentences, content_stems, fit_idf
from crosswire.check.model import RELATED, STANCES, read_model
from crosswire.check.pairs import Featurizer

FEATURES = train_stance.CACHE / "train-features.npz"
# (name, stage-2 seeds, class-weight exponent); the first is the shipped choice before this script.
SEEDS5 = tuple(train_stance.SEED + i for i in range(5))
SEEDS10 = tuple(train_stance.SEED + i for i in range(10))
CANDIDATES: tuple[tuple[str, tuple[int, ...], float], ...] = (
    ("1 seed, balance 0.5", (train_stance.SEED,), 0.5),
    ("5 seeds, balance 0.5", SEEDS5, 0.5),
    ("10 seeds, balance 0.5", SEEDS10, 0.5),
    ("1 seed, balance 0.75", (train_stance.SEED,), 0.75),
    ("5 seeds, balance 0.75", SEEDS5, 0.75),
    ("5 seeds, balance 1.0", SEEDS5, 1.0),
)


def train_features() -> tuple[list[fnc1_stance.Pair], np.ndarray, np.ndarray]:
    """The training pairs and their feature rows (computed once, then read from the cache)."""
    bodies, pairs = fnc1_stance.load()
    train_bodies, _dev = fnc1_stance.split_bodies(list(bodies))
    pairs = [p for p in pairs if p.body in train_bodies]
    if FEATURES.exists():
        with np.load(FEATURES, allow_pickle=False) as data:
            if len(data["scalars"]) == len(pairs):
                return pairs, data["scalars"], data["vectors"]
    body_ids = sorted(train_bodies, key=int)
    claims = sorted({p.claim for p in pairs})
    idf = fit_idf([content_stems(bodies[b]) for b in body_ids] + [content_stems(c) for c in claims])
    encoder = train_stance.CachedEncoder(train_stance.CACHE / "embeddings.npz")
    encoder([s for b in body_ids for s in body_sentences(bodies[b])] + claims)
    scalars, vectors, _ = Featurizer(idf, encoder).features([(p.claim, bodies[p.body]) for p in pairs])
    np.savez(FEATURES, scalars=scalars, vectors=vectors)
    return pairs, scalars, vectors


def report(name: str, gold: list[str], probabilities: np.ndarray, shipped: np.ndarray) -> None:
    log_p = np.log(np.clip(probabilities, 1e-9, 1.0))
    tuned = train_stance.tune_offsets(probabilities, gold)
    print(f"  {name}:")
    for label, offsets in (("no offsets", np.zeros(len(STANCES))), ("shipped offsets", shipped), ("tuned", tuned)):
        predicted = [STANCES[int(c)] for c in (log_p + offsets).argmax(axis=1)]
        result = fnc1_stance.scores(gold, predicted)
        extra = f" {offsets[:2].tolist()}" if label == "tuned" else ""
        print(f"    {label:>15}: FNC {result['fnc']:.4f}  macro-F1 {result['macro_f1']:.4f}  "
              + " ".join(f"{c[:3]} {result[f'f1_{c}']:.3f}" for c in STANCES) + extra, flush=True)  # fmt: skip
    related = [i for i, g in enumerate(gold) if g != "unrelated"]
    within = probabilities[related][:, :3].argmax(axis=1)
    gold_related = [gold[i] for i in related]
    f1 = fnc1_stance.per_class_f1(gold_related, [RELATED[int(c)] for c in within])
    print(f"    stage 2 on gold-related pairs, no offsets: macro-F1 {sum(f1[c] for c in RELATED) / 3:.4f}  "
          + " ".join(f"{c[:3]} {f1[c]:.3f}" for c in RELATED), flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--schemes", nargs="+", default=["body", "story"], choices=["body", "story"])
    parser.add_argument("--only", nargs="*", default=None, help="candidate names to run (default: all)")
    args = parser.parse_args()
    if not (fnc1_stance.DATA / "train_stances.csv").exists():
        print(f"skip: {fnc1_stance.DATA} not found")
        return 0
    started = time.perf_counter()
    pairs, scalars, vectors = train_features()
    print(f"{len(pairs)} training pairs, features in {time.perf_counter() - started:.0f} s", flush=True)
    labels = [p.stance for p in pairs]
    body_ids = sorted({p.body for p in pairs}, key=int)
    story_of = train_stance.story_of(pairs, body_ids)
    shipped = read_model(train_stance.OUT).log_offsets
    candidates = [c for c in CANDIDATES if args.only is None or c[0] in args.only]
    groups1, groups2, blocks = train_stance.CHOSEN
    for scheme in args.schemes:
        fold = train_stance.folds_of([p.body if scheme == "body" else story_of[p.body] for p in pairs], args.folds)
        pooled = {name: np.zeros((len(pairs), len(STANCES)), dtype=np.float32) for name, _, _ in candidates}
        for k in range(args.folds):
            fit, held = np.where(fold != k)[0], np.where(fold == k)[0]
            fit_labels = [labels[i] for i in fit]
            stage1 = train_stance.train_network(
                scalars[fit], vectors[fit],
                ["unrelated" if label == "unrelated" else "related" for label in fit_labels],
                ("related", "unrelated"), groups1, (), hidden=(64,), balance=0.0, alpha=1e-4,
            )  # fmt: skip
            relatedness = stage1.probabilities(scalars[held], vectors[held])
            related = [i for i in fit if labels[i] != "unrelated"]
            stage2_scalars, head = train_stance.head_inputs(
                scalars[related], vectors[related], [labels[i] for i in related], [pairs[i].body for i in related]
            )
            held_log = np.log(np.clip(head.probabilities(scalars[held], vectors[held]), 1e-6, 1.0))
            held_scalars = np.concatenate([scalars[held], held_log], axis=1)
            for name, seeds, balance in candidates:
                stance = train_stance.train_network(
                    stage2_scalars, vectors[related], [labels[i] for i in related], RELATED, groups2, blocks,
                    hidden=(128,), balance=balance, alpha=1e-2, seeds=seeds,
                )  # fmt: skip
                p = stance.probabilities(held_scalars, vectors[held])
                pooled[name][held] = np.concatenate([p * relatedness[:, :1], relatedness[:, 1:]], axis=1)
            print(f"  {scheme} fold {k + 1}/{args.folds} done, {time.perf_counter() - started:.0f} s", flush=True)
        print(f"{args.folds} folds by {scheme}:")
        for name, _, _ in candidates:
            report(name, labels, pooled[name], shipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
