"""How a claim holds up: its stances per source, who first put it out, how many independent sources back it, and
its verdict.

Independence follows the chain of relay: a source that only relays another ("Reuters, citing Kommersant"; "an
unnamed source, according to Kommersant") counts as the source it relays, so every relay of one origin counts once.
An article's own voice counts only when the article attributes the claim to nobody.

Verdicts, in order of precedence:

- ``contested``: at least one confirmation and at least one denial;
- ``denied``: denials and no confirmation;
- ``corroborated``: confirmations from at least two independent sources, or a report confirmed by a party to the
  claim itself (the body that decided, the person concerned: a source the claim names) and backed by another source;
- ``single-source``: everything rests on one independent source;
- ``unverified``: several sources relay it, fewer than two confirm it, or only non-answers (declines, neither).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from crosswire.claims.propositions import Proposition, Reaction
from crosswire.claims.voices import ANSWERS, outlet_key
from crosswire.model import ClaimStance

CONFIRMS = "confirms"
# A claim one source confirms on the record and others back independently, this many sources in all, holds up.
CONFIRMED_AND_BACKED = 3
DENIES = "denies"
BACKING = frozenset({"confirms", "reports"})


@dataclass(frozen=True)
class StanceRecord:
    """One source's stance on a claim in one article, with what the verdict needs to know about it."""

    stance: ClaimStance
    root_key: str
    party_key: str
    own_voice: bool
    published: str | None
    sentence: int
    # True when the source is another outlet the article cites: that report came before the article.
    cited_media: bool
    # True for a background line in the article's own voice (a tentative proposition): it restates the claim.
    tentative: bool = False


def records_of(members: Sequence[Proposition], reactions: Sequence[Reaction]) -> list[StanceRecord]:
    """One record per (article, statement, stance): a quote split into sentences still counts once."""
    seen: set[tuple[str, str | None, str, str]] = set()
    records: list[StanceRecord] = []
    houses: dict[str, str] = {}
    for root_key, outlet in [*((m.root_key, m.outlet) for m in members), *((r.root_key, r.outlet) for r in reactions)]:
        if root_key.startswith("anonymous:") and outlet_key(outlet or ""):
            houses[root_key] = f"outlet:{outlet_key(outlet or '')}"
    for item in members:
        key = (item.article, item.statement, item.stance, item.root_key)
        if key in seen:
            continue
        seen.add(key)
        stance = ClaimStance(
            source=item.source,
            source_text=item.source_text,
            article=item.article,
            stance=item.stance,
            statement=item.statement,
        )
        cited = item.source_type == "media" and item.statement is not None and _other_outlet(item)
        records.append(
            StanceRecord(
                stance,
                item.root_key,
                item.party_key,
                item.statement is None,
                item.published,
                item.sentence,
                cited,
                item.tentative,
            )
        )
    for reaction in reactions:
        key = (reaction.article, reaction.statement.id, reaction.stance, reaction.root_key)
        if key in seen:
            continue
        seen.add(key)
        stance = ClaimStance(
            source=reaction.source,
            source_text=reaction.source_text,
            article=reaction.article,
            stance=reaction.stance,
            statement=reaction.statement.id,
        )
        records.append(
            StanceRecord(
                stance, reaction.root_key, reaction.party_key, False, reaction.published, reaction.sentence, False
            )
        )
    records.extend(_relays_of_answered(records, [*members, *reactions]))
    records = _in_house(records, houses)
    records.sort(key=_chronology)
    return records


def _in_house(records: list[StanceRecord], houses: dict[str, str]) -> list[StanceRecord]:
    """An outlet's unnamed sources are its report: where another article cites that outlet for the claim ("the Ledger
    reported that ..."), "people familiar with the matter" in the Ledger's own article are the same word, one source.
    ``houses`` maps an anonymous source's root key to its article's outlet key."""
    roots = {record.root_key for record in records}
    return [
        replace(record, root_key=houses[record.root_key]) if houses.get(record.root_key) in roots else record
        for record in records
    ]


def _relays_of_answered(records: Sequence[StanceRecord], items: Sequence[Proposition | Reaction]) -> list[StanceRecord]:
    """The article's own relay of a claim it tells a party's answer to: "The ministry denied a report that its troops
    crossed the border" reports that claim as well as the ministry's denial. One record per article, in its own
    voice, where the article carries nothing backing the claim already; like every own-voice line of an article that
    attributes the claim to a source, it adds no independent source (see :func:`independent_roots`)."""
    backed = {record.stance.article for record in records if record.stance.stance in BACKING}
    relays: dict[str, StanceRecord] = {}
    for item in items:
        if item.stance not in ANSWERS or item.voice is None or item.article in backed or item.article in relays:
            continue
        relays[item.article] = StanceRecord(
            ClaimStance(source=None, source_text=item.outlet, article=item.article, stance="reports"),
            item.voice,
            item.voice,
            True,
            item.published,
            item.sentence,
            False,
        )
    return list(relays.values())


def _other_outlet(item: Proposition) -> bool:
    text = (item.source_text or "").lower()
    outlet = (item.outlet or "").lower()
    return not outlet or (outlet not in text and text not in outlet)


def _chronology(record: StanceRecord) -> tuple[str, int, str, int]:
    # Undated articles sort last; within a day, a cited outlet's report precedes the articles that cite it.
    return (record.published or "9999", 0 if record.cited_media else 1, record.stance.article, record.sentence)


def independent_roots(records: Sequence[StanceRecord]) -> set[str]:
    """The sources a claim rests on, each chain of relay once. An article's own voice counts only where the article
    attributes the claim to nobody; a background line restating a claim that a named source puts forward passes that
    source's word on, and adds no source of its own."""
    attributed = {record.stance.article for record in records if not record.own_voice}
    sourced = any(record.stance.stance in BACKING and not record.own_voice for record in records)
    return {
        record.root_key
        for record in records
        if record.stance.stance in BACKING
        and not (record.own_voice and record.stance.article in attributed)
        and not (record.tentative and sourced)
    }


def origin_of(records: Sequence[StanceRecord], root_entities: dict[str, str]) -> str | None:
    """The entity that first put the claim out: the root source of the earliest backing record."""
    for record in records:
        if record.stance.stance in BACKING:
            return root_entities.get(record.root_key)
    return None


def verdict_of(
    records: Sequence[StanceRecord], parties: frozenset[str] = frozenset(), heads: frozenset[str] = frozenset()
) -> tuple[str, int]:
    """The verdict and the number of independent sources; ``parties`` are the entities the claim names, ``heads`` the
    last words of their names (see :func:`party_heads`)."""
    roots = independent_roots(records)
    denying_parties = {record.party_key for record in records if record.stance.stance == DENIES} - _came_round(records)
    # A party that both confirms and denies one claim (a quote merged with its own denial) counts as denying.
    confirming = {
        record.root_key
        for record in records
        if record.stance.stance == CONFIRMS and record.party_key not in denying_parties
    }
    denying = bool(denying_parties)
    if confirming and denying:
        verdict = "contested"
    elif denying:
        verdict = "denied"
    elif (
        len(confirming) >= 2
        or (len(roots) >= 2 and _party_confirms(records, parties, heads))
        or (confirming and len(roots) >= CONFIRMED_AND_BACKED)
    ):
        verdict = "corroborated"
    elif len(roots) == 1:
        verdict = "single-source"
    else:
        verdict = "unverified"
    return verdict, len(roots)


def _came_round(records: Sequence[StanceRecord]) -> set[str]:
    """The parties whose last denial of the claim was published on an earlier day than a confirmation of theirs: a
    central bank that denied a leaked rate rise on Tuesday and announced it on Thursday, a company that denied talks
    and then confirmed the deal. Their last word stands. One article's quote merged with its own denial, a denial and a
    confirmation of one day, or an undated one, still count as a denial."""
    last: dict[tuple[str, str], str] = {}
    undated: set[str] = set()
    for record in records:
        if record.stance.stance not in {DENIES, CONFIRMS}:
            continue
        if not record.published:
            undated.add(record.party_key)
            continue
        key = (record.party_key, record.stance.stance)
        last[key] = max(last.get(key, ""), record.published[:10])
    return {
        party
        for (party, stance), day in last.items()
        if stance == DENIES and party not in undated and last.get((party, CONFIRMS), "") > day
    }


def _party_confirms(records: Sequence[StanceRecord], parties: frozenset[str], heads: frozenset[str]) -> bool:
    """Whether a party the claim names confirms it itself ("the court said it had fined the company"): a source
    linked to that party, or one unlinked that names it by the head of its name ("the administration" in a claim
    naming the Federal Aviation Administration, "the ministry" for the Defence Ministry)."""
    return any(
        record.stance.stance == CONFIRMS
        and (
            record.stance.source in parties
            or record.party_key in parties
            or (record.stance.source is None and _definite_head(record.stance.source_text) in heads)
        )
        for record in records
    )


_DEFINITE = re.compile(r"^(?:the|this|that)\s+([a-z]+)$", re.IGNORECASE)


def _definite_head(text: str | None) -> str | None:
    """The noun of a bare definite description ("the administration" gives "administration"), else None."""
    found = _DEFINITE.match((text or "").strip())
    return found[1].lower() if found else None


def party_heads(names: Iterable[str]) -> frozenset[str]:
    """The last words of the names of a claim's parties, by which a text refers back to them ("the court")."""
    return frozenset(words[-1].lower() for name in names if len(words := name.split()) >= 2 and words[-1].isalpha())


# Stances a party takes itself, as opposed to relaying: what makes a claim matter to a story.
PARTY_STANCES = frozenset({"confirms", "denies", "declines", "neither"})


def centrality_of(records: Sequence[StanceRecord]) -> float:
    """How central a claim is: the articles that speak to it, plus the parties that take a stance on it (a claim a
    party denies or won't discuss is what the story is about, even when one article carries it)."""
    articles = {record.stance.article for record in records}
    parties = {record.party_key for record in records if record.stance.stance in PARTY_STANCES}
    answered = any(record.stance.stance in PARTY_STANCES - {CONFIRMS} for record in records)
    return float(len(articles)) + 0.5 * len(parties) + (1.0 if answered else 0.0)


def provenance_of(records: Sequence[StanceRecord], label: dict[str, str], outlet: dict[str, str]) -> list[str]:
    """The chain of provenance of each backing record, earliest first: "WSJ → Reuters (in AJC)".

    ``label`` names root keys (entity ids, ``outlet:`` keys), ``outlet`` names each article's outlet."""
    chains: list[str] = []
    for record in records:
        if record.stance.stance not in BACKING:
            continue
        root = label.get(record.root_key) or _readable(record.root_key)
        steps = [root]
        source = record.stance.source_text or (label.get(record.stance.source or "") if record.stance.source else None)
        if source and source.lower() not in root.lower() and root.lower() not in source.lower():
            steps.append(source)
        where = outlet.get(record.stance.article) or record.stance.article
        chain = " → ".join(steps) + f" (in {where})"
        if chain not in chains:
            chains.append(chain)
    return chains[:MAX_CHAINS]


MAX_CHAINS = 8


def _readable(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind == "anonymous":
        return "an unnamed source"
    return rest or key
