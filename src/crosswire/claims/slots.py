"""Contradictions over slots other than a date: who holds an office, who did a deed, and whether a claim is true.

Three slots, each filled differently by different sources of one story:

- ``holder``: one office of one organisation (a chair, a chief executive, a director) held by two different
  people in the same story ("Safety Board chair Ann Lee" / "Tom Park, chairman of the Safety Board"). Offices many
  people hold at once (a spokesperson, a minister without a country) and former holders ("ex-chief executive")
  are not slots;
- ``agent``: one deed done to one target by two disjoint sets of doers, in one story or one storyline ("the bridge
  was blown up by the militia" / "the army blew up the bridge"): two culprits of one act, two winners of one
  contest. The two claims make each other contested;
- ``truth``: one claim confirmed by one party and denied by another, in different articles ("the club paid the
  debts", says one account; "we never agreed to pay the debt", says the club's owner).

Each contradiction is about a claim (the ``about`` of the contract), and its values list, per value, the articles
that give it, in the order they were first published.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.claims.stances import negative
from crosswire.model import Article, Claim, Contradiction, ContradictionValue, Dossier, Evidence

# Offices one person holds at a time in an organisation, by the words that name them.
_OFFICES: dict[str, str] = {
    "chair": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chief executive": "chief executive",
    "chief executive officer": "chief executive",
    "ceo": "chief executive",
    "director": "director",
    "director general": "director",
    "director-general": "director",
    "head": "head",
    "president": "president",
    "prime minister": "prime minister",
    "secretary general": "secretary general",
    "secretary-general": "secretary general",
    "governor": "governor",
    "mayor": "mayor",
    "commissioner": "commissioner",
}
_OFFICE = re.compile(
    r"^(?:the\s+)?(" + "|".join(sorted((re.escape(k) for k in _OFFICES), key=len, reverse=True)) + r")\s+of\s+(.+)$",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:former|ex|ex-|then|late|acting|interim|deputy|vice|outgoing|incoming)\b", re.IGNORECASE)
_ORG_NOISE = re.compile(r"^(?:the\s+)|['’]s$", re.IGNORECASE)
# Deeds whose doer is a slot: sabotage, attacks, killings, wins. Active "X sabotaged Y", passive "Y was planted by
# X", and "X was behind / responsible for Y".
_DEED = re.compile(
    r"\b(?:sabotag\w*|blew up|blown up|blow up|planted|bombed|attacked|carried out|orchestrated|masterminded|"
    r"killed|assassinated|hacked|shot down|destroyed|won|was behind|were behind|is behind|are behind|"
    r"was responsible for|were responsible for|is responsible for|are responsible for)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Office:
    title: str
    organisation: str


def _office(role: str) -> _Office | None:
    """The office a role names ("chairwoman of the National Transportation Safety Board"), if one holder at a time."""
    if _FORMER.search(role):
        return None
    match = _OFFICE.match(role.strip())
    if match is None:
        return None
    organisation = _ORG_NOISE.sub("", match[2].strip().lower()).strip()
    organisation = re.sub(r"^the\s+", "", organisation)
    if not organisation:
        return None
    return _Office(_OFFICES[match[1].lower()], organisation)


def _digest(kind: str, about: str, values: Sequence[str]) -> str:
    digest = hashlib.blake2b(f"{kind}:{about}:{'|'.join(values)}".encode(), digest_size=6).hexdigest()
    return f"contradiction-{digest}"


def _value(value: str, articles: Sequence[str], published: dict[str, str | None]) -> ContradictionValue:
    dates = [published[a] for a in articles if published.get(a)]
    return ContradictionValue(
        value=value, articles=list(articles), first_published=min(d for d in dates if d) if dates else None
    )


def _ordered(values: list[ContradictionValue]) -> list[ContradictionValue]:
    return sorted(values, key=lambda value: (value.first_published or "9999", value.value))


def _claim_naming(
    claims: Sequence[Claim], entity: str, articles: set[str], mentions: dict[str, set[str]]
) -> str | None:
    """The claim whose evidence, in one of ``articles``, mentions ``entity``."""
    for claim in claims:
        for evidence in claim.evidence:
            if evidence.article in articles and entity in mentions.get(f"{evidence.article}:{evidence.start}", set()):
                return claim.id
    return None


def holder_contradictions(dossier: Dossier, claims: Sequence[Claim]) -> list[Contradiction]:
    """One office of one organisation given two different holders inside one story."""
    story_of = {article.id: article.story or article.id for article in dossier.articles}
    published = {article.id: article.published for article in dossier.articles}
    by_office: dict[tuple[str, _Office], dict[str, list[str]]] = {}
    # The articles naming each entity, in the dossier's order, found once (not once per person and office).
    naming: dict[str, list[Article]] = {}
    for named in dossier.articles:
        for entity_id in dict.fromkeys(m.entity for m in named.mentions):
            if entity_id:
                naming.setdefault(entity_id, []).append(named)
    for entity in dossier.entities:
        if entity.type != "PERSON":
            continue
        offices = {office for role in entity.roles if (office := _office(role)) is not None}
        for office in offices:
            for article in _articles_giving(office, naming.get(entity.id, [])):
                holders = by_office.setdefault((story_of.get(article, article), office), {})
                holders.setdefault(entity.id, []).append(article)
    names = {entity.id: entity.name for entity in dossier.entities}
    mentions = _evidence_mentions(dossier, claims)
    results: list[Contradiction] = []
    for (_, office), holders in by_office.items():
        if len(holders) < 2:
            continue
        every = {article for articles in holders.values() for article in articles}
        if len(every) < 2:
            continue
        about = next(
            (
                found
                for entity, articles in holders.items()
                if (found := _claim_naming(claims, entity, set(articles), mentions)) is not None
            ),
            None,
        )
        if about is None:
            continue
        values = _ordered([_value(names[entity], articles, published) for entity, articles in holders.items()])
        results.append(
            Contradiction(
                id=_digest("holder", about, [value.value for value in values]),
                about=about,
                values=values,
                kind="value",
                summary=f"{office.title} of {office.organisation}: " + " / ".join(value.value for value in values),
            )
        )
    return results


def _articles_giving(office: _Office, naming: Sequence[Article]) -> list[str]:
    """Of the articles ``naming`` an entity, those that name the office's organisation somewhere."""
    words = [w for w in re.findall(r"\w+", office.organisation) if len(w) > 2]
    acronym = "".join(w[0] for w in words).upper()
    found = []
    for article in naming:
        text = article.text.lower()
        if all(w in text for w in words) or (len(acronym) >= 3 and acronym in article.text):
            found.append(article.id)
    return found


def _evidence_mentions(dossier: Dossier, claims: Sequence[Claim]) -> dict[str, set[str]]:
    """``article:start`` of each claim evidence → the entities mentioned inside it."""
    by_article = {article.id: article for article in dossier.articles}
    found: dict[str, set[str]] = {}
    for claim in claims:
        for evidence in claim.evidence:
            article = by_article.get(evidence.article)
            if article is None:
                continue
            found[f"{evidence.article}:{evidence.start}"] = {
                m.entity for m in article.mentions if m.entity and evidence.start <= m.start < evidence.end
            }
    return found


@dataclass(frozen=True)
class _Deed:
    claim: Claim
    agents: frozenset[str]
    targets: frozenset[str]
    articles: frozenset[str]
    story: str


def deed_roles(article: Article, start: int, end: int) -> tuple[set[str], set[str]] | None:
    """The doers and the targets (entity ids) of the deed the text ``article.text[start:end]`` reports in the
    positive, active ("X sabotaged Y") or passive ("Y was planted by X"); None when it reports no deed."""
    text = article.text[start:end]
    match = _DEED.search(text)
    if match is None or negative(text):
        return None
    cue = start + match.start()
    after = start + match.end()
    inside = [m for m in article.mentions if m.entity and start <= m.start < end]
    before = {m.entity for m in inside if m.end <= cue and m.entity}
    passive = (
        re.match(r"\s*by\b", article.text[after:end]) is not None
        or re.search(r"\b(?:was|were|been|being)\s+$", text[: match.start()]) is not None
    )
    if passive:
        doers = {
            m.entity
            for m in inside
            if m.entity and m.start >= after and re.search(r"\bby\b", article.text[after : m.start])
        }
        return doers, before
    return before, {m.entity for m in inside if m.start >= after and m.entity}


def _deed(claim: Claim, dossier_articles: dict[str, Article]) -> _Deed | None:
    """The doers and targets of the deed a claim reports: the doers its own wording names (a claim merged from many
    reports may quote a rival account in passing), the targets every sentence putting it forward names."""
    agents: set[str] = set()
    targets: set[str] = set()
    story: str | None = None
    wording = " ".join(claim.text.lower().split())[:60]

    def own(evidence: Evidence) -> bool:
        article = dossier_articles.get(evidence.article)
        return article is not None and wording in " ".join(article.text[evidence.start : evidence.end].lower().split())

    representative = next((evidence for evidence in claim.evidence if own(evidence)), None)
    for evidence in claim.evidence:
        article = dossier_articles.get(evidence.article)
        if article is None:
            continue
        roles = deed_roles(article, evidence.start, evidence.end)
        if roles is None:
            continue
        doers, done_to = roles
        if representative is None or evidence is representative:
            agents |= doers
        targets |= done_to - doers
        story = story or article.story or article.id
    targets -= agents
    if not agents or not targets or story is None:
        return None
    articles = frozenset(stance.article for stance in claim.stances) or frozenset(e.article for e in claim.evidence)
    return _Deed(claim, frozenset(agents), frozenset(targets), articles, story)


def agent_contradictions(dossier: Dossier, claims: Sequence[Claim]) -> tuple[list[Contradiction], set[str]]:
    """Claims of one story naming disjoint doers of one deed on one target; and the ids of those claims."""
    by_id = {article.id: article for article in dossier.articles}
    names = {entity.id: entity.name for entity in dossier.entities}
    published = {article.id: article.published for article in dossier.articles}
    deeds = [deed for claim in claims if (deed := _deed(claim, by_id)) is not None]
    # One affair: one story, or stories linked as one storyline (a rival account often makes a story of its own).
    affair = {story: line.id for line in dossier.storylines for story in line.stories}
    results: list[Contradiction] = []
    competing: set[str] = set()
    for i, left in enumerate(deeds):
        for right in deeds[i + 1 :]:
            if (
                affair.get(left.story, left.story) != affair.get(right.story, right.story)
                or not left.targets & right.targets
                or left.agents & right.agents
            ):
                continue
            if left.articles == right.articles and len(left.articles) == 1:
                continue  # one article weighing two suspects is not two sources disagreeing
            values = _ordered(
                [
                    _value(", ".join(sorted(names.get(a, a) for a in deed.agents)), sorted(deed.articles), published)
                    for deed in (left, right)
                ]
            )
            target = ", ".join(sorted(names.get(t, t) for t in left.targets & right.targets))
            results.append(
                Contradiction(
                    id=_digest("agent", left.claim.id, [right.claim.id]),
                    about=left.claim.id,
                    values=values,
                    kind="value",
                    summary=f"who did it to {target}: " + " / ".join(value.value for value in values),
                )
            )
            competing |= {left.claim.id, right.claim.id}
    return results, competing


def truth_contradictions(dossier: Dossier, claims: Sequence[Claim]) -> list[Contradiction]:
    """A claim one source confirms and another party denies, in different articles."""
    published = {article.id: article.published for article in dossier.articles}
    results: list[Contradiction] = []
    for claim in claims:
        confirming = {(s.article, s.source or s.source_text or "") for s in claim.stances if s.stance == "confirms"}
        denying = {(s.article, s.source or s.source_text or "") for s in claim.stances if s.stance == "denies"}
        parties_confirming = {party for _, party in confirming}
        denying = {(article, party) for article, party in denying if party not in parties_confirming}
        confirm_articles = sorted({article for article, _ in confirming})
        deny_articles = sorted({article for article, _ in denying})
        if not confirm_articles or not deny_articles or set(confirm_articles) == set(deny_articles):
            continue
        values = _ordered(
            [_value("confirmed", confirm_articles, published), _value("denied", deny_articles, published)]
        )
        results.append(
            Contradiction(
                id=_digest("truth", claim.id, ["confirmed", "denied"]),
                about=claim.id,
                values=values,
                kind="stance",
                summary=f"{claim.text[:200]}: " + ", then ".join(value.value for value in values),
            )
        )
    return results
