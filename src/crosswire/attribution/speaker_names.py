"""Speaker names: the entity a speaker phrase names with a name of its own.

Split from :mod:`crosswire.attribution.statements` (which orders the evidence) because reading the names inside a
speaker phrase is its own problem: which name heads the phrase and which only depends on it. The PERSON mention that
heads it is the speaker ("CNN correspondent Natasha Bertrand"), not a dependent ("an aide to President Putin"), a
possessor ("Woods' agent") or a name modifying the speaker's ("Boko Haram leader Abubakar Shekau"); else the
organization or outlet it names, not a place people belong to ("Kansas City police"); else a name the recogniser
missed, by an entity's alias or by a surname alone ("Hershberger said").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crosswire.attribution.corpus_entities import indexed
from crosswire.attribution.sources import MEDIA_NOUNS, head_word, is_person_noun
from crosswire.entities.roles import ROLE_HEADS
from crosswire.model import Article, Entity, Mention, Statement

_DEPENDENT = re.compile(r"\b(?:of|for|to|with|at|from|by|about|under|told|and)\s+(?:the\s+)?$", re.IGNORECASE)
# A word of a speaker phrase, to be looked up among the role nouns.
ROLE_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
# "the sister of British-born photojournalist Luke Somers", "a lawyer for the late tycoon Ray Burns": a relative or a
# representative of somebody, named through an "of"/"for"/"to" phrase whose words describe that other person.
_RELATION_OF = re.compile(
    r"\b(?:sister|brother|father|mother|wife|husband|son|daughter|widow|widower|parents?|uncle|aunt|cousin|nephew|"
    r"niece|grandfather|grandmother|family|relatives?|friends?|fianc[eé]e?|partner|girlfriend|boyfriend|lawyers?|"
    r"attorneys?|agent|aides?|advisers?|advisors?|representatives?|spokes(?:man|woman|person)|colleagues?)"
    r"\s+(?:of|for|to)\s+(?:[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
# Where a speaker is, not who: "the court in Piraeus", "the hospital at Dunmore".
_PLACED = re.compile(r"\w\s+(?:in|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
# "the group behind the attack on Riverside Health", "the man accused of defrauding Acme", "protesters against the
# Ministry": what the speaker did or opposes is named after these words, never the speaker.
_TARGET_TAIL = re.compile(
    r"\s+(?:behind|against|accused\s+of|suspected\s+of|charged\s+with|blamed\s+for|responsible\s+for)\s",
    re.IGNORECASE,
)
# "the leader of the militant group Boko Haram": a group a person leads or belongs to, named after "of", is not that
# person even when the recogniser took the group's name for a person's.
_MEMBER_OF = re.compile(
    r"\b(?:leaders?|head|chief|founder|co-founder|commander|members?|boss)\s+of\s+(?:[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
ORG_LABELS = ("ORG", "GPE", "NORP", "FAC")
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# Heads of a speaker phrase that name people of a place, not the place speaking ("Kansas City police", "Chibok
# residents", "a Wichita station"); a role noun ("mayor", "secretary", "official") too.
PEOPLE_OF_A_PLACE = frozenset({"police", "residents", "villagers", "witnesses", "station", "people", "locals"})
# Nouns that describe an outlet named before ("the magazine", "the publication", "the website").
OUTLET_NOUNS = MEDIA_NOUNS - {"media", "press", "reporters", "correspondents", "journalists", "outlets", "wire"}
# Where a relative clause or a participle opens in a speaker phrase: what it names is what the speaker did or where
# the speaker has been ("Bale, who can next be seen in Ridley Scott's film"; "a man who developed a mark during a
# trip to Bali"), never who speaks.
_RELATIVE_TAIL = re.compile(r",?\s+(?:who|whom|whose|which|that)\s")
# The rest of a speaker phrase after "Name's" when the phrase is the named person's own institution ("Netanyahu's
# office said", "Biden's campaign said"), not another person ("Putin's spokesman") or a thing ("Hersh's article").
_INSTITUTION = re.compile(r"\s+(?:own\s+)?(?:press\s+)?(?:office|administration|government|campaign|cabinet)\s*")
# A personal name closing a speaker phrase: two or more capitalised words ("... lieutenant colonel Per Espen Strande"),
# maybe with a surname's particles between them ("Rotterdam's mayor, Jan de Vries", "Ludwig van Beethoven").
_NAME_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|la|le|bin|ibn|al|el)\s+"
_CLOSING_NAME = re.compile(r"(?:\b[A-Z][a-z'’\-]+\.?\s+(?:" + _NAME_PARTICLE + r"){0,2}){1,3}[A-Z][a-z'’\-]+$")
# Between a name and the name it modifies: one to three lowercase words ("leader", "chief executive").
# (not through a preposition: "the Bramble Cafe in Ashby" is the cafe, "the Red Lion at Stowey" the pub)
_PREMODIFIED = re.compile(r"\s+(?:(?!(?:in|at|near|of|for|from|on|by|with|to|and|or)\s)[a-z][\w’'-]*\s+){1,3}")
# A surname alone as the speaker, maybe after a courtesy title ("Hershberger said", "Dr. Archer said").
_SURNAME_ALONE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?([A-Z][\w’'-]+)")
# "a spokesperson", "an official", "one aide": a new, unnamed person, never somebody named before.
INDEFINITE = re.compile(r"(?:a|an|one|another)\s", re.IGNORECASE)


def linked_inside(article: Article, start: int, end: int) -> list[Mention]:
    return [m for m in article.mentions if m.start >= start and m.end <= end and m.entity]


def _possessive_end(article: Article, mention: Mention) -> int | None:
    """Where the possessive marker after a name ends ("Putin's", "Woods' agent", "Mr Somers’ father"), or None when
    the name is no possessor. A name ending in "s" takes a bare apostrophe, which the recogniser may include."""
    text = article.text
    if text[mention.end : mention.end + 2] in {"'s", "’s"}:
        return mention.end + 2
    if mention.text.endswith(("s'", "s’")):
        return mention.end
    if mention.text.endswith("s") and text[mention.end : mention.end + 1] in {"'", "’"}:
        after = text[mention.end + 1 : mention.end + 2]
        if not after or not after.isalnum():
            return mention.end + 1
    return None


def _premodifies(
    article: Article, mention: Mention, mentions: Sequence[Mention], labels: frozenset[str] = frozenset({"PERSON"})
) -> bool:
    """Whether a name only modifies a later name of ``labels`` through a common noun ("Boko Haram leader Abubakar
    Shekau", "Chibok resident Solomon Ali", "Acme chief executive Jane Roe"; "the French Apple website iGen" for
    organizations): the later name is the speaker."""
    return any(
        later.label in labels
        and later.start > mention.end
        and _PREMODIFIED.fullmatch(article.text[mention.end : later.start])
        for later in mentions
    )


def head_person(article: Article, statement: Statement, mentions: Sequence[Mention]) -> Mention | None:
    """The PERSON mention that names the speaker, not one its phrase merely mentions: a possessor ("Woods' agent"),
    a dependent ("an aide to President Putin", "the sister of the photographer Luke Somers", "the leader of the
    group Boko Haram") or a name modifying the speaker's ("Boko Haram leader Abubakar Shekau") is somebody else."""
    assert statement.speaker_start is not None
    for mention in mentions:
        if mention.label != "PERSON" or _premodifies(article, mention, mentions):
            continue
        lead = article.text[statement.speaker_start : mention.start]
        possessive = _possessive_end(article, mention)
        if possessive is not None and _INSTITUTION.fullmatch(article.text[possessive : statement.speaker_end or 0]):
            return mention  # "Netanyahu's office said": the office speaks for its holder
        if _DEPENDENT.search(lead) or _RELATION_OF.search(lead) or _MEMBER_OF.search(lead) or possessive is not None:
            continue
        if _PLACED.search(lead):
            continue  # "The landlord of the Red Lion in Stowey, Gareth Pugh": where, not who (a place read as a name)
        return mention
    return None


def alias_index(entities: dict[str, Entity]) -> dict[str, str]:
    """Surface form -> entity id, for names the parse did not tag inside a speaker phrase ("The Kommersant daily").
    An organization's name of three words or more is also found by its last words when no other name ends so
    ("International Medical Centre" for "Bali International Medical Centre")."""
    index: dict[str, str] = {}
    endings: dict[str, set[str]] = {}
    for entity in entities.values():
        if entity.type in {"PERSON", "ORG"}:
            for alias in {entity.name, *entity.aliases}:
                if len(alias) >= 3:
                    index.setdefault(alias, entity.id)
                words = alias.split()
                if entity.type == "ORG" and len(words) >= 3:
                    for cut in range(1, len(words) - 1):
                        endings.setdefault(" ".join(words[cut:]), set()).add(entity.id)
    for ending, ids in endings.items():
        if len(ids) == 1:
            index.setdefault(ending, next(iter(ids)))
    return index


def by_alias(phrase: str, aliases: dict[str, str], taken: frozenset[str] = frozenset()) -> str | None:
    """The entity a capitalised run of the phrase names, not one of the ``taken`` names the rules already read and
    set aside ("Apple" in "the French Apple website iGen")."""
    # a name may open in lower case before a capital ("iGen.fr", "eBay") and follow "The" ("The Hollywood Reporter")
    words = re.findall(r"(?:[A-Z]|[a-z](?=[A-Z]))[\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*", phrase)
    for word in words:
        if word in aliases and word not in taken:
            return aliases[word]
        if word.startswith("The ") and word[4:] in aliases and word[4:] not in taken:
            return aliases[word[4:]]
        for part in word.split():
            if part in aliases and part not in taken:
                return aliases[part]
    return None


def _people_head(phrase: str) -> bool:
    """Whether a speaker phrase is headed by people or a role ("Kansas City police", "Iraqi officials", "the mayor
    of Iguala") rather than by the place or an institution of it ("the Nigerian government", "Norway")."""
    head = head_word(phrase)
    return _people_word(head)


def _people_word(word: str) -> bool:
    return (
        word in PEOPLE_OF_A_PLACE or word in ROLE_HEADS or word.removesuffix("s") in ROLE_HEADS or is_person_noun(word)
    )


def _describes_later_noun(article: Article, mention: Mention, end: int) -> bool:
    """Whether a place or nationality only describes a noun after it in the speaker phrase: people ("an Australian
    man", "Chibok residents"), a role or an outlet ("the Dutch blog iCulture", "a Wichita station"). "The Nigerian
    government" is the nation speaking."""
    words = re.findall(r"[a-z][a-z\-]*", article.text[mention.end : end])
    return any(_people_word(word) or word in OUTLET_NOUNS for word in words)


def relative_tail(article: Article, start: int, end: int) -> int:
    """Where a relative clause opens inside the speaker phrase (``end`` when none does)."""
    found = _RELATIVE_TAIL.search(article.text, start, end)
    return found.start() if found and found.start() > start else end


def by_surname(article: Article, phrase: str, start: int, entities: dict[str, Entity]) -> str | None:
    """The one person named in full earlier in the article whose surname the speaker phrase is ("Jeff Hershberger
    ... Hershberger said"), for a surname the entity recogniser did not tag; when the article names nobody so, the
    one person of the whole corpus with that surname (another report of the story named her in full)."""
    alone = _SURNAME_ALONE.fullmatch(phrase)
    if alone is None:
        return None
    surname = alone.group(1).lower()
    found = set()
    for mention in article.mentions:
        entity = entities.get(mention.entity or "")
        if mention.end <= start and mention.label == "PERSON" and entity is not None and entity.type == "PERSON":
            words = entity.name.split()
            if len(words) > 1 and words[-1].lower() == surname:
                found.add(entity.id)
    if not found:
        found = set(indexed(entities, _people_by_surname).get(surname, ()))
    return found.pop() if len(found) == 1 else None


def _people_by_surname(entities: Mapping[str, Entity]) -> dict[str, set[str]]:
    """The people named in full (more than one word) by their surname."""
    found: dict[str, set[str]] = {}
    for entity in entities.values():
        surname = _surname_of(entity) if entity.type == "PERSON" else None
        if surname is not None:
            found.setdefault(surname, set()).add(entity.id)
    return found


def _surname_of(entity: Entity) -> str | None:
    words = entity.name.split()
    return words[-1].lower() if len(words) > 1 else None


def _describes_outlet(article: Article, mention: Mention, end: int) -> bool:
    """Whether a company's name only describes an outlet named after it: "the French Apple website iGen.fr" is
    the site (the recogniser may have missed its name), "the Apple website" is Apple's."""
    after = re.match(r"\s+((?:[a-z][\w-]*\s+){1,3})(?:[A-Z]|[a-z]+[A-Z])", article.text[mention.end : end])
    return after is not None and any(word in OUTLET_NOUNS for word in after.group(1).split())


def names_a_person(phrase: str) -> bool:
    """Whether a speaker phrase ends in somebody's own name ("press officer and lieutenant colonel Per Espen
    Strande"), even when the entity recogniser missed it: such a speaker is that person, never an organization that
    spoke earlier in the article."""
    found = _CLOSING_NAME.search(phrase)
    if found is None:
        return False
    words = ROLE_WORD.findall(found.group(0))
    return not any(word.lower() in ROLE_HEADS for word in words)


def named_org(article: Article, start: int, end: int, phrase: str, mentions: Sequence[Mention]) -> str | None:
    """The organization, outlet or place the speaker phrase names, not one that only describes the speaker."""
    people_head = _people_head(phrase)
    for label in ORG_LABELS:
        for mention in mentions:
            if label in PLACE_LABELS and (people_head or _describes_later_noun(article, mention, end)):
                continue  # "Kansas City police", "the finance secretary of Guerrero state": people, not the place
            if _premodifies(article, mention, mentions, frozenset({"PERSON", "ORG"})) or _describes_outlet(
                article, mention, end
            ):
                continue  # "the French Apple website iGen": the site, not Apple
            # "the White House's National Security Council": the possessor is not the speaker; nor is "the sister
            # of British-born photographer X" British
            lead = article.text[start : mention.start]
            if label in PLACE_LABELS and (INDEFINITE.match(phrase) or _PLACED.search(lead)):
                # "a Greek court" is some court of the nation, not the nation speaking ("the government" is); "the
                # court in Piraeus" is where the court sits
                continue
            if mention.label == label and _possessive_end(article, mention) is None and not _RELATION_OF.search(lead):
                return mention.entity
    return None


def before_target(article: Article, start: int, end: int) -> int | None:
    """Where a speaker phrase ends before a tail naming what the speaker did or opposes ("the group behind the
    attack on Dunmore Water"): the words before it describe somebody new, neither what the tail names nor an
    organization that spoke before, so None unless a name stands among them."""
    target = _TARGET_TAIL.search(article.text, start, end)
    if target is None:
        return end
    return target.start() if linked_inside(article, start, target.start()) else None


# A name of two or more capitalised words closing the phrase right after a role word, capitalised or not ("Health
# Secretary Alan Park", "Acme Chief Executive Jane Roe"): the person, whatever label the recogniser gave the name.
_ROLE_BEFORE = re.compile(r"([A-Za-z][A-Za-z\-]*)\s+$")


def role_named(article: Article, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The name that closes a speaker phrase after a role word, when the recogniser did not take it for a person
    ("Health Secretary Alan Park" with "Health" an organization and "Alan Park" a place): the person speaks, not the
    organization or place named in the role."""
    text = article.text
    for mention in mentions:
        if mention.label == "PERSON" or text[mention.end : end].strip() or len(mention.text.split()) < 2:
            continue
        if not all(word[:1].isupper() for word in mention.text.split()):
            continue
        before = _ROLE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if before is not None and before.group(1).lower() in ROLE_HEADS:
            return mention
    return None


# "the striker", "the hydrologist": a definite phrase of one noun, which the article may have put before a person's
# name ("Rovers striker Luca Bianchi") or after it ("Luca Bianchi, the club's striker,").
_DEFINITE_NOUN = re.compile(r"(?i:the)\s+([a-z][a-z\-]+)")


def by_premodified_noun(article: Article, start: int, phrase: str, entities: dict[str, Entity]) -> str | None:
    """The person the article last described by the phrase's noun, right before the name or in an apposition after
    it ("Rovers striker Luca Bianchi ... The striker wrote"), for nouns that are no role of the role lexicon."""
    match = _DEFINITE_NOUN.fullmatch(phrase)
    if match is None:
        return None
    noun = re.escape(match.group(1).lower())
    before = re.compile(r"\b" + noun + r"\s+$", re.IGNORECASE)
    after = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?" + noun + r"\b", re.IGNORECASE)
    text = article.text
    found = None
    for mention in sorted(article.mentions, key=lambda m: m.start):
        entity = entities.get(mention.entity or "")
        if mention.end > start or entity is None or entity.type != "PERSON":
            continue
        if before.search(text, max(0, mention.start - 40), mention.start) or after.match(text, mention.end):
            found = entity.id
    return found
