"""Names the tagger left untagged that the article itself shows to be names (part of the per-article stage).

Each mechanism takes the article's evidence, never a list of particular names:

- an acronym the text defines after an organization's name ("the Institute for Marine Ecology (IME)", "the
  Maritime Safety Board, or MSB,") is that organization wherever the article writes it alone later ("IME scientists
  warned");
- an institution's head noun in capitals after "the" ("The Ministry did not say", "the Bank's governor") is an
  organization's name when the article names an organization that this noun heads ("Ministry of Defence") or ends
  ("European Commission"); the corpus stage then joins it to that name;
- an institution's whole name the tagger missed, as after a live blog's time stamp ("09:02 - The Central Bank of
  Estavia has raised ..."), is an organization;
- a coined word whose shares moved ("Quantaro shares fell", opening the one sentence naming it) is a company;
- a company's one distinctive word ("Halvorsen" of "Halvorsen Shipping", "Pellucid" of "Pellucid Inc.", "Tallender"
  of "Tallender Bank"; no English adjective: not "Central" of "Central Bank") written alone ("Halvorsen chief
  executive Ingrid Solberg", "Pellucid said") is the company;
- a person's first name before a surname the tagger tagged alone ("sentenced Tunde Okafor" where only "Okafor's
  lawyers" was tagged; "Ana de la Cruz" where only "De la Cruz said" was) makes the full name a person;
- a dateline's city in capitals that the tagger missed ("GENEVA (Reuters) -") is the place the gazetteer knows,
  and so is a country's name in the possessive or after a preposition of place ("Kenya's central bank", "in Chad"),
  and a capital's or a large city's after "in" ("met the president in Accra").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from crosswire.entities import gazetteer, lexicon
from crosswire.entities.names import (
    HONORIFICS,
    SURNAME_PARTICLES,
    is_acronym,
    is_given_name,
    parse_person,
    strip_legal_form,
)
from crosswire.entities.roles import ORG_NOUNS, ROLE_HEADS, TITLE_WORDS
from crosswire.model import Mention

# Corporate head nouns: a capitalised word the tagger does not know followed by one of these is a company's name
# ("Veridane Therapeutics", "Kestrel Holdings", "Nordavia Airlines"), tagged or not. Nouns that also end common
# capitalised phrases ("Renewable Energy", "Social Media", "Olympic Games") are not among them.
CORPORATE_HEADS = frozenset(
    {
        "therapeutics", "pharmaceuticals", "pharma", "biosciences", "biotech", "biologics", "genomics",
        "diagnostics", "holdings", "logistics", "airlines", "airways", "systems", "capital", "technologies",
        "industries", "motors", "petroleum", "chemicals", "laboratories", "labs", "ventures", "investments",
        "securities", "bancorp", "realty", "aerospace", "robotics", "semiconductors", "electronics", "telecom",
        "networks", "shipping", "brewing", "foods", "toys", "partners", "group", "tools", "steel",
        "insurance", "assurance", "bank",
        # legal forms, which may follow another head ("Veridane Therapeutics Inc")
        "inc", "corp", "corporation", "ltd", "plc", "llc", "gmbh",
    }
)  # fmt: skip

# Plurals that end places' and events' names ("Cayman Islands", "Niagara Falls", "Hunger Games"), never a company head.
_NAME_PLURALS = frozenset(
    {
        "islands", "isles", "mountains", "hills", "falls", "springs", "lakes", "heights", "highlands", "lowlands",
        "plains", "rapids", "keys", "woods", "fields", "gardens", "sands", "dunes", "cliffs", "valleys", "rivers",
        "games", "awards", "olympics", "championships", "nations", "states", "times", "wars", "crossings", "parks",
        "towers", "docks", "fens", "moors", "marshes", "glens",
    }
)  # fmt: skip
# Words before "Bank" that make a place of it ("West Bank", "Left Bank"), not a bank.
_SHORE_WORDS = frozenset(
    {"north", "south", "east", "west", "left", "right", "northern", "southern", "eastern", "western"}
)


def is_company_head(word: str, before: list[str]) -> bool:
    """Whether ``word`` ends a company's name after the words ``before`` it: a listed head noun (see
    :data:`CORPORATE_HEADS`), or the plural of an English noun (:mod:`crosswire.entities.lexicon`: "Appliances",
    "Semiconductors") after coined words only, which no dictionary, nicknames list or gazetteer knows ("Kelvo
    Appliances"; not "Olympic Games", "Oliver Banks", "Faroe Islands")."""
    low = word.lower().rstrip(".")
    if not before or (low == "bank" and before[0].lower() in _SHORE_WORDS):
        return False
    if low in CORPORATE_HEADS:
        return True
    return (
        low.endswith("s")
        and low not in _NAME_PLURALS
        and lexicon.singular_noun(low) is not None
        and all(is_coined(name_word) for name_word in before)
    )


@cache
def is_coined(word: str) -> bool:
    """A capitalised word no dictionary, nicknames list or gazetteer knows ("Kelvo", "Halvex"; not "Oliver")."""
    return (
        word[:1].isupper()
        and word[1:].islower()
        and not lexicon.is_english(word)
        and not is_given_name(word)
        and gazetteer.place(word) is None
    )


# An acronym defined right after an organization's name: "Full Name (ACR)" or "Full Name, or ACR".
DEFINED_IN_PARENS = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
DEFINED_WITH_OR = re.compile(r"^,?\s+or\s+(?:the\s+)?([A-Z][A-Z.&]{1,9})\b")

# Capitalised words that open a sentence or stand before a name without being a first name.
_NOT_FIRST_NAMES = frozenset(
    {
        "the", "a", "an", "and", "or", "but", "if", "when", "as", "at", "in", "on", "for", "by", "with", "from", "to",
        "of", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "both", "all",
        "however", "meanwhile", "later", "then", "also", "only", "after", "before", "while", "since", "until",
        "because", "although", "though", "unlike", "like", "dear", "said", "says", "told", "asked", "mr", "mrs", "ms",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
        "yesterday", "tomorrow", "did", "does", "do", "was", "is", "has", "had", "will", "would", "could", "should",
        # ranks written short ("Sgt Okafor")
        "rear", "adm", "gen", "col", "lt", "sgt", "cmdr", "capt", "maj", "brig", "cpl", "pvt", "rev", "sen", "rep",
        "gov", "st", "miss",
        # numbers
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another", "every", "each",
    }
)  # fmt: skip
# A first name's shape: "Tunde", "O'Neill", "Anne-Marie"; not "Ruth's" nor "Sorkin-scripted".
_FIRST_NAME = r"[A-Z](?:[a-zà-öø-ÿ]+|['’][A-Z][a-zà-öø-ÿ]+)(?:-[A-Z][a-zà-öø-ÿ]+)?"
# A preposition of place before a name, maybe with "the": "to the Southwest".
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|to|into|across|throughout|near)\s(?:the\s)?$")


def company_stem(key: str, legal_form: bool = False) -> str | None:
    """The one word a company's folded name opens before its corporate head nouns ("veridane" of "veridane
    therapeutics", "nordavia" of "nordavia airways group", "kelvo" of "kelvo appliances"), or None when the name is
    not of that shape or the word is an English adjective ("central" of "central bank"). With ``legal_form``, also
    the one word a legal form follows ("nordhavn" of "nordhavn ag")."""
    words = strip_legal_form(key).split()  # "shell plc" is Shell's name with its legal form, no stem of it
    if legal_form and len(words) == 1 and len(key.split()) > 1 and not is_acronym(words[0]):
        return words[0] if words[0] not in CORPORATE_HEADS and gazetteer.place(words[0]) is None else None
    if len(words) < 2 or len(words) > 3 or words[0] in CORPORATE_HEADS or gazetteer.place(words[0]) is not None:
        return None
    if lexicon.is_adjective(words[0]):
        return None
    heads = all(is_company_head(word, [words[0].capitalize()]) for word in words[1:])
    return words[0] if heads else None


def _free(mentions: list[Mention], start: int, end: int) -> bool:
    return not any(m.start < end and start < m.end for m in mentions)


def _add_each(
    text: str, mentions: list[Mention], pattern: re.Pattern[str], label: str, after: int = 0, group: int = 0
) -> list[Mention]:
    """Mentions of ``label`` for every match of ``pattern`` from ``after`` on that no mention overlaps."""
    added: list[Mention] = []
    for match in pattern.finditer(text, after):
        start, end = match.start(group), match.end(group)
        if _free([*mentions, *added], start, end):
            added.append(Mention(start=start, end=end, text=text[start:end], label=label))
    return added


def defined_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later uses of an acronym the article defines after an organization's name (see module doc)."""
    added: list[Mention] = []
    for mention in mentions:
        if mention.label != "ORG" or is_acronym(mention.text):
            continue
        after = text[mention.end : mention.end + 40]
        match = DEFINED_IN_PARENS.match(after) or DEFINED_WITH_OR.match(after)
        if match is None or not is_acronym(match.group(1)):
            continue
        pattern = re.compile(rf"(?<![\w.&-]){re.escape(match.group(1))}(?![\w&-])")
        added += _add_each(text, [*mentions, *added], pattern, "ORG", mention.end + match.end(1))
    return added


# Institutions' head nouns that, written alone in capitals, name the one institution of the article they head.
# Left out: nouns that end outlets' names ("Post", "Times") and nouns that alone name another body ("the House" of
# Representatives after "the White House").
HEADS_ALONE = ORG_NOUNS - frozenset(
    {"house", "press", "times", "post", "news", "network", "reuters", "journal", "nations", "forces", "force", "guard"}
)


def named_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "The Ministry", "the Commission" written alone after the article names the one organization it heads or
    ends; where the article names two ("the Ministry of Defence", "the Ministry of Health") it names neither."""
    named: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.label != "ORG" or len(words) < 2 or is_acronym(mention.text):
            continue
        if words[-1].lower() in HEADS_ALONE:
            named.setdefault(words[-1], set()).add(mention.text)
        if len(words) >= 3 and words[1] == "of" and words[0].lower() in HEADS_ALONE:
            named.setdefault(words[0], set()).add(mention.text)
    added: list[Mention] = []
    for head, names in sorted(named.items()):
        if not head[:1].isupper() or head.isupper() or len(names) != 1:
            continue
        pattern = re.compile(rf"\b[Tt]he ({re.escape(head)})(?=(?:'s|’s)?\b)(?! of\b)(?! [A-Z])")
        added += _add_each(text, [*mentions, *added], pattern, "ORG", group=1)
    return added


# Heads of institutions' names the tagger sometimes leaves untagged ("09:02 - The Central Bank of Estavia has ..."),
# without those that also end events' or rooms' names ("Memorial Service", "Oval Office", "Apollo Mission").
_INSTITUTION_HEADS = (HEADS_ALONE | {"board", "federation", "association", "foundation"}) - frozenset(
    {"service", "office", "mission", "house", "party", "group"}
)
_CAP = r"[A-Z][a-z]+"
_WORDS_BEFORE_HEAD = re.compile(rf"(?<![\w.'’&-])((?:{_CAP} ){{1,3}})$")
_OF_PARTS_AFTER_HEAD = re.compile(rf"(?: of (?:the )?{_CAP}(?: {_CAP}){{0,2}}){{0,2}}(?![\w'’&-])")
_INSTITUTION_HEAD_WORDS = tuple(sorted(head.capitalize() for head in _INSTITUTION_HEADS))


def _head_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each institution's head noun written as a whole word (a string search per head: a
    regular expression's alternation costs a pass over every position of every article)."""
    found: list[tuple[int, int, str]] = []
    for word in _INSTITUTION_HEAD_WORDS:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append((at, end, word))
            at = text.find(word, end)
    return sorted(found)


def untagged_institutions(text: str, mentions: list[Mention]) -> list[Mention]:
    """An institution's name the tagger left untagged, as after a live blog's time stamp ("09:02 - The Central Bank
    of Estavia has raised ..."): capitalised words an institution's head noun ends ("Central Bank", "Maritime Safety
    Board") or opens before "of" ("Ministry of Defence"), a leading "The" or weekday aside, no role or title word
    before the head, no capitalised word after it (a longer name, or a headline: "Central Bank Raises Rates"), and no
    mention over any of it. Read from each head noun outside a mention, so an article pays only for those."""
    added: list[Mention] = []
    for head_start, head_end, head in _head_words(text):
        if not _free([*mentions, *added], head_start, head_end) or _NEXT_CAPITAL.match(text, head_end):
            continue
        before = _WORDS_BEFORE_HEAD.search(text, max(0, head_start - 60), head_start)
        words = before.group(1).split() if before is not None else []
        start = before.start(1) if before is not None else head_start
        while words and words[0].lower() in _NOT_FIRST_NAMES:
            start += len(words.pop(0)) + 1
        after = _OF_PARTS_AFTER_HEAD.match(text, head_end)
        end = after.end() if after is not None and after.end() > head_end else head_end
        if text[end : end + 1] in {"'", "’", "&", "-"} or (text[end : end + 1].isalnum()):
            continue  # "Central Bank's": the possessive is read elsewhere
        if not words and end == head_end:
            continue  # "The Bank" alone: see :func:`named_heads`
        if any(word.lower() in ROLE_HEADS | TITLE_WORDS for word in words) or head.lower() in ROLE_HEADS:
            continue
        if _free([*mentions, *added], start, end):
            added.append(Mention(start=start, end=end, text=text[start:end], label="ORG"))
    return added


_NEXT_CAPITAL = re.compile(r" [A-Z]")


# A coined word before a company's shares moving: "Zentrix shares jumped 20 percent".
_SHARES_MOVED = re.compile(
    r"(?<![\w.'’&-])([A-Z][a-z]+) (?:shares|stock|share price) (?:have |had |were |was )?(?:rose|risen|fell|fallen|"
    r"jumped|slid|slipped|climbed|dropped|gained|lost|surged|tumbled|plunged|soared|slumped|sank|rallied|closed|"
    r"opened|ended|traded|hit|edged|dipped|rebounded|recovered|crashed|doubled|halved|are|were|have)\b"
)


def companies_by_shares(text: str, mentions: list[Mention]) -> list[Mention]:
    """A coined word (:func:`is_coined`) whose shares or stock the text says moved ("Zentrix shares jumped", "Quantaro
    shares fell"): a company, even opening the one sentence naming it, which the tagger leaves untagged; not an
    English word ("Tech shares fell"), a given name or a place, nor a word of a person's name in the article."""
    if " shares " not in text and " stock " not in text and " share price " not in text:
        return []
    people = {word for m in mentions if m.label == "PERSON" for word in m.text.split()}
    added: list[Mention] = []
    for match in _SHARES_MOVED.finditer(text):
        start, end, word = match.start(1), match.end(1), match.group(1)
        if word in people or not is_coined(word) or not _free([*mentions, *added], start, end):
            continue
        added.append(Mention(start=start, end=end, text=word, label="ORG"))
    return added


def company_stems(text: str, mentions: list[Mention], fold: Callable[[str], str]) -> list[Mention]:
    """A company's distinctive word written alone ("Halvorsen" of "Halvorsen Shipping"): the company."""
    stems: set[str] = set()
    for mention in mentions:
        if mention.label != "ORG":
            continue
        stem = company_stem(fold(mention.text), legal_form=True)
        first = mention.text.split()[0]
        if stem is not None and fold(first) == stem and first[:1].isupper():
            stems.add(first)
    added: list[Mention] = []
    for stem in sorted(stems):
        if gazetteer.state(stem) is not None:
            continue  # "Alaska" of "Alaska Airlines" is also the state
        pattern = re.compile(rf"(?<![\w.'’&-]){re.escape(stem)}(?![\w&-])(?!\s+[A-Z])")
        found = _add_each(text, [*mentions, *added], pattern, "ORG")
        added += [m for m in found if not _PLACE_PREPOSITION.search(text[max(0, m.start - 16) : m.start])]
    return added


def full_names_of_surnames(
    text: str, mentions: list[Mention], not_first: frozenset[str] = frozenset()
) -> list[Mention]:
    """A first name before a surname the tagger tagged alone: the full name is the person (see module doc). The
    surname's own mention at that place, if any, gives way to the full name. A word opening a sentence counts only
    when it is a known given name; a one-word "surname" that is itself a given name ("Kevin") is none; words in
    ``not_first`` (role nouns) are never first names."""
    out = list(mentions)
    # words of the article's other names ("Dodgers" of "Los Angeles Dodgers"): no one's first name
    other_words = {w for m in mentions if m.label != "PERSON" for w in m.text.split()}
    surnames = {
        m.text
        for m in mentions
        if m.label == "PERSON" and m.text[:1].isupper() and not parse_person(m.text).is_full
        and not (len(m.text.split()) == 1 and is_given_name(m.text))  # "Kevin said": a first name alone
    }  # fmt: skip
    for surname in sorted(surnames):
        written = {surname}
        if surname.split()[0].lower() in SURNAME_PARTICLES:
            written.add(surname[0].swapcase() + surname[1:])  # "De la Cruz said" of "Ana de la Cruz"
        for form in sorted(written):
            for start, end, first in _names_before(text, form):
                if not _could_be_first_name(text, start, first, not_first, other_words):
                    continue
                inside = [m for m in out if m.start < end and start < m.end]
                if any(m.label != "PERSON" or m.start < start or m.end > end for m in inside):
                    continue
                gone = {id(m) for m in inside}
                out = [m for m in out if id(m) not in gone]
                out.append(Mention(start=start, end=end, text=text[start:end], label="PERSON"))
    return sorted(out, key=lambda m: m.start)


_WORD_BEFORE = re.compile(rf"({_FIRST_NAME}) $")


def _names_before(text: str, surname: str) -> list[tuple[int, int, str]]:
    """(start, end, first word) of each "Firstname Surname" in ``text``: a capitalised word right before the
    surname, both whole words."""
    found: list[tuple[int, int, str]] = []
    at = text.find(surname)
    while at >= 0:
        end = at + len(surname)
        whole = end == len(text) or not (text[end].isalnum() or text[end] in "-_")
        before = _WORD_BEFORE.search(text, max(0, at - 40), at) if whole else None
        if (
            before is not None
            and (before.start() == 0 or text[before.start() - 1] not in ".'’-" + "_")
            and not (before.start() > 0 and text[before.start() - 1].isalnum())
        ):
            found.append((before.start(), end, before.group(1)))
        at = text.find(surname, at + 1)
    return found


_OPENING = re.compile(r"(?:[.!?][\"”’)]*\s+|\n\s*|[:;—–-]\s+)[\"“‘(]?$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence or a quotation opens at ``start``."""
    window = text[max(0, start - 12) : start]
    if start <= 12 and not window.strip(' \t\n"“‘('):
        return True
    return _OPENING.search(window) is not None


def _could_be_first_name(text: str, start: int, first: str, not_first: frozenset[str], other_words: set[str]) -> bool:
    """Whether the capitalised word at ``start`` can be a first name (see :func:`full_names_of_surnames`)."""
    low = first.lower()
    if _opens_sentence(text, start) and not is_given_name(first):
        return False
    if low in not_first or first in other_words or low in _NOT_FIRST_NAMES or low in HONORIFICS:
        return False
    if any(part in ROLE_HEADS or part in TITLE_WORDS or part in ORG_NOUNS for part in low.split("-")):
        return False
    return low not in SURNAME_PARTICLES and gazetteer.place(first) is None


_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2})(?=\s*(?:,|\(|-|–|—))")


def dateline_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """The city of a dateline in capitals ("GENEVA (Reuters) -") when the tagger missed it and the gazetteer knows
    it."""
    match = _DATELINE.match(text)
    if match is None or not _free(mentions, match.start(1), match.end(1)):
        return []
    if gazetteer.place(match.group(1).title()) is None:
        return []
    return [Mention(start=match.start(1), end=match.end(1), text=match.group(1), label="GPE")]


# A capitalised name of one to three words in the possessive ("Kenya's"), or after a preposition of place ("in Chad",
# "across the Gambia").
_NAME_WORDS = r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
_POSSESSIVE_NAME = re.compile(rf"(?<![\w.'’-]){_NAME_WORDS}['’]s\b")
_PLACED_NAME = re.compile(rf"\b(?:in|from|to|into|across|throughout|near) (?:the )?{_NAME_WORDS}(?![\w'’-])")


def untagged_countries(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country's name the tagger missed, in the possessive or after a preposition of place (see module doc)."""
    added: list[Mention] = []
    people = {word for m in mentions if m.label == "PERSON" for word in m.text.split()}
    for match in [*_POSSESSIVE_NAME.finditer(text), *_PLACED_NAME.finditer(text)]:
        start, end, name = match.start(1), match.end(1), match.group(1)
        if name in people:
            continue  # "Jordan's" after "Michael Jordan": the person's
        # a city only where the text sets it as a place ("met the president in Accra"): a capital or a large city
        inside = match.group(0).split()[0] in ("in", "near", "across", "throughout", "into")
        city = inside and (gazetteer.capital(name) is not None or gazetteer.large_city(name) is not None)
        if (gazetteer.country(name) is None and not city) or not _free([*mentions, *added], start, end):
            continue
        added.append(Mention(start=start, end=end, text=name, label="GPE"))
    return sorted(added, key=lambda m: m.start)
