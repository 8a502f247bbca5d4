"""Event mentions per article: who did what to whom, where and when, typed with PLOVER (per-article stage).

Rules over the shared dependency parse (:func:`crosswire.nlp.parse.doc_of`) and a trigger lexicon
(``data/plover.json``, documented in ``docs/events.md``). For every sentence:

- **triggers** are verbs ("met", "accused", "imposed") and event nouns ("talks", "meeting", "deal", "sanctions")
  whose lemma the lexicon types, under the lexicon's sense constraints: "meet the deadline" is no meeting, "refused
  to comment" is no rejection, "talks" is only an event in the plural, "prisoner exchange" needs its modifier;
- **light verbs** carry an event noun ("held talks", "hosted a meeting", "signed a deal", "talks took place"): the
  verb gives the clause (subject, tense, negation, place, time) and, for "host" or "broker", the subject's role;
- **participants** come from the subject, object, agent ("hosted by"), and the "with" and "between X and Y"
  phrases, each narrowed to the entity mentions inside it: a person if the phrase names one ("CIA director William
  Burns"), else organizations, else places and nationalities ("the heads of the Russian and US intelligence
  agencies"). A participant span is the mention's own span, so the corpus stage finds its canonical entity;
- **location** is a place mention governed by "in", "at" (or "on" an island) in the trigger's clause;
- **date** is the TIMEX3 value of a DATE or TIME expression attached to the trigger's clause. A completed event
  told in the simple past without one gets ``PAST_REF``, which the corpus stage reads as the publication day;
- **negated** marks what the text does not assert happened: a negation ("did not meet", "no talks"), a denial
  above it ("denied holding talks"), a modal or future ("would meet", "will meet"), a condition ("if they meet")
  or an unrealised infinitive ("plans to meet", "urged Moscow to release", "ready to conduct negotiations").

Triggers in scare quotes (a quoted phrase of a few words: "secret talks") are the writer quoting somebody else's
word, not reporting an event, and are skipped. Plural count nouns ("meetings", "attacks") without a date name
several events at once and are skipped too.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from crosswire.attribution.quotes import find_quotes, quote_at
from crosswire.context import Context
from crosswire.events.frame import (
    Frame,
    _children,
    _Index,
    _is_plural,
    _mention_label,
    _object,
    _pobjs,
    _preps,
)
from crosswire.events.lexicon import Sense, lexicon
from crosswire.events.participants import PARTY_LABELS, PRONOUNS, _participants, _phrase, _subject
from crosswire.model import Article, EventMention, EventSpan, Mention, Timex
from crosswire.nlp.parse import doc_of

# A quote this short around a trigger is a scare quote ("secret talks"), not somebody's report of an event.
SCARE_QUOTE_WORDS = 3
# TIMEX3 value for "some time before the article": the corpus stage turns it into the publication day.
PAST_REF = "PAST_REF"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at"})
ON_PLACES = frozenset(
    {"island", "coast", "border", "soil", "territory", "outskirts", "shore", "peninsula", "sideline", "margin"}
)
SUBJECTS = frozenset({"nsubj"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
MODALS = frozenset({"would", "could", "might", "may", "should", "will", "'ll", "shall", "wo", "can", "must", "ca"})
# Governors under which the event is denied, not reported ("denied holding talks", "its denial of the talks").
DENIALS = frozenset({"deny", "denial", "refute", "dismiss", "debunk", "disprove"})
# Governors whose infinitive happened ("helped broker a deal", "managed to meet"); any other infinitive is
# unrealised ("planned to meet", "refused to meet", "urged Moscow to release").
IMPLICATIVE = frozenset({"help", "manage", "begin", "start", "continue", "succeed", "get", "go", "keep"})
# Verbs of arriving and being somewhere whose purpose clause tells what was done there ("arrived in Ankara on
# Monday to meet Burns", "Burns is in Ankara today to meet his counterpart").
MOTION = frozenset({"arrive", "travel", "fly", "come", "go", "head", "be", "visit", "land", "return", "stay", "meet"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Verbs whose object or passive subject is an event that has not happened (yet): "proposed a meeting", "offered
# talks", "the summit was postponed", "cancelled the visit". "call off" is read with its particle.
UNREALISED = frozenset(
    {"propose", "suggest", "offer", "seek", "cancel", "postpone", "delay", "scrap", "suspend", "abandon", "shelve"}
)
# Governors of "for" whose object is wanted, not had: "called for talks", "pushed for a ceasefire".
WANTING = frozenset({"call", "push", "press", "appeal", "ask", "plead", "lobby", "hope", "wait"})
# The means of a call: "spoke by phone with", "talked over the telephone", "spoke via video link".
PHONE_WORDS = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "link", "line"})
# Nouns a relative clause can tell an event's time through ("the last time they met was in March").
TIME_NOUNS = frozenset({"time", "day", "occasion", "moment", "week", "month", "year"})
# Relations through which an event is background, not news: no publication-day fallback for it.
BACKGROUND_DEPS = frozenset({"relcl", "acl", "amod", "pcomp", "pobj", "advcl"})
# Nouns whose "that" clause is a report under discussion, not asserted ("commented on the news that ...").
REPORT_NOUNS = frozenset(
    {"news", "report", "claim", "allegation", "rumor", "rumour", "speculation", "suggestion", "assertion", "fear"}
)


def _verb_sense_ok(token: Token, sense: Sense, index: _Index) -> bool:
    """Whether a verb's arguments fit the sense the lexicon gives it."""
    lex = lexicon()
    obj = _object(token)
    obj_lemma = obj.lemma_.lower() if obj is not None else None
    preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "agent")}
    if obj is not None and (obj.lemma_.lower() in sense.object_not or obj.lower_ in sense.object_not):
        return False
    if sense.prep_not & preps:
        return False
    if sense.prep and not sense.prep & preps:
        return False
    xcomps = _children(token, "xcomp")
    if sense.xcomp_not and any(x.lemma_ in sense.xcomp_not for x in xcomps):
        return False
    if sense.xcomp_not and any(_children(x, "auxpass") for x in xcomps):
        return False  # "refuse to be silenced" is defiance, not the rejection of something offered
    if sense.needs == "xcomp_or_for" and not (xcomps or "for" in preps):
        return False
    if sense.needs == "phone" and not any(
        p.lemma_.lower() in PHONE_WORDS for prep in _preps(token, "by", "over", "on", "via") for p in _pobjs(prep)
    ):
        return False  # "spoke by phone with Tusk" is a call; "spoke with reporters" is no meeting
    has_alt = bool(sense.or_prep & preps)
    if sense.object_any and obj_lemma not in sense.object_any and not has_alt:
        return False
    mode = sense.object
    if mode is None:
        return True
    if obj is None:
        return has_alt
    label = _mention_label(obj, index)
    if mode == "required":
        return True
    if mode == "entity":
        return label in PARTY_LABELS or has_alt
    if mode == "person":
        return label in ("PERSON", "NORP") or obj_lemma in lex.person_nouns
    if mode == "not_person":
        return label != "PERSON" and obj.lower_ not in PRONOUNS
    if mode == "entity_or_proposal":
        return label in PARTY_LABELS or obj_lemma in lex.proposal_nouns
    return True


def _noun_sense_ok(token: Token, sense: Sense, index: _Index) -> bool:
    if token.dep_ == "compound":
        return False  # "negotiation team", "sanctions relief": a modifier, not an event
    if sense.number == "plural" and not _is_plural(token):
        return False
    if sense.modifier and not any(
        c.lower_ in sense.modifier for c in token.children if c.dep_ in ("compound", "amod", "nmod")
    ):
        return False
    if sense.needs == "of_person":
        for prep in _preps(token, "of"):
            for pobj in _pobjs(prep):
                if _mention_label(pobj, index) in ("PERSON", "NORP") or pobj.lemma_ in lexicon().person_nouns:
                    return True
                if any(index.mention_of.get(t.i) and index.mention_of[t.i].label == "PERSON" for t in pobj.subtree):
                    return True
        return False
    return True


def _light_verb(noun: Token) -> tuple[Token | None, str | None]:
    """The verb that carries an event noun ("held talks", "talks took place", "talks hosted by"), and its role."""
    lex = lexicon()
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_ in lex.light_verbs:
        return head, lex.light_verbs[head.lemma_]
    if noun.dep_ == "nsubj" and head.lemma_ in lex.subject_light_verbs:
        return head, "actor"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        if verb.lemma_ in ("send", "dispatch") and head.lower_ in ("to", "for"):
            return verb, "sent"  # "sent Naryshkin to the talks": the one sent takes part
        if verb.lemma_ in ("engage", "participate", "take") and head.lower_ == "in":
            return verb, "actor"
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in lex.light_verbs:
            return child, lex.light_verbs[child.lemma_]  # "talks hosted by Türkiye"
    return None, None


def _concede_or_aid(token: Token) -> str | None:
    """CONCEDE for "lifted sanctions", AID for "sent weapons": a verb typed by its object."""
    lex = lexicon()
    obj = _object(token)
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    if lemma in lex.concede_objects.get(token.lemma_, ()):
        return "CONCEDE"
    given = lex.aid_objects.get(token.lemma_, frozenset())
    # "sent a team of 60 rescuers", "delivered tonnes of food": what the measure or group is of
    inner = {p.lemma_.lower() for prep in _preps(obj, "of") for p in _pobjs(prep)}
    if lemma in given or inner & given:
        return "AID"
    return None


def _frames(sent: Span, index: _Index) -> list[Frame]:
    """Verb triggers first, so an event noun can tell whether its verb already reports the event."""
    lex = lexicon()
    frames: list[Frame] = []
    verb_triggers: set[int] = set()
    covered: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            if token.dep_ == "amod":
                continue  # "unjustly detained citizens": a participle describing someone
            if _imperative(token):
                continue
            typed = _concede_or_aid(token)
            if typed is not None:
                # The object is what was given or lifted ("sent weapons"), not a participant.
                frames.append(Frame(typed, token, Sense(type=typed), token, extra=[_object(token)]))
                verb_triggers.add(token.i)
                continue
            sense = lex.verbs.get(lemma)
            if lemma == "host" and (obj := _object(token)) is not None and obj.lemma_ in lex.nouns:
                continue  # "hosted a meeting": the noun is the trigger, the verb its carrier
            if sense is not None and _verb_sense_ok(token, sense, index) and not _natural_force(token, index):
                frame = Frame(sense.type, token, sense, token)
                obj = _object(token)
                if obj is not None and lex.nouns.get(obj.lemma_.lower(), Sense("")).type == sense.type:
                    frame.extra.append(obj)  # "agreed a deal", "imposed sanctions": one event, not two
                for prep in _children(token, "prep"):
                    # "agreed on Monday to a truce brokered by Qatar": the truce is what was agreed, one event
                    nouns = [n for n in _pobjs(prep) if lex.nouns.get(n.lemma_.lower(), Sense("")).type == sense.type]
                    frame.extra.extend(nouns)
                    covered.update(n.i for n in nouns)
                frames.append(frame)
                verb_triggers.add(token.i)
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
            sense = lex.nouns[lemma]
            if not _noun_sense_ok(token, sense, index):
                continue
            if (token.head.i in verb_triggers and token.dep_ in ("dobj", "nsubjpass")) or token.i in covered:
                continue  # the verb trigger's frame covers this noun
            if token.dep_ == "pobj" and token.head.lower_ == "under":
                continue  # "remains under sanctions": a state, not an event
            verb, role = _light_verb(token)
            if sense.needs == "anchor" and verb is None:
                continue
            frames.append(Frame(sense.type, token, sense, verb, light_role=role))
    return frames


def _natural_force(verb: Token, index: _Index) -> bool:
    """The verb's subject is a force of nature ("an earthquake struck the province", "the storm hit the coast"):
    no party acted, so no event of any type."""
    subject = _subject(verb, skip=index.dateline)
    return subject is not None and subject.lemma_.lower() in lexicon().natural_forces


def _imperative(verb: Token) -> bool:
    """A bare verb with no subject heading its sentence ("Support us"): an appeal, not a report."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    return verb.dep_ == "ROOT" or _imperative(verb.head)


# --- place, time, status -------------------------------------------------------------------------------------


def _place_in(prep: Token, index: _Index, depth: int = 0) -> Mention | None:
    for pobj in _pobjs(prep):
        direct = index.mention_of.get(pobj.i)
        if direct is not None and direct.label in PLACE_LABELS:
            return direct
        places = [m for m in _phrase_mentions_all(pobj, index) if m.label in PLACE_LABELS]
        if places:
            # "in the Turkish capital Ankara": the apposition names the place, the modifiers only describe it.
            appos = [index.mention_of.get(c.i) for c in pobj.children if c.dep_ == "appos"]
            named = [m for m in appos if m is not None and m.label in PLACE_LABELS]
            return named[0] if named else places[0]
        if depth == 0:
            # "at the alliance's headquarters in Brussels", "at a hotel in Doha", "on the sidelines of the summit in
            # Astana": the building or the gathering is in the place
            held = [pobj, *(p for of in _preps(pobj, "of") for p in _pobjs(of))]
            for inner in [prep for noun in held for prep in _preps(noun, *PLACE_PREPS)]:
                found = _place_in(inner, index, 1)
                if found is not None:
                    return found
    return None


def _phrase_mentions_all(token: Token, index: _Index) -> list[Mention]:
    found: list[Mention] = []
    for i in sorted(_phrase(token)):
        mention = index.mention_of.get(i)
        if mention is not None and mention not in found:
            found.append(mention)
    return found


def _location(frame: Frame, index: _Index) -> Mention | None:
    carriers = frame.tokens() + frame.lenders
    obj = _object(frame.trigger) if frame.trigger.pos_ == "VERB" else None
    people = lexicon().person_nouns | lexicon().representatives
    if obj is not None and (_mention_label(obj, index) == "PERSON" or obj.lemma_.lower() in people):
        # "met United's chief executive Omar Berrada in Lisbon": the parser hangs the place on the person met, but
        # a person is not described by where he stands; the place is the event's.
        carriers.append(obj)
    for token in frame.tokens():
        # "held talks with a Hamas delegation in Cairo": the place hung on those met is the meeting's
        for met in [p for prep in _preps(token, "with") for p in _pobjs(prep)]:
            if _mention_label(met, index) == "PERSON" or met.lemma_.lower() in people:
                carriers.append(met)
    clause = frame.clause if frame.clause is not None and frame.clause.pos_ in ("VERB", "AUX") else None
    subject = _subject(clause, skip=index.dateline) if clause is not None else None
    if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i not in index.mention_of:
        # "a court in Seoul sentenced", "gunmen in Niger freed": an actor named by where it is acts there
        carriers.append(subject)
    for token in carriers:
        for prep in _preps(token, *PLACE_PREPS):
            found = _place_in(prep, index)
            if found is not None:
                return found
        for prep in _preps(token, "on"):
            # "on the Indonesian island of Bali"; "on Monday" and "on the issue" are no places.
            if any(p.lemma_ in ON_PLACES for p in _pobjs(prep)):
                found = _place_in(prep, index)
                if found is not None:
                    return found
    return None


def _day_part(value: str) -> str | None:
    if value.endswith("_REF") or value.startswith("P"):
        return None
    return value.split("T", 1)[0] if "T" in value else value


def _date(frame: Frame, index: _Index, sent: Span) -> str | None:
    """The value of the time expression attached to the trigger's clause, nearest first; for an event told as "the
    last time X met was on DATE", the date of that time."""
    own = {t.i for t in frame.tokens()}
    for token in frame.tokens():
        noun = token.head
        if token.dep_ == "relcl" and noun.lemma_.lower() in TIME_NOUNS and noun.dep_ == "nsubj":
            own.add(noun.head.i)  # "the last time the delegations met was on Jan. 10": the copula's date
        if token.dep_ == "relcl" and any(c.lower_ in ("when", "where") for c in token.children):
            # "on Saturday, when the two sides signed a deal": that Saturday; "in Doha on Saturday, where ...": the
            # parser hangs the clause on the place or on the day, and the day is the one told there
            own.add(noun.i)
    # its own time first, then the time of the verbs that lend theirs ("arrived on Monday to meet")
    return _date_of(own, index, sent) or _date_of({t.i for t in frame.lenders}, index, sent)


def _date_of(carriers: set[int], index: _Index, sent: Span) -> str | None:
    """The value of the time expression nearest to one of ``carriers`` in the sentence, if any is attached."""
    best: tuple[int, str] | None = None
    for timex, span in index.timexes:
        if span.start < sent.start or span.end > sent.end:
            continue
        value = _day_part(timex.value)
        if value is None:
            continue
        current, steps = span.root, 0
        while steps < 6 and current.i not in carriers:
            if current.head.i == current.i or (current.pos_ in ("VERB", "AUX") and steps > 0):
                break
            current, steps = current.head, steps + 1
        if current.i in carriers and (best is None or steps < best[0]):
            best = (steps, value)
    return best[1] if best else None


def _has_neg(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) or c.lower_ == "never"
        for c in token.children
    )


def _has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or (
        token.tag_ == "VB" and token.dep_ == "xcomp"
    )


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)


def _status(frame: Frame) -> tuple[bool, list[Any]]:
    """Whether the mention is not asserted as having happened, and the governors that lend it place and time.

    Walks up from the clause: a denial, an unrealised infinitive, a condition or the content of a report noun
    ("the news that they met") above it means the text does not assert the event. The governor of a purpose clause
    ("arrived in Ankara on Monday to meet") or of an implicative verb ("in July, it helped broker a deal") lends
    the event its place and time.
    """
    for token in frame.tokens():
        if _has_neg(token) or _has_modal(token) or _conditional(token):
            return True, []
    current = frame.clause if frame.clause is not None else frame.trigger
    lenders: list[Any] = []
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        lemma = head.lemma_.lower()
        if _unrealised(current, head):
            return True, []
        if dep == "conj":
            if current.pos_ == "VERB" and head.pos_ == "VERB" and not _children(current, "nsubj", "nsubjpass"):
                # "arrived in Madrid on Monday and met the king": the verb it shares a subject with lends it its
                # time and place when it tells none of its own
                lenders.append(head)
            current = head
            continue
        if lemma in DENIALS:
            return True, []
        if head.pos_ in ("NOUN", "PROPN") and lemma in REPORT_NOUNS and dep in ("acl", "ccomp", "appos"):
            return True, []
        if current.pos_ in ("VERB", "AUX") and _infinitive(current):
            if (dep == "advcl" and lemma in MOTION) or (lemma in IMPLICATIVE and dep in ("xcomp", "ccomp")):
                lenders.append(head)
            elif dep in ("xcomp", "ccomp", "acl", "advcl", "relcl"):
                return True, []
            if _has_neg(head) or _has_modal(head):
                return True, []
        elif dep == "ccomp" and lemma in IMPLICATIVE:
            lenders.append(head)  # "helped the UN broker an agreement" (a bare infinitive)
        elif dep == "advcl" and _conditional(current):
            return True, []
        current = head
    return False, lenders


def _unrealised(current: Token, head: Token) -> bool:
    """An event proposed, sought, cancelled or put off ("proposed a meeting", "the summit was postponed", "called
    off the talks", "called for talks"): not something that happened."""
    lemma = head.lemma_.lower()
    if current.dep_ in ("dobj", "nsubjpass"):
        if lemma in UNREALISED:
            return True
        if lemma in ("call", "put") and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
            return True  # "called off the talks", "the summit has been put off"
    return current.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in WANTING


def _clause_verb(frame: Frame) -> Token | None:
    verb = frame.clause
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def _auxes(verb: Token) -> list[Token]:
    """The verb's auxiliaries, or its first conjunct's ("having hosted ... and facilitated")."""
    found = _children(verb, "aux", "auxpass")
    if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        found = _children(verb.head, "aux", "auxpass")
    return found


def _past(frame: Frame) -> bool:
    """A completed event told in the simple past ("held talks", "was hosted"), not as background."""
    verb = _clause_verb(frame)
    if verb is None:
        return False
    dep = verb.head.dep_ if verb.dep_ == "conj" else verb.dep_
    if dep in BACKGROUND_DEPS and not (dep == "advcl" and frame.lenders):
        return False
    auxes = _auxes(verb)
    if any(a.lemma_ == "have" for a in auxes):
        return False  # a perfect places it somewhere before, not on the reporting day
    if verb.tag_ == "VBD":
        return True
    return any(a.tag_ == "VBD" for a in auxes) and verb.tag_ in ("VBN", "VBG")


def _habitual(frame: Frame) -> bool:
    """A simple present ("they supply weapons"): a habit or a state, not something that happened."""
    verb = _clause_verb(frame)
    if verb is None or verb.tag_ not in ("VBP", "VBZ"):
        return False
    return not _children(verb, "aux", "auxpass")


def _evidence(text: str, sent: Span, position: int) -> tuple[int, int]:
    """The sentence around ``position``, cut at blank lines: flattened web text runs headings into sentences."""
    start, end = sent.start_char, sent.end_char
    before = text.rfind("\n\n", start, position)
    if before != -1:
        start = before + 2
    after = text.find("\n\n", position, end)
    if after != -1:
        end = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- the stage -----------------------------------------------------------------------------------------------


def mentions_in(doc: Doc, text: str, mentions: list[Mention], timexes: list[Timex]) -> list[EventMention]:
    """Every event mention of a parsed text (the part of the stage that needs no article)."""
    index = _Index(doc, mentions, timexes)
    quotes = find_quotes(text)
    found: list[EventMention] = []
    for sent in doc.sents:
        for frame in _frames(sent, index):
            trigger = frame.trigger
            quote = quote_at(quotes, trigger.idx)
            if quote is not None and quote.words <= SCARE_QUOTE_WORDS:
                continue
            negated, frame.lenders = _status(frame)
            participants = _participants(frame, index, text)
            named = [p for p in participants if (p.start, p.end) in index.spans]
            if trigger.pos_ != "VERB" and frame.clause is None and not named:
                continue  # "the talks", "a rejection of lies": a reference, not a report
            date = _date(frame, index, sent)
            if _is_plural(trigger) and frame.sense.number == "singular" and date is None:
                continue  # "Lavrov's meetings with experts": several events at once
            start, end = _evidence(text, sent, trigger.idx)
            if text[start:end].endswith("?"):
                negated = True  # a question asks whether it happened, it does not say so
            # A headline tells a past event in the present ("Spy Chiefs Hold Talks"); it has no final stop.
            headline = end > start and text[end - 1] not in ".!?\"”’'"
            if date is None and not headline and _habitual(frame):
                continue
            if date is None and _past(frame):
                date = PAST_REF
            place = _location(frame, index)
            found.append(
                EventMention(
                    type=frame.type,
                    trigger=trigger.text,
                    trigger_start=trigger.idx,
                    trigger_end=trigger.idx + len(trigger.text),
                    start=start,
                    end=end,
                    participants=participants,
                    location=(
                        EventSpan(start=place.start, end=place.end, text=place.text, role="location")
                        if place is not None
                        else None
                    ),
                    date=date,
                    negated=negated,
                )
            )
    return found


def find_event_mentions(article: Article, context: Context) -> None:
    """Fill ``article.event_mentions`` from the shared parse, the mentions and the time expressions."""
    if not article.text.strip():
        article.event_mentions = []
        return
    article.event_mentions = mentions_in(doc_of(article), article.text, article.mentions, article.timexes)
