"""The stance a statement takes: confirm, deny, decline, neither, assert or other.

The stance comes from the cue and its polarity first, and from the content only when the cue is neutral:

- **cue lemma** — "confirmed", "acknowledged" confirm; "denied", "rejected the reports" deny; "declined to
  comment", "refused to comment" decline; a verb of saying or reporting asserts; verbs of belief, wanting and
  judging are "other" (they are attitudes, not claims about what happened).
- **polarity** — a negated cue changes class: "did not deny" is not a denial (other); "would not confirm" and
  "could not confirm" are a refusal to confirm (decline); "neither confirm nor deny" (anywhere in cue or content)
  is its own class.
- **content** — under a neutral cue ("said"), the words themselves can deny ("this is fake news", "this didn't
  actually happen", "some outlets have reported things that haven't really happened") or confirm ("we confirm
  that ..."). These patterns are about the content's own sentence shape, not about any topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

StanceClass = Literal["confirm", "deny", "decline", "neither", "assert", "other"]

CONFIRM = frozenset({"confirm", "acknowledge", "admit", "verify", "concede", "corroborate"})
DENY = frozenset({"deny", "refute", "dispute", "rebuff", "debunk", "contradict"})
# Verbs that deny only when their object is a report or claim ("rejected the reports"), not a proposal.
DENY_WITH_REPORT = frozenset({"reject", "dismiss"})
REPORT_NOUNS = frozenset(
    {
        "report", "claim", "allegation", "story", "suggestion", "rumor", "rumour", "speculation", "accusation",
        "assertion", "account", "news", "charge", "notion", "idea", "information", "article",
    }
)  # fmt: skip
DECLINE = frozenset({"decline", "refuse"})
# What one declines to do when declining to speak ("declined to comment", "refused to confirm").
SPEAK_VERBS = frozenset(
    {
        "comment", "confirm", "deny", "discuss", "elaborate", "say", "answer", "respond", "speak", "provide",
        "give", "reveal", "disclose", "address", "specify", "identify", "name", "detail", "talk", "offer",
    }
)  # fmt: skip
SPEECH_NEUTRAL = frozenset(
    {
        "say", "tell", "add", "state", "claim", "report", "announce", "write", "note", "explain", "argue",
        "insist", "warn", "reply", "respond", "answer", "declare", "stress", "emphasize", "emphasise", "assert",
        "maintain", "contend", "allege", "reveal", "disclose", "tweet", "post", "comment", "mention", "reiterate",
        "repeat", "indicate", "observe", "remark", "testify", "continue", "inform", "assure", "publish", "cite",
        "quote", "show", "according", "stating", "point", "clarify", "underline", "underscore", "predict",
        "caution", "recount", "recall", "suggest", "signal", "estimate", "conclude", "highlight", "email",
    }
)  # fmt: skip
MODALS = frozenset({"would", "could", "can", "will", "might", "may", "should"})

_NEITHER = re.compile(
    r"\b(?:neither\s+(?:confirm|deny)\w*\s+nor\s+(?:confirm|deny)\w*"
    r"|(?:not|n't|cannot)\s+(?:\w+\s+)?(?:confirm|deny)\w*\s+or\s+(?:confirm|deny)\w*)",
    re.IGNORECASE,
)
_CONTENT_DENY = re.compile(
    r"\b(?:(?:this|that|it|these|those|the report|the reports|the story)\s+(?:is|was|are|were|'s|’s)\s+"
    r"(?:simply\s+|just\s+|completely\s+|absolutely\s+|all\s+)?"
    r"(?:fake|false|untrue|not\s+true|a\s+lie|lies|nonsense|fiction|fabricat\w+|baseless|groundless|a\s+hoax)"
    r"|fake\s+news"
    r"|(?:did\s+not|didn't|didn’t|has\s+not|hasn't|hasn’t|have\s+not|haven't|haven’t|never)\s+"
    r"(?:actually\s+|really\s+|ever\s+)?(?:happen|happened|took\s+place|take\s+place|occur|occurred)"
    r"|no\s+such\s+(?:talks|meeting|meetings|negotiations|contacts|thing)"
    r"|nothing\s+of\s+the\s+sort"
    r"|(?:categorically|flatly|strongly)\s+(?:deny|denies|reject|rejects)"
    r"|\b(?:we|i)\s+deny\b)",
    re.IGNORECASE,
)
_CONTENT_CONFIRM = re.compile(r"\b(?:we|i)\s+(?:can\s+|hereby\s+)?confirm\b", re.IGNORECASE)


@dataclass(frozen=True)
class CueReading:
    """What the stance depends on, read from the parse around the cue."""

    lemma: str
    negated: bool = False
    modal: str | None = None
    # The lemma of an infinitival complement ("declined to comment" -> "comment").
    complement: str | None = None
    # The head noun of the direct object ("rejected the reports" -> "report").
    object_noun: str | None = None
    # The cue's tier in :mod:`crosswire.attribution.cues` (speech, belief, evidence, according, continuation).
    tier: str = "speech"


def classify(cue: CueReading, content: str, cue_text: str = "") -> StanceClass:
    """The stance class of a statement with this cue and content."""
    lemma = cue.lemma.lower()
    if _NEITHER.search(cue_text) or _NEITHER.search(content[:200]):
        return "neither"
    if lemma in DECLINE:
        if cue.complement in SPEAK_VERBS or cue.complement is None:
            return "decline"
        return "other"
    if lemma in CONFIRM:
        if cue.negated:
            return "decline" if cue.modal in MODALS else "other"
        return "confirm"
    if lemma in DENY or (lemma in DENY_WITH_REPORT and cue.object_noun in REPORT_NOUNS):
        return "other" if cue.negated else "deny"
    if lemma in DENY_WITH_REPORT:
        return "other"  # rejecting a proposal or a person is a judgement, not a denial of a report
    if cue.negated:
        # "did not say", "would not comment": a negated verb of saying is a refusal when it is about speaking.
        if lemma in {"comment", "say", "respond", "answer", "discuss", "elaborate"}:
            return "decline"
        return "other"
    if lemma in SPEECH_NEUTRAL or cue.tier in {"speech", "according", "continuation", "evidence"}:
        if _CONTENT_DENY.search(content):
            return "deny"
        if _CONTENT_CONFIRM.search(content):
            return "confirm"
        return "assert"
    return "other"
