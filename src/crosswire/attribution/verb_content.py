"""What a cue verb reports: the content span it governs and, for a few constructions, who its speaker is.

The readings of :class:`crosswire.attribution.finder._Finder`'s verb cues over the shared dependency parse: a
complement clause ("confirmed that ..."), an object ("denied the reports"), what "quoted X as saying" said, the clause
after an addressee ("told the Examiner the report was false"), a phrase about something ("warned of ..."); and the
speaker of a participle that continues a report (", calling the charges baseless") or of a document put out
("published a report saying ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.attribution import bounds, cues, sources
from crosswire.attribution import cue_parse as parse

# Complements that hold what was said, in order of preference per tier.
CLAUSE_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "attr", "oprd")
# Verbs whose object is the content ("confirmed the meeting", "denied the reports", "backs Clinton").
OBJECT_CONTENT = frozenset(
    {
        "confirm", "deny", "acknowledge", "admit", "reject", "dismiss", "refute", "dispute", "endorse", "support",
        "back", "oppose", "favor", "favour", "prefer", "criticize", "criticise", "praise", "condemn", "denounce",
        "slam", "blast", "attack", "defend", "question", "mock", "deride", "decry", "applaud", "welcome", "accuse",
        "blame", "announce", "reveal", "disclose", "predict", "promise", "pledge", "propose", "demand", "describe",
        "call", "want", "seek", "fear", "expect", "claim", "report", "tweet", "post", "write", "cite", "mention",
        "recommend", "urge", "debunk", "rebuff", "contradict", "reiterate", "repeat", "concede", "plan", "like",
        "love", "hate", "doubt", "suspect", "estimate", "find", "see", "view", "consider", "regard",
    }
)  # fmt: skip
# Prepositions whose object is what a verb of saying was about ("warned of", "talked about", "complained about").
ABOUT_PREPS = frozenset({"about", "of", "on", "against", "for"})
# Prepositions that continue an object content ("accused X of ...", "praised X for ...", "described X as ...").
OBJECT_PREPS = frozenset({"of", "for", "as"})
# Prepositions whose phrase after an object is the circumstance of the saying, not part of what was said.
ADJUNCT_PREPS = frozenset({"in", "during", "since", "at", "after", "before", "amid", "throughout", "following", "via"})
# Verbs whose object is the addressee, not the content ("told reporters ...", "assured investors ...").
TELL_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "notify", "warn"})
ABOUT_VERBS = frozenset({"warn", "talk", "speak", "comment", "complain", "ask", "write", "testify", "caution", "call"})


def is_adjunct(prep: Token) -> bool:
    """A phrase after an object that says when, where or how something was said ("in tweets", "on Friday"), or
    holds a clause of its own, rather than continuing what was said ("accused X of ...", "described X as ...")."""
    if prep.lower_ in OBJECT_PREPS:
        return False
    if prep.lower_ in ADJUNCT_PREPS or any(t.pos_ == "VERB" for t in prep.subtree):
        return True
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def content_of(token: Token, tier: str, paragraph: tuple[int, int], text: str) -> tuple[int, int] | None:
    """The content span a cue verb governs, or None when it has none that counts."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma in cues.CITING:
        said = said_content(token)
        if said is not None:
            return said
    clauses = content_clauses(token, tier, paragraph)
    if clauses:
        start, end = parse.span_of([t for c in clauses for t in (c.left_edge, c.right_edge)])
        for clause in clauses:
            for child in clause.children:
                if child.dep_ == "advcl" and child.lemma_.lower() in cues.CITING and child.i < clause.i:
                    # "reported, citing a source, that ...": the citation is not part of what was reported
                    start = max(start, child.right_edge.idx + len(child.right_edge.text))
        return start, min(bounds.clause_end(text, c, start, end) for c in clauses)
    if lemma in TELL_VERBS:
        told = told_clause(token)
        if told is not None:
            return told
    if tier == "evidence" and lemma not in cues.SPEECH:
        return None
    if lemma in cues.NEEDS_CLAUSE:
        return None
    xcomps = [c for c in children if c.dep_ == "xcomp"]
    if xcomps and (lemma in cues.DECLINE_LEMMAS or tier in {"belief", "learned"} or lemma in {"promise", "vow"}):
        return parse.subtree_span(xcomps[0])
    if lemma in OBJECT_CONTENT or tier == "learned":
        objects = object_content(token)
        if objects is not None:
            return objects
    if lemma in ABOUT_VERBS:
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS and c.i > token.i]
        if preps:
            start, end = parse.subtree_span(preps[0])
            pobjs = [c for c in preps[0].children if c.dep_ == "pobj"]
            cut = object_aside(pobjs[0]) if pobjs else None  # "warned of the cracks, which the board ignored"
            return (start, cut) if cut is not None and start < cut else (start, end)
    return bounds.passive_content(token)


def said_content(token: Token) -> tuple[int, int] | None:
    """ "quoted Ryabkov as saying that ...": what Ryabkov said."""
    saying = as_saying(token)
    if saying is None:
        return None
    said = [c for c in saying.children if c.dep_ in {"ccomp", "dobj", "xcomp"} and c.i > saying.i]
    return parse.span_of([t for c in said for t in (c.left_edge, c.right_edge)]) if said else None


def content_clauses(token: Token, tier: str, paragraph: tuple[int, int]) -> list[Token]:
    """The clauses a cue governs inside its paragraph: complements, reported adverbials, clauses hung on "citing"."""
    children = list(token.children)
    clauses = [
        c
        for c in children
        if c.dep_ in CLAUSE_DEPS and c.lemma_.lower() not in cues.CITING and paragraph[0] <= c.idx < paragraph[1]
    ]
    if any(c.i > token.i and has_that(c) for c in clauses):
        # "X, whose work has come under scrutiny, wrote that ...": a clause before the cue is the subject's aside
        clauses = [c for c in clauses if c.i > token.i]
    if not clauses and tier == "speech":
        clauses = [c for c in children if bounds.reported_advcl(c, token) and paragraph[0] <= c.idx < paragraph[1]]
    if not clauses:
        # "reported, citing anonymous sources, that ...": the parser hangs the clause on "citing".
        for child in children:
            if child.dep_ in {"advcl", "ccomp"} and child.lemma_.lower() in cues.CITING:
                clauses = [c for c in child.children if c.dep_ in CLAUSE_DEPS]
    return clauses


def object_content(token: Token) -> tuple[int, int] | None:
    """A cue's object and what completes it, up to where the circumstances of the saying start."""
    children = list(token.children)
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    if not objects:
        return None
    parts = list(objects)
    for c in children:
        if c.i <= objects[0].i:
            continue
        if c.dep_ == "prep" and is_adjunct(c):
            break  # the content is contiguous: it stops where the circumstances of the saying start
        if c.dep_ in {"oprd", "xcomp"} or c.dep_ == "prep":
            parts.append(c)
    start, end = parse.span_of([t for c in parts for t in (c.left_edge, c.right_edge)])
    cut = object_aside(objects[0])
    if cut is not None and start < cut and objects[0].right_edge.i == parts[-1].right_edge.i:
        return start, cut  # "endorsed Mrs. Clinton, a signal of her broad support": the aside is the writer's
    return start, end


def circumstance_stop(token: Token) -> int | None:
    """Where a cue's object content stops because the circumstances of the saying or the writer's aside start ("the
    referee | during a news conference", "Harbour Bank | , which agreed to ..."), or None when nothing cut it: an end
    the learned end chooser is not to run on over."""
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS and c.i > token.i]
    if not objects:
        return None
    cut = object_aside(objects[0])
    adjuncts = [c for c in token.children if c.i > objects[0].i and c.dep_ == "prep" and _placing(objects[0], c)]
    if adjuncts:
        last = token.doc[adjuncts[0].left_edge.i - 1]
        cut = min(cut, last.idx + len(last.text)) if cut is not None else last.idx + len(last.text)
    return cut


# Dependents of an object set off by a comma or a dash: the writer's aside on what was named, not what was said
# ("endorsed Mrs. Clinton, a signal of her broad support", "thanked the crowd, which chanted his name").
_ASIDE_DEPS = frozenset({"relcl", "appos", "acl"})
_ASIDE_MARKS = frozenset({",", "—", "–", "--", "(", ";"})
# Prepositions after an object that place the act, not the thing said ("thanked supporters at a rally", "criticized
# the plan during a debate"); "in" and "on" only with a time, or a place after a name ("backed Sanders in Virginia").
# Not "following" or "since": "demanding answers following allegations that ..." names what the demand answers.
_PLACING_PREPS = frozenset({"at", "during", "amid", "throughout", "via"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _places(noun: Token, placed: Token) -> bool:
    """Whether "in"/"on" ``placed`` says when, or where a name was backed ("Sanders in Virginia"): a common noun takes
    a place as its own ("a role in Iraq", "statements on Israel", "workers in New York")."""
    return placed.ent_type_ in {"DATE", "TIME"} or (placed.ent_type_ in _PLACES and noun.pos_ == "PROPN")


def _placing(noun: Token, prep: Token) -> bool:
    """Whether a phrase after the object ``noun`` says where or when the act was ("at a rally", "on Friday")."""
    return prep.lower_ in _PLACING_PREPS or (
        prep.lower_ in {"in", "on"} and any(_places(noun, c) for c in prep.children if c.dep_ == "pobj")
    )


def _closed(aside: Token) -> bool:
    """Whether an aside holds nothing after a comma or dash of its own: the parser hangs what follows an aside's
    closing comma on it ("described the report, published on Substack, as complete fiction": the "as" phrase is
    the describing's, not the publishing's), and then the aside is no place to cut."""
    doc = aside.doc
    return not any(doc[i].text in _ASIDE_MARKS for i in range(aside.left_edge.i + 1, aside.right_edge.i + 1))


def object_aside(noun: Token) -> int | None:
    """Where an object's own words end before an aside or a circumstance hung on it, or None: a relative clause or
    an apposition set off by a comma or a dash, or a phrase of place or time."""
    for child in noun.children:
        if child.i <= noun.i:
            continue
        before = noun.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        aside = child.dep_ in _ASIDE_DEPS and before is not None and before.text in _ASIDE_MARKS and _closed(child)
        placing = child.dep_ == "prep" and _placing(noun, child)
        if aside or placing:
            last = noun.doc[(before.i if aside and before is not None else child.left_edge.i) - 1]
            return last.idx + len(last.text)
    return None


def told_clause(token: Token) -> tuple[int, int] | None:
    """ "Watson told the Examiner the report was false": the parser sometimes ends the sentence after the addressee
    and starts a new one without any punctuation between; the clause after the addressee is what was told."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "dative"} and c.i > token.i]
    if not objects:
        return None
    after = objects[-1].right_edge.i + 1
    doc = token.doc
    if after >= len(doc) or not doc[after].is_alpha or doc[after].sent.start != after:
        return None
    sentence = doc[after].sent
    if not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in sentence):
        return None
    return doc[after].idx, sentence.end_char


def _participles(lemmas: frozenset[str]) -> dict[str, str]:
    """The "-ing" forms of verbs of saying ("writing", "stating", "admitting"), to their lemmas."""
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in (lemma + "ing", lemma[:-1] + "ing" if lemma.endswith("e") else "", lemma + lemma[-1] + "ing"):
            if form:
                forms.setdefault(form, lemma)
    return forms


# Verbs that put a document out, whose subject is its author ("published a report saying ...").
PUBLISH_VERBS = frozenset({"publish", "release", "issue", "post", "file", "write", "put", "unveil", "send", "submit"})
# Participles of saying the tagger sometimes reads as nouns (", writing, “...”").
PARTICIPLES = _participles(cues.SPEECH - {"call", "order", "post", "text", "brief", "cry", "charge", "attack"})


def reporter_of_participle(token: Token) -> tuple[int, int] | None:
    """ "The lawyer said his client would plead not guilty, calling the charges baseless": a participle of saying
    after a comma that the parser hangs on the reported clause is the reporter's next act, not the act of the
    reported clause's subject; its speaker is the subject of the cue that reports that clause."""
    if token.tag_ != "VBG" or token.dep_ != "advcl" or token.i == 0 or token.nbor(-1).text != ",":
        return None
    if any(c.dep_ in parse.SUBJECTS for c in token.children):
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.i == clause.i or cues.cue_tier(reporter.lemma_) != "speech":
        return None
    return parse.subject_of(reporter)


def author(token: Token) -> tuple[int, int] | None:
    """ "Hersh published a report saying that ...", "the ministry issued a statement saying ...": what the document
    says, its author says; the speaker is the subject of the verb that put the document out."""
    document = token.head
    if token.dep_ != "acl" or document.dep_ != "dobj" or document.lower_ not in sources.DOCUMENT_NOUNS:
        return None
    if document.head.lemma_.lower() not in PUBLISH_VERBS:
        return None
    subjects = [c for c in document.head.children if c.dep_ in parse.SUBJECTS]
    return parse.subtree_span(subjects[0]) if subjects else None


# Nouns of somebody's words ("comments Trump made in 2006 saying ..."), besides the documents of sources.
WORDS_NOUNS = frozenset({"comment", "comments", "remark", "remarks", "speech", "interview", "op-ed", "column", "words"})


def words_noun(token: Token) -> Token | None:
    """ "highlighted comments Trump made in 2006 saying he hoped ...": the noun of somebody's words (or a document)
    that a participle of saying right after it (no comma between) tells the content of, when a clause with a subject
    of its own modifies the noun; the parser hangs such a participle on the main clause."""
    if token.tag_ != "VBG" or token.i < 2 or token.nbor(-1).text == "," or cues.cue_tier(token.lemma_) != "speech":
        return None
    if any(c.dep_ in parse.SUBJECTS for c in token.children):
        return None
    for noun in reversed(token.doc[max(token.sent.start, token.i - 8) : token.i]):
        if noun.lower_ not in WORDS_NOUNS | sources.DOCUMENT_NOUNS or noun.pos_ != "NOUN":
            continue
        if noun.right_edge.i != token.i - 1:
            return None  # the words between are not the noun's own modifiers
        return noun if maker_of(noun) is not None else None
    return None


def _relative(token: Token) -> bool:
    return token.lower_ in sources.RELATIVE_PRONOUNS


def maker_of(noun: Token) -> Token | None:
    """Who made the words a noun names: the subject of a clause on it ("comments Trump made")."""
    for clause in noun.children:
        subjects = [c for c in clause.children if c.dep_ in parse.SUBJECTS and not _relative(c)]
        if clause.dep_ in {"acl", "relcl"} and clause.i > noun.i and subjects:
            return subjects[0]
    return None


def carried_by_cue(noun: Token) -> bool:
    """Whether the noun of words is the object of a cue ("highlighted comments ..."): that cue's content holds the
    words and what the participle after them says, one statement (PolNeAR reads it so)."""
    return noun.dep_ == "dobj" and cues.cue_tier(noun.head.lemma_) is not None


def maker_of_words(token: Token) -> tuple[int, int] | None:
    """The speaker of a participle of saying after a noun of words (:func:`words_noun`): who made them."""
    noun = words_noun(token)
    maker = maker_of(noun) if noun is not None else None
    return parse.subtree_span(maker) if maker is not None else None


def words_said_end(doc: Doc, text: str, end: int) -> int | None:
    """Where an object content ending in a noun of somebody's words ends when a participle of saying follows it
    (:func:`words_noun`): "highlighted comments Trump made in 2006 saying he hoped ..." reports the comments and
    what they say. None when no such participle follows ``end`` (``text`` is ``doc.text``)."""
    start = end + len(text[end : end + 8]) - len(text[end : end + 8].lstrip())
    following = doc.char_span(start, start + 1, alignment_mode="expand")
    token = following[0] if following is not None and len(following) else None
    if token is None or token.idx != start or words_noun(token) is None:
        return None
    last = max(token.right_edge.i, *(c.right_edge.i for c in token.children))
    return doc[last].idx + len(doc[last].text)


def has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def as_saying(token: Token) -> Token | None:
    """The "saying" of "quoted X as saying" / "cited X as saying", hung by the parser on the verb or on X."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for holder in [token, *objects[:1]]:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for saying in prep.children:
                    if saying.lemma_ == "say" and saying.dep_ == "pcomp":
                        return saying
    return None


def frame_end(token: Token) -> int:
    """Where the cue clause ends before its content: the cue and its non-content dependents on the right."""
    end = token.idx + len(token.text)
    for child in token.children:
        if child.i > token.i and child.dep_ in {
            "dative",
            "dobj",
            "prep",
            "npadvmod",
            "advmod",
            "prt",
            "nsubj",
            "agent",
        }:
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return end
