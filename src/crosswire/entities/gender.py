"""Which grammatical gender ("he" or "she") a person entity takes, read from what the articles say about them.

The attribution stage resolves "she said" to a person named before; without knowing who is a "she", it could only
take the nearest person, and "Dr Sarah Lee examined Mr Tom Park. She said he responded well" gave Lee's words to
Park. This module reads three kinds of evidence, all from the article text and its PERSON
mentions (no parse needed, no list of first names: a name says nothing certain about a person):

- **a courtesy title** right before the name: Mr, Mrs, Ms, Miss, Sir, Lady, Madam, Dame, Lord;
- **a gendered noun** that describes the person: before the name ("actress Jane Roe", "his wife, Ana Ruiz",
  "spokesman Omar Haddad") or opening an apposition after it ("Jane Roe, a mother of three,", "Tom Park, 64, a
  retired businessman,"); never a noun after "of"/"for"/"to" or one with a possessive ("Jane Roe, a lawyer
  for the businessman", "Jane Roe, the businessman's lawyer": the noun is somebody else);
- **a pronoun** with only one possible antecedent: the person is the only one named in their sentence, the one
  before and the one after, the pronouns that follow (in that sentence and the next, outside quotations) are all of
  one sex, and no unnamed "woman", "mother" or "son" of that sex is there for them to stand for.

Titles and nouns weigh :data:`STRONG` votes, a pronoun one; a gender is known when its votes are more than twice
the other's (evidence from every article about the entity counts). Everyone else stays unknown, and an unknown
gender is compatible with either pronoun: the resolver then behaves as it did before genders were read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Literal

from crosswire.model import Article, Mention

Gender = Literal["male", "female"]

# The weight of a courtesy title or a gendered noun against a single pronoun.
STRONG = 3
_TITLES: dict[str, Gender] = {
    "mr": "male", "sir": "male", "lord": "male",
    "mrs": "female", "ms": "female", "miss": "female", "lady": "female", "madam": "female", "dame": "female",
}  # fmt: skip
# Nouns that say a person's sex. Job nouns that are used for either sex in news copy ("chairman", "actor", "host",
# "heir") are left out: they would be evidence of nothing.
_NOUNS: dict[str, Gender] = {
    **dict.fromkeys(
        (
            "woman", "mother", "wife", "daughter", "sister", "actress", "spokeswoman", "chairwoman", "businesswoman",
            "congresswoman", "councilwoman", "policewoman", "sportswoman", "stateswoman", "grandmother", "aunt",
            "niece", "widow", "girlfriend", "fiancee", "fiancée", "queen", "princess", "duchess", "countess",
            "empress", "girl", "mum", "mom", "granddaughter", "stepmother", "headmistress", "waitress", "bride",
            "nun", "baroness", "assemblywoman", "frontwoman", "schoolgirl", "anchorwoman",
        ),
        "female",
    ),
    **dict.fromkeys(
        (
            "man", "father", "husband", "son", "brother", "spokesman", "businessman", "congressman", "councilman",
            "policeman", "sportsman", "statesman", "grandfather", "uncle", "nephew", "widower", "boyfriend",
            "fiance", "fiancé", "king", "prince", "duke", "emperor", "boy", "dad", "grandson", "stepfather",
            "headmaster", "waiter", "groom", "monk", "baron", "assemblyman", "frontman", "schoolboy", "gentleman",
        ),
        "male",
    ),
}  # fmt: skip
_PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}

_TITLE_BEFORE = re.compile(r"\b(" + "|".join(_TITLES) + r")\.?\s+$", re.IGNORECASE)
_TITLE_INSIDE = re.compile(r"(" + "|".join(_TITLES) + r")\.?\s", re.IGNORECASE)
_NOUN = "|".join(sorted(_NOUNS, key=len, reverse=True))
# "actress Jane Roe", "his wife, Ana Ruiz": the noun right before the name, at most a comma between.
_NOUN_BEFORE = re.compile(r"\b(" + _NOUN + r")\s*,?\s+$", re.IGNORECASE)
# "Jane Roe, 52, a mother of three": the apposition's own noun, within its first five words; a preposition or a
# relative word before it makes it somebody else's ("a lawyer for the businessman", "whose husband").
_NOUN_AFTER = re.compile(
    r",\s+(?:\d{1,3}\s*,\s+)?"
    r"(?:(?!(?:of|for|to|with|from|by|at|on|in|whose|who|which|and|or|but|said|says|told)\b)[\w’'.-]+\s+){0,4}"
    r"(" + _NOUN + r")\b(?!\s*['’]s?)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(" + "|".join(_PRONOUN_GENDER) + r")\b", re.IGNORECASE)
_NOUN_ANYWHERE = re.compile(r"\b(" + _NOUN + r")s?\b", re.IGNORECASE)
# Quoted words: a pronoun inside them is the quoted speaker's, about anybody.
_QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"")
# A sentence ends at . ! ? (and a closing quote) before a space, unless the word is a short title ("Mr. Park").
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
_NOT_AN_END = re.compile(
    r"\b(?:mr|mrs|ms|dr|st|sr|jr|gen|col|lt|sgt|capt|gov|sen|rep|prof|rev|no|vs|inc|corp|co|[a-z])\.$", re.IGNORECASE
)


def pronoun_gender(word: str) -> Gender | None:
    """The gender a personal pronoun marks ("she" -> female), None for any other word."""
    return _PRONOUN_GENDER.get(word.lower())


def compatible(gender: Gender | None, pronoun: str) -> bool:
    """Whether a person of ``gender`` (None: unknown) can be what ``pronoun`` stands for."""
    marked = pronoun_gender(pronoun)
    return gender is None or marked is None or marked == gender


def noun_gender(phrase: str) -> Gender | None:
    """The gender a phrase's last gendered noun marks ("a Volvo spokeswoman" -> female), else None."""
    found = [_NOUNS[m.group(1).lower()] for m in _NOUN_ANYWHERE.finditer(phrase) if m.group(1).lower() in _NOUNS]
    return found[-1] if found else None


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, enough to tell which people stand near a pronoun. Not
    :func:`crosswire.nlp.sentences.split_sentences`: this runs over every article on the driver, and its tokenizer
    costs 2.5 CPU s on the 1,683 FNC-1 bodies against 0.05 s for this expression."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _NOT_AN_END.search(text, max(0, match.start() - 6), match.start() + 1):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _person_key(mention: Mention) -> str:
    return mention.entity or mention.text.lower()


def _named_votes(article: Article, mention: Mention) -> Gender | None:
    """A title or a gendered noun at the name."""
    text = article.text
    before = text[max(0, mention.start - 40) : mention.start]
    for found in (_TITLE_INSIDE.match(mention.text), _TITLE_BEFORE.search(before)):
        if found is not None:
            return _TITLES[found.group(1).lower()]
    noun = _NOUN_BEFORE.search(before)
    if noun is not None:
        return _NOUNS[noun.group(1).lower()]
    after = _NOUN_AFTER.match(text, mention.end, min(len(text), mention.end + 80))
    return _NOUNS[after.group(1).lower()] if after is not None else None


def _pronoun_vote(
    article: Article, mention: Mention, people: list[list[str]], where: int, spans: list[tuple[int, int]]
) -> Gender | None:
    """The sex of the pronouns after a person who is the only one named around them, else None."""
    key = _person_key(mention)
    around = people[max(0, where - 1) : where + 2]
    if any(other != key for names in around for other in names):
        return None
    end = spans[min(where + 1, len(spans) - 1)][1]
    window = _QUOTED.sub(" ", article.text[mention.end : end])
    sexes = {_PRONOUN_GENDER[m.group(1).lower()] for m in _PRONOUN.finditer(window)}
    if len(sexes) != 1:
        return None
    sex = sexes.pop()
    unnamed = {_NOUNS[m.group(1).lower()] for m in _NOUN_ANYWHERE.finditer(window) if m.group(1).lower() in _NOUNS}
    return None if sex in unnamed else sex


def article_votes(article: Article) -> dict[str, dict[Gender, int]]:
    """Entity id -> votes for each gender from one article."""
    persons = sorted((m for m in article.mentions if m.label == "PERSON"), key=lambda m: m.start)
    votes: dict[str, dict[Gender, int]] = {}
    if not persons:
        return votes
    spans = _sentences(article.text)
    starts = [s for s, _ in spans]
    people: list[list[str]] = [[] for _ in spans]
    placed: list[int] = []
    for mention in persons:
        where = max(0, bisect.bisect_right(starts, mention.start) - 1)
        people[where].append(_person_key(mention))
        placed.append(where)
    for mention, where in zip(persons, placed, strict=True):
        if not mention.entity:
            continue
        named = _named_votes(article, mention)
        if named is not None:
            tally = votes.setdefault(mention.entity, {})
            tally[named] = tally.get(named, 0) + STRONG
        pronoun = _pronoun_vote(article, mention, people, where, spans)
        if pronoun is not None:
            tally = votes.setdefault(mention.entity, {})
            tally[pronoun] = tally.get(pronoun, 0) + 1
    return votes


def read_genders(articles: Iterable[Article]) -> dict[str, Gender]:
    """Entity id -> gender, for the people the articles give clear evidence about; the rest are left out."""
    total: dict[str, dict[Gender, int]] = {}
    for article in articles:
        for entity, tally in article_votes(article).items():
            into = total.setdefault(entity, {})
            for sex, count in tally.items():
                into[sex] = into.get(sex, 0) + count
    genders: dict[str, Gender] = {}
    for entity, tally in total.items():
        male, female = tally.get("male", 0), tally.get("female", 0)
        if male > 2 * female:
            genders[entity] = "male"
        elif female > 2 * male:
            genders[entity] = "female"
    return genders
