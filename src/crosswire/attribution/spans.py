"""Where an indirect statement's content ends: the rules' span or the rest of its sentence, a learned choice.

The rules read a content span off the parse (a clause's subtree, an object with its phrases), and the parse often
stops short of where PolNeAR's content ends: a phrase the parser hung on the cue verb or the sentence root rather
than on the reported clause ("railed against super PACs, including the one ..."). :func:`variants` lists the
candidate ends — the rules' own and the end of the sentence (unless the cue lies on the way) — and describes each
(how long the span is, what follows it); the ``boundary`` part of ``data/cue_model.json`` holds logistic-regression
weights over those features, trained on PolNeAR's training articles (``bench/train_attribution.py``), and
:func:`choose` keeps the likeliest. (Cutting a span at a comma or dash was tried too; PolNeAR's contents mostly keep
what follows, so it did not pay.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crosswire.attribution import cue_model

_FINAL = ".!?\"”'’ \n"


@dataclass(frozen=True)
class Variant:
    end: int
    features: tuple[str, ...]


def _words(text: str) -> int:
    return len(text.split())


def _bucket(n: int) -> str:
    for limit in (1, 3, 7, 15):
        if n <= limit:
            return str(limit)
    return "16+"


def _token_at(doc: Doc, position: int) -> Token | None:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def variants(
    doc: Doc, text: str, start: int, end: int, kind: str, quoted: Sequence[tuple[int, int]], cue_start: int | None
) -> list[Variant]:
    """The candidate ends of the content ``text[start:end]``: as found, or run to the sentence's end (unless the cue
    lies on the way or the sentence closes a quotation the content does not hold)."""
    total = _words(text[start:end])
    found = [Variant(end, ("v=keep", f"keep|{kind}", f"keep_len={_bucket(total)}"))]
    token = _token_at(doc, max(start, end - 1))
    if token is not None:
        sent_end = token.sent.end_char
        while sent_end > end and text[sent_end - 1] in _FINAL:
            sent_end -= 1
        on_the_way = cue_start is not None and end <= cue_start < sent_end
        on_the_way = on_the_way or any(end <= s < sent_end < e for s, e in quoted)
        if sent_end - end > 2 and "\n" not in text[end:sent_end] and not on_the_way:
            following = _token_at(doc, end + len(text[end:sent_end]) - len(text[end:sent_end].lstrip()))
            added = _words(text[end:sent_end])
            first = text[end:sent_end].lstrip()[:1]
            found.append(
                Variant(
                    sent_end,
                    (
                        "v=extend",
                        f"extend|{kind}",
                        f"ext_first={first if not first.isalnum() else 'w'}",
                        f"ext_dep={following.dep_ if following is not None else ''}",
                        f"ext_word={following.lower_ if following is not None else ''}",
                        f"added={_bucket(added)}",
                    ),
                )
            )
    return found


def choose(found: Sequence[Variant]) -> int:
    """The end of the likeliest variant (the first, the rules' own, without a trained model)."""
    model = cue_model.boundary_model()
    if model is None or len(found) < 2:
        return found[0].end
    best = max(range(len(found)), key=lambda k: (model.probability(found[k].features), -k))
    return found[best].end
