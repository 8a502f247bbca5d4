"""Train the claim-identity model of the claims stage on public headline pairs, measured by held-out claim groups.

1. **Claims.** FNC-1 (``../shared/data/fnc1-train``): every headline related to a body (agree, disagree, discuss)
   is about the claim of that body; headlines and bodies linked that way form one claim (connected components).
   Emergent (``../shared/data/emergent-dev``): article headlines sharing a ``claimId`` are one claim.
2. **Pseudo-stories.** A real story holds several claims on one topic, which is what makes them hard to tell apart.
   Each claim is read together with the :data:`NEIGHBOURS` claims whose mean embedding is closest to its own: the
   pairs of that group (at most :data:`PER_CLAIM` headlines per claim) are labelled same claim / other claim, and the
   group is the story context (IDF and centroid) of :func:`crosswire.claims.identity.pair_features`.
3. **Cross-validation by claim**: claims are cut into :data:`FOLDS` seeded folds; a pair is scored by a model that
   saw neither of its claims. Printed: ROC AUC, and precision / recall / F1 at the shipped threshold.
4. The shipped model is trained on every pair and written to ``src/crosswire/claims/data/identity_model.json``.

``--encoder`` chooses the graph whose vectors the features read (``crosswire.nlp.embeddings.BACKENDS``; the default,
``onnx``, the float graph, is what the shipped model was fitted on: it reproduces the shipped file. Fitted on the
claims stage's mixed graph or on int8, the standardised weights agree within 0.02; docs/scale.md, "The claims
encoder, again"). ``--out`` writes the model elsewhere (to measure one without shipping it).

    .venv/bin/python bench/train_claim_identity.py [--no-save] [--encoder BACKEND] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from crosswire.claims.identity import IDENTITY_MODEL_FILE, IdentityModel, Sentence, StoryContext, pair_features
from crosswire.nlp.embeddings import BACKENDS, DEFAULT_BACKEND, encode, wanted_backend

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
OUT = REPO / "src" / "crosswire" / "claims" / "data" / IDENTITY_MODEL_FILE
FOLDS = 5
SEED = 2016
NEIGHBOURS = 4
PER_CLAIM = 12
# Chosen before measuring: a pair is one claim when the model finds that more likely than not.
THRESHOLD = 0.5
C = 1.0


def fnc1_claims() -> list[list[str]]:
    path = DATA / "fnc1-train" / "train_stances.csv"
    if not path.exists():
        return []
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] == "unrelated":
                continue
            headline, body = "h:" + row["Headline"].strip(), "b:" + row["Body ID"]
            left, right = find(headline), find(body)
            if left != right:
                parent[left] = right
    groups: dict[str, list[str]] = defaultdict(list)
    for item in list(parent):
        if item.startswith("h:"):
            groups[find(item)].append(item[2:])
    return [sorted(group) for group in groups.values() if len(group) >= 2]


def emergent_claims() -> list[list[str]]:
    path = DATA / "emergent-dev" / "emergent_dev.csv"
    if not path.exists():
        return []
    groups: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            groups[row["claimId"]].add(row["articleHeadline"].strip())
    return [sorted(group) for group in groups.values() if len(group) >= 2]


def pairs(
    claims: list[list[str]], vectors: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Feature rows, labels and the two claims of each pair, over every claim's pseudo-story."""
    rng = random.Random(SEED)
    sampled = [rng.sample(claim, min(PER_CLAIM, len(claim))) for claim in claims]
    centroids = np.stack([np.mean([vectors[text] for text in claim], axis=0) for claim in sampled])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    closeness = centroids @ centroids.T
    rows: list[np.ndarray] = []
    labels: list[int] = []
    owners: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    for anchor in range(len(sampled)):
        order = [int(i) for i in np.argsort(-closeness[anchor]) if int(i) != anchor][:NEIGHBOURS]
        story = [anchor, *order]
        texts = [(text, number) for number in story for text in sampled[number]]
        story_vectors = np.stack([vectors[text] for text, _ in texts])
        context = StoryContext.of([text for text, _ in texts], story_vectors)
        sentences = [Sentence.of(text, vectors[text]) for text, _ in texts]
        for i, (left_text, left_claim) in enumerate(texts):
            # Pairs involving the anchor claim only: each claim's story contributes its own positives and negatives.
            if left_claim != anchor:
                continue
            for j, (right_text, right_claim) in enumerate(texts):
                if i == j or (right_claim == anchor and j < i):
                    continue
                key = (min(left_text, right_text), max(left_text, right_text))
                if key in seen or left_text == right_text:
                    continue
                seen.add(key)
                rows.append(pair_features(sentences[i], sentences[j], context))
                labels.append(int(left_claim == right_claim))
                owners.append((left_claim, right_claim))
    return np.stack(rows), np.array(labels), owners


def fit(x: np.ndarray, y: np.ndarray) -> IdentityModel:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    # No class weights: the pseudo-stories hold many claims each, as real stories do, so the base rate of "same
    # claim" they teach is the one the probabilities should carry.
    model = LogisticRegression(C=C, max_iter=1000)
    model.fit((x - mean) / scale, y)
    return IdentityModel(
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        weights=model.coef_[0].astype(np.float32),
        bias=float(model.intercept_[0]),
        threshold=THRESHOLD,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true", help="measure only; do not write the model")
    parser.add_argument("--encoder", choices=BACKENDS, default=DEFAULT_BACKEND, help="the vectors' graph")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    args = parser.parse_args()
    claims = fnc1_claims() + emergent_claims()
    if not claims:
        print(f"no training data under {DATA}; nothing to do")
        return 1
    texts = sorted({text for claim in claims for text in claim})
    vectors = dict(zip(texts, encode(texts, prefer=args.encoder), strict=True))
    x, y, owners = pairs(claims, vectors)
    backend = wanted_backend(args.encoder)
    print(f"encoder {backend}  claims {len(claims)}  pairs {len(y)}  same-claim pairs {int(y.sum())}")
    rng = random.Random(SEED)
    fold_of = {number: rng.randrange(FOLDS) for number in range(len(claims))}
    scores = np.full(len(y), np.nan)
    for fold in range(FOLDS):
        held = np.array([fold_of[a] == fold or fold_of[b] == fold for a, b in owners])
        train = np.array([fold_of[a] != fold and fold_of[b] != fold for a, b in owners])
        model = fit(x[train], y[train])
        scores[held] = [model.probability(row) for row in x[held]]
    from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

    cosine_auc = roc_auc_score(y, x[:, 0])
    print(f"cross-validated by claim: AUC {roc_auc_score(y, scores):.3f} (cosine alone {cosine_auc:.3f})")
    precision, recall, f1, _ = precision_recall_fscore_support(y, scores >= THRESHOLD, average="binary")
    print(f"at threshold {THRESHOLD}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    final = fit(x, y)
    print("weights (standardised):", {n: round(float(w), 3) for n, w in zip(final_names(), final.weights, strict=True)})
    if not args.no_save:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        # The graph the model was fitted on goes with it (the loader reads the features only).
        written = {**final.to_json(), "encoder": backend}
        args.out.write_text(json.dumps(written, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


def final_names() -> tuple[str, ...]:
    from crosswire.claims.identity import IDENTITY_FEATURES

    return IDENTITY_FEATURES


if __name__ == "__main__":
    sys.exit(main())
