"""Corpus stage of "who said what": link each statement's speaker to a canonical entity, gather the statements.

The per-article stage (:mod:`crosswire.attribution.finder`) records the speaker's words and offsets; entity ids only
exist once :mod:`crosswire.entities.canonical` has run, so the link happens here, in this order of evidence:

1. **anonymous and document sources** stay unlinked (``speaker`` null, ``speaker_text`` kept): nobody is named.
2. **a name inside the speaker span** — the PERSON mention that heads it ("CNN correspondent Natasha Bertrand" ->
   Bertrand; a person after "of"/"for"/"to" is a dependent, not the speaker: "an aide to President Putin" is not
   Putin, "the sister of photojournalist Luke Somers" is not Somers; nor is a possessor, whether with "'s" or a
   bare apostrophe: "Woods' agent, Mark Steinberg" is Steinberg; nor a name modifying the speaker's: "Boko Haram
   leader Abubakar Shekau" is Shekau), else the organization or outlet ("the Russian newspaper Kommersant" ->
   Kommersant), but not a place that people or a role belong to ("Kansas City police", "the mayor of Iguala");
   a surname alone the recogniser missed ("Hershberger said") is the one person named so in full before it.
3. **a pronoun or a role noun** — "he", "she", "the spokesperson" resolve through
   :func:`crosswire.entities.coref.resolve_reference`, with the corpus's roles and the sexes the articles give
   people (:mod:`crosswire.entities.gender`: "she" is never a man known as one); a relative pronoun ("Dan Olsen, who
   said ...") is linked as the noun its clause modifies. A role held for a person ("his lawyer", "Okafor's lawyer")
   is only a holder the article named for that person, else an anonymous source (its ``speaker_text`` still the
   words its offsets mark).
4. **an unnamed role noun with an organization** — "the NSC spokesperson" speaks for the NSC.
5. **"the official said" after an organization's statement** — the official speaks for the organization that
   spoke just before (within :data:`ORG_FALLBACK_DISTANCE` characters): "the White House said ... the official
   said". **"the outlet reports"** likewise refers to the outlet that reported just before.

A linked entity also settles the source type the words left open (a PERSON entity is a person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.attribution.sources import MEDIA_NOUNS, RELATIVE_PRONOUNS, SPOKES_NOUNS, head_word, is_person_noun
from crosswire.context import Context
from crosswire.entities.coref import AGE_DESCRIPTION, PRONOUNS, resolve_reference
from crosswire.entities.gender import Gender, compatible, noun_gender, read_genders
from crosswire.entities.roles import ROLE_HEADS
from crosswire.model import Article, Dossier, Entity, Mention, Statement

ORG_FALLBACK_DISTANCE = 1500
# What may stand between a name and the relative pronoun after it: nothing but a comma ("Dan Olsen, who"), an age
# ("Dan Olsen, 48, who") or a description opened by an article or a role ("Jane Roe, an adviser to the bank, who").
_NO_CONJUNCTION = r"(?!(?:and|but|or|then|while|when|as|after|before|because|although|though|where|if|so)\b)"
_BEFORE_RELATIVE = re.compile(
    r"[ \t]*,?[ \t]*|,[ \t]*\d{1,3}[ \t]*,[ \t]*"
    r"|,[ \t]*"
    + _NO_CONJUNCTION
    + r"[a-z]+[ \t][^.;:!?\"“”()\n]{0,120}?,(?:[ \t]*or[ \t][^.;:!?\"“”()\n,]{0,40},)?[ \t]*"
)
# How close (characters) the previous person's statement must end for a pronoun speaker to continue it.
PRONOUN_SPEAKER_DISTANCE = 400
_DEPENDENT = re.compile(r"\b(?:of|for|to|with|at|from|by|about|under|told|and)\s+(?:the\s+)?$", re.IGNORECASE)
_ROLE_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
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
# Pronouns that can stand for an organization as a speaker ("it said"; "they said" of a spokesperson).
GROUP_PRONOUNS = frozenset({"it", "they"})
# Nouns that describe an organization named before ("the company", "the energy giant", "the carrier", "the
# hospital").
COMPANY_NOUNS = frozenset(
    {
        "company", "firm", "group", "giant", "major", "maker", "producer", "manufacturer", "carrier", "airline",
        "lender", "bank", "insurer", "retailer", "conglomerate", "supermajor", "operator", "automaker", "chipmaker",
        "business", "corporation", "multinational", "startup", "league", "club", "organisation", "organization",
        "carmaker", "broadcaster", "regulator", "watchdog", "publisher", "network", "brewer", "miner", "utility",
        "hospital", "clinic", "school", "university", "college", "museum", "airport", "prison", "charity", "hotel",
        "committee", "commission", "council", "agency", "ministry", "department", "board", "authority", "institute",
        "court", "tribunal", "federation", "association", "union", "panel",
    }
)  # fmt: skip
# Nouns that describe a public body ("the agency", "the regulator"), and the last words of a public body's name
# ("Food and Drug Administration", "Athletics Integrity Unit"): such a body is what "the agency" is, never what
# "the company" or "the drugmaker" is.
BODY_NOUNS = frozenset({"agency", "regulator", "watchdog", "authority", "administration", "commission", "bureau"})
BODY_HEADS = frozenset(
    {
        "administration", "agency", "ministry", "department", "commission", "authority", "regulator", "court",
        "police", "unit", "council", "committee", "bureau", "inspectorate", "tribunal", "prosecutor", "government",
    }
)  # fmt: skip
# Body nouns that a company's name may end in too ("the committee" of a company's "Monetary Policy Committee", "the
# council", "the unit", "the board"): only the plainly public ones keep "the ministry" off a company.
COMPANY_HEADS = frozenset({"committee", "council", "unit", "board", "court", "tribunal", "bureau", "commission"})
# Nouns that describe an outlet named before ("the magazine", "the publication", "the website").
OUTLET_NOUNS = MEDIA_NOUNS - {"media", "press", "reporters", "correspondents", "journalists", "outlets", "wire"}
# Where a relative clause or a participle opens in a speaker phrase: what it names is what the speaker did or where
# the speaker has been ("Bale, who can next be seen in Ridley Scott's film"; "a man who developed a mark during a
# trip to Bali"), never who speaks.
_RELATIVE_TAIL = re.compile(r",?\s+(?:who|whom|whose|which|that)\s")
# The rest of a speaker phrase after "Name's" when the phrase is the named person's own institution ("Netanyahu's
# office said", "Biden's campaign said"), not another person ("Putin's spokesman") or a thing ("Hersh's article").
_INSTITUTION = re.compile(r"\s+(?:own\s+)?(?:press\s+)?(?:office|administration|government|campaign|cabinet)\s*")
# "the ... NOUN": a definite description ending in a common noun.
_DESCRIPTION = re.compile(r"(?i:the|this)\s.*?\b([a-z]+)$")
# A personal name closing a speaker phrase: two or more capitalised words ("... lieutenant colonel Per Espen Strande"),
# maybe with a surname's particles between them ("Rotterdam's mayor, Jan de Vries", "Ludwig van Beethoven").
_NAME_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|la|le|bin|ibn|al|el)\s+"
_CLOSING_NAME = re.compile(r"(?:\b[A-Z][a-z'’\-]+\.?\s+(?:" + _NAME_PARTICLE + r"){0,2}){1,3}[A-Z][a-z'’\-]+$")
# Between a name and the name it modifies: one to three lowercase words ("leader", "chief executive").
_PREMODIFIED = re.compile(r"\s+(?:[a-z][\w’'-]*\s+){1,3}")
# A surname alone as the speaker, maybe after a courtesy title ("Hershberger said", "Dr. Archer said").
_SURNAME_ALONE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?([A-Z][\w’'-]+)")
# "a spokesperson", "an official", "one aide": a new, unnamed person, never somebody named before.
_INDEFINITE = re.compile(r"(?:a|an|one|another)\s", re.IGNORECASE)


def _inside(article: Article, start: int, end: int) -> list[Mention]:
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


def _head_person(article: Article, statement: Statement, mentions: Sequence[Mention]) -> Mention | None:
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
        return mention
    return None


def _relative_antecedent(article: Article, start: int, relative: str) -> tuple[int, int] | None:
    """The name a relative pronoun speaker stands for: "Dan Olsen, who said ..." -> Dan Olsen; "Acme, which said
    ..." -> Acme. The name stands right before the pronoun, or before an age or a short description set off by commas
    ("Dan Olsen, 48, who", "Wilfried Strauch, an adviser to the institute, who"). "who" stands for a person, "which"
    for an organization or a place; "that" is left alone (it also opens what is said)."""
    labels = {"who": {"PERSON"}, "which": set(ORG_LABELS)}.get(relative)
    if not labels:
        return None
    before = [m for m in article.mentions if m.end <= start and start - m.end <= 160 and m.label in labels]
    for mention in sorted(before, key=lambda m: m.end, reverse=True):
        if _BEFORE_RELATIVE.fullmatch(article.text[mention.end : start]):
            return mention.start, mention.end
    return None


def _role_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The phrase up to its first role noun ("a spokesperson for the NSC" -> "a spokesperson"), for coref."""
    for match in _ROLE_WORD.finditer(article.text, start, end):
        if match.group(0).lower() in ROLE_HEADS:
            return start, match.end()
    return None


# "his lawyer", "Her spokeswoman", "Okafor's lawyer", "Park's press secretary": a role held for a possessor.
_OWNER = (
    r"(?:(?P<pronoun>\b[Hh]is|\b[Hh]er|\b[Tt]heir)"
    r"|(?P<name>\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:['’]s\b|(?<=s)['’]))"
)
_POSSESSED_ROLE = re.compile(_OWNER + r"\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*)")
# How a holder is introduced: "Okafor's lawyer, Sarah Quinn" (before the name), "Sarah Quinn, Okafor's lawyer,"
# or "Sarah Quinn, a lawyer for Okafor" (after it); "the prosecutor's lawyer, Peter Hall" holds it for no one named.
_INTRODUCED_BEFORE = re.compile(
    r"(?:" + _OWNER + r"|(?P<common>\b[a-z][\w-]*)['’]s)\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*)\s*,?\s*$"
)
_INTRODUCED_AFTER = re.compile(
    r"\s*,\s*(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}(?P<role2>[a-z][\w-]*)\s+(?:for|to|of)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)?(?P<name2>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})|" + _OWNER + r"\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?P<role>[a-z][\w-]*))"
)
# The owner of a role that no one named: somebody other than any entity.
_SOMEBODY = "?"


def _role_head(word: str) -> bool:
    return word.lower() in ROLE_HEADS or word.lower().removesuffix("s") in ROLE_HEADS


def _owner_of(
    article: Article, match: re.Match[str], offset: int, entities: dict[str, Entity], genders: dict[str, Gender]
) -> str | None:
    """The person a possessive names ("his" through the text before, "Okafor's" by the name), ``_SOMEBODY`` for an
    unnamed one ("the prosecutor's"), None when it cannot be told."""
    groups = match.groupdict()
    if groups.get("common"):
        return _SOMEBODY
    key = "pronoun" if groups.get("pronoun") else "name" if groups.get("name") else "name2"
    if not groups.get(key):
        return None
    start, end = match.start(key) + offset, match.end(key) + offset
    if key == "pronoun":
        if article.text[start:end].lower() == "their":
            return None
        return resolve_reference(article, start, end, entities, genders)
    named = [m for m in article.mentions if m.entity and m.start < end and start < m.end and m.label == "PERSON"]
    if named:
        return named[0].entity
    return _by_surname(article, article.text[start:end].strip(), start, entities)


def _possessed_role(
    article: Article, start: int, phrase: str, entities: dict[str, Entity], genders: dict[str, Gender]
) -> str | None:
    """The person a speaker phrase holds a role for ("his lawyer" -> Marco Rossi's entity id), or None when the
    phrase is no person's role."""
    match = _POSSESSED_ROLE.fullmatch(phrase)
    if match is None or not _role_head(match.group("role")):
        return None
    offset = start + (len(article.text[start:]) - len(article.text[start:].lstrip()))
    owner = _owner_of(article, match, offset, entities, genders)
    if owner is None or owner == _SOMEBODY or entities.get(owner) is None or entities[owner].type != "PERSON":
        return None
    role = match.group("role").lower()
    if match.group("pronoun") and any(role in _ROLE_WORD.findall(held.lower()) for held in entities[owner].roles):
        # "Jane Roe, a lawyer for Okafor, ... his lawyer said": a pronoun read as the lawyer herself is misread
        return None
    return owner


# "Putin's spokesman", "the premier's spokesman", "the club's spokeswoman": whom a spokesperson speaks for.
_SPOKES_FOR = re.compile(
    r"(?:(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})|(?i:the)\s+(?P<common>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*))"
    r"(?:['’]s\b|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z]+)"
)
# A spokesperson for nobody the article names: unlinked, not the organization that spoke before.
_NOBODY = ""


def _spoken_for(
    article: Article,
    start: int,
    phrase: str,
    previous: Sequence[Statement],
    entities: dict[str, Entity],
) -> str | None:
    """Whom a possessed spokesperson speaks for: the named possessor ("Putin's spokesman" is Putin's word, "Acme's
    spokeswoman" Acme's), or the person or organization a described possessor refers to ("the prime minister's
    spokesman": the person named with that role; "the club's spokesman": the club named before). :data:`_NOBODY`
    when the possessor is nobody the article names; None when the phrase is no possessed spokesperson."""
    found = _SPOKES_FOR.fullmatch(phrase)
    if found is None or found.group("role").lower() not in SPOKES_NOUNS:
        return None
    offset = start + (len(article.text[start:]) - len(article.text[start:].lstrip()))
    if found.group("name"):
        lo, hi = found.start("name") + offset, found.end("name") + offset
        named = [m for m in article.mentions if m.entity and m.start < hi and lo < m.end]
        return named[0].entity if named else _NOBODY
    owner = found.group("common")
    lo = found.start("common") + offset
    noun = owner.split()[-1].lower()
    if _role_head(noun):
        # the person named with the whole role: "the prime minister" is not the labour minister
        holder = resolve_reference(article, lo, lo + len(owner), entities)
        held = " ".join(entities[holder].roles).lower() if holder in entities else ""
        return holder if holder is not None and all(word in held for word in owner.lower().split()) else _NOBODY
    if noun in COMPANY_NOUNS:
        described = _by_description(article, start, f"the {owner}", [], previous, entities)
        return described if described is not None else _NOBODY
    return _NOBODY


def _holder_owner(
    article: Article, holder: str, before: int, entities: dict[str, Entity], genders: dict[str, Gender]
) -> str | None:
    """Whom a person named with a role holds it for, read where the article introduces the person ("Okafor's
    lawyer, Sarah Quinn"; "Sarah Quinn, a lawyer for Okafor"), or None when the introduction names no possessor."""
    for mention in article.mentions:
        if mention.entity != holder or mention.end > before:
            continue
        window = max(0, mention.start - 80)
        found = _INTRODUCED_BEFORE.search(article.text[window : mention.start])
        offset = window
        if found is None or not _role_head(found.group("role")):
            found = _INTRODUCED_AFTER.match(article.text, mention.end, min(len(article.text), mention.end + 80))
            offset = 0
            role = (found.group("role") or found.group("role2")) if found else None
            if found is None or role is None or not _role_head(role):
                continue
        owner = _owner_of(article, found, offset, entities, genders)
        if owner is not None and owner != holder:
            return owner
    return None


def _role_holder(
    article: Article,
    span: tuple[int, int],
    owner: str | None,
    entities: dict[str, Entity],
    genders: dict[str, Gender],
    mentions: Sequence[Mention],
) -> str | None:
    """The person named earlier with the role of ``span`` ("the spokesperson"); for a possessed role ("his
    lawyer"), one who holds it for that ``owner``, not a lawyer the article introduced as somebody else's."""
    ruled_out: set[str] = set()
    while True:
        found = resolve_reference(article, span[0], span[1], entities, exclude=ruled_out)
        if found is None or owner is None:
            break
        held_for = _holder_owner(article, found, span[0], entities, genders)
        if held_for is None or held_for == owner:
            break
        ruled_out.add(found)
    if found is not None and _serves(entities.get(found), article, mentions):
        return found
    return None


def _alias_index(entities: dict[str, Entity]) -> dict[str, str]:
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


def _by_alias(phrase: str, aliases: dict[str, str], taken: frozenset[str] = frozenset()) -> str | None:
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


def _relative_tail(article: Article, start: int, end: int) -> int:
    """Where a relative clause opens inside the speaker phrase (``end`` when none does)."""
    found = _RELATIVE_TAIL.search(article.text, start, end)
    return found.start() if found and found.start() > start else end


def _by_surname(article: Article, phrase: str, start: int, entities: dict[str, Entity]) -> str | None:
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
        found = {e.id for e in entities.values() if e.type == "PERSON" and _surname_of(e) == surname}
    return found.pop() if len(found) == 1 else None


def _surname_of(entity: Entity) -> str | None:
    words = entity.name.split()
    return words[-1].lower() if len(words) > 1 else None


def _within(mention: Mention, spans: Sequence[tuple[int | None, int | None]]) -> bool:
    return any(s is not None and e is not None and s <= mention.start and mention.end <= e for s, e in spans)


def _named_between(
    article: Article, labels: set[str], start: int, end: int, said: Sequence[tuple[int | None, int | None]]
) -> bool:
    """Whether someone of ``labels`` is named between ``start`` and ``end`` outside what was said (a name inside a
    quote is talked about, so it does not interrupt who goes on speaking)."""
    return any(m.label in labels and start <= m.start < end and not _within(m, said) for m in article.mentions)


def _pronoun_speaker(
    article: Article,
    statement: Statement,
    previous: Sequence[Statement],
    entities: dict[str, Entity],
    said: Sequence[tuple[int | None, int | None]],
    genders: dict[str, Gender],
) -> str | None:
    """ "Zakharova said ... She added": a pronoun subject of a cue continues the speaker just before it. A person
    named inside what somebody said ("“We are pleased that Bob found it,” she said") is talked about, not talking,
    so such mentions neither interrupt the continuation nor serve as the antecedent. A speaker known to be of the
    other sex (``genders``; "a Volvo spokeswoman" by her noun) is never what the pronoun stands for."""
    assert statement.speaker_start is not None and statement.speaker_end is not None
    start = statement.speaker_start
    pronoun = article.text[start : statement.speaker_end].strip()
    for earlier in reversed(previous):
        spokesperson = earlier.source_type == "organization" and _unnamed_role(earlier)
        known = noun_gender(earlier.speaker_text or "") if spokesperson else genders.get(earlier.speaker or "")
        if not compatible(known, pronoun):
            continue
        if (
            earlier.speaker
            and (earlier.source_type == "person" or spokesperson)
            and start - earlier.end <= PRONOUN_SPEAKER_DISTANCE
        ):
            if not _named_between(article, {"PERSON"}, earlier.end, start, said):
                return earlier.speaker
            break
    found = resolve_reference(article, start, statement.speaker_end, entities, genders)
    if found is None:
        return None
    named = [m for m in article.mentions if m.entity == found and m.end <= start]
    if named and all(_within(m, said) for m in named):
        # the nearest person is only ever talked about: take the nearest one named outside what was said
        for mention in sorted(article.mentions, key=lambda m: m.start, reverse=True):
            if mention.label != "PERSON" or not mention.entity or not compatible(genders.get(mention.entity), pronoun):
                continue
            if mention.end <= start and not _within(mention, said):
                return mention.entity if start - mention.end <= PRONOUN_SPEAKER_DISTANCE * 3 else None
        return None
    return found


def _continued_speaker(
    article: Article,
    start: int,
    pronoun: str,
    previous: Sequence[Statement],
    said: Sequence[tuple[int | None, int | None]],
) -> str | None:
    """ "A Shell spokesman did not deny the report. They said: ...", "The league said ... It added ...": "it" and
    "they" continue the speaker of the statement just before -- an organization for "it"; for "they" also a
    spokesperson's organization or a person (the singular "they") -- when nobody else is named in between."""
    kinds = {"organization", "media"} if pronoun == "it" else {"organization", "media", "person"}
    for earlier in reversed(previous):
        if earlier.speaker_start is None or earlier.speaker_start >= start:
            continue
        if not earlier.speaker or earlier.source_type not in kinds or start - earlier.end > PRONOUN_SPEAKER_DISTANCE:
            return None
        return None if _named_between(article, {"PERSON", *ORG_LABELS}, earlier.end, start, said) else earlier.speaker
    return None


def _unnamed_role(statement: Statement) -> bool:
    """ "A Volvo spokeswoman", "the NSC spokesperson": a person known only by a role, speaking for an organization
    ("she said" after it continues the organization's statement)."""
    words = _ROLE_WORD.findall(statement.speaker_text or "")
    return bool(words) and words[-1].lower() in ROLE_HEADS


def _same_head(start: int, head: str, previous: Sequence[Statement]) -> str | None:
    """The speaker of the nearest earlier statement whose speaker phrase has the same head noun, within reach: "the
    office" repeats "Netanyahu's office", not "Jeff Roe, the spokesman for the health office"."""
    for earlier in reversed(previous):
        near = earlier.speaker and earlier.speaker_text and start - earlier.end <= ORG_FALLBACK_DISTANCE
        if near and head_word(earlier.speaker_text or "") == head:
            return earlier.speaker
    return None


def _is_body(entity: Entity | None) -> bool:
    """A public body by its name: its last word ("Food and Drug Administration") or its first ("Ministry of
    Defence", "Department of Justice") is a body's."""
    words = entity.name.lower().split() if entity is not None else []
    return bool(words) and (words[-1] in BODY_HEADS or (len(words) > 2 and words[0] in BODY_HEADS))


def _described_body(
    article: Article, start: int, previous: Sequence[Statement], entities: dict[str, Entity]
) -> str | None:
    """The public body "the agency" or "the regulator" refers to: the one that spoke just before, else the last one
    named before, a body by its name ("the Food and Drug Administration ... the agency said")."""
    for earlier in reversed(previous):
        if earlier.speaker and _is_body(entities.get(earlier.speaker)) and start - earlier.end <= ORG_FALLBACK_DISTANCE:
            return earlier.speaker
    named = [m for m in article.mentions if m.entity and m.end <= start and _is_body(entities.get(m.entity))]
    return max(named, key=lambda m: m.end).entity if named else None


def _described_org(
    article: Article,
    start: int,
    previous: Sequence[Statement],
    kinds: frozenset[str] = frozenset({"organization"}),
    noun: str | None = None,
    bodies: frozenset[str] = frozenset(),
) -> str | None:
    """The organization "the company" refers to: the last one named whose name ends in that ``noun`` ("the
    committee" after "its Monetary Policy Committee"), else the one that spoke just before, else the last one named.
    An outlet ("the magazine") may have spoken as an organization or as media (``kinds``). ``bodies`` are public
    bodies, which a company noun does not describe."""
    if noun is not None:
        ending = [
            m
            for m in article.mentions
            if m.entity
            and m.end <= start
            and m.entity not in bodies
            and ((m.label == "ORG" and _noun_stem(m.text.split()[-1]) == _noun_stem(noun)) or _called(article, m, noun))
        ]
        if ending and start - ending[-1].end <= ORG_FALLBACK_DISTANCE:
            return max(ending, key=lambda m: m.end).entity
    for earlier in reversed(previous):
        near = start - earlier.end <= ORG_FALLBACK_DISTANCE
        if earlier.speaker and earlier.source_type in kinds and near and earlier.speaker not in bodies:
            return earlier.speaker
    named = [m for m in article.mentions if m.label == "ORG" and m.entity and m.end <= start and m.entity not in bodies]
    if named and start - named[-1].end <= ORG_FALLBACK_DISTANCE:
        return max(named, key=lambda m: m.end).entity
    return None


def _noun_stem(word: str) -> str:
    """A noun and the last word of a name it describes, folded together: "airline" and "Airlines", "broadcaster" and
    "Broadcasting"."""
    word = word.lower().removesuffix("s")
    for suffix in ("ing", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _called(article: Article, mention: Mention, noun: str) -> bool:
    """Whether the article calls a name by ``noun`` where it names it: "the SEPLA union", "Spanish airline Skyra",
    "the dockworkers' union FNV Havens" are a union and an airline, whatever the recogniser labelled them."""
    before = article.text[max(0, mention.start - 40) : mention.start]
    after = article.text[mention.end : mention.end + 40]
    return bool(
        re.search(r"\b" + re.escape(noun) + r"\s+$", before, re.IGNORECASE)
        or re.match(r"\s+" + re.escape(noun) + r"\b", after, re.IGNORECASE)
    )


def _described_outlet(article: Article, start: int, noun: str, previous: Sequence[Statement]) -> str | None:
    """The outlet "the magazine" or "the publication" refers to: the organization that spoke just before ("Variety
    seems sure: the publication is reporting ..."), else the last organization named before whose name ends in that
    noun ("New York Magazine"), never a restaurant or a company that merely happens to be the last name."""
    for earlier in reversed(previous):
        near = start - earlier.end <= ORG_FALLBACK_DISTANCE
        if earlier.speaker and earlier.source_type in {"media", "organization"} and near:
            return earlier.speaker
    named = [
        m
        for m in article.mentions
        if m.label == "ORG" and m.entity and m.end <= start and m.text.split()[-1].lower() == noun
    ]
    return max(named, key=lambda m: m.end).entity if named else None


def _describes_outlet(article: Article, mention: Mention, end: int) -> bool:
    """Whether a company's name only describes an outlet named after it: "the French Apple website iGen.fr" is
    the site (the recogniser may have missed its name), "the Apple website" is Apple's."""
    after = re.match(r"\s+((?:[a-z][\w-]*\s+){1,3})(?:[A-Z]|[a-z]+[A-Z])", article.text[mention.end : end])
    return after is not None and any(word in OUTLET_NOUNS for word in after.group(1).split())


def _names_a_person(phrase: str) -> bool:
    """Whether a speaker phrase ends in somebody's own name ("press officer and lieutenant colonel Per Espen
    Strande"), even when the entity recogniser missed it: such a speaker is that person, never an organization that
    spoke earlier in the article."""
    found = _CLOSING_NAME.search(phrase)
    if found is None:
        return False
    words = _ROLE_WORD.findall(found.group(0))
    return not any(word.lower() in ROLE_HEADS for word in words)


def _serves(person: Entity | None, article: Article, mentions: Sequence[Mention]) -> bool:
    """Whether a person a role noun resolved to can be the one this phrase names: "the CIA spokesperson" is not the
    White House's spokesperson, so when the phrase names an organization the person's roles must mention it -- or
    be bare ("Governor Andrew Bailey" ... "the Bank's governor"): a role read without its organization names none
    the phrase could contradict."""
    orgs = [m for m in mentions if m.label in ORG_LABELS]
    if person is None or not orgs:
        return True
    roles = " ".join(person.roles).lower()
    if person.roles and all(len(role.split()) == 1 for role in person.roles):
        return True
    return any(article.text[m.start : m.end].lower() in roles for m in orgs)


def _pronoun_link(
    article: Article,
    statement: Statement,
    pronoun: str,
    entities: dict[str, Entity],
    previous: Sequence[Statement],
    said: Sequence[tuple[int | None, int | None]],
    genders: dict[str, Gender],
) -> str | None:
    """The speaker a pronoun stands for: "he"/"she" through the text before, "it"/"they" the organization that
    spoke just before, "who"/"which" the name the relative clause modifies."""
    assert statement.speaker_start is not None
    if pronoun in RELATIVE_PRONOUNS:
        antecedent = _relative_antecedent(article, statement.speaker_start, pronoun)
        named = _inside(article, *antecedent) if antecedent else []
        return named[0].entity if named else None
    if pronoun in PRONOUNS:
        return _pronoun_speaker(article, statement, previous, entities, said, genders)
    return _continued_speaker(article, statement.speaker_start, pronoun, previous, said)


def _by_description(
    article: Article,
    start: int,
    phrase: str,
    mentions: Sequence[Mention],
    previous: Sequence[Statement],
    entities: dict[str, Entity],
) -> str | None:
    """The organization or outlet a definite description ("the office", "the energy giant", "the magazine")
    refers to, or None when the phrase is no such description."""
    described = _DESCRIPTION.match(phrase)
    if described is not None and described.group(1).lower() in BODY_NOUNS and not mentions:
        # "the Food and Drug Administration said ... the agency said": a public body, not the company between them
        found = _described_body(article, start, previous, entities)
        if found is not None:
            return found
    if described is not None and not mentions:
        # "Netanyahu's office said ... The office said": a definite description repeats an earlier speaker's head
        found = _same_head(start, described.group(1).lower(), previous)
        if found is not None:
            return found
    noun = described.group(1).lower() if described is not None else ""
    if noun in COMPANY_NOUNS:
        # "the energy giant", "the FTSE 100 company": a description of an organization named before, whatever
        # names modify it
        # a company noun ("the company", "the drugmaker") is never a public body; "the ministry" may be one
        bodies = (
            frozenset()
            if noun in BODY_NOUNS | BODY_HEADS
            else frozenset(key for key, entity in entities.items() if _is_body(entity))
        )
        found = _described_org(article, start, previous, noun=noun, bodies=bodies)
        if found is not None and noun in BODY_HEADS - COMPANY_HEADS and not _is_body(entities.get(found)):
            # "the labour ministry", "the police" are never a company that spoke before
            return None
        if found is not None:
            return found
    if described is not None and described.group(1).lower() in OUTLET_NOUNS and not mentions:
        # "As the Chicago Tribune reported ... the paper said", "New York Magazine profiled him ... the magazine
        # describes": the outlet named before
        found = _described_outlet(article, start, described.group(1).lower(), previous)
        if found is not None:
            return found
    return None


def _named_org(article: Article, start: int, end: int, phrase: str, mentions: Sequence[Mention]) -> str | None:
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
            if label in PLACE_LABELS and (_INDEFINITE.match(phrase) or _PLACED.search(lead)):
                # "a Greek court" is some court of the nation, not the nation speaking ("the government" is); "the
                # court in Piraeus" is where the court sits
                continue
            if mention.label == label and _possessive_end(article, mention) is None and not _RELATION_OF.search(lead):
                return mention.entity
    return None


def _before_target(article: Article, start: int, end: int) -> int | None:
    """Where a speaker phrase ends before a tail naming what the speaker did or opposes ("the group behind the
    attack on Dunmore Water"): the words before it describe somebody new, neither what the tail names nor an
    organization that spoke before, so None unless a name stands among them."""
    target = _TARGET_TAIL.search(article.text, start, end)
    if target is None:
        return end
    return target.start() if _inside(article, start, target.start()) else None


def _link_one(
    article: Article,
    statement: Statement,
    entities: dict[str, Entity],
    previous: Sequence[Statement],
    aliases: dict[str, str],
    genders: dict[str, Gender],
) -> str | None:
    if statement.speaker_start is None or statement.speaker_end is None:
        return None
    if statement.source_type in {"anonymous", "document"}:
        return None
    start, end = statement.speaker_start, statement.speaker_end
    phrase = article.text[start:end].strip()
    if phrase.lower() not in RELATIVE_PRONOUNS:
        end = _relative_tail(article, start, end)
        phrase = article.text[start:end].strip()
    cut = _before_target(article, start, end)
    if cut is None:
        return None
    end, phrase = cut, article.text[start:cut].strip()
    mentions = _inside(article, start, end)
    person = _head_person(article, statement, mentions)
    if person is not None:
        return person.entity
    said = [(s.content_start, s.content_end) for s in [*previous, statement] if s.content_start is not None]
    if phrase.lower() in PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS:
        return _pronoun_link(article, statement, phrase.lower(), entities, previous, said, genders)
    if AGE_DESCRIPTION.match(phrase):
        # "The 24-year-old signed a five-year contract": the person just named, described by age
        return resolve_reference(article, start, end, entities, genders)
    role = _role_span(article, start, end)
    possessed = _possessed_role(article, start, phrase, entities, genders)
    if possessed is None:
        # "the prime minister's spokesman": the spokesman of a role, not a holder of its first role noun
        spoken_for = _spoken_for(article, start, phrase, previous, entities)
        if spoken_for is not None:
            return spoken_for or None
    if role is not None and not _INDEFINITE.match(phrase):
        # "the spokesperson" is somebody named before; "a CIA spokesperson" is a new, unnamed one
        found = _role_holder(article, role, possessed, entities, genders, mentions)
        if found is not None:
            return found
    if possessed is not None:
        # "his lawyer", whom the article does not name: an unnamed source (see link_article); "Putin's spokesman",
        # whom it does not name: Putin's word
        return _spoken_for(article, start, phrase, previous, entities) or None
    found = _by_description(article, start, phrase, mentions, previous, entities)
    if found is not None:
        return found
    found = _named_org(article, start, end, phrase, mentions)
    if found is not None:
        return found
    # no name inside the phrase could speak: a name the recogniser missed or cut short may ("the Dutch blog
    # iCulture", "The Hollywood Reporter" with "Hollywood" tagged a place), never a person the rules above set aside
    # ("the sister of photojournalist Luke Somers")
    people = [m for m in mentions if m.label == "PERSON"]
    missed = "".join(
        " " if any(m.start <= i < m.end for m in people) else ch for i, ch in enumerate(article.text[start:end], start)
    )
    found = _by_alias(missed, aliases, frozenset(m.text for m in mentions)) or (
        None if mentions else _by_surname(article, phrase, start, entities)
    )
    if found is not None:
        return found
    if (role is not None and not _names_a_person(phrase)) or statement.source_type == "media":
        # "a spokesman said" speaks for the organization that spoke before; a named person does not
        wanted = "media" if statement.source_type == "media" else "organization"
        for earlier in reversed(previous):
            if earlier.speaker and earlier.source_type == wanted and start - earlier.end <= ORG_FALLBACK_DISTANCE:
                return earlier.speaker
    return None


def _mark_unnamed_holder(
    article: Article, statement: Statement, entities: dict[str, Entity], genders: dict[str, Gender]
) -> None:
    """ "He will plead not guilty, his lawyer said", with no lawyer of his named: an anonymous source. Its
    ``speaker_text`` stays the words at ``speaker_start:speaker_end`` ("his lawyer"), as every offset of the dossier
    indexes its article's text."""
    if statement.speaker or statement.speaker_start is None or statement.source_type not in {"person", "unknown"}:
        return
    phrase = (statement.speaker_text or "").strip()
    if _possessed_role(article, statement.speaker_start, phrase, entities, genders) is not None:
        statement.source_type = "anonymous"


def link_article(
    article: Article,
    entities: dict[str, Entity],
    aliases: dict[str, str] | None = None,
    genders: dict[str, Gender] | None = None,
) -> None:
    """Set ``speaker`` on every statement of one article (in text order, so fallbacks see earlier statements).
    ``genders`` defaults to what this article alone says about its people."""
    done: list[Statement] = []
    aliases = _alias_index(entities) if aliases is None else aliases
    genders = read_genders([article]) if genders is None else genders
    by_span: dict[tuple[int, int], str | None] = {}
    for statement in sorted(article.statements, key=lambda s: s.start):
        key = (statement.speaker_start or -1, statement.speaker_end or -1)
        if key in by_span:
            statement.speaker = by_span[key]
        else:
            statement.speaker = _link_one(article, statement, entities, done, aliases, genders)
            by_span[key] = statement.speaker
        entity = entities.get(statement.speaker) if statement.speaker else None
        _mark_unnamed_holder(article, statement, entities, genders)
        if entity is not None and statement.source_type in {"unknown", "person", "organization"}:
            statement.source_type = "person" if entity.type == "PERSON" else "organization"
        elif statement.source_type == "media" and _is_body(entity):
            statement.source_type = "organization"  # "the agency" that is the Food and Drug Administration
        done.append(statement)


def link_statements(dossier: Dossier, context: Context) -> None:
    """The corpus stage: link speakers to entities and gather every article's statements into the dossier."""
    entities = {entity.id: entity for entity in dossier.entities}
    aliases = _alias_index(entities)
    # every article's evidence counts: "Mrs Ruiz" in one report settles "she said" in another
    genders = read_genders(dossier.articles)
    gathered: list[Statement] = []
    for article in dossier.articles:
        link_article(article, entities, aliases, genders)
        gathered.extend(article.statements)
    dossier.statements = gathered
