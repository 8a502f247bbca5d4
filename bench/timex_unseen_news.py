"""Time expressions on news nobody annotated: what the time stage finds on FNC-1 bodies, and what it leaves.

The FNC-1 training bodies (``../shared/data/fnc1-train/train_bodies.csv``) are news of 2014-15, the nearest text
here to the TempEval-3 platinum test's 2013 newswire, and nobody annotated or tuned the time rules on them. This
script runs the time stage alone over a slice of them with one fixed publication day (values of relative dates
then show only the anchoring logic) and writes, one line each:

- ``FOUND`` every expression: body id, type, value, mod, the text and the words around it;
- ``NET`` every word that looks temporal (a month or weekday name, a time unit, "ago", "since", a clock time, a
  holiday...) and is inside no expression found: the cheap net for misses, to be read against the TIMEX3
  guidelines;

then a count of both by type and by net word (on stderr). Two runs of different source trees (``PYTHONPATH``)
diffed with ``--compare`` count the expressions a change adds, drops or changes, which is the rate per hundred
expressions a rule change carries to unseen news (docs/time.md, "The forecast, measured")::

    .venv/bin/python bench/timex_unseen_news.py --slice read  > /tmp/read.tsv    # bodies 0-299, read by eye
    .venv/bin/python bench/timex_unseen_news.py --slice count > /tmp/count.tsv   # bodies 300-599, counted only
    .venv/bin/python bench/timex_unseen_news.py --compare /tmp/before.tsv /tmp/after.tsv

The ``read`` slice is the one rules may be written against; the ``count`` slice is never read, only counted; the
``rest`` (bodies 600-1682) was searched for words the read slice left open (its net, sampled).
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "fnc1-train" / "train_bodies.csv"
DCT = "2014-10-15"  # a Wednesday
SLICES = {"read": (0, 300), "count": (300, 600), "rest": (600, 1683)}

_NET = re.compile(
    r"(?<![\w'’])(?:"
    r"jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
    r"|mon(?:day)?s?|tues?(?:day)?s?|wed(?:nesday)?s?|thu(?:rs?)?(?:day)?s?|fri(?:day)?s?|sat(?:urday)?s?"
    r"|sun(?:day)?s?"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries|seasons?|quarters?"
    r"|weekends?|fortnight|nights?|mornings?|evenings?|afternoons?|tonight|today|tomorrow|yesterday"
    r"|ago|since|during|now|currently|recently|recent|soon|later|earlier|former(?:ly)?|previously|annual(?:ly)?"
    r"|daily|weekly|monthly|yearly|hourly|overnight|noon|midnight|dawn|dusk"
    r"|christmas|easter|thanksgiving|halloween|ramadan|eid|hanukkah|new year'?s?"
    r"|spring|summer|autumn|fall|winter"
    r"|(?:1[89]|20)\d\d s?|\d{1,2}:\d\d|\d{1,2}(?:\.\d\d)? ?[ap]\.?m\.?"
    r")(?![\w])",
    re.IGNORECASE,
)


def bodies(which: str) -> list[tuple[str, str]]:
    """``(body id, text)`` of the slice, in file order."""
    lo, hi = SLICES[which]
    with DATA.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [(r["Body ID"], r["articleBody"]) for r in rows[lo:hi]]


def _around(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ").replace("\t", " ")
    right = text[end : end + width].replace("\n", " ").replace("\t", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def dump(which: str) -> int:
    from crosswire.nlp.spacy_model import load_pipeline
    from crosswire.time import timex

    nlp = load_pipeline()
    types: collections.Counter[str] = collections.Counter()
    net: collections.Counter[str] = collections.Counter()
    for body_id, text in bodies(which):
        found = timex.resolve(text, DCT, lambda t=text: nlp(t))
        for t in found:
            types[t.type] += 1
            print("FOUND", body_id, t.start, t.type, t.value, t.mod or "-", _around(text, t.start, t.end), sep="\t")
        covered = bytearray(len(text) + 1)
        for t in found:
            covered[t.start : t.end] = b"\x01" * (t.end - t.start)
        for m in _NET.finditer(text):
            if any(covered[m.start() : m.end()]):
                continue
            word = re.sub(r"\d", "9", m.group().lower())
            net[word] += 1
            print("NET", body_id, m.start(), word, "-", "-", _around(text, m.start(), m.end()), sep="\t")
    print("found by type:", dict(types.most_common()), file=sys.stderr)
    print("net words not inside an expression:", dict(net.most_common(60)), file=sys.stderr)
    return 0


def _load(path: Path) -> dict[tuple[str, str], tuple[str, str, str, str]]:
    """FOUND lines keyed by (body, start): (type, value, mod, context)."""
    out: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "FOUND":
            out[(cols[1], cols[2])] = (cols[3], cols[4], cols[5], cols[6])
    return out


def _span(key: tuple[str, str], context: str) -> tuple[str, int, int]:
    start = int(key[1])
    inner = context[context.index("[[") + 2 : context.rindex("]]")]
    return key[0], start, start + len(inner)


def compare(before_path: Path, after_path: Path, show: bool) -> int:
    """Expressions a change adds, drops, re-edges (overlapping one it replaces) or retypes/revalues."""
    before, after = _load(before_path), _load(after_path)
    added = [k for k in after if k not in before]
    dropped = [k for k in before if k not in after]
    reedged: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for k in list(added):
        body, lo, hi = _span(k, after[k][3])
        for d in dropped:
            b2, lo2, hi2 = _span(d, before[d][3])
            if b2 == body and lo < hi2 and lo2 < hi:
                reedged.append((d, k))
                added.remove(k)
                dropped.remove(d)
                break
    changed = [k for k in after if k in before and after[k] != before[k]]
    for label, keys, src in (("+", added, after), ("-", dropped, before), ("~", changed, after)):
        for k in keys if show else []:
            was = f"{' '.join(before[k][:3])} -> " if label == "~" else ""
            print(label, k[0], was + " ".join(src[k][:3]), src[k][3])
    for d, k in reedged if show else []:
        print("=", k[0], " ".join(before[d][:3]), "->", " ".join(after[k][:3]), after[k][3])
    n = len(before)
    moved = len(added) + len(dropped) + len(reedged) + len(changed)
    rate = 100 * moved / n if n else 0.0
    print(
        f"expressions before {n}, after {len(after)}: added {len(added)}, dropped {len(dropped)}, re-edged "
        f"{len(reedged)}, retyped or revalued {len(changed)}; {moved} changed, {rate:.2f} per 100 expressions"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--slice", choices=sorted(SLICES), default="read", help="which 300 bodies (default: read)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="diff two dumps")
    parser.add_argument("--show", action="store_true", help="with --compare: print each difference")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA}: FNC-1 bodies not found; put the data set under ../shared/data to run this", file=sys.stderr)
        return 2
    if args.compare:
        return compare(*args.compare, show=args.show)
    return dump(args.slice)


if __name__ == "__main__":
    sys.exit(main())
