"""Stances: how a statement, and each clause of what it says, stands on the claim it puts forward.

Split from :mod:`crosswire.claims.propositions` because reading a stance is its own question, asked of one statement
and one clause at a time: a statement's class gives its stance (:func:`stance_of`), a clause has its own polarity
(:func:`negative`), and a first-hand source's negative about itself denies the claim that it did, whatever verb the
narrator chose (:func:`clause_stance_of`). Cutting statements into propositions (the caller) only applies these.
"""

from __future__ import annotations

import re

from crosswire.claims.clauses import absence_frame, reported_denial_frame
from crosswire.claims.reactions import QUOTE_EDGES, STANCE_OF_CLASS
from crosswire.model import Statement

Stance = str  # confirms | denies | declines | neither | reports
# First-hand assertions by a named person or organisation stand behind the claim; everyone else only relays it.
FIRST_HAND_TYPES = frozenset({"person", "organization"})
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

# A past possibility ("may also have been sold at farmers' markets", "could have been started deliberately", "the
# shipment possibly reached the port"): what somebody holds possible, not what they say happened.
POSSIBILITY = re.compile(
    r"\b(?:may|might|could)\s+(?:(?:also|well|even|already|still)\s+)?have\s+(?:been\s+)?\w+"
    r"|\b(?:possibly|perhaps|conceivably)\b",
    re.IGNORECASE,
)


def negative(text: str) -> bool:
    """Whether a sentence is put in the negative: "No talks are taking place", "I never bet on sports".

    The polarity of a proposition, read from its own words: a first-hand source saying the negative of a claim
    denies it, whatever verb the narrator chose ("said", "told reporters").
    """
    return bool(_NEGATION.search(_NOT_NEGATING.sub(" ", text)))


def is_first_hand(statement: Statement, relays: frozenset[str]) -> bool:
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
    first_hand = is_first_hand(statement, relays)
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
    if stance == "confirms" and POSSIBILITY.search(said):
        # "The agency says the cheese may also have been sold at farmers' markets": a possibility it raises, which
        # it does not stand behind as done.
        return "reports", None
    if stance != "denies" or denial_verb:
        return stance, None
    if split and not is_negative:
        return own, None
    # "said Burns is not negotiating": a denial only through its own negative words, which asserts that negative.
    return stance, None if about_itself else own


def absence_denied(text: str, stance: Stance) -> str | None:
    """The clause a source denies by saying there is no evidence for it ("there is no evidence that he authorized
    the bets" denies "he authorized the bets"), else None: a decline or a neither-nor keeps its own reading, and a
    clause that is itself negative ("no evidence that he did not pay") is left whole."""
    if stance in {"declines", "neither"}:
        return None
    cut = absence_frame(text)
    if cut is None or negative(text[cut:]):
        return None
    return text[cut:]


def reported_denial(text: str, stance: Stance, statement: Statement) -> str | None:
    """The clause a first-hand source says a party denied ("Kofi Mensah has denied a newspaper report that he failed
    a doping test", his lawyer said), else None. A media or unnamed source telling of the denial only reports it, and
    a clause that is itself negative is left whole."""
    if stance in {"declines", "neither"} or statement.source_type not in {"person", "organization"}:
        return None
    cut = reported_denial_frame(text)
    if cut is None or negative(text[cut:]):
        return None
    return text[cut:]


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
