"""Canonical entities across the corpus: one entity per person or organization, whatever the spelling.

The corpus stage reads every article's mentions (and text) and:

1. **Corrects labels with corpus evidence** (:mod:`crosswire.entities.labels`). A surface form's label is its
   majority label over all its mentions in the corpus; a single word that is the surname of a full PERSON name
   elsewhere ("Lavrov" tagged ORG, "Bertrand" tagged NORP) is a PERSON, and so is the surname of a full name in the
   same article that a gazetteer knows as a town somewhere ("Salgado declined" after "Pedro Salgado") unless that
   article writes it where a place stands ("in Salgado", or its dateline); a one-word "person" that ends an
   organization's name in the same article ("United" after "Manchester United") is that organization's short name; a
   dateline's all-capitals city ("MANCHESTER", tagged a person or an organization) is the city; a single-word
   "person" that the gazetteer knows as a city ("Kiev") is a place; a "person" some article introduces as a group
   ("the militant group Boko Haram") is an organization; a name some article introduces as an outlet ("the
   entertainment site TheWrap") is an organization, as a place ("the town of Bunbury", "a teenager from Queens", "his
   Bunbury home") a place, and after a trade only people have ("director Ridley Scott", "researcher Rona Peligal") a
   person, whatever kind the tagger gave it; a name whose founder, chief executive or shareholders the text gives
   ("Velora's founder") is an organization, "the mayor of X" makes X a place, a city tagged LOC is a GPE, and a
   national capital tagged an organization ("Washington said") is its place.
2. **Groups mentions by keys, never by comparing all pairs** (:mod:`crosswire.entities.names`):
   organizations by folded name without a legal form ("BP Plc" = "BP"), a one-word name joined to the one longer
   name it ends when an article writes both ("Shell" = "Royal Dutch Shell"), an institution's head noun to the one
   name it opens before "of" ("Bank" = "Bank of England"), a company's name written without its corporate head noun
   to the one name it opens, in any article ("Veridane" = "Veridane Therapeutics", also when tagged a person there
   and no person of that surname is named), and joined to their acronyms when the
   text defines one ("Foreign Intelligence Service,
   or SVR", "National Security Council (NSC)") or when exactly one known name has those initials ("WSJ" = "Wall
   Street Journal"); places by gazetteer entry ("Kiev" = "Kyiv", "Türkiye" = "Turkey"); people by surname
   transliteration key, then by compatible first name (transliteration, nickname, initial) inside that block; two
   surnames written without the first name ("Murillo Karam") join the one longer name that ends so ("Jesús Murillo
   Karam"), which stays the canonical name.
3. **Merges misspellings only with corroboration.** People whose surnames share a consonant skeleton and whose first
   names agree are merged when they hold the same role, or appear in the same article or story with similar
   surnames, or their full names are nearly identical (rapidfuzz); "Jake Salevan" joins "Jake Sullivan" because
   both are the national security adviser.
4. **Attaches surname-only and first-name-only mentions** to the full name in the same article first, then to the
   one full name in the corpus with that surname, then to the one surname they misspell (in the article, or with
   the same consonant skeleton in the corpus), and leaves them alone when that is ambiguous: "Sergei" never joins
   Lavrov, Naryshkin or Ryabkov. A surname or first name the tagger called a place or an organization is a person
   when a full name in the article (or, for a surname, the corpus) carries it and no gazetteer knows the place.
5. **Reads roles** (:mod:`crosswire.entities.roles`) and keeps them per entity, so a role seen once holds everywhere.

Entity ids are ``type:slug-of-canonical-name`` ("person:william-burns"), stable across runs on the same input. An
organization's short form never names it ("Manchester United", not "United"); a place only a dateline names is named
as a sentence would write it ("LEEDS" -> "Leeds").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from crosswire.context import Context
from crosswire.entities import gazetteer
from crosswire.entities.labels import MIN_SKELETON, Ref, misspelt_surname, skeleton_index, vote_labels
from crosswire.entities.names import (
    HONORIFICS,
    PersonName,
    first_names_compatible,
    fold,
    formal_first_names,
    initials,
    is_acronym,
    parse_person,
    skeleton,
    slug,
    strip_legal_form,
    translit_key,
)
from crosswire.entities.recover import DEFINED_IN_PARENS, DEFINED_WITH_OR, company_stem
from crosswire.entities.roles import ORG_NOUNS, find_roles
from crosswire.model import Article, Dossier, Entity

# Misspelling merges: how similar surnames must be when the only corroboration is a shared article or story, and
# how similar full names must be to merge without any other corroboration.
SAME_ARTICLE_SURNAME_RATIO = 75.0
UNCORROBORATED_NAME_RATIO = 92.0
FIRST_NAME_SPELLING_RATIO = 90.0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Cluster:
    type: str
    refs: list[Ref] = field(default_factory=list)
    name: str = ""


@dataclass
class Canonicalization:
    """What the corpus stage produced: entities, and for each mention (article, index) its entity id."""

    entities: list[Entity]
    entity_of: dict[Ref, str]
    labels: dict[Ref, str]


# --- 2. organizations and places --------------------------------------------------------------------------------


def _acronym_definitions(articles: Sequence[Article], labels: dict[Ref, str]) -> dict[str, str]:
    """Acronym -> folded full name, from "Full Name (ACR)" and "Full Name, or ACR" in the text (majority)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for a, article in enumerate(articles):
        for i, mention in enumerate(article.mentions):
            if labels[(a, i)] != "ORG" or is_acronym(mention.text):
                continue
            after = article.text[mention.end : mention.end + 40]
            match = DEFINED_IN_PARENS.match(after) or DEFINED_WITH_OR.match(after)
            if match and is_acronym(match.group(1)):
                seen[match.group(1).replace(".", "")][fold(mention.text)] += 1
    return {acr: counter.most_common(1)[0][0] for acr, counter in seen.items()}


# Legal forms after a company's name: "Royal Dutch Shell Plc", "Example Corp.", "Beispiel GmbH".
def _org_key(text: str) -> str:
    return fold(re.sub(r"^(?:the|The)\s+", "", strip_legal_form(text)))


def _org_text_key(text: str) -> str:
    """The key an organization's written name is grouped under: its acronym, or its folded name."""
    text = strip_legal_form(text)
    return text.replace(".", "") if is_acronym(text) else _org_key(text)


def _cluster_orgs(
    articles: Sequence[Article], labels: dict[Ref, str], refs: list[Ref], defined: dict[str, str]
) -> dict[str, _Cluster]:
    union = _UnionFind()
    by_key: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        key = _org_text_key(articles[ref[0]].mentions[ref[1]].text)
        by_key[key].append(ref)
    _attach_generic_heads(by_key)
    for key in by_key:
        union.find(key)
    _join_short_forms(by_key, union)
    full_keys = [k for k in by_key if not is_acronym(k)]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in full_keys:
        if len(key.split()) >= 2:
            by_initials[initials(key)].add(key)
    for key in by_key:
        if not is_acronym(key):
            continue
        if key in defined and defined[key] in by_key:
            union.union(key, defined[key])
        elif len(by_initials.get(key, ())) == 1:
            union.union(key, next(iter(by_initials[key])))
    clusters: dict[str, _Cluster] = {}
    for key, members in by_key.items():
        root = union.find(key)
        cluster = clusters.setdefault(root, _Cluster("ORG"))
        cluster.refs.extend(members)
    return clusters


def _attach_generic_heads(by_key: dict[str, list[Ref]]) -> None:
    """An institution's head noun written alone ("the Commission said") is, in each article, the one name of that
    article it ends ("the European Commission"). Article by article, because the corpus may hold several ("the Data
    Protection Commission" elsewhere); where an article names none or several (one it ends, one it opens: "the
    European Central Bank", "the Bank of England"), the word stays a name of its own for the joins that follow."""
    named: dict[tuple[int, str], set[str]] = defaultdict(set)  # the names each head ends or opens, by article
    for key, refs in by_key.items():
        words = key.split()
        if len(words) < 2 or is_acronym(key):
            continue
        heads = {words[-1]} | ({words[0]} if len(words) >= 3 and words[1] == "of" else set())
        for article, _ in refs:
            for head in heads & ORG_NOUNS:
                named[(article, head)].add(key)
    for key in [k for k in by_key if k in ORG_NOUNS]:
        kept: list[Ref] = []
        for ref in by_key[key]:
            names = named.get((ref[0], key), set())
            if len(names) == 1 and next(iter(names)).split()[-1] == key:
                by_key[next(iter(names))].append(ref)
            else:
                kept.append(ref)
        if kept:
            by_key[key] = kept
        else:
            del by_key[key]


def _join_short_forms(by_key: dict[str, list[Ref]], union: _UnionFind) -> None:
    """A one-word name joins the one longer name it ends ("Shell" = "Royal Dutch Shell") when both are written in
    one article. A generic head ("Service", "Journal") or a word ending several names is never joined that way; a
    generic head joins the one name it opens before "of" ("Bank" = "Bank of England", "Court" = "Court of
    Appeal") when both are written in one article. A company's stem joins the one company name it opens before
    corporate head nouns ("Veridane" = "Veridane Therapeutics", see :func:`company_stem`) in any article: such a
    name is made of a word nobody else uses."""
    longer: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        words = key.split()
        if len(words) >= 2 and not is_acronym(key):
            longer[words[-1]].append(key)
    headed: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        words = key.split()
        if len(words) >= 3 and words[1] == "of" and not is_acronym(key):
            headed[words[0]].append(key)
    opened: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        stem = company_stem(key)
        if stem is not None:
            opened[stem].append(key)
    for key, refs in by_key.items():
        if len(key.split()) != 1 or is_acronym(key):
            continue
        if len(opened.get(key, [])) == 1:
            # "Veridane" and "Veridane Therapeutics": a company's name written without its head noun, in any article
            union.union(key, opened[key][0])
            continue
        # "the Bank's governor" after "the Bank of England": an institution's head noun written alone is the one
        # name it heads in the same article
        candidates = headed.get(key, []) if key in ORG_NOUNS else longer.get(key, [])
        if len(candidates) != 1:
            continue
        full = candidates[0]
        if {a for a, _ in refs} & {a for a, _ in by_key[full]}:
            union.union(key, full)


def _cluster_by_key(
    articles: Sequence[Article], labels: dict[Ref, str], refs: Iterable[Ref], place: bool
) -> dict[str, _Cluster]:
    clusters: dict[str, _Cluster] = {}
    for ref in refs:
        text = articles[ref[0]].mentions[ref[1]].text
        if text.isupper() and len(text) > 3:
            text = text.title()  # a dateline's "MOSCOW" is Moscow; short all-caps forms ("UK", "USA") stay as they are
        found = gazetteer.region_or_place(text) if place else None
        key = f"{labels[ref]}:{found.kind}:{found.code}" if found else f"{labels[ref]}:{_org_key(text)}"
        cluster = clusters.setdefault(key, _Cluster(labels[ref]))
        cluster.refs.append(ref)
        if found and (found.kind == "country" or fold(found.name) != fold(text)):
            cluster.name = found.name  # a country's English name, or a city's current name ("Kiev" -> "Kyiv")
    return clusters


# --- 4. people --------------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Person:
    surname_key: str
    first: str
    first_key: str
    refs: list[Ref] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    merged_into: _Person | None = None

    def root(self) -> _Person:
        person = self
        while person.merged_into is not None:
            person = person.merged_into
        return person

    def absorb(self, other: _Person) -> None:
        other = other.root()
        if other is self:
            return
        other.merged_into = self
        self.refs.extend(other.refs)
        self.names.update(other.names)
        self.roles |= other.roles
        self.articles |= other.articles
        self.stories |= other.stories


def _first_group(first: str, groups: list[_Person]) -> _Person | None:
    """The one group whose first name ``first`` can be (same, variant, nickname, initial), or None if 0 or 2+."""
    exact = [g for g in groups if g.first_key == translit_key(first)]
    if exact:
        return exact[0]
    matches = [
        g
        for g in groups
        if first_names_compatible(first, g.first) or fuzz.ratio(fold(first), fold(g.first)) >= FIRST_NAME_SPELLING_RATIO
    ]
    return matches[0] if len(matches) == 1 else None


def _cluster_people(
    articles: Sequence[Article], refs: list[Ref], roles_of: dict[Ref, set[str]]
) -> tuple[list[_Person], dict[Ref, _Person]]:
    parsed: dict[Ref, PersonName] = {ref: parse_person(articles[ref[0]].mentions[ref[1]].text) for ref in refs}
    full = [ref for ref in refs if parsed[ref].is_full]
    # Block by surname key; inside a block, formal first names first so nicknames find them.
    blocks: dict[str, list[Ref]] = defaultdict(list)
    for ref in full:
        blocks[parsed[ref].surname_key].append(ref)
    people: list[_Person] = []
    person_of: dict[Ref, _Person] = {}
    for surname_key in sorted(blocks):
        block = blocks[surname_key]
        firsts = sorted({parsed[r].first for r in block}, key=lambda f: (bool(formal_first_names(f)), -len(f), f))
        groups: list[_Person] = []
        group_of_first: dict[str, _Person] = {}
        for first in firsts:
            group = _first_group(first, groups)
            if group is None:
                group = _Person(surname_key, first, translit_key(first))
                groups.append(group)
            group_of_first[first] = group
        for ref in block:
            person = group_of_first[parsed[ref].first]
            _add(person, ref, articles, roles_of)
            person_of[ref] = person
        _join_compound_surnames(groups)
        people.extend(groups)
    _merge_misspellings(people)
    # Surname-only and first-name-only mentions.
    in_article: dict[int, list[_Person]] = defaultdict(list)
    by_surname: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        for a in sorted(person.articles):
            in_article[a].append(person)
    for person in people:
        if person.merged_into is None:
            by_surname[person.surname_key].append(person)
    skeletons = skeleton_index(by_surname)
    singles: dict[str, _Person] = {}
    for ref in refs:
        if parsed[ref].is_full:
            continue
        key = parsed[ref].surname_key
        local = {p.root() for p in in_article[ref[0]]}
        target = _unique(p for p in local if p.surname_key == key or _surname_matches(p, key))
        if target is None:
            target = _unique(p for p in local if p.first_key == key)
        if target is None:
            target = _unique(p for p in by_surname.get(key, ()) if p.merged_into is None)
        if target is None:
            misspelt = misspelt_surname(key, {p.surname_key for p in local})
            target = _unique(p for p in local if p.surname_key == misspelt) if misspelt else None
        if target is None:
            misspelt = misspelt_surname(key, skeletons.get(skeleton(key.replace(" ", "")), ()), corpus=True)
            target = _unique(p for p in by_surname.get(misspelt, ()) if p.merged_into is None) if misspelt else None
        if target is None:
            target = singles.setdefault(key, _Person(key, "", ""))
        _add(target, ref, articles, roles_of)
        person_of[ref] = target
    people.extend(singles.values())
    return [p for p in people if p.merged_into is None], {ref: p.root() for ref, p in person_of.items()}


def _join_compound_surnames(groups: list[_Person]) -> None:
    """Spanish and Portuguese names carry two surnames, and a second mention often drops the first name: "Murillo
    Karam" is "Jesús Murillo Karam", "Pereira Santos" is "Ana Lúcia Pereira Santos". A group of one surname block
    whose names all have two words joins the one other group that writes its first word as the second-to-last word
    of a longer name."""
    for group in groups:
        if not group.names or any(len(_name_words(name)) != 2 for name in group.names):
            continue
        first = fold(_name_words(next(iter(group.names)))[0])
        hosts = {
            other.root()
            for other in groups
            if other is not group
            and any(len(words) >= 3 and fold(words[-2]) == first for words in map(_name_words, other.names))
        }
        if len(hosts) == 1:
            hosts.pop().absorb(group)


def _name_words(name: str) -> list[str]:
    words = name.split()
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words = words[1:]
    return words


def _surname_matches(person: _Person, key: str) -> bool:
    return any(parse_person(name).surname_key == key for name in person.names)


def _unique(people: Iterable[_Person]) -> _Person | None:
    found = {id(p): p for p in people}
    return next(iter(found.values())) if len(found) == 1 else None


def _add(person: _Person, ref: Ref, articles: Sequence[Article], roles_of: dict[Ref, set[str]]) -> None:
    person = person.root()
    person.refs.append(ref)
    person.names[articles[ref[0]].mentions[ref[1]].text] += 1
    person.roles |= roles_of.get(ref, set())
    person.articles.add(ref[0])
    story = articles[ref[0]].story
    if story:
        person.stories.add(story)


def _merge_misspellings(people: list[_Person]) -> None:
    """Merge people whose names differ by a misspelling, blocked by surname skeleton, only with corroboration."""
    blocks: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        key = skeleton(person.surname_key.replace(" ", ""))
        if len(key) >= MIN_SKELETON:
            blocks[key].append(person)
    for block in blocks.values():
        if len(block) < 2:
            continue
        block.sort(key=lambda p: (-sum(p.names.values()), p.surname_key, p.first))
        for i, keep in enumerate(block):
            for other in block[i + 1 :]:
                a, b = keep.root(), other.root()
                if a is b or a.surname_key == b.surname_key:
                    continue
                if _corroborated(a, b):
                    a.absorb(b)


def _corroborated(a: _Person, b: _Person) -> bool:
    if not (first_names_compatible(a.first, b.first) or fuzz.ratio(fold(a.first), fold(b.first)) >= 90):
        return False
    surname_ratio = fuzz.ratio(a.surname_key, b.surname_key)
    if a.roles & b.roles:
        return True
    if (a.articles & b.articles or a.stories & b.stories) and surname_ratio >= SAME_ARTICLE_SURNAME_RATIO:
        return True
    name_a = f"{a.first_key} {a.surname_key}"
    name_b = f"{b.first_key} {b.surname_key}"
    return fuzz.ratio(name_a, name_b) >= UNCORROBORATED_NAME_RATIO


# --- 5. entities ------------------------------------------------------------------------------------------------


def _person_name(person: _Person) -> str:
    """The canonical name: a full name with a formal first name, most frequent, then longest."""
    candidates = [n for n in person.names if parse_person(n).is_full] or list(person.names)

    def score(name: str) -> tuple[int, int, int, int, str]:
        parsed = parse_person(name)
        nickname = 1 if parsed.first and formal_first_names(parsed.first) - {fold(parsed.first)} else 0
        # "Murillo Karam" is the end of "Jesús Murillo Karam": two surnames without the first name
        shortened = 1 if any(other.endswith(" " + name) for other in candidates) else 0
        return (shortened, nickname, -person.names[name], -len(name), name)

    return min(candidates, key=score)


def _org_name(cluster: _Cluster, articles: Sequence[Article]) -> str:
    texts = Counter(articles[a].mentions[i].text for a, i in cluster.refs)
    full = [t for t in texts if not is_acronym(t)] or list(texts)
    if cluster.type == "ORG":
        # "United" after "Manchester United", "Veridane" of "Veridane Therapeutics": a short form ending a longer
        # name, or opening a company's name before its head noun, never names the cluster
        longer = [
            t
            for t in full
            if not any(
                o != t and (o.endswith(" " + t) or (o.startswith(t + " ") and company_stem(fold(o)) == fold(t)))
                for o in full
            )
        ]
        full = longer or full
    if cluster.type in {"GPE", "LOC"}:
        # a dateline's "LEEDS" is Leeds: the name as a sentence writes it, if any does
        written = [t for t in full if not (t.isupper() and len(t) > 3)]
        if not written:
            return min(full, key=lambda t: (-texts[t], -len(t), t)).title()
        full = written
    return min(full, key=lambda t: (-texts[t], -len(t), t))


def canonicalize(articles: Sequence[Article]) -> Canonicalization:
    """Entities for the mentions of ``articles`` (which are not changed); see the module docstring."""
    labels = vote_labels(articles)
    by_type: dict[str, list[Ref]] = defaultdict(list)
    for ref, label in labels.items():
        by_type[label].append(ref)
    defined = _acronym_definitions(articles, labels)
    clusters: list[_Cluster] = list(_cluster_orgs(articles, labels, by_type.get("ORG", []), defined).values())
    for cluster in clusters:
        cluster.name = _org_name(cluster, articles)
    org_lookup: dict[str, str] = {}
    for cluster in clusters:
        for a, i in cluster.refs:
            org_lookup.setdefault(_org_text_key(articles[a].mentions[i].text), cluster.name)
    for acronym, full_key in defined.items():
        if full_key in org_lookup:
            org_lookup.setdefault(acronym, org_lookup[full_key])
    org_words = frozenset(word for key in org_lookup for word in key.split() if not is_acronym(word))

    def lookup(text: str) -> str | None:
        compact = text.replace(".", "")
        return org_lookup.get(compact) if is_acronym(text) else org_lookup.get(_org_text_key(text))

    roles_of: dict[Ref, set[str]] = defaultdict(set)
    for a, article in enumerate(articles):
        relabelled = [
            m.model_copy(update={"label": labels[(a, i)]}) if m.label != labels[(a, i)] else m
            for i, m in enumerate(article.mentions)
        ]
        for finding in find_roles(article.text, relabelled, lookup, org_words):
            roles_of[(a, finding.mention_index)].add(finding.role)

    people, _ = _cluster_people(articles, by_type.get("PERSON", []), roles_of)
    places = [ref for t in ("GPE", "LOC") for ref in by_type.get(t, [])]
    clusters.extend(_cluster_by_key(articles, labels, places, place=True).values())
    others = [ref for t, refs in by_type.items() if t not in {"PERSON", "ORG", "GPE", "LOC"} for ref in refs]
    clusters.extend(_cluster_by_key(articles, labels, others, place=False).values())
    for cluster in clusters:
        if not cluster.name:
            cluster.name = _org_name(cluster, articles)
    for person in people:
        clusters.append(_Cluster("PERSON", list(person.refs), _person_name(person)))
    return _entities(articles, clusters, labels, roles_of)


def _entities(
    articles: Sequence[Article], clusters: list[_Cluster], labels: dict[Ref, str], roles_of: dict[Ref, set[str]]
) -> Canonicalization:
    entities: list[Entity] = []
    entity_of: dict[Ref, str] = {}
    taken: set[str] = set()
    ordered = sorted(clusters, key=lambda c: (c.type, slug(c.name), min(c.refs)))
    for cluster in ordered:
        base = f"{cluster.type.lower()}:{slug(cluster.name)}"
        entity_id, n = base, 1
        while entity_id in taken:
            n += 1
            entity_id = f"{base}-{n}"
        taken.add(entity_id)
        refs = sorted(cluster.refs)
        aliases = Counter(articles[a].mentions[i].text for a, i in refs)
        roles: Counter[str] = Counter()
        for ref in refs:
            roles.update(roles_of.get(ref, ()))
        article_ids = list(dict.fromkeys(articles[a].id for a, _ in refs))
        entities.append(
            Entity(
                id=entity_id,
                name=cluster.name,
                type=cluster.type,
                aliases=sorted(aliases, key=lambda t: (-aliases[t], t)),
                roles=sorted(roles, key=lambda r: (-roles[r], r)),
                articles=article_ids,
                mention_count=len(refs),
            )
        )
        for ref in refs:
            entity_of[ref] = entity_id
    entities.sort(key=lambda e: (-e.mention_count, e.type, e.name))
    return Canonicalization(entities, entity_of, labels)


def canonicalize_entities(dossier: Dossier, context: Context | None = None) -> None:
    """Fill ``dossier.entities`` and set each mention's ``entity`` and corrected ``label`` (corpus stage)."""
    result = canonicalize(dossier.articles)
    for a, article in enumerate(dossier.articles):
        for i, mention in enumerate(article.mentions):
            mention.label = result.labels[(a, i)]
            mention.entity = result.entity_of.get((a, i))
    dossier.entities = result.entities
