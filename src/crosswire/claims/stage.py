"""The claims stage: propositions from every article merged into claims, with stances, origin and verdict."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

import numpy as np

from crosswire.claims.answers import (
    DEFINITE_SUBJECT,
    DENIES_SAME_CLAIM,
    denials_to_their_claims,
    nominal_of,
    told_of_again,
)
from crosswire.claims.contradictions import (
    claim_date_pairs,
    compared_contexts,
    compared_sentences,
    date_pairs,
    dated_contexts,
    dated_propositions,
    figure_contradictions,
    figure_pairs,
    stance_contradictions,
    value_contradictions,
    worded_alike,
)
from crosswire.claims.merge import cluster_claims_by_story, rival_accounts
from crosswire.claims.parses import ParseSource, known_parses, known_sentences, tallying
from crosswire.claims.predicates import stem
from crosswire.claims.propositions import (
    Proposition,
    Reaction,
    Sources,
    carried,
    extract,
)
from crosswire.claims.slots import agent_contradictions, deed_roles, holder_contradictions, truth_contradictions
from crosswire.claims.stances import negative
from crosswire.claims.verdicts import (
    centrality_of,
    origin_of,
    party_heads,
    provenance_of,
    records_of,
    verdict_of,
)
from crosswire.claims.voices import masthead_keys, outlet_entities, outlet_key
from crosswire.context import Context
from crosswire.model import Article, Claim, Dossier, Evidence
from crosswire.nlp.embeddings import DIMENSIONS, VectorCache, embed_missing, encode_cached
from crosswire.nlp.sentences import article_sentences, keep_sentences

log = logging.getLogger(__name__)

_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|him|her|them|his|its|their|this|that|these|those|we|i|you)\b", re.IGNORECASE
)
_BULLETS = re.compile(r"\s*[•▪●]\s*|\s+")
_WORDS = re.compile(r"[a-z]{3,}")
# A reaction in an article that puts forward nothing itself answers a claim of another article only when it is this
# close to it ("could neither confirm nor deny the report that the ferry sank" / "the ferry sank near the pier").
ATTACH_ACROSS_ARTICLES = 0.5
# The encoder of every vector the stage reads (propositions, reactions' contexts, compared dated sentences) unless
# ``CROSSWIRE_ENCODER`` chooses one: the mixed graph (``crosswire.nlp.mixed_precision``), within cosine ~0.999 of the
# float one at 1.56-1.58 times less CPU; realworld-dev's claims are the same on both. The int8 graph (cosine 0.993) lost
# claim matches on its frozen stories, with the claim-identity model refitted on its vectors or not.
CLAIMS_ENCODER = "mixed"
# What a reaction in an article prefers among the claims it could answer: one more article carrying the claim is worth
# this much similarity, up to SPREAD_CAP more articles.
SPREAD_BONUS = 0.05
SPREAD_CAP = 4
_PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their)\b", re.IGNORECASE)


def claim_articles(dossier: Dossier) -> list[Article]:
    """Articles whose word counts, in canonical order (publication date, then id) so claims and their ids do not
    depend on input order. Near-duplicates repeat their original and would count one source twice."""
    kept = [article for article in dossier.articles if article.duplicate_of is None]
    return sorted(kept, key=lambda article: (article.published or "9999", article.id))


def event_spans(dossier: Dossier) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for event in dossier.events:
        for evidence in event.evidence:
            spans.setdefault(evidence.article, []).append((evidence.start, evidence.end, event.id))
    return spans


def _story_of(dossier: Dossier) -> dict[str, str]:
    return {article.id: article.story or article.id for article in dossier.articles}


def _vectors(
    propositions: Sequence[Proposition], stories: Sequence[str], shared: set[str], cache: VectorCache | None
) -> np.ndarray:
    """Embeddings of the propositions of stories told by several articles; zeros for the rest.

    A story of one article has nothing to merge across articles, and its reactions find their claim by word overlap:
    embedding it would cost a transformer pass per sentence for nothing.
    """
    needed = [index for index, story in enumerate(stories) if story in shared]
    vectors = np.zeros((len(propositions), DIMENSIONS), dtype=np.float32)
    if needed:
        vectors[needed] = encode_cached([propositions[index].text for index in needed], cache, CLAIMS_ENCODER)
    return vectors


def _put_forward(
    propositions: Sequence[Proposition], vectors: np.ndarray, groups: Sequence[Sequence[int]], stories: Sequence[str]
) -> tuple[list[Proposition], np.ndarray, list[list[int]]]:
    """The propositions of the claims some article puts forward (:func:`carried`), renumbered, with their vectors
    and groups: a tentative own-voice sentence no other article states is nobody's claim. One that another article
    gives with another figure ("about 1,500 residents were evacuated" / "2,000 residents were evacuated") is stated
    by both, only not alike: each is a claim, and the figures a contradiction."""
    tentative = frozenset(index for index, proposition in enumerate(propositions) if proposition.tentative)
    disputed: set[int] = set()
    if tentative:
        for i, j, *_ in figure_pairs(propositions, vectors, stories, tentative):
            disputed.update((i, j))
    kept = [
        list(group)
        for group in groups
        if carried([propositions[index] for index in group]) or disputed.intersection(group)
    ]
    order = sorted(index for group in kept for index in group)
    position = {index: new for new, index in enumerate(order)}
    return (
        [propositions[index] for index in order],
        vectors[order],
        [[position[index] for index in group] for group in kept],
    )


# Two lines giving one figure or one day two ways this alike tell one deed: "Thieves stole three paintings from the
# museum" and "two paintings were stolen from the museum" are one theft, counted two ways (the figures are a
# contradiction); "agreed to a 30-day ceasefire from Friday" and "agreed to a ceasefire in principle, to begin on
# Sunday" one agreement, dated two ways.
TOLD_TWO_WAYS = 0.6
# ... or this alike, with a word of their deeds in common ("agreed" to a ceasefire from Friday / from Sunday).
TOLD_TWO_WAYS_SAME_DEED = 0.5


def _told_two_ways(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    groups: Sequence[Sequence[int]],
    links: Sequence[tuple[int, int]],
) -> list[list[int]]:
    """The claims joined whose lines give one figure (:func:`figure_pairs`) or one day (:func:`date_pairs`) two ways
    and say the same thing as wholes (:data:`TOLD_TWO_WAYS`, or :data:`TOLD_TWO_WAYS_SAME_DEED` with a word of
    their deeds in common), in words of their own (not :func:`worded_alike`: two lines that differ only in the figure or
    the day are two answers to one question, and stay two claims): the merge keeps lines of different figures or days
    apart, as they could tell other deeds, but a pair the contradiction readers found telling one thing two ways is
    one claim whose figure or day is disputed. The museum's "confirms that two paintings were stolen" then confirms the
    theft the police told of with three. Rival accounts are never joined: a pair naming other doers or a refusal
    against a deed (:func:`rival_accounts`), or claims naming other doers in any of their lines."""
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    parent = list(range(len(groups)))
    members = [list(group) for group in groups]  # each root's lines, joined so far

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    for i, j in links:
        if i not in group_of or j not in group_of:
            continue
        if worded_alike(propositions[i].text, propositions[j].text):
            continue  # two answers to one question ("holds 45,000 spectators" / "holds 52,000 spectators")
        similarity = float(vectors[i] @ vectors[j])
        deeds = (propositions[i].deed or frozenset()) & (propositions[j].deed or frozenset())
        if similarity >= TOLD_TWO_WAYS or (similarity >= TOLD_TWO_WAYS_SAME_DEED and deeds):
            left, right = root(group_of[i]), root(group_of[j])
            if (
                left != right
                and not rival_accounts(propositions[i], propositions[j])
                and not _other_doers(propositions, members[left], members[right])
            ):
                parent[max(left, right)] = min(left, right)
                members[min(left, right)] = members[left] + members[right]
    joined: dict[int, list[int]] = {}
    for number, group in enumerate(groups):
        joined.setdefault(root(number), []).extend(group)
    return [sorted(group) for group in joined.values()]


def _other_doers(propositions: Sequence[Proposition], ours: Sequence[int], theirs: Sequence[int]) -> bool:
    """Whether two claims name other doers of their deed in any of their lines: rival accounts."""
    return any(
        propositions[a].agents and propositions[b].agents and not propositions[a].agents & propositions[b].agents
        for a in ours
        for b in theirs
    )


def _attach(
    reactions: Sequence[Reaction],
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    claim_of: dict[int, int],
    story_of: dict[str, str],
    shared: set[str],
    cache: VectorCache | None,
) -> dict[int, list[Reaction]]:
    """Each reaction goes to the claim it most resembles, given the sentences around it: a claim of its own article
    when the article has one, else a claim of its story that is close enough."""
    by_article: dict[str, list[int]] = {}
    by_story: dict[str, list[int]] = {}
    for index, proposition in enumerate(propositions):
        by_article.setdefault(proposition.article, []).append(index)
        by_story.setdefault(story_of.get(proposition.article, proposition.article), []).append(index)
    embedded = [
        index for index, reaction in enumerate(reactions) if story_of.get(reaction.article, reaction.article) in shared
    ]
    context_vectors = np.zeros((len(reactions), DIMENSIONS), dtype=np.float32)
    if embedded:
        # What a reaction names as what it answers, when it names something; else the sentences around it.
        context_vectors[embedded] = encode_cached(
            [_query(reactions[index]) for index in embedded], cache, CLAIMS_ENCODER
        )
    # How many articles put each claim forward: a party answers what is being reported, rarely a background line.
    carriers: dict[int, set[str]] = {}
    for index, proposition in enumerate(propositions):
        carriers.setdefault(claim_of[index], set()).add(proposition.article)
    spread = {claim: len(articles) for claim, articles in carriers.items()}
    attached: dict[int, list[Reaction]] = {}
    for row, reaction in enumerate(reactions):
        context_vector = context_vectors[row]
        words = set(_WORDS.findall(_query(reaction).lower()))
        named = bool(reaction.about)
        own = by_article.get(reaction.article)
        if own:
            best = max(
                own,
                key=lambda index: (
                    _reaction_score(
                        propositions[index], vectors[index], context_vector, words, reaction.sentence, named
                    )
                    + SPREAD_BONUS * min(SPREAD_CAP, spread[claim_of[index]] - 1)
                ),
            )
            attached.setdefault(claim_of[best], []).append(reaction)
            continue
        story = [
            index
            for index in by_story.get(story_of.get(reaction.article, reaction.article), [])
            if vectors[index].any()
        ]
        if story:
            similarities = vectors[story] @ context_vector
            best_row = int(np.argmax(similarities))
            if float(similarities[best_row]) >= ATTACH_ACROSS_ARTICLES:
                attached.setdefault(claim_of[story[best_row]], []).append(reaction)
    return attached


def _query(reaction: Reaction) -> str:
    """The text a reaction finds its claim by: what it says it answers ("neither confirm nor deny reports of talks in
    Ankara"), else the sentences around it ("declined to comment")."""
    return reaction.about or reaction.context


def _reaction_score(
    proposition: Proposition, vector: np.ndarray, context_vector: np.ndarray, words: set[str], at: int, named: bool
) -> float:
    if not vector.any() or not context_vector.any():
        # Not embedded (a story told by one article): word overlap stands in.
        overlap = words & set(_WORDS.findall(proposition.text.lower()))
        similarity = len(overlap) / max(1, len(words))
    else:
        similarity = float(vector @ context_vector)
    if named:
        # It names what it answers: where that was said in the article does not matter.
        return similarity
    # What a reaction answers is usually said before it, and the further back the less likely.
    distance = at - proposition.sentence
    return similarity - (0.02 * distance if distance >= 0 else 0.15 + 0.02 * -distance)


def _claim_text(members: Sequence[Proposition], member_vectors: np.ndarray) -> str:
    """The member that reads best on its own: no leading pronoun, a sensible length, naming who or where; among
    those, the one closest to the claim's mean embedding, i.e. the wording most of its sources share."""

    def rank(position: int) -> tuple[int, int, int, int, int, int, float]:
        proposition = members[position]
        words = len(proposition.text.split())
        return (
            # What is put forward, not its denial: "Shell is in talks to buy BP", not "No talks are taking place".
            0,
            # The deed itself, not a line telling more of it ("The offer was made last week").
            1 if position in told_again else 0,
            # A speaker's name put in for "he" reads alone but is nobody's wording: it gives way to a source's own.
            1 if _PRONOUN_START.match(proposition.text) or proposition.named else 0,
            # Names instead of pronouns: "Shell is in talks to buy BP" reads alone, "reports that it is" does not.
            len(_PRONOUN.findall(proposition.text)),
            0 if 6 <= words <= 45 else 1,
            0 if proposition.entities else 1,
            -centrality[position],
        )

    told_again = {
        position
        for position, member in enumerate(members)
        if (found := DEFINITE_SUBJECT.match(member.text))
        and any(other.deed and nominal_of(found[1], other) for other in members if other is not member)
    }
    centrality = [0.0] * len(members)
    if len(members) > 2 and member_vectors.any():
        mean = member_vectors.mean(axis=0)
        centrality = [float(value) for value in member_vectors @ mean]
    best = members[min(range(len(members)), key=rank)]
    # Flattened web text breaks lines and bullets mid-sentence; a claim reads as one line.
    text = _BULLETS.sub(" ", best.text).strip()
    return text[:1].upper() + text[1:]


def _polarized(members: Sequence[Proposition], member_vectors: np.ndarray) -> list[Proposition]:
    """Members with the stance their polarity gives them: when a claim is put forward in the positive, a first-hand
    source saying its negative ("No talks are taking place" against "Shell is in talks to buy BP") denies it.

    Only a negative member that says the same thing as the positive ones (close to their mean embedding) is a
    denial; a negative aside merged into a large claim ("no details were given") is not."""
    polarity = [negative(member.text) for member in members]
    if all(polarity):
        # The claim itself is a negative one ("Burns is not negotiating"): saying it in the negative puts it
        # forward, and only a denial verb ("denied that ...") denies it.
        return [
            replace(member, stance=member.asserted) if member.stance == "denies" and member.asserted else member
            for member in members
        ]
    if not any(polarity) or not member_vectors.any():
        return list(members)
    positive = member_vectors[[not flag for flag in polarity]]
    mean = positive.mean(axis=0)
    mean /= float(np.linalg.norm(mean)) or 1.0
    return [
        replace(member, stance="denies")
        if flag and member.stance == "confirms" and float(vector @ mean) >= DENIES_SAME_CLAIM
        else member
        for member, flag, vector in zip(members, polarity, member_vectors, strict=True)
    ]


# An outlet taking back what it reported, in its own voice: "That report was wrong", "That was not correct, and we
# withdraw the report", "We retract our story".
_RETRACTION = re.compile(
    r"^\W*(?:(?:that|this|the|our)\s+(?:(?:earlier|original|first|previous)\s+)?(?:report|story|article|claim|"
    r"information)?\s*(?:was|is)\s+(?:not\s+(?:correct|true|accurate)|wrong|incorrect|inaccurate|false|untrue|"
    r"mistaken|in\s+error)\b|we\s+(?:have\s+)?(?:withdrawn?|retract(?:ed)?|corrected)\s+(?:the|that|this|our)\s+"
    r"(?:report|story|article|claim))",
    re.IGNORECASE,
)
# An outlet's own earlier word named as the source of a line: "we" after a correction's label ("A correction: on
# Thursday we said that ..."), or an earlier version of the piece ("An earlier version of this item said ...").
_EARLIER_VERSION = (
    r"(?:an?\s+|the\s+)?(?:earlier|previous|original|first)\s+versions?\s+of\s+(?:this|the|our)\s+"
    r"(?:item|article|story|report|post|page|entry|bulletin|broadcast)"
)
_OWN_REPORT = re.compile(rf"(?:^|\W)(?:we|{_EARLIER_VERSION})\W*$", re.IGNORECASE)
# An earlier version of the piece named as what said a line is named only to correct it: "An earlier version of this
# article said the mine was owned by the state. It is owned by Minera Aldana" takes the line back without "That was
# incorrect".
_EARLIER_VERSION_SAID = re.compile(rf"(?:^|\W){_EARLIER_VERSION}\W*$", re.IGNORECASE)
# A line saying the negative of what the outlet said just before, in its own voice: "It did not explode", "He was not
# arrested", "No one was hurt" is not of this kind (it negates no deed of the line): the negated verb is read.
_NEGATED_DEED = re.compile(
    r"^\W*(?:it|he|she|they|this|that|the\s+[a-z-]+)\s+(?:did|does|do|was|were|is|are|has|have|had)\s*(?:not|n[’']t|never)"
    r"\s+(?:been\s+)?([a-z]+)\b",
    re.IGNORECASE,
)
# How far back a retraction reaches: what the outlet reported in the sentences just before it.
RETRACTION_REACH = 2
_OWN_WORD = frozenset({"we", "us"})


def _retracted(articles: Sequence[Article], propositions: Sequence[Proposition]) -> list[Proposition]:
    """The propositions with an outlet's own retraction applied: what the outlet itself reported ("Earlier this
    evening we reported that the dam had burst", "An earlier version of this item said ...", or in its own voice) in
    the sentences just before "That report was wrong" is denied by it, not reported. What it says it reported is
    taken back as well by its own negative of the line's deed right after ("on Thursday we said that the rocket had
    exploded. It did not explode."), and by naming an earlier version of the piece as what said it ("An earlier
    version of this article said ..."), which a piece does only to correct it. Another party's word the outlet relays
    there is not taken back."""
    retractions: dict[str, list[int]] = {}
    negations: dict[str, list[tuple[int, str]]] = {}
    for article in articles:
        for number, (lo, hi) in enumerate(article_sentences(article)):
            if _RETRACTION.match(article.text[lo:hi]):
                retractions.setdefault(article.id, []).append(number)
            elif (negated := _NEGATED_DEED.match(article.text[lo:hi])) is not None:
                negations.setdefault(article.id, []).append((number, stem(negated[1])))
    if (
        not retractions
        and not negations
        and not any(_EARLIER_VERSION_SAID.search(proposition.source_text or "") for proposition in propositions)
    ):
        return list(propositions)
    result = []
    for proposition in propositions:
        source = (proposition.source_text or "").strip()
        reported = bool(source) and _OWN_REPORT.search(source) is not None
        own = proposition.statement is None or source.lower() in _OWN_WORD or reported
        if own and proposition.stance in {"reports", "confirms"}:
            taken_back = bool(_EARLIER_VERSION_SAID.search(source)) or any(
                0 < number - proposition.sentence <= RETRACTION_REACH
                for number in retractions.get(proposition.article, ())
            )
            if not taken_back and reported:
                deeds = {stem(word) for word in _WORDS.findall(proposition.text.lower())}
                taken_back = any(
                    0 < number - proposition.sentence <= RETRACTION_REACH and deed in deeds
                    for number, deed in negations.get(proposition.article, ())
                )
            if taken_back:
                proposition = replace(proposition, stance="denies")
        result.append(proposition)
    return result


def _taken_back_apart(
    before: Sequence[Proposition], after: Sequence[Proposition], groups: Sequence[Sequence[int]]
) -> list[list[int]]:
    """The claims with the lines an outlet took back (:func:`_retracted`) set apart from the other lines they were
    merged with: its retraction denies what it itself reported, not what others tell beside it. "We said that the
    rocket had exploded" is no word on "the second stage shut down 45 seconds early", nor "the dam had burst" on
    another page's "the river burst its banks"; a party's denial of the outlet's report stays with those others."""
    result: list[list[int]] = []
    for group in groups:
        back = [i for i in group if after[i].stance != before[i].stance]
        if back and len(back) < len(group):
            result.append([i for i in group if i not in back])
            result.append(back)
        else:
            result.append(list(group))
    return result


def claim_date(members: Sequence[Proposition]) -> str | None:
    """The date its sources give the claim: the finest value they mention, when no two full dates disagree."""
    values = Counter(value for member in members for value in member.dates if value[:4].isdigit())
    if not values:
        return None
    days = {value[:10] for value in values if len(value) >= 10}
    if len(days) > 1:
        return None
    # The value itself breaks a tie: ``values`` is filled from sets, whose order changes with the hash seed.
    return max(values, key=lambda value: (len(value), values[value], value))


def _claim_id(first: Proposition) -> str:
    digest = hashlib.blake2b(f"{first.article}:{first.start}:{first.end}".encode(), digest_size=6).hexdigest()
    return f"claim-{digest}"


def embedded_texts(article: Article) -> list[str]:
    """Every sentence the claims stage may embed for ``article``, from the article's own layers: its propositions,
    the contexts of its reactions and of its dated sentences.

    A superset of what the stage embeds: it takes every event mention as an event's evidence (the events stage keeps
    them all, merged), and embeds only stories told by several articles (a third of these sentences, on FNC-1
    bodies, are never read). So the per-article workers run this for the clause parses it makes (which the stage
    reuses) but do not embed its sentences: the stage embeds what it reads once the stories are known
    (:func:`crosswire.nlp.embeddings.embed_missing`, on the engine's workers).
    """
    spans = {article.id: [(mention.start, mention.end, "event") for mention in article.event_mentions]}
    alone = Dossier(articles=[article], statements=list(article.statements))
    propositions, reactions = extract([article], alone, spans)
    return [
        *(proposition.text for proposition in propositions),
        *(_query(reaction) for reaction in reactions),
        *dated_contexts(article),
    ]


# Articles per extraction task on the engine's workers: each task reads its articles' parses from the run's spool, so
# small tasks cost little more than large ones, and the last task to end leaves the other workers idle for less.
EXTRACT_TASK_ARTICLES = 32


def _extracted(
    articles: Sequence[Article], dossier: Dossier, context: Context | None
) -> tuple[list[Proposition], list[Reaction]]:
    """The propositions (with their agents) and reactions of ``articles``, in their order: on the engine's workers
    in tasks of consecutive articles when they can read the run's clause parses (a spool on this machine's disk),
    else here. Each article's are made from the article, the corpus's :class:`Sources` and its events alone, so the
    tasks' lists put end to end are the list one extraction over all gives."""
    spans = event_spans(dossier)
    parses = getattr(context, "clause_parses", None)
    corpus_map = getattr(context, "corpus_map", None)
    shared = getattr(context, "corpus_files_shared", False) and (parses is None or hasattr(parses, "shared"))
    if corpus_map is None or not shared or len(articles) <= EXTRACT_TASK_ARTICLES:
        propositions, reactions, parsed, deeds, _ = _extract_part((list(articles), dossier, spans, parses))
    else:
        sources = Sources.of(dossier)
        source = parses.shared() if parses is not None else None
        tasks = []
        for first in range(0, len(articles), EXTRACT_TASK_ARTICLES):
            part = list(articles[first : first + EXTRACT_TASK_ARTICLES])
            ids = {article.id for article in part}
            tasks.append(
                (part, sources.narrowed(part), {key: value for key, value in spans.items() if key in ids}, source)
            )
        propositions, reactions, parsed, deeds = [], [], 0, 0
        for (part, *_), (made, answers, articles_parsed, deeds_read, sentences) in zip(
            tasks, corpus_map(_extract_part, tasks), strict=True
        ):
            propositions.extend(made)
            reactions.extend(answers)
            parsed += articles_parsed
            deeds += deeds_read
            # The sentences the worker split each article into, which the stage reads again here.
            for article, spans in zip(part, sentences, strict=True):
                keep_sentences(article, spans)
    # Articles no worker of this run sent parses for (analysed by an earlier run), or propositions found only here.
    log.info("claims: %d articles parsed for their clauses or predicates (%d predicates read off them)", parsed, deeds)
    return propositions, reactions


def _extract_part(
    task: tuple[list[Article], Dossier | Sources, dict[str, list[tuple[int, int, str]]], ParseSource | None],
) -> tuple[list[Proposition], list[Reaction], int, int, list[list[tuple[int, int]]]]:
    """One extraction task (what :func:`_extracted` runs here or on a worker): the articles' propositions, each with
    the doers of the deed it reports, their reactions, how many articles and predicates had to be parsed for want of
    the run's parses, and each article's sentences."""
    articles, sources, spans, parses = task
    with known_parses(parses), tallying() as tally:
        for article in articles:
            known_sentences(article)
        propositions, reactions = extract(articles, sources, spans)
    by_id = {article.id: article for article in articles}
    for position, proposition in enumerate(propositions):
        roles = deed_roles(by_id[proposition.article], proposition.start, proposition.end)
        if roles and roles[0]:
            propositions[position] = replace(proposition, agents=frozenset(roles[0]))
    return propositions, reactions, tally.articles, tally.deeds, [article_sentences(article) for article in articles]


_Sourced = TypeVar("_Sourced", Proposition, Reaction)


def _by_masthead(
    propositions: list[Proposition], reactions: list[Reaction], outlets: Sequence[str]
) -> tuple[list[Proposition], list[Reaction]]:
    """Lines and reactions whose source is an outlet named by the last words of the name of one outlet of the pile
    ("the Evening Post" for the Wexmoor Evening Post) keyed as that outlet (:func:`masthead_keys`), so an outlet's
    word in its own pages and in a relay of it counts once."""
    keys = {f"outlet:{tail}": f"outlet:{key}" for tail, key in masthead_keys(outlets).items()}
    if not keys:
        return propositions, reactions

    def keyed(item: _Sourced) -> _Sourced:
        root, party = keys.get(item.root_key, item.root_key), keys.get(item.party_key, item.party_key)
        if (root, party) == (item.root_key, item.party_key):
            return item
        return replace(item, root_key=root, party_key=party)

    return [keyed(item) for item in propositions], [keyed(item) for item in reactions]


def build_claims(dossier: Dossier, context: Context | None = None) -> None:
    """Fill ``dossier.claims`` from statements, events and the articles' own reports, and
    ``dossier.contradictions`` from the values and stances they disagree on."""
    articles = claim_articles(dossier)
    propositions, reactions = _extracted(articles, dossier, context)
    propositions, reactions = _by_masthead(propositions, reactions, [a.outlet for a in dossier.articles if a.outlet])
    story = _story_of(dossier)
    stories = [story.get(proposition.article, proposition.article) for proposition in propositions]
    cache: VectorCache | None = getattr(context, "vector_cache", None)
    told_by: dict[str, set[str]] = {}
    for article_id in [*(p.article for p in propositions), *(r.article for r in reactions)]:
        told_by.setdefault(story.get(article_id, article_id), set()).add(article_id)
    shared = {key for key, tellers in told_by.items() if len(tellers) > 1}
    compared = compared_sentences(dossier, articles)
    # Everything the stage reads embedded at once, on the engine's workers: the propositions and reactions of the
    # stories told by several articles, and the dated sentences compared (the workers embedded none of it ahead).
    embed_missing(
        [
            *(proposition.text for proposition, key in zip(propositions, stories, strict=True) if key in shared),
            *(_query(reaction) for reaction in reactions if story.get(reaction.article, reaction.article) in shared),
            *compared_contexts(compared),
        ],
        cache,
        getattr(context, "corpus_map", None),
        CLAIMS_ENCODER,
        corpus_start=getattr(context, "corpus_start", None),
    )
    vectors = _vectors(propositions, stories, shared, cache)
    propositions, vectors, groups = _put_forward(
        propositions,
        vectors,
        cluster_claims_by_story(propositions, vectors, stories, getattr(context, "corpus_map", None)),
        stories,
    )
    # The figures and the days given two ways, read once: they join the claims that tell one deed two ways, and are
    # contradictions.
    pairs = list(figure_pairs(propositions, vectors, [story.get(p.article, p.article) for p in propositions]))
    dated = date_pairs(compared, cache, CLAIMS_ENCODER)
    links = [(i, j) for i, j, *_ in pairs]
    links += dated_propositions(dated, propositions)
    groups = _told_two_ways(propositions, vectors, groups, links)
    groups = denials_to_their_claims(propositions, vectors, told_of_again(propositions, groups), story)
    taken_back = _retracted(articles, propositions)
    groups = _taken_back_apart(propositions, taken_back, groups)
    propositions = taken_back
    claim_of = {index: number for number, group in enumerate(groups) for index in group}
    dated = [*dated, *claim_date_pairs(compared, propositions, claim_of, dated, cache, CLAIMS_ENCODER)]
    attached = _attach(reactions, propositions, vectors, claim_of, story, shared, cache)
    roots = {entity.id: entity.id for entity in dossier.entities}
    for name, entity_id in outlet_entities(dossier).items():
        roots.setdefault(f"outlet:{outlet_key(name)}", entity_id)
    names = {entity.id: entity.name for entity in dossier.entities}
    # The names of organisations, whose head noun a text refers back to them by ("the court", "the ministry").
    aliases = {entity.id: {entity.name, *entity.aliases} for entity in dossier.entities if entity.type == "ORG"}
    label = {key: names.get(entity, entity) for key, entity in roots.items()}
    outlet_of = {article.id: article.outlet or article.id for article in dossier.articles}
    claims: list[Claim] = []
    for number, group in enumerate(groups):
        members = _polarized([propositions[index] for index in group], vectors[group])
        records = records_of(members, attached.get(number, []))
        parties = frozenset(entity for member in members for entity in member.entities)
        heads = party_heads(name for entity in parties for name in aliases.get(entity, ()))
        verdict, independent = verdict_of(records, parties, heads)
        events = Counter(member.event for member in members if member.event is not None)
        claims.append(
            Claim(
                id=_claim_id(members[0]),
                text=_claim_text(members, vectors[group]),
                event=events.most_common(1)[0][0] if events else None,
                stances=[record.stance for record in records],
                verdict=verdict,
                independent_sources=independent,
                origin=origin_of(records, roots),
                date=claim_date(members),
                evidence=[Evidence(article=m.article, start=m.start, end=m.end) for m in members],
                centrality=centrality_of(records),
                provenance=provenance_of(records, label, outlet_of),
            )
        )
    claim_ids = [claims[claim_of[index]].id for index in range(len(propositions))]
    competing, rivals = agent_contradictions(dossier, claims)
    for claim in claims:
        if claim.id in rivals:
            # Two culprits of one act: each account stands against the other.
            claim.verdict = "contested"
    # Central claims first; among equals, the order they were first put forward in.
    order = {claim.id: position for position, claim in enumerate(claims)}
    dossier.claims = sorted(claims, key=lambda claim: (-claim.centrality, order[claim.id]))
    dossier.contradictions = [
        *value_contradictions(compared, propositions, claim_ids, cache, CLAIMS_ENCODER, dated),
        *figure_contradictions(
            propositions, vectors, claim_ids, [story.get(p.article, p.article) for p in propositions], pairs
        ),
        *stance_contradictions(dossier, claims),
        *truth_contradictions(dossier, claims),
        *holder_contradictions(dossier, claims),
        *competing,
    ]
