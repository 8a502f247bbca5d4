"""Entity throughput on the FNC-1 train bodies: the entities stage and canonicalization against a bare spaCy pass.

Prints three things, all measured in the same run because machine speed drifts:

1. a bare spaCy pass (en_core_web_sm) over the bodies;
2. the same pass plus the entities stage on each parse (trim, gazetteer, time zones) plus corpus canonicalization
   (vote, keys, roles, clusters): the ratio of the two is the figure that matters;
3. canonicalization alone on the corpus's mentions and on 10x as many (the articles replicated with light
   perturbation of the names, so the copies add new spellings and new people instead of repeating keys). With
   blocking by keys the 10x time should be about 10x the 1x time, not 100x.

    .venv/bin/python bench/entities.py [--limit N]
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from crosswire.model import Article, Mention

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import fnc_bodies_from_arguments, time_spacy

REPLICAS = 10


def _perturb_word(word: str, seed: str) -> str:
    """Change one inner letter of ``word`` (same length, so offsets hold), chosen by a hash of ``seed``."""
    if len(word) < 4 or not word.isalpha():
        return word
    digest = hashlib.sha1(seed.encode()).digest()
    position = 1 + digest[0] % (len(word) - 2)
    letter = "abcdefghijklmnopqrstuvwxyz"[digest[1] % 26]
    return word[:position] + letter + word[position + 1 :]


def replicate(articles: list[Article], copies: int) -> list[Article]:
    """``copies`` versions of the corpus; each copy after the first perturbs half the PERSON and ORG surnames."""
    out: list[Article] = []
    for copy in range(copies):
        for article in articles:
            text = list(article.text)
            mentions: list[Mention] = []
            for mention in article.mentions:
                surface = mention.text
                if copy and mention.label in {"PERSON", "ORG"}:
                    words = surface.split(" ")
                    if hashlib.sha1(f"{copy}|{words[-1]}".encode()).digest()[0] % 2:
                        words[-1] = _perturb_word(words[-1], f"{copy}|{words[-1]}")
                    surface = " ".join(words)
                    text[mention.start : mention.end] = surface
                mentions.append(mention.model_copy(update={"text": surface, "entity": None}))
            out.append(Article(id=f"{article.id}~{copy}", source=article.source, text="".join(text), mentions=mentions))
    return out


def main() -> int:
    bodies = fnc_bodies_from_arguments(__doc__.splitlines()[0])
    if bodies is None:
        return 0
    from crosswire.entities import gazetteer
    from crosswire.entities.canonical import canonicalize
    from crosswire.entities.mentions import mentions_from_spans, spans_of
    from crosswire.nlp.spacy_model import load_pipeline

    nlp = load_pipeline()
    gazetteer.warm()
    nlp("warm up")
    spacy_seconds = time_spacy(bodies)  # the pipeline is loaded and cached above, so this times the pass alone

    started = time.perf_counter()
    articles: list[Article] = []
    for (body_id, text), doc in zip(bodies, nlp.pipe((t for _, t in bodies), batch_size=64), strict=True):
        articles.append(
            Article(id=f"fnc-{body_id}", source="fnc1", text=text, mentions=mentions_from_spans(text, spans_of(doc)))
        )
    stage_seconds = time.perf_counter() - started
    started = time.perf_counter()
    result = canonicalize(articles)
    canonical_seconds = time.perf_counter() - started
    total = stage_seconds + canonical_seconds

    mentions = sum(len(a.mentions) for a in articles)
    n = len(bodies)
    print(f"articles: {n} (FNC-1 train bodies), {sum(len(t) for _, t in bodies) / 1e6:.1f} M characters")
    print(f"mentions: {mentions}, entities: {len(result.entities)}")
    print(f"bare spaCy pass (en_core_web_sm):        {spacy_seconds:7.1f} s  {n / spacy_seconds:8.1f} articles/s")
    print(f"spaCy + entities stage:                  {stage_seconds:7.1f} s")
    print(f"canonicalization (corpus stage):         {canonical_seconds:7.2f} s")
    print(f"spaCy + entities + canonicalization:     {total:7.1f} s  {n / total:8.1f} articles/s")
    print(f"ratio entities / spaCy time: {total / spacy_seconds:.2f}")

    big = replicate(articles, REPLICAS)
    big_mentions = sum(len(a.mentions) for a in big)
    started = time.perf_counter()
    canonicalize(articles)
    one = time.perf_counter() - started
    started = time.perf_counter()
    big_result = canonicalize(big)
    ten = time.perf_counter() - started
    print(f"canonicalization alone, 1x:  {mentions:8d} mentions  {one:7.2f} s  ({mentions / one:9.0f} mentions/s)")
    print(
        f"canonicalization alone, {REPLICAS}x: {big_mentions:8d} mentions  {ten:7.2f} s  "
        f"({big_mentions / ten:9.0f} mentions/s, {len(big_result.entities)} entities)"
    )
    print(f"scaling 10x mentions -> time x{ten / one:.1f} (linear = x{big_mentions / mentions:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
