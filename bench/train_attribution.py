"""Train the learned cue classifier (:mod:`crosswire.attribution.cue_model`) on PolNeAR's training articles.

For every training article the attribution rules run first (``extract(article, learned=False)``); every verb they
left alone that has a subject and a complement is a proposal (``attribution.proposals``). A proposal is positive
when its content matches (the metric of ``bench/polnear.py``) a gold attribution the rules did not match: exactly
what it would add. A logistic regression over the proposals' sparse features (seen in at least ``--min-count``
proposals) is fitted; its regularisation and the probability threshold are chosen by five-fold cross-validation
over articles (fixed seed), maximising the F1 of rules plus accepted proposals on the training articles. The dev
split is never read. Weights go to ``src/crosswire/attribution/data/cue_model.json``. The proposals' features read
``data/cue_lemmas.json`` and ``data/verb_scores.json``: run ``bench/train_cues.py`` and ``bench/train_verb_scores.py``
first. ``--without-held`` fits on the training articles outside ``bench/polnear.py --split held`` only, so that split
measures the models out of sample (``--out`` elsewhere: the shipped file is kept).

    .venv/bin/python bench/train_attribution.py [--limit N] [--cache FILE.spacy] [--without-held] [--proposals-only]
        [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

import polnear
from crosswire.attribution import cue_model, cue_parse
from crosswire.attribution import finder as attribution
from crosswire.attribution.bounds import trim
from crosswire.context import Context, Options
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article
from crosswire.nlp.spacy_model import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "attribution" / "data" / "cue_model.json"
SEED = 13
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(17))
# Weights smaller than this are left out of the JSON (it stays small; dev F1 is the same without them).
MIN_WEIGHT = 0.05
SCREEN_THRESHOLDS = tuple(round(0.025 * k, 3) for k in range(21))


def _matches(start: int, end: int, gold: set[int]) -> bool:
    shared = len(gold.intersection(range(start, end)))
    return shared > 0 and 2 * shared >= len(gold) and 2 * shared >= end - start


def parsed_articles(
    limit: int | None, cache: Path | None, without_held: bool = False
) -> list[tuple[Article, list[polnear.Gold]]]:
    """The training articles, parsed (or read from ``cache``), with their entity mentions and gold attributions;
    ``without_held``: only those outside the held-out part (``bench/polnear.py --split held``)."""
    docs = list(polnear.documents("train", limit))
    nlp = load_pipeline()
    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))[: len(docs)]
    else:
        parsed = list(nlp.pipe(text for _, text, _ in docs))
        if cache is not None:
            bin_ = DocBin()
            for doc in parsed:
                bin_.add(doc)
            bin_.to_disk(cache)
    held = set(polnear.held_out([doc_id for doc_id, _, _ in docs])[0])
    out = []
    for (doc_id, text, golds), doc in zip(docs, parsed, strict=True):
        if without_held and doc_id in held:
            continue
        article = Article(id=doc_id, source=doc_id, raw=text, text=text, verbatim=True)
        article._doc = doc
        find_mentions(article, Context(options=Options(verbatim=True)))
        out.append((article, golds))
    return out


def boundary_examples(parsed: list[tuple[Article, list[polnear.Gold]]]) -> list[dict]:
    """Per article: the content-end variants of the rules' indirect statements that some variant makes match."""
    articles = []
    for article, golds in parsed:
        rows = []
        for group, (start, found) in enumerate(attribution.end_choices(article)):
            labels = [any(_matches(start, v.end, g.content) for g in golds) for v in found]
            if any(labels) and not all(labels):
                rows += [
                    {"features": list(v.features), "label": y, "group": group}
                    for v, y in zip(found, labels, strict=True)
                ]
        articles.append({"boundary": rows})
    return articles


def boundary_score(articles: list[dict], probs: list[np.ndarray]) -> float:
    """The share of statements whose likeliest content end matches a gold attribution."""
    right = total = 0
    for article, prob in zip(articles, probs, strict=True):
        best: dict[int, tuple[float, int, bool]] = {}
        for k, (row, p) in enumerate(zip(article["boundary"], prob, strict=True)):
            key = (float(p), -k, row["label"])
            if row["group"] not in best or key[:2] > best[row["group"]][:2]:
                best[row["group"]] = key
        right += sum(label for _, _, label in best.values())
        total += len(best)
    return right / total if total else 0.0


def examples(parsed: list[tuple[Article, list[polnear.Gold]]]) -> tuple[list[dict], dict[str, int]]:
    """Per article: the rules' statements for the screen, the proposals, and the rules' own counts."""
    articles = []
    totals: Counter[str] = Counter()
    for article, golds in parsed:
        text = article.text
        screened = attribution.screenings(article)
        rules = [SimpleNamespace(content_start=span[0], content_end=span[1]) for span, twin, _ in screened if not twin]
        pairs = polnear.match(golds, rules)  # type: ignore[arg-type]
        matched = {g for _, g in pairs}
        kept = {p for p, _ in pairs}
        totals["rule_tp"] += len(pairs)
        totals["rule_pred"] += len(rules)
        totals["gold"] += len(golds)
        screen = [
            {"features": list(features), "label": k in kept}
            for k, features in enumerate(features for _, twin, features in screened if not twin)
        ]
        open_golds = [g.content for i, g in enumerate(golds) if i not in matched]
        open_sources = [g.source for i, g in enumerate(golds) if i not in matched]
        rows = []
        for proposal in attribution.proposals(article):
            start, end = trim(text, *proposal.content)
            speaker = proposal.speaker
            # a proposal counts when it would add an attribution with its source right (speaker accuracy matters)
            label = any(
                _matches(start, end, gold) and any(s < speaker[1] and speaker[0] < e for s, e in source)
                for gold, source in zip(open_golds, open_sources, strict=True)
            )
            rows.append(
                {"features": list(proposal.features), "label": label, "span": (start, end), "token": proposal.token.i}
            )
        spans = [(s.content_start, s.content_end) for s in rules]
        articles.append({"rows": rows, "spans": spans, "golds": open_golds, "screen": screen})
    return articles, dict(totals)


def f1_at(articles: list[dict], probs: list[np.ndarray], threshold: float, totals: dict[str, int]) -> float:
    """F1 on the training articles of the rules plus the proposals accepted at ``threshold`` (with the same dedup)."""
    tp, pred = totals["rule_tp"], totals["rule_pred"]
    for article, prob in zip(articles, probs, strict=True):
        spans = list(article["spans"])
        used: set[int] = set()
        read: set[int] = set()
        for k in np.argsort(-prob, kind="stable"):
            if prob[k] < threshold:
                break
            start, end = article["rows"][k]["span"]
            token = article["rows"][k]["token"]
            if token in read or end - start < 2 or any(cue_parse.same_content(start, end, *o) for o in spans):
                continue
            spans.append((start, end))
            read.add(token)
            pred += 1
            for g, gold in enumerate(article["golds"]):
                if g not in used and _matches(start, end, gold):
                    used.add(g)
                    tp += 1
                    break
    precision = tp / pred if pred else 0.0
    recall = tp / totals["gold"]
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def matrix(rows: list[dict], vocab: dict[str, int]) -> sparse.csr_matrix:
    cells = [(r, vocab[f]) for r, row in enumerate(rows) for f in set(row["features"]) if f in vocab]
    data = np.ones(len(cells), dtype=np.float32)
    index = (np.array([r for r, _ in cells], dtype=np.int64), np.array([c for _, c in cells], dtype=np.int64))
    return sparse.csr_matrix((data, index), shape=(len(rows), len(vocab)))


def screen_f1(articles: list[dict], probs: list[np.ndarray], threshold: float, totals: dict[str, int]) -> float:
    """F1 on the training articles of the rules without the statements the screen drops at ``threshold``."""
    tp, pred = totals["rule_tp"], totals["rule_pred"]
    for article, prob in zip(articles, probs, strict=True):
        for row, p in zip(article["screen"], prob, strict=True):
            if p < threshold:
                pred -= 1
                tp -= row["label"]
    precision = tp / pred if pred else 0.0
    recall = tp / totals["gold"]
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def fit(
    articles: list[dict],
    key: str,
    thresholds: tuple[float, ...],
    score: Callable[[list[dict], list[np.ndarray], float], float],
    min_count: int,
) -> dict:
    """Cross-validate C and the threshold over articles, then fit on all: the model's JSON part."""
    counts = Counter(f for a in articles for row in a[key] for f in set(row["features"]))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    xs = [matrix(a[key], vocab) for a in articles]
    ys = [np.array([row["label"] for row in a[key]], dtype=np.int8) for a in articles]
    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    print(f"{key}: {sum(len(y) for y in ys)} rows, {sum(int(y.sum()) for y in ys)} positive, {len(vocab)} features")
    best = (-1.0, 0.0, 0.0)
    for c in C_GRID:
        probs: list[np.ndarray] = [np.zeros(0)] * len(articles)
        for fold in folds:
            held = set(fold)
            train_idx = [i for i in order if i not in held]
            model = LogisticRegression(C=c, max_iter=3000)
            model.fit(sparse.vstack([xs[i] for i in train_idx]), np.concatenate([ys[i] for i in train_idx]))
            for i in fold:
                probs[i] = model.predict_proba(xs[i])[:, 1] if len(ys[i]) else np.zeros(0)
        for threshold in thresholds:
            f1 = score(articles, probs, threshold)
            if f1 > best[0]:
                best = (f1, c, threshold)
        print(f"  C={c}: best so far F1 {best[0]:.4f} at C={best[1]} threshold {best[2]}")
    _, c, threshold = best
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(sparse.vstack(xs), np.concatenate(ys))
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w), 2) for f, w in zip(names, model.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT}
    return {
        "C": c,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }


def save(models: dict[str, dict], out: Path = OUT) -> None:
    """Write the models to ``out`` (``data/cue_model.json``) and make the attribution stage read them afresh."""
    out.write_text(
        json.dumps({"source": "PolNeAR train, bench/train_attribution.py", **models}, indent=0) + "\n",
        encoding="utf-8",
    )
    cue_model._models.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None, help="a DocBin of the parsed training articles")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument(
        "--without-held",
        action="store_true",
        help="fit on the training articles outside the held-out part only (to measure on it out of sample)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where the weights go (the shipped file by default)")
    parser.add_argument(
        "--proposals-only",
        action="store_true",
        help="refit the cue classifier of the proposals only; the content-end chooser and the screen stay as shipped",
    )
    args = parser.parse_args()
    if not (polnear.DATA / "train").is_dir():
        print(f"skip: {polnear.DATA / 'train'} not found")
        return 0
    parsed = parsed_articles(args.limit, args.cache, args.without_held)
    if args.proposals_only:
        kept_parts = json.loads(OUT.read_text(encoding="utf-8"))
        articles, totals = examples(parsed)
        proposals = fit(articles, "rows", THRESHOLDS, lambda a, p, t: f1_at(a, p, t, totals), args.min_count)
        save({"boundary": kept_parts["boundary"], "screen": kept_parts["screen"], "proposals": proposals}, args.out)
        print(f"weights {{'proposals': {len(proposals['weights'])}}} -> {args.out}")
        return 0
    ends = boundary_examples(parsed)
    kept = [np.array([1.0 if "v=keep" in row["features"] else 0.0 for row in a["boundary"]]) for a in ends]
    print(f"boundary: the rules' own ends match in {boundary_score(ends, kept):.4f} of the statements some end matches")
    boundary = fit(ends, "boundary", (0.0,), lambda a, p, t: boundary_score(a, p), args.min_count)
    save({"boundary": boundary}, args.out)
    articles, totals = examples(parsed)
    print(f"rules alone: F1 {screen_f1(articles, [np.ones(len(a['screen'])) for a in articles], 0.0, totals):.4f}")
    screen = fit(articles, "screen", SCREEN_THRESHOLDS, lambda a, p, t: screen_f1(a, p, t, totals), args.min_count)
    proposals = fit(articles, "rows", THRESHOLDS, lambda a, p, t: f1_at(a, p, t, totals), args.min_count)
    save({"boundary": boundary, "screen": screen, "proposals": proposals}, args.out)
    sizes = {
        name: len(part["weights"])
        for name, part in (("boundary", boundary), ("screen", screen), ("proposals", proposals))
    }
    print(f"weights {sizes} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
