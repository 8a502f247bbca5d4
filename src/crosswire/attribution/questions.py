"""Questions put to a speaker: "Asked whether the heaters caused the fires, the spokeswoman said ...", "..., the
airline said when asked whether the jets had been inspected". The participle has no subject of its own, and the
parser hangs it on the answer's cue, so it used to take the answer's subject: the spokeswoman seemed to ask, and the
question ran on into her answer. The question is somebody's (an unnamed reporter's), never the one asked, so its
statement has no speaker, and its content is the question alone ("whether the jets had been inspected"). What is
said in answer is read knowing it answers (:attr:`crosswire.attribution.stance.CueReading.answering`).

A step of :class:`crosswire.attribution.finder._Finder`, which adds to its candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import bounds
from crosswire.attribution import cue_parse as parse

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# The dependents of a participle of asking that hold the question ("whether ...", "about the layoffs").
QUESTION_DEPS = frozenset({"ccomp", "prep", "xcomp", "dobj"})


def read_question(finder: _Finder, token: Token) -> None:
    """The statement of a question put to the governing clause's subject: no speaker, the question as content."""
    held = [c for c in token.children if c.dep_ in QUESTION_DEPS and c.i > token.i]
    if not held:
        return
    first, last = held[0].left_edge, held[-1].right_edge
    text = finder.text
    start, end = bounds.trim(text, first.idx, last.idx + len(last.text))
    if end - start < 2:
        return
    reading = parse.reading(token, "speech")
    verbatim = finder.is_verbatim(start, end)
    finder.candidates.append(
        parse.cue_candidate(text, token, (start, end), None, reading, verbatim, finite=False, fixed_end=True)
    )
