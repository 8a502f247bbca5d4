"""Where a clausal content ends: the clause a cue governs, without the next act of the same source.

The parser often hangs the source's next act on the reported clause rather than on the cue ("said he would order a
review and warned against hackers"; "said the rules were lawful, arguing that ..."), so the clause's subtree runs
into words that are a frame of their own. PolNeAR's content stops before them: they are the cue of another
attribution (or the same speaker's aside), not part of what was said. A semicolon ends the reported clause too.
"""

from __future__ import annotations

import re
from typing import Any

from crosswire.nlp import cues

# Dependency labels under which a new act of the subject attaches to the reported clause.
_NEXT_ACT_DEPS = frozenset({"conj", "advcl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# A dangling conjunction or separator left at the end of a cut clause.
_DANGLING = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|while|as)\b)+$", re.IGNORECASE)


def _is_next_act(token: Any) -> bool:
    """A cue verb without a subject of its own, joined to the clause: the source's next act, not its words."""
    if token.dep_ not in _NEXT_ACT_DEPS or token.pos_ != "VERB":
        return False
    if cues.cue_tier(token.lemma_) not in {"speech", "learned"}:
        return False
    # "and warned ..." is finite on its own, ", arguing that ..." a participle; "could neither confirm nor deny"
    # shares its modal with the reported verb and is one act.
    if token.tag_ not in ({"VBD", "VBZ", "VBP"} if token.dep_ == "conj" else {"VBG"}):
        return False
    return not any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def clause_end(text: str, clause: Any, start: int, end: int) -> int:
    """The end of a reported clause's content: before a semicolon or the source's next act inside its subtree."""
    cut = end
    for token in clause.subtree:
        if token.idx <= start or token.idx >= cut:
            continue
        if token.text == ";" or (token is not clause and token.head.i >= clause.i and _is_next_act(token)):
            cut = token.left_edge.idx if token.text != ";" else token.idx
    if cut == end:
        return end
    trimmed = _DANGLING.sub("", text[start:cut])
    return start + len(trimmed) if len(trimmed) >= 2 else end


def passive_content(token: Any) -> tuple[int, int] | None:
    """ "The issue was first reported by the Post": a passive cue with an agent, whose subject is the content."""
    if not any(c.dep_ == "agent" for c in token.children):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    return subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge.text)


def mostly_quoted(quotes: list[Any]) -> list[Any]:
    """The quotes of a split quotation while they are most of the span they make with the cue clauses between them.

    A content span is contiguous, so ' “...,” said X, a lawyer who has ... for years. “...” ' holds the frame too;
    when the frame outweighs the quoted words the statement is the first quote(s) alone.
    """
    kept = list(quotes)
    while len(kept) > 1 and 2 * sum(q.end - q.start for q in kept) < kept[-1].end - kept[0].start:
        kept.pop()
    return kept
