"""Train the headline model of ``crosswire check`` on real headline pairs (emergent-dev), measured by claim.

1. Every (claim headline, article headline) pair of ``../shared/data/emergent-dev`` becomes the cue row of
   :func:`crosswire.check.headline.headline_features` (the embedding cosine of the two headlines included).
2. **Cross-validation by claim**: the claims are cut into :data:`FOLDS` seeded folds; for each fold a multinomial
   logistic regression is trained on the other folds' pairs and reads this fold's, so no claim is ever read by a
   model that saw it. The accuracy, per-class F1 and confusion matrix of those readings are the honest figures
   (``bench/emergent_stance.py --cv`` prints them; the quality gate pins them).
3. The shipped model is trained on every pair and written to ``src/crosswire/check/data/headline_model.npz``
   (float32 arrays and a JSON header, no pickle).

    .venv/bin/python bench/train_headline.py [--no-save]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import emergent_stance
from crosswire.check.headline import (
    HEADLINE_FEATURES,
    HEADLINE_MODEL_FILE,
    HeadlineModel,
    headline_features,
    read_headline,
    read_headline_model,
)
from crosswire.check.model import RELATED

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "crosswire" / "check" / "data" / HEADLINE_MODEL_FILE
FOLDS = 5
SEED = 2016
# L2 strength (inverse): small data, so a firm prior; chosen before measuring, not tuned on the folds.
C = 1.0


def similarities(rows: list[emergent_stance.Row]) -> list[float]:
    from crosswire.nlp.embeddings import encode

    claims = encode([r.claim for r in rows])
    texts = encode([r.text for r in rows])
    return [float(v) for v in (claims * texts).sum(axis=1)]


def feature_rows(rows: list[emergent_stance.Row], sims: list[float]) -> np.ndarray:
    return np.stack([headline_features(r.claim, r.text, s)[0] for r, s in zip(rows, sims, strict=True)])


def fit(x: np.ndarray, labels: list[str]) -> HeadlineModel:
    from sklearn.linear_model import LogisticRegression

    y = np.array([RELATED.index(label) for label in labels])
    lr = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    lr.fit(x, y)
    weights = np.zeros((len(HEADLINE_FEATURES), len(RELATED)), dtype=np.float32)
    bias = np.zeros(len(RELATED), dtype=np.float32)
    for row, cls in enumerate(lr.classes_):
        weights[:, cls] = lr.coef_[row]
        bias[cls] = lr.intercept_[row]
    return HeadlineModel(weights=weights, bias=bias, meta={"trained_on": "emergent-dev", "pairs": len(labels), "C": C})


def folds(rows: list[emergent_stance.Row]) -> list[set[str]]:
    claims = sorted({r.claim_id for r in rows})
    random.Random(SEED).shuffle(claims)
    return [set(claims[i::FOLDS]) for i in range(FOLDS)]


def cross_validate(rows: list[emergent_stance.Row], sims: list[float] | None = None) -> list[str]:
    """Each pair's stance read by a model trained on the other folds' claims (the unrelated gate included)."""
    sims = similarities(rows) if sims is None else sims
    x = feature_rows(rows, sims)
    predicted = [""] * len(rows)
    for held in folds(rows):
        train = [i for i, r in enumerate(rows) if r.claim_id not in held]
        model = fit(x[train], [rows[i].stance for i in train])
        for i, row in enumerate(rows):
            if row.claim_id in held:
                predicted[i] = read_headline(row.claim, row.text, sims[i], model).stance
    return predicted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-save", action="store_true", help="do not write the model")
    args = parser.parse_args()
    if not (emergent_stance.DATA / "emergent_dev.csv").exists():
        print(f"skip: {emergent_stance.DATA} not found")
        return 0
    rows = emergent_stance.load()
    gold = [r.stance for r in rows]
    sims = similarities(rows)
    emergent_stance.print_report(f"cross-validated by claim ({FOLDS} folds)", gold, cross_validate(rows, sims))
    model = fit(feature_rows(rows, sims), gold)
    print("weights (supports, refutes, discusses):")
    for name, w in zip(HEADLINE_FEATURES, model.weights, strict=True):
        print(f"  {name:>16} " + " ".join(f"{v:+.2f}" for v in w))
    print(f"  {'bias':>16} " + " ".join(f"{v:+.2f}" for v in model.bias))
    if args.no_save:
        return 0
    model.save(OUT)
    again = read_headline_model(OUT)
    print(f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size} bytes), reload identical: "
          f"{np.allclose(again.weights, model.weights)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
