"""Entity mentions in one article: people, organizations, places and nationalities (per-article stage).

The spans come from the shared spaCy parse (:func:`crosswire.nlp.parse.doc_of`); this stage only trims them to the
name itself and fixes what the text or a gazetteer proves wrong, so it adds little over the parse:

- a leading article ("the", "an Academy Award") or sentence adverb ("Hopefully Apple will ..."), a trailing
  possessive ("Joe Biden's", "the White House's", "Business Insider‘s" with an opening quote), a trailing photo credit
  ("Sergei Fadeichev / TASS") and a bracket or quotation mark left open ("Institute of Earth Studies (Ineter",
  "David “Mad Dog") are cut, so the span is the name and its offsets still index ``article.text``;
- a one-word "person" that opens an abbreviated rank ("Rear" of "Rear Adm. John Kirby") is no name;
- a country name tagged PERSON or ORG ("Türkiye") becomes GPE: the gazetteer is the evidence;
- a time-zone abbreviation after a clock time ("8:30 a.m. GMT", tagged ORG) is not an entity and is dropped;
- a possessive inside an institution's or a state's name stays ("People's Republic of China", "Moody's Investors
  Service"); elsewhere the span ends at it ("Dmitriev's Role" -> "Dmitriev");
- two one-word spans the tagger split apart ("Ippei" + "Mizuhara", neither a known place) are one person; an agency
  slug or dateline glued to a name is cut; "Jane Doe and John Roe" as one span is two people;
- type plausibility: a "person" with digits is dropped, one ending in a place or institution noun ("Baltic Sea",
  "Hartley Foundation") takes that type, and a "place" ending in an institution's noun ("West Yorkshire Police",
  "Leeds City Council") is an organization;
- a role noun that only ever stands for a person, opening a span before a person's name ("Challenger Daniel Reyes",
  "Striker Lena Oberg", tagged ORG), is cut: the name alone is a PERSON; an institution's name that opens with such a
  word ("Judge Rotenberg Center", "Coach Leather Goods") is left alone, since its other words are no person's name;
- a company's name of unknown words and a corporate head noun ("Veridane Therapeutics", "Kestrel Holdings") is one
  ORG mention, whether the tagger missed it, kept only its first word or gave it another kind ("Nordwind Bank" a
  place, "Kelvo Appliances" a person): the head noun decides, a listed one or the plural of an English noun after
  coined words (:func:`crosswire.entities.recover.is_company_head`);
- a board, committee, department or panel "of" an organization ("The Board of Governors of the Westmark Reserve
  Bank", "the Audit Committee of Hensley Foods") is that organization's mention, trimmed to its name, so what the
  board says is the organization's; a name whose "of" part is no organization ("International Committee of the Red
  Cross") and a bureau, division, office or unit stay names of their own;
- an institution named in the possessive ("The Alzheimer's Association", "St. Mary's Hospital"), of which the tagger
  kept only the head noun, gets its owner's words back;
- a transcript's speaker label that is a role noun ("ANCHOR:", "PRESENTER:", "REPORTER:") is nobody's name;
- a surname the tagger left untagged after the article named the person in full ("Nuno Carvalho ... Carvalho met
  Berrada") is a PERSON mention too, so events and speakers find the person there; a word that stands in a longer
  capitalised name ("Carvalho Street", "Anna Carvalho") or that a gazetteer knows as a country is left alone.

- a span the tagger cut short or ran on is mended: a person's name stopping at a surname's particle ("Ursula von
  der") runs on over the surname, a sentence's capitalised particles ("Van den Broek") join the surname a person of
  the article bears, a broadcaster's medium or a club's word ("Metro TV", "Kingsbury Town") belongs to the name,
  an amount run into an organization's name ("Lystra Networks 200 million") and a compass word in lower case ("west
  London") are cut, "Devon and Cornwall Police" is one organization, a storm's name ("Storm Elin") is no person,
  and a street ("Mill Lane", "Harrow Road"; "Nathan Lane" is a person: a given name) is a place;
- names the tagger left untagged that the article shows to be names are added (:mod:`crosswire.entities.recover`):
  a name after a courtesy title ("Dame Frances Arlott"), a defined acronym written alone, an institution's head
  noun in capitals ("The Ministry"), an institution's whole name after a live blog's time stamp ("09:02 - The
  Central Bank of Estavia has ..."), a coined word whose shares moved ("Quantaro shares fell"), a company's
  distinctive word ("Halvorsen"), a full name before a surname tagged alone, a dateline's city, a country in the
  possessive or after a preposition of place; a surname written before the full name ("Hollis won ... Margaret
  Hollis") is the person too.

Corrections that need the whole corpus (majority label of a surface form, a surname tagged ORG) happen in the
corpus stage, :mod:`crosswire.entities.canonical`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from crosswire.context import Context
from crosswire.entities import gazetteer, recover
from crosswire.entities.bodies import _BODY, _bodies_of_organizations, _owned_body
from crosswire.entities.mended_spans import (
    _capital_labels,
    _conjunction_ends,
    _named_weather,
    _outlet_or_amount,
    _particle_tails,
)
from crosswire.entities.names import HONORIFICS, fold, is_given_name
from crosswire.entities.recover import CORPORATE_HEADS
from crosswire.entities.roles import ORG_NOUNS, ROLE_HEADS, TITLE_WORDS
from crosswire.model import Article, Mention
from crosswire.nlp.parse import doc_of

# The spaCy labels kept as entity mentions (OntoNotes): people, organizations, places, nationalities, facilities.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# An article, a sentence adverb the tagger ran into the name at a sentence's start ("Hopefully Apple will ...",
# "an Academy Award") or a compass word in lower case ("west London"): no part of the name.
_LEADING = re.compile(
    r"^(?:the|The|THE|a|an|[A-Z][a-z]{2,}(?:fully|ously|edly|ally|ently|ately|ively|antly|ingly)(?:,)?"
    r"|(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?)\s+(?=\S)"
)
# A possessive, also with the opening quotation mark some pages set for an apostrophe ("Business Insider‘s list").
_POSSESSIVE = re.compile(r"(?:'s|’s|‘s|'|’)$")
_CREDIT = re.compile(r"\s+[/|]\s+.*$")
_EDGE_PUNCT = " \t\n\"“”‘’'.,;:!?()[]{}-–—•*"
# A span that runs on past a possessive: "Dmitriev's Role" -> "Dmitriev". The cut is not made where the words after
# the possessive name an institution or a state ("People's Republic of China", "Moody's Investors Service"):
# see :func:`_possessive_is_part_of_name`.
_INNER_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(\S.*)$")
# Head nouns of institutions and states that a possessive may stand inside of.
_NAME_HEADS = ORG_NOUNS | frozenset(
    {
        "republic", "kingdom", "emirates", "federation", "liberation", "front", "movement", "league", "association",
        "foundation", "club", "college", "school", "hospital", "church", "investors", "restaurants", "stores",
        "network", "services", "holdings", "partners", "brothers", "capital", "airlines", "insurance", "magazine",
        "united", "fc", "afc", "rovers", "wanderers", "athletic", "albion", "hotspur",
    }
)  # fmt: skip
# Words that end a place or facility's name, never a person's ("Baltic Sea", "Dodger Stadium").
_PLACE_HEADS = frozenset(
    {
        "sea", "ocean", "river", "lake", "mountain", "mountains", "island", "islands", "bay", "gulf", "strait",
        "coast", "valley", "desert", "peninsula", "stadium", "airport", "street", "avenue", "square", "bridge",
        "park", "station", "region", "province", "county", "district", "oblast", "strip", "bank", "heights",
        "road", "boulevard", "crescent", "terrace", "highway", "motorway",
    }
)  # fmt: skip
# Words that end a street's name and are also surnames: a street's only after a word that is no given name.
_STREET_SURNAMES = frozenset({"lane", "way", "close", "row"})
# Words that end an institution's name and never a place's ("West Yorkshire Police", "Leeds City Council").
_INSTITUTION_HEADS = frozenset(
    {
        "police", "court", "council", "commission", "ministry", "department", "committee", "agency", "party",
        "university", "institute", "bureau", "directorate", "constabulary", "tribunal",
    }
)  # fmt: skip
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
# A bracket or an opening quotation mark the span does not close: the tagger stopped inside an aside or a nickname.
_UNCLOSED = re.compile(r"\s*(?:\([^)]*|“[^”]*|\"[^\"]*)$")
# An abbreviated rank or title right after a one-word "person": "Rear Adm. John Kirby", "Vice Adm. Brad Cooper" --
# the word is part of the title, not a name.
_TITLE_AFTER = re.compile(r"^\s+(?:Adm|Gen|Col|Lt|Sgt|Cmdr|Capt|Maj|Brig|Cpl|Pvt|Rev|Sen|Rep|Gov)\.?\s+[A-Z]")
# "Jane Doe and John Roe" tagged as one ORG or PERSON: two people, each with two or three name words.
_TWO_PEOPLE = re.compile(
    r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})\s+and\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})$"
)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to the name: no article, possessive, photo credit or edge punctuation."""
    span = text[start:end]
    match = _LEADING.match(span)
    if match:
        start += match.end()
        span = text[start:end]
    for pattern in (_CREDIT, _INNER_POSSESSIVE):
        match = pattern.search(span)
        if match and match.start() > 0:
            if pattern is _INNER_POSSESSIVE and _possessive_is_part_of_name(match.group(1)):
                continue
            end = start + match.start()
            span = text[start:end]
    while end > start and text[end - 1] in _EDGE_PUNCT:
        # keep the dot of an abbreviation ("U.S.") but drop a sentence-final one
        if text[end - 1] == "." and re.search(r"(?:^|[\s.])[A-Z]\.$", text[start:end]):
            break
        end -= 1
    opened = _UNCLOSED.search(text[start:end])
    if opened and opened.start() > 0:
        end = start + opened.start()  # "Institute of Earth Studies (Ineter", "David “Mad Dog": the name before it
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start - len(match.group(0)) > 0:
        end -= len(match.group(0))
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    return start, end


def _possessive_is_part_of_name(after: str) -> bool:
    """The words after an inner possessive name an institution or a state, so the possessive is part of the name."""
    words = [w.lower().strip(".,") for w in after.split()]
    return bool(words) and after[:1].isupper() and any(w in _NAME_HEADS for w in words)


def plausible_label(surface: str, label: str, before: str = "") -> str | None:
    """The label a span's own words allow, or None when it cannot be a name of that type.

    A "person" with digits ("Flight 1282") is not a name; a "person" whose last word heads an institution ("Dodgers
    Foundation", "Brightwave Toys") or a place ("Baltic Sea", "Dodger Stadium") is that instead, unless a courtesy
    title or a role stands right ``before`` it ("Mr Alan Park", "Health Secretary Alan Park").
    """
    words = surface.split()
    if label in {"GPE", "LOC"} and len(words) == 1 and words[0].lower().strip(".,") in _PLACE_HEADS:
        return None  # "County clerk Maria Lopez": a place's head noun alone names no place
    if label in {"GPE", "LOC", "NORP"} and len(words) >= 2 and words[-1].lower().strip(".,") in _INSTITUTION_HEADS:
        return "ORG"  # "West Yorkshire Police", "Leeds City Council": an institution of the place, not the place
    if label == "PERSON":
        if any(ch.isdigit() for ch in surface):
            return None
        last = words[-1].lower().strip(".,") if words else ""
        if len(words) >= 2 and _TITLED_BEFORE.search(before):
            return label
        if len(words) >= 2 and last in _PLACE_HEADS:
            return "LOC"
        if len(words) == 2 and last in _STREET_SURNAMES and not is_given_name(words[0]):
            return "LOC"  # "Mill Lane", but "Nathan Lane" is a person
        if len(words) >= 2 and (last in _NAME_HEADS or last in CORPORATE_HEADS):
            return "ORG"
    return label


# A courtesy title ("Mr", "Dr.") or a role noun ("Secretary", "spokeswoman") right before a name: a person's.
_TITLED_BEFORE = re.compile(
    r"(?:^|[\s(\"“])(?:(?:" + "|".join(sorted(HONORIFICS)) + r")\.?|" + "|".join(sorted(ROLE_HEADS)) + r")\s+$",
    re.IGNORECASE,
)


def _wire_slug_cut(text: str, start: int, end: int, label: str) -> int:
    """Start past an agency slug or dateline glued to a person's name: "TASS Seymour Hersh", "LONDON Jane Doe"."""
    if label != "PERSON":
        return start
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) >= 3:
        first = words[0].group(0).strip("/.,:-—–()")
        if (
            len(first) >= 2
            and first.isupper()
            and first.isalpha()
            and all(_NAME_WORD.match(w.group(0)) for w in words[1:])
            and not all(w.group(0).isupper() for w in words[1:])  # a name all in capitals has no slug to tell apart
        ):
            return start + words[1].start()
    return start


def _merge_adjacent(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join two one-word spans the tagger split apart ("Ippei" + "Mizuhara"): one name, a person's.

    Only words that are neither known places nor acronyms, separated by a single space, are joined.
    """
    spans = sorted(spans)
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged:
            start, end, label = merged[-1]
            first, second = text[start:end], text[span[0] : span[1]]
            if (
                text[end : span[0]] == " "
                and label == span[2]
                and all(_NAME_WORD.match(w) and len(w.split()) == 1 and not w.isupper() for w in (first, second))
                and gazetteer.place(first) is None
                and gazetteer.place(second) is None
            ):
                merged[-1] = (start, span[1], "PERSON")
                continue
        merged.append(span)
    return merged


def correct_label(surface: str, label: str, before: str) -> str | None:
    """The label the evidence supports, or None when the span is not an entity (a time zone after a clock time)."""
    if label == "ORG" and gazetteer.is_time_zone(surface, before):
        return None
    if label in {"PERSON", "ORG", "LOC", "FAC", "NORP"} and gazetteer.country(surface) is not None:
        return "GPE"
    return label


# Role nouns that only ever stand for a person, so one opening a tagged span is the person's role, not a part of the
# name: "Challenger Daniel Reyes", "Striker Lena Oberg", "Prosecutor Ana Ruiz". Nouns that also open institutions'
# names ("General Motors", "Chief Executives Board", "Justice Department", "Agent Orange") are left out.
ROLE_PREFIXES = frozenset(
    {
        # politics
        "challenger", "incumbent", "candidate", "nominee", "frontrunner", "front-runner", "contender", "rival",
        "senator", "congressman", "congresswoman", "lawmaker", "legislator", "councillor", "councilor", "mayor",
        "governor", "premier", "chancellor", "minister", "spokesman", "spokeswoman", "spokesperson", "activist",
        "campaigner", "ambassador", "envoy",
        # sport
        "striker", "defender", "midfielder", "goalkeeper", "goalie", "winger", "forward", "quarterback",
        "pitcher", "shortstop", "batsman", "bowler", "sprinter", "swimmer", "cyclist", "driver", "rider", "jockey",
        "boxer", "wrestler", "skater", "skier", "golfer", "captain", "coach", "manager", "referee", "champion",
        "titleholder", "rookie", "veteran", "teammate",
        # courts and policing
        "prosecutor", "defendant", "plaintiff", "claimant", "appellant", "respondent", "witness", "juror", "judge",
        "magistrate", "lawyer", "attorney", "barrister", "solicitor", "detective", "inspector", "sergeant",
        "constable", "sheriff", "suspect",
        # business, science, health, media
        "chairman", "chairwoman", "founder", "co-founder", "investor", "analyst", "economist", "researcher",
        "scientist", "professor", "doctor", "surgeon", "nurse", "physician", "reporter", "correspondent",
        "presenter", "anchor", "host", "columnist", "editor", "author", "actor", "actress", "singer", "rapper",
    }
)  # fmt: skip
# A word of a person's name: capitalised, letters with maybe an apostrophe or hyphen inside ("O'Neill", "Smith-Jones").
_PERSON_WORD = re.compile(r"^[A-Z](?:[a-z]+|['’][A-Z][a-z]+|[a-z]+[A-Z][a-z]+)(?:-[A-Z][a-z]+)*$")


def _looks_like_person(words: list[str]) -> bool:
    """Two or three capitalised name words, none an institution's or a place's head noun, none a known place."""
    return (
        2 <= len(words) <= 3
        and all(_PERSON_WORD.match(w) for w in words)
        and not any(
            w.lower() in _NAME_HEADS
            or w.lower() in _PLACE_HEADS
            or w.lower() in _INSTITUTION_HEADS
            or w.lower() in _TRADE_WORDS
            or w.lower() in ORG_NOUNS
            or w.lower() in _POSSESSIVE_INSTITUTIONS
            or w.lower() in ROLE_PREFIXES
            or w.lower() in _NOT_NAME_WORDS
            for w in words
        )
        and gazetteer.place(" ".join(words)) is None
        and not any(gazetteer.country(w) is not None for w in words)
    )


def _role_prefix_cut(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A role noun opening a span before a person's name ("Challenger Daniel Reyes", tagged ORG): the name alone,
    a PERSON. A courtesy title or honorific the corpus stage strips itself ("President", "Senator" on a PERSON span)
    is left where it is when the span is already a person."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 3:
        return start, end, label
    first = words[0].group(0)
    if not first[:1].isupper() or first.lower() not in ROLE_PREFIXES:
        return start, end, label
    if label == "PERSON" and fold(first) in HONORIFICS:
        return start, end, label
    if not _looks_like_person([w.group(0) for w in words[1:]]):
        return start, end, label
    return start + words[1].start(), end, "PERSON"


# A transcript's speaker label: a line opening with an upper-case word and a colon ("ANCHOR:", "PRESENTER:",
# "REPORTER:"). One that is a role noun names no one.
_TRANSCRIPT_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z-]+):")


def _is_transcript_role_label(text: str, start: int, end: int) -> bool:
    match = _TRANSCRIPT_LABEL.match(text, max(0, start - 1)) if start == 0 or text[start - 1] in "\n \t" else None
    if match is None and start == 0:
        match = _TRANSCRIPT_LABEL.match(text, 0)
    if match is None or match.start(1) != start or match.end(1) != end:
        return False
    word = match.group(1).lower()
    return word in ROLE_PREFIXES or word in ROLE_HEADS


# Words of trade that end companies' names but also common phrases: no person's name ends in one ("Coach Leather
# Goods", "Champion Energy").
_TRADE_WORDS = CORPORATE_HEADS | frozenset(
    {
        "medical", "healthcare", "air", "software", "communications", "automotive", "energy", "mining", "metals",
        "lines", "freight", "insurance", "financial", "finance", "properties", "entertainment", "media", "studios",
        "games", "apparel", "retail", "goods", "technology", "biotechnology", "brands", "products", "resources",
    }
)  # fmt: skip
# Capitalised words opening a sentence that are no part of a company's name ("Our Systems", "Both Airlines").
_NOT_COMPANY_WORDS = frozenset(
    {
        "the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "this", "that", "these", "those",
        "some", "many", "all", "both", "other", "several", "most", "few", "no", "any", "each", "every", "new", "and",
        "or", "but", "if", "when", "as", "at", "in", "on", "for", "by", "with", "from", "to", "of",
    }
)  # fmt: skip
_COMPANY = re.compile(r"(?<![\w’'&+.-])((?:[A-Z][\w&-]+ +){1,3})([A-Z][a-z]+|[A-Z]{2,4})\b")
_NEXT_WORD = re.compile(r" +([A-Z][\w.]*)")


def _company_spans(
    text: str, spans: list[tuple[int, int, str]], others: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Companies' names of unknown words and a corporate head noun (:func:`recover.is_company_head`): a tagged span
    that stops short of the head ("Veridane" of "Veridane Therapeutics") is carried over it, an untagged name is
    added, as ORG (a listed head only: a plural from the lexicon also ends headlines' verbs, "Zelensky Calls for
    Talks"), and a span the tagger gave another kind ("Nordwind Bank" a place) becomes ORG. A leading
    determiner is not part of the name; a name that runs on in another capitalised word ("Kestrel Holdings Tower"),
    one the tagger gave another kind of name (an event, a product, a law: ``others``) and a head before "of"
    ("Capital of Culture") are left alone."""
    out = list(spans)
    for match in _COMPANY.finditer(text):
        name_words = [w for w in match.group(1).split() if w.lower() not in _NOT_COMPANY_WORDS]
        if not recover.is_company_head(match.group(2), name_words):
            continue
        end = match.end(2)
        following = _NEXT_WORD.match(text, end)
        while following and following.group(1).lower().rstrip(".") in CORPORATE_HEADS:
            end = following.end(1)  # "Veridane Therapeutics Inc."
            following = _NEXT_WORD.match(text, end)
        if following or re.match(r" +of\b", text[end : end + 4]):
            continue
        words = list(re.finditer(r"\S+", match.group(1)))
        while words and words[0].group(0).lower() in _NOT_COMPANY_WORDS:
            words.pop(0)
        if not words or words[0].group(0).lower() in CORPORATE_HEADS:
            continue
        if any(w.group(0).lower() in _NOT_NAME_WORDS or w.group(0).lower() in ROLE_HEADS for w in words):
            continue  # "Monday Airlines", "Director Systems": no name word
        start = match.start(1) + words[0].start()
        if any(s < end and start < e for s, e, _ in others):
            continue
        inside = [i for i, (s, e, _) in enumerate(out) if s < end and start < e]
        if any(out[i][0] < start or out[i][1] > end for i in inside):
            continue  # a longer tagged name holds it
        if any(out[i][0] == start and out[i][1] == end for i in inside):
            # the head noun decides the kind, whatever the tagger said ("Nordwind Bank" a place, "Kelvo Appliances"
            # a person), unless the gazetteer knows the whole name as a place
            if gazetteer.place(text[start:end]) is None:
                out = [(s, e, "ORG") if (s, e) == (start, end) else (s, e, lab) for s, e, lab in out]
            continue
        if match.group(2).lower() not in CORPORATE_HEADS:
            continue  # a plural head decides a tagged name's kind only: "Zelensky Calls for ..." in a headline
        out = [span for i, span in enumerate(out) if i not in inside]
        out.append((start, end, "ORG"))
    return sorted(out)


# Institutions named for someone or something in the possessive ("The Alzheimer's Association", "St Mary's
# Hospital", "Boston Children's Hospital"): the tagger often keeps only the head noun.
_POSSESSIVE_INSTITUTIONS = frozenset(
    {
        "association", "foundation", "society", "hospital", "infirmary", "clinic", "institute", "trust", "college",
        "school", "church", "cathedral", "club", "league", "alliance", "federation", "center", "centre", "charity",
        "fund", "academy", "museum", "university",
    }
)  # fmt: skip
_OWNER_BEFORE = re.compile(r"(?<![\w.-])((?:(?:St\.|[A-Z][\w-]*) +){0,3}[A-Z][\w-]*)(?:'s|’s|s'|s’) +$")


def _possessive_institutions(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An institution's head noun tagged alone after "X's" ("Association" of "The Alzheimer's Association") is
    carried back over the owner's words, unless the owner is a place; a span the tagger gave the owner alone goes."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        first = text[start:end].split()[0] if text[start:end].split() else ""
        owner = _OWNER_BEFORE.search(text, max(0, start - 80), start) if label in ENTITY_LABELS else None
        if owner is None or first.lower() not in _POSSESSIVE_INSTITUTIONS or not first[:1].isupper():
            out.append((start, end, label))
            continue
        new_start = owner.start(1)
        owner_words = [w for w in owner.group(1).split() if w.lower() not in _NOT_COMPANY_WORDS]
        if len(text[start:end].split()) > 1 or not owner_words or gazetteer.place(" ".join(owner_words)) is not None:
            # "Nicaragua's Institute of Earth Studies": a name of its own, which a place's possessive only places;
            # only a head noun tagged alone ("Association") lacks the words before it
            out.append((start, end, label))
            continue
        out = [span for span in out if not (new_start < span[1] and span[0] < start)]
        out.append((new_start, end, "ORG"))
    return out


def mentions_from_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Trim and correct raw ``(start, end, label)`` spans into mentions (the part of the stage without spaCy)."""
    mentions: list[Mention] = []
    trimmed: list[tuple[int, int, str]] = []
    spans = list(spans)
    kept = [span for span in spans if span[2] in ENTITY_LABELS]
    others = [span for span in spans if span[2] not in ENTITY_LABELS]
    kept = _capital_labels(
        text, _company_spans(text, _possessive_institutions(text, kept), others), ROLE_PREFIXES | ROLE_HEADS
    )
    for raw_start, raw_end, raw_label in kept:
        if _is_transcript_role_label(text, raw_start, raw_end):
            continue  # "ANCHOR:", "REPORTER:": a speaker's role in a transcript, nobody's name
        start, end = trim_span(text, raw_start, raw_end)
        start, end, raw_label = _role_prefix_cut(text, start, end, raw_label)
        start = _wire_slug_cut(text, start, end, raw_label)
        end, raw_label = _outlet_or_amount(text, start, end, raw_label)
        if start < end and not _named_weather(text, start, end):
            trimmed.append((start, end, raw_label))
    for start, end, raw_label in _split_pairs(
        text, _merge_adjacent(text, _joint_institutions(text, _particle_tails(text, _conjunction_ends(text, trimmed))))
    ):
        surface = text[start:end]
        if not surface or not any(ch.isalpha() for ch in surface):
            continue
        label = correct_label(surface, raw_label, text[max(0, start - 40) : start])
        label = plausible_label(surface, label, text[max(0, start - 30) : start]) if label is not None else None
        if label is None:
            continue
        if label in ("GPE", "LOC") and _masthead(text, start, end):
            label = "ORG"
        if not any(ch.isupper() for ch in surface):
            continue  # names have a capital; all-lower-case spans are parser noise ("un-announced", "paiment")
        if label == "PERSON" and " " not in surface and _TITLE_AFTER.match(text[end : end + 12]):
            continue  # "Rear" of "Rear Adm. John Kirby"
        mentions.append(Mention(start=start, end=end, text=surface, label=label))
    mentions = _untagged_surnames(
        text,
        recover.full_names_of_surnames(
            text, _titled_names(text, _bodies_of_organizations(text, mentions)), ROLE_PREFIXES
        ),
    )
    added = recover.defined_acronyms(text, mentions)
    added += recover.named_heads(text, [*mentions, *added])
    added += recover.untagged_institutions(text, [*mentions, *added])
    added += recover.companies_by_shares(text, [*mentions, *added])
    added += recover.company_stems(text, [*mentions, *added], fold)
    added += recover.dateline_place(text, [*mentions, *added])
    added += recover.untagged_countries(text, [*mentions, *added])
    every = sorted([*mentions, *added], key=lambda m: m.start)
    # "the bank's Monetary Policy Committee", tagged or recovered: the bank's, no organization of its own
    return [
        m
        for i, m in enumerate(every)
        if not (m.label == "ORG" and _BODY.fullmatch(m.text) and _owned_body(text, m, every[:i]))
    ]


# What a newspaper or a site does with a story: "Autoblad reported", "Dagbladet wrote".
_PUBLISHED_AFTER = re.compile(r"\s+(?:reported|reports|wrote|writes|published|publishes|quoted|quotes|revealed)\b")


def _masthead(text: str, start: int, end: int) -> bool:
    """A one-word name no gazetteer knows as a place, that reported or wrote something ("..., Autoblad reported on
    Tuesday"): a masthead, whatever place the tagger took it for. "China reported 300 cases" stays a place."""
    surface = text[start:end]
    return (
        " " not in surface
        and _PUBLISHED_AFTER.match(text, end) is not None
        and gazetteer.place(surface) is None
        and gazetteer.state(surface) is None
    )


def _joint_institutions(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Devon and Cornwall Police" tagged "Devon" + "Cornwall Police": an institution of two places (one of them
    known to the gazetteer), one ORG."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if out and label == "ORG" and text[out[-1][1] : start] == " and ":
            first = text[out[-1][0] : out[-1][1]]
            words = text[start:end].split()
            if (
                len(first.split()) == 1
                and first[:1].isupper()
                and out[-1][2] != "ORG"  # "Apple and Federal Trade Commission" are two
                and 2 <= len(words) <= 3
                and words[-1].lower() in _INSTITUTION_HEADS
                and any(gazetteer.place(w) or gazetteer.state(w) for w in (first, words[0]))
            ):
                out[-1] = (out[-1][0], end, "ORG")
                continue
        out.append((start, end, label))
    return out


# A name of two or three capitalised words (maybe with a surname's particles) right after a role noun, as a title
# ("Labour Minister Ana Ruiz") or set off by a comma ("Rotterdam's mayor, Jan de Vries", "the mayor of Naxos, Giorgos
# Lianos"): the holder of the role.
_PARTICLES = r"(?:de|da|do|dos|del|della|di|du|van|von|der|den|ter|bin|ibn|al|el)"
_TITLED_NAME = re.compile(
    r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,?\s+"
    r"(?P<name>[A-Z][a-z’'-]+(?:(?:\s+" + _PARTICLES + r")*(?:\s+[A-Z][a-z’'-]+){1,2}|\s+[IVX]{1,4}))(?=[\s,.;:)]|$)"
)
_WORD_AT = re.compile(r"\b[A-Za-z-]+\b")
# Capitalised words that are no part of a person's name.
_NOT_NAME_WORDS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "morning",
        "evening", "afternoon", "night", "today", "yesterday", "tomorrow", "the", "and", "but", "said", "says",
        # ranks written short ("Rear Adm. John Kirby")
        "rear", "adm", "gen", "col", "lt", "sgt", "cmdr", "capt", "maj", "brig", "cpl", "pvt", "rev", "sen", "rep",
        "gov",
    }
)  # fmt: skip


def _titled_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names the tagger missed after a role noun (see :data:`_TITLED_NAME`), as PERSON mentions; a title word the
    tagger took for a one-word person ("Labour" of "Labour Minister Ana Ruiz") is dropped for the name."""
    added: list[Mention] = []
    dropped: set[int] = set()
    for word in _WORD_AT.finditer(text):
        honorific = word[0][:1].isupper() and word[0].lower() in HONORIFICS  # "Dame Frances Arlott", "Dr. Ana Ruiz"
        if word[0].lower() not in ROLE_HEADS and not honorific:
            continue
        after = word.end() + 1 if honorific and text[word.end() : word.end() + 1] == "." else word.end()
        match = _TITLED_NAME.match(text, after)
        if match is None:
            continue
        name = match["name"]
        words = name.split()
        if any(
            w.lower() in ROLE_HEADS
            or w.lower() in TITLE_WORDS
            or w.lower() in ORG_NOUNS
            or w.lower() in _NOT_NAME_WORDS
            for w in words
        ):
            continue
        if gazetteer.place(name) is not None or gazetteer.country(words[0]) is not None:
            continue
        start, end = match.start("name"), match.end("name")
        for index, mention in enumerate(mentions):
            if (
                (mention.label == "PERSON" or mention.text.lower() in TITLE_WORDS)
                and " " not in mention.text
                and mention.end < start
                and re.fullmatch(r"\s+" + re.escape(word[0]) + r"\s+", text[mention.end : start])
            ):
                dropped.add(index)  # "Labour" of "Labour Minister Ana Ruiz", "Health" of "Health Secretary ..."
        same = [n for n, m in enumerate(mentions) if (m.start, m.end) == (start, end) and m.label != "PERSON"]
        if same and _looks_like_person(words):
            # "Local councillor Aoife Daly", the name tagged ORG: the role noun says whose name it is.
            mentions[same[0]] = Mention(start=start, end=end, text=name, label="PERSON")
            continue
        if any(m.start < end and start < m.end for m in [*mentions, *added]):
            continue
        added.append(Mention(start=start, end=end, text=name, label="PERSON"))
    kept = [mention for index, mention in enumerate(mentions) if index not in dropped]
    return sorted([*kept, *added], key=lambda m: m.start)


def _untagged_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """The surname of a person named in full, written alone where the tagger saw no name (see module doc)."""
    taken = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    seen: set[str] = set()
    for mention in mentions:
        words = mention.text.split()
        if mention.label != "PERSON" or len(words) < 2:
            continue
        surname = words[-1]
        if surname in seen or not _NAME_WORD.match(surname) or surname.isupper() or len(surname) < 3:
            continue
        seen.add(surname)
        if gazetteer.country(surname) is not None:
            continue
        # before the full name too: a lead may name the person by surname first ("Hollis won the seat. Margaret
        # Hollis, 61, ...")
        for start in _occurrences(text, surname):
            end = start + len(surname)
            if any(s < end and start < e for s, e in taken):
                continue
            before = re.search(r"[‘'\"“(]?(\S+)\s+$", text[max(0, start - 30) : start])
            after = re.match(r"\s+(\S+)", text[end : end + 30])
            if (
                before
                and _NAME_WORD.match(before.group(1))
                and before.group(1).rstrip(".").lower() not in HONORIFICS
                and not before.group(1).endswith((".", ":", "?", "!"))
            ):
                continue  # "Anna Carvalho": another name, not the surname alone
            if after and text[end : end + 1] == " " and _NAME_WORD.match(after.group(1)):
                continue  # "Carvalho Street"
            taken.append((start, end))
            added.append(Mention(start=start, end=end, text=surname, label="PERSON"))
    return sorted([*mentions, *added], key=lambda m: m.start)


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word: not inside another ("Carvalhos"), nor after a dot, an apostrophe or a
    hyphen, nor before a hyphen or a dot that goes on ("Carvalho.com")."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at > 0 else " "
        after = text[end : end + 2]
        if not (before.isalnum() or before in "_.'’-") and not (
            after[:1].isalnum() or after[:1] in "_-" or (after[:1] == "." and after[1:2].isalnum())
        ):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _split_pairs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Jane Doe and John Roe" tagged as one ORG or PERSON span: two PERSON spans."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        match = _TWO_PEOPLE.match(text[start:end]) if label in {"ORG", "PERSON"} else None
        if match and not any(w.lower() in _NAME_HEADS for w in match.group(0).split()):
            out.append((start + match.start(1), start + match.end(1), "PERSON"))
            out.append((start + match.start(2), start + match.end(2), "PERSON"))
        else:
            out.append((start, end, label))
    return out


def spans_of(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if not _capitalised_common_noun(doc, ent)]


def _capitalised_common_noun(doc: Doc, ent: Span) -> bool:
    """A one-word "name" opening its sentence that the tagger reads as a common noun and that the text never writes
    with a capital inside a sentence ("Brain swelling occurred in 14 percent of patients"): a noun capitalised by
    its place, not a name. A company named so ("Target reported ...") is nearly always named again inside a
    sentence, where it keeps its capital."""
    token = doc[ent.start]
    if len(ent) != 1 or not token.is_sent_start or token.tag_ not in {"NN", "NNS"}:
        return False
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    return not any(other.text == token.text and not other.is_sent_start for other in doc)


def find_mentions(article: Article, context: Context) -> None:
    """Fill ``article.mentions`` from the shared parse; ``entity`` ids are set by the corpus stage."""
    if not article.text.strip():
        article.mentions = []
        return
    article.mentions = mentions_from_spans(article.text, spans_of(doc_of(article)))
