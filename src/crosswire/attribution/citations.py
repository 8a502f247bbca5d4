"""Citations: a statement relayed through another ("X reported, citing an unnamed source, that ...", "X cited Y as
saying ...", "X was quoted by the Interfax news agency as saying ..."): Y's statement, relayed via X's.

A step of :class:`crosswire.attribution.finder._Finder`, which adds to its candidates: what "citing" names is a
source when its head is a source's noun, a body, a document or an outlet, or it holds a named person or organization;
otherwise it is a reason ("citing concerns over costs"). A wire lead whose closing cue clause the parser hung on a
noun ("X and Y have agreed to a ceasefire, the state news agency reported, citing the ministry") is read here too:
the agency's statement of the sentence before the comma, with its citation relayed through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import bounds, cues, sources, verb_content
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.cue_parse import Candidate
from crosswire.attribution.stance import CueReading
from crosswire.entities.roles import ROLE_HEADS

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder


def nested_citation(finder: _Finder, token: Token, index: int) -> None:
    """ "X reported, citing an unnamed source" and "X cited Y as saying": Y's statement relayed via X's."""
    outer = finder.candidates[index]
    text = finder.text
    lemma = token.lemma_.lower()
    if lemma in cues.CITING:
        # "Bertrand cited the NSC spokesperson as saying ...": the object is the inner source.
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not objects and any(c.dep_ == "agent" for c in token.children):
            # "X was quoted by the Interfax news agency as saying ...": the agent quotes, X is quoted
            objects = [c for c in token.children if c.dep_ == "nsubjpass"]
        saying = verb_content.as_saying(token)
        if objects and saying is not None:
            speaker = parse.subtree_span(objects[0])
            if objects[0].i < saying.i <= objects[0].right_edge.i:
                speaker = (speaker[0], saying.head.idx)  # "Ryabkov as saying": the "as" phrase is not his name
            add_nested(finder, outer, index, bounds.trim(text, *speaker), saying, "say")
        return
    clauses = [c for c in token.children if c.dep_ == "ccomp" or bounds.reported_advcl(c, token)]
    near = [*token.children, *(g for c in clauses for g in c.children if g.i < c.i)]
    # "reported, citing people familiar with the matter, that ...", the citation hung elsewhere by the parser: an
    # aside between the cue and what it reports
    near += [
        t
        for t in finder.doc[token.i + 1 : token.i + 4]
        if t.lemma_.lower() in cues.CITING and t.idx < outer.content_start and t not in near
    ]
    for child in near:
        if child.lemma_.lower() in cues.CITING and is_participle(child):
            source = cited_source(finder, child)
            if source is not None:
                add_nested(finder, outer, index, source, child, "cite")


def is_participle(token: Token) -> bool:
    """Whether a verb of citing is read with its governor ("..., citing police"): hung on it, without a subject of its
    own ("and an article cited by her campaign quoted a few experts" is a statement of the article's)."""
    return token.dep_ in {"advcl", "xcomp", "conj", "ccomp"} and not any(
        c.dep_ in parse.SUBJECTS for c in token.children
    )


def cited_source(finder: _Finder, token: Token) -> tuple[int, int] | None:
    """The span of what "citing X" names when X is where the governing clause comes from ("citing people
    familiar with the matter", "citing Reuters"), or None for a reason given ("citing concerns over costs")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return None
    start, end = parse.subtree_span(objects[0])
    return (start, end) if is_source_phrase(finder, finder.text[start:end], start, end) else None


def is_source_phrase(finder: _Finder, phrase: str, start: int, end: int) -> bool:
    """Whether a cited phrase names a source ("an unnamed source", "officials", "Reuters") not a reason."""
    head = sources.head_word(phrase)
    if head in {"source", "sources", "official", "officials", "people", "person", "report", "reports"}:
        return True
    if head in sources.CITED_BODIES or head in sources.SPOKES_NOUNS or head in sources.PEOPLE_NOUNS:
        return True  # "citing the defence ministry", "citing a police spokesman", "citing witnesses"
    if head in ROLE_HEADS or head.removesuffix("s") in ROLE_HEADS or sources.is_person_noun(head):
        return True  # "citing field commanders", "citing the governor", "citing two doctors"
    if head in sources.DOCUMENT_NOUNS or head in sources.MEDIA_NOUNS or sources.is_outlet(phrase):
        return True
    return any(m.start >= start and m.end <= end and m.label in {"PERSON", "ORG"} for m in finder.mentions(start, end))


def add_nested(finder: _Finder, outer: Candidate, index: int, speaker: tuple[int, int], cue: Token, lemma: str) -> None:
    finder.candidates.append(
        Candidate(
            cue_start=cue.idx,
            cue_end=cue.idx + len(cue.text),
            cue_lemma=lemma,
            content_start=outer.content_start,
            content_end=outer.content_end,
            content=outer.content,
            speaker=speaker,
            direct=outer.direct,
            reading=CueReading(lemma=lemma, tier="speech"),
            kind="nested",
            via=[*outer.via, index],
            quotes=outer.quotes,
            stance_text=outer.stance_text,
        )
    )


def read_closing_lead(finder: _Finder, token: Token, opening: int) -> None:
    """ "X and Y have agreed to a ceasefire, the state news agency DRA reported, citing the foreign ministry": the
    cue clause the parser read as a clause on a noun (:func:`cue_parse.closing_relative`) reports the sentence
    before its comma; a citation after the cue is its relay."""
    comma = finder.doc[opening - 1]
    sentence = token.sent
    para_start, _ = finder.paragraph(token.idx)
    start = bounds.after_dateline(finder.text, max(sentence.start_char, para_start), comma.idx)
    start, end = bounds.trim(finder.text, start, comma.idx)
    if end - start < 10 or finder.in_quote(start) is not None:
        return
    speaker = bounds.trim(finder.text, finder.doc[opening].idx, token.idx)
    reading = parse.reading(token, "speech")
    finder.candidates.append(
        parse.cue_candidate(
            finder.text, token, (start, end), speaker, reading, finder.is_verbatim(start, end), finite=True
        )
    )
    index = len(finder.candidates) - 1
    for cite in finder.doc[token.i + 1 : sentence.end]:
        if cite.dep_ in {"advcl", "xcomp", "conj"} and cite.lemma_.lower() in cues.CITING:
            source = cited_source(finder, cite)
            if source is not None:
                finder.read_with_governor.add(cite.i)
                add_nested(finder, finder.candidates[index], index, source, cite, "cite")
