"""Where a clausal content ends: the clause a cue governs, without the next act of the same source.

The parser often hangs the source's next act on the reported clause rather than on the cue ("said he would order a
review and warned against hackers"; "said the rules were lawful, arguing that ..."), so the clause's subtree runs
into words that are a frame of their own. PolNeAR's content stops before them: they are the cue of another
attribution (or the same speaker's aside), not part of what was said. A semicolon ends the reported clause too.

It also reads the contents that are not a complement of the cue: the passage a colon introduces, the clause a
parenthetical cue interrupts or closes ("Officials held talks, Kommersant reported"), and a "that" clause the parser
hung on a noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crosswire.attribution import cues
from crosswire.attribution.quotes import Quote
from crosswire.clean import header

# Dependency labels under which a new act of the subject attaches to the reported clause.
_NEXT_ACT_DEPS = frozenset({"conj", "advcl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Clauses before an interrupting cue that the parser hangs on the cue instead of the clause it interrupts.
_OPENING_DEPS = frozenset({"advcl", "ccomp"})
# Words that make a conjunction of a following "that" ("so that", "now that", "in that", "except that").
_THAT_CONJUNCTIONS = frozenset({"so", "such", "now", "in", "except", "given", "provided", "save", "but"})
# Subordinators of time and cause: a cue in a clause they open tells when or why, it does not report the clause it
# modifies ("Shares rose after Bloomberg reported that ...", "before the ministry announced ...").
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "till", "once", "because", "when", "whenever"})
# A dangling conjunction or separator left at the end of a cut clause.
_DANGLING = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|while|as)\b)+$", re.IGNORECASE)


def _is_next_act(token: Token) -> bool:
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


def _is_other_source(token: Token) -> bool:
    """ "..., while the health ministry said ...", "..., and the union said ...": a finite verb of saying with a
    subject of its own, joined to the reported clause, is another source's statement, not part of this content."""
    if token.dep_ not in _NEXT_ACT_DEPS or token.pos_ != "VERB" or token.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    if cues.cue_tier(token.lemma_) != "speech":
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i for c in token.children)


def clause_end(text: str, clause: Token, start: int, end: int) -> int:
    """The end of a reported clause's content: before a semicolon or the source's next act inside its subtree."""
    cut = end
    for token in clause.subtree:
        if token.idx <= start or token.idx >= cut:
            continue
        if token.text == ";" or (
            token is not clause and token.head.i >= clause.i and (_is_next_act(token) or _is_other_source(token))
        ):
            cut = token.left_edge.idx if token.text != ";" else token.idx
    if cut == end:
        return end
    trimmed = _DANGLING.sub("", text[start:cut])
    return start + len(trimmed) if len(trimmed) >= 2 else end


def reported_advcl(clause: Token, cue: Token) -> bool:
    """ "Trump said after the convention he would not accept ...": a reported clause the parser labelled an adverbial
    clause -- after the cue, with a subject of its own, finite, and not introduced by a conjunction ("if", "when").
    "That" is the complementiser, not such a conjunction ("reported, citing people familiar with the matter, that
    the bank would ..."), unless it closes one ("so that", "now that", "in that")."""
    if clause.dep_ != "advcl" or clause.i < cue.i or clause.pos_ not in {"VERB", "AUX"}:
        return False
    children = list(clause.children)
    marks = [c for c in children if c.dep_ == "mark"]
    if any(not _complementiser(m) for m in marks) or not any(c.dep_ in _SUBJECT_DEPS for c in children):
        return False
    return clause.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} for c in children)


def _complementiser(mark: Token) -> bool:
    """A "that" that opens a reported clause: not the end of a conjunction ("so that", "such that", "now that")."""
    before = mark.nbor(-1).lower_ if mark.i > 0 else ""
    return mark.lower_ == "that" and before not in _THAT_CONJUNCTIONS


def passive_content(token: Token) -> tuple[int, int] | None:
    """ "The issue was first reported by the Post": a passive cue with an agent, whose subject is the content."""
    if not any(c.dep_ == "agent" for c in token.children):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    return subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge.text)


def mostly_quoted(quotes: list[Quote]) -> list[Quote]:
    """The quotes of a split quotation while they are most of the span they make with the cue clauses between them.

    A content span is contiguous, so ' “...,” said X, a lawyer who has ... for years. “...” ' holds the frame too;
    when the frame outweighs the quoted words the statement is the first quote(s) alone.
    """
    kept = list(quotes)
    while len(kept) > 1 and 2 * sum(q.end - q.start for q in kept) < kept[-1].end - kept[0].start:
        kept.pop()
    return kept


# A paragraph that ends a colon-introduced passage: long enough and closed by sentence punctuation.
_CLOSED_PARAGRAPH = re.compile(r"[.!?][\"”’']?\s*$")
MAX_COLON_PARAGRAPHS = 6
# A paragraph opened by a quotation dash ("– These claims are nonsense."), one paragraph of a dashed quote.
_DASHED = re.compile(r"[–—][ \t]+\S")
MAX_COLON_CHARS = 1200


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces and separating punctuation, keeping quotation marks that belong to the content."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-•"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-•"):
        end -= 1
    return start, end


def misparsed_that_clause(token: Token) -> tuple[int, int] | None:
    """ "told the WSJ at the time that the press ...": a "that" clause the parser hung on a noun, not on the verb."""
    sent = token.sent
    aside = None  # "reported, citing people familiar with the matter, that ...": the citation is read past
    for other in sent[token.i - sent.start + 1 : token.i - sent.start + 16]:
        if aside is None and other.lemma_.lower() in {"cite", "quote"} and other.tag_ == "VBG":
            aside = other
        if aside is not None and aside.left_edge.i <= other.i <= aside.right_edge.i:
            continue
        if other.i - token.i >= 10 or other.pos_ == "VERB" or other.lower_ in {".", ";"}:
            return None
        if other.lower_ == "that" and other.head.pos_ in {"VERB", "AUX"} and other.head.i > other.i:
            return other.idx, sent.end_char
    return None


def parenthetical_content(token: Token) -> tuple[int, int] | None:
    """ "Officials held talks, Kommersant reported": the clause a cue is parenthetical to.

    The cue may close the clause or interrupt it ("To understand it, Roberts said, one should visit"); the content
    is the governing clause either way (a contiguous span, so an interrupting cue lies inside it).
    """
    head = token.head
    # "Though it was seamless, he said, replacing him would be ...": the parser hangs the opening clause on the cue
    opening = any(c.dep_ in _OPENING_DEPS and c.i < token.i and c.pos_ in {"VERB", "AUX"} for c in token.children)
    if token.dep_ == "parataxis" and head.i > token.i and (token.left_edge.i > head.left_edge.i or opening):
        # "The museum, Mr. Bush said, celebrated ...": the cue interrupts the clause it governs
        return head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if token.dep_ in {"parataxis", "advcl", "conj"} and head.i < token.i and token.left_edge.i > head.i:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in token.children):
            # "Shares rose after Bloomberg reported ...": the report is when or why the clause happened, not what
            # the clause reports
            return None
        if token.dep_ == "conj" and any(c.dep_ == "cc" and c.i < token.left_edge.i for c in head.children):
            # "The talks are at an early stage, but BP is said to be open to a deal": a clause coordinated with
            # the one before it tells something else; it does not report that clause
            return None
        start = head.left_edge.idx
        end = token.left_edge.idx
        if token.dep_ == "parataxis" and head.right_edge.i > token.right_edge.i:
            end = head.right_edge.idx + len(head.right_edge.text)
        if end - start > 10:
            return start, end
    return None


def colon_content(text: str, after: int) -> tuple[int, int] | None:
    """The passage a colon after the cue introduces: the rest of the paragraph, or the next paragraph(s)."""
    match = re.compile(r"[ \t]*:").match(text, after)
    if not match:
        return None
    pos = match.end()
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if text[pos:line_end].strip():
        return trim(text, pos, line_end)
    # The colon ends its paragraph: read paragraphs until one ends a sentence with some length.
    start = end = -1
    first_dashed = False
    cursor = line_end
    for _ in range(MAX_COLON_PARAGRAPHS):
        nxt = re.compile(r"\S").search(text, cursor)
        if not nxt:
            break
        para_end = text.find("\n", nxt.start())
        para_end = len(text) if para_end < 0 else para_end
        paragraph = text[nxt.start() : para_end]
        dashed = _DASHED.match(paragraph) is not None
        if start < 0:
            start, first_dashed = nxt.start(), dashed
        elif first_dashed and not dashed:
            break  # the quotation dash marks each paragraph of the quote: the passage ends with the last one
        end = para_end
        if (_CLOSED_PARAGRAPH.search(paragraph) and len(paragraph) >= 60) or end - start > MAX_COLON_CHARS:
            break
        cursor = para_end
    if start < 0:
        return None
    return trim(text, start, end)


def before_own_speaker(text: str, start: int, end: int, speaker: tuple[int, int] | None) -> tuple[int, int]:
    """A content that ends with its own speaker ends before it: "... its takeover of Rotterlink, an EU official told
    Radio North", where the parse hung the speaker on the content's last noun as an apposition. Who spoke is no part
    of what they said."""
    if speaker is not None and start < speaker[0] < end and not text[speaker[1] : end].strip(" ,"):
        return trim(text, start, speaker[0])
    return start, end


# What opens a live page's entry or a feed's item before its first sentence: a time stamp ("11:40", "9.15am", "16h20
# -", "14:05 GMT:") or an update's label ("Update, 15 September:", "Correction:", "Editor's note:").
_ENTRY_OPENING = re.compile(
    r"(?:\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EST|EDT|local(?: time)?))?\b\s*[-–—:|]?"
    r"|(?:update[ds]?|correction|clarification|editor['’]?s note)\b[^:\n]{0,30}:)\s+",
    re.IGNORECASE,
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a speaker starts after the dateline its phrase ran into ("KANSAS CITY, Mo. — Research Medical Center
    said", "MAIDUGURI, Nigeria — The leader of the group said"): where the copy was filed is no part of who spoke;
    nor is a live page's time stamp or an update's label opening the line ("11:40 The prosecutor's office said",
    "Update, 15 September: An earlier version of this item said")."""
    line_start = text.rfind("\n", 0, start) + 1
    cut = header.any_dateline_end(text[line_start:end])
    begin = start
    if cut is not None and line_start + cut > start:
        begin = line_start + cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin >= end:
        return start
    opening = _ENTRY_OPENING.match(text, max(begin, line_start), end)
    if opening is not None and text[line_start:begin].strip() == "" and opening.end() < end:
        begin = max(begin, opening.end())
    return begin
