"""Sources named by a phrase instead of a cue verb: "according to X", a sentence-opening phrase ("In the latest poll,
...", "By the AP's tally, ...", "To his critics, ..."), and a title that opens with its source and a colon ("Pence:
Flowers won't be at the debate").

Steps of :class:`crosswire.attribution.finder._Finder`, which add to its candidates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import bounds, cues, sources
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.cue_parse import Candidate
from crosswire.attribution.stance import CueReading

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# A title "Source: what they said" (PolNeAR reads the colon as the cue), with a source of a few words.
HEADLINE = re.compile(r"([A-Z][^:\n“”\"]{0,60}?):\s+(\S.*)$")
HEADLINE_SOURCE_WORDS = 4
# One sentence ending and another opening: a title says one thing, so a line holding two ("ANCHOR: A new drug has
# shown promise in a trial. Patients' groups welcomed the results.") is a transcript's turn or a paragraph, no title.
# The word before the stop is in lower case: "U.S. Pulls Out" is one title.
SECOND_SENTENCE = re.compile(r"[a-z]{2,}[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
# Sentence-opening phrases that name a source ("In the poll, ...", "By his count, ...", "To critics, ...").
SOURCE_PREPS = frozenset({"in", "by", "to"})
# Nouns of counting and reckoning after "by" or "in" ("by the AP's tally", "by his own argument").
SOURCE_NOUNS = frozenset(
    {"count", "tally", "estimate", "measure", "account", "calculation", "reckoning", "argument", "logic", "view"}
)


def _is_source_phrase(prep: str, source: Token) -> bool:
    """Whether "In/By/To ``source``," names where what follows comes from: a poll, report or count ("in the latest
    poll", "by the AP's count"), or for "to" a person or a group of people ("to many", "to his critics")."""
    lemma = source.lemma_.lower()
    if prep in {"in", "by"}:
        return lemma in SOURCE_NOUNS or (lemma in sources.DOCUMENT_NOUNS and lemma not in {"statement", "order"})
    if source.pos_ == "PRON":
        return lemma not in {"it", "this", "that", "date", "what", "which"}
    if lemma in {"many", "some", "other", "most", "few"}:
        return True
    return source.ent_type_ in {"PERSON", "NORP"}


def _names_source(finder: _Finder, start: int, end: int) -> bool:
    """Whether a title's words before the colon name who speaks: a name the recogniser found there or a proper noun
    the parser read as one; a surname alone that the article names in full ("Sanders: ..." over a story about
    Bernie Sanders, which the parser of a title in capitals often reads as a common noun); a record ("Poll: ...");
    an outlet or a group of people ("Newspaper: ...", "Economists: ...")."""
    tokens = finder.doc.char_span(start, end, alignment_mode="expand")
    if any(m.label in {"PERSON", "ORG", "NORP", "GPE"} for m in finder.mentions(start, end)) or any(
        t.pos_ == "PROPN" and t.dep_ != "compound" for t in tokens or []
    ):
        return True
    phrase = finder.text[start:end]
    head = sources.head_word(phrase)
    if head in sources.DOCUMENT_NOUNS or head in sources.MEDIA_NOUNS or head in sources.PEOPLE_NOUNS:
        return True
    if sources.is_person_noun(head):
        return True
    last = phrase.split()[-1]
    return any(
        m.label in {"PERSON", "ORG"} and m.start >= end and len(m.text.split()) > 1 and m.text.split()[-1] == last
        for m in finder.article.mentions
    )


def headline(finder: _Finder) -> None:
    """ "Pence: Gennifer Flowers won't be at the debate": a title that opens with a named source and a colon."""
    first = re.compile(r"\S").search(finder.text)
    if first is None:
        return
    para_start, para_end = finder.paragraph(first.start())
    match = HEADLINE.match(finder.text[para_start:para_end])
    if match is None or len(match.group(1).split()) > HEADLINE_SOURCE_WORDS:
        return
    if SECOND_SENTENCE.search(match.group(2)):
        return
    speaker = (para_start + match.start(1), para_start + match.end(1))
    if not _names_source(finder, *speaker):
        return
    start, end = bounds.trim(finder.text, para_start + match.start(2), para_end)
    while end > start and finder.text[end - 1] in ".!?":
        end -= 1
    colon = para_start + match.end(1)
    reading = CueReading(lemma=":", tier="speech")
    finder.candidates.append(
        Candidate(
            colon, colon + 1, ":", start, end, finder.text[start:end], speaker, finder.is_verbatim(start, end),
            reading, "indirect",
        )
    )  # fmt: skip


def according_to(finder: _Finder) -> None:
    for token in finder.doc:
        if token.lower_ != "according" or token.i + 1 >= len(finder.doc) or finder.doc[token.i + 1].lower_ != "to":
            continue
        to = finder.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        speaker = parse.subtree_span(objects[0])
        phrase_start = token.idx
        phrase_end = max(speaker[1], to.idx + 2)
        sent = token.sent
        para_start, para_end = finder.paragraph(token.idx)
        speaker = bounds.trim(finder.text, *speaker)
        before = bounds.trim(finder.text, max(sent.start_char, para_start), phrase_start)
        after = bounds.trim(finder.text, phrase_end, min(sent.end_char, para_end))
        start, end = before if before[1] - before[0] >= after[1] - after[0] else after
        end_trimmed = end
        while end_trimmed > start and finder.text[end_trimmed - 1] in ".!?":
            end_trimmed -= 1
        if end_trimmed - start < 10:
            continue
        finder.candidates.append(
            Candidate(
                cue_start=token.idx,
                cue_end=to.idx + len(to.text),
                cue_lemma="according",
                content_start=start,
                content_end=end_trimmed,
                content=finder.text[start:end_trimmed],
                speaker=speaker,
                direct=False,
                reading=CueReading(lemma="according", tier="according"),
                kind="according",
                cue_token=token.i,
                stance_text="",
            )
        )


def source_phrases(finder: _Finder) -> None:
    """ "In the latest poll, Clinton leads ...", "By the AP's tally, he has 739 ...", "To his critics, the plan is
    ...": a sentence that opens with such a phrase and a comma is what that poll, count or person says, as with
    "according to" (unless the sentence's own verb is a cue: "In a statement, the ministry denied ...")."""
    for sentence in finder.doc.sents:
        words = [t for t in sentence if not t.is_punct and not t.is_space]
        if len(words) < 4:
            continue
        prep = words[0]
        root = sentence.root
        if prep.lower_ not in SOURCE_PREPS or prep.dep_ != "prep" or cues.cue_tier(root.lemma_) is not None:
            continue
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is None or not _is_source_phrase(prep.lower_, source):
            continue
        comma = source.right_edge.i + 1
        if comma >= sentence.end or finder.doc[comma].text != "," or finder.in_quote(prep.idx) is not None:
            continue
        start, end = bounds.trim(finder.text, finder.doc[comma].idx + 1, sentence.end_char)
        while end > start and finder.text[end - 1] in ".!?":
            end -= 1
        para = finder.paragraph(prep.idx)
        end = min(end, para[1])
        if end - start < 10 or not start <= root.idx < end:
            continue
        speaker = bounds.trim(finder.text, *parse.subtree_span(source))
        finder.candidates.append(
            Candidate(
                prep.idx, prep.idx + len(prep.text), prep.lower_, start, end, finder.text[start:end], speaker,
                False, CueReading(lemma=prep.lower_, tier="according"), "according", cue_token=prep.i,
                stance_text="",
            )
        )  # fmt: skip


# A speaker's label opening a line of a transcript: one to three capitalised words and a colon ("JAKE TAPPER:",
# "Matthews:", "Luciana Lopez:").
_TURN = re.compile(r"^((?:[A-Z][\w.’'-]+)(?: [A-Z][\w.’'-]+){0,2}):[ \t]+(?=\S)", re.M)
# How many lines must open with a speaker's label before an article counts as holding a transcript.
TRANSCRIPT_TURNS = 2


def _is_speaker_label(finder: _Finder, start: int, end: int) -> bool:
    """Whether a line's label names a person: a name the recogniser found there, or the surname of a person the
    article names in full, in any case ("TAPPER:" after "Jake Tapper")."""
    label = finder.text[start:end]
    if any(m.label == "PERSON" for m in finder.mentions(start, end)):
        return True
    last = label.split()[-1].lower()
    return any(
        m.label == "PERSON" and len(m.text.split()) > 1 and m.text.split()[-1].lower() == last
        for m in finder.article.mentions
    )


def _in_capitals(label: str) -> bool:
    """Whether a label is a name written in capitals, as transcripts write their speakers ("JAKE TAPPER")."""
    last = label.split()[-1]
    return last.isupper() and len(last) > 1 and last.isalpha()


def transcript_turns(finder: _Finder) -> None:
    """ "TAPPER: Do you think he has campaigned as a racial healer?" / "FALLIN: I think he is trying ...": in a
    transcript, a line opened by a person's label and a colon is that person's turn, what they said up to the end
    of the line. An article holds a transcript when at least two lines open with the labels of two different people,
    one of them a person the article names (a name in capitals, "FALLIN:", is then a label too, but "UPDATE:" and
    "EMAIL:" alone make no transcript); a turn must be a clause (a verb in it), so a tally ("Clinton: 1,769.") or a
    list of names is none."""
    labels = [m for m in _TURN.finditer(finder.text) if m.start() > 0]
    named = [m for m in labels if _is_speaker_label(finder, m.start(1), m.end(1))]
    turns = [m for m in labels if m in named or _in_capitals(m.group(1))]
    if not named or len(turns) < TRANSCRIPT_TURNS or len({m.group(1).split()[-1].lower() for m in turns}) < 2:
        return
    for match in turns:
        para_end = finder.paragraph(match.start())[1]
        start, end = bounds.trim(finder.text, match.end(), para_end)
        span = finder.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not any(t.pos_ in {"VERB", "AUX"} for t in span) or finder.in_quote(start) is not None:
            continue
        colon = match.end(1)
        speaker = (match.start(1), colon)
        finder.candidates.append(
            Candidate(
                colon, colon + 1, ":", start, end, finder.text[start:end], speaker, False,
                CueReading(lemma=":", tier="speech"), "indirect",
            )
        )  # fmt: skip
