"""Spans the tagger cut short or ran on, mended (part of the per-article mentions stage).

- a person's name stopping at a surname's particle ("Ursula von der") runs on over the surname, and a sentence's
  capitalised particles ("Van den Broek") join the surname a person of the article bears;
- a span run into a conjunction ("Paramount Global and") ends before it, and the capitalised words after the "and"
  are a name of the same kind; an "&" joins one name ("Procter & Gamble");
- a broadcaster's medium or a club's word ("Metro TV", "Kingsbury Town") belongs to the name, and an amount run into
  an organization's name ("Lystra Networks 200 million") is cut;
- a storm's name ("Storm Elin") is no person;
- a transcript's speaker label written in capitals ("DAVID OKORO:") is one person's name, where the tagger took a
  part of it ("DAVID").
"""

from __future__ import annotations

import re

from crosswire.entities.names import SURNAME_PARTICLES
from crosswire.nlp.sentences import SPEAKER_LABEL

# A broadcaster's medium after its name ("Metro TV", "Capital FM"), or a club's word ("Kingsbury Town", "Harwick
# Rovers"), which the tagger leaves out of the span; "Town" and "City" only after a span it took for an organization
# ("Kansas City" is a place).
_OUTLET_AFTER = re.compile(r" (?:TV|Television|Radio|FM|United|Rovers|Athletic|Wanderers|Albion|Rangers|FC|AFC)\b")
_CLUB_AFTER = re.compile(r" (?:Town|City)\b(?! [A-Z])")
# An amount the tagger ran into an organization's name ("fined Lystra Networks 200 million euros").
# A bare number stays ("BBC Radio 1", "Smartwatch 3"): only a currency or a magnitude makes it an amount.
_AMOUNT_TAIL = re.compile(
    r"\s+(?:[$€£¥]\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|m|k))?|\d[\d.,]*\s*(?:million|billion|trillion|bn))$"
)
# Words that name a storm before its given name ("Storm Elin", "Hurricane Ana"): the name is the weather's.
_WEATHER = frozenset({"storm", "hurricane", "typhoon", "cyclone"})
_WORD_BEFORE_SPAN = re.compile(r"(\w+)\s+$")


def _outlet_or_amount(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """The end of a span carried over a broadcaster's medium ("Metro TV", an organization) or cut before an amount
    that the tagger ran into an organization's name; and the label that follows."""
    outlet = _OUTLET_AFTER.match(text, end) or (_CLUB_AFTER.match(text, end) if label == "ORG" else None)
    if outlet is not None and label in {"ORG", "FAC", "GPE", "LOC", "PERSON"}:
        return outlet.end(), "ORG"
    amount = _AMOUNT_TAIL.search(text[start:end]) if label == "ORG" else None
    if amount is not None and amount.start() > 0:
        return start + amount.start(), label
    return end, label


# A line of a transcript opened by a speaker's name in capitals, two or three words, and a colon ("DAVID OKORO: We
# followed every rule"). One word alone ("UPDATE:", "ANCHOR:") is no name to mend.
_CAPITALS_LABEL = re.compile(rf"^[ \t]*({SPEAKER_LABEL}):[ \t]", re.M)


def _capital_labels(text: str, spans: list[tuple[int, int, str]], roles: frozenset[str]) -> list[tuple[int, int, str]]:
    """A person the tagger found inside a transcript's capitals label ("DAVID" of "DAVID OKORO:") is the whole
    label: the tagger reads capitals poorly, and a speaker's label holds one name. A label with a role word in it
    ("PRESS SECRETARY:") names a role, not a person, and is left as it is."""
    labels = [
        (m.start(1), m.end(1))
        for m in _CAPITALS_LABEL.finditer(text)
        if len(m.group(1).split()) > 1 and not any(word.lower() in roles for word in m.group(1).split())
    ]
    if not labels:
        return spans
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        whole = next((lab for lab in labels if lab[0] <= start and end <= lab[1]), None)
        if label == "PERSON" and whole is not None:
            start, end = whole
        if (start, end, label) not in out:
            out.append((start, end, label))
    return out


def _named_weather(text: str, start: int, end: int) -> bool:
    """A storm's name ("Storm Elin", "Elin" after "Storm"): no person."""
    words = text[start:end].split()
    before = _WORD_BEFORE_SPAN.search(text, max(0, start - 20), start)
    opening = words[0].lower() if words else ""
    return (opening in _WEATHER and len(words) > 1) or (
        before is not None and before.group(1)[:1].isupper() and before.group(1).lower() in _WEATHER
    )


_PARTICLE_END = re.compile(r"\s(?:" + "|".join(sorted(SURNAME_PARTICLES)) + r")$")
_SURNAME_AFTER = re.compile(r"(?:\s+(?:" + "|".join(sorted(SURNAME_PARTICLES)) + r"))*\s+[A-Z][\w’'-]+")


# A particle and the surname it opens right after a person's span: "Mohammed bin Abdulrahman" + " Al Thani",
# "Abdel Fattah" + " al-Sisi".
_PARTICLE_TAIL = re.compile(r"(?:\s+(?i:" + "|".join(sorted(SURNAME_PARTICLES)) + r"))+(?:\s+|-)[A-Z][\w’'-]+")
# A span the tagger ran on into a conjunction ("Paramount Global and"): the name, then the next one's capitals.
_CONJUNCTION_END = re.compile(r"\s+(and|&)$")
_NAME_RUN = re.compile(r"\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")
_PARTICLES_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:" + "|".join(sorted(p.title() for p in SURNAME_PARTICLES)) + r")"
    r"(?:\s+(?:" + "|".join(sorted(SURNAME_PARTICLES)) + r"))*\s+$"
)


def _particle_tails(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's span that stops at a surname's particle ("Ursula von der", "Pieter van") runs on over the surname
    that follows ("Leyen", "den Broek"), which the tagger may have tagged as a span of its own; and a span after a
    sentence's capitalised particles ("Broek" of "Van den Broek attacked") takes them back, a person's surname when
    a person's name in the article ends so."""
    out: list[tuple[int, int, str]] = []
    covered_to = -1
    for start, end, label in sorted(spans):
        if start < covered_to or (out and start < out[-1][1]):
            continue  # inside a span carried on over a particle's surname or a broadcaster's medium
        if label == "PERSON" and _PARTICLE_END.search(text[start:end]):
            tail = _SURNAME_AFTER.match(text, end)
            if tail is not None:
                end = covered_to = tail.end()
        elif label == "PERSON" and (tail := _PARTICLE_TAIL.match(text, end)) is not None:
            end = covered_to = tail.end()
        out.append((start, end, label))
    people = [text[s:e].lower() for s, e, label in out if label == "PERSON"]
    for index, (start, end, _label) in enumerate(out):
        particles = _PARTICLES_BEFORE.search(text, max(0, start - 20), start)
        if particles is None:
            continue
        surname = text[particles.start() : end].lower()
        if any(person.endswith(" " + surname) for person in people):
            out[index] = (particles.start(), end, "PERSON")
    return out


def _conjunction_ends(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span that ends in a conjunction the tagger ran into: "Paramount Global and" (of "Paramount Global and
    Skydance Media") is one name and the capitalised words after the "and" another of the same kind, unless
    tagged already; an "&" joins one name ("Procter &" + "Gamble")."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        found = _CONJUNCTION_END.search(text, start, end)
        run = _NAME_RUN.match(text, end) if found is not None else None
        if found is None or run is None:
            out.append((start, end, label))
            continue
        nxt = (run.start(1), run.end(1))
        free = not any(s < nxt[1] and nxt[0] < e for s, e, _ in spans if (s, e) != (start, end))
        if found.group(1) == "&":
            out.append((start, run.end(1) if free else end, label))
            continue
        out.append((start, found.start(), label))
        if free:
            out.append((nxt[0], nxt[1], label))
    return sorted(out)
