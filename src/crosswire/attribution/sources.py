"""What kind of source a speaker phrase names: person, organization, anonymous, media, document or unknown.

Read from the speaker's words, the entity mentions inside them and the cue, in this order of evidence:

1. **anonymous** — the phrase says the source is not named ("an unnamed source", "sources familiar with the
   discussions", "a senior official who spoke on condition of anonymity", "people close to the Kremlin"), or it is
   an indefinite role noun with no name ("a Turkish official", "two officials", "officials"): the reader cannot
   tell who spoke.
2. **document** — the head noun is a record rather than a speaker ("flight-tracking data showed", "a tweet", "the
   statement", "polls show", "court filings").
3. **media** — the phrase names an outlet by a media noun ("the Russian newspaper Kommersant", "Western media",
   "the outlet") or by a well-known outlet name, or an organization is the subject of "report" (an organization
   that reports is, in news copy, almost always a news organization). An outlet a text has introduced once with a
   media noun ("the newspaper Kommersant") stays media for the rest of that article (:class:`MediaMemory`).
4. **person** — a PERSON mention, a personal pronoun (he, she, I) or a definite role noun ("the spokesperson").
5. **organization** — an ORG, GPE or NORP mention, or an institutional noun ("the ministry", "the Kremlin").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from crosswire.entities.roles import ROLE_HEADS
from crosswire.model import Mention

SourceType = Literal["person", "organization", "anonymous", "media", "document", "unknown"]

_ANONYMOUS = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|unidentified|familiar\s+with|close\s+to\s+the|briefed\s+on|insiders?|"
    r"sources?|knowledgeable|who\s+(?:asked|declined|requested|spoke)\s+not\s+to\s+be\s+named|"
    r"not\s+authori[sz]ed\s+to)\b",
    re.IGNORECASE,
)
MEDIA_NOUNS = frozenset(
    {
        "newspaper", "daily", "outlet", "outlets", "media", "agency", "channel", "broadcaster", "network", "paper",
        "tabloid", "magazine", "weekly", "website", "site", "press", "television", "tv", "radio", "journal",
        "reporters", "correspondents", "journalists", "wire", "publication", "blog", "station", "newswire",
    }
)  # fmt: skip
# Media nouns that make a phrase an outlet wherever they stand in it ("the daily X", "X newspaper").
STRONG_MEDIA_NOUNS = frozenset(
    {"newspaper", "daily", "outlet", "outlets", "media", "broadcaster", "tabloid", "magazine", "weekly", "newswire"}
)
# People of the media speak as persons ("CNN correspondent Natasha Bertrand").
JOURNALISTS = frozenset({"correspondent", "reporter", "journalist", "editor", "columnist", "anchor", "host"})
# Outlets that news copy names without a media noun. World knowledge, kept short: the newsrooms most often cited.
KNOWN_OUTLETS = frozenset(
    {
        "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg", "cnn", "nbc", "abc", "cbs",
        "fox news", "msnbc", "bbc", "the new york times", "new york times", "the washington post", "washington post",
        "wall street journal", "the wall street journal", "wsj", "financial times", "the guardian", "guardian",
        "politico", "axios", "the hill", "kommersant", "tass", "ria novosti", "interfax", "izvestia", "vedomosti",
        "al jazeera", "anadolu", "xinhua", "yonhap", "kyodo", "dpa", "npr", "usa today", "los angeles times",
        "the times", "the telegraph", "the economist", "der spiegel", "le monde", "breitbart", "buzzfeed",
        "huffington post", "the atlantic", "newsweek", "time", "vox", "the intercept", "pravda", "rt", "sputnik",
    }
)  # fmt: skip
# The words that close a newspaper's name, as mastheads have been named for centuries ("the Irish Independent", "The
# Coastal Post", "the Financial Ledger"): a name of capitalised words ending in one is an outlet's.
# Not "express", which closes companies' names as often ("American Express", "Federal Express"; a paper is "the
# Daily Express", read by its media noun).
MASTHEAD_WORDS = frozenset(
    {
        "times", "post", "herald", "gazette", "tribune", "telegraph", "courier", "chronicle", "examiner", "observer",
        "mirror", "independent", "ledger", "bulletin", "inquirer", "sentinel", "dispatch",
        "globe", "advertiser", "clarion", "recorder", "argus", "courant", "enquirer",
    }
)  # fmt: skip
DOCUMENT_NOUNS = frozenset(
    {
        "data", "document", "documents", "report", "reports", "tweet", "tweets", "statement", "letter", "filing",
        "filings", "records", "record", "memo", "study", "poll", "polls", "survey", "surveys", "analysis",
        "images", "footage", "video", "post", "emails", "email", "transcript", "figures", "statistics", "numbers",
        "results", "map", "photos", "indictment", "complaint", "lawsuit", "ruling", "order", "release",
        "readout", "communique", "communiqué", "website", "page", "message", "messages", "cable", "cables",
        "assessment", "estimate", "estimates", "research", "findings", "evidence", "audit", "review", "log",
        "logs", "manifest", "model", "projections", "forecast",
    }
)  # fmt: skip
ORG_NOUNS = frozenset(
    {
        "ministry", "government", "kremlin", "administration", "department", "office", "agency", "council",
        "committee", "campaign", "party", "embassy", "company", "firm", "army", "military", "police", "court",
        "parliament", "congress", "senate", "house", "commission", "union", "bank", "service", "authorities",
        "authority", "foundation", "group", "organization", "organisation", "institute", "university",
        "spokesman's office", "team", "cabinet", "presidency", "palace", "state", "affairs", "guard", "navy",
        "city", "board", "regulator", "watchdog", "prosecutors", "investigators", "coalition", "alliance", "federation",
    }
)  # fmt: skip
# Public bodies and people of an office a report cites as where it has its news from ("citing the defence ministry",
# "citing prosecutors"); not the nouns that also name a reason or a thing ("citing the state of the roads").
CITED_BODIES = frozenset(
    {
        "ministry", "government", "kremlin", "administration", "department", "agency", "council", "committee",
        "embassy", "army", "military", "police", "court", "commission", "authorities", "regulator", "watchdog",
        "prosecutors", "investigators", "presidency", "diplomats", "officers", "analysts", "aides",
    }
)  # fmt: skip
# Unnamed people a sentence may open on, capitalised ("Witnesses said", "Fleeing residents reported", "Security
# forces found"): no name, however the capital looks.
PEOPLE_NOUNS = frozenset(
    {
        "people", "officials", "witness", "witnesses", "eyewitnesses", "students", "residents", "protesters",
        "demonstrators", "villagers", "survivors", "relatives", "families", "parents", "neighbours", "neighbors",
        "workers", "locals", "teachers", "fans", "voters", "forces", "troops", "rebels", "militants", "fighters",
        "patients", "victims", "citizens", "farmers", "bystanders", "onlookers", "mourners", "refugees",
        "jurors", "passengers", "shoppers", "drivers", "commuters", "employees", "inmates", "pilots", "nurses",
    }
)  # fmt: skip
# Nouns for a person or people of no particular trade ("an Australian man", "the 21-year-old"), and trades named by
# their ending ("geologists", "an arachnologist"): somebody, never the place or nationality that describes them.
PERSON_NOUNS = frozenset(
    {
        "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "person", "persons", "child", "children",
        "teenager", "teenagers", "teen", "teens", "mother", "father", "couple", "tourist", "tourists", "student",
        "fisherman", "fishermen", "holidaymaker", "traveller", "traveler", "staff", "doctors", "experts",
        "scientists", "researchers", "medics", "crew", "folks", "friends", "classmates", "businessman",
        "businesswoman", "sportsman", "sportswoman",
    }
)  # fmt: skip
_PERSON_ENDING = re.compile(r"[a-z0-9-]+-years?-olds?|[a-z]{3,}ists?")


def is_person_noun(word: str) -> bool:
    """Whether ``word`` (lower case) names a person or people by what they are ("man", "21-year-old",
    "geologists", "fishermen") rather than a group, a place or a record."""
    return word in PERSON_NOUNS or bool(_PERSON_ENDING.fullmatch(word))


# Nouns that describe an organization named before ("the company", "the energy giant", "the carrier", "the
# hospital").
COMPANY_NOUNS = frozenset(
    {
        "company", "firm", "group", "giant", "major", "maker", "producer", "manufacturer", "carrier", "airline",
        "lender", "bank", "insurer", "retailer", "conglomerate", "supermajor", "operator", "automaker", "chipmaker",
        "business", "corporation", "multinational", "startup", "league", "club", "organisation", "organization",
        "carmaker", "broadcaster", "regulator", "watchdog", "publisher", "network", "brewer", "miner", "utility",
        "hospital", "clinic", "school", "university", "college", "museum", "airport", "prison", "charity", "hotel",
        "committee", "commission", "council", "agency", "ministry", "department", "board", "authority", "institute",
        "court", "tribunal", "federation", "association", "union", "panel",
    }
)  # fmt: skip
SPOKES_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "representative"})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
GROUP_PRONOUNS = frozenset({"we", "they", "it", "you"})
# Pronouns that open a relative clause and stand for the noun it modifies ("Dan Olsen, who said ...").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_INDEFINITE = re.compile(
    r"^(?:an?|one|two|three|four|several|some|many|other|multiple|few|a\s+few|a\s+number\s+of)\b", re.I
)


# A definite count of the organizations named before ("both clubs", "the two banks", "all three companies").
_BOTH = re.compile(r"(?:both|the\s+(?:two|three|four|five)|all\s+(?:two|three|four|five))\s+\w+$", re.I)


def _singular(noun: str) -> str:
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") else noun


def _offices(text: str, head: str) -> bool:
    """Organizations speaking on the record: an office named by its plural without a count ("Prosecutors said",
    "investigators found"), or a definite count of the organizations named before ("both clubs", "the two
    companies")."""
    if _BOTH.match(text) and _singular(head) in ORG_NOUNS | COMPANY_NOUNS:
        return True
    return head in ORG_NOUNS and head.endswith("s") and not _INDEFINITE.match(text)


@dataclass
class MediaMemory:
    """Outlet names an article has introduced with a media noun, so "Kommersant reported" later stays media."""

    names: set[str] = field(default_factory=set)

    def learn(self, phrase: str, mentions: Sequence[Mention]) -> None:
        if _words(phrase) & MEDIA_NOUNS:
            for mention in mentions:
                if mention.label in {"ORG", "PERSON", "WORK_OF_ART", "GPE", "NORP"}:
                    self.names.add(mention.text.lower())

    def knows(self, phrase: str) -> bool:
        lowered = _strip_article(phrase.lower())
        return lowered in self.names or any(name in lowered for name in self.names if len(name) >= 3)


# "the people", "the two officials", "these sources": a definite description that can take up sources named before.
_DEFINITE = re.compile(r"^(?:the|these|those|both)\s", re.I)


@dataclass
class UnnamedMemory:
    """Head nouns of the anonymous sources an article has named ("three people familiar with the talks"), so that
    "the people said" later is those sources again, not a person: a group only, as a group is no one person."""

    heads: set[str] = field(default_factory=set)

    def learn(self, phrase: str, source: SourceType) -> None:
        if source == "anonymous":
            self.heads.add(head_word(phrase))

    def refers_back(self, phrase: str, mentions: Sequence[Mention], source: SourceType) -> bool:
        """Whether ``phrase`` is a definite description, naming nobody, of an anonymous source named before."""
        if source not in {"person", "unknown"} or any(m.label in {"PERSON", "ORG"} for m in mentions):
            return False
        head = head_word(phrase)
        # a group ("the people", "the officials") can be no one person named since; a singular "the official" is
        # left to the role's holder and the organization it speaks for
        group = head in PEOPLE_NOUNS or head.endswith("s")
        return group and bool(_DEFINITE.match(phrase.strip())) and head in self.heads - {""}


def _words(phrase: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-']*", phrase)}


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip())


def is_outlet(phrase: str) -> bool:
    """A known outlet name or a phrase whose words name a medium."""
    lowered = _strip_article(phrase.lower()).strip(" ,.")
    if lowered in KNOWN_OUTLETS or phrase.strip().lower() in KNOWN_OUTLETS:
        return True
    return any(outlet in KNOWN_OUTLETS for outlet in _ngrams(lowered))


def _masthead(phrase: str) -> bool:
    """Whether ``phrase`` is a name of two or more capitalised words whose last closes a newspaper's name."""
    words = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE).split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and words[-1].lower() in MASTHEAD_WORDS


def _ngrams(phrase: str) -> set[str]:
    words = phrase.split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)}


def head_word(phrase: str) -> str:
    """The last word before any "of", "for", "who", comma or parenthesis: the phrase's head noun, roughly."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-']*", _core(phrase))
    return words[-1].lower() if words else ""


def _core(phrase: str) -> str:
    # "a number of geologists in Reykjavik", "a group of scientists": the people counted are the head
    phrase = re.sub(r"^(?:an?|the)\s+(?:number|group|handful|couple|team|pair)\s+of\s+", "", phrase.strip(), flags=re.I)
    return re.split(
        r"\s(?:of|for|at|from|in|with|who|which|that|close|familiar|involved|by|on|to|seen|obtained|reviewed|published|"
        r"released|cited|quoted|shared|posted)\s|[,(]",
        phrase,
        maxsplit=1,
    )[0]


def _unnamed_words(phrase: str, mentions: Sequence[Mention]) -> str:
    """The phrase without the names inside it: "Business Insider" or "Sources Weekly" is an outlet's name, not the
    word of an unnamed source."""
    for mention in mentions:
        if mention.label in {"ORG", "PERSON", "FAC", "WORK_OF_ART"} and len(mention.text.split()) > 1:
            phrase = phrase.replace(mention.text, " ")
    # news copy writes an unnamed insider in lower case or the plural; a capitalised "Insider" after a capitalised
    # word closes an outlet's name the recogniser missed ("Football Insider said")
    return re.sub(r"\b[A-Z][\w&'’-]*\s+Insider\b(?!s)", " ", phrase)


# Verbs of publishing: what an outlet does with a story ("Sportblad reported earlier on Thursday that ...").
PUBLISHING = frozenset({"report", "publish", "print", "broadcast"})


def masthead_by_verb(
    phrase: str, mentions: Sequence[Mention], cue_lemma: str, article_mentions: Sequence[Mention]
) -> bool:
    """Whether a one-word name that publishes ("Sportblad reported ...", "Gazetta published ...") is an outlet: a
    capitalised word the recogniser types as nothing or as a person, with a verb of publishing, which the article
    never gives as the surname of a person named in full ("Maria Lund ... Lund reported" stays a person)."""
    word = phrase.strip()
    if cue_lemma not in PUBLISHING or not re.fullmatch(r"[A-Z][\w&'’-]+", word) or word.lower() in PERSON_PRONOUNS:
        return False
    if any(m.label != "PERSON" for m in mentions):
        return False
    return not any(
        m.label == "PERSON" and len(m.text.split()) > 1 and m.text.split()[-1] == word for m in article_mentions
    )


# "a Pellam spokeswoman", "an Arcos spokesman": a spokesperson of an organization called by its first word(s).
NAMED_SPOKES = re.compile(r"(?i:an?|the)\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?P<role>[a-z]+)")


def source_type(
    phrase: str, mentions: Sequence[Mention], cue_lemma: str = "", memory: MediaMemory | None = None
) -> SourceType:
    """The kind of source ``phrase`` names; ``mentions`` are the entity mentions inside the phrase."""
    text = phrase.strip()
    if not text:
        return "unknown"
    lowered = text.lower()
    words = _words(text)
    head = head_word(text)
    people = [m for m in mentions if m.label == "PERSON"]
    # a person named after "close to", "familiar with" is whom the sources are close to ("Sources close to the
    # striker Tomas Kral"), not a named source
    if _ANONYMOUS.search(_unnamed_words(text, mentions)) and not [m for m in people if m.text in _core(text)]:
        return "anonymous"
    if lowered in PERSON_PRONOUNS:
        return "person"
    if lowered in GROUP_PRONOUNS:
        return "unknown"
    named = any(head == m.text.split()[-1].lower() for m in mentions if m.label in {"ORG", "GPE", "FAC"})
    masthead = not people and _masthead(text)
    if (
        head in DOCUMENT_NOUNS
        and not people
        and not named
        and not masthead
        and not (words & MEDIA_NOUNS - {"website", "journal"})
    ):
        return "document"  # not "The Post reported": a capitalised name ending in the noun is an outlet
    if words & STRONG_MEDIA_NOUNS and not words & JOURNALISTS:
        return "media"  # "the daily Harbour Gazette", "the Russian newspaper Kommersant", "Western media"
    if is_outlet(text) or (memory is not None and memory.knows(text)) or (head in MEDIA_NOUNS and not people):
        return "media"
    if masthead:
        return "media"  # "according to the Irish Independent", "The Coastal Post reported"
    if people:
        return "person"
    orgs = [m for m in mentions if m.label in {"ORG", "GPE", "NORP", "FAC"}]
    if head in SPOKES_NOUNS and any(m.label == "ORG" for m in orgs):
        return "organization"  # "a spokesperson for the NSC", "the NSC spokesperson": the organization speaks
    if head in SPOKES_NOUNS and (words & (ORG_NOUNS | COMPANY_NOUNS) or NAMED_SPOKES.fullmatch(text)):
        # "a company spokeswoman", "a club spokesman": the body named before speaks; "a Pellam spokeswoman": the
        # organization its name opens with
        return "organization"
    if _offices(text, head):
        return "organization"  # "Prosecutors said", "investigators found", "both clubs said": on the record
    if head in ROLE_HEADS or head.rstrip("s") in ROLE_HEADS or head in PEOPLE_NOUNS:
        if _INDEFINITE.match(text) or (head.endswith("s") and not text.lower().startswith("the ")):
            return "anonymous"
        return "person"
    if is_person_noun(head):
        # "an Australian man", "the 21-year-old, from Bunbury": somebody, not the place; "geologists in Reykjavik"
        # are unnamed, as "officials" are
        if head.endswith("s") and (_INDEFINITE.match(text) or not text.lower().startswith("the ")):
            return "anonymous"
        return "person"
    if orgs:
        return "media" if cue_lemma in PUBLISHING and orgs[0].label == "ORG" else "organization"
    if head in ORG_NOUNS:
        return "organization"
    if text[:1].isupper() and not lowered.startswith(("the ", "a ", "an ")):
        return "person" if len(text.split()) <= 3 else "unknown"
    return "unknown"
