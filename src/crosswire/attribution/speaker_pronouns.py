"""Speaker pronouns: who "he", "she", "it", "they", "who" or "which" as a speaker stands for.

Split from :mod:`crosswire.attribution.statements` because a pronoun speaker is read from the statements before it,
not from its own words: "She added" continues the person who spoke just before when nobody else is named between
(outside what was said) and nothing known of her sex rules it out; "it" and "they" continue an organization; a
relative pronoun ("Dan Olsen, who said ...") is the name its clause modifies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.attribution.sources import RELATIVE_PRONOUNS
from crosswire.attribution.speaker_names import ORG_LABELS, ROLE_WORD, linked_inside
from crosswire.entities.coref import PRONOUNS, resolve_reference
from crosswire.entities.gender import Gender, compatible, noun_gender
from crosswire.entities.roles import ROLE_HEADS
from crosswire.model import Article, Entity, Mention, Statement

# What may stand between a name and the relative pronoun after it: nothing but a comma ("Dan Olsen, who"), an age
# ("Dan Olsen, 48, who") or a description opened by an article or a role ("Jane Roe, an adviser to the bank, who").
_NO_CONJUNCTION = r"(?!(?:and|but|or|then|while|when|as|after|before|because|although|though|where|if|so)\b)"
_BEFORE_RELATIVE = re.compile(
    r"[ \t]*,?[ \t]*|,[ \t]*\d{1,3}[ \t]*,[ \t]*"
    r"|,[ \t]*"
    + _NO_CONJUNCTION
    + r"[a-z]+[ \t][^.;:!?\"“”()\n]{0,120}?,(?:[ \t]*or[ \t][^.;:!?\"“”()\n,]{0,40},)?[ \t]*"
)
# How close (characters) the previous person's statement must end for a pronoun speaker to continue it.
PRONOUN_SPEAKER_DISTANCE = 400
# Pronouns that can stand for an organization as a speaker ("it said"; "they said" of a spokesperson).
GROUP_PRONOUNS = frozenset({"it", "they"})


def _relative_antecedent(article: Article, start: int, relative: str) -> tuple[int, int] | None:
    """The name a relative pronoun speaker stands for: "Dan Olsen, who said ..." -> Dan Olsen; "Acme, which said
    ..." -> Acme. The name stands right before the pronoun, or before an age or a short description set off by commas
    ("Dan Olsen, 48, who", "Wilfried Strauch, an adviser to the institute, who"). "who" stands for a person, "which"
    for an organization or a place; "that" is left alone (it also opens what is said)."""
    labels = {"who": {"PERSON"}, "which": set(ORG_LABELS)}.get(relative)
    if not labels:
        return None
    before = [m for m in article.mentions if m.end <= start and start - m.end <= 160 and m.label in labels]
    for mention in sorted(before, key=lambda m: m.end, reverse=True):
        if _BEFORE_RELATIVE.fullmatch(article.text[mention.end : start]):
            return mention.start, mention.end
    return None


def _within(mention: Mention, spans: Sequence[tuple[int | None, int | None]]) -> bool:
    return any(s is not None and e is not None and s <= mention.start and mention.end <= e for s, e in spans)


def _named_between(
    article: Article, labels: set[str], start: int, end: int, said: Sequence[tuple[int | None, int | None]]
) -> bool:
    """Whether someone of ``labels`` is named between ``start`` and ``end`` outside what was said (a name inside a
    quote is talked about, so it does not interrupt who goes on speaking)."""
    return any(m.label in labels and start <= m.start < end and not _within(m, said) for m in article.mentions)


def _pronoun_speaker(
    article: Article,
    statement: Statement,
    previous: Sequence[Statement],
    entities: dict[str, Entity],
    said: Sequence[tuple[int | None, int | None]],
    genders: dict[str, Gender],
) -> str | None:
    """ "Zakharova said ... She added": a pronoun subject of a cue continues the speaker just before it. A person
    named inside what somebody said ("“We are pleased that Bob found it,” she said") is talked about, not talking,
    so such mentions neither interrupt the continuation nor serve as the antecedent. A speaker known to be of the
    other sex (``genders``; "a Volvo spokeswoman" by her noun) is never what the pronoun stands for."""
    assert statement.speaker_start is not None and statement.speaker_end is not None
    start = statement.speaker_start
    pronoun = article.text[start : statement.speaker_end].strip()
    for earlier in reversed(previous):
        spokesperson = earlier.source_type == "organization" and _unnamed_role(earlier)
        known = noun_gender(earlier.speaker_text or "") if spokesperson else genders.get(earlier.speaker or "")
        if not compatible(known, pronoun):
            continue
        if (
            earlier.speaker
            and (earlier.source_type == "person" or spokesperson)
            and start - earlier.end <= PRONOUN_SPEAKER_DISTANCE
        ):
            if not _named_between(article, {"PERSON"}, earlier.end, start, said):
                return earlier.speaker
            break
    found = resolve_reference(article, start, statement.speaker_end, entities, genders)
    if found is None:
        return _announced(article, statement, pronoun, said, genders)
    named = [m for m in article.mentions if m.entity == found and m.end <= start]
    if named and all(_within(m, said) for m in named):
        # the nearest person is only ever talked about: take the nearest one named outside what was said
        for mention in sorted(article.mentions, key=lambda m: m.start, reverse=True):
            if mention.label != "PERSON" or not mention.entity or not compatible(genders.get(mention.entity), pronoun):
                continue
            if mention.end <= start and not _within(mention, said):
                return mention.entity if start - mention.end <= PRONOUN_SPEAKER_DISTANCE * 3 else None
        return None
    return found


def _announced(
    article: Article,
    statement: Statement,
    pronoun: str,
    said: Sequence[tuple[int | None, int | None]],
    genders: dict[str, Gender],
) -> str | None:
    """'“We are staying right here,” she said. Lina Sorensen, who has run the bakery for 30 years, was speaking
    after ...': a "he" or "she" with no person named before it outside what was said stands for the person the next
    sentence names first (outside what was said, of a compatible sex), when no other statement comes between."""
    start, end = statement.speaker_start or statement.start, statement.end
    if any(m.label == "PERSON" and m.end <= start and not _within(m, said) for m in article.mentions):
        return None
    later = [
        m
        for m in article.mentions
        if m.label == "PERSON" and m.entity and m.start >= end and not _within(m, said)
        and compatible(genders.get(m.entity), pronoun)
    ]  # fmt: skip
    if not later:
        return None
    first = min(later, key=lambda m: m.start)
    if len(_SENTENCE_END.findall(article.text[end : first.start])) > 1 or any(
        s is not None and end <= s < first.start for s, _ in said
    ):
        return None
    return first.entity


_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)")


def _continued_speaker(
    article: Article,
    start: int,
    pronoun: str,
    previous: Sequence[Statement],
    said: Sequence[tuple[int | None, int | None]],
) -> str | None:
    """ "A Shell spokesman did not deny the report. They said: ...", "The league said ... It added ...": "it" and
    "they" continue the speaker of the statement just before -- an organization for "it"; for "they" also a
    spokesperson's organization or a person (the singular "they") -- when nobody else is named in between."""
    kinds = {"organization", "media"} if pronoun == "it" else {"organization", "media", "person"}
    for earlier in reversed(previous):
        if earlier.speaker_start is None or earlier.speaker_start >= start:
            continue
        if not earlier.speaker or earlier.source_type not in kinds or start - earlier.end > PRONOUN_SPEAKER_DISTANCE:
            return None
        return None if _named_between(article, {"PERSON", *ORG_LABELS}, earlier.end, start, said) else earlier.speaker
    return None


def _unnamed_role(statement: Statement) -> bool:
    """ "A Volvo spokeswoman", "the NSC spokesperson": a person known only by a role, speaking for an organization
    ("she said" after it continues the organization's statement)."""
    words = ROLE_WORD.findall(statement.speaker_text or "")
    return bool(words) and words[-1].lower() in ROLE_HEADS


def pronoun_link(
    article: Article,
    statement: Statement,
    pronoun: str,
    entities: dict[str, Entity],
    previous: Sequence[Statement],
    said: Sequence[tuple[int | None, int | None]],
    genders: dict[str, Gender],
) -> str | None:
    """The speaker a pronoun stands for: "he"/"she" through the text before, "it"/"they" the organization that
    spoke just before, "who"/"which" the name the relative clause modifies."""
    assert statement.speaker_start is not None
    if pronoun in RELATIVE_PRONOUNS:
        antecedent = _relative_antecedent(article, statement.speaker_start, pronoun)
        named = linked_inside(article, *antecedent) if antecedent else []
        return named[0].entity if named else None
    if pronoun in PRONOUNS:
        return _pronoun_speaker(article, statement, previous, entities, said, genders)
    return _continued_speaker(article, statement.speaker_start, pronoun, previous, said)
