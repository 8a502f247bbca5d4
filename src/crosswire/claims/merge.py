"""Merging propositions that say the same thing in other words into one claim.

Two propositions are the same claim when

- they report the same event (their sentences are evidence of one merged event) and their embeddings are at
  least loosely close (:data:`SAME_EVENT_CLAIM`: a charge and the sum it is about are one event, two claims), or
- the claim-identity model (:mod:`crosswire.claims.identity`), reading the pair against its story (cosine with and
  without the story's centroid, overlap of the words rare in the story, shared names and figures), finds them one
  claim,

and never when they give different full dates or different figures (those are contradictions, not one claim), or
when one is a refusal (what somebody will not do) and the other a deed (what somebody did), nor,
short of :data:`SAME_CLAIM`, when their predicates share no word (:mod:`crosswire.claims.predicates`: "he never bet
on sports" and "he is considered a victim of fraud" are two claims about one man, however alike they embed).
Candidates are only compared inside one story (articles about one developing event), so the work grows with the
size of the largest story, not with the square of the corpus; a story's similarity matrix is computed in row blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from crosswire.claims.identity import IdentityModel, Sentence, StoryContext, identity_model, pair_features
from crosswire.claims.predicates import Predicate, PredicateReader, different_deeds, stem
from crosswire.claims.propositions import Proposition, day_values
from crosswire.claims.stances import POSSIBILITY, negative
from crosswire.nlp.embeddings import cosine_matrix
from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from crosswire.context import CorpusMap

# Sentences this close say the same thing in any story, however small: the identity model, which reads a pair
# against the rest of its story, has little rest to read it against when a few articles all report one thing.
SAME_CLAIM = 0.80
# Pairs below this cosine are not read by the identity model: they could not pass the chain check (SAME_SEED) anyway.
CANDIDATE = 0.5
# Two sentences reporting one event say the same thing only when their wording is this close too.
SAME_EVENT_CLAIM = 0.5
# How close a proposition must also be to the first proposition of the claim it joins (no chains of look-alikes).
SAME_SEED = 0.5
# A denial whose predicate shares no word with a line that is no denial answers that line only when the two are at
# least this alike (:func:`_other_deed`).
DENIAL_OTHER_DEED = 0.6
_BLOCK = 1024


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            # The smaller index stays the root, so a cluster is named by its first proposition.
            self.parent[max(a, b)] = min(a, b)


def rival_accounts(left: Proposition, right: Proposition) -> bool:
    """Different doers of a deed ("US Navy divers planted the explosives" / "a pro-Ukrainian group sabotaged the
    pipelines"), a refusal against a deed, or a deed on a condition or a possibility against a deed told as done:
    never one claim, whatever figure or day they share or dispute."""
    if left.agents and right.agents and not left.agents & right.agents:
        return True
    return _refuses(left, right) or _refuses(right, left) or _unsettled_against_done(left.text, right.text)


def conflicting(left: Proposition, right: Proposition) -> bool:
    """Different full dates, different figures or different doers of a deed: the two cannot be one claim."""
    if rival_accounts(left, right):
        return True
    left_days, right_days = _days(left.dates), _days(right.dates)
    if len(left_days) == 1 and len(right_days) == 1 and left_days != right_days:
        # Two answers to "when": one day each. A sentence listing several days ("on Dec. 7, Jan. 3 and Jan. 4") is
        # not one answer, and the other's day may only be what it is dated against ("before Friday's incident").
        return True
    if _counted_apart(left.text, right.text):
        return True
    return bool(left.numbers and right.numbers and not left.numbers & right.numbers)


@lru_cache(maxsize=1 << 16)
def _days(dates: frozenset[str]) -> frozenset[str]:
    """:func:`day_values` of a proposition's dates, read once per set of dates: every candidate pair of a story asks
    (:func:`conflicting`), tens of thousands of times in a large one."""
    return day_values(dates)


# A number word counting what follows it ("two people", "three soldiers", "twelve jobs"): digits are the
# propositions' figures, read above.
_COUNT = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty)\s+(?:(?:more|other|further|[a-z]+-year-old)\s+)?([a-z]{3,})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def _counts(text: str) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for match in _COUNT.finditer(text):
        found.setdefault(match[2].lower(), set()).add(match[1].lower())
    return {noun: frozenset(numbers) for noun, numbers in found.items()}


def _counted_apart(left: str, right: str) -> bool:
    """Whether two texts count one thing differently in words ("two people have died" / "three people died"): a toll
    revised, or given two ways, is two claims (or a contradiction between them), not one."""
    ours, theirs = _counts(left), _counts(right)
    return any(not ours[noun] & theirs[noun] for noun in ours.keys() & theirs.keys())


# A refusal: what somebody will not do ("the government would not pay any ransom", "the club refuses to sell").
_REFUSAL = re.compile(
    r"\b(?:(?:will|would|shall)\s+not|won['’]t|wouldn['’]t|(?:refuses|refused|refuse)\s+to)\b", re.IGNORECASE
)
# Words of the future or of intent, after which a sentence may be what a refusal answers ("will pay the ransom").
_INTENT = re.compile(r"\b(?:will|would|shall|going\s+to|plans?\s+to|intends?\s+to|wants?\s+to)\b", re.IGNORECASE)


def _refuses(refusal: Proposition, other: Proposition) -> bool:
    """Whether ``refusal`` says what somebody will not do and ``other`` what somebody did: "the government would not
    pay any ransom" answers whether a ransom will be paid, not whether the hackers demanded one, however alike the
    two embed. A refusal answers only a claim of intent or a future ("will pay"), or another negative."""
    return _refusal_reading(refusal.text)[0] and not _refusal_reading(other.text)[1]


@lru_cache(maxsize=1 << 16)
def _refusal_reading(text: str) -> tuple[bool, bool]:
    """Whether ``text`` is a refusal, and whether it may be what a refusal answers (a negative, or of intent): read
    once per text, since every candidate pair of a story asks (:func:`conflicting`)."""
    return bool(_REFUSAL.search(text)), negative(text) or bool(_INTENT.search(text))


# A modal verb: what may, could or would happen, not what did.
_MODAL = r"(?:will|would|could|might|may|can|shall|should|must)"
# A deed on a condition ("would expel a diplomat in response if the decision was not reversed", "the rescue could
# take until Friday if the rock stays stable"): a modal of the hypothetical and an "if" or "unless" clause, in either
# order. Not "will": "will meet on Monday to underscore the consequences if Russia were to deploy ..." tells a
# meeting to come, whose "if" belongs to a noun.
_HYPOTHETICAL = r"(?:would|could|might|may)"
_CONDITIONAL = re.compile(
    rf"\b{_HYPOTHETICAL}\b(?:(?!\b(?:and|but)\b)[^;])*?\b(?:if|unless)\b|\b(?:if|unless)\b[^;]*?,[^;]*?\b{_HYPOTHETICAL}\b",
    re.IGNORECASE,
)
_ANY_MODAL = re.compile(rf"\b{_MODAL}\b|\b(?:going\s+to|plans?\s+to|intends?\s+to|expects?\s+to)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def unsettled(text: str) -> bool:
    """Whether ``text`` tells a deed on a condition or as a possibility rather than as done."""
    return bool(_CONDITIONAL.search(text) or POSSIBILITY.search(text))


def _unsettled_against_done(left: str, right: str) -> bool:
    """Whether one text holds a deed possible or conditional and the other tells a deed as done (no modal, no
    intent): "Norvask would expel a Veldorian diplomat if the decision was not reversed" is a threat, not one claim
    with "Veldoria has expelled a Norvaskan diplomat"; "the cheese may also have been sold at farmers' markets" is
    not "the cheese was sold in 240 shops", however alike they embed. Two modal texts may still be one claim ("will
    expel" / "would expel ... if ...")."""
    for maybe, other in ((left, right), (right, left)):
        if unsettled(maybe) and not unsettled(other) and not _ANY_MODAL.search(other):
            return True
    return False


def apart(left: Proposition, right: Proposition) -> bool:
    """Sentences and clauses of one quote, or clauses of one sentence in the article's own voice: split on purpose,
    never one claim again."""
    if left.statement is not None:
        return left.statement == right.statement
    return right.statement is None and (left.article, left.sentence) == (right.article, right.sentence)


def same_claim(
    left: Proposition,
    right: Proposition,
    similarity: float,
    identity: tuple[Sentence, Sentence, StoryContext] | None = None,
    model: IdentityModel | None = None,
    predicates: PredicateReader | None = None,
) -> bool:
    """Whether two propositions of one story are one claim; ``identity`` is the pair as the identity model reads it,
    ``predicates`` reads what each says of its subject."""
    if apart(left, right) or conflicting(left, right):
        return False
    if similarity < SAME_CLAIM and predicates is not None and _other_deed(left, right, predicates, similarity):
        return False
    if left.event is not None and left.event == right.event and similarity >= SAME_EVENT_CLAIM:
        return True
    if similarity >= SAME_CLAIM:
        return True
    if identity is None:
        return False
    return (model or identity_model()).same(pair_features(*identity))


def _other_deed(left: Proposition, right: Proposition, predicates: PredicateReader, similarity: float) -> bool:
    """Whether the two say different things (their predicates share no word) of one party they both name, or, short
    of :data:`DENIAL_OTHER_DEED`, of anything when one denies and the other does not: a denial answers a line telling
    its deed ("denied that explosives were used in the tunnel on the day of the collapse" is no answer to "part of
    the mine collapsed late on Sunday", at 0.51), or one asking the same question in other words ("denied that its
    equipment had caused the fire" / "the fire was started by a fallen power line", at 0.65)."""
    one_denies = (left.stance == "denies") != (right.stance == "denies") and similarity < DENIAL_OTHER_DEED
    if one_denies:
        denial, other = (left, right) if left.stance == "denies" else (right, left)
        if _subject_unnamed(denial.text, other.text):
            return True
    if not (left.entities & right.entities or one_denies):
        return False
    return different_deeds(_predicate(left, predicates), _predicate(right, predicates))


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 12)
def _subject_noun(text: str) -> str | None:
    """The stem of the common noun that is the subject of ``text``'s main verb ("explosives were used ..." gives
    "explo"), None for a pronoun, a name (a party, which may be named another way: "the company", "its managers") or
    no subject."""
    doc = load_pipeline()(text)
    root = next((token for token in doc if token.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((child for child in root.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    return stem(subject.lemma_ or subject.text)


def _subject_unnamed(denial: str, other: str) -> bool:
    """Whether what a denial says was done, or was so, is a thing the other line never names: "denied that
    explosives were used in the tunnel on the day of the collapse" answers no line without explosives, though its
    time phrase shares "collapse" with "part of the mine collapsed late on Sunday"."""
    subject = _subject_noun(denial)
    return subject is not None and subject not in {stem(word) for word in _WORD.findall(other.lower())}


def _predicate(proposition: Proposition, predicates: PredicateReader) -> Predicate:
    """What a proposition says of its subject: read off its article's parse when it was made (its ``deed``), else
    its text parsed alone."""
    if proposition.deed is not None:
        return Predicate(proposition.deed)
    return predicates.of(proposition.text)


def _unread(propositions: Sequence[Proposition]) -> list[str]:
    """The texts of those of ``propositions`` that carry no predicate read off their article (to parse alone)."""
    return [proposition.text for proposition in propositions if proposition.deed is None]


def _joins(
    seed: int,
    other: int,
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    sentences: dict[int, Sentence],
    story: StoryContext,
    model: IdentityModel,
    predicates: PredicateReader | None = None,
) -> bool:
    """Whether ``other`` may join the claim first put forward by ``seed``: close enough, not in conflict with it,
    and the same claim as the identity model reads it."""
    similarity = float(vectors[seed] @ vectors[other])
    if similarity < SAME_SEED:
        return False
    if apart(propositions[seed], propositions[other]) or conflicting(propositions[seed], propositions[other]):
        return False
    if similarity >= SAME_CLAIM:
        return True
    if predicates is not None and _other_deed(propositions[seed], propositions[other], predicates, similarity):
        return False
    return model.same(pair_features(*_pair(seed, other, propositions, vectors, sentences), story))


def _pair(
    left: int, right: int, propositions: Sequence[Proposition], vectors: np.ndarray, sentences: dict[int, Sentence]
) -> tuple[Sentence, Sentence]:
    """The two propositions as the identity model reads them, each read once per story (kept in ``sentences``)."""
    for index in (left, right):
        if index not in sentences:
            sentences[index] = Sentence.of(propositions[index].text, vectors[index])
    return sentences[left], sentences[right]


def cluster(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    groups: Sequence[str],
    model: IdentityModel | None = None,
    predicates: PredicateReader | None = None,
) -> list[list[int]]:
    """Indices of the propositions grouped into claims, each group in proposition order.

    ``groups[i]`` is the story of proposition ``i``: only propositions of one story are compared. ``model`` is the
    claim-identity model (the shipped one by default); ``predicates`` reads the propositions' predicates (a fresh
    reader by default).
    """
    model = model or identity_model()
    predicates = predicates or PredicateReader()
    union = _UnionFind(len(propositions))
    members: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        members.setdefault(group, []).append(index)
    for indices in members.values():
        if len(indices) < 2:
            continue
        block_vectors = vectors[indices]
        # Whether any of them has a predicate to read from its text (the claims stage's all come with theirs).
        unread = bool(_unread([propositions[index] for index in indices]))
        story = StoryContext.of([propositions[index].text for index in indices], block_vectors)
        sentences: dict[int, Sentence] = {}
        by_event: dict[str, int] = {}
        for position, index in enumerate(indices):
            event = propositions[index].event
            if event is not None and not vectors[index].any():
                # Not embedded (a story told by one article): the shared event is all there is to go on.
                first = by_event.setdefault(event, position)
                seed, other = propositions[indices[first]], propositions[index]
                if first != position and not (apart(seed, other) or conflicting(seed, other)):
                    union.union(indices[first], index)
        for row_start in range(0, len(indices), _BLOCK):
            rows = block_vectors[row_start : row_start + _BLOCK]
            similarities = cosine_matrix(rows, block_vectors)
            found = np.argwhere(similarities >= min(CANDIDATE, SAME_EVENT_CLAIM))
            # Each pair once (the left before the right), in the same order, with its similarity, as Python numbers:
            # a large story has hundreds of thousands.
            found = found[found[:, 1] > found[:, 0] + row_start]
            candidates: Iterable[tuple[int, int, float]] = zip(
                (found[:, 0] + row_start).tolist(),
                found[:, 1].tolist(),
                similarities[found[:, 0], found[:, 1]].tolist(),
                strict=True,
            )
            if unread:
                candidates = list(candidates)
                # The pairs short of SAME_CLAIM that name a party in common are read for their predicates: their
                # texts parsed in one batch.
                predicates.read(
                    _unread(
                        [
                            propositions[indices[position]]
                            for left_position, right_position, similarity in candidates
                            if similarity < SAME_CLAIM
                            and propositions[indices[left_position]].entities
                            & propositions[indices[right_position]].entities
                            for position in (left_position, right_position)
                        ]
                    )
                )
            for left_position, right_position, similarity in candidates:
                left, right = indices[left_position], indices[right_position]
                pair = None
                if similarity >= CANDIDATE:
                    pair = (*_pair(left, right, propositions, vectors, sentences), story)
                if not same_claim(propositions[left], propositions[right], similarity, pair, model, predicates):
                    continue
                # Not a chain: each side must also be the same claim as the first proposition of the claim the
                # other already belongs to, so "Mizuhara stole the money" -> "Mizuhara wired $16 million" ->
                # "Ohtani was fired" cannot become one claim through links that each look alike.
                seeds = union.find(left), union.find(right)
                if all(
                    seed == partner or _joins(seed, other, propositions, vectors, sentences, story, model, predicates)
                    for seed, partner, other in ((seeds[0], left, right), (seeds[1], right, left))
                ):
                    union.union(left, right)
    clusters: dict[int, list[int]] = {}
    for index in range(len(propositions)):
        clusters.setdefault(union.find(index), []).append(index)
    return sorted(clusters.values(), key=lambda group: group[0])


def cluster_claims(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    groups: Sequence[str],
    model: IdentityModel | None = None,
) -> list[list[int]]:
    """:func:`cluster`, with tentative propositions (own-voice sentences reporting no event) kept from shaping the
    claims the others make: the others are clustered first; then each tentative one joins the closest claim of its
    story it is one claim with (the same test as a link, against a member and against the claim's first
    proposition); the rest are clustered among themselves. A background line can then add a source to a claim but
    never chain two claims into one."""
    model = model or identity_model()
    predicates = PredicateReader()
    firm = [index for index, proposition in enumerate(propositions) if not proposition.tentative]
    loose = [index for index, proposition in enumerate(propositions) if proposition.tentative]
    claims = [
        [firm[position] for position in group]
        for group in cluster(
            [propositions[i] for i in firm], vectors[firm], [groups[i] for i in firm], model, predicates
        )
    ]
    by_story: dict[str, list[int]] = {}
    for number, claim in enumerate(claims):
        by_story.setdefault(groups[claim[0]], []).append(number)
    story_members: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        story_members.setdefault(group, []).append(index)
    contexts: dict[str, StoryContext] = {}
    sentences: dict[int, Sentence] = {}
    leftovers: list[int] = []
    # Each claim's members' vectors, taken out once until the claim grows (not once per tentative proposition).
    stacked: dict[int, np.ndarray] = {}
    predicates.read(_loose_texts(loose, claims, by_story, groups, propositions, vectors))
    for index in loose:
        story = groups[index]
        if story not in contexts:
            members = story_members[story]
            contexts[story] = StoryContext.of([propositions[i].text for i in members], vectors[members])
        best: tuple[float, int] | None = None
        for number in by_story.get(story, []) if vectors[index].any() else []:
            claim = claims[number]
            if number not in stacked:
                stacked[number] = vectors[claim]
            similarities = stacked[number] @ vectors[index]
            closest = int(similarities.argmax())
            similarity = float(similarities[closest])
            if best is not None and similarity <= best[0]:
                continue
            pair = (*_pair(claim[closest], index, propositions, vectors, sentences), contexts[story])
            if same_claim(propositions[claim[closest]], propositions[index], similarity, pair, model, predicates) and (
                claim[0] == claim[closest]
                or _joins(claim[0], index, propositions, vectors, sentences, contexts[story], model, predicates)
            ):
                best = (similarity, number)
        if best is None:
            leftovers.append(index)
        else:
            claims[best[1]].append(index)
            stacked.pop(best[1], None)
    claims.extend(
        [leftovers[position] for position in group]
        for group in cluster(
            [propositions[i] for i in leftovers], vectors[leftovers], [groups[i] for i in leftovers], model, predicates
        )
    )
    return sorted((sorted(claim) for claim in claims), key=lambda claim: claim[0])


def _loose_texts(
    loose: Sequence[int],
    claims: Sequence[Sequence[int]],
    by_story: dict[str, list[int]],
    groups: Sequence[str],
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
) -> list[str]:
    """The texts whose predicates :func:`cluster_claims` may read while the tentative propositions join claims, so
    they are parsed in one batch (only those of propositions that carry no predicate read off their article: the
    claims stage's all do): a text parsed on its own costs spaCy about twice what it costs in a batch, and the
    join tests below asked for them one at a time. A superset, read off the claims as they stand before any
    tentative one joins: for each claim, the pair a join tests (its member closest to the proposition) and the pair
    with its first proposition, when the two name a party in common and are short of :data:`SAME_CLAIM`. A text
    asked for later and not read here (a claim grown by an earlier join) is still parsed then; a predicate depends
    only on its proposition, so what is read ahead changes no predicate."""
    texts: list[str] = []
    # Each story's claims' members stacked once (one product per tentative proposition, not one per claim).
    stacked: dict[str, tuple[np.ndarray, list[int]]] = {}
    for index in loose:
        proposition = propositions[index]
        numbers = by_story.get(groups[index], [])
        if not proposition.entities or not numbers or not vectors[index].any():
            continue
        if groups[index] not in stacked:
            members = [member for number in numbers for member in claims[number]]
            ends = np.cumsum([len(claims[number]) for number in numbers]).tolist()
            stacked[groups[index]] = (vectors[members], [0, *ends])
        matrix, bounds = stacked[groups[index]]
        row = matrix @ vectors[index]
        for place, number in enumerate(numbers):
            claim = claims[number]
            similarities = row[bounds[place] : bounds[place + 1]]
            closest = int(similarities.argmax())
            for position in {closest, 0}:
                other = propositions[claim[position]]
                similarity = float(similarities[position])
                if (
                    similarity < SAME_CLAIM
                    and (position == closest or similarity >= SAME_SEED)
                    and other.entities & proposition.entities
                    and not (apart(other, proposition) or conflicting(other, proposition))
                ):
                    texts.extend(_unread((other, proposition)))
    return texts


def _cluster_story(task: tuple[list[Proposition], np.ndarray]) -> list[list[int]]:
    """:func:`cluster_claims` over one story's propositions (a piece of work an engine's worker may run)."""
    propositions, vectors = task
    return cluster_claims(propositions, vectors, [""] * len(propositions))


def cluster_claims_by_story(
    propositions: Sequence[Proposition], vectors: np.ndarray, groups: Sequence[str], corpus_map: CorpusMap | None
) -> list[list[int]]:
    """:func:`cluster_claims`, one story at a time, the stories of more than one proposition handed to ``corpus_map``
    (an engine's workers; in this process without one), the largest first.

    The result is the same as one :func:`cluster_claims` over all: a story's claims are made of its own propositions
    and read nothing of the other stories (pairs are only compared within a story, a predicate is a function of its
    proposition), and a story's propositions keep their relative order, so mapping its claims back to the corpus's
    indices and sorting them by first member gives the same list.
    """
    members: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        members.setdefault(group, []).append(index)
    claims = [indices for indices in members.values() if len(indices) < 2]
    # The costliest first (comparisons grow with the square of a story's size), so no worker is left with a big one
    # at the end.
    shared = sorted((indices for indices in members.values() if len(indices) > 1), key=len, reverse=True)
    tasks = [([propositions[index] for index in indices], vectors[indices]) for indices in shared]
    results = corpus_map(_cluster_story, tasks) if corpus_map is not None else [_cluster_story(t) for t in tasks]
    for indices, groups_of_story in zip(shared, results, strict=True):
        claims.extend([indices[position] for position in group] for group in groups_of_story)
    return sorted(claims, key=lambda claim: claim[0])
