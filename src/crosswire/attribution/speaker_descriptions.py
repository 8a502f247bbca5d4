"""Speaker descriptions: the organization or outlet a definite description as speaker refers back to.

Split from :mod:`crosswire.attribution.statements` because a description names nobody: "the company", "the energy
giant", "the agency", "the magazine", "the office" each stand for an organization named or heard from before, and
which one depends on the noun: a company noun is never a public body, "the agency" is one by its name ("Food and Drug
Administration"), an outlet noun is an outlet, and "the office" repeats the earlier speaker with the same head.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from crosswire.attribution.corpus_entities import indexed
from crosswire.attribution.sources import COMPANY_NOUNS, MASTHEAD_WORDS, head_word
from crosswire.attribution.speaker_names import OUTLET_NOUNS
from crosswire.model import Article, Entity, Mention, Statement

# How close (characters) an organization's statement or name must end before a description or an unnamed official
# for them to refer to it.
ORG_FALLBACK_DISTANCE = 1500
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
# The abbreviations closing a name that say what it is, whatever label the recogniser gave it ("Harbour City FC" is
# a club, "Norvale Chemicals plc" a company): a description by that noun refers to it.
NAME_ENDINGS: dict[str, frozenset[str]] = {
    "club": frozenset({"fc", "afc", "cf", "sc", "fk", "sk", "bk", "rfc", "cfc"}),
    "team": frozenset({"fc", "afc", "cf", "sc", "fk", "sk", "bk", "rfc", "cfc"}),
    "company": frozenset({"inc", "corp", "ltd", "plc", "llc", "ag", "sa", "gmbh", "nv", "bv", "spa", "ab", "asa"}),
    "firm": frozenset({"inc", "corp", "ltd", "plc", "llc", "ag", "sa", "gmbh", "nv", "bv", "spa", "ab", "asa", "llp"}),
}
# "the ... NOUN": a definite description ending in a common noun.
_DESCRIPTION = re.compile(r"(?i:the|this)\s.*?\b([a-z]+)$")


def _same_head(start: int, head: str, previous: Sequence[Statement]) -> str | None:
    """The speaker of the nearest earlier statement whose speaker phrase has the same head noun, within reach: "the
    office" repeats "Netanyahu's office", not "Jeff Roe, the spokesman for the health office"."""
    for earlier in reversed(previous):
        near = earlier.speaker and earlier.speaker_text and start - earlier.end <= ORG_FALLBACK_DISTANCE
        if near and head_word(earlier.speaker_text or "") == head:
            return earlier.speaker
    return None


def is_body(entity: Entity | None) -> bool:
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
        if earlier.speaker and is_body(entities.get(earlier.speaker)) and start - earlier.end <= ORG_FALLBACK_DISTANCE:
            return earlier.speaker
    named = [m for m in article.mentions if m.entity and m.end <= start and is_body(entities.get(m.entity))]
    return max(named, key=lambda m: m.end).entity if named else None


def name_head(name: str) -> str:
    """The noun a name is of: the word before its first "of" ("Central Bank of Morvia" is a bank, "Ministry of
    Health" a ministry), else its last word ("Kelham Gallery")."""
    words = name.split()
    lowered = [w.lower() for w in words]
    cut = lowered.index("of") if "of" in lowered[1:] else len(words)
    return words[cut - 1].strip(".,'’") if cut > 0 else ""


def _outlets(article: Article, previous: Sequence[Statement]) -> set[str]:
    """The entities an article has heard from as media, or names by a masthead or a medium ("the Aldermark Gazette",
    "Bay Radio"): what a description of anything but an outlet ("the museum", "the club") never is."""
    heard = {s.speaker for s in previous if s.speaker and s.source_type == "media"}
    mastheads = {
        m.entity
        for m in article.mentions
        if m.entity and len(m.text.split()) > 1 and m.text.split()[-1].lower() in MASTHEAD_WORDS | OUTLET_NOUNS
    }
    return heard | mastheads


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
            and (
                (m.label == "ORG" and _noun_stem(name_head(m.text)) == _noun_stem(noun))
                or _called(article, m, noun)
                or m.text.split()[-1].lower().strip(".") in NAME_ENDINGS.get(noun, ())
            )
        ]
        if ending and start - ending[-1].end <= ORG_FALLBACK_DISTANCE:
            return max(ending, key=lambda m: m.end).entity
    for earlier in reversed(previous):
        near = start - earlier.end <= ORG_FALLBACK_DISTANCE
        if earlier.speaker and earlier.source_type in kinds and near and earlier.speaker not in bodies:
            return earlier.speaker
    outlets = _outlets(article, previous) if noun not in OUTLET_NOUNS else set()
    named = [
        m
        for m in article.mentions
        if m.label == "ORG" and m.entity and m.end <= start and m.entity not in bodies and m.entity not in outlets
    ]
    if named and start - named[-1].end <= ORG_FALLBACK_DISTANCE:
        return max(named, key=lambda m: m.end).entity
    return None


# Last words of a name that say what kind of organization it is: "Brandt Sports Group" is no club, "the Kingsmere
# Supporters' Trust" no club either.
KIND_WORDS = COMPANY_NOUNS | {"trust", "fund", "party", "society", "foundation", "partners", "holdings", "capital"}


def of_kind(article: Article, start: int, noun: str) -> str | None:
    """The organization "a club spokesman" or "a hospital spokeswoman" speaks for: the last one named before that the
    article calls by that noun or whose name ends in it ("Northfield General Hospital"), else the last one named
    whose name does not end in the noun of another kind ("Kingsmere Athletic", not "Brandt Sports Group" or "the
    Supporters' Trust" named after it). Unlike "the club", never merely the organization that spoke before."""
    named = sorted(
        (
            m
            for m in article.mentions
            if m.label == "ORG" and m.entity and m.end <= start and start - m.end <= ORG_FALLBACK_DISTANCE
        ),
        key=lambda m: m.end,
    )
    stem = _noun_stem(noun)
    called = [
        m
        for m in named
        if _noun_stem(name_head(m.text)) == stem
        or _called(article, m, noun)
        or m.text.split()[-1].lower().strip(".") in NAME_ENDINGS.get(noun, ())
    ]
    kinds = {_noun_stem(word) for word in KIND_WORDS}
    other = [m for m in named if _noun_stem(m.text.split()[-1].strip(".'’")) not in kinds]
    # "a council spokesman" speaks for a council the article names, never for the club it is about
    found = called if noun in BODY_HEADS else called or other
    return found[-1].entity if found else None


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


# Nouns of a polity or a territory, which a name may end in ("Islamic State", "European Union") without being what
# "the state" or "the city" of a story is.
POLITY_NOUNS = frozenset(
    {"state", "states", "republic", "kingdom", "union", "city", "island", "islands", "county", "province", "region",
     "country", "nation", "emirates", "federation", "territory", "district", "area", "world"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def _head_stem_of_name(name: str) -> str:
    """The folded head noun of a name, once per name: every "the NOUN" speaker that no earlier mention names compares
    its noun with every entity of the corpus."""
    return _noun_stem(name_head(name))


def _by_head_stem(entities: Mapping[str, Entity]) -> dict[str, list[Entity]]:
    """The entities of more than one word that are no person, by the folded head noun of their name, in their order."""
    found: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if entity.type != "PERSON" and len(entity.name.split()) > 1:
            found.setdefault(_head_stem_of_name(entity.name), []).append(entity)
    return found


def _bodies(entities: Mapping[str, Entity]) -> frozenset[str]:
    """The keys of the entities that are public bodies by their names."""
    return frozenset(key for key, entity in entities.items() if is_body(entity))


def by_name_head(article: Article, start: int, noun: str, entities: dict[str, Entity]) -> str | None:
    """The organization or place "the NOUN" names by its own noun: the last one named before in the article whose
    name is of that noun ("The director of the Kelham Gallery ... The gallery denied"), else the one entity of the
    corpus so named that shares a word with a name of this article (a blog naming only "Aldermark" and "the museum":
    the "Aldermark City Museum" of the wire's report)."""
    if noun in POLITY_NOUNS:
        return None  # "the state said" is no "Islamic State"
    stem = _noun_stem(noun)
    named = [
        m
        for m in article.mentions
        if m.entity and m.end <= start and len(m.text.split()) > 1 and _noun_stem(name_head(m.text)) == stem
    ]
    if named:
        return max(named, key=lambda m: m.end).entity
    words = {w.lower() for m in article.mentions for w in m.text.split() if w[:1].isupper()}
    corpus = [
        e for e in indexed(entities, _by_head_stem).get(stem, ()) if words & {w.lower() for w in e.name.split()[:-1]}
    ]
    return corpus[0].id if len(corpus) == 1 else None


def by_description(
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
        bodies = frozenset() if noun in BODY_NOUNS | BODY_HEADS else indexed(entities, _bodies)
        found = _described_org(article, start, previous, noun=noun, bodies=bodies)
        if found is not None and noun in BODY_HEADS - COMPANY_HEADS and not is_body(entities.get(found)):
            # "the labour ministry", "the police" are never a company that spoke before
            return None
        if found is not None:
            return found
    if described is not None and not mentions and noun not in OUTLET_NOUNS:
        # "the gallery", "the museum": the one named so before, in this article or (named nowhere here) in the
        # story's other articles
        found = by_name_head(article, start, noun, entities)
        if found is not None:
            return found
    if described is not None and described.group(1).lower() in OUTLET_NOUNS and not mentions:
        # "As the Chicago Tribune reported ... the paper said", "New York Magazine profiled him ... the magazine
        # describes": the outlet named before
        found = _described_outlet(article, start, described.group(1).lower(), previous)
        if found is not None:
            return found
    return None
