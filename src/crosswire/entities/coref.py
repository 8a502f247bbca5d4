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

Roles come from the dossier's entities when given, else from reading the article itself
(:func:`crosswire.entities.roles.find_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from crosswire.entities.gender import Gender, compatible
from crosswire.entities.names import fold, is_acronym
from crosswire.entities.roles import ROLE_HEADS, find_roles
from crosswire.model import Article, Entity

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
