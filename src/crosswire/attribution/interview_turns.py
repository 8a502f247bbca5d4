"""An interview printed as questions and answers (issue 17, third battery).

"Vella Motors chief executive Paolo Ricci spoke to the Brenna Herald ... / Q: Will the factory in Brenna close? /
A: No. We have no plans to close any of our plants in Europe.": a line opened by "Q:" (or "Question:", "Q.") is the
interviewer's question, a statement whose stance is ``other`` (never a claim); a line opened by "A:" ("Answer:",
"A.") is the answer of the one person the introduction names before the first question, read as an answer to a
question put to the speaker (a bare "No." denies, "Yes, that is correct." confirms, a statement of focus is a
non-answer). An article holds such an interview when it has at least one question line and one answer line; when its
introduction names no person, or several, the answers are left to the other rules (nobody is guessed).

The answer's speaker is the person's name in the introduction: a statement carried on from there, as a quote
standing on its own continues the speaker before it, so its span is the answer's line alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crosswire.attribution import bounds
from crosswire.attribution.cue_parse import Candidate, CueReading

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

_LINE = re.compile(r"^(?P<label>Q|A|Question|Answer)(?:[:.]|\s+[-–—])[ \t]+(?=\S)", re.M)


def _interviewee(finder: _Finder, before: int) -> tuple[int, int] | None:
    """The span of the one person the introduction names (its last mention before ``before``), if exactly one."""
    people = [m for m in finder.article.mentions if m.label == "PERSON" and m.end <= before]
    names = {m.text.split()[-1].lower() for m in people}
    if len(names) != 1:
        return None
    last = max(people, key=lambda m: m.start)
    return last.start, last.end


def interview_turns(finder: _Finder) -> None:
    """Add an interview's questions (the interviewer's, stance ``other``) and answers (the interviewee's)."""
    lines = list(_LINE.finditer(finder.text))
    asks = [m for m in lines if m.group("label") in {"Q", "Question"}]
    answers = [m for m in lines if m.group("label") in {"A", "Answer"}]
    if not asks or not answers:
        return
    taken = [(c.content_start, c.content_end) for c in finder.candidates]
    interviewee = _interviewee(finder, asks[0].start())
    for match in lines:
        asking = match in asks
        if not asking and interviewee is None:
            continue
        start, end = bounds.trim(finder.text, match.end(), finder.paragraph(match.start())[1])
        if end - start < 2 or any(s <= start < e for s, e in taken):
            continue
        label = (match.start("label"), match.end("label"))
        colon = label[1]
        finder.candidates.append(
            Candidate(
                cue_start=colon if asking else None,
                cue_end=colon + 1 if asking else None,
                cue_lemma=":" if asking else "",
                content_start=start,
                content_end=end,
                content=finder.text[start:end],
                speaker=label if asking else interviewee,
                direct=not asking,
                reading=CueReading(lemma=":", tier="speech")
                if asking
                else CueReading(lemma="", tier="continuation", answering=True),
                kind="indirect" if asking else "continuation",
            )
        )
