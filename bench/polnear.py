"""Attribution on PolNeAR dev: content-span P/R/F1 (overall and per kind) and speaker accuracy.

Each dev article's text goes through the same per-article stages as ``crosswire analyze --raw`` (verbatim text,
then entity mentions, then :func:`crosswire.attribution.finder.find_statements`), and the statements are scored with
the metric of ``../shared/data/README.md``:

- a predicted statement matches a gold attribution when their content spans share at least half of the gold
  content's characters and at least half of the predicted content's (one-to-one, greedy by overlap);
- P/R/F1 over attributions, overall and per kind: direct (gold content opens with a quotation mark; predicted
  ``direct``), according-to (the cue is "according to"), noun cues (the cue is a noun, "the claim that ...", "a
  report saying ...": no verb among its words in the parse) and indirect (the rest);
- speaker accuracy: the share of matched pairs whose ``speaker_start..speaker_end`` overlaps the gold Source span;
- with ``--misses``, why each unmatched gold attribution was missed: its cue was not read at all, its cue was read
  but with a content span that does not match, or no cue but another statement's content overlaps it;
- with ``--ceiling``, what a perfect learned cue classifier could add: the unmatched gold attributions that one of
  its proposals (:func:`crosswire.attribution.finder.proposals`, every candidate cue the rules left alone, with the
  content it would read) would match on its cue token, and the F1 if all of them were added and nothing else. It
  bounds what choosing among today's candidates can gain; what it leaves is for new candidates or content readings.

Statements relayed through another with the very same content (the "citing an unnamed source" twin of "Kommersant
reported") are one attribution in PolNeAR, so only the outermost is scored. Gold attributions without a content
span are skipped (nothing to match). Articles with several annotation files use the first (sorted by name).

With ``--timing``, the CPU seconds spent in the attribution stage itself (the parse is shared and excluded). With
``--sweep 0.7/0.6,0.6/0.5``, F1 and speaker accuracy for each least content / cue confidence of the token tagger's
added statements, each article parsed once (``--split held``: the training articles held out from the tagger's
fitting, where its thresholds are chosen).

    .venv/bin/python bench/polnear.py [--split dev|train|held] [--limit N] [--misses] [--timing] [--ceiling]
        [--sweep C/Q,...]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from crosswire.attribution.bounds import trim
from crosswire.attribution.finder import find_statements, proposals
from crosswire.context import Context, Options
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement
from crosswire.nlp.parse import doc_of, release

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
QUOTE_MARKS = "\"“”'‘"
KINDS = ("direct", "indirect", "according", "noun")


@dataclass
class Gold:
    content: set[int]
    source: list[tuple[int, int]]
    cue_text: str
    content_text: str
    cue: list[tuple[int, int]] = field(default_factory=list)
    noun_cue: bool = False

    @property
    def kind(self) -> str:
        if "according to" in self.cue_text.lower():
            return "according"
        if self.content_text.lstrip()[:1] in QUOTE_MARKS:
            return "direct"
        return "noun" if self.noun_cue else "indirect"


def _spans(field: str) -> list[tuple[int, int]]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:  # a span text with a newline goes on over the next lines
            tid, middle, *rest = line.split("\t")
            label, _, offsets = middle.partition(" ")
            spans[tid] = (label, _spans(offsets), rest[0] if rest else "")
        elif line.startswith("E") and "\t" in line:
            _, roles = line.split("\t", 1)
            events.append(dict(role.split(":", 1) for role in roles.split()))
    golds = []
    for event in events:
        content = event.get("Content")
        if content is None or content not in spans:
            continue
        chars = {i for s, e in spans[content][1] for i in range(s, e)}
        source = spans[event["Source"]][1] if event.get("Source") in spans else []
        cue = spans[event["Cue"]][2] if event.get("Cue") in spans else ""
        cue_spans = spans[event["Cue"]][1] if event.get("Cue") in spans else []
        golds.append(Gold(chars, source, cue, spans[content][2], cue_spans))
    return golds


# The share of PolNeAR's training articles held out from fitting the attribution token tagger, and the seed of
# that split (``bench/train_attribution_tagger.py``): the held-out part chooses its checkpoint and thresholds.
HELD_OUT_SHARE = 0.15
HELD_OUT_SEED = 17


def held_out(articles: list[str]) -> tuple[list[str], list[str]]:
    """The training articles split by article into (held out, fitted), the same way every run."""
    order = sorted(articles)
    random.Random(HELD_OUT_SEED).shuffle(order)
    cut = int(len(order) * HELD_OUT_SHARE)
    return order[:cut], order[cut:]


def documents(split: str = "dev", limit: int | None = None) -> Iterator[tuple[str, str, list[Gold]]]:
    """The articles of ``split`` (``dev``, ``train``, or ``held``: the training articles held out from the token
    tagger's fitting) as (id, text, gold attributions)."""
    folder = DATA / ("train" if split == "held" else split)
    texts = sorted((folder / "text").glob("*.txt"))
    anns = sorted((folder / "attributions").glob("*.ann"))
    found = []
    for text_path in texts[:limit]:
        stem = text_path.stem
        matching = [a for a in anns if a.name.rsplit("_", 1)[0] == stem]
        if matching:
            found.append((stem, text_path, matching[0]))
    keep = set(held_out([stem for stem, _, _ in found])[0]) if split == "held" else None
    for stem, text_path, ann in found:
        if keep is None or stem in keep:
            yield stem, text_path.read_text(encoding="utf-8"), read_ann(ann)


def noun_positions(doc: Doc) -> tuple[set[int], set[int]]:
    """The character offsets of the noun tokens and of the verb tokens of a parse (to tell noun cues apart)."""
    nouns = {i for t in doc if t.pos_ in {"NOUN", "PROPN"} for i in range(t.idx, t.idx + len(t.text))}
    verbs = {i for t in doc if t.pos_ in {"VERB", "AUX"} for i in range(t.idx, t.idx + len(t.text))}
    return nouns, verbs


def is_noun_cue(spans: list[tuple[int, int]], nouns: set[int], verbs: set[int]) -> bool:
    chars = {i for s, e in spans for i in range(s, e)}
    return bool(chars & nouns) and not chars & verbs


def predict(doc_id: str, text: str, golds: list[Gold] | None = None, ceiling: bool = False) -> list[Statement]:
    """The per-article stages on verbatim text, as ``crosswire analyze --raw`` runs them; with ``golds``, also mark
    the gold attributions whose cue is a noun (from the same parse)."""
    article = Article(id=doc_id, source=doc_id, raw=text, text=text, verbatim=True)
    article._doc = PARSES.get(doc_id)
    context = Context(options=Options(verbatim=True))
    find_mentions(article, context)
    started = time.process_time()
    find_statements(article, context)
    CPU_SECONDS[0] += time.process_time() - started
    nouns, verbs = noun_positions(doc_of(article))
    if ceiling:
        PROPOSALS[doc_id] = [
            ((p.token.idx, p.token.idx + len(p.token.text)), trim(text, *p.content)) for p in proposals(article)
        ]
    for gold in golds or []:
        gold.noun_cue = is_noun_cue(gold.cue, nouns, verbs)
    for statement in article.statements:
        if statement.cue_start is not None and statement.cue_end is not None:
            noun = is_noun_cue([(statement.cue_start, statement.cue_end)], nouns, verbs)
            NOUN_CUES[statement.id] = noun
    if KEEP_PARSES:
        PARSES[doc_id] = doc_of(article)
    release(article)
    by_id = {s.id: s for s in article.statements}
    scored = []
    for statement in article.statements:
        relayed = [by_id[v] for v in statement.via if v in by_id]
        if any((o.content_start, o.content_end) == (statement.content_start, statement.content_end) for o in relayed):
            continue
        scored.append(statement)
    return scored


# Article id -> its parse, kept between the passes of ``--sweep`` (each setting reads the same parses).
PARSES: dict[str, Doc] = {}
KEEP_PARSES = False
# CPU seconds spent in the attribution stage itself (filled by :func:`predict`; the parse is not counted).
CPU_SECONDS = [0.0]
# Article id -> the learned cue classifier's proposals as (cue span, content span) (filled by :func:`predict`).
PROPOSALS: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
# Statement id -> whether its cue is a noun (filled by :func:`predict`).
NOUN_CUES: dict[str, bool] = {}


def kind_of(statement: Statement) -> str:
    if statement.cue and statement.cue.lower().startswith("according"):
        return "according"
    if statement.direct:
        return "direct"
    return "noun" if NOUN_CUES.get(statement.id) else "indirect"


def match(golds: list[Gold], predicted: list[Statement]) -> list[tuple[int, int]]:
    pairs = []
    for pi, statement in enumerate(predicted):
        if statement.content_start is None or statement.content_end is None:
            continue
        chars = set(range(statement.content_start, statement.content_end))
        for gi, gold in enumerate(golds):
            shared = len(chars & gold.content)
            if shared * 2 >= len(gold.content) and shared * 2 >= len(chars) and shared:
                pairs.append((shared, pi, gi))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        matched.append((pi, gi))
    return matched


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


MISSES = ("no cue found", "cue found, content boundary wrong", "no cue, content overlaps another statement")


def miss_of(gold: Gold, predicted: list[Statement]) -> str:
    """Why a gold attribution went unmatched: its cue was not read, or was read with the wrong content span."""
    cue = {i for s, e in gold.cue for i in range(s, e)}
    if any(
        p.cue_start is not None and p.cue_end is not None and cue & set(range(p.cue_start, p.cue_end))
        for p in predicted
    ):
        return MISSES[1]
    overlapping = any(
        p.content_start is not None
        and p.content_end is not None
        and gold.content & set(range(p.content_start, p.content_end))
        for p in predicted
    )
    return MISSES[2] if overlapping else MISSES[0]


def addable(gold: Gold, found: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Whether a proposal on the gold attribution's cue would read a content that matches it."""
    cue = {i for s, e in gold.cue for i in range(s, e)}
    for (cue_start, cue_end), (start, end) in found:
        if cue.isdisjoint(range(cue_start, cue_end)):
            continue
        shared = len(gold.content.intersection(range(start, end)))
        if shared and 2 * shared >= len(gold.content) and 2 * shared >= end - start:
            return True
    return False


def measure(split: str = "dev", limit: int | None = None, ceiling: bool = False) -> dict[str, float]:
    counts = {k: [0, 0, 0, 0] for k in (*KINDS, "all")}  # matched preds, preds, matched golds, golds
    misses = {f"miss {kind}: {why}": 0 for kind in KINDS for why in MISSES}
    speaker_ok = matched_total = 0
    added = dict.fromkeys(KINDS, 0)
    for doc_id, text, golds in documents(split, limit):
        predicted = predict(doc_id, text, golds, ceiling)
        pairs = match(golds, predicted)
        found = {gi for _, gi in pairs}
        for gi, gold in enumerate(golds):
            if gi not in found:
                misses[f"miss {gold.kind}: {miss_of(gold, predicted)}"] += 1
                if ceiling and addable(gold, PROPOSALS.get(doc_id, [])):
                    added[gold.kind] += 1
        PROPOSALS.pop(doc_id, None)
        for statement in predicted:
            counts[kind_of(statement)][1] += 1
            counts["all"][1] += 1
        for gold in golds:
            counts[gold.kind][3] += 1
            counts["all"][3] += 1
        for pi, gi in pairs:
            counts[kind_of(predicted[pi])][0] += 1
            counts[golds[gi].kind][2] += 1
            counts["all"][0] += 1
            counts["all"][2] += 1
            statement = predicted[pi]
            matched_total += 1
            start, end = statement.speaker_start, statement.speaker_end
            if start is not None and end is not None and any(s < end and start < e for s, e in golds[gi].source):
                speaker_ok += 1
    scores: dict[str, float] = {}
    for kind, (tp_p, n_p, tp_g, n_g) in counts.items():
        precision, recall, f1 = _prf(tp_p, n_p, tp_g, n_g)
        prefix = "" if kind == "all" else f"{kind}_"
        scores[f"{prefix}precision"] = precision
        scores[f"{prefix}recall"] = recall
        scores[f"{prefix}f1"] = f1
        scores[f"{prefix}gold"] = float(n_g)
        scores[f"{prefix}predicted"] = float(n_p)
    scores["speaker_accuracy"] = speaker_ok / matched_total if matched_total else 0.0
    if ceiling:
        tp_p, n_p, tp_g, n_g = counts["all"]
        scores["ceiling_f1"] = _prf(
            tp_p + sum(added.values()), n_p + sum(added.values()), tp_g + sum(added.values()), n_g
        )[2]
        scores.update({f"ceiling added {kind}": float(n) for kind, n in added.items()})
    scores.update({name: float(n) for name, n in misses.items()})
    return scores


def sweep(split: str, limit: int | None, settings: str) -> None:
    """F1 and speaker accuracy for each pair of the token tagger's least content and cue confidence (what it adds to
    the rules' statements), the articles parsed once."""
    from crosswire.attribution import tagger

    global KEEP_PARSES
    KEEP_PARSES = True
    kept = tagger.CONTENT_CONFIDENCE, tagger.CUE_CONFIDENCE
    try:
        for setting in settings.split(","):
            content, cue = (float(x) for x in setting.split("/"))
            tagger.CONTENT_CONFIDENCE, tagger.CUE_CONFIDENCE = content, cue
            scores = measure(split, limit)
            print(
                f"content {content:.2f} cue {cue:.2f}: F1 {scores['f1']:.4f} (P {scores['precision']:.4f} "
                f"R {scores['recall']:.4f}) indirect {scores['indirect_f1']:.3f} noun {scores['noun_f1']:.3f} "
                f"speaker {scores['speaker_accuracy']:.4f}"
            )
            sys.stdout.flush()
    finally:
        tagger.CONTENT_CONFIDENCE, tagger.CUE_CONFIDENCE = kept
        KEEP_PARSES = False
        PARSES.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", help="dev, train, or held (the tagger's held-out training articles)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--misses", action="store_true", help="why gold attributions went unmatched, per kind")
    parser.add_argument("--timing", action="store_true", help="CPU seconds of the attribution stage itself")
    parser.add_argument("--ceiling", action="store_true", help="F1 with a perfect classifier over today's proposals")
    parser.add_argument(
        "--sweep",
        default=None,
        help="the token tagger's least content and cue confidence to try, as 'content/cue,...'",
    )
    args = parser.parse_args()
    folder = DATA / ("train" if args.split == "held" else args.split)
    if not folder.is_dir():
        print(f"skip: {folder} not found")
        return 0
    if args.sweep:
        sweep(args.split, args.limit, args.sweep)
        return 0
    scores = measure(args.split, args.limit, args.ceiling)
    for kind in ("", *(f"{k}_" for k in KINDS)):
        name = kind.rstrip("_") or "all"
        print(
            f"{name:10s} P {scores[kind + 'precision']:.3f}  R {scores[kind + 'recall']:.3f}  "
            f"F1 {scores[kind + 'f1']:.3f}  "
            f"(gold {scores[kind + 'gold']:.0f}, predicted {scores[kind + 'predicted']:.0f})"
        )
    print(f"speaker accuracy {scores['speaker_accuracy']:.3f}")
    if args.timing:
        print(f"attribution stage CPU seconds {CPU_SECONDS[0]:.2f} (find_statements only, parse excluded)")
    if args.misses:
        for name, value in scores.items():
            if name.startswith("miss "):
                print(f"{name:70s} {value:.0f}")
    if args.ceiling:
        added = {k: int(scores[f"ceiling added {k}"]) for k in KINDS}
        print(f"ceiling F1 {scores['ceiling_f1']:.3f} with a perfect cue classifier over the proposals (adds {added})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
