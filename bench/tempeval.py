"""Time expressions against TempEval-3 (TimeBank + AQUAINT): span and value scores of Crosswire's time stage.

Reads every ``.tml`` file of ``../shared/data/tempeval3-train`` (TimeBank/ and AQUAINT/), feeds the text of each
``<TEXT>`` element (tags stripped, entities decoded, every character kept so gold offsets index it) with
``published`` = the document creation time through the public command line::

    crosswire analyze - --raw --out DIR      (JSON Lines {"id", "text", "published"} on stdin)

and scores ``DIR/dossier.json`` with the TempEval-3 task A metric (``../shared/data/README.md``): strict span F1,
relaxed (overlap) span F1, and value F1 = relaxed F1 x the share of relaxed matches whose value equals gold exactly.
Only gold timexes inside ``<TEXT>`` count (the DCT is the input, not a target). Matching is one-to-one and greedy in
text order. Per-type rows match gold and system timexes of that type only, so a type error costs in both rows.

The 256 documents are split by document into a tuning part and a frozen measuring part (:func:`part_of`): a fixed
fifth chosen by a hash of the document name, so the split never depends on file order or on what is on disk. Rules
and learned models are written and trained against the tuning part only; the quality gate reports the frozen part,
which is the honest predictor of the held-out TempEval-3 platinum set. ``--errors`` refuses to list the frozen part.

    .venv/bin/python bench/tempeval.py [--part all|tuning|frozen] [--limit N] [--errors FILE] [--by-corpus]
    .venv/bin/python bench/tempeval.py --stage-only ...   (the time stage alone, in process)

``--stage-only`` gives the same figures as the full run (the time stage reads nothing from the other stages) and
runs against whatever ``crosswire`` is first on ``PYTHONPATH``, so an older source tree can be scored on the frozen
part for comparison (docs/time.md, "The forecast").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "tempeval3-train"
TYPES = ("DATE", "DURATION", "SET", "TIME")
PARTS = ("all", "tuning", "frozen")
CORPORA = ("TimeBank", "AQUAINT")
_SPLIT_SALT = "crosswire-tempeval3-split-v1"


def part_of(doc_id: str) -> str:
    """``"frozen"`` for a fixed fifth of the documents (by a salted hash of the name), else ``"tuning"``."""
    digest = hashlib.sha256(f"{_SPLIT_SALT}:{doc_id}".encode()).digest()
    return "frozen" if int.from_bytes(digest[:4], "big") % 5 == 0 else "tuning"


@dataclass
class Tx:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    id: str
    text: str
    dct: str
    gold: list[Tx] = field(default_factory=list)
    corpus: str = ""  # "TimeBank" or "AQUAINT": the two sources differ in era, agency and annotation


def load_doc(path: Path) -> Doc:
    """The text of ``<TEXT>`` with every tag removed, and the gold TIMEX3 spans as offsets into it."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = dct_el.get("value", "") if dct_el is not None else ""
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[Tx] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            gold.append(Tx(start, pos, el.get("type", ""), el.get("value", ""), "".join(parts)[start:pos]))

    if text_el is not None:
        walk(text_el)
    return Doc(path.stem, "".join(parts), dct[:10] if len(dct) >= 10 else dct, gold, path.parent.name)


def load_corpus(limit: int | None = None, part: str = "all") -> list[Doc]:
    """The documents of ``part`` (``all``, ``tuning`` or ``frozen``), TimeBank then AQUAINT, each in name order."""
    files = sorted((DATA / "TimeBank").glob("*.tml")) + sorted((DATA / "AQUAINT").glob("*.tml"))
    if part != "all":
        files = [p for p in files if part_of(p.stem) == part]
    return [load_doc(p) for p in files[:limit]]


def run_time_stage(docs: list[Doc]) -> dict[str, list[Tx]]:
    """System timexes per document id from the time stage alone, in process (``--stage-only``).

    Calls only ``crosswire.time.timex.resolve(text, published, doc_fn)``, the signature every version of the stage
    has had, so that an older source tree put first on ``PYTHONPATH`` is scored the same way: this is how the code
    that was scored on the held-out platinum test is compared with today's on the frozen part (docs/time.md).
    """
    from crosswire.nlp.spacy_model import load_pipeline
    from crosswire.time import timex

    nlp = load_pipeline()
    out: dict[str, list[Tx]] = {}
    for doc in docs:
        found = timex.resolve(doc.text, doc.dct or None, lambda d=doc: nlp(d.text))
        out[doc.id] = [Tx(t.start, t.end, t.type, t.value, t.text) for t in found]
    return out


def run_crosswire(docs: list[Doc]) -> dict[str, list[Tx]]:
    """System timexes per document id, through ``crosswire analyze - --raw``."""
    lines = [json.dumps({"id": d.id, "text": d.text, "published": d.dct or None}) for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        exe = REPO / ".venv" / "bin" / "crosswire"
        subprocess.run(
            [str(exe), "analyze", "-", "--raw", "--out", tmp, "-q"],
            input="\n".join(lines) + "\n",
            text=True,
            check=True,
            capture_output=True,
        )
        dossier = json.loads((Path(tmp) / "dossier.json").read_text(encoding="utf-8"))
    out: dict[str, list[Tx]] = {}
    for art in dossier["articles"]:
        out[art["id"]] = [Tx(t["start"], t["end"], t["type"], t["value"], t["text"]) for t in art["timexes"]]
    return out


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    typed: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.typed += other.typed


def _f1(hit: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hit / system if system else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[Tx], system: list[Tx]) -> tuple[Counts, list[tuple[Tx | None, Tx | None]]]:
    """One-to-one greedy matching; exact-offset pairs first, then any overlap."""
    counts = Counts(gold=len(gold), system=len(system))
    pairs: list[tuple[Tx | None, Tx | None]] = []
    used_s: set[int] = set()
    used_g: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and s.start == g.start and s.end == g.end:
                used_s.add(si)
                used_g.add(gi)
                counts.strict += 1
                pairs.append((g, s))
                break
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for si, s in enumerate(system):
            if si not in used_s and s.start < g.end and g.start < s.end:
                used_s.add(si)
                used_g.add(gi)
                pairs.append((g, s))
                break
    counts.relaxed = len(pairs)
    counts.value = sum(1 for g, s in pairs if g is not None and s is not None and g.value == s.value)
    counts.typed = sum(1 for g, s in pairs if g is not None and s is not None and g.type == s.type)
    pairs += [(g, None) for gi, g in enumerate(gold) if gi not in used_g]
    pairs += [(None, s) for si, s in enumerate(system) if si not in used_s]
    return counts, pairs


def scores(c: Counts) -> dict[str, float]:
    sp, sr, sf = _f1(c.strict, c.system, c.gold)
    rp, rr, rf = _f1(c.relaxed, c.system, c.gold)
    acc = c.value / c.relaxed if c.relaxed else 0.0
    return {
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "value_acc": acc,
        "value_f1": rf * acc,
    }


def evaluate(docs: list[Doc], system: dict[str, list[Tx]]) -> tuple[dict[str, Counts], list[str]]:
    totals = {"ALL": Counts(), **{t: Counts() for t in TYPES}}
    errors: list[str] = []
    for doc in docs:
        sys_tx = system.get(doc.id, [])
        counts, pairs = match(doc.gold, sys_tx)
        totals["ALL"].add(counts)
        for t in TYPES:
            typed, _ = match([g for g in doc.gold if g.type == t], [s for s in sys_tx if s.type == t])
            totals[t].add(typed)
        for g, s in pairs:
            if g is not None and s is not None and g.value == s.value and (g.start, g.end) == (s.start, s.end):
                continue
            ctx_at = (g or s).start  # type: ignore[union-attr]
            ctx = doc.text[max(0, ctx_at - 50) : ctx_at + 60].replace("\n", " ")
            gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
            ss = f"{s.text!r} {s.type} {s.value}" if s else "-"
            errors.append(f"{doc.id}\tdct={doc.dct}\tgold={gs}\tsys={ss}\t| {ctx}")
    return totals, errors


def measure(limit: int | None = None, part: str = "frozen") -> dict[str, float]:
    """Scores of ``part`` (``strict_f1``, ``relaxed_f1``, ``type_f1``, ``value_f1``, ...) and ``<TYPE>_<metric>``."""
    docs = load_corpus(limit, part)
    totals, _ = evaluate(docs, run_crosswire(docs))
    out = scores(totals["ALL"])
    out["type_f1"] = type_f1(totals)
    for t in TYPES:
        out.update({f"{t}_{k}": v for k, v in scores(totals[t]).items()})
    return out


def type_f1(totals: dict[str, Counts]) -> float:
    """Type F1 as TempEval-3 reports it: relaxed F1 x the share of relaxed matches whose type equals gold."""
    all_ = totals["ALL"]
    return scores(all_)["relaxed_f1"] * (all_.typed / all_.relaxed if all_.relaxed else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", type=Path, default=None, help="write every mismatch (tuning part only) here")
    parser.add_argument("--part", choices=PARTS, default="all", help="which documents to score (default: all)")
    parser.add_argument("--by-corpus", action="store_true", help="also one line per source corpus and part")
    parser.add_argument(
        "--stage-only",
        action="store_true",
        help="run the time stage alone in process (no CLI, no other stage); works on older source trees too",
    )
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found")
        return 1
    began = time.perf_counter()
    docs = load_corpus(args.limit, args.part)
    system = run_time_stage(docs) if args.stage_only else run_crosswire(docs)
    parts = PARTS if args.part == "all" else (args.part,)
    for part in parts:
        chosen = [d for d in docs if part == "all" or part_of(d.id) == part]
        totals, errors = evaluate(chosen, system)
        _print_table(f"{part}: {len(chosen)} documents, {totals['ALL'].gold} gold timexes", totals)
        if args.errors and part == "tuning":
            args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        if args.by_corpus:
            for corpus in CORPORA:
                mine = [d for d in chosen if d.corpus == corpus]
                print(summary(f"  {part} {corpus}", mine, evaluate(mine, system)[0]))
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


def summary(name: str, docs: list[Doc], totals: dict[str, Counts]) -> str:
    """One line: the four TempEval-3 figures of ``docs`` and the share of relaxed matches with the gold type."""
    s = scores(totals["ALL"])
    c = totals["ALL"]
    return (
        f"{name:<24}{len(docs):>4} docs {c.gold:>5} gold  strict {s['strict_f1']:.3f} relaxed {s['relaxed_f1']:.3f} "
        f"type {type_f1(totals):.3f} value {s['value_f1']:.3f} (value acc {s['value_acc']:.3f})"
    )


def _print_table(title: str, totals: dict[str, Counts]) -> None:
    print(title)
    header = ("type", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "value acc", "value F1")
    print("{:<9}{:>6}{:>6}  {:<20}{:<20}{:>10}{:>10}".format(*header))
    for name, c in totals.items():
        s = scores(c)
        print(
            f"{name:<9}{c.gold:>6}{c.system:>6}  "
            f"{s['strict_p']:.3f}/{s['strict_r']:.3f}/{s['strict_f1']:.3f}  "
            f"{s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/{s['relaxed_f1']:.3f}  "
            f"{s['value_acc']:>9.3f}{s['value_f1']:>10.3f}"
        )
    print(f"type F1 {type_f1(totals):.3f}")


if __name__ == "__main__":
    sys.exit(main())
