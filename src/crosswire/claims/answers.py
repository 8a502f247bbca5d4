"""Which claim a denial answers: a party's denial goes to the positive claim it denies, and a line telling again of
the deed the line before it reported goes to that line's claim (steps of the claims stage, after the clustering)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from crosswire.claims.identity import content_words
from crosswire.claims.merge import conflicting
from crosswire.claims.predicates import stem
from crosswire.claims.propositions import Proposition
from crosswire.claims.stances import negative

# A negative member this close to the mean of a claim's positive members says the same thing, negated: a denial.
DENIES_SAME_CLAIM = 0.7

# A sentence opening on a definite noun ("The offer was made last week", "The sale is due to close in May").
DEFINITE_SUBJECT = re.compile(r"^(?:the|this|that)\s+([a-z][a-z-]+)\b", re.IGNORECASE)


def told_of_again(propositions: Sequence[Proposition], groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """A line opening on "the" and the noun of the deed the line before it in its article reports goes to that
    line's claim: "Nordhavn has offered to sell its feeder business ... The offer was made last week" says more of
    one offer, and whoever denies the offer denies both. The noun is the verb's own ("offered" and "the offer",
    "attacked" and "the attack" fold onto one stem)."""
    result = [list(group) for group in groups]
    claim_of = {index: number for number, group in enumerate(result) for index in group}
    by_place = {(p.article, p.sentence): index for index, p in enumerate(propositions)}
    for index in sorted(claim_of, key=lambda i: (propositions[i].article, propositions[i].sentence)):
        found = DEFINITE_SUBJECT.match(propositions[index].text)
        before = by_place.get((propositions[index].article, propositions[index].sentence - 1))
        if found is None or before is None or claim_of[before] == claim_of[index]:
            continue
        deed = propositions[before].deed
        if deed and nominal_of(found[1], propositions[before]):
            result[claim_of[index]].remove(index)
            claim_of[index] = claim_of[before]
            result[claim_of[before]].append(index)
    return [sorted(group) for group in result if group]


def nominal_of(noun: str, line: Proposition) -> bool:
    """Whether ``noun`` names the deed ``line`` reports with the noun's own verb: "the offer" for "has offered to
    sell", "the attack" for "attacked", "the announcement" for "announced"; not "the door" for "found the door plug"
    (a noun of the deed, not the deed)."""
    if not line.deed:
        return False
    noun_stem, verbs = _noun_forms(noun.lower())
    return (noun_stem in line.deed or any(stem(word) == noun_stem for word in line.deed)) and bool(
        verbs.search(line.text)
    )


@lru_cache(maxsize=4096)
def _noun_forms(noun: str) -> tuple[str, re.Pattern[str]]:
    """A noun's stem and the pattern of its verb's forms ("offer": "offered", "offers", "offering"), made once per
    noun: every member of a claim opening on "the" asks for them against each other member."""
    bases = {noun, noun.removesuffix("ment")} - {""}
    verbs = re.compile(r"\b(?:" + "|".join(re.escape(base) for base in sorted(bases)) + r")(?:e?d|e?s|ing)\b", re.I)
    return stem(noun), verbs


def denials_to_their_claims(
    propositions: Sequence[Proposition], vectors: np.ndarray, groups: Sequence[Sequence[int]], story: dict[str, str]
) -> list[list[int]]:
    """A party's denial merged into a claim that is all negative goes to the positive claim it denies, when its story
    has one that says the same thing (within :data:`DENIES_SAME_CLAIM` of its positive members' mean): "Shell said
    it was not in talks to buy BP" denies "Shell is in talks to buy BP"; beside "Shell has no intention of making an
    offer" it would be one party saying the same negative twice. So does a claim made of denials alone, of a clause
    another claim's line says with more words (:func:`_denials_told_alone`)."""
    result = [list(group) for group in groups]
    positive_means: list[np.ndarray | None] = []
    for group in result:
        # What the claim is, read off the members that define it: a tentative line only joined it.
        positive = [i for i in group if not propositions[i].tentative and not negative(propositions[i].text)]
        mean = vectors[positive].mean(axis=0) if positive else None
        if mean is not None and float(np.linalg.norm(mean)) > 0:
            mean = mean / float(np.linalg.norm(mean))
        positive_means.append(mean if mean is not None and mean.any() else None)

    def story_of(index: int) -> str:
        return story.get(propositions[index].article, propositions[index].article)

    # The positive claims of each story, in claim order: a denial is compared with its own story's only (looking at
    # every claim of the corpus for each denial grew with the square of the corpus). A claim's first member, hence its
    # story, does not change below: only all-negative claims lose members, and they are never candidates.
    positive_by_story: dict[str, list[tuple[int, np.ndarray]]] = {}
    for other, mean in enumerate(positive_means):
        if mean is not None:
            positive_by_story.setdefault(story_of(result[other][0]), []).append((other, mean))
    told_alone = _denials_told_alone(propositions, vectors, result, positive_means, positive_by_story, story_of)
    for number, group in enumerate(result):
        if positive_means[number] is not None or not group:
            continue
        for index in [i for i in group if propositions[i].stance == "denies" and vectors[i].any()]:
            # never into a claim it could not be one with ("would not pay any ransom" / "demanded a ransom")
            candidates = [
                (float(mean @ vectors[index]), other)
                for other, mean in positive_by_story.get(story_of(index), [])
                if not any(conflicting(propositions[index], propositions[member]) for member in result[other])
            ]
            if not candidates:
                continue
            similarity, other = max(candidates)
            if similarity >= DENIES_SAME_CLAIM:
                group.remove(index)
                result[other].append(index)
    for index, other in told_alone:
        result[_group_of(result, index)].remove(index)
        result[other].append(index)
    return [sorted(group) for group in result if group]


def _lines_answered(
    propositions: Sequence[Proposition],
    groups: Sequence[Sequence[int]],
    alone: set[int],
    number: int,
    index: int,
    words_of: Callable[[int], set[str]],
    among: Sequence[int] | None = None,
) -> list[int]:
    """The claims (of ``among``, else every claim with a line of the denial's article) with a line the denial
    ``index`` of claim ``number`` answers: a line of its own article just before it (:data:`ANSWER_REACH`) with every
    word of it but the noun an "any" generalises (:func:`_answers_line`), or right before it telling its deed
    (:func:`_says_its_deed_again`)."""
    denial = propositions[index]
    generalised = _generalised(denial.text)
    general = content_words(denial.text) - generalised
    if among is None:
        # the claims whose lines of the denial's article put something forward
        among = [
            other
            for other, group in enumerate(groups)
            if any(
                propositions[member].article == denial.article and not negative(propositions[member].text)
                for member in group
            )
        ]
    return [
        other
        for other in among
        if other not in alone
        and other != number
        and any(
            propositions[member].article == denial.article
            and 0 < denial.sentence - propositions[member].sentence <= ANSWER_REACH
            and (
                _answers_line(general, generalised, words_of(member))
                or _says_its_deed_again(denial, propositions[member], general, words_of(member))
            )
            for member in groups[other]
        )
    ]


# The content words a denial right after a line must share with it, its deed's among them.
SAME_DEED_WORDS = 2


def _says_its_deed_again(denial: Proposition, line: Proposition, general: set[str], line_words: set[str]) -> bool:
    """Whether a denial in the sentence right after a line says the line's deed again, in other words around it: their
    predicates share a word and :data:`SAME_DEED_WORDS` content words are common to both ("A former worker told the
    paper that inspectors had found listeria in the cheese room in July. The creamery denied that listeria had been
    found at the site before this month")."""
    if denial.sentence - line.sentence != 1 or not denial.deed or not line.deed or negative(line.text):
        return False
    return bool(denial.deed & line.deed) and len(general & line_words) >= SAME_DEED_WORDS


# How far back a denial answers a line of its own article it names with "any": the line's sentence or the next one
# between ("An engineer told us a valve had failed two ground tests. The company launched anyway, the engineer said.
# The company denied that any test of the valve had failed").
ANSWER_REACH = 2


def _group_of(groups: Sequence[Sequence[int]], index: int) -> int:
    return next(number for number, group in enumerate(groups) if index in group)


def _denials_told_alone(
    propositions: Sequence[Proposition],
    vectors: np.ndarray,
    groups: Sequence[Sequence[int]],
    positive_means: Sequence[np.ndarray | None],
    positive_by_story: dict[str, list[tuple[int, np.ndarray]]],
    story_of: Callable[[int], str],
) -> list[tuple[int, int]]:
    """The denials of claims made of denials alone, or merged among lines none of which says what they deny, that go
    to the claim they deny, as (proposition, claim) pairs:
    "the bank denied that it had been warned" denies "the bank had been warned about the flaw in January", told with
    more words elsewhere in the story: every content word of the denied clause is in one line of that claim, and the
    two say the same thing (within :data:`DENIES_SAME_CLAIM`). A denial in one of the two sentences after a line of its
    own article (:data:`ANSWER_REACH`) answers that line when the line has every word of it but the
    noun an "any" generalises: "Sources said the state had promised the airline cheap loans. The ministry denied that
    any aid had been promised." """
    moves: list[tuple[int, int]] = []
    alone = {
        number
        for number, group in enumerate(groups)
        if group and all(propositions[i].stance == "denies" for i in group)
    }
    member_words: dict[int, set[str]] = {}

    def words_of(member: int) -> set[str]:
        # each line's words once, however many denials of its story ask
        if member not in member_words:
            member_words[member] = content_words(propositions[member].text)
        return member_words[member]

    for number, group in enumerate(groups):
        for index in group:
            denial = propositions[index]
            words = content_words(denial.text)
            if not words or denial.stance != "denies":
                continue
            if not vectors[index].any():
                # a story one article tells is not embedded: only the line it answers, read off the words
                answered = _lines_answered(propositions, groups, alone, number, index, words_of)
                if len(answered) == 1:
                    moves.append((index, answered[0]))
                continue
            if number not in alone and any(
                propositions[member].stance != "denies" and (words - _generalised(denial.text)) <= words_of(member)
                for member in group
            ):
                continue  # a denial among lines that say what it denies is where it belongs
            candidates = [
                (float(mean @ vectors[index]), other)
                for other, mean in positive_by_story.get(story_of(index), [])
                if other not in alone and other != number and any(words <= words_of(member) for member in groups[other])
            ]
            if candidates and max(candidates)[0] >= DENIES_SAME_CLAIM:
                moves.append((index, max(candidates)[1]))
                continue
            positive = [other for other, _ in positive_by_story.get(story_of(index), [])]
            answered = _lines_answered(propositions, groups, alone, number, index, words_of, positive)
            if len(answered) == 1:
                moves.append((index, answered[0]))
    return moves


# The verbs a deed's noun is done with ("reach an agreement", "take a decision", "make an offer"), as
# :func:`content_words` cuts them: they add nothing to the deed the noun names.
_LIGHT_VERBS = frozenset({"reach", "take", "taken", "took", "make", "made", "strik", "struc", "give", "given", "gave"})


def _answers_line(general: set[str], generalised: set[str], line: set[str]) -> bool:
    """Whether a denial whose words are ``general`` besides the ``generalised`` noun of an "any" answers a line of
    ``line``'s words: the line has every word of it ("denied that any aid had been promised" after "had promised the
    airline cheap loans"), or the noun is the line's deed and the rest but the noun's light verb is in the line
    ("denied that any agreement had been reached" after "have agreed to a 30-day ceasefire")."""
    if general and general <= line:
        return True
    return bool(generalised & line) and (general - _LIGHT_VERBS) <= line and bool(general & _LIGHT_VERBS)


_ANY_NOUN = re.compile(r"\b(?:any|no)\s+(?:such\s+|other\s+)?([A-Za-z][\w-]*)", re.IGNORECASE)


def _generalised(text: str) -> set[str]:
    """The content words a negative polarity item generalises over ("any aid", "no such payment"): a denial of any
    aid answers a claim of loans."""
    return {word for match in _ANY_NOUN.finditer(text) for word in content_words(match[1])}
