"""Which kind each named mention is, voted across the corpus.

The recogniser tags a name differently from one sentence to the next ("Benfica" a person here, a place there), so
before any grouping the corpus stage (:mod:`crosswire.entities.canonical`) gives every surface form the label most of
its mentions carry, then lets what the text says around one mention override the vote: an organization noun before
it ("the shipping group Maersk"), an outlet noun ("the weekly Harbour Gazette"), a place noun or a preposition of
place, a trade only a person has ("actor Seth Rogen"), a first name the article writes for a person, a company name
written elsewhere with its corporate head noun ("Veridane" of "Veridane Therapeutics"; "Halvex", tagged a
nationality, of "Halvex Chemicals") or its legal form ("Nordhavn" of "Nordhavn AG"), a post only an organization has
after the name ("Velora's founder", "Orvane's chief executive"), a city tagged LOC, a national capital tagged an
organization ("Washington said"), a city tagged an organization where only a place stands ("branches in Limerick",
"winds of 90 mph to Galway"; not after "sold ... to"). The surname tables it builds
(a misspelt surname, the skeleton index) serve the people's clustering too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz
from spacy.tokens import Doc

from crosswire.entities import gazetteer
from crosswire.entities.mentions import plausible_label
from crosswire.entities.names import (
    fold,
    is_acronym,
    parse_person,
    skeleton,
    translit_key,
)
from crosswire.entities.recover import company_stem
from crosswire.model import Article
from crosswire.nlp.spacy_model import load_pipeline

# A surname written alone is a misspelling of a full name's surname in the same article at this similarity.
MISSPELLING_RATIO = 78.0
CORPUS_MISSPELLING_RATIO = 85.0
MIN_SKELETON = 3

# Label priority for ties in the corpus vote (most specific first).
_LABEL_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC")

# An organization noun right before a name, after an article, a possessor, a preposition or a sentence's start and
# its adjectives ("the Islamist militant group ", "of Nigeria’s Islamic extremist group ", "by Danish shipping group ",
# "The dockworkers' union ", "Spanish airline "): the name is an organization's.
_ORG_KIND = (
    r"(?:group|militia|organi[sz]ation|movement|faction|sect|cartel|gang|outfit|union|company|firm|airline|carrier|"
    r"operator|conglomerate|insurer|lender|retailer|manufacturer|carmaker|automaker|drugmaker|chain|federation|"
    r"association|charity|club)"
)
_GROUP_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|of|by|for|with|from|at|to|and|\w+['’]s)\s+|[.!?\n][\"”’]?\s*)(?:[\w'’-]+\s+){0,3}?"
    + _ORG_KIND
    + r"\s+$"
)
# The same noun right after a name that an article opens ("the SEPLA union", "the SEPLA pilots' union", "the Nordhavn
# group").
_GROUP_AFTER = (re.compile(r"\b[Tt]he\s+$"), re.compile(r"^\s+(?:[\w'’-]+\s+)?" + _ORG_KIND + r"\b"))

# An outlet noun right before a name ("the entertainment site TheWrap", "the French website iGen", "the weekly
# Harbour Gazette"): an organization, whatever kind the tagger gave the name.
_OUTLET_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|of|\w+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:website|site|blog|magazine|newspaper|paper|tabloid|daily|weekly|outlet|publication|broadcaster|"
    r"news\s+agency|agency)\s+$"
)
# A place noun before a name ("the town of Bunbury"), somebody's origin ("a teenager from Queens", "The 21-year-old,
# from Bunbury,") or home ("his Bunbury home"): a place, whatever kind the tagger gave the name.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:town|city|village|suburb|borough|district|county|province|region|municipality|mayor|outskirts|suburbs)"
    r"\s+of\s+"
    r"|\b(?:man|woman|boy|girl|teenager|teen|student|immigrants?|natives?|residents?|family|[\w-]+-year-old)"
    r",?\s+from\s+)$"
)
# A trade that only a person has, in lower case right before a name of two or three words ("director Ridley
# Scott", "researcher Rona Peligal", "actor Seth Rogen", any "-ologist"), or set off by a comma ("Brandt's chairman,
# Marcus Hale,"): a person, whatever kind the tagger gave the name, in every article.
_PERSON_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:spokes(?:man|woman|person)|analyst|researcher|professor|actor|actress|singer|rapper|director|"
    r"filmmaker|producer|screenwriter|writer|novelist|author|reporter|journalist|correspondent|columnist|senator|"
    r"congressman|congresswoman|lawyer|attorney|judge|coach|striker|midfielder|goalkeeper|surgeon|scientist|"
    r"economist|chairman|chairwoman|[a-z]+ologist|astronomer|physicist),?\s+$"
)
# A word used as a place where it stands: after a preposition of place or direction ("in Salgado", "from Benfica").
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|outside|around|across|toward|towards)\s+$", re.I)
# Where only a place stands ("branches in Limerick", "near Tralee"), unlike "at" or "from" ("analysts at Nomura", "a
# statement from Shell"); a holding's "in" ("a stake in Toyota") is a company's.
_ONLY_PLACE_BEFORE = re.compile(
    r"(?<!\bstake )(?<!\bstakes )(?<!\bshares )(?<!\bshare )(?<!\binvestment )(?<!\binterest )(?<!\bholding )"
    r"\b(?:in|near|outside|around|across|throughout)\s+$",
    re.I,
)
# "to" before a city the gazetteer knows ("winds of 90 mph to Galway", "fled to Lviv") is a place's, unless a verb of
# selling, losing, moving a player, giving or speaking stands before it in its sentence ("sold their striker to",
# "lost 2-0 to", "spoke to"), where a company, a club or a body stands as often.
_TO_BEFORE = re.compile(r"\bto\s+$")
# The verbs by lemma: any form of them ("sold", "sells", "gone", "spoke") is read as its lemma.
_NOT_MOTION = frozenset(
    {
        "sell", "lose", "fall", "move", "loan", "switch", "transfer", "join", "return", "go", "sign", "trade",
        "merge", "give", "hand", "pay", "owe", "lend", "speak", "talk", "write", "say", "tell", "submit", "apply",
        "report", "beat", "defeat",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")


@cache
def _verb_lemma(word: str) -> str:
    """The lemma of ``word`` read as a verb ("sold" -> "sell", "gone" -> "go"), by the parser's own lemmatizer."""
    nlp = load_pipeline()
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    return str(lemmatizer.rule_lemmatize(Doc(nlp.vocab, words=[word], pos=["VERB"])[0])[0])


def _to_a_place(before: str) -> bool:
    """Whether the text before a name ends in a "to" of motion (see :data:`_NOT_MOTION`) within its sentence."""
    if not _TO_BEFORE.search(before):
        return False
    clause = re.split(r"[.!?;]\s", before)[-1]
    return not any(_verb_lemma(word.lower()) in _NOT_MOTION for word in _WORD.findall(clause))


# A post or a holding only an organization has, after a name in the possessive ("Velora's founder", "Orvane's chief
# financial officer", "Kestrel's shareholders"): the name is an organization's, whatever kind the tagger gave it.
_ORGANIZATION_OWNS = re.compile(
    r"^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:founder|co-founder|chief\s+executive|ceo|cfo|chairman|chairwoman|"
    r"shareholders|headquarters|subsidiary|subsidiaries|board\s+of\s+directors|share\s+price)\b"
)
_HOME_AROUND = (re.compile(r"\b(?:his|her|their|its|my|our)\s+$"), re.compile(r"^\s+(?:home|hometown)\b"))

Ref = tuple[int, int]  # (article position, mention position)


def vote_labels(articles: Sequence[Article]) -> dict[Ref, str]:
    """Each surface form's majority label across the corpus, then the evidence overrides (step 1 of
    :mod:`crosswire.entities.canonical`)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for mention in article.mentions:
            counts[fold(mention.text)][mention.label] += 1
    majority: dict[str, str] = {}
    for key, counter in counts.items():
        best = max(counter.items(), key=lambda kv: (kv[1], -_rank(kv[0])))
        if best[1] * 2 > sum(counter.values()):
            majority[key] = best[0]
    surnames_corpus: set[str] = set()
    surnames_article: dict[int, set[str]] = defaultdict(set)
    firsts_article: dict[int, set[str]] = defaultdict(set)
    for a, article in enumerate(articles):
        for mention in article.mentions:
            if mention.label == "PERSON":
                name = parse_person(mention.text)
                if name.is_full:
                    surnames_corpus.add(name.surname_key)
                    surnames_article[a].add(name.surname_key)
                    firsts_article[a].add(name.first_key)
    named_as_group, named_as_outlet, named_as_place, after_a_trade = _introductions(articles)
    named_as_person = (
        {
            name
            for name in after_a_trade
            if 2 <= len(name.split()) <= 3
            and gazetteer.place(name) is None
            and plausible_label(name, "PERSON") == "PERSON"
        }
        - named_as_outlet
        - named_as_group
    )
    # The outlets that published the corpus are organizations, whatever a dateline "(Eurasia Wire)" looked like.
    outlets = {fold(article.outlet) for article in articles if article.outlet}
    skeletons = skeleton_index(surnames_corpus)
    stems = _company_stems(articles)
    introduced = _Introduced(
        outlets, named_as_group, named_as_outlet, named_as_place, named_as_person, _only_as_place(articles)
    )
    labels: dict[Ref, str] = {}
    for a, article in enumerate(articles):
        placed = _used_as_place(article)
        teams = _sides_of_a_result(article.text)
        org_ends = {fold(m.text.split()[-1]) for m in article.mentions if m.label == "ORG" and len(m.text.split()) >= 2}
        for i, mention in enumerate(article.mentions):
            voted = _introduced_label(mention.text, majority.get(fold(mention.text), mention.label), introduced)
            label = _evidence_label(mention.text, voted, surnames_article[a], surnames_corpus, skeletons)
            if label in {"GPE", "LOC"} and fold(mention.text) in teams and gazetteer.country(mention.text) is None:
                label = "ORG"  # "Leeds beat Norwich 3-1": a city's name standing for its club, in this article
            if (
                label in {"GPE", "LOC"}
                and len(mention.text.split()) == 1
                and translit_key(mention.text) in surnames_article[a]
                and gazetteer.country(mention.text) is None
                and fold(mention.text) not in placed
            ):
                # "Salgado declined" after "Pedro Salgado": a town of that name elsewhere is no place here
                label = "PERSON"
            opening = not article.text[: mention.start].strip() and mention.text.isupper() and len(mention.text) > 3
            if opening and label in {"ORG", "PERSON"} and gazetteer.place(mention.text.title()) is not None:
                label = "GPE"  # a dateline's "MANCHESTER", whatever the tagger made of it
            if (
                label == "PERSON"
                and len(mention.text.split()) == 1
                and fold(mention.text) in org_ends
                and translit_key(mention.text) not in surnames_article[a]
                and not _first_name_here(mention.text, firsts_article[a])
            ):
                label = "ORG"  # "United paid" after "Manchester United": the organization's short name
            if (
                (label in {"PERSON", "NORP"} or (label in {"GPE", "LOC"} and gazetteer.place(mention.text) is None))
                and fold(mention.text) in stems
                and translit_key(mention.text) not in surnames_corpus
                and not _first_name_here(mention.text, firsts_article[a])
            ):
                # "Veridane's chief executive" where the corpus writes "Veridane Therapeutics"; "Halvex denied" tagged
                # a nationality where it writes "Halvex Chemicals"
                label = "ORG"
            if label in {"GPE", "LOC", "ORG", "NORP"} and _first_name_here(mention.text, firsts_article[a]):
                label = "PERSON"  # "Ippei" tagged GPE in an article about "Ippei Mizuhara"
            labels[(a, i)] = label
    return labels


def _company_stems(articles: Sequence[Article]) -> set[str]:
    """Stems (see :func:`company_stem`) of the companies the corpus names, with a legal form's ("Nordhavn" of
    "Nordhavn AG")."""
    return {
        stem
        for article in articles
        for mention in article.mentions
        if mention.label == "ORG" and (stem := company_stem(fold(mention.text), legal_form=True)) is not None
    }


# A match's result between two sides named by capitalised words: "Leeds beat Norwich 3-1", "Norwich drew 1-1 with
# Leeds", "Leeds were beaten 2-0 by Norwich". A place beats no one, so a city's name there stands for its club.
_SIDE = r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})"
_SCORE = r"\d{1,2}-\d{1,2}"
_RESULT = re.compile(
    rf"{_SIDE} (?:beat|defeated|thrashed|edged|overcame|routed|stunned|lost to|fell to|drew with|held) {_SIDE}"
    rf",? {_SCORE}\b"
    rf"|{_SIDE} (?:drew|lost|won|were beaten|was beaten) {_SCORE} (?:with|to|against|at|by) {_SIDE}"
)


def _sides_of_a_result(text: str) -> set[str]:
    """Folded names of the two sides of each match result the text gives (see :data:`_RESULT`)."""
    return {fold(side) for match in _RESULT.finditer(text) for side in match.groups() if side}


def _used_as_place(article: Article) -> set[str]:
    """Folded names that the article writes where a place stands: after "in", "from", "to" ... or in the dateline."""
    placed: set[str] = set()
    for mention in article.mentions:
        before = article.text[max(0, mention.start - 12) : mention.start]
        if _PLACE_PREPOSITION_BEFORE.search(before) or not article.text[: mention.start].strip():
            placed.add(fold(mention.text))
    return placed


@dataclass(frozen=True)
class _Introduced:
    """Folded names by what the corpus shows them to be, whatever the tagger said (see :func:`_introductions`)."""

    outlets: set[str]  # the outlets that published the corpus
    groups: set[str]
    named_outlets: set[str]
    places: set[str]
    people: set[str]
    only_placed: set[str]  # see :func:`_only_as_place`


def _introduced_label(text: str, voted: str, introduced: _Introduced) -> str:
    """The voted label, or what the corpus introduces the name as."""
    key = fold(text)
    if key in introduced.outlets or (voted == "PERSON" and key in introduced.groups):
        return "ORG"
    if voted != "ORG" and key in introduced.named_outlets:
        return "ORG"  # "the entertainment site TheWrap", tagged a person or a place elsewhere
    if voted in {"ORG", "PERSON", "FAC"} and key in introduced.places:
        return "GPE"  # "a teenager from Queens", tagged an organization elsewhere
    if voted == "ORG" and key in introduced.only_placed and not is_acronym(text) and gazetteer.city(text) is not None:
        return "GPE"  # "branches in Limerick": a known city, never written where an organization stands
    if voted != "PERSON" and key in introduced.people:
        return "PERSON"  # "director Ridley Scott", tagged a facility elsewhere
    return voted


def _only_as_place(articles: Sequence[Article]) -> set[str]:
    """Folded one-word names that every article writes only where a place stands (after "in", "near", "outside" ...):
    a city the tagger typed as an organization ("Kestrel Bank's branches in Limerick"), or a city after a "to" of
    motion (:func:`_to_a_place`: "winds of 90 mph to Galway"). A name opening an article is
    no evidence: a club named first ("Napoli, Juventus and AC Milan bid ...") is not a dateline."""
    seen: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    for article in articles:
        for mention in article.mentions:
            if " " in mention.text.strip():
                continue
            key = fold(mention.text)
            seen[key] += 1
            before = article.text[max(0, mention.start - 30) : mention.start]
            if _ONLY_PLACE_BEFORE.search(before) or (
                _to_a_place(article.text[max(0, mention.start - 60) : mention.start])
                and gazetteer.city(mention.text) is not None
            ):
                placed[key] += 1
    return {key for key, count in seen.items() if placed[key] == count}


def _introductions(articles: Sequence[Article]) -> tuple[set[str], set[str], set[str], set[str]]:
    """Folded names that some article introduces as a group ("the militant group Boko Haram", "the drug cartel Los
    Zetas"), as an outlet ("the entertainment site TheWrap"), as a place ("the town of Bunbury", "a teenager from
    Queens", "his Bunbury home") or after a trade only people have ("director Ridley Scott"), in that order: what
    each is, whatever kind the tagger gave the name. One pass over the mentions reads all four."""
    group: set[str] = set()
    outlet: set[str] = set()
    place: set[str] = set()
    person: set[str] = set()
    for article in articles:
        for mention in article.mentions:
            # the text before the name; an article's start reads as a line's
            before = ("\n" if mention.start <= 40 else "") + article.text[max(0, mention.start - 40) : mention.start]
            name = fold(mention.text)
            after = article.text[mention.end : mention.end + 40]
            if (
                _GROUP_BEFORE.search(before)
                or (_GROUP_AFTER[0].search(before) and _GROUP_AFTER[1].match(after))
                or _ORGANIZATION_OWNS.match(after)
            ):
                group.add(name)
            if _OUTLET_BEFORE.search(before):
                outlet.add(name)
            if _PERSON_BEFORE.search(before):
                person.add(name)
            if _PLACE_BEFORE.search(before) or (
                _HOME_AROUND[0].search(before) and _HOME_AROUND[1].match(article.text[mention.end : mention.end + 12])
            ):
                place.add(name)
    return group, outlet, place, person


def _evidence_label(
    text: str,
    voted: str,
    local_surnames: set[str],
    corpus_surnames: set[str],
    corpus_skeletons: dict[str, set[str]] | None = None,
) -> str:
    """Override the voted label where a gazetteer or a full name in the corpus proves it wrong."""
    single = len(text.split()) == 1 and not is_acronym(text)
    if gazetteer.country(text) is not None and (single or voted != "PERSON"):
        return "GPE"
    if voted == "LOC" and gazetteer.large_city(text) is not None:
        return "GPE"  # "in Cardiff" tagged LOC: a large city is a GPE, one entity with its GPE mentions
    if not single:
        return voted
    key = translit_key(text)
    if voted in {"ORG", "NORP", "LOC"} and (key in local_surnames or (key in corpus_surnames and voted == "ORG")):
        return "PERSON"  # "Lavrov" tagged ORG where "Sergei Lavrov" is a person
    if voted == "GPE" and gazetteer.place(text) is None and (key in local_surnames or key in corpus_surnames):
        return "PERSON"  # "Mizuhara" tagged GPE where "Ippei Mizuhara" is a person, and no gazetteer knows the place
    if (
        voted in {"ORG", "NORP", "LOC", "GPE"}
        and gazetteer.place(text) is None
        and misspelt_surname(key, local_surnames)
    ):
        return "PERSON"  # "Mizhurara" in an article about "Ippei Mizuhara"
    written = text.title() if text.isupper() and len(text) > 3 else text  # a dateline's "MANCHESTER"
    if voted == "PERSON" and key not in corpus_surnames and gazetteer.city(written) is not None:
        return "GPE"  # "Kiev" tagged PERSON
    if voted == "ORG" and gazetteer.capital(written) is not None:
        return "GPE"  # "Washington said": a capital speaking for its government
    return voted


def _first_name_here(text: str, firsts: set[str]) -> bool:
    """A single word, unknown as a place, that is the first name of a full PERSON name in the same article."""
    return (
        len(text.split()) == 1
        and not is_acronym(text)
        and translit_key(text) in firsts
        and gazetteer.place(text) is None
        and gazetteer.country(text) is None
    )


def skeleton_index(surnames: Iterable[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        index[skeleton(surname.replace(" ", ""))].add(surname)
    return index


def misspelt_surname(key: str, surnames: Iterable[str], *, corpus: bool = False) -> str | None:
    """The one surname that ``key`` is a misspelling of: in the same article, same first letter and nearly the same
    letters; across the corpus (``corpus``), also the same consonant skeleton and a closer spelling."""
    if len(key) < 5:
        return None
    threshold = CORPUS_MISSPELLING_RATIO if corpus else MISSPELLING_RATIO
    close = {
        surname
        for surname in surnames
        if surname != key
        and surname[:1] == key[:1]
        and fuzz.ratio(surname, key) >= threshold
        and (not corpus or skeleton(surname) == skeleton(key))
    }
    return next(iter(close)) if len(close) == 1 else None


def _rank(label: str) -> int:
    return _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)
