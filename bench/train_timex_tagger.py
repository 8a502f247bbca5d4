"""Train the time-expression boundary tagger (``crosswire.time.tagger``) on the tuning part of TempEval-3 train.

Only the tuning part (``tempeval.part_of(doc) == "tuning"``) is read; the frozen fifth stays unseen so that
``bench/tempeval.py --part frozen`` measures the tagger on documents it never saw. Each document's text is cut into
tokens, the rule candidates are tagged onto them, and every token gets the gold label B, I or O from the TIMEX3
spans. A multinomial logistic regression (scikit-learn) over the observation features plus the previous gold label
is the local model of a maximum-entropy Markov model; its weights go to ``src/crosswire/time/data/timex_tagger.npz``
as plain arrays (feature names, weights, previous-label weights, bias), which the stage decodes with Viterbi.

    .venv/bin/python bench/train_timex_tagger.py [--dev | --frozen] [--c 2.0] [--min-count 2]

``--frozen`` does not train: it prints the frozen part's scores (never its mismatches) of the rules alone and of the
rules with the shipped tagger, in process, so that the tagger's own share of the frozen figure is measured.

``--cross`` does not write the model: it measures the domain shift the learned part meets. The tagger is trained on
the tuning documents of one source corpus (TimeBank: 1989-1998 financial and general news; AQUAINT: 1998-2000
wire services) and scored on the tuning documents of the other, against the rules alone, both directions. The
TempEval-3 platinum test is newer newswire by other annotators, so a gain that survives this swap is one that can
carry over; the frozen part stays out of it.

``--dev`` does not write the model: it trains on four fifths of the tuning part and prints, on the remaining fifth,
the scores of the rules alone and of the rules with the tagger (in process, without the rest of the pipeline), so
that choices (features, regularization) are made on tuning documents too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tempeval
from crosswire.nlp.spacy_model import load_pipeline
from crosswire.time import tagger, timex

C = 2.0  # inverse L2 regularization strength of the shipped model
MIN_COUNT = 2  # features seen fewer times in training are dropped
OUT = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "time" / "data" / tagger.MODEL_FILE


def gold_labels(tokens: list[tagger.Token], gold: list[tempeval.Tx]) -> list[str]:
    labels = ["O"] * len(tokens)
    for g in gold:
        first = True
        for i, tok in enumerate(tokens):
            if tok.start >= g.start and tok.end <= g.end:
                labels[i] = "B" if first else "I"
                first = False
    return labels


def examples(docs: list[tempeval.Doc]) -> tuple[list[list[str]], list[int], list[int]]:
    """Observation features, previous gold label and gold label of every token of ``docs``."""
    feats: list[list[str]] = []
    prev: list[int] = []
    ys: list[int] = []
    for doc in docs:
        tokens = tagger.tokenize(doc.text)
        rtags = tagger.rule_tags(tokens, timex.candidates(doc.text))
        labels = [tagger.LABELS.index(x) for x in gold_labels(tokens, doc.gold)]
        feats += tagger.features(tokens, rtags)
        prev += [0, *labels[:-1]]
        ys += labels
    return feats, prev, ys


def train(docs: list[tempeval.Doc], c: float, min_count: int) -> tagger.Model:
    feats, prev, ys = examples(docs)
    counts = Counter(f for fs in feats for f in fs)
    names = sorted(f for f, n in counts.items() if n >= min_count and f != "bias")
    index = {f: i for i, f in enumerate(names)}
    k = len(tagger.LABELS)
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
        rows.append(r)
        cols.append(len(names) + prev[r])
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(names) + k))
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, np.array(ys))
    assert list(clf.classes_) == list(range(k))
    coef = clf.coef_.T  # (features + k, labels)
    return tagger.Model(index, coef[: len(names)].copy(), coef[len(names) :].copy(), clf.intercept_.copy())


def in_process(
    docs: list[tempeval.Doc], use_tagger: bool, parses: dict[str, object], errors: Path | None = None
) -> dict[str, float]:
    """TempEval-3 scores of the time stage alone (no other stage) on ``docs``."""
    nlp = load_pipeline()
    system: dict[str, list[tempeval.Tx]] = {}

    def parse(d: tempeval.Doc) -> object:
        if d.id not in parses:
            parses[d.id] = nlp(d.text)
        return parses[d.id]

    for doc in docs:
        found = timex.resolve(doc.text, doc.dct or None, lambda d=doc: parse(d), use_tagger=use_tagger)
        system[doc.id] = [tempeval.Tx(t.start, t.end, t.type, t.value, t.text) for t in found]
    totals, mismatches = tempeval.evaluate(docs, system)
    if errors is not None:
        errors.write_text("\n".join(mismatches) + "\n", encoding="utf-8")
    out = tempeval.scores(totals["ALL"])
    out["type_f1"] = tempeval.type_f1(totals)
    return out


def _line(name: str, docs: list[tempeval.Doc], s: dict[str, float]) -> str:
    return (
        f"{name:<34} {len(docs):>3} docs: strict {s['strict_f1']:.3f} relaxed {s['relaxed_f1']:.3f} "
        f"type {s['type_f1']:.3f} value {s['value_f1']:.3f}"
    )


_DIRECTIONS = (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank"))


def cross(
    docs: list[tempeval.Doc], c: float, min_count: int, confidences: list[float], quiet: bool = False
) -> dict[str, float]:
    """The tagger trained on one corpus's tuning documents, scored on the other's, against the rules alone.

    One line per edge confidence (:data:`crosswire.time.tagger.CONFIDENCE`) in ``confidences``. Returns the strict
    F1 of each direction at the last confidence (``TimeBank_to_AQUAINT_strict_f1``, ...) and of the rules alone
    (``AQUAINT_rules_strict_f1``, ...).
    """
    original = tagger.refine
    parses: dict[str, object] = {}
    out: dict[str, float] = {}
    try:
        for source, target in _DIRECTIONS:
            fit = [d for d in docs if d.corpus == source]
            test = [d for d in docs if d.corpus == target]
            model = train(fit, c, min_count)
            tagger.refine = original  # type: ignore[assignment]
            s = in_process(test, False, parses)
            out[f"{target}_rules_strict_f1"] = s["strict_f1"]
            if not quiet:
                print(_line(f"rules alone on {target}", test, s))
            for conf in confidences:
                tagger.refine = lambda t, cands, m=model, p=conf: original(  # type: ignore[assignment,misc]
                    t, cands, m, confidence=p
                )
                s = in_process(test, True, parses)
                out[f"{source}_to_{target}_strict_f1"] = s["strict_f1"]
                if not quiet:
                    print(_line(f"tagger {source} -> {target} p>={conf:g}", test, s))
    finally:
        tagger.refine = original  # type: ignore[assignment]
    return out


def measure_cross() -> dict[str, float]:
    """The quality gate's domain-shift measure: :func:`cross` at the shipped edge confidence, nothing printed."""
    docs = tempeval.load_corpus(part="tuning")
    return cross(docs, C, MIN_COUNT, [tagger.CONFIDENCE], quiet=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dev", action="store_true", help="train on 4/5 of the tuning part, score the other 1/5")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 regularization strength")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="drop features seen fewer times")
    parser.add_argument("--frozen", action="store_true", help="score the shipped tagger on the frozen part")
    parser.add_argument("--cross", action="store_true", help="train on one source corpus, score the other")
    parser.add_argument(
        "--confidence",
        type=float,
        nargs="+",
        default=[tagger.CONFIDENCE],
        help="with --dev or --cross: the edge confidences to compare (default: the shipped one)",
    )
    parser.add_argument("--errors", type=Path, default=None, help="with --dev: write each variant's mismatches")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the package's)")
    args = parser.parse_args()
    if not tempeval.DATA.exists():
        print(f"{tempeval.DATA} not found")
        return 1
    began = time.perf_counter()
    if args.frozen:
        frozen = tempeval.load_corpus(part="frozen")
        parses: dict[str, object] = {}
        for name, use in (("rules", False), ("rules+tagger", True)):
            s = in_process(frozen, use, parses)
            print(
                f"{name:<14} frozen {len(frozen)} docs: strict {s['strict_f1']:.3f} relaxed {s['relaxed_f1']:.3f} "
                f"type {s['type_f1']:.3f} value {s['value_f1']:.3f}"
            )
        print(f"{time.perf_counter() - began:.1f} s")
        return 0
    docs = tempeval.load_corpus(part="tuning")
    if args.cross:
        cross(docs, args.c, args.min_count, args.confidence)
    elif args.dev:
        fit = [d for i, d in enumerate(docs) if i % 5 != 2]
        dev = [d for i, d in enumerate(docs) if i % 5 == 2]
        model = train(fit, args.c, args.min_count)
        original = tagger.refine
        parses: dict[str, object] = {}
        variants: list[tuple[str, dict[str, object]]] = [("rules", {})]
        variants += [(f"edges p>={p:g}", {"confidence": p}) for p in args.confidence]
        variants += [("edges and veto", {"veto": True})]
        try:
            for name, kw in variants:
                tagger.refine = lambda t, c, kw=kw: original(t, c, model, **kw)  # type: ignore[assignment,misc]
                target = args.errors.with_suffix(f".{name.replace(' ', '-')}.tsv") if args.errors else None
                s = in_process(dev, name != "rules", parses, target)
                print(
                    f"{name:<14} dev {len(dev)} docs: strict {s['strict_f1']:.3f} relaxed {s['relaxed_f1']:.3f} "
                    f"type {s['type_f1']:.3f} value {s['value_f1']:.3f}"
                )
        finally:
            tagger.refine = original  # type: ignore[assignment]
    else:
        model = train(docs, args.c, args.min_count)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        model.save(str(args.out))
        print(f"{args.out.name}: {len(model.index)} features from {len(docs)} tuning documents")
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
