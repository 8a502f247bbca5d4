"""Learn which verb lemmas are attribution cues from PolNeAR's training articles.

For every verb in the 840 training articles that has a subject and a complement (a clause, an infinitive, an object
or a prepositional phrase) — the shape the attribution rules read — count how often it lies inside an annotated
Cue span. The rates go to ``src/crosswire/attribution/data/cue_lemmas.json``;
:mod:`crosswire.attribution.cues` adds the lemmas
whose rate and count clear its thresholds to the cue lexicon. Nouns that govern a "that" clause ("the claim that
...", "his acknowledgment that ...") are counted the same way into ``nouns``: noun cues whose clause is the content.
A noun with a possessor and, right after it, an infinitive ("her refusal to testify", "his promise to resign") or a
phrase of what it is about ("his criticism of the deal", "their support for the strike") is counted into
``possessed_infinitive`` and ``possessed_object``: the stance a person's noun reports (:mod:`.noun_cues`).
``bench/polnear.py`` measures the effect on dev.

    .venv/bin/python bench/train_cues.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear
from crosswire.nlp.spacy_model import load_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "attribution" / "data" / "cue_lemmas.json"
COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "prep"})
MIN_COUNT = 3


def cue_chars(path: Path) -> set[int]:
    chars: set[int] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\tCue " in line:
            offsets = line.split("\t")[1].split(" ", 1)[1]
            for part in offsets.split(";"):
                start, end = part.split()
                chars.update(range(int(start), int(end)))
    return chars


def that_clause(token: Any) -> bool:
    """A clause a noun governs that opens with "that" ("the claim that ...", not "the claim that he made")."""
    return token.dep_ in {"acl", "ccomp"} and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def possessed_complement(token: Any) -> str | None:
    """ "her refusal to testify" -> ``infinitive``, "his criticism of the deal" -> ``object``: the complement right
    after a noun with a possessor, as :func:`crosswire.attribution.noun_cues.possessed_complement` reads it."""
    from crosswire.attribution import noun_cues

    found = noun_cues.possessed_complement(token)
    return found[0] if found else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    folder = polnear.DATA / "train"
    if not folder.is_dir():
        print(f"skip: {folder} not found")
        return 0
    anns = sorted((folder / "attributions").glob("*.ann"))
    texts = sorted((folder / "text").glob("*.txt"))[: args.limit]
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    noun_seen: Counter[str] = Counter()
    noun_cue: Counter[str] = Counter()
    possessed_seen: dict[str, Counter[str]] = {"infinitive": Counter(), "object": Counter()}
    possessed_cue: dict[str, Counter[str]] = {"infinitive": Counter(), "object": Counter()}
    pairs = []
    for text_path in texts:
        matching = [a for a in anns if a.name.rsplit("_", 1)[0] == text_path.stem]
        if matching:
            pairs.append((text_path.read_text(encoding="utf-8"), cue_chars(matching[0])))
    nlp = load_pipeline()
    for doc, (_, chars) in zip(nlp.pipe(text for text, _ in pairs), pairs, strict=True):
        for token in doc:
            if token.pos_ == "NOUN" and any(that_clause(c) for c in token.children):
                noun_seen[token.lemma_.lower()] += 1
                noun_cue[token.lemma_.lower()] += token.idx in chars
            kind = possessed_complement(token) if token.pos_ == "NOUN" else None
            if kind is not None:
                possessed_seen[kind][token.lemma_.lower()] += 1
                possessed_cue[kind][token.lemma_.lower()] += token.idx in chars
            if token.pos_ != "VERB":
                continue
            deps = {c.dep_ for c in token.children}
            if not deps & {"nsubj", "nsubjpass"} or not deps & COMPLEMENTS:
                continue
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            if token.idx in chars:
                cue[lemma] += 1
    lemmas = {
        lemma: [round(cue[lemma] / count, 3), count] for lemma, count in sorted(seen.items()) if count >= MIN_COUNT
    }
    nouns = {
        lemma: [round(noun_cue[lemma] / count, 3), count]
        for lemma, count in sorted(noun_seen.items())
        if count >= MIN_COUNT
    }
    possessed = {
        f"possessed_{kind}": {
            lemma: [round(possessed_cue[kind][lemma] / count, 3), count]
            for lemma, count in sorted(seen_kind.items())
            if count >= MIN_COUNT
        }
        for kind, seen_kind in possessed_seen.items()
    }
    OUT.write_text(
        json.dumps(
            {
                "source": "PolNeAR train (840 articles), bench/train_cues.py",
                "lemmas": lemmas,
                "nouns": nouns,
                **possessed,
            },
            indent=0,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(lemmas)} lemmas, {len(nouns)} nouns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
