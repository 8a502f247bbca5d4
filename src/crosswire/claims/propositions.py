"""Propositions: the sentence-sized things articles put forward, before they are merged into claims.

A proposition comes from one of two places:

- an attributed statement (``statements[]``): each sentence of its content is one proposition, carrying the
  statement's source and stance. Multi-sentence quotes are split because each sentence can be confirmed, denied or
  repeated elsewhere on its own ("Burns is in Ankara today ... He is not conducting negotiations of any kind.");
- the article's own voice: a sentence outside every statement that reports an event, hedges ("reportedly",
  "allegedly") or dates something. The outlet is its source and its stance is ``reports``.

Statements whose content only points back at a claim ("declined to comment", "could neither confirm nor deny the
report", "confirmed the meeting") are *reactions*: they carry a stance but no proposition of their own, and the
claims stage attaches them to the claim they react to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from crosswire.claims.clauses import (
    ClauseReader,
    absence_frame,
    dateline_cut,
    drop_attribution,
    judged_frame,
    reported_denial_frame,
    strip_frame,
)
from crosswire.claims.predicates import deeds_of
from crosswire.claims.reactions import (
    MIN_WORDS,
    QUOTE_EDGES,
    STANCE_OF_CLASS,
    WORD,
    asserts_alone,
    is_reaction,
    is_topic_only,
    reaction_object,
    strip_content,
)
from crosswire.model import Article, Dossier, Entity, Statement
from crosswire.nlp.sentences import article_sentences, sentence_at
from crosswire.time.values import parse_value

Stance = str  # confirms | denies | declines | neither | reports

# First-hand assertions by a named person or organisation stand behind the claim; everyone else only relays it.
FIRST_HAND_TYPES = frozenset({"person", "organization"})

_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|is said to|are said to|was said to|were said to|"
    r"it was reported|it is reported|according to (?:reports|media))\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|it|they|his|her|its|their)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])")
# A capitalised word, not the first of the text, right before a number: the number is part of a name ("a Boeing 737",
# "the MAX 9 jets", "Alaska Airlines Flight 1282"), not a figure. Searched up to the number's start.
_IN_NAME = re.compile(r"(?<=\S)\s+[A-Z][\w-]*\s$")
# ... unless it opens a score or a range ("beat the Giants 5-3"), which counts.
_SCORE = re.compile(r"\s?[-–]\s?\d")
# A relative pronoun right before a statement's start (searched up to it): the statement is a relative clause of a
# sentence that is not itself anyone's statement.
_RELATIVE_BEFORE = re.compile(r"\w,?\s+(?:whom|who|which|whose)\s+$")
# What stands before a date that is only what something is measured against: "before Friday's accident", "after the
# Jan. 5 vote", "since Monday's raid" (searched up to the date's start).
_ANCHOR = re.compile(
    r"\b(?:before|after|since|ahead\s+of|prior\s+to|following|preceding)\s+(?:the\s+|last\s+|this\s+)?$",
    re.IGNORECASE,
)
# A complete sentence: it opens on a capital, a figure or a quote and closes on a full stop (not a question, not a
# fragment cut mid-clause, not a headline or a caption).
_SENTENCE_OPEN = re.compile(r"^[\"“‘'(]?[A-Z0-9]")
_SENTENCE_CLOSE = re.compile(r"[.!][\"”’')]?$")
# Longer own-voice sentences run several claims together; only the event-, date- and hedge-bearing ones are taken.
MAX_TENTATIVE_WORDS = 50
# Words that put a clause in the negative ("no talks are taking place", "he never bet on sports"), "zero" as a
# determiner ("had zero involvement", not "zero-day" nor "rates near zero") and "unaware" ("I was unaware of the
# payments": a denial of knowing) ...
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|nothing|nobody|neither|nor|cannot|unaware)\b|n['’]t\b|\bno\s+longer\b"
    r"|\bzero\s+(?=[a-z])",
    re.IGNORECASE,
)
# ... and phrases that carry one of those words without negating anything ("no doubt", "not only ... but").
_NOT_NEGATING = re.compile(
    r"\b(?:no doubt|not only|not just|not least|no matter|nothing but|not to mention|no sooner)\b"
    r"|,\s*(?:but\s+)?not\s+\w+[^,;]*$"
    # A relative clause says something of a noun, not of the sentence: "a service that wouldn't require a cable
    # subscription", "the suspect, who has not been charged", "BP, which did not comment". Its negative words leave
    # the sentence positive. (A relative pronoun right after a word, before a negated auxiliary or "never": a
    # complement "that" needs a subject of its own, "said that it did not".)
    r"|(?:(?<=\w\s)|(?<=\w,\s))(?:who|which|that)\s+(?:(?:also|still|yet|even|reportedly|apparently)\s+)?"
    r"(?:(?:would|will|could|can|does|do|did|is|are|was|were|has|have|had|may|might|should|must)"
    r"(?:n['’]t|\s+not|\s+never)|never)\b[^,;]*",
    re.IGNORECASE,
)
# Reporting verbs that deny by themselves, whatever the content says.
_DENIAL_CUE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refut\w*|dismiss\w*|disput\w*|rebut\w*|contradict\w*|call\w*|"
    r"describ\w*|brand\w*|dub\w*)\b",
    re.IGNORECASE,
)
# A content opening on a pronoun speaks of the speaker ("he said he never bet", "Shell said it was not in talks").
# A sentence adverb or a discourse word before the subject ("Obviously I never agreed", "But we did not"): the
# subject is still the speaker's.
_OPENER = r"^(?:(?:\w+ly|but|and|so|well|yes|no|now|again|still|frankly|honestly)\b,?\s+)?"
_FIRST_PERSON = re.compile(_OPENER + r"(?:i|we)\b", re.IGNORECASE)
_SPEAKER_SUBJECT = re.compile(_OPENER + r"(i|we|he|she|it|they)\b", re.IGNORECASE)
# The pronouns that can stand for a speaker of each source type: an outlet or a company is never "he" ("according to
# Ukrainian media, he told Zelensky ..." is about someone else), a person never "it".
_PRONOUNS_OF_TYPE: dict[str, frozenset[str]] = {
    "person": frozenset({"i", "we", "he", "she", "they"}),
    "anonymous": frozenset({"i", "we", "he", "she", "they"}),
    "organization": frozenset({"we", "it", "they"}),
    "media": frozenset({"we", "it", "they"}),
    "document": frozenset({"it"}),
}
# A negated wish or expectation ("We don't expect that to change", "they don't want to rule it out yet"): the
# speaker tells what it wants or expects, it denies no deed or fact. (Not "intend" or "plan": "we do not intend to
# make an offer" denies the bid a report gave them, as the attribution stage reads it; nor "know", "think" or
# "believe": "I didn't know about the payments" denies knowing, "we don't believe the bridge was sabotaged" doubts
# the sabotage.)
_NEGATED_ATTITUDE = re.compile(
    _OPENER + r"(?:[\w'’-]+\s+){1,4}?(?:do|does|did)(?:\s+not|n['’]t)\s+(?:really\s+|yet\s+|even\s+)?"
    r"(?:want|wish|expect|anticipate|hope|mean|need)\b",
    re.IGNORECASE,
)
# A speaker saying it does not know ("I don't know", "We just don't know all that", "I have no idea if it is
# authentic", "I'm not sure what happened"): neither a confirmation nor a denial. (Not "I didn't know about the
# payments", which denies knowing of them.)
_AVOWED_IGNORANCE = re.compile(
    _OPENER + r"(?:i|we)\s*(?:(?:just|really|honestly|simply|still|frankly)\s+)?"
    r"(?:(?:do\s+not|don['’]t)\s+know(?=\s*$|[\s,.;:!?…]*$|[,.;:—–-]|\s+(?:if|whether|what|who|how|why|when|where|all|yet|for\s+sure|exactly|enough|anything))"
    r"|have\s+no\s+idea|(?:am\s+|['’]m\s+|are\s+|['’]re\s+)not\s+sure)",
    re.IGNORECASE,
)
_ANY_PRONOUN = frozenset({"i", "we", "he", "she", "it", "they"})
# Source types whose word is not their own to give: an unnamed source, a document, another outlet.
UNNAMED_TYPES = frozenset({"anonymous", "document", "media", "unknown"})
_OUTLET_NOISE = re.compile(
    r"\b(?:the|a|an|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|report|reports|"
    r"story|newspaper|daily|article|investigation|citing|according|to)\b|['’]s\b|[^\w\s]",
    re.IGNORECASE,
)


@dataclass
class Proposition:
    """One sentence-sized proposition and who stands behind it, in one article."""

    article: str
    start: int
    end: int
    text: str
    stance: Stance
    # The statement it comes from; None for the article's own voice.
    statement: str | None
    source: str | None
    source_text: str | None
    source_type: str
    # Whose word it ultimately is: the outermost relaying source when relayed (``via``), else the source itself.
    root_key: str
    # The statement's own source, or its organisation, for comparing what one party said in different articles.
    party_key: str
    entities: frozenset[str] = field(default_factory=frozenset)
    dates: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[str] = field(default_factory=frozenset)
    published: str | None = None
    outlet: str | None = None
    # Index of its sentence in the article, for ordering and for context windows.
    sentence: int = 0
    event: str | None = None
    # Who it says did the deed it reports ("US Navy divers planted the explosives"), when it reports one.
    agents: frozenset[str] = field(default_factory=frozenset)
    # The stance it takes as a plain assertion, when it "denies" only by its own negative words ("said Burns is not
    # negotiating") and not by a denial verb: what it has on a claim that is itself put in the negative.
    asserted: Stance | None = None
    # True when its text names the speaker where the source said "he" or "it" ("Ohtani said he never bet" gives
    # "Shohei Ohtani never bet"): readable alone, but not the sources' own wording.
    named: bool = False
    # True for a sentence in the article's own voice that reports no recognised event, hedges nothing and dates
    # nothing: a claim only when another article of its story puts it forward too (see :func:`carried`).
    tentative: bool = False
    # For a party's answer that the article tells as the answer to a claim made elsewhere ("denied a report that
    # ...", or an article relaying another outlet's report): the article's own-voice key, under which the article
    # itself relays the claim answered (see :func:`relaying_voice`).
    voice: str | None = None
    # The stems of its predicate's words (:mod:`crosswire.claims.predicates`), read off the article's parse where the
    # article was parsed; None when not read (a proposition made by hand is parsed alone when asked).
    deed: frozenset[str] | None = None


@dataclass
class Reaction:
    """A statement that takes a stance on a claim without saying it again ("declined to comment")."""

    article: str
    statement: Statement
    stance: Stance
    source: str | None
    source_text: str | None
    root_key: str
    party_key: str
    # The sentence it sits in plus the one before: what it most likely reacts to.
    context: str
    sentence: int
    published: str | None = None
    outlet: str | None = None
    # What the reaction says it answers, when its content spells it out ("could neither confirm nor deny reports of
    # talks in Ankara" answers "talks in Ankara"): a better guide to its claim than the sentences around it.
    about: str = ""
    # As :attr:`Proposition.voice`: the article's own-voice key when it tells this answer as one to a claim relayed.
    voice: str | None = None


# What an answer names when it answers a claim someone put out: "denied a report that ...", "the allegations are
# nonsense", "rejected claims of ...".
_ORIGIN_NOUN = re.compile(
    r"\b(?:reports?|reporting|allegations?|alleged|accusations?|claims?|rumou?rs?|story|stories|article|"
    r"speculation|assertions?|suggestions?|publication)\b",
    re.IGNORECASE,
)
# The stances with which a party answers a claim made by someone else.
ANSWERS = frozenset({"denies", "declines", "neither"})


def own_voice_key(article: Article, relayed: str | None) -> str:
    """The root key of what an article says in its own voice: the outlet whose report it relays, else its own."""
    return f"outlet:{relayed or outlet_key(article.outlet or '') or article.id.lower()}"


def relaying_voice(statement: Statement, article: Article, relayed: str | None) -> str | None:
    """The article's own-voice key when it would tell a party's answer in ``statement`` as the answer to a claim put
    out elsewhere, else None (the claims stage reads it only for answers: :data:`ANSWERS`).

    "The company denied a newspaper report that it had hidden losses", "the ministry said the allegations were
    nonsense", or a denial in an article that relays another outlet's report ("after the Journal reported talks"):
    the article passes that claim on as well as the answer, so it *reports* the claim besides the party's denial.
    A bare denial ("the club denied that its coach had resigned") tells of no claim made by anyone: only the
    denial."""
    if relayed is None and not _ORIGIN_NOUN.search(f"{statement.cue or ''} {statement.content}"):
        return None
    return own_voice_key(article, relayed)


def negative(text: str) -> bool:
    """Whether a sentence is put in the negative: "No talks are taking place", "I never bet on sports".

    The polarity of a proposition, read from its own words: a first-hand source saying the negative of a claim
    denies it, whatever verb the narrator chose ("said", "told reporters").
    """
    return bool(_NEGATION.search(_NOT_NEGATING.sub(" ", text)))


def outlet_key(name: str) -> str:
    """An outlet's name reduced to what stays the same across mentions: "Tuesday's New York Times report" and "the
    New York Times" are both ``new york times``, and so are "documents seen by the New York Times" and "a report in
    the New York Times on Monday": a phrase that names the outlet among other words is keyed by the name, its
    longest run of capitalised words, the first of equal runs ("BBC's Moscow correspondent" is the BBC's), though not
    a common noun capitalised only because it opens the phrase ("Documents seen by Example Post")."""
    words = _OUTLET_NOISE.sub(" | ", name).split()
    runs: list[list[str]] = [[]]
    for word in words:
        if word[0].isupper() or (word[0].isdigit() and runs[-1]):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [run for run in runs if run]
    if len(runs) > 1 and len(runs[0]) == 1 and re.match(r"\s*[A-Z][a-z]+ [a-z]", name):
        runs = runs[1:]
    best = max(runs, key=len) if runs else [word for word in words if word != "|"]
    return " ".join(best).lower()


def relayed_outlet(article: Article, statements: Sequence[Statement]) -> str | None:
    """The other outlet whose report the article relays, if it names one as a source ("The New York Times
    reported, citing US officials"; "according to Tuesday's New York Times report").

    An article that relays another outlet's report passes on that outlet's word: its own voice and its unnamed
    sources ("US officials", "intelligence reviewed by officials") are that outlet's, so a report relayed by five
    sites counts once, whether or not each of them says "citing".
    """
    own = outlet_key(article.outlet or "")
    counts: dict[str, int] = {}
    for statement in statements:
        if statement.source_type not in {"media", "document"} or not statement.speaker_text:
            continue
        key = outlet_key(statement.speaker_text)
        if not key or len(key) < 3 or (own and (own in key or key in own)):
            continue
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], key))


def _first_hand(statement: Statement, relays: frozenset[str]) -> bool:
    return statement.source_type in FIRST_HAND_TYPES and not statement.via and statement.id not in relays


def clause_stance_of(
    statement: Statement, stance: Stance, text: str, split: bool, relays: frozenset[str] = frozenset()
) -> tuple[Stance, Stance | None]:
    """The stance of one clause of a statement's content, and its stance as a plain assertion of that negative when
    it "denies" only through its own negative words ("said Burns is not negotiating"), not through a denial verb
    ("denied that ...") nor as a party's negative about itself.

    A statement's class is read from its whole content; a clause has its own polarity. When the denial comes from
    the content's negative words and not from a denial verb, a positive clause beside the negative one is asserted
    ("said he never bet on sports and Mizuhara stole money from him": a denial and an accusation). A first-hand
    source's negative about itself ("I never bet", "he had never bet", "it is not in talks") denies the claim that
    it did, whatever verb the narrator chose.
    """
    denial_verb = bool(_DENIAL_CUE.search(statement.cue or ""))
    is_negative = negative(text)
    first_hand = _first_hand(statement, relays)
    own = "confirms" if first_hand else "reports"
    said = text.strip(QUOTE_EDGES)
    if stance in {"denies", "confirms"} and not denial_verb and _NEGATED_ATTITUDE.match(said):
        return own, None
    if stance in {"denies", "confirms"} and not denial_verb and _AVOWED_IGNORANCE.match(said):
        return "neither", None
    # Reported speech: "he", "it" is mostly the speaker; a direct quote's "he" is someone else, its "I", "we" not.
    subject = _SPEAKER_SUBJECT.match(text)
    about_itself = (
        subject is not None
        and subject[1].lower() in _PRONOUNS_OF_TYPE.get(statement.source_type, _ANY_PRONOUN)
        and (not statement.direct or bool(_FIRST_PERSON.match(text)))
    )
    if stance in {"denies", "confirms"} and first_hand and is_negative and about_itself:
        return "denies", None
    if stance != "denies" or denial_verb:
        return stance, None
    if split and not is_negative:
        return own, None
    # "said Burns is not negotiating": a denial only through its own negative words, which asserts that negative.
    return stance, None if about_itself else own


def _absence_denied(text: str, stance: Stance) -> str | None:
    """The clause a source denies by saying there is no evidence for it ("there is no evidence that he authorized
    the bets" denies "he authorized the bets"), else None: a decline or a neither-nor keeps its own reading, and a
    clause that is itself negative ("no evidence that he did not pay") is left whole."""
    if stance in {"declines", "neither"}:
        return None
    cut = absence_frame(text)
    if cut is None or negative(text[cut:]):
        return None
    return text[cut:]


def _reported_denial(text: str, stance: Stance, statement: Statement) -> str | None:
    """The clause a first-hand source says a party denied ("Kofi Mensah has denied a newspaper report that he failed
    a doping test", his lawyer said), else None. A media or unnamed source telling of the denial only reports it, and
    a clause that is itself negative is left whole."""
    if stance in {"declines", "neither"} or statement.source_type not in {"person", "organization"}:
        return None
    cut = reported_denial_frame(text)
    if cut is None or negative(text[cut:]):
        return None
    return text[cut:]


def _named_antecedent(text: str, antecedents: frozenset[str], entities: dict[str, Entity]) -> str:
    """A denied clause opening on a pronoun, read with the one party of the pronoun's kind that the clause before
    names ("Ohtani is considered a victim and there is no evidence that he authorized the bets" denies "Shohei
    Ohtani authorized the bets"); left as it is when that clause names none or several."""
    match = _LEADING_PRONOUN.match(text)
    if match is None:
        return text
    kinds = _SPEAKER_PRONOUNS[match[1].lower()]
    fits = {entities[e].name for e in antecedents if e in entities and entities[e].type in kinds}
    return f"{fits.pop()}{text[match.end() :]}" if len(fits) == 1 else text


# Pronouns that stand for a speaker of each kind at the head of what it said ("Shell said it was not in talks").
_SPEAKER_PRONOUNS: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"}),
    # a person's "they" is other people or things ("Peskov said they were held at the US' initiative": the talks)
    "they": frozenset({"ORG", "GPE", "NORP"}),
}
_LEADING_PRONOUN = re.compile(r"^(he|she|it|they)\b", re.IGNORECASE)
_THIRD_PERSON = re.compile(r"^(?:he|she)\b", re.IGNORECASE)


def _named_subject(
    text: str, statement: Statement, entities: dict[str, Entity], article: Article | None = None
) -> tuple[str, bool]:
    """Reported speech whose subject is a pronoun for the speaker reads with the speaker's name: "Ohtani said he
    never bet on sports" puts forward "Shohei Ohtani never bet on sports". Direct quotes keep their words ("He will
    raise the cases", said the official: "he" is someone else); so does "he" or "she" when another person stands
    between the speaker and what was said ("The judge told Holloway that he had shown no remorse", "sentenced him
    and said he had betrayed their trust": who "he" is, the text does not settle)."""
    match = _LEADING_PRONOUN.match(text)
    speaker = entities.get(statement.speaker or "")
    if match is None or statement.direct or speaker is None:
        return text, False
    if speaker.type not in _SPEAKER_PRONOUNS[match[1].lower()]:
        return text, False
    if article is not None and match[1].lower() in {"he", "she"} and _someone_between(article, statement, entities):
        return text, False
    return speaker.name + text[match.end() :], True


_OBJECT_PERSON = re.compile(r"\b(?:him|her|them)\b", re.IGNORECASE)


def _someone_between(article: Article, statement: Statement, entities: dict[str, Entity]) -> bool:
    """Whether a person other than the speaker is named, or referred to as an object, between the speaker phrase and
    the reported words ("told Holloway that ...", "sentenced him ... and said ...")."""
    lo, hi = statement.speaker_end, statement.content_start
    if lo is None or hi is None or hi <= lo:
        return False
    if _OBJECT_PERSON.search(article.text[lo:hi]):
        return True
    return any(
        lo <= m.start and m.end <= hi and m.entity != statement.speaker and _is_person(m.entity, entities)
        for m in article.mentions
    )


def _is_person(entity_id: str | None, entities: dict[str, Entity]) -> bool:
    found = entities.get(entity_id or "")
    return found is not None and found.type == "PERSON"


def stance_of(statement: Statement, relays: frozenset[str] = frozenset()) -> Stance:
    """The claim stance of a statement; ``relays`` are the statements others are relayed through ("X cited Y")."""
    stance = STANCE_OF_CLASS.get(statement.stance_class)
    if stance:
        return stance
    if statement.stance_class == "other":
        return "reports"  # "Apple is striving to ...", "HBO believes ...": an attitude, no word that it happened
    if statement.source_type in FIRST_HAND_TYPES and not statement.via and statement.id not in relays:
        return "confirms"
    return "reports"


def affiliations(entities: Sequence[Entity]) -> dict[str, str]:
    """Person → organisation it speaks for, read off roles ("spokesperson of the Kremlin" → the Kremlin)."""
    organisations: list[tuple[str, str]] = []
    for entity in entities:
        if entity.type in {"ORG", "GPE", "NORP"}:
            for name in {entity.name, *entity.aliases}:
                if len(name) >= 3:
                    organisations.append((name.lower(), entity.id))
    # Longer names first, so "the Russian Ministry of Foreign Affairs" wins over "Russian".
    organisations.sort(key=lambda item: -len(item[0]))
    result: dict[str, str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for role in entity.roles:
            lowered = f" {role.lower()} "
            found = next((org for name, org in organisations if f" {name} " in lowered), None)
            if found:
                result[entity.id] = found
                break
    return result


class _ArticleIndex:
    """Sentences, mentions and timexes of one article, for slicing propositions out of it."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = article_sentences(article)
        self.starts = [start for start, _ in self.sentences]

    def protagonist(self, entities: dict[str, Entity], speaker: str | None) -> str | None:
        """The person the article names most often, other than ``speaker``, when one leads the count alone."""
        counts = Counter(
            m.entity
            for m in self.article.mentions
            if m.entity and m.entity != speaker and m.entity in entities and entities[m.entity].type == "PERSON"
        ).most_common(2)
        if not counts or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return counts[0][0]

    def sentence_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) that fall in each sentence."""
        parts: list[tuple[int, int]] = []
        first = max(0, sentence_at(self.starts, start))
        for left, right in self.sentences[first:]:
            if left >= end:
                break
            lo, hi = max(left, start), min(right, end)
            if hi > lo:
                parts.append((lo, hi))
        return parts or [(start, end)]

    def context(self, offset: int) -> tuple[int, str]:
        index = max(0, sentence_at(self.starts, offset))
        if not self.sentences:
            return 0, ""
        lo = self.sentences[max(0, index - 1)][0]
        hi = self.sentences[min(index, len(self.sentences) - 1)][1]
        return index, self.article.text[lo:hi]

    def entities_in(self, start: int, end: int) -> frozenset[str]:
        return frozenset(m.entity for m in self.article.mentions if m.entity and start <= m.start and m.end <= end)

    def name_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the names mentioned inside [start, end), relative to ``start``: linked to an entity or not yet
        (the per-article workers, which embed the clauses ahead of the claims stage, see them before linking)."""
        return [(m.start - start, m.end - start) for m in self.article.mentions if start <= m.start and m.end <= end]

    def date_texts(self, start: int, end: int) -> list[str]:
        """The words of the date expressions inside [start, end) ("Dec. 7", "Jan. 3")."""
        return [t.text for t in self.article.timexes if t.type == "DATE" and start <= t.start < end]

    def dates_in(self, start: int, end: int) -> frozenset[str]:
        """The values of the dates inside [start, end) that date what it says: not the day it is measured against
        ("in the weeks before Friday's accident", "two days after the Jan. 5 vote"), which another report of the same
        thing may well give another day than."""
        return frozenset(
            t.value
            for t in self.article.timexes
            if t.type == "DATE"
            and t.value
            and start <= t.start < end
            and not _ANCHOR.search(self.article.text, max(start, t.start - 40), t.start)
        )


def figures(text: str, dates: Iterable[str] = ()) -> frozenset[str]:
    """The figures ``text`` gives, leaving out the days of its date expressions ``dates`` and numbers in names."""
    return _numbers(text, dates)


def _numbers(text: str, dates: Iterable[str] = ()) -> frozenset[str]:
    # Years are dates, handled by the timexes; other figures must agree for two sentences to say the same thing. The
    # day of a date ("on Dec. 7") is part of the date, not a figure: ``dates`` are the date expressions to leave out.
    # Nor is a number that is part of a name ("Boeing 737 MAX 9", "Flight 1282", "Section 230", "Apollo 11"): it
    # names a thing, it does not count one.
    for surface in dates:
        text = text.replace(surface, " ")
    return frozenset(
        found[0].replace(",", "")
        for found in _NUMBER.finditer(text)
        if not re.fullmatch(r"(1[89]|20)\d\d", found[0])
        and not (
            _IN_NAME.search(text, max(0, found.start() - 40), found.start()) and not _SCORE.match(text, found.end())
        )
    )


def _keys(
    statement: Statement,
    by_id: dict[str, Statement],
    affiliation: dict[str, str],
    outlet: str | None,
    relayed: str | None = None,
) -> tuple[str, str]:
    def own_key(item: Statement) -> str:
        if item.source_type in {"media", "document"} and item.speaker_text and outlet_key(item.speaker_text):
            # An outlet or its report, however worded: one origin in every article that cites it.
            return f"outlet:{outlet_key(item.speaker_text)}"
        if item.speaker:
            return item.speaker
        if relayed is not None and item.source_type in UNNAMED_TYPES | {"organization", "person"}:
            # An unnamed or unlinked source in an article relaying another outlet's report: that outlet's word.
            return f"outlet:{relayed}"
        if item.source_type == "anonymous":
            return f"anonymous:{item.article}:{item.start}"
        return f"{item.source_type}:{(item.speaker_text or outlet or item.article).lower()}"

    root = statement
    if statement.via:
        # Outermost first: the relay the reader meets first is whose word the claim travels on.
        relay = by_id.get(statement.via[0])
        root_key = statement.via[0] if relay is None else own_key(relay)
    else:
        root_key = own_key(root)
    party = affiliation.get(statement.speaker or "", statement.speaker or own_key(statement))
    return root_key, party


def outlet_entities(dossier: Dossier) -> dict[str, str]:
    """Outlet name (lower-cased) → the entity that names it, when one does."""
    names: dict[str, str] = {}
    for entity in dossier.entities:
        if entity.type in {"ORG", "WORK_OF_ART", "NORP", "PRODUCT"}:
            for name in {entity.name, *entity.aliases}:
                names.setdefault(name.lower(), entity.id)
    return names


def extract(
    articles: Iterable[Article], dossier: Dossier, event_spans: dict[str, list[tuple[int, int, str]]]
) -> tuple[list[Proposition], list[Reaction]]:
    """Every proposition and reaction of the given articles.

    ``event_spans`` maps an article id to the ``(start, end, event id)`` evidence spans of the events it reports, so
    a proposition inside such a span is tied to that event.
    """
    by_id = {statement.id: statement for statement in dossier.statements}
    entity_by_id = {entity.id: entity for entity in dossier.entities}
    relays = frozenset(relay for statement in dossier.statements for relay in statement.via)
    affiliation = affiliations(dossier.entities)
    outlets = outlet_entities(dossier)
    by_article: dict[str, list[Statement]] = {}
    for statement in dossier.statements:
        by_article.setdefault(statement.article, []).append(statement)
    propositions: list[Proposition] = []
    reactions: list[Reaction] = []
    for article in articles:
        first = len(propositions)
        index = _ArticleIndex(article)
        spans = event_spans.get(article.id, [])
        statements = by_article.get(article.id, [])
        relayed = relayed_outlet(article, statements)
        parts_of = {
            statement.id: _quoted_parts(article, statement, index.sentence_spans(*_content_span(statement)))
            for statement in statements
        }
        own_voice = _own_voice_sentences(article, index, statements, spans)
        # Every sentence the article's propositions may be cut from, parsed in one batch.
        clauses_of = ClauseReader(
            [
                *(
                    _statement_text(article, lo, hi)[1]
                    for statement in statements
                    if not is_topic_only(statement) and not is_reaction(statement)
                    for lo, hi in parts_of[statement.id]
                ),
                *(text for _, _, _, text, _ in own_voice),
            ],
            article,
        )
        for statement in statements:
            if is_topic_only(statement):
                continue
            root_key, party_key = _keys(statement, by_id, affiliation, article.outlet, relayed)
            stance = stance_of(statement, relays)
            if is_reaction(statement):
                sentence, context = index.context(statement.start)
                reactions.append(
                    Reaction(
                        article.id,
                        statement,
                        stance,
                        statement.speaker,
                        statement.speaker_text,
                        root_key,
                        party_key,
                        context,
                        sentence,
                        article.published,
                        article.outlet,
                        reaction_object(statement.content),
                        relaying_voice(statement, article, relayed),
                    )
                )
                continue
            previous_entities: frozenset[str] = frozenset()
            for part, (lo, hi) in enumerate(parts_of[statement.id]):
                if len(WORD.findall(strip_content(article.text[lo:hi]))) < MIN_WORDS:
                    continue
                offset, text, judged = _statement_reading(article, lo, hi)
                if _QUESTION_END.search(text):
                    continue  # a question the source asks puts nothing forward
                clauses = clauses_of.split(text, index.name_spans(offset, offset + len(text)))
                later = part > 0 and stance == "denies" and asserts_alone(text)  # a quote's later sentence
                for clause in clauses:
                    c_lo, c_hi = offset + clause.start, offset + clause.end
                    denied = _absence_denied(clause.text, stance)
                    told = _reported_denial(clause.text, stance, statement) if denied is None else None
                    if told is not None:
                        # "Mensah has denied a report that he failed a test": the denier, named in the frame, is
                        # who "he" is.
                        found = article.text.find(told, c_lo, c_hi)
                        if found > c_lo:
                            previous_entities = previous_entities | index.entities_in(c_lo, found)
                        denied = told
                    if denied is not None:
                        # "there is no evidence that he bet": the proposition is the clause it denies, whose "he" is
                        # not the speaker.
                        found = article.text.find(denied, c_lo, c_hi)
                        c_lo = found if found >= 0 else c_lo
                        clause_text, speaker_named = _named_antecedent(denied, previous_entities, entity_by_id), False
                    else:
                        clause_text, speaker_named = _named_subject(clause.text, statement, entity_by_id, article)
                    entities = index.entities_in(c_lo, c_hi)
                    lead = (
                        index.protagonist(entity_by_id, statement.speaker)
                        if statement.direct and not previous_entities and _THIRD_PERSON.match(clause_text)
                        else None
                    )
                    if speaker_named and statement.speaker:
                        entities |= {statement.speaker}
                    elif lead is not None:
                        # A quote opening on "he" or "she" that is not the speaker and that no earlier sentence of the
                        # quote names: the person the article is about ("He will also raise the cases," the official
                        # said, in an article about the CIA director).
                        clause_text = entity_by_id[lead].name + clause_text[len(clause_text.split()[0]) :]
                        speaker_named = True
                        entities |= {lead}
                    elif _PRONOUN_SUBJECT.match(clause_text) or (denied is not None and clause_text != denied):
                        # "He is not conducting negotiations": the quote's earlier sentence says who "he" is.
                        entities |= previous_entities
                    previous_entities = entities
                    clause_text = drop_attribution(clause_text)
                    if denied is not None:
                        clause_stance, asserted = "denies", None
                    elif judged is not None:
                        # "The suggestion that ... is categorically false": the sentence's own verdict on the claim.
                        first_hand = judged == "denies" or _first_hand(statement, relays)
                        clause_stance, asserted = (judged if first_hand else "reports"), None
                    else:
                        clause_stance, asserted = clause_stance_of(
                            statement, stance, clause.text, len(clauses) > 1 or later, relays
                        )
                    propositions.append(
                        Proposition(
                            article=article.id,
                            start=c_lo,
                            end=c_hi,
                            text=clause_text,
                            stance=clause_stance,
                            statement=statement.id,
                            source=statement.speaker,
                            source_text=statement.speaker_text,
                            source_type=statement.source_type,
                            root_key=root_key,
                            party_key=party_key,
                            entities=entities,
                            dates=index.dates_in(c_lo, c_hi),
                            numbers=_numbers(clause_text, index.date_texts(c_lo, c_hi)),
                            published=article.published,
                            outlet=article.outlet,
                            sentence=max(0, sentence_at(index.starts, c_lo)),
                            event=_event_at(spans, c_lo, c_hi),
                            asserted=asserted,
                            named=speaker_named,
                            voice=relaying_voice(statement, article, relayed),
                        )
                    )
        propositions.extend(_own_voice(article, index, own_voice, spans, outlets, clauses_of, relayed))
        # What each says of its subject, read off the article's parse (no second parse of its text).
        deeds = deeds_of(article, [(made.start, made.end) for made in propositions[first:]])
        propositions[first:] = [replace(made, deed=deeds[made.start, made.end]) for made in propositions[first:]]
    return propositions, reactions


# A question a source asks ("All dogs go to heaven?", "Where will the refugees go?") puts nothing forward.
_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")


_CLOSING_QUOTE = re.compile(r"[\"”’»][\s,;:.]*$")
_OPENING_QUOTE = re.compile(r"[\"“‘«]")


def _quoted_parts(article: Article, statement: Statement, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote's words without its attribution: where a direct quote is told in two pieces round its speaker
    ("'Ukraine is not involved,' the aide said in a statement. 'It makes no sense.'"), the sentence holding the
    speaker gives the quoted words before it and any quote opened after the cue, not "the aide said in a statement".
    One quoted sentence broken by its attribution ("'The merger,' she said, 'will close in May.'") is left whole: a
    piece of it is no claim."""
    if not statement.direct or statement.speaker_start is None:
        return parts
    marks = [statement.speaker_start, *([statement.cue_start] if statement.cue_start is not None else [])]
    at = min(marks)
    after = max(statement.speaker_end or at, statement.cue_end or at)
    kept: list[tuple[int, int]] = []
    for lo, hi in parts:
        before = article.text[lo:at].rstrip()
        opened = _OPENING_QUOTE.search(article.text, after, hi) if lo < at < after < hi else None
        continued = opened is not None and article.text[opened.end() : opened.end() + 1].islower()
        if (
            not lo < at < hi
            or not _CLOSING_QUOTE.search(before)
            or len(WORD.findall(strip_content(before))) < MIN_WORDS
            or continued
        ):
            kept.append((lo, hi))
            continue
        kept.append((lo, at))
        if opened is not None:
            kept.append((opened.start(), hi))
    return kept


def _content_span(statement: Statement) -> tuple[int, int]:
    start = statement.content_start if statement.content_start is not None else statement.start
    end = statement.content_end if statement.content_end is not None else statement.end
    return start, end


def _event_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for lo, hi, event in spans:
        overlap = min(hi, end) - max(lo, start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, event)
    return best[1] if best else None


def _own_voice_sentences(
    article: Article, index: _ArticleIndex, statements: Sequence[Statement], spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, int, str, bool]]:
    """(number, start, end, text, tentative) of the sentences outside every statement that report an event, hedge,
    or date something; and, ``tentative``, those that do none of these but are a complete, check-worthy sentence
    naming a party or giving a figure ("Burns is also expected to raise the cases of Brittney Griner and Paul
    Whelan"): a claim when another article of the story says it too."""
    # A statement inside a relative clause of the sentence ("two Americans detained in Russia whom the administration
    # has been pressing to release") leaves its main clause the narrator's own.
    covered = [
        (s.start, s.end) for s in statements if not _RELATIVE_BEFORE.search(article.text, max(0, s.start - 40), s.start)
    ]
    dated = [t for t in article.timexes if t.type == "DATE" and t.value and t.value[:1].isdigit()]
    # Any recognised name, linked to an entity or not yet: the per-article workers, which embed these sentences
    # ahead of the claims stage, see the mentions before they are linked.
    named = [m.start for m in article.mentions]
    found: list[tuple[int, int, int, str, bool]] = []
    for number, (lo, hi) in enumerate(index.sentences):
        if any(min(hi, e) - max(lo, s) > 0 for s, e in covered):
            continue
        text = article.text[lo:hi].strip()
        filed = dateline_cut(text)
        if filed:
            lo, text = lo + article.text[lo:hi].find(text) + filed, text[filed:]
        words = len(WORD.findall(text))
        if words < MIN_WORDS + 2 or "\n" in text.strip():
            continue
        event = _event_at(spans, lo, hi)
        has_date = any(lo <= t.start < hi for t in dated)
        if event is not None or has_date or _HEDGES.search(text):
            found.append((number, lo, hi, text, False))
        elif _check_worthy(text, words) and (any(lo <= start < hi for start in named) or _numbers(text)):
            found.append((number, lo, hi, text, True))
    return found


def _check_worthy(text: str, words: int) -> bool:
    """A complete sentence of a claim's size: opens and closes as one, asks nothing."""
    return (
        words <= MAX_TENTATIVE_WORDS
        and _SENTENCE_OPEN.match(text) is not None
        and _SENTENCE_CLOSE.search(text) is not None
        and "?" not in text
    )


def carried(members: Sequence[Proposition]) -> bool:
    """Whether a claim's members put it forward: any member that is not tentative, or tentative sentences of two
    articles or more (one narrator's background line is not a claim of the story; two narrators stating it is)."""
    return any(not member.tentative for member in members) or len({member.article for member in members}) >= 2


def _statement_text(article: Article, lo: int, hi: int) -> tuple[int, str]:
    """Where the proposition of a statement's sentence [lo, hi) starts and its text: quotes, a leading "that" and a
    report frame taken off, and a verdict on the claim it spells out (:func:`_statement_reading`)."""
    offset, text, _ = _statement_reading(article, lo, hi)
    return offset, text


def _statement_reading(article: Article, lo: int, hi: int) -> tuple[int, str, Stance | None]:
    """:func:`_statement_text` and the verdict the sentence passes on the claim it spells out: "The suggestion that
    militants were caught at the border is categorically false" puts forward "militants were caught at the border"
    and denies it."""
    raw = article.text[lo:hi]
    text = strip_content(raw)
    offset = lo + max(0, raw.find(text))
    dated = dateline_cut(text)
    judged = judged_frame(text[dated:])
    if judged is not None:
        cut, claim, verdict = judged
        return offset + dated + cut, claim, verdict
    cut, text = strip_frame(text[dated:])
    return offset + dated + cut, text, None


def _own_voice(
    article: Article,
    index: _ArticleIndex,
    sentences: Sequence[tuple[int, int, int, str, bool]],
    spans: list[tuple[int, int, str]],
    outlets: dict[str, str],
    clauses_of: ClauseReader,
    relayed: str | None = None,
) -> list[Proposition]:
    """The ``sentences`` the article states in its own voice (:func:`_own_voice_sentences`), each clause one
    proposition; in an article relaying another outlet's report, the word is that outlet's."""
    outlet = article.outlet
    source = outlets.get(outlet.lower()) if outlet else None
    # The outlet whose word it is: the one relayed, else the article's own.
    key = own_voice_key(article, relayed)
    result: list[Proposition] = []
    for number, lo, hi, text, tentative in sentences:
        offset = lo + max(0, article.text[lo:hi].find(text))
        for clause in clauses_of.split(text, index.name_spans(offset, offset + len(text))):
            c_lo, c_hi = offset + clause.start, offset + clause.end
            result.append(
                Proposition(
                    article=article.id,
                    start=c_lo,
                    end=c_hi,
                    text=clause.text,
                    stance="reports",
                    statement=None,
                    source=source,
                    source_text=outlet,
                    source_type="media",
                    root_key=key,
                    party_key=key,
                    entities=index.entities_in(c_lo, c_hi),
                    dates=index.dates_in(c_lo, c_hi),
                    numbers=_numbers(clause.text, index.date_texts(c_lo, c_hi)),
                    published=article.published,
                    outlet=outlet,
                    sentence=number,
                    event=_event_at(spans, c_lo, c_hi),
                    tentative=tentative,
                )
            )
    return result


def day_values(dates: Iterable[str]) -> frozenset[str]:
    """The full days among TIMEX3 values: the only precision at which two different values are two different answers
    to one question."""
    days = (parse_value(value, prefix=True) for value in dates)
    return frozenset(day.start.isoformat() for day in days if day is not None and day.unit == "day")
