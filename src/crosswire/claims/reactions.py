"""Reactions: statements that answer something said elsewhere instead of putting forward a proposition.

"Declined to comment", "could neither confirm nor deny the report", "called the claims complete fiction", "It is
frivolous fabrication and of course just nonsense": each carries a stance, but what it is about lies outside its own
words, so the claims stage attaches it to the claim it answers (:func:`reaction_object` names that claim when the
reaction does: "declined to comment on the merger talks"). Contents that are no clause at all (a topic, a relative
clause, a reflexive phrase, a bare question) put forward nothing either (:func:`is_topic_only`).
"""

from __future__ import annotations

import re

from crosswire.attribution.stance import content_class
from crosswire.model import Statement

STANCE_OF_CLASS: dict[str, str] = {
    "confirm": "confirms",
    "deny": "denies",
    "decline": "declines",
    "neither": "neither",
}
QUOTE_EDGES = "\"'“”‘’«» \n\t"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,]*")
# Fewer words than this say too little to be a claim of their own.
MIN_WORDS = 4

_REACTION_HEADS = re.compile(
    r"^(?:to\s+)?(?:comment|elaborate|confirm|deny|discuss|say|speak)\b"
    r"|^(?:on\s+)?(?:the|this|that|these|those|such|it|its|any)\b(?:\s+\w+){0,3}$"
    r"|^(?:it|this|that|them|so)$",
    re.IGNORECASE,
)
# A that-clause a neither-nor spells out: "(could neither confirm nor deny) that a ceasefire had been agreed".
_SPELLED_CLAUSE = re.compile(r"^that\s+", re.IGNORECASE)
# A finite verb that makes a content a clause of its own rather than a phrase pointing back at one.
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|did|does)\b", re.IGNORECASE
)
# A possessive name before the noun is a determiner too: "Tuesday's report", "Reuters' story", "the Journal's claims".
_REFERRING = re.compile(
    r"^(?:the|this|that|these|those|such|its|their|his|her|(?:any|all|some|each|none|many)\s+of\s+(?:the|these|those|"
    r"his|her|their)|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}(?:['’]s|(?<=s)['’]))\s+(?:[\w-]+\s+){0,2}"
    r"(?:meeting|meetings|talks|report|reports|news|story|claim|claims|information|allegation|allegations|visit|"
    r"contact|contacts|negotiations|trip|rumou?rs?|account|accounts)\b",
    re.IGNORECASE,
)
# A verdict on something said elsewhere, with nothing of its own: "It is frivolous fabrication and of course just
# nonsense", "That's not true", "This is an absolute lie". A pronoun subject, a copula, and a judgement word.
_VERDICT_ON_IT = re.compile(
    r"^(?:it|this|that|these|those|they|all\s+(?:this|that))(?:['’]s|['’]re|\s+(?:is|was|are|were))\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_JUDGEMENT = re.compile(
    r"\b(?:nonsense|fabrications?|fabricated|fiction|false|falsehoods?|untrue|true|lies?|baseless|groundless|"
    r"unfounded|absurd|ridiculous|rubbish|fake|wrong|incorrect|inaccurate|accurate|correct|misleading|slander|"
    r"propaganda|speculation|fantasy|invention|hoax)\b",
    re.IGNORECASE,
)
# Words after which a verdict goes on to say something of its own ("it is false that ...", "it is wrong because").
_OWN_CLAUSE = re.compile(r"\b(?:that|because|since|as|which|who|to|if|when|but)\b", re.IGNORECASE)
MAX_VERDICT_WORDS = 8
# What follows a referring noun when the claim it refers to is spelled out: "the report that ...", "claims of ...".
_SPELLED_OUT = re.compile(r"\s*(?:that|of|about|on|regarding|whether)\b", re.IGNORECASE)
# The verb of an answer, after which a reaction names what it answers ("neither confirm nor deny reports of ...",
# "declined to comment on ...").
_ANSWER_VERB = re.compile(
    r"\b(?:(?:confirm|confirms|confirmed)(?:\s+(?:n?or|and)\s+(?:deny|denies|denied))?|deny|denies|denied|comment|"
    r"commented|discuss|discussed|elaborate|address|addressed|speak|spoke)\b[\"”’']?",
    re.IGNORECASE,
)
# What stands between the answer verb and what it answers: a preposition, a referring noun with its link word
# ("reports of", "a report that", "the information about"), a determiner.
_OBJECT_LEAD = re.compile(
    r"^(?:(?:on|about|upon|regarding|whether|that|of|to)\b"
    r"|(?:the|a|an|any|such|these|those|this|that|its|their|his|her)\b"
    r"|(?:[\w-]+\s+){0,2}?(?:reports?|information|news|story|stories|claims?|allegations?|rumou?rs?|speculation|"
    r"accounts?|questions?)\s+(?:of|that|about|on|regarding|whether|saying)\b)\s*",
    re.IGNORECASE,
)
# Fewer words of three letters or more than this name nothing to find a claim by.
MIN_OBJECT_WORDS = 2
_TOPIC = re.compile(r"^(?:on|about|upon|regarding)\s", re.IGNORECASE)
# A content that opens on a relative pronoun ("which stated that talks had taken place") is a clause about something
# outside it: no proposition of its own (the relative clause's own statement, if any, carries what it says). One
# that opens on a reflexive pronoun ("presented itself as an arbiter") is the rest of the speaker's own phrase, no
# clause either; nor is a bare "whether ..." (a question, not something put forward).
_RELATIVE_OPEN = re.compile(
    r"^(?:which|who|whom|whose|whether|itself|himself|herself|themselves|ourselves|myself)\b", re.IGNORECASE
)


def strip_content(text: str) -> str:
    text = text.strip(QUOTE_EDGES)
    if text.lower().startswith("that "):
        text = text[5:]
    return text.strip(QUOTE_EDGES).rstrip(",;:")


def is_topic_only(statement: Statement) -> bool:
    """ "Commented on the news that ...": the content names a topic, not what the source said about it. Also a
    content that is a relative clause ("responding to the report, which stated that ..."), a reflexive phrase
    ("presented itself as an arbiter") or a bare question ("whether the plant will close"): no proposition of its
    own."""
    content = strip_content(statement.content)
    return bool(_TOPIC.match(content) or _RELATIVE_OPEN.match(content))


def reaction_object(content: str) -> str:
    """What a reaction's content says it answers, or "" when it names nothing of its own: "could neither confirm nor
    deny reports of talks in Ankara" gives "talks in Ankara", "declined to comment on the merger talks" gives "merger
    talks", "declined to comment" and "denied the report" give ""."""
    text = strip_content(content)
    found = _ANSWER_VERB.search(text)
    if found is None:
        return ""
    rest = text[found.end() :].strip(QUOTE_EDGES + ",;:")
    while True:
        cut = _OBJECT_LEAD.match(rest)
        if cut is None or not cut.group(0):
            break
        rest = rest[cut.end() :].strip(QUOTE_EDGES)
    rest = rest.rstrip(QUOTE_EDGES + ".,;:")
    words = [word for word in WORD.findall(rest) if len(word) >= 3]
    return rest if len(words) >= MIN_OBJECT_WORDS else ""


def is_reaction(statement: Statement) -> bool:
    """True when the content only points at something said elsewhere ("the report", "to comment")."""
    content = strip_content(statement.content)
    words = WORD.findall(content)
    if (
        statement.stance_class == "neither"
        and _SPELLED_CLAUSE.match(statement.content.strip(QUOTE_EDGES))
        and _PREDICATE.search(content)
    ):
        # "would neither confirm nor deny that the mayor had signed the contracts himself": the clause is spelled out,
        # a proposition the source leaves open (it joins the claim that says it, or is a claim of its own).
        return len(words) < MIN_WORDS + 1
    if statement.stance_class in {"decline", "neither"}:
        # Declining or neither-confirming-nor-denying always answers a claim made elsewhere.
        return True
    referring = _REFERRING.match(content)
    if statement.stance_class in STANCE_OF_CLASS and referring:
        if len(words) <= 8:
            return True
        # "called the Hersh report, published on Substack, complete fiction", "said the story laid out by the
        # newspaper was false": the answer is about a report named, not a proposition of its own. "The report that
        # X did Y is false" spells the claim out; that is a proposition.
        return _SPELLED_OUT.match(content[referring.end() :]) is None
    if statement.stance_class in STANCE_OF_CLASS and _verdict_on_it(content):
        return True
    if len(words) < MIN_WORDS:
        return statement.stance_class in STANCE_OF_CLASS or not words or bool(_REACTION_HEADS.match(content))
    # "the report", "the meeting in Ankara" point back; "the blasts were deliberate" has a predicate of its own.
    return bool(_REACTION_HEADS.match(content)) and _PREDICATE.search(content) is None


def _verdict_on_it(content: str) -> bool:
    """True when a denial or confirmation only judges something said elsewhere: a pronoun subject, a copula, a
    judgement word and little else ("It is frivolous fabrication and of course just nonsense", "That's not true").
    "It is false that the club sacked its coach" spells the claim out, and is a proposition."""
    found = _VERDICT_ON_IT.match(content.rstrip(QUOTE_EDGES + ".!,;:"))
    if found is None:
        return False
    rest = found["rest"]
    return (
        len(WORD.findall(rest)) <= MAX_VERDICT_WORDS
        and _JUDGEMENT.search(rest) is not None
        and _OWN_CLAUSE.search(rest) is None
        and _PREDICATE.search(rest) is None
    )


def asserts_alone(sentence: str) -> bool:
    """Whether one sentence of what a source said, read alone, only asserts: no negative, refusal, confirmation or
    open question of its own. A later sentence of a quote that opened with a negative ("The worst thing is there is
    no cure. You get it, you die.", "Don't you know they have converted? They now recite the Koran.") puts its own
    words forward; the first sentence's negative denies nothing it says."""
    return content_class(sentence) == "assert"
