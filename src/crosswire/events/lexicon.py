"""The event trigger lexicon: which verbs and nouns name an event of which PLOVER type, under what constraints.

Read once from ``data/plover.json`` (documented in ``docs/events.md``) by :func:`lexicon`; the per-article stage
(:mod:`crosswire.events.mentions`) applies the senses, and the corpus stage (:mod:`crosswire.events.merge`) reads
the summary nouns and the sense groups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Sense:
    """One lexicon entry (see ``docs/events.md`` for the fields)."""

    type: str
    object: str | None = None
    object_not: frozenset[str] = frozenset()
    object_any: frozenset[str] = frozenset()
    or_prep: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    prep_not: frozenset[str] = frozenset()
    xcomp_not: frozenset[str] = frozenset()
    needs: str | None = None
    subject_role: str = "actor"
    number: str = "singular"
    modifier: frozenset[str] = frozenset()
    # The summary forms of this trigger when they say more than its type's ("{a} sentenced {b}").
    summary: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    light_verbs: dict[str, str]
    subject_light_verbs: frozenset[str]
    concede_objects: dict[str, frozenset[str]]
    aid_objects: dict[str, frozenset[str]]
    person_nouns: frozenset[str]
    # Head nouns of people who stand for a party named after "from" or "for" ("officials from Transport Canada").
    representatives: frozenset[str]
    # Subjects that are forces of nature, not parties: "an earthquake struck the province" is no attack.
    natural_forces: frozenset[str]
    proposal_nouns: frozenset[str]
    summary: dict[str, list[str]]
    type_nouns: dict[str, str]
    # Trigger words that name one kind of event inside a type: denying "negotiations" is not denying a "meeting".
    sense_group: dict[str, str]


def _sense(entry: dict[str, Any]) -> Sense:
    def words(key: str) -> frozenset[str]:
        value = entry.get(key, ())
        return frozenset(value.split("|") if isinstance(value, str) else value)

    return Sense(
        type=entry["type"],
        object=entry.get("object"),
        object_not=words("object_not"),
        object_any=words("object_any"),
        or_prep=words("or_prep"),
        prep=words("prep"),
        prep_not=words("prep_not"),
        xcomp_not=words("xcomp_not"),
        needs=entry.get("needs"),
        subject_role=entry.get("subject_role", "actor"),
        number=entry.get("number", "singular"),
        modifier=words("modifier"),
        summary=tuple(entry.get("summary", ())),
    )


@cache
def lexicon() -> Lexicon:
    """The trigger lexicon, read once from ``data/plover.json``."""
    raw = json.loads(resources.files("crosswire.events").joinpath("data/plover.json").read_text(encoding="utf-8"))
    return Lexicon(
        verbs={lemma: _sense(entry) for lemma, entry in raw["verbs"].items()},
        nouns={lemma: _sense(entry) for lemma, entry in raw["nouns"].items()},
        light_verbs=dict(raw["light_verbs"]),
        subject_light_verbs=frozenset(raw["subject_light_verbs"]),
        concede_objects={k: frozenset(v) for k, v in raw["concede_objects"].items()},
        aid_objects={k: frozenset(v) for k, v in raw["aid_objects"].items()},
        person_nouns=frozenset(raw["person_nouns"]),
        representatives=frozenset(raw["representatives"]),
        natural_forces=frozenset(raw["natural_forces"]),
        proposal_nouns=frozenset(raw["proposal_nouns"]),
        summary={k: list(v) for k, v in raw["summary"].items()},
        type_nouns=dict(raw["nouns_by_type"]),
        sense_group={word: group for group, words in raw["sense_groups"].items() for word in words},
    )
