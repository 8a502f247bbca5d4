"""Stance of one-line texts (headlines): the headline reading against the stance networks, on FNC-1 train.

No headline-level stance data ships in ``../shared/data`` (the held-out Emergent headlines are the real test), so
two stand-ins from FNC-1 measure the one-line path of ``crosswire check``
(:mod:`crosswire.check.headline`):

- **one-line bodies**: every FNC-1 train pair whose body is a single short sentence (55 bodies): real texts of a
  headline's size with real labels. The networks were trained on most of them, so this favours the networks.
- **first sentences**: every related pair of the dev bodies (the split of ``bench/fnc1_stance.py``), the body cut to
  its first sentence, gold label kept. The label is the whole body's stance, so it is noisy for any reader.
- **headline pairs**: two headlines of one story, the claim and the text, where one body agrees with both
  (*supports*) or agrees with the claim and disagrees with the text (*refutes*); pairs that get both labels from
  different bodies are left out. Headline against headline, as the Emergent task reads them, but only two of its
  three classes (a hedge is no error here, so *discusses* counts as wrong). A seeded sample of 1,000 of each.

Per stand-in: accuracy and macro-F1 over the related pairs (supports / refutes / discusses, as the Emergent
headline task scores them), the share of related pairs called unrelated, and, for the one-line bodies, the share of
unrelated pairs still called unrelated.

    .venv/bin/python bench/headline_stance.py
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc1_stance
from crosswire.check.features import split_sentences
from crosswire.check.headline import is_headline, override_headlines
from crosswire.check.model import load_model
from crosswire.check.pairs import SIMILARITY_COLUMN, Featurizer

DATA = fnc1_stance.DATA
RELATED = ("supports", "refutes", "discusses")
SAMPLE = 1000
SEED = 20170601


def _scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    related = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != "unrelated"]
    unrelated = [p for g, p in zip(gold, predicted, strict=True) if g == "unrelated"]
    f1s = []
    for label in RELATED:
        tp = sum(1 for g, p in related if g == label and p == label)
        n_p = sum(1 for _, p in related if p == label)
        n_g = sum(1 for g, _ in related if g == label)
        f1s.append(2 * tp / (n_p + n_g) if n_p + n_g else 0.0)
    return {
        "accuracy": sum(1 for g, p in related if g == p) / len(related) if related else 0.0,
        "macro_f1": sum(f1s) / len(f1s),
        "related_called_unrelated": sum(1 for _, p in related if p == "unrelated") / len(related) if related else 0.0,
        "unrelated_kept": sum(1 for p in unrelated if p == "unrelated") / len(unrelated) if unrelated else 0.0,
        "pairs": float(len(gold)),
    }


def _both(pairs: list[tuple[str, str]], gold: list[str]) -> dict[str, dict[str, float]]:
    model = load_model()
    featurizer = Featurizer(model.idf)
    scalars, vectors, _ = featurizer.features(pairs)
    networks = model.decide(model.probabilities(scalars, vectors))
    reading = override_headlines(pairs, scalars[:, SIMILARITY_COLUMN].tolist(), networks)
    return {
        "networks": _scores(gold, [s for s, _ in networks]),
        "headline reading": _scores(gold, [s for s, _ in reading]),
    }


def headline_pairs(pairs: Sequence[fnc1_stance.Pair]) -> list[tuple[str, str, str]]:
    """(claim headline, text headline, label) from bodies that agree with the claim and agree or disagree with the
    text; a seeded sample of :data:`SAMPLE` per label."""
    by_body: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for pair in pairs:
        if pair.stance in {"supports", "refutes"}:
            by_body[pair.body][pair.claim] = pair.stance
    labels: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for headlines in by_body.values():
        for claim, claim_stance in headlines.items():
            if claim_stance != "supports":
                continue
            for text, text_stance in headlines.items():
                if text != claim:
                    labels[(claim, text)].add(text_stance)
    clean = sorted((claim, text, next(iter(found))) for (claim, text), found in labels.items() if len(found) == 1)
    random.Random(SEED).shuffle(clean)
    return [row for label in ("supports", "refutes") for row in [r for r in clean if r[2] == label][:SAMPLE]]


def measure() -> dict[str, dict[str, dict[str, float]]]:
    bodies, pairs = fnc1_stance.load(DATA)
    one_line = [p for p in pairs if is_headline(bodies[p.body])]
    _, dev = fnc1_stance.split_bodies(list(bodies))
    first = []
    for pair in pairs:
        if pair.body in dev and pair.stance != "unrelated":
            sentences = split_sentences(bodies[pair.body])
            if sentences:
                first.append((pair, sentences[0]))
    paired = headline_pairs(pairs)
    return {
        "one-line bodies": _both([(p.claim, bodies[p.body]) for p in one_line], [p.stance for p in one_line]),
        "first sentences": _both([(p.claim, text) for p, text in first], [p.stance for p, _ in first]),
        "headline pairs": _both([(claim, text) for claim, text, _ in paired], [label for _, _, label in paired]),
    }


def main() -> int:
    if not DATA.exists():
        print(f"skip: {DATA} not found")
        return 0
    for proxy, readers in measure().items():
        for reader, scores in readers.items():
            print(
                f"{proxy:16s} {reader:17s} accuracy {scores['accuracy']:.3f}  macro-F1 {scores['macro_f1']:.3f}  "
                f"related called unrelated {scores['related_called_unrelated']:.3f}  "
                f"unrelated kept {scores['unrelated_kept']:.3f}  ({scores['pairs']:.0f} pairs)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
