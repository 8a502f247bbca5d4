"""An outlet a statement was given to relays it (issue 17, third battery).

"Penrith captain Sean Doyle told BBC Radio Leeds that ...", "In an interview with Bloomberg Television, X said ...",
"X said in an interview with the weekly Die Zeit that ...", '"...," X was quoted as saying by the daily Politika',
"X, who told the paper that ..." (the paper named before): the reader has the words through the outlet, so the
statement's ``via`` holds the outlet's entity (the contract's "ids of the statements or entities it was relayed
through"), as "Politika quoted X as saying" holds Politika's statement. Only an outlet relays: "told reporters",
"told the court", "told Sarah Lee", "in an interview with his lawyer" and a platform one posts on ("wrote on
Facebook") do not.

The parser sometimes takes the outlet into what was said ("told BBC Radio Leeds that the referee ...", "in an
interview with the weekly Die Zeit that strikes ...", where "Die" is read as a verb): a reported content that opens
with an outlet's name and then "that" starts at the "that" (:func:`trim_addressees`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from crosswire.attribution import sources
from crosswire.model import Article, Entity, Mention, Statement

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# A name, or a media noun before a name ("the weekly Die Zeit", "BBC Radio Leeds", "the Guardian"), up to the clause.
_MEDIA = "|".join(sorted(sources.MEDIA_NOUNS - {"reporters", "correspondents", "journalists"}))
_NAME = (
    r"(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:" + _MEDIA + r")\s+)?"
    r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|de|di|du|la|le|el|al)){0,5}"
)
# A media noun alone, standing for the outlet named before ("told the paper").
_BARE = r"(?:the|this|that)\s+(?:" + _MEDIA + r")\b"
_TOLD = re.compile(r"\s*(?:,\s*)?(?P<outlet>" + _NAME + "|" + _BARE + r")")
_INTERVIEW = re.compile(
    r"\b(?:[Ii]n|[Dd]uring)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?interview\s+(?:with|to|on)\s+(?P<outlet>"
    + _NAME
    + "|"
    + _BARE
    + r")|\b(?:gave|give|gives|giving)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?interview\s+to\s+(?P<given>"
    + _NAME
    + "|"
    + _BARE
    + r")"
)
_QUOTED_BY = re.compile(r"\s*(?:as\s+saying\s+)?by\s+(?P<outlet>" + _NAME + "|" + _BARE + r")")
_TELLING = frozenset({"tell", "inform", "assure"})
# How far back "the paper" looks for the outlet it stands for.
_BARE_REACH = 600


def _sentence_start(text: str, position: int) -> int:
    """The start of the sentence (or line) holding ``position``, read from the text alone."""
    cut = max(text.rfind("\n", 0, position), *(text.rfind(m, 0, position) for m in (". ", "? ", "! ")))
    return cut + 1 if cut >= 0 else 0


def _is_outlet(phrase: str, mentions: Sequence[Mention]) -> bool:
    if any(m.label == "PERSON" for m in mentions):
        return False
    return sources.source_type(phrase, mentions) == "media"


def _named_before(article: Article, position: int) -> str | None:
    """The entity of the last outlet named before ``position`` (with the words either side of the name: "Poland's
    Rzeczpospolita daily", "the daily Politika")."""
    text = article.text
    for mention in sorted(article.mentions, key=lambda m: m.start, reverse=True):
        if mention.end > position or position - mention.end > _BARE_REACH:
            continue
        if mention.entity is None or mention.label == "PERSON":
            continue
        before = text[max(0, mention.start - 20) : mention.start].split()[-1:]
        after = text[mention.end : mention.end + 20].split()[:1]
        phrase = " ".join([*before, mention.text, *after])
        if _is_outlet(mention.text, [mention]) or _is_outlet(phrase, [mention]):
            return mention.entity
    return None


def _outlet(article: Article, start: int, end: int) -> str | None:
    """The entity of the outlet the words at ``start..end`` name, if they name one."""
    phrase = article.text[start:end].strip()
    if re.fullmatch(_BARE, phrase):
        return _named_before(article, start)
    inside = [m for m in article.mentions if start <= m.start and m.end <= end]
    if not _is_outlet(phrase, inside):
        return None
    return next((m.entity for m in inside if m.entity is not None and m.label != "PERSON"), None)


def _given_to(article: Article, statement: Statement) -> str | None:
    text = article.text
    cue_start, cue_end = statement.cue_start, statement.cue_end
    if cue_start is None or cue_end is None:
        return None
    cue = (statement.cue or "").lower()
    content_start = statement.content_start if statement.content_start is not None else -1
    window_end = min(content_start if content_start > cue_end else len(text), cue_end + 120)
    after = text[cue_end:window_end]
    found: list[tuple[int, int]] = []
    if cue.startswith(("told", "tell")):
        match = _TOLD.match(after)
        if match:
            found.append((cue_end + match.start("outlet"), cue_end + match.end("outlet")))
    if cue.startswith("quoted"):
        match = _QUOTED_BY.match(after)
        if match:
            found.append((cue_end + match.start("outlet"), cue_end + match.end("outlet")))
    sentence = _sentence_start(text, cue_start)
    before_end = cue_start if statement.speaker_start is None else min(statement.speaker_start, cue_start)
    for lo, hi in ((sentence, before_end), (cue_end, window_end)):
        for match in _INTERVIEW.finditer(text, lo, hi):
            group = "outlet" if match.group("outlet") else "given"
            found.append((match.start(group), match.end(group)))
    for start, end in found:
        outlet = _outlet(article, start, end)
        if outlet is not None and outlet != statement.speaker:
            return outlet
    return None


# A media noun that can stand only for a publication ("seen by the paper", "the daily said"), not "the station".
_PAPER = re.compile(r"\bthe\s+(?:paper|newspaper|daily|weekly|magazine|tabloid)\b", re.IGNORECASE)


def called_outlets(article: Article) -> None:
    """ "Belgium's Le Soir reports that ..., citing a draft bill seen by the paper": an organization whose own
    sentence goes on to call it "the paper" (no other organization named between) is an outlet, ``media``."""
    text = article.text
    for statement in article.statements:
        after = statement.speaker_end
        if statement.source_type != "organization" or not statement.speaker or after is None:
            continue
        stops = [found for found in (text.find(m, after) for m in (". ", ".\n", "\n")) if found >= 0]
        paper = _PAPER.search(text, after, min(stops, default=len(text)))
        if paper is None:
            continue
        between = [m for m in article.mentions if after <= m.start < paper.start()]
        if all(m.entity == statement.speaker or m.label not in {"ORG", "GPE", "NORP", "FAC"} for m in between):
            statement.source_type = "media"


def _folded_name(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().casefold())


def _is_own_outlet(article: Article, entity: Entity | None) -> bool:
    """Whether an outlet entity is the one that published the article: "X told Reuters" in Reuters' own copy is the
    outlet's own interview, first-hand, and relays nothing."""
    if not article.outlet or entity is None:
        return False
    own = _folded_name(article.outlet)
    return any(_folded_name(name) == own for name in (entity.name, *entity.aliases))


def relay_outlets(article: Article, entities: Mapping[str, Entity] | None = None) -> None:
    """Add the outlet each statement was given to ("told the Guardian", "in an interview with Die Zeit") to its
    ``via``, outermost (the outlet) first; speakers must be linked already. The article's own outlet is no relay
    ("told Reuters" in a Reuters report); ``entities`` tell its names."""
    for statement in article.statements:
        outlet = _given_to(article, statement)
        if outlet is None or outlet in statement.via:
            continue
        if entities is not None and _is_own_outlet(article, entities.get(outlet)):
            continue
        statement.via = [outlet, *statement.via]


def trim_addressees(finder: _Finder) -> None:
    """A reported content opening with an outlet's name and "that" ("told BBC Radio Leeds that the referee ...",
    "said in an interview with the weekly Die Zeit that strikes ...") starts at the "that", as a content the parser
    read right does: the outlet was told, it is not what was said."""
    text = finder.text
    for candidate in finder.candidates:
        if candidate.direct or candidate.cue_end is None or candidate.content_start < candidate.cue_end:
            continue
        start, between = candidate.content_start, text[candidate.cue_end : candidate.content_start]
        if "\n" in between or len(between) > 80:
            continue
        outlet: tuple[int, int] | None = None
        if candidate.cue_lemma in _TELLING and not between.strip():
            match = re.match(_NAME, candidate.content)
            outlet = (start + match.start(), start + match.end()) if match else None
        else:
            interview = _INTERVIEW.search(text, candidate.cue_end, candidate.content_end)
            group = "outlet" if interview and interview.group("outlet") else "given"
            if interview is not None and interview.start(group) <= start < interview.end(group):
                outlet = (interview.start(group), interview.end(group))
        if outlet is None:
            continue
        that = re.compile(r"\s+(?=that\s)").match(text, outlet[1], candidate.content_end)
        if that is None or not _is_outlet(text[outlet[0] : outlet[1]], finder.mentions(*outlet)):
            continue
        candidate.content_start = that.end()
        candidate.content = text[candidate.content_start : candidate.content_end]
