"""Voices: whose word a proposition is, so that one origin counts once however many articles repeat it.

Split from :mod:`crosswire.claims.propositions` because it answers a different question than what a sentence says:
who stands behind it. A statement's *root key* is its outermost relaying source ("X cited Y": X's word), an outlet
however its name is worded (:func:`outlet_key`), or the outlet an article relays (:func:`relayed_outlet`: the
article's own voice and unnamed sources are that outlet's); its *party key* is the speaker or the organisation the
speaker speaks for (:func:`affiliations`), for comparing what one party said in different articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosswire.model import Article, Dossier, Entity, Statement

# Source types whose word is not their own to give: an unnamed source, a document, another outlet.
UNNAMED_TYPES = frozenset({"anonymous", "document", "media", "unknown"})
_OUTLET_NOISE = re.compile(
    r"\b(?:the|a|an|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|report|reports|"
    r"story|newspaper|daily|article|investigation|citing|according|to)\b|['’]s\b|[^\w\s]",
    re.IGNORECASE,
)
# What an answer names when it answers a claim someone put out: "denied a report that ...", "the allegations are
# nonsense", "rejected claims of ...".
_ORIGIN_NOUN = re.compile(
    r"\b(?:reports?|reporting|allegations?|alleged|accusations?|claims?|rumou?rs?|story|stories|article|"
    r"speculation|assertions?|suggestions?|publication)\b",
    re.IGNORECASE,
)
# The stances with which a party answers a claim made by someone else.
ANSWERS = frozenset({"denies", "declines", "neither"})


def own_voice_key(article: Article, relayed: str | None) -> str:
    """The root key of what an article says in its own voice: the outlet whose report it relays, else its own."""
    return f"outlet:{relayed or outlet_key(article.outlet or '') or article.id.lower()}"


def masthead_keys(outlets: Iterable[str]) -> dict[str, str]:
    """Outlet keys that name, by the last words of its name, exactly one outlet of the pile, mapped to that outlet's
    key: "the Evening Post has learned" in the Wexmoor Evening Post's own pages and "according to the Wexmoor
    Evening Post" in a feed relaying it are one source; "the Post" where the pile holds the Evening Post and the
    Morning Post names neither."""
    full = {key for key in (outlet_key(name) for name in outlets) if key}
    tails: dict[str, set[str]] = {}
    for key in full:
        words = key.split()
        for cut in range(1, len(words)):
            tails.setdefault(" ".join(words[cut:]), set()).add(key)
    return {tail: next(iter(keys)) for tail, keys in tails.items() if len(keys) == 1 and tail not in full}


def relaying_voice(statement: Statement, article: Article, relayed: str | None) -> str | None:
    """The article's own-voice key when it would tell a party's answer in ``statement`` as the answer to a claim put
    out elsewhere, else None (the claims stage reads it only for answers: :data:`ANSWERS`).

    "The company denied a newspaper report that it had hidden losses", "the ministry said the allegations were
    nonsense", or a denial in an article that relays another outlet's report ("after the Journal reported talks"):
    the article passes that claim on as well as the answer, so it *reports* the claim besides the party's denial.
    A bare denial ("the club denied that its coach had resigned") tells of no claim made by anyone: only the
    denial."""
    if relayed is None and not _ORIGIN_NOUN.search(f"{statement.cue or ''} {statement.content}"):
        return None
    return own_voice_key(article, relayed)


def outlet_key(name: str) -> str:
    """An outlet's name reduced to what stays the same across mentions: "Tuesday's New York Times report" and "the
    New York Times" are both ``new york times``, and so are "documents seen by the New York Times" and "a report in
    the New York Times on Monday": a phrase that names the outlet among other words is keyed by the name, its
    longest run of capitalised words, the first of equal runs ("BBC's Moscow correspondent" is the BBC's), though not
    a common noun capitalised only because it opens the phrase ("Documents seen by Example Post")."""
    words = _OUTLET_NOISE.sub(" | ", name).split()
    runs: list[list[str]] = [[]]
    for word in words:
        if word[0].isupper() or (word[0].isdigit() and runs[-1]):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [run for run in runs if run]
    if len(runs) > 1 and len(runs[0]) == 1 and re.match(r"\s*[A-Z][a-z]+ [a-z]", name):
        runs = runs[1:]
    best = max(runs, key=len) if runs else [word for word in words if word != "|"]
    return " ".join(best).lower()


def relayed_outlet(article: Article, statements: Sequence[Statement]) -> str | None:
    """The other outlet whose report the article relays, if it names one as a source ("The New York Times
    reported, citing US officials"; "according to Tuesday's New York Times report").

    An article that relays another outlet's report passes on that outlet's word: its own voice and its unnamed
    sources ("US officials", "intelligence reviewed by officials") are that outlet's, so a report relayed by five
    sites counts once, whether or not each of them says "citing".
    """
    own = outlet_key(article.outlet or "")
    counts: dict[str, int] = {}
    for statement in statements:
        if statement.source_type not in {"media", "document"} or not statement.speaker_text:
            continue
        key = outlet_key(statement.speaker_text)
        if not key or len(key) < 3 or (own and (own in key or key in own)):
            continue
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], key))


def affiliations(entities: Sequence[Entity]) -> dict[str, str]:
    """Person → organisation it speaks for, read off roles ("spokesperson of the Kremlin" → the Kremlin)."""
    organisations: list[tuple[str, str]] = []
    for entity in entities:
        if entity.type in {"ORG", "GPE", "NORP"}:
            for name in {entity.name, *entity.aliases}:
                if len(name) >= 3:
                    organisations.append((name.lower(), entity.id))
    # Longer names first, so "the Russian Ministry of Foreign Affairs" wins over "Russian".
    organisations.sort(key=lambda item: -len(item[0]))
    result: dict[str, str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for role in entity.roles:
            lowered = f" {role.lower()} "
            found = next((org for name, org in organisations if f" {name} " in lowered), None)
            if found:
                result[entity.id] = found
                break
    return result


def source_keys(
    statement: Statement,
    by_id: dict[str, Statement],
    affiliation: dict[str, str],
    outlet: str | None,
    relayed: str | None = None,
) -> tuple[str, str]:
    def own_key(item: Statement) -> str:
        if item.source_type in {"media", "document"} and item.speaker_text and outlet_key(item.speaker_text):
            # An outlet or its report, however worded: one origin in every article that cites it.
            return f"outlet:{outlet_key(item.speaker_text)}"
        if item.speaker:
            return item.speaker
        if relayed is not None and item.source_type in UNNAMED_TYPES | {"organization", "person"}:
            # An unnamed or unlinked source in an article relaying another outlet's report: that outlet's word.
            return f"outlet:{relayed}"
        if item.source_type == "anonymous":
            return f"anonymous:{item.article}:{item.start}"
        return f"{item.source_type}:{(item.speaker_text or outlet or item.article).lower()}"

    root = statement
    if statement.via:
        # Outermost first: the relay the reader meets first is whose word the claim travels on.
        relay = by_id.get(statement.via[0])
        root_key = statement.via[0] if relay is None else own_key(relay)
    else:
        root_key = own_key(root)
    party = affiliation.get(statement.speaker or "", statement.speaker or own_key(statement))
    return root_key, party


def outlet_entities(dossier: Dossier) -> dict[str, str]:
    """Outlet name (lower-cased) → the entity that names it, when one does."""
    names: dict[str, str] = {}
    for entity in dossier.entities:
        if entity.type in {"ORG", "WORK_OF_ART", "NORP", "PRODUCT"}:
            for name in {entity.name, *entity.aliases}:
                names.setdefault(name.lower(), entity.id)
    return names
