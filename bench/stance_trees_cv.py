"""Cross-validate stage-2 learners for *refutes* on the FNC-1 train bodies only (dev is never read).

Stage 2 alone, on the gold-related training pairs, in five folds by *story* (bodies joined by related pairs to the
same headlines, the folds of ``bench/stance_cv.py``) or by *body*: each fold is read by learners trained on the other
four fifths. The sentence-pair head's log-probabilities are inputs, as in the shipped stage 2; here each fold's are
read by a head trained on the other folds (one head per fold, cheaper than the shipped nested folds, the same for
every candidate). Candidates:

- the shipped networks (five MLP seeds, class weights (inverse frequency)^0.5);
- gradient-boosted trees (scikit-learn ``HistGradientBoostingClassifier``, ``train_stance.FOREST_PARAMS``) on the
  same scalar inputs, class weights ^0.5 and ^1;
- the networks' and the trees' probabilities mixed (weights 0.25 and 0.5);
- a cost-sensitive rule: *refutes* when P(refutes | related) exceeds a threshold, else the larger of the others.

Each is scored (macro-F1 of the three related classes, per-class F1) without an offset and with a refutes
log-offset. The out-of-fold probabilities are written to ``build/stance-trees-SCHEME.npz`` after every fold, so a
run can be scored while it goes on (``--report``).

    .venv/bin/python bench/stance_trees_cv.py [--scheme story|body] [--report]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1_stance
import stance_cv
import train_stance
from crosswire.check.model import RELATED

FOLDS = 5
MIXES = (0.25, 0.5)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
OFFSETS = (0.0, 0.25, 0.5)


def out_path(scheme: str) -> Path:
    return train_stance.REPO / "build" / f"stance-trees-{scheme}.npz"


def run(scheme: str) -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    started = time.perf_counter()
    pairs, scalars, vectors = stance_cv.train_features()
    labels = [p.stance for p in pairs]
    body_ids = sorted({p.body for p in pairs}, key=int)
    story_of = train_stance.story_of(pairs, body_ids)
    _groups1, groups2, blocks = train_stance.CHOSEN
    tree_columns = list(train_stance.columns(groups2))
    fold_of_pair = train_stance.folds_of([p.body if scheme == "body" else story_of[p.body] for p in pairs], FOLDS)
    related = np.array([i for i, label in enumerate(labels) if label != "unrelated"])
    related_labels = [labels[i] for i in related]
    y = np.array([RELATED.index(label) for label in related_labels])
    fold = fold_of_pair[related]
    head = np.zeros((len(related), len(RELATED)), np.float32)
    for k in range(FOLDS):
        inside = np.where(fold != k)[0]
        trained = train_stance.train_head(vectors[related[inside]], [related_labels[i] for i in inside], 0.5)
        held = related[fold == k]
        head[fold == k] = np.log(np.clip(trained.probabilities(scalars[held], vectors[held]), 1e-6, 1.0))
    print(f"heads done, {time.perf_counter() - started:.0f} s", flush=True)
    x = np.concatenate([scalars[related], head], axis=1)
    v = vectors[related]
    out: dict[str, np.ndarray] = {"y": y, "fold": fold}
    for name in ("mlp", "hgb05", "hgb1"):
        out[name] = np.zeros((len(y), len(RELATED)), np.float32)
    for k in range(FOLDS):
        fit, held = np.where(fold != k)[0], np.where(fold == k)[0]
        for name, balance in (("hgb1", 1.0), ("hgb05", 0.5)):
            counts = np.bincount(y[fit], minlength=len(RELATED)).astype(float)
            weight = (counts.sum() / (len(RELATED) * counts)) ** balance
            trees = HistGradientBoostingClassifier(**train_stance.FOREST_PARAMS)
            trees.fit(x[fit][:, tree_columns], y[fit], sample_weight=weight[y[fit]])
            out[name][held] = trees.predict_proba(x[held][:, tree_columns])
        network = train_stance.train_network(
            x[fit], v[fit], [related_labels[i] for i in fit], RELATED, groups2, blocks,
            hidden=(128,), balance=0.5, alpha=1e-2, seeds=train_stance.STANCE_SEEDS,
        )  # fmt: skip
        out["mlp"][held] = network.probabilities(x[held], v[held])
        out["done"] = np.array(k + 1)
        out_path(scheme).parent.mkdir(parents=True, exist_ok=True)
        np.savez(out_path(scheme), **out)
        print(f"{scheme} fold {k + 1}/{FOLDS} done, {time.perf_counter() - started:.0f} s", flush=True)


def line(name: str, gold: list[str], predicted: list[str]) -> str:
    f1 = fnc1_stance.per_class_f1(gold, predicted)
    return f"  {name:>30}: macro-F1 {sum(f1[c] for c in RELATED) / 3:.4f}  " + "  ".join(
        f"{c} {f1[c]:.3f}" for c in RELATED
    )


def report(scheme: str) -> None:
    with np.load(out_path(scheme), allow_pickle=False) as data:
        done = int(data["done"])
        mask = data["fold"] < done
        y = data["y"][mask]
        candidates = {name: data[name][mask] for name in ("mlp", "hgb05", "hgb1")}
    for mix in MIXES:
        for trees in ("hgb1", "hgb05"):
            candidates[f"mlp + {mix} {trees}"] = (1 - mix) * candidates["mlp"] + mix * candidates[trees]
    gold = [RELATED[int(i)] for i in y]
    print(f"{done} of {FOLDS} folds by {scheme}: {len(y)} related pairs, {int((y == 1).sum())} refuting")
    for name, p in candidates.items():
        for offset in OFFSETS:
            adjusted = np.log(np.clip(p, 1e-9, 1.0)) + np.array([0.0, offset, 0.0])
            label = name if offset == 0 else f"{name}, refutes +{offset}"
            print(line(label, gold, [RELATED[int(c)] for c in adjusted.argmax(axis=1)]))
    for name in ("mlp", "mlp + 0.5 hgb1"):
        for threshold in THRESHOLDS:
            p = candidates[name]
            predicted = [
                RELATED[1] if row[1] > threshold else RELATED[0 if row[0] >= row[2] else 2] for row in p
            ]  # fmt: skip
            print(line(f"{name}, refutes if p > {threshold}", gold, predicted))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scheme", default="story", choices=["story", "body"])
    parser.add_argument("--report", action="store_true", help="only score the folds already written")
    args = parser.parse_args()
    if not (fnc1_stance.DATA / "train_stances.csv").exists():
        print(f"skip: {fnc1_stance.DATA} not found")
        return 0
    if not args.report:
        run(args.scheme)
    report(args.scheme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
