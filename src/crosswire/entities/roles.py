"""What people are: titles and appositions read from the text around a PERSON mention.

Three shapes cover how news copy introduces a person, and each is read from ``article.text`` and the article's
mentions only (no parse needed, so stored articles can be re-read by the corpus stage without spaCy):

- a title before the name: "CIA director William Burns", "Kremlin spokesperson Dmitry Peskov", "Presidential
  Communications Director Fahrettin Altun", "The head of Russia's Foreign Intelligence Service (SVR) Sergei
  Naryshkin", and a lower-case title with its lower-case modifiers, English nouns or adjectives that are no verb's
  form ("the trust's medical director, Sarah Okonjo", "Brazil's environment minister"; "a financial officer" is an
  officer) or its object ("Vantrel's head of quality, Omar Haddad");
- an apposition after it: "Sergei Naryshkin, head of Russia's Foreign Intelligence Service", "Yury Ushakov, a senior
  foreign policy aide to President Vladimir Putin";
- a fronted "As the ...," clause: "As the head of Russia's sovereign wealth fund, Dmitriev ...".

A phrase counts as a role only when it has a role noun (:data:`ROLE_HEADS`: director, spokesperson, minister, ...);
that small lexicon of English job nouns is what separates "CIA director" from "Monday" and is about language, not
about particular people. Where an organization is named in the phrase it is linked by its canonical name ("director
of the CIA"; "head of the SVR foreign intelligence service" -> "head of the Foreign Intelligence Service"), and
nationality qualifiers ("US", "Russian") are dropped so the same office reads the same in every article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosswire.entities import gazetteer, lexicon
from crosswire.entities.names import fold, is_acronym
from crosswire.model import Mention

ROLE_HEADS = frozenset(
    {
        # government, diplomacy and politics
        "president", "vice-president", "premier", "chancellor", "minister", "secretary", "governor", "mayor",
        "senator", "congressman", "congresswoman", "lawmaker", "legislator", "representative", "councillor",
        "councilor", "delegate", "commissioner", "envoy", "ambassador", "diplomat", "consul", "negotiator", "mediator",
        "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor", "aide", "official", "officer", "leader",
        "candidate", "nominee", "speaker", "administrator", "regulator", "inspector", "ombudsman", "rapporteur",
        "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "monarch",
        # organisations and business
        "director", "head", "chief", "chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo", "coo", "cto",
        "executive", "manager", "founder", "co-founder", "owner", "partner", "boss", "treasurer",
        "member", "deputy", "coordinator", "investor", "banker", "broker", "trader", "accountant", "auditor",
        "consultant", "strategist", "analyst", "economist", "bookmaker", "contractor", "employee", "staffer",
        # law and order
        "prosecutor", "judge", "justice", "magistrate", "attorney", "lawyer", "counsel", "solicitor", "barrister",
        "detective", "sheriff", "investigator", "agent", "spy",
        # military
        "general", "commander", "colonel", "major", "captain", "lieutenant", "sergeant", "admiral", "brigadier",
        "marshal", "corporal", "soldier", "pilot",
        # media, science, health, education, religion, sport and the arts
        "correspondent", "reporter", "journalist", "editor", "columnist", "commentator", "publisher", "anchor",
        "photographer", "interpreter", "translator", "scientist", "researcher", "professor", "lecturer", "expert",
        "specialist", "engineer", "doctor", "physician", "surgeon", "nurse", "teacher", "activist", "campaigner",
        "pope", "cardinal", "bishop", "archbishop", "imam", "rabbi", "priest", "cleric", "coach", "player",
        "athlete", "referee", "author", "historian",
        # the arts and sport by trade or position: "the novelist Ifeoma Adeyemi", "goalkeeper Jonah Pike"
        "novelist", "poet", "playwright", "writer", "artist", "actor", "actress", "singer", "musician", "composer",
        "filmmaker", "goalkeeper", "striker", "defender", "midfielder", "winger", "batsman", "bowler", "jockey",
        "cyclist", "sprinter", "swimmer", "boxer", "golfer",
    }
)  # fmt: skip
# Endings that make a noun a profession in English whatever its stem: "neurologist", "statistician",
# "psychiatrist", "photographer".
PROFESSION_SUFFIXES = ("ologist", "ician", "iatrist", "ographer")
# Suffixes of a title that keep its head: "president-elect", "secretary-designate".
_TITLE_SUFFIXES = ("-elect", "-designate")
# Words that qualify a title ("deputy foreign minister", "national security adviser") without being a name.
TITLE_WORDS = frozenset(
    {
        "deputy", "vice", "senior", "chief", "national", "security", "foreign", "presidential", "press",
        "communications", "intelligence", "prime", "top", "former", "acting", "interim", "assistant", "executive",
        "defense", "defence", "interior", "finance", "economy", "economic", "crown", "policy", "general", "state",
        "white", "house", "affairs", "special", "first", "lead", "managing", "attorney", "supreme", "joint",
        "military", "political", "trade", "energy", "health", "justice", "district", "federal", "spy",
        "the", "of", "for", "and", "to", "in", "at", "on",
    }
)  # fmt: skip
# Last words that make a multi-word ORG span read as an organization inside a title ("Intelligence Service").
ORG_NOUNS = frozenset(
    {
        "service", "council", "agency", "ministry", "office", "department", "fund", "committee", "bureau",
        "commission", "journal", "press", "times", "post", "house", "bank", "union", "organization",
        "organisation", "nations", "mission", "court", "parliament", "assembly", "party", "army", "force",
        "forces", "guard", "police", "university", "institute", "company", "corporation", "group", "government",
        "administration", "cabinet", "treasury", "directorate", "authority", "news", "network", "reuters",
    }
)  # fmt: skip
QUALIFIER_LABELS = frozenset({"GPE", "NORP"})

_TOKEN = re.compile(r"\S+")
_STOP_AFTER = re.compile(r"[,;:!?\"“”]$")
_APPOSITION = re.compile(r"^,\s+((?:[^,.;:\n()\"“”]|\.(?=\S))+?)(?=\s*(?:[,.;:\n()\"“”]|\s+who\s|\s+which\s|$))")
_AS_THE = re.compile(r"\bAs\s+(?:the|a|an)\s+([^,.;:\n]{3,100}),\s*$")
_TITLE_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
# Prepositions end a title read backwards: "aide to President Putin" gives Putin "president", not "aide to".
_WALK_STOPS = frozenset({"to", "in", "at", "on", "and", "for", "with", "by", "from"})
_DETERMINERS = frozenset({"a", "an", "the"})
MAX_TITLE_TOKENS = 10
MAX_APPOSITION_TOKENS = 14
HEAD_WITHIN = 4

OrgLookup = Callable[[str], "str | None"]


@dataclass(frozen=True)
class RoleFinding:
    """A role read for the mention at ``mention_index`` of the article."""

    mention_index: int
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return re.sub(r"(?:'s|’s|')$", "", self.text.strip("()[]"))

    @property
    def low(self) -> str:
        return self.bare.lower()


class _Spans:
    """Which mention (label) covers a character offset, by binary search over the article's mentions."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted((m.start, m.end, m.label) for m in mentions)
        self.starts = [s for s, _, _ in self.items]

    def label_at(self, offset: int) -> str | None:
        found = self.covering(offset)
        return found[2] if found else None

    def covering(self, offset: int) -> tuple[int, int, str] | None:
        """The mention (start, end, label) covering ``offset``, if any."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0:
            start, end, label = self.items[index]
            if start <= offset < end:
                return start, end, label
        return None


def _is_head(token: _Tok, spans: _Spans | None = None) -> bool:
    """Whether the token is a role noun; given the mentions, not one inside a name ("Boston General Hospital")."""
    low = token.low
    for suffix in _TITLE_SUFFIXES:
        low = low.removesuffix(suffix)
    last = low.split("-")[-1]
    if not (low in ROLE_HEADS or last in ROLE_HEADS or last.endswith(PROFESSION_SUFFIXES)):
        return False
    return spans is None or not _inside_name(token, spans)


def _inside_name(token: _Tok, spans: _Spans) -> bool:
    """A capitalised word inside another kind of name and not its last word ("General" in "General Motors", "Boston
    General Hospital"): part of the name, not a title. A name's last word stays a title ("... Service Director")."""
    found = spans.covering(token.start)
    if found is None or found[2] == "PERSON" or not token.bare[:1].isupper():
        return False
    return token.end < found[1]


def _is_title_word(token: _Tok) -> bool:
    parts = [p for p in token.low.split("-") if p and p != "then"]
    return bool(parts) and all(p in TITLE_WORDS or p in ROLE_HEADS for p in parts)


def _org_noun(name: str) -> bool:
    words = name.split()
    return is_acronym(name) or len(words) == 1 or fold(words[-1]) in ORG_NOUNS


def _find_org(tokens: Sequence[_Tok], lookup: OrgLookup, head_at: int) -> tuple[int, int, str] | None:
    """The longest run of tokens naming a known organization: (first, last + 1, canonical name).

    After the role noun a single capitalized word is not taken for an organization ("Secretary of State").
    """
    best: tuple[int, int, str] | None = None
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            if best and j - i <= best[1] - best[0]:
                break
            text = " ".join(t.bare for t in tokens[i:j])
            name = lookup(text)
            if name and _org_noun(text) and (i < head_at or j - i > 1 or is_acronym(text)):
                best = (i, j, name)
                break
    return best


def _render(tokens: Sequence[_Tok], spans: _Spans, lookup: OrgLookup) -> str | None:
    """A role phrase as a normalized string: nationality dropped, organization linked by its canonical name."""
    head_at = next((n for n, t in enumerate(tokens) if _is_head(t, spans)), len(tokens))
    # Nationality and articles before the title are dropped so one office reads the same everywhere; an article
    # after it stays ("epidemiologist with the city's health department").
    kept = [t for n, t in enumerate(tokens) if not (n < head_at and (_qualifier(t, spans) or t.low in _DETERMINERS))]
    while kept and kept[0].low in {"of", "for", "and", "to", "in", "at"}:
        kept = kept[1:]
    if not kept or not any(_is_head(t, spans) for t in kept):
        return None
    org = _find_org(kept, lookup, next((n for n, t in enumerate(kept) if _is_head(t, spans)), len(kept)))
    if org is not None:
        first, last, name = org
        title = [t for t in kept[:first] + kept[last:] if t.low not in {"of", "for", "at", "the", "'s"}]
        # "head of quality" before the organization: the head's object stays, with its "of"
        objects = {id(t) for i, t in enumerate(kept) if i >= 2 and _object_of_head(kept[:i], t)}
        title_text = " ".join(
            ("of " if id(t) in objects else "") + t.low.removeprefix("then-")
            for n, t in enumerate(title)
            if _is_title_word(t) or _is_head(t) or _inside_title(title, n, spans) or id(t) in objects
        )
        if title_text:
            article = "" if name.lower().startswith("the ") else "the "
            return f"{title_text} of {article}{name}"
    first_head = next(n for n, t in enumerate(kept) if _is_head(t, spans))
    title_end = _title_end(kept, first_head, spans)
    words = [
        t.low.removeprefix("then-") if n <= title_end and _lowered_in_title(kept, n, spans) else t.text
        for n, t in enumerate(kept)
    ]
    if words and not any(ch.isalpha() for ch in words[-1]):
        words = words[:-1]
    phrase = _TITLE_HYPHEN.sub(" ", " ".join(words))
    return phrase.strip(" ,") or None


def _title_end(tokens: Sequence[_Tok], first_head: int, spans: _Spans) -> int:
    """The last role noun of the title a phrase opens with, before any preposition: "Chief Medical Officer" of
    "Chief Medical Officer of Veridane" ends at "Officer"; what follows the preposition is written as it stands."""
    end = first_head
    for n in range(first_head + 1, len(tokens)):
        if tokens[n].low in _WALK_STOPS or tokens[n].low == "of" or _STOP_AFTER.search(tokens[n].text):
            break
        if _is_head(tokens[n], spans):
            end = n
    return end


def _names_nothing(token: _Tok, spans: _Spans) -> bool:
    """A word in title case that is no part of a tagged name ("Medical" of "Chief Medical Officer")."""
    bare = token.bare
    return spans.label_at(token.start) is None and bare.isalpha() and bare[:1].isupper() and bare[1:].islower()


def _inside_title(tokens: Sequence[_Tok], index: int, spans: _Spans) -> bool:
    """A word that names nothing between two words of a title: capitalised in a title written in title case
    ("Medical" in "Chief Medical Officer Helen Cho"), or in lower case in one written so ("financial" in "chief
    financial officer", "operating" in "chief operating officer")."""
    if index == 0 or index + 1 >= len(tokens):
        return False
    token, before = tokens[index], tokens[index - 1]
    if not (_is_head(before) or _is_title_word(before)):
        return False
    if token.bare.isalpha() and token.bare.islower() and before.bare.islower():
        return spans.label_at(token.start) is None
    return _names_nothing(token, spans) and before.bare[:1].isupper()


def _lowered_in_title(tokens: Sequence[_Tok], index: int, spans: _Spans) -> bool:
    """Whether a word of a title is written in lower case in the role: its role and title words, and a capitalised
    word between them that names nothing ("Medical" in "Chief Medical Officer"); a name or acronym stays."""
    token = tokens[index]
    if _is_title_word(token) or _is_head(token, spans):
        return True
    return index > 0 and _names_nothing(token, spans)


def _qualifier(token: _Tok, spans: _Spans) -> bool:
    """A nationality or country word ("US", "Russian", "U.S.") that qualifies a title without changing it."""
    if spans.label_at(token.start) in QUALIFIER_LABELS:
        return True
    return token.bare[:1].isupper() and gazetteer.country(token.bare) is not None


def _title_before(
    text: str, mention: Mention, spans: _Spans, lookup: OrgLookup, org_words: frozenset[str]
) -> str | None:
    line_start = text.rfind("\n", 0, mention.start) + 1
    window = text[max(line_start, mention.start - 160) : mention.start]
    offset = mention.start - len(window)
    if window and not window[-1].isspace():
        return None
    tokens = [_Tok(offset + m.start(), offset + m.end(), m.group(0)) for m in _TOKEN.finditer(window)]
    if tokens and tokens[-1].text.endswith(",") and text[mention.end : mention.end + 1] == ",":
        # "the prime minister, Jane Doe, said": a title set off by commas before the name.
        last = tokens[-1]
        uncommaed = _Tok(last.start, last.end - 1, last.text[:-1])
        tokens = [*tokens[:-1], uncommaed] if _is_head(uncommaed) or _object_of_head(tokens[:-1], uncommaed) else tokens
    taken: list[_Tok] = []
    for at in range(len(tokens) - 1, -1, -1):
        token = tokens[at]
        if len(taken) >= MAX_TITLE_TOKENS or (_STOP_AFTER.search(token.text) and not is_acronym(token.text)):
            break
        if token.text.endswith(".") and not is_acronym(token.text):
            break
        bare = token.bare
        capital = bare[:1].isupper() or is_acronym(bare)
        covered = spans.label_at(token.start) not in (None, "PERSON")
        if token.low in _WALK_STOPS:
            break
        known = covered or is_acronym(bare) or (capital and fold(bare) in org_words)
        if (
            _is_head(token)
            or _is_title_word(token)
            or known
            or (taken and _inside_title(tokens, at, spans))
            or (taken and _lower_modifier(token, taken[-1]) and not (at and tokens[at - 1].low in {"a", "an"}))
            or (not taken and _object_of_head(tokens[:at], token))
        ):
            taken.append(token)
        else:
            break
    taken.reverse()
    while taken and taken[0].low in {"the", "of"}:
        taken = taken[1:]
    if not taken or taken[-1].low == "of":
        return None  # "the former translator of Jane Doe": she is the object of the title, not its holder
    if _is_head(taken[-1]):
        return _render(taken, spans, lookup)
    for index, token in enumerate(taken[:-1]):
        if _is_head(token) and taken[index + 1].low == "of":
            return _render(taken, spans, lookup)
    return None


def _lower_modifier(token: _Tok, following: _Tok) -> bool:
    """A lower-case word before a title written in lower case that an English noun or adjective, not a verb's form,
    makes part of it ("medical" of "the trust's medical director", "environment" of "Brazil's environment
    minister"); not "said", nor a determiner or a pronoun."""
    word = token.text
    if not (word.isalpha() and word.islower() and following.text[:1].islower()):
        return False
    if word in _NOT_MODIFIERS or not (_is_head(following) or _is_title_word(following) or following.low.isalpha()):
        return False
    if lexicon.is_noun(word):
        return True
    inflected = word.endswith(("ed", "ing"))  # "hired", "leading": a verb's form, which the tables list as its lemma
    return lexicon.is_adjective(word) and not lexicon.is_verb(word) and not inflected


# Lower-case words before a title that are no part of it.
_NOT_MODIFIERS = frozenset(
    {
        "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "whose", "new", "own",
        "then", "now", "also", "who", "which", "as", "by", "with", "and", "or", "but", "said", "told", "says",
        "according", "one", "two", "three", "is", "was", "were", "are", "be", "been", "has", "have", "had",
    }
)  # fmt: skip


def _object_of_head(tokens: Sequence[_Tok], token: _Tok) -> bool:
    """A lower-case word after "ROLE of" closing a title before a name ("head of quality, Omar Haddad")."""
    bare = token.text.rstrip(",")
    return (
        len(tokens) >= 2
        and bare.isalpha()
        and bare.islower()
        and tokens[-1].low == "of"
        and _is_head(tokens[-2])
        and bare not in _NOT_MODIFIERS
    )


def _phrase_role(phrase: str, start: int, spans: _Spans, lookup: OrgLookup) -> str | None:
    tokens = [_Tok(start + m.start(), start + m.end(), m.group(0)) for m in _TOKEN.finditer(phrase)]
    if not tokens or len(tokens) > MAX_APPOSITION_TOKENS:
        return None
    lead = [t for t in tokens[: HEAD_WITHIN + 1] if t.low not in _DETERMINERS]
    if not any(_is_head(t, spans) for t in lead[:HEAD_WITHIN]):
        return None
    possessive = re.search(r"(?:'s|’s|')$", tokens[0].text) is not None
    if tokens[0].text[:1].isupper() and spans.label_at(tokens[0].start) == "PERSON" and not possessive:
        return None  # a list of names ("Lavrov, Naryshkin"), not an apposition
    for n, token in enumerate(tokens[1:], start=1):
        if spans.label_at(token.start) != "PERSON":
            continue
        if not any(t.low in _WALK_STOPS or t.low == "of" for t in tokens[:n]):
            return None  # "Naryshkin, CIA Director William Burns": the title is the next person's
        break
    return _render(tokens, spans, lookup)


def find_roles(
    text: str,
    mentions: Sequence[Mention],
    lookup: OrgLookup,
    org_words: frozenset[str] = frozenset(),
) -> list[RoleFinding]:
    """Roles for the PERSON mentions of one article.

    ``lookup`` maps a written organization name to its canonical name (None if unknown); ``org_words`` are the
    folded words of known organization names, which may stand in a title ("Foreign Intelligence Service Director").
    """
    spans = _Spans(mentions)
    found: list[RoleFinding] = []
    for index, mention in enumerate(mentions):
        if mention.label != "PERSON":
            continue
        role = _title_before(text, mention, spans, lookup, org_words)
        if role:
            found.append(RoleFinding(index, role, mention.start, mention.end))
        after = text[mention.end : mention.end + 200]
        match = _APPOSITION.match(after)
        if match:
            role = _phrase_role(match.group(1), mention.end + match.start(1), spans, lookup)
            if role:
                found.append(RoleFinding(index, role, mention.start, mention.end))
        sentence_start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
        before = text[max(sentence_start, mention.start - 140) : mention.start]
        match = _AS_THE.search(before)
        if match:
            phrase_start = mention.start - len(before) + match.start(1)
            role = _phrase_role(match.group(1), phrase_start, spans, lookup)
            if role:
                found.append(RoleFinding(index, role, mention.start, mention.end))
    return found
