"""Who "he", "she", "the official" or "the spokesperson" is: a heuristic reference resolver.

No maintained coreference component runs offline on spaCy 3.8 with the small English model (coreferee stops at
spaCy 3.5; the experimental ``spacy-experimental`` coref needs transformer weights that are downloaded), so the
attribution stage gets a small, tested heuristic instead:

- a personal pronoun (he, him, his, she, her, hers) resolves to the nearest preceding PERSON mention that has an
  entity, within :data:`MAX_DISTANCE` characters, skipping a person named after a preposition ("told reporters
  about Mizuhara") when another person stands a sentence before it, and, given the sexes the articles give people
  (:mod:`crosswire.entities.gender`), any person known to be of the other sex;
- a description by age ("the 24-year-old", "the 58-year-old defendant") resolves as a pronoun does;
- a role noun phrase ("the spokesperson", "the NSC spokesperson", "the director") resolves to the nearest preceding
  PERSON whose entity holds a role with that noun (spokesperson, spokesman and spokeswoman count as one); without
  such a person it stays unresolved: "the official said" after a sentence about Bill Burns is the White House
  official, not Burns, so a generic noun never falls back to "nearest person".
- a plural description ("the two clubs", "both sides", "the ministers", "the pair") resolves to the parties of
  its head noun's kind named in the paragraph before it, only when they are exactly as many as it counts
  (:func:`resolve_group`); with more or fewer it resolves to nothing rather than to a guessed pair.

Roles come from the dossier's entities when given, else from reading the article itself
(:func:`crosswire.entities.roles.find_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from crosswire.entities.gender import Gender, compatible
from crosswire.entities.names import fold, is_acronym
from crosswire.entities.roles import ROLE_HEADS, find_roles
from crosswire.model import Article, Entity, Mention

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
# How far back (characters) a pronoun may reach for its antecedent: about two paragraphs of news copy.
MAX_DISTANCE = 1200
# "The 24-year-old", "the 58-year-old defendant": a person named before, described by age, resolved as "he" or
# "she" would be.
AGE_DESCRIPTION = re.compile(r"^(?:[Tt]he|[Tt]his)\s+\d{1,3}-year-old(?:\s+[A-Za-z-]+)?$")
# Role nouns that name the same job.
_SYNONYMS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "advisor": "adviser"}


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:about|to|with|of|from|by|against|for|on|at|into|over|toward|towards|than|like)\s+(?:[A-Z][\w.'’-]*\s+)?$"
)
# How far back (characters) before the nearest person a subject is looked for: about one sentence.
SUBJECT_WINDOW = 200


def _after_preposition(text: str, start: int) -> bool:
    return bool(_PREPOSITION_BEFORE.search(text[max(0, start - 30) : start]))


def _head_noun(phrase: str) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]*", phrase) if w.lower() not in {"the", "a", "an", "this"}]
    if not words:
        return None
    head = words[-1].lower()
    return _SYNONYMS.get(head, head) if head in ROLE_HEADS else None


def _role_heads(roles: Iterable[str]) -> set[str]:
    heads: set[str] = set()
    for role in roles:
        for word in re.findall(r"[a-z][a-z\-]*", role.lower()):
            if word in ROLE_HEADS:
                heads.add(_SYNONYMS.get(word, word))
    return heads


def _roles_from_article(article: Article) -> dict[str, set[str]]:
    """Entity id -> roles read from this article alone (used when no dossier entities are given)."""
    orgs = {
        fold(m.text) if not is_acronym(m.text) else m.text.replace(".", ""): m.text
        for m in article.mentions
        if m.label == "ORG"
    }

    def lookup(text: str) -> str | None:
        return orgs.get(text.replace(".", "")) if is_acronym(text) else orgs.get(fold(text))

    roles: dict[str, set[str]] = {}
    for finding in find_roles(article.text, article.mentions, lookup):
        entity = article.mentions[finding.mention_index].entity
        if entity:
            roles.setdefault(entity, set()).add(finding.role)
    return roles


def resolve_reference(
    article: Article,
    start: int,
    end: int,
    entities: Mapping[str, Entity] | Iterable[Entity] | None = None,
    genders: Mapping[str, Gender] | None = None,
    exclude: Iterable[str] = (),
) -> str | None:
    """The entity id that ``article.text[start:end]`` (a pronoun or a role noun phrase) refers to, or None. With
    ``genders`` (:func:`crosswire.entities.gender.read_genders`) a pronoun skips people of the other sex; a pronoun
    never refers to an entity in ``exclude`` (the other parties of its own clause: "the judge sentenced him" is not
    the judge), nor does a role noun (a holder already ruled out)."""
    phrase = article.text[start:end].strip()
    if not phrase:
        return None
    people = sorted(
        (m for m in article.mentions if m.label == "PERSON" and m.entity and m.end <= start),
        key=lambda m: m.start,
        reverse=True,
    )
    if phrase.lower() in PRONOUNS or AGE_DESCRIPTION.match(phrase):
        skip = set(exclude)
        near = [m for m in people if start - m.end <= MAX_DISTANCE and m.entity not in skip]
        if genders:
            near = [m for m in near if compatible(genders.get(m.entity or ""), phrase)]
        if not near:
            return None
        # A person named after a preposition ("told reporters about Mizuhara") is rarely the next "he": prefer the
        # nearest one who is not, within the same stretch of text as the nearest mention.
        window = [m for m in near if near[0].start - m.end <= SUBJECT_WINDOW]
        subject = next((m for m in window if not _after_preposition(article.text, m.start)), None)
        return (subject or near[0]).entity
    head = _head_noun(phrase)
    if head is None:
        return None
    if entities is None:
        roles_by_entity: Mapping[str, Iterable[str]] = _roles_from_article(article)
    elif isinstance(entities, Mapping):
        # Read in place: this runs for every pronoun and role phrase of the corpus, and copying every entity's roles
        # each time grew with the corpus times its speakers.
        roles_by_entity = {m.entity: entities[m.entity].roles for m in people if m.entity and m.entity in entities}
    else:
        roles_by_entity = {e.id: set(e.roles) for e in entities}
    skip = set(exclude)
    for mention in people:
        if (
            mention.entity
            and mention.entity not in skip
            and head in _role_heads(roles_by_entity.get(mention.entity, ()))
        ):
            return mention.entity
    return None


# --- plural descriptions: "the two clubs", "both sides", "the ministers" -------------------------------------

# Head nouns of a plural description and the entity types the parties they name can have. "Side", "party" and
# "pair" fit any party; the others name a kind of person, organization or country. The lexicon is about English
# group nouns, not about particular stories.
_ANY_PARTY = ("PERSON", "ORG", "GPE", "NORP")
_ORG = ("ORG",)
_COUNTRY = ("GPE", "NORP")
_PERSON = ("PERSON",)
GROUP_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("side", "party", "pair", "rival", "neighbour", "neighbor"), _ANY_PARTY),
    **dict.fromkeys(
        (
            "club", "team", "company", "firm", "group", "bank", "business", "carrier", "airline", "insurer",
            "lender", "retailer", "automaker", "carmaker", "manufacturer", "broadcaster", "publisher", "studio",
            "union", "agency", "organization", "organisation", "network", "chain", "giant", "outfit", "franchise",
        ),
        _ORG,
    ),
    **dict.fromkeys(("country", "nation", "state", "government", "power", "capital", "republic"), _COUNTRY),
    **dict.fromkeys(
        (
            "leader", "minister", "president", "premier", "chancellor", "man", "woman", "executive", "boss",
            "official", "diplomat", "envoy", "negotiator", "player", "lawyer", "defendant", "suspect", "chief",
            "general", "commander", "ceo", "counterpart", "founder", "senator", "candidate", "head",
        ),
        _PERSON,
    ),
}  # fmt: skip
_COUNTS = {"two": 2, "both": 2, "pair": 2, "three": 3, "four": 4}
# "the two clubs", "both sides", "the two foreign ministers", "the pair", "the ministers", "both Portuguese clubs".
_GROUP = re.compile(
    r"^(?:(?:the|these|those)\s+(?:(two|three|four|both)\s+)?|(both)\s+(?:the\s+)?)"
    r"((?:[A-Za-z-]+\s+){0,2}?)([A-Za-z-]+)$",
    re.IGNORECASE,
)
# A plural description without a count ("the ministers") names at most this many parties.
MAX_GROUP = 4
# How far back (characters) the parties a plural description refers to may be named: about a paragraph.
GROUP_DISTANCE = 600


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def group_reference(phrase: str) -> tuple[int | None, str] | None:
    """How many parties a plural description names and its head noun ("the two clubs" -> (2, "club"); "both sides"
    -> (2, "side"); "the pair" -> (2, "pair"); "the ministers" -> (None, "minister")), or None for any other
    phrase. An organization's noun in the singular names one ("the airline" -> (1, "airline"))."""
    found = _GROUP.match(phrase.strip())
    if found is None:
        return None
    count_word = (found.group(1) or found.group(2) or "").lower()
    head_word = found.group(4)
    head = _singular(head_word)
    if head not in GROUP_NOUNS:
        return None
    plural = head != head_word.lower()
    if head == "pair":
        return (2, head) if not plural and not count_word else None
    if not plural:
        # "the airline", "the union": one organization, the one named in the paragraph before (or the one the text
        # calls by that noun); "the man", "both": no such party
        singular = GROUP_NOUNS[head] == _ORG and not count_word and phrase.strip().lower().startswith("the ")
        return (1, head) if singular else None
    return (_COUNTS[count_word] if count_word else None), head


def _described_as(text: str, start: int, end: int, head: str) -> bool:
    """Whether the text calls this mention by the head noun: "Portuguese club Benfica", "Benfica, the Lisbon
    club"."""
    before = re.search(rf"\b{head}s?\s+$", text[max(0, start - 40) : start], re.IGNORECASE)
    after = re.match(rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{head}\b", text[end : end + 60], re.IGNORECASE)
    return bool(before or after)


# A name after "in" or "at" is where something happened ("fought for months in Gaza", "complaints at the WTO"),
# not one of the sides a later "both sides" counts.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|inside|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# What may stand between a name and the party it describes: a possessive, or a title ending in a role noun ("EU
# envoy Miroslav Lajcak", "Chelsea manager Enzo Maresca", "Benfica's Joao Silva"); "Apple sued Samsung" is no title.
_MODIFIER_GAP = re.compile(r"(?:'s|’s)?\s+((?:[a-z][\w-]*\s+){0,3})")


def _modifies(text: str, mention: Mention, parties: Iterable[Mention]) -> bool:
    """Whether the mention describes a party of the event ("EU envoy Miroslav Lajcak met both sides": the EU is
    the envoy's, not one of the sides)."""
    for party in parties:
        if not 0 < party.start - mention.end <= 40:
            continue
        gap = _MODIFIER_GAP.fullmatch(text[mention.end : party.start])
        if gap is None:
            continue
        words = gap.group(1).split()
        if any(word in {"and", "or", "but", "with"} for word in words):
            continue  # "Enzo Maresca and striker Nicolas Jackson": two parties, the title the second's
        possessive = gap.group(0).startswith(("'s", "’s"))
        if (possessive and not words) or (words and words[-1] in ROLE_HEADS):
            return True
    return False


def resolve_group(
    article: Article,
    start: int,
    end: int,
    entities: Mapping[str, Entity] | None = None,
    exclude: Iterable[str] = (),
) -> list[str]:
    """The entity ids a plural description ("the two clubs", "both sides", "the ministers") at ``start:end``
    refers to: the parties of the head noun's type (or that the text calls by the head noun: "the Portuguese club
    Benfica") named in the paragraph before it, when they are exactly as many as it counts ("the two clubs": two;
    "the ministers": two to four). When more are named, the ones the text itself calls by the head noun are taken
    if they are exactly as many; otherwise the description is ambiguous and resolves to nothing: "the two clubs"
    after Arsenal, Chelsea and Benfica names no pair, and no event is made of a guess."""
    reference = group_reference(article.text[start:end])
    if reference is None:
        return []
    count, head = reference
    labels = GROUP_NOUNS[head]
    skip = set(exclude)
    described: set[str] = set()
    named = [m for m in article.mentions if m.entity in skip]
    text = article.text
    kind: list[Mention] = []
    for mention in sorted(article.mentions, key=lambda m: m.start):
        entity = mention.entity
        if not entity or entity in skip or mention.end > start or start - mention.end > GROUP_DISTANCE:
            continue
        if _LOCATIVE_BEFORE.search(text[max(0, mention.start - 20) : mention.start]):
            continue
        known = entities.get(entity) if entities is not None else None
        of_kind = mention.label in labels or (known is not None and known.type in labels)
        # The text's own word beats the tagger's label: "the Portuguese club Benfica" is a club even where the
        # tagger took the name for a place.
        described_here = labels is not _ANY_PARTY and mention.label in _ANY_PARTY
        if described_here and _described_as(text, mention.start, mention.end, head):
            described.add(entity)
            of_kind = True
        if of_kind:
            kind.append(mention)
    # A name in the title of a party or of another one of its kind describes it and is no party of its own:
    # "EU envoy Miroslav Lajcak met both sides", "Chelsea manager Enzo Maresca and striker Nicolas Jackson ... the
    # pair" (but "Benfica striker Joao Silva ... the two clubs" keeps Benfica: the player is no club).
    order: list[str] = []
    for mention in kind:
        if not _modifies(text, mention, [*named, *kind]) and mention.entity and mention.entity not in order:
            order.append(mention.entity)
    chosen = [e for e in order if e in described]
    for found in (order, chosen):
        if count is None and 2 <= len(found) <= MAX_GROUP:
            return found
        if count is not None and len(found) == count:
            return found
    return []
