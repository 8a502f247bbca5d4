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
- a surname the tagger left untagged after the article named the person in full ("Nuno Carvalho ... Carvalho met
  Berrada") is a PERSON mention too, so events and speakers find the person there; a word that stands in a longer
  capitalised name ("Carvalho Street", "Anna Carvalho") or that a gazetteer knows as a country is left alone.

Corrections that need the whole corpus (majority label of a surface form, a surname tagged ORG) happen in the
corpus stage, :mod:`crosswire.entities.canonical`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from crosswire.context import Context
from crosswire.entities import gazetteer
from crosswire.entities.names import HONORIFICS
from crosswire.entities.roles import ORG_NOUNS, ROLE_HEADS, TITLE_WORDS
from crosswire.model import Article, Mention
from crosswire.nlp.parse import doc_of

# The spaCy labels kept as entity mentions (OntoNotes): people, organizations, places, nationalities, facilities.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# An article, or a sentence adverb the tagger ran into the name at a sentence's start ("Hopefully Apple will ...",
# "an Academy Award"): no part of the name.
_LEADING = re.compile(
    r"^(?:the|The|THE|a|an|[A-Z][a-z]{2,}(?:fully|ously|edly|ally|ently|ately|ively|antly|ingly)(?:,)?)\s+(?=\S)"
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
    }
)  # fmt: skip
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


def plausible_label(surface: str, label: str) -> str | None:
    """The label a span's own words allow, or None when it cannot be a name of that type.

    A "person" with digits ("Flight 1282") is not a name; a "person" whose last word heads an institution ("Dodgers
    Foundation") or a place ("Baltic Sea", "Dodger Stadium") is that instead.
    """
    words = surface.split()
    if label in {"GPE", "LOC", "NORP"} and len(words) >= 2 and words[-1].lower().strip(".,") in _INSTITUTION_HEADS:
        return "ORG"  # "West Yorkshire Police", "Leeds City Council": an institution of the place, not the place
    if label == "PERSON":
        if any(ch.isdigit() for ch in surface):
            return None
        last = words[-1].lower().strip(".,") if words else ""
        if len(words) >= 2 and last in _PLACE_HEADS:
            return "LOC"
        if len(words) >= 2 and last in _NAME_HEADS:
            return "ORG"
    return label


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


def mentions_from_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Trim and correct raw ``(start, end, label)`` spans into mentions (the part of the stage without spaCy)."""
    mentions: list[Mention] = []
    trimmed: list[tuple[int, int, str]] = []
    for raw_start, raw_end, raw_label in spans:
        if raw_label not in ENTITY_LABELS:
            continue
        start, end = trim_span(text, raw_start, raw_end)
        start = _wire_slug_cut(text, start, end, raw_label)
        if start < end:
            trimmed.append((start, end, raw_label))
    for start, end, raw_label in _split_pairs(text, _merge_adjacent(text, trimmed)):
        surface = text[start:end]
        if not surface or not any(ch.isalpha() for ch in surface):
            continue
        label = correct_label(surface, raw_label, text[max(0, start - 40) : start])
        label = plausible_label(surface, label) if label is not None else None
        if label is None:
            continue
        if not any(ch.isupper() for ch in surface):
            continue  # names have a capital; all-lower-case spans are parser noise ("un-announced", "paiment")
        if label == "PERSON" and " " not in surface and _TITLE_AFTER.match(text[end : end + 12]):
            continue  # "Rear" of "Rear Adm. John Kirby"
        mentions.append(Mention(start=start, end=end, text=surface, label=label))
    return _untagged_surnames(text, _titled_names(text, mentions))


# A name of two or three capitalised words (maybe with a surname's particles) right after a role noun, as a title
# ("Labour Minister Ana Ruiz") or set off by a comma ("Rotterdam's mayor, Jan de Vries", "the mayor of Naxos, Giorgos
# Lianos"): the holder of the role.
_PARTICLES = r"(?:de|da|do|dos|del|della|di|du|van|von|der|den|ter|bin|ibn|al|el)"
_TITLED_NAME = re.compile(
    r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,?\s+"
    r"(?P<name>[A-Z][a-z’'-]+(?:\s+" + _PARTICLES + r")*(?:\s+[A-Z][a-z’'-]+){1,2})(?=[\s,.;:)]|$)"
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
        if word[0].lower() not in ROLE_HEADS:
            continue
        match = _TITLED_NAME.match(text, word.end())
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
        if any(m.start < end and start < m.end for m in [*mentions, *added]):
            continue
        for index, mention in enumerate(mentions):
            if (
                mention.label == "PERSON"
                and " " not in mention.text
                and mention.end < start
                and re.fullmatch(r"\s+" + re.escape(word[0]) + r"\s+", text[mention.end : start])
            ):
                dropped.add(index)  # "Labour" of "Labour Minister Ana Ruiz"
        added.append(Mention(start=start, end=end, text=name, label="PERSON"))
    kept = [mention for index, mention in enumerate(mentions) if index not in dropped]
    return sorted([*kept, *added], key=lambda m: m.start)


def _untagged_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """The surname of a person named in full, written alone later where the tagger saw no name (see module doc)."""
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
        for match in re.finditer(rf"(?<![\w.'’-]){re.escape(surname)}(?![\w-]|\.\w)", text[mention.end :]):
            start, end = mention.end + match.start(), mention.end + match.end()
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
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def find_mentions(article: Article, context: Context) -> None:
    """Fill ``article.mentions`` from the shared parse; ``entity`` ids are set by the corpus stage."""
    if not article.text.strip():
        article.mentions = []
        return
    article.mentions = mentions_from_spans(article.text, spans_of(doc_of(article)))
