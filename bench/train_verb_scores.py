"""Learn how much any English verb looks like a cue of saying, believing or intending, from its meaning.

The cue classifier (:mod:`crosswire.attribution.cue_model`) knows a verb by its lemma only when PolNeAR's training
articles hold it often enough; a verb they never used ("the regulator bemoaned that ...", "the coach vowed to ...")
is read by its frame alone. This script gives every verb a back-off score instead: the product's sentence encoder
(all-MiniLM-L6-v2, offline) embeds the lemma in a frame ("they bemoan that"), and a logistic regression over those
vectors, weighted by how many of each lemma's tokens are and are not gold cues (the rates ``bench/train_cues.py``
counts on PolNeAR train into ``data/cue_lemmas.json``), predicts its cue rate. Only PolNeAR train is read.

Scored are the training lemmas (out of fold: five folds by lemma, fixed seed, so a training lemma's score never saw
its own rate and the cue classifier learns how far to trust a score as for an unseen verb) and every verb of the
parser's lemma index (about 8,400, scored by the model fitted on all training lemmas). The scores go to
``src/crosswire/attribution/data/verb_scores.json`` as whole percents; the attribution stage only reads that table
(no encoder at run time). Run ``bench/train_cues.py`` before and ``bench/train_attribution.py`` after it.

    .venv/bin/python bench/train_verb_scores.py
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from crosswire.nlp import embeddings
from crosswire.nlp.spacy_model import load_pipeline

DATA = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "attribution" / "data"
RATES = DATA / "cue_lemmas.json"
OUT = DATA / "verb_scores.json"
# The frame a lemma is embedded in: a subject before and a clause after it make the encoder read it as a verb.
FRAME = "they {} that"
SEED = 13
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)


def fit(vectors: np.ndarray, rates: np.ndarray, counts: np.ndarray, c: float) -> LogisticRegression:
    """A logistic regression of cue against not, each lemma weighted by its cue and its other tokens."""
    rows = np.vstack([vectors, vectors])
    labels = np.r_[np.ones(len(vectors)), np.zeros(len(vectors))]
    weights = np.r_[rates * counts, (1.0 - rates) * counts]
    return LogisticRegression(C=c, max_iter=3000).fit(rows, labels, sample_weight=weights)


def token_auc(scores: np.ndarray, rates: np.ndarray, counts: np.ndarray) -> float:
    """How well the scores rank the training tokens (cue or not), each token scored by its lemma."""
    labels = np.r_[np.ones(len(scores)), np.zeros(len(scores))]
    weights = np.r_[rates * counts, (1.0 - rates) * counts]
    return float(roc_auc_score(labels, np.r_[scores, scores], sample_weight=weights))


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if not RATES.exists():
        print(f"skip: {RATES} not found (run bench/train_cues.py)")
        return 0
    learned = json.loads(RATES.read_text(encoding="utf-8"))["lemmas"]
    lemmas = sorted(learned)
    rates = np.array([learned[lemma][0] for lemma in lemmas], dtype=np.float64)
    counts = np.array([learned[lemma][1] for lemma in lemmas], dtype=np.float64)
    vectors = embeddings.encode([FRAME.format(lemma) for lemma in lemmas], exact=True)
    order = list(range(len(lemmas)))
    random.Random(SEED).shuffle(order)
    folds = [np.array(sorted(order[k::FOLDS])) for k in range(FOLDS)]
    best: tuple[float, float, np.ndarray] = (-1.0, 0.0, np.zeros(0))
    for c in C_GRID:
        out_of_fold = np.zeros(len(lemmas))
        for fold in folds:
            train = np.setdiff1d(np.arange(len(lemmas)), fold)
            out_of_fold[fold] = fit(vectors[train], rates[train], counts[train], c).predict_proba(vectors[fold])[:, 1]
        auc = token_auc(out_of_fold, rates, counts)
        print(f"C={c}: out-of-fold token AUC {auc:.3f}")
        if auc > best[0]:
            best = (auc, c, out_of_fold)
    auc, c, out_of_fold = best
    scores = {lemma: round(100 * float(s)) for lemma, s in zip(lemmas, out_of_fold, strict=True)}
    model = fit(vectors, rates, counts, c)
    index = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"]
    others = sorted({v for v in index if v.isalpha() and v.islower() and v not in scores})
    other_vectors = embeddings.encode([FRAME.format(lemma) for lemma in others], exact=True)
    predicted = model.predict_proba(other_vectors)[:, 1]
    scores.update({lemma: round(100 * float(s)) for lemma, s in zip(others, predicted, strict=True)})
    payload = {
        "source": "PolNeAR train cue rates, all-MiniLM-L6-v2 vectors, bench/train_verb_scores.py",
        "frame": FRAME,
        "C": c,
        "auc": round(auc, 3),
        "scores": dict(sorted(scores.items())),
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"C={c}, AUC {auc:.3f}: {len(lemmas)} training lemmas out of fold, {len(others)} more verbs -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
