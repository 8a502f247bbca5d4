"""The tense direction of the clause a time expression sits in: which way a relative date points from the anchor.

"Friday" in "talks were held on Friday" is the Friday before the publication day; in "the deal expires on Friday"
it is the one after. Off-the-shelf date parsers pick one direction for every sentence; we read the governing verb
of the expression in the shared spaCy parse instead: its fine tag (VBD past, VBZ/VBP present, MD "will" future),
its auxiliaries ("will", "'ll", "shall", "is going to", "is due to", "has been") and a few scheduling cues.

The parse is consulted only for the expressions that need a direction, so the stage stays regex-first.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from crosswire.time.lexicon import weekday_number

PAST = -1
UNKNOWN = 0
FUTURE = 1
# Present tense is its own reading: "Friday" in "the deal expires on Friday" is ahead, but the named weekday of the
# publication day itself ("Bill Burns is in Ankara on Monday", published Monday) is that same day.
PRESENT = 2

_MODALS = {"could", "might", "may", "should", "would", "must", "can", "ought"}
# Present-tense verbs that, with a date, announce something scheduled ("the deal expires on Friday").
_FUTURE_LEMMAS = {"expire", "due", "schedule", "plan", "expect", "intend", "aim", "hope", "begin", "start", "resume"}
# Heads whose infinitive points ahead of them ("planned to leave on Thursday", "an agreement to acquire in January").
_INTENT = {"plan", "expect", "schedule", "agree", "ask", "intend", "aim", "hope", "want", "seek", "promise", "decide"}
_INTENT |= {"threaten", "prepare", "due", "go", "likely", "ready", "agreement", "offer", "bid", "proposal", "deal"}
_INTENT |= {"program", "vow", "pledge", "urge", "set"}
# Of those, the heads of an intention that the past perfect reports as overtaken ("had planned to fly Thursday", "it
# had been due to expire Friday": the day is behind). A commitment made ("had agreed to a ceasefire, to begin on
# Sunday", "had promised to pay on Monday", backshifted under "said" or "told") still points ahead.
_PLANNED = {"plan", "expect", "schedule", "intend", "aim", "hope", "want", "seek", "due", "go", "likely", "ready"}
_PLANNED |= {"prepare", "set"}
# Words before a noun that make its infinitive a relative of fact, not of purpose: "the first woman to win the race on
# Sunday", "the last team to score on Saturday", "the only player to finish Friday" report what happened.
_FACT_HEADS = {"first", "last", "only", "second", "third", "latest", "next"}
# Verbs that move a time ahead of the act ("postponed the vote until Tuesday", "extended the deadline until Monday").
_RESCHEDULE = {"postpone", "delay", "adjourn", "extend", "defer", "suspend", "reschedule", "push", "put", "recess"}
# Verbs that grant time up to a deadline ("gave the company until Friday to respond", "has allowed them until May").
_RESCHEDULE |= {"give", "grant", "allow"}
_FINITE_BE = {"is", "are", "was", "were", "am", "'s", "'re", "'m"}
_UNTIL = {"until", "till", "til", "through", "pending"}
# Verbs that move a date, with the "to" that names the new date ("extended the deadline to June 30", "the vote was
# postponed to Tuesday", "brought forward to May"): the new date is ahead of the act.
_MOVE_TO = {"postpone", "delay", "extend", "defer", "reschedule", "push", "move", "bring", "adjourn"}

# Verbs that report speech or writing: the clause they take ("said on Monday that the vote would be held on
# Thursday") tells its time from the day of the report, not the day of publication.
_REPORTING = {"say", "tell", "announce", "state", "declare", "write", "insist", "warn", "explain", "note", "argue"}
_REPORTING |= {"claim", "report", "confirm", "add", "predict", "promise", "vow", "acknowledge", "admit", "disclose"}
_REPORTING |= {"reveal", "indicate", "signal", "testify", "inform", "notify", "assure", "pledge", "caution"}


def _governor(token: Token) -> Token | None:
    """The nearest verb (or auxiliary heading a copular clause) above ``token``."""
    seen = 0
    current = token
    while seen < 12:
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        seen += 1
    return None


def verb_direction(verb: Token) -> int:
    """PAST, PRESENT, FUTURE or UNKNOWN for one governing verb and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return FUTURE
    if verb.lower_ in {"will", "shall"}:
        return FUTURE
    perfect = bool(words & {"has", "have", "'ve", "had", "'d"})
    if words & _MODALS:
        # "could not be reached for comment Tuesday", "would not say Monday": a refusal or failure reported, the
        # past of "cannot" and "will not" ("the vote could come Tuesday" stays ahead)
        return PAST if perfect or (words & {"could", "would"} and _negated(verb)) else FUTURE
    # "has to leave on Friday", "has until Monday to raise": an obligation points ahead ("had to" back).
    if "to" in words and verb.tag_ == "VB" and words & {"has", "have", "had"}:
        return PAST if "had" in words else FUTURE
    # "is going to meet", "planned to leave on Thursday", "an agreement to acquire": the infinitive points ahead.
    if _infinitive(verb, auxes):
        return _infinitive_direction(verb)
    if verb.lemma_ in {"plan", "schedule"}:
        return _planned(verb)
    nonfinite = _nonfinite_direction(verb, words)
    if nonfinite is not None:
        return nonfinite
    tags = {a.tag_ for a in auxes} | {verb.tag_}
    if "VBD" in tags:
        return PAST
    if perfect:
        return PAST
    if tags & {"VBZ", "VBP"}:
        if verb.lemma_ in _FUTURE_LEMMAS or any(c.lemma_ == "due" for c in verb.children):
            return FUTURE
        return PRESENT
    if verb.tag_ == "VBN" and not auxes:
        # A reduced relative ("the agreement, signed in July") reports something already done.
        return PAST
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        return verb_direction(verb.head) if verb.head.i != verb.i else UNKNOWN
    if verb.tag_ == "VBG" and verb.head.i != verb.i:
        return verb_direction(verb.head)
    return UNKNOWN


def _infinitive_direction(verb: Token) -> int:
    """The direction of a to-infinitive: ahead of what it hangs on, as an intention, an arrangement or a purpose."""
    if verb.head.lemma_ == "have" and verb.dep_ == "xcomp" and verb.head.i < verb.i:
        return PAST if verb.head.tag_ == "VBD" else FUTURE  # "has to appear on Tuesday"; "had to" is past
    if verb.head.lemma_ in _INTENT or verb.lemma_ in _INTENT:
        # "had planned to leave on Friday", "it had been due to expire Friday": the past perfect sets the whole
        # intention before a past reference time, so the day is behind ("was due to arrive Friday" stays ahead).
        head = verb.head if verb.head.lemma_ in _INTENT else verb
        return PAST if head.lemma_ in _PLANNED and _past_perfect(verb.head) else FUTURE
    if verb.head.lemma_ == "be" and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i < verb.i:
        return FUTURE  # "is to resume trading Tuesday": be + infinitive is an arrangement ahead
    if verb.head.i == verb.i:
        return FUTURE  # a headline's infinitive: "Leaders to meet on Friday"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a ceasefire to begin on Sunday", "a strike to start Monday", "talks to be held Friday": an infinitive
        # relative is an arrangement ahead ("that is to begin"), unless it reports a fact ("the first to win")
        return PAST if _fact_relative(verb.head) else FUTURE
    if verb.head.pos_ in ("VERB", "AUX"):
        above = verb_direction(verb.head)
        # "called a strike to start on Thursday", "flew to Brussels to meet ministers on Thursday": the purpose
        # comes after a past act, on either side of now: the nearest such day
        return PRESENT if above == PAST and verb.dep_ == "advcl" else above
    return UNKNOWN


def _infinitive(verb: Token, auxes: list[Token]) -> bool:
    """Is ``verb`` a to-infinitive, active or passive ("to begin", "to be sentenced"), not a perfect one ("to have
    left", which is past)?"""
    words = {a.lower_ for a in auxes}
    if "to" not in words or words & {"has", "have", "had", "having"}:
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)


def _fact_relative(noun: Token) -> bool:
    """Does ``noun`` take an ordinal or a superlative ("the first woman", "the last team", "the youngest player")?"""
    return any(c.lower_ in _FACT_HEADS or c.tag_ in ("JJS", "RBS") for c in noun.children)


def _nonfinite_direction(verb: Token, auxes: set[str]) -> int | None:
    """A participle clause has no tense of its own: "having been sold in January" is done before its clause (PAST);
    "before being freed in March", "after being questioned in May" take the time of the verb they hang on."""
    if "having" in auxes:
        return PAST
    if "being" not in auxes or auxes & _FINITE_BE or verb.head.i == verb.i:
        return None
    above = _governor(verb.head)
    return verb_direction(above) if above is not None and above.i != verb.i else None


def _planned(verb: Token) -> int:
    """ "planned for Friday": ahead, but a reduced relative in a past report ("a rally planned for Saturday was
    canceled") may be just behind (a Sunday paper) or just ahead (a Thursday paper): the nearest such day."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        matrix = _governor(verb.head)
        if matrix is not None and matrix.i != verb.i and verb_direction(matrix) == PAST:
            return PRESENT
    return FUTURE


def _negated(verb: Token) -> bool:
    """Is ``verb`` negated ("not", "n't", "never"), or its subject ("Neither he nor his aides could be located")?"""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(w.lower_ in ("neither", "nor", "no", "nobody", "none") for s in subjects for w in s.subtree)


def _past_perfect(verb: Token) -> bool:
    """Is ``verb`` (or the copula it hangs on: "had been due") in the past perfect?"""
    for word in (verb, verb.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in word.children):
            return True
        if word.head.i == word.i or word.pos_ not in ("VERB", "AUX", "ADJ"):
            break
    return False


def direction_at(doc: Doc, start: int, end: int) -> int:
    """The tense direction governing the characters ``start``..``end`` of the parsed text."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS":
        # "Friday's purchases", "Tuesday's declaration": a possessive day is one already reported on.
        return PAST
    if _takes_effect(doc, span):
        # "named a new chief, effective Feb. 1", "raised fares, effective Monday": the date a change takes effect is
        # announced with it, ahead or just past (a retroactive "effective Jan. 1" in February), whatever the tense of
        # the act that announces it; a weekday so named is the coming one ("cut its rate, effective Monday").
        return FUTURE if weekday_number(root.lower_) is not None else PRESENT
    verb = _governor(root)
    if verb is None:
        return UNKNOWN
    direction = verb_direction(verb)
    if direction == PRESENT and _scheduled(verb, span):
        # "The champions play their last match on Tuesday", "Voters go to the polls on Sunday": in a sentence of
        # running text the present with a weekday is a schedule, ahead; only a headline's present ("Rebels seize
        # town Sunday") tells what is done
        return FUTURE
    if direction == PAST and _future_in_past(verb):
        return FUTURE
    if _ends_a_state(doc, span) and (direction == PRESENT or verb.lemma_ in _RESCHEDULE):
        # "Cyprus has until Monday", "banks remain closed until Tuesday": a state that holds now ends ahead of now;
        # "postponed the vote until Tuesday": the act moved the time forward. ("was held until Friday" stays past.)
        return FUTURE
    start = getattr(span, "start", 0)
    if verb.lemma_ in _MOVE_TO and start > 0 and doc[start - 1].lower_ == "to":
        return FUTURE
    return direction


# The words of a clock time (its head in the parse), whose day may be written apart: "opens at 7 a.m. on Sunday".
_CLOCK_HEADS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon", "midnight", "gmt", "et"}


def _scheduled(verb: Token, span: Any) -> bool:
    """Is ``span`` a weekday alone, or a clock time on a weekday written after it ("at 7 a.m. on Sunday"), hanging on
    a verb in the present itself ("play ... on Tuesday", "go to the polls Sunday"), in a sentence of running text?
    Left alone: a present verb with no subject, or one that does not agree with it (a past or a noun mistagged: "the
    index, which fell 1.4%, hurt ...", "The airstrikes on Monday ..."); a verb that takes a clause ("officers believe
    the man launched ... on Tuesday": the day is the clause's); a present that sources are said to tell ("...,
    residents say"): the news told, not a schedule."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    day = _schedule_day(span)
    if day is None or not _hangs_on(day, verb):
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ in _REPORTING and verb.head.tag_ in ("VBZ", "VBP"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects and verb.dep_ == "conj" and verb.tag_ == "VBZ":
        # a verb sharing the subject of the one it is joined to ("The museum, closed for repairs, reopens on
        # Saturday", parsed as "closed ... , reopens"): a singular noun agrees with the verb's own -s
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNP")]
    if verb.tag_ == "VBP":
        subjects = [s for s in subjects if s.tag_ in ("NNS", "NNPS", "PRP") and s.lower_ not in ("it", "he", "she")]
    return bool(subjects) and _running_text(span)


def _schedule_day(span: Any) -> Token | None:
    """The weekday token of ``span``: the span itself when it is one weekday, or the weekday within a few words after
    a clock time ("7 a.m. on Sunday")."""
    if len(span) == 1 and weekday_number(span[0].lower_) is not None:
        return span[0]
    if not any(t.lower_ in _CLOCK_HEADS for t in span):
        return None
    doc = span.doc
    after = doc[span.end : min(len(doc), span.end + 3)]
    return next((t for t in after if weekday_number(t.lower_) is not None), None)


def _hangs_on(word: Token, verb: Token) -> bool:
    """Does ``word`` hang on ``verb`` through phrases only ("on Sunday", "at 7 a.m. on Sunday"), not a clause?"""
    current = word
    for _ in range(5):
        if current.head.i == verb.i:
            return True
        if current.dep_ not in ("pobj", "prep", "npadvmod") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _running_text(span: object) -> bool:
    """Is the sentence of ``span`` running text: closed by a full stop (or a question or exclamation mark, before any
    closing quote), as a headline is not?"""
    sent = getattr(span, "sent", None)
    if sent is None:
        return False
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_quote:
        words.pop()
    return bool(words) and words[-1].text in (".", "!", "?")


# The conjunctions of a temporal clause whose past tense may be a future seen from the past ("said they would buy
# as soon as trading opened Monday"); "after" is left out, since "would appeal after the court ruled Friday" is as
# often a ruling already made.
_TEMPORAL_MARKS = {"when", "once", "as", "until", "till", "before"}


def _future_in_past(verb: Token) -> bool:
    """Is ``verb`` the past tense of a temporal clause ("as soon as trading opened Monday", "once the vote closed
    Friday") hanging on a clause that points ahead ("were likely to buy", "would sell")? Its day is then ahead too:
    the tense follows the report ("said"), not the time of the event."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBN"):
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in verb.children):
        return False
    matrix = _governor(verb.head)
    return matrix is not None and matrix.i != verb.i and verb_direction(matrix) == FUTURE


def _takes_effect(doc: Doc, span: object) -> bool:
    """Does "effective" (or "effective from", "effective as of", "with effect from") stand right before the span, not
    as the predicate of a past copula ("the cut, which was effective Monday", "became effective Jan. 1": past)?"""
    start = getattr(span, "start", 0)
    before = [t.lower_ for t in doc[max(0, start - 5) : start]]
    for lead in (["effective"], ["effective", "from"], ["effective", "as", "of"], ["with", "effect", "from"]):
        if before[-len(lead) :] == lead:
            return before[-len(lead) - 1 : -len(lead)] not in (["was"], ["were"], ["became"], ["been"])
    return False


def _ends_a_state(doc: Doc, span: object) -> bool:
    """Does "until" (or "till", "through") stand right before the expression?"""
    start = getattr(span, "start", 0)
    return start > 0 and doc[start - 1].lower_ in _UNTIL


# Prepositions whose object is the time an act took place ("sold the unit in December", "was signed on Dec. 15").
_ACT_PREPOSITIONS = {"in", "on", "during"}


def act_time(doc: Doc, start: int, end: int) -> bool:
    """Is the expression at ``start``..``end`` the time of the act a finite past (or "will") verb reports, in a phrase
    that hangs on that verb itself ("The company sold the unit in December", "the pact was signed on Dec. 15", "will
    open the plant in September")?

    Such a date is behind (ahead of) the report however near on the other side the same month would be. A date
    that hangs on a noun or an adjective ("a summit set for April", "a dividend payable Dec. 15", "the visit in
    September") or on a reduced relative ("the agreement, signed in July") is not: it may announce something ahead
    of a past report."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _ACT_PREPOSITIONS:
        return False
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or _future_in_past(verb):
        return False
    auxes = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" and not auxes:
        return True
    if verb.tag_ == "VBN" and auxes in (["was"], ["were"], ["had"], ["had", "been"], ["'d"]):
        return True  # "was signed on Dec. 15"; the past perfect ("had closed the plant in November") is further back
    # the future the same way: "will open the plant in September", "will be sentenced on Sept. 3"
    return bool(auxes) and auxes[0] in ("will", "'ll", "shall") and verb.tag_ in ("VB", "VBN")


def reporting_time(doc: Doc, start: int, end: int) -> list[int]:
    """Where the time of the report may stand, when the expression at ``start``..``end`` is in a clause a past verb
    of saying reports: the character offsets of the words that hang on that verb as its time. In "The commission said
    on Monday that the vote would be held on Thursday", for "Thursday", the offset of "Monday". The tense of a
    reported clause ("would", "had injured") is told from the report's time, so its weekday counts from there. Empty
    when no past report governs the expression (the caller keeps only a word that is a time expression)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    current = _governor(span.root)
    for _ in range(6):
        if current is None or current.head.i == current.i:
            return []
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_ in _REPORTING and head.tag_ in ("VBD", "VBN"):
            return _times_of(head, span.start, span.end)
        if current.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return []
        current = _governor(head)
    return []


def _times_of(verb: Token, lo: int, hi: int) -> list[int]:
    """The offsets of the words that may be the time of ``verb`` itself, in text order: on the verb ("said Monday"),
    in a phrase on it ("told reporters on Friday", "said in a statement on Sunday", "In a statement on Sunday, the
    club said") or in a participle clause on it ("Speaking on Monday, the coach said"), outside the tokens
    ``lo``..``hi``."""
    found = []
    for child in verb.children:
        if child.dep_ in ("npadvmod", "tmod", "obl"):
            words = [child]
        elif child.dep_ == "prep" or (child.dep_ == "advcl" and child.tag_ == "VBG"):
            words = list(child.subtree)
        else:
            continue
        found += [w.idx for w in words if not lo <= w.i < hi]
    return sorted(found)
