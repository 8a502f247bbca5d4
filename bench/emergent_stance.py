"""Headline stance on emergent-dev (Ferreira & Vlachos 2016): accuracy, per-class F1 and confusion matrix.

236 (claim headline, article headline) pairs over 33 claims, one half of the Emergent test set split by claim; the
other half is held out. Labels map ``for`` -> supports, ``against`` -> refutes, ``observing`` -> discusses, and a
prediction of ``unrelated`` counts as ``discusses`` (the set's README).

Two figures:

- **shipped**: every pair through the public contract, ``crosswire check --pairs`` (``--in-process``: the library),
  with the headline model shipped in ``crosswire/check/data``. That model was trained on every row here, so this
  figure is *not* a measure of unseen claims;
- **cross-validated by claim** (``--cv``): the headline model of ``bench/train_headline.py`` retrained on the
  claims of all but one fold and read on the claims of that fold, for each of the folds; the honest figure, and the
  one the quality gate pins.

    .venv/bin/python bench/emergent_stance.py [--cv] [--in-process]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "emergent-dev"
CROSSWIRE = Path(sys.executable).parent / "crosswire"
LABELS = {"for": "supports", "against": "refutes", "observing": "discusses"}
CLASSES = ("supports", "refutes", "discusses")


@dataclass(frozen=True)
class Row:
    claim_id: str
    claim: str
    text: str
    stance: str  # crosswire's label
    ferreira: str  # the published system's prediction, crosswire's label


def load(data: Path = DATA) -> list[Row]:
    with (data / "emergent_dev.csv").open(encoding="utf-8", newline="") as stream:
        return [
            Row(
                r["claimId"],
                r["claimHeadline"],
                r["articleHeadline"],
                LABELS[r["gold"]],
                LABELS.get(r["ferreira2016_pred"], "discusses"),
            )
            for r in csv.DictReader(stream)
        ]


def as_emergent(stance: str) -> str:
    return "discusses" if stance == "unrelated" else stance


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    predicted = [as_emergent(p) for p in predicted]
    result = {"accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0}
    f1s = []
    for label in CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n = sum(1 for g in gold if g == label) + sum(1 for p in predicted if p == label)
        f1s.append(2 * tp / n if n else 0.0)
        result[f"f1_{label}"] = f1s[-1]
    result["macro_f1"] = sum(f1s) / len(f1s)
    return result


def print_report(name: str, gold: list[str], predicted: list[str]) -> dict[str, float]:
    result = scores(gold, predicted)
    predicted = [as_emergent(p) for p in predicted]
    print(f"{name}: accuracy {result['accuracy']:.4f}  macro-F1 {result['macro_f1']:.4f}  "
          + "  ".join(f"{c} {result[f'f1_{c}']:.3f}" for c in CLASSES))  # fmt: skip
    confusion = Counter(zip(gold, predicted, strict=True))
    print("  confusion (rows gold, columns predicted):")
    print("  " + " " * 10 + "".join(f"{c:>10}" for c in CLASSES))
    for g in CLASSES:
        print(f"  {g:>10}" + "".join(f"{confusion[(g, p)]:>10}" for p in CLASSES))
    return result


def run_cli(rows: list[Row]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "emergent.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for i, row in enumerate(rows):
                stream.write(json.dumps({"id": i, "claim": row.claim, "text": row.text}) + "\n")
        done = subprocess.run(
            [str(CROSSWIRE), "check", "--pairs", str(path)], check=True, capture_output=True, text=True
        )
    return [json.loads(line)["stance"] for line in done.stdout.splitlines()]


def run_in_process(rows: list[Row]) -> list[str]:
    from crosswire.check.pairs import Pair, check_pairs

    records = [Pair(id=i, claim=r.claim, text=r.text, line=i + 1) for i, r in enumerate(rows)]
    return [r.stance for r in check_pairs(records)]


def measure() -> dict[str, float]:
    """The cross-validated-by-claim scores, for the quality gate."""
    import train_headline

    rows = load()
    return scores([r.stance for r in rows], train_headline.cross_validate(rows))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cv", action="store_true", help="also the cross-validation by claim")
    parser.add_argument("--in-process", action="store_true", help="call the library instead of the CLI")
    args = parser.parse_args()
    if not (args.data / "emergent_dev.csv").exists():
        print(f"skip: {args.data} not found")
        return 0
    rows = load(args.data)
    gold = [r.stance for r in rows]
    print(f"pairs: {len(rows)}  claims: {len({r.claim_id for r in rows})}  gold: {dict(Counter(gold))}")
    print_report("Ferreira & Vlachos 2016 (published predictions)", gold, [r.ferreira for r in rows])
    predicted = run_in_process(rows) if args.in_process else run_cli(rows)
    print_report("shipped (trained on these rows)", gold, predicted)
    if args.cv:
        import train_headline

        print_report(
            f"cross-validated by claim ({train_headline.FOLDS} folds)", gold, train_headline.cross_validate(rows)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
