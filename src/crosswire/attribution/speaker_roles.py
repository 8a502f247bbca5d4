"""Speaker roles: the person a role noun as speaker stands for, and whom a role is held for.

Split from :mod:`crosswire.attribution.statements` because roles are read through who holds them for whom: "the
spokesperson" is the person named earlier with that role, provided its organization fits the phrase; "his lawyer" is
only a lawyer the article named for him ("Okafor's lawyer, Sarah Quinn"), never one it introduced as somebody else's;
"Putin's spokesman" speaks for Putin and "the club's spokeswoman" for the club named before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.attribution.sources import NAMED_SPOKES, SPOKES_NOUNS
from crosswire.attribution.speaker_descriptions import BODY_HEADS, COMPANY_NOUNS, by_description, of_kind
from crosswire.attribution.speaker_names import ORG_LABELS, ROLE_WORD, by_surname
from crosswire.entities.coref import resolve_reference
from crosswire.entities.gender import Gender
from crosswire.entities.roles import ROLE_HEADS
from crosswire.model import Article, Entity, Mention, Statement


def role_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The phrase up to its first role noun ("a spokesperson for the NSC" -> "a spokesperson"), for coref."""
    for match in ROLE_WORD.finditer(article.text, start, end):
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
    return by_surname(article, article.text[start:end].strip(), start, entities)


def possessed_role(
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
    if match.group("pronoun") and any(role in ROLE_WORD.findall(held.lower()) for held in entities[owner].roles):
        # "Jane Roe, a lawyer for Okafor, ... his lawyer said": a pronoun read as the lawyer herself is misread
        return None
    return owner


# "Putin's spokesman", "the premier's spokesman", "the club's spokeswoman": whom a spokesperson speaks for.
_SPOKES_FOR = re.compile(
    r"(?:(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})|(?i:the)\s+(?P<common>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*))"
    r"(?:['’]s\b|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z]+)"
)
# "A club spokesman", "a hospital spokeswoman": a spokesperson of the kind of organization the article is about.
_KIND_SPOKES = re.compile(r"(?i:an?)\s+(?P<kind>[a-z]+)\s+(?P<role>[a-z]+)")
# "A spokesman for the bank", "the spokeswoman for the club": a spokesperson of the organization described.
_SPOKES_FOR_THE = re.compile(
    r"(?i:an?|the)\s+(?P<role>[a-z]+)\s+for\s+(?i:the)\s+(?P<common>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
)
# A spokesperson for nobody the article names: unlinked, not the organization that spoke before.
_NOBODY = ""


def spoken_for(
    article: Article,
    start: int,
    phrase: str,
    previous: Sequence[Statement],
    entities: dict[str, Entity],
) -> str | None:
    """Whom a possessed spokesperson speaks for: the named possessor ("Putin's spokesman" is Putin's word, "Acme's
    spokeswoman" Acme's), or the person or organization a described possessor refers to ("the prime minister's
    spokesman": the person named with that role; "the club's spokesman", "a spokesman for the club" and "a club
    spokesman": the club named before). :data:`_NOBODY`
    when the possessor is nobody the article names; None when the phrase is no possessed spokesperson."""
    kind = _KIND_SPOKES.fullmatch(phrase)
    if kind is not None and kind.group("role") in SPOKES_NOUNS and kind.group("kind") in COMPANY_NOUNS:
        # the organization of that kind the article named (none: the rules below, as before; for a public body's
        # noun, "a council spokesman", nobody: never the club or the company that spoke before)
        of_that_kind = of_kind(article, start, kind.group("kind"))
        return _NOBODY if of_that_kind is None and kind.group("kind") in BODY_HEADS else of_that_kind
    offset = start + (len(article.text[start:]) - len(article.text[start:].lstrip()))
    short = NAMED_SPOKES.fullmatch(phrase)
    if short is not None and short.group("role").lower() in SPOKES_NOUNS:
        found_org = _named_in_full(article, start, short.group("name"))
        if found_org is not None:
            return found_org
    found = _SPOKES_FOR.fullmatch(phrase) or _SPOKES_FOR_THE.fullmatch(phrase)
    if found is None or found.group("role").lower() not in SPOKES_NOUNS:
        return None
    if found.groupdict().get("name"):
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
        described = by_description(article, start, f"the {owner}", [], previous, entities)
        return described if described is not None else _NOBODY
    return _NOBODY


def _named_in_full(article: Article, start: int, short: str) -> str | None:
    """The organization named before in full whose name opens with ``short`` ("Pellam" of "Pellam Motors", "Arcos"
    of "Arcos Media"): the longest, then the last, of those."""
    words = short.lower().split()
    full = [
        m
        for m in article.mentions
        if m.entity
        and m.label in ORG_LABELS
        and m.end <= start
        and len(m.text.split()) > len(words)
        and [w.lower() for w in m.text.split()[: len(words)]] == words
    ]
    return max(full, key=lambda m: (len(m.text.split()), m.end)).entity if full else None


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


def role_holder(
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
