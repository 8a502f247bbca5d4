"""Subjects: who a proposition's leading pronoun is, so that a clause cut out of a statement reads alone.

Split from :mod:`crosswire.claims.propositions` because naming a clause's subject is a reference question, not a
question of cutting sentences: reported speech whose subject is a pronoun for the speaker reads with the speaker's
name ("Ohtani said he never bet" puts forward "Shohei Ohtani never bet"), a denied clause's pronoun with the one party
of its kind the clause before names; a direct quote, or a person standing between speaker and words, keeps "he".
"""

from __future__ import annotations

import re

from crosswire.model import Article, Entity, Statement

# A clause opening on a pronoun or a possessive ("He is not conducting negotiations"): somebody named before.
PRONOUN_SUBJECT = re.compile(r"^(?:he|she|it|they|his|her|its|their)\b", re.IGNORECASE)


def named_antecedent(text: str, antecedents: frozenset[str], entities: dict[str, Entity]) -> str:
    """A denied clause opening on a pronoun, read with the one party of the pronoun's kind that the clause before
    names ("Ohtani is considered a victim and there is no evidence that he authorized the bets" denies "Shohei
    Ohtani authorized the bets"); left as it is when that clause names none or several."""
    match = _LEADING_PRONOUN.match(text)
    if match is None:
        return text
    kinds = _SPEAKER_PRONOUNS[match[1].lower()]
    fits = {entities[e].name for e in antecedents if e in entities and entities[e].type in kinds}
    return f"{fits.pop()}{text[match.end() :]}" if len(fits) == 1 else text


# Pronouns that stand for a speaker of each kind at the head of what it said ("Shell said it was not in talks").
_SPEAKER_PRONOUNS: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"}),
    # a person's "they" is other people or things ("Peskov said they were held at the US' initiative": the talks)
    "they": frozenset({"ORG", "GPE", "NORP"}),
}
_LEADING_PRONOUN = re.compile(r"^(he|she|it|they)\b", re.IGNORECASE)
THIRD_PERSON = re.compile(r"^(?:he|she)\b", re.IGNORECASE)


def named_subject(
    text: str, statement: Statement, entities: dict[str, Entity], article: Article | None = None
) -> tuple[str, bool]:
    """Reported speech whose subject is a pronoun for the speaker reads with the speaker's name: "Ohtani said he
    never bet on sports" puts forward "Shohei Ohtani never bet on sports". Direct quotes keep their words ("He will
    raise the cases", said the official: "he" is someone else); so does "he" or "she" when another person stands
    between the speaker and what was said ("The judge told Holloway that he had shown no remorse", "sentenced him
    and said he had betrayed their trust": who "he" is, the text does not settle)."""
    match = _LEADING_PRONOUN.match(text)
    speaker = entities.get(statement.speaker or "")
    if match is None or statement.direct or speaker is None:
        return text, False
    if speaker.type not in _SPEAKER_PRONOUNS[match[1].lower()]:
        return text, False
    if article is not None and match[1].lower() in {"he", "she"} and _someone_between(article, statement, entities):
        return text, False
    return speaker.name + text[match.end() :], True


_OBJECT_PERSON = re.compile(r"\b(?:him|her|them)\b", re.IGNORECASE)


def _someone_between(article: Article, statement: Statement, entities: dict[str, Entity]) -> bool:
    """Whether a person other than the speaker is named, or referred to as an object, between the speaker phrase and
    the reported words ("told Holloway that ...", "sentenced him ... and said ...")."""
    lo, hi = statement.speaker_end, statement.content_start
    if lo is None or hi is None or hi <= lo:
        return False
    if _OBJECT_PERSON.search(article.text[lo:hi]):
        return True
    return any(
        lo <= m.start and m.end <= hi and m.entity != statement.speaker and _is_person(m.entity, entities)
        for m in article.mentions
    )


def _is_person(entity_id: str | None, entities: dict[str, Entity]) -> bool:
    found = entities.get(entity_id or "")
    return found is not None and found.type == "PERSON"
