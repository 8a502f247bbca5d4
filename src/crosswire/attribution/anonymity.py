"""Requests for anonymity: "..., the people said, asking not to be named", "..., the official said, speaking on
condition of anonymity", "..., requesting anonymity to discuss private talks".

The participle is no second statement: it says why the source is unnamed, so the statement it follows is an
anonymous source's, and every cue inside the request ("to discuss", "to speak publicly") is part of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from crosswire.attribution.cue_parse import Candidate

# Verbs that ask for (or give the terms of) not being named.
REQUEST_LEMMAS = frozenset(
    {"ask", "request", "decline", "refuse", "speak", "talk", "insist", "seek", "demand", "wish", "want", "prefer"}
)
# What such a verb asks for: not to be named, anonymity, the terms it spoke on.
_TERMS = (
    r"(?:(?:that\s+)?(?:not\s+to\s+be|to\s+not\s+be|to\s+be)\s+(?:named|identified|quoted|cited)"
    r"|(?:that\s+)?(?:their|his|her)\s+names?\s+(?:not\s+)?(?:be\s+)?(?:used|withheld|published|given)"
    r"|(?:for\s+)?anonymity|on\s+(?:the\s+)?condition\s+(?:of|that)|to\s+remain\s+anonymous"
    r"|anonymously|off\s+the\s+record|on\s+background)\b"
)
# The terms right after a request's cue ("..., asking not to be named").
_REQUEST = re.compile(r"\s*" + _TERMS, re.IGNORECASE)
# The verbs' forms as news copy writes them ("asked", "requesting", "spoke", "sought").
_REQUEST_VERB = r"\b(?:ask|request|declin|refus|speak|spok|talk|insist|seek|sought|demand|wish|want|prefer)[a-z]*"
# A clause that says its source is not named, anywhere in it: a request, the terms, or the lack of leave to speak
# ("who asked not to be identified", "who spoke on condition of anonymity", "who was not authorised to speak").
ANONYMOUS_CLAUSE = re.compile(
    _REQUEST_VERB + r"\s+" + _TERMS + r"|\bcondition\s+(?:of\s+anonymity|that)|\banonymity\b|\banonymously\b"
    r"|\bnot\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to\s+(?:speak|talk|comment|discuss|be\s+named)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;\n]")


def request_span(text: str, candidate: Candidate, doc: Doc | None = None) -> tuple[int, int] | None:
    """Where a candidate's cue asks not to be named, through to the end of its sentence, or of its relative clause
    ("a resident who asked not to be named said ...": the statement after the clause is the resident's); None for
    any other cue."""
    if candidate.cue_start is None or candidate.cue_end is None or candidate.cue_lemma not in REQUEST_LEMMAS:
        return None
    if not _REQUEST.match(text, candidate.cue_end):
        return None
    found = _SENTENCE_END.search(text, candidate.cue_end)
    end = found.start() if found else len(text)
    cue = doc.char_span(candidate.cue_start, candidate.cue_end, alignment_mode="expand") if doc is not None else None
    if cue is not None and len(cue) and cue.root.dep_ == "relcl":
        last = cue.root.right_edge
        end = min(end, last.idx + len(last.text))
    return candidate.cue_start, end


def requests(
    text: str, candidates: Sequence[Candidate], doc: Doc | None = None
) -> tuple[set[int], set[tuple[int, int]]]:
    """The candidates that are part of a request for anonymity (the request's cue and every cue inside it), and the
    speakers who asked."""
    spans: list[tuple[int, int]] = []
    unnamed: set[tuple[int, int]] = set()
    for candidate in candidates:
        span = request_span(text, candidate, doc)
        if span is not None:
            spans.append(span)
            if candidate.speaker is not None:
                unnamed.add(candidate.speaker)
    inside = {
        index
        for index, candidate in enumerate(candidates)
        if candidate.cue_start is not None and any(s <= candidate.cue_start < e for s, e in spans)
    }
    return inside, unnamed
