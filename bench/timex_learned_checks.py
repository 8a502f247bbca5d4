"""Two learned decisions over the time rules' expressions, measured before any is shipped: keep/drop, and the type.

The TempEval-3 platinum losses of the time stage were in relaxed span F1 and in the TIMEX3 type of the expressions
it found, not in their values. Two small learned models could take those decisions from the rules, each a logistic
regression (scikit-learn) over one expression at a time: its words, first and last word, the rule's type, the shape
of its value (a day, a year, a duration, ``PRESENT_REF``...), the two words on each side, capitalization and
whether it opens a sentence.

- **keep/drop**: is a rule expression a gold timex at all (it overlaps one)? Dropped when p < threshold.
- **type**: the gold TIMEX3 type of a found expression; the rule's type is replaced only when the model prefers
  another type by at least a margin of probability.

Each is trained on the tuning part of TempEval-3 train only and scored three ways (the time stage alone, with
its parse for tense): 5-fold cross-validation by document on the tuning part, across the source corpora
(TimeBank tuning -> AQUAINT tuning and back), and on the frozen fifth (scores only, never its mismatches).
Nothing is written; the figures decide whether such a model belongs in the stage.

    .venv/bin/python bench/timex_learned_checks.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tempeval
from crosswire.model import Timex
from crosswire.nlp.spacy_model import load_pipeline
from crosswire.time import timex

TYPES = ("DATE", "DURATION", "SET", "TIME")
THRESHOLDS = (0.3, 0.5)  # keep/drop: an expression is dropped below this probability
MARGINS = (0.0, 0.3, 0.6)  # type: the model's type replaces the rule's when preferred by this much
_WORD = re.compile(r"[\w'’]+|[^\w\s]")


def _value_shape(value: str) -> str:
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return value
    if value.startswith("P"):
        return "DURATION-X" if "X" in value else "DURATION"
    if re.fullmatch(r"\d{4}", value):
        return "YEAR"
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return "DAY"
    return re.sub(r"\d", "9", value)[:7]


def features(text: str, t: Timex) -> dict[str, float]:
    """The features of one expression in its text."""
    low = t.text.lower()
    words = low.split()
    shape = _value_shape(t.value)
    before = _WORD.findall(text[max(0, t.start - 60) : t.start])[-2:]
    after = _WORD.findall(text[t.end : t.end + 60])[:2]
    f = {f"text={low}": 1.0, f"first={words[0]}": 1.0, f"last={words[-1]}": 1.0, f"type={t.type}": 1.0}
    f |= {f"shape={shape}": 1.0, f"shape_type={shape}_{t.type}": 1.0, f"words={min(len(words), 4)}": 1.0}
    f |= {f"b{k}={w.lower()}": 1.0 for k, w in enumerate(reversed(before))}
    f |= {f"a{k}={w.lower()}": 1.0 for k, w in enumerate(after)}
    if before:
        f[f"b0_shape={before[-1].lower()}_{shape}"] = 1.0
    if after:
        f[f"a0_shape={after[0].lower()}_{shape}"] = 1.0
    f["capitalized"] = float(t.text[:1].isupper())
    f["sentence_start"] = float(not before or before[-1] in ".!?\"`'")
    f["digit"] = float(any(c.isdigit() for c in t.text))
    return f


class Stage:
    """The time stage's expressions of each document, computed once (with the shared parse for tense)."""

    def __init__(self) -> None:
        self.nlp = load_pipeline()
        self.found: dict[str, list[Timex]] = {}

    def __call__(self, doc: tempeval.Doc) -> list[Timex]:
        if doc.id not in self.found:
            parsed: list[object] = []

            def parse() -> object:
                if not parsed:
                    parsed.append(self.nlp(doc.text))
                return parsed[0]

            self.found[doc.id] = timex.resolve(doc.text, doc.dct or None, parse)
        return self.found[doc.id]


def _overlapping(doc: tempeval.Doc, t: Timex) -> list[tempeval.Tx]:
    return [g for g in doc.gold if g.start < t.end and t.start < g.end]


def _fit(rows: list[dict[str, float]], labels: list[int]) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    clf = LogisticRegression(C=1.0, max_iter=3000).fit(vec.fit_transform(rows), np.array(labels))
    return vec, clf


Systems = dict[str, dict[str, list[tempeval.Tx]]]


def keep_drop(train: list[tempeval.Doc], test: list[tempeval.Doc], stage: Stage) -> Systems:
    rows = [features(d.text, t) for d in train for t in stage(d)]
    labels = [int(bool(_overlapping(d, t))) for d in train for t in stage(d)]
    vec, clf = _fit(rows, labels)
    out: Systems = {"rules": {}, **{f"drop p<{th:g}": {} for th in THRESHOLDS}}
    for d in test:
        found = stage(d)
        p = clf.predict_proba(vec.transform([features(d.text, t) for t in found]))[:, 1] if found else []
        out["rules"][d.id] = [tempeval.Tx(t.start, t.end, t.type, t.value, t.text) for t in found]
        for th in THRESHOLDS:
            kept = [t for t, pi in zip(found, p, strict=True) if pi >= th]
            out[f"drop p<{th:g}"][d.id] = [tempeval.Tx(t.start, t.end, t.type, t.value, t.text) for t in kept]
    return out


def retype(train: list[tempeval.Doc], test: list[tempeval.Doc], stage: Stage) -> Systems:
    pairs = [(d, t, _overlapping(d, t)) for d in train for t in stage(d)]
    vec, clf = _fit([features(d.text, t) for d, t, g in pairs if g], [TYPES.index(g[0].type) for _, _, g in pairs if g])
    classes = [TYPES[c] for c in clf.classes_]
    out: Systems = {"rules": {}, **{f"retype margin {m:g}": {} for m in MARGINS}}
    for d in test:
        found = stage(d)
        probs = clf.predict_proba(vec.transform([features(d.text, t) for t in found])) if found else []
        out["rules"][d.id] = [tempeval.Tx(t.start, t.end, t.type, t.value, t.text) for t in found]
        for m in MARGINS:
            typed = []
            for t, p in zip(found, probs, strict=True):
                best = classes[int(np.argmax(p))]
                own = p[classes.index(t.type)] if t.type in classes else 0.0
                kind = best if best != t.type and p.max() - own >= m else t.type
                typed.append(tempeval.Tx(t.start, t.end, kind, t.value, t.text))
            out[f"retype margin {m:g}"][d.id] = typed
    return out


def _score(name: str, docs: list[tempeval.Doc], system: dict[str, list[tempeval.Tx]]) -> str:
    return tempeval.summary(name, docs, tempeval.evaluate(docs, system)[0])


def report(title: str, model: Callable[[list[tempeval.Doc], list[tempeval.Doc], Stage], Systems], stage: Stage) -> None:
    print(title)
    tuning = tempeval.load_corpus(part="tuning")
    folds: Systems = {}
    for k in range(5):
        fit = [d for i, d in enumerate(tuning) if i % 5 != k]
        held = [d for i, d in enumerate(tuning) if i % 5 == k]
        for name, system in model(fit, held, stage).items():
            folds.setdefault(name, {}).update(system)
    for name, system in folds.items():
        print(_score(f"  5-fold tuning, {name}", tuning, system))
    for source, target in (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")):
        fit = [d for d in tuning if d.corpus == source]
        held = [d for d in tuning if d.corpus == target]
        for name, system in model(fit, held, stage).items():
            print(_score(f"  {source}->{target}, {name}", held, system))
    frozen = tempeval.load_corpus(part="frozen")
    for name, system in model(tuning, frozen, stage).items():
        print(_score(f"  frozen, {name}", frozen, system))
        for corpus in tempeval.CORPORA:
            mine = [d for d in frozen if d.corpus == corpus]
            print(_score(f"    frozen {corpus}", mine, system))


def main() -> int:
    if not tempeval.DATA.exists():
        print(f"{tempeval.DATA} not found")
        return 1
    began = time.perf_counter()
    stage = Stage()
    report("keep/drop: a learned yes/no over the rules' expressions", keep_drop, stage)
    report("type: a learned TIMEX3 type over the rules' expressions", retype, stage)
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
