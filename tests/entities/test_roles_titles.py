"""Roles read from titles, appositions and "As the ..." clauses, with organizations linked by canonical name."""

from __future__ import annotations

import re

import pytest

from crosswire.entities.roles import find_roles
from crosswire.model import Mention

ORGS = {
    "cia": "CIA",
    "kremlin": "Kremlin",
    "foreign intelligence service": "Foreign Intelligence Service",
    "SVR": "Foreign Intelligence Service",
    "fbi": "FBI",
    "bundesbank": "Bundesbank",
}


def lookup(text: str) -> str | None:
    compact = text.replace(".", "")
    if compact.isupper():
        return ORGS.get(compact) or ORGS.get(compact.lower())
    return ORGS.get(re.sub(r"(?:'s|’s)$", "", text).lower())


def mentions(text: str, labels: dict[str, str]) -> list[Mention]:
    found = []
    for name, label in labels.items():
        for match in re.finditer(re.escape(name), text):
            found.append(Mention(start=match.start(), end=match.end(), text=name, label=label))
    return sorted(found, key=lambda m: m.start)


def roles(text: str, labels: dict[str, str]) -> dict[str, list[str]]:
    ms = mentions(text, labels)
    out: dict[str, list[str]] = {}
    for finding in find_roles(text, ms, lookup, frozenset({"foreign", "intelligence", "service"})):
        out.setdefault(ms[finding.mention_index].text, []).append(finding.role)
    return out


@pytest.mark.parametrize(
    ("text", "labels", "person", "role"),
    [
        ("He met CIA director William Burns.", {"CIA": "ORG", "William Burns": "PERSON"}, "William Burns",
         "director of the CIA"),
        ("Kremlin spokesperson Dmitry Peskov said.", {"Kremlin": "ORG", "Dmitry Peskov": "PERSON"}, "Dmitry Peskov",
         "spokesperson of the Kremlin"),
        ("However, Presidential Communications Director Fahrettin Altun confirmed it.",
         {"Fahrettin Altun": "PERSON"}, "Fahrettin Altun", "presidential communications director"),
        ("Sergei Naryshkin, head of Russia's Foreign Intelligence Service\nReports say",
         {"Sergei Naryshkin": "PERSON", "Russia": "GPE", "Foreign Intelligence Service": "ORG"},
         "Sergei Naryshkin", "head of the Foreign Intelligence Service"),
        ("and Sergei Naryshkin, head of the SVR foreign intelligence service.",
         {"Sergei Naryshkin": "PERSON", "SVR": "ORG"}, "Sergei Naryshkin", "head of the Foreign Intelligence Service"),
        ("Russian Foreign Intelligence Service Director Sergei Naryshkin.",
         {"Russian": "NORP", "Sergei Naryshkin": "PERSON"}, "Sergei Naryshkin",
         "director of the Foreign Intelligence Service"),
        ("As the head of Russia’s sovereign wealth fund, Dmitriev has long advocated ties.",
         {"Russia": "GPE", "Dmitriev": "PERSON"}, "Dmitriev", "head of Russia’s sovereign wealth fund"),
        ("US national-security adviser Jake Sullivan has been engaged.", {"US": "GPE", "Jake Sullivan": "PERSON"},
         "Jake Sullivan", "national security adviser"),
        ("talks with Yury Ushakov, a senior foreign policy aide to President Vladimir Putin, on Monday",
         {"Yury Ushakov": "PERSON", "Vladimir Putin": "PERSON"}, "Yury Ushakov",
         "senior foreign policy aide to President Vladimir Putin"),
        ("Bundesbank chief economist Hans Weber warned.", {"Bundesbank": "ORG", "Hans Weber": "PERSON"},
         "Hans Weber", "chief economist of the Bundesbank"),
        ("when then-Prime Minister Boris Johnson traveled", {"Boris Johnson": "PERSON"}, "Boris Johnson",
         "prime minister"),
    ],
)  # fmt: skip
def test_role_is_read(text: str, labels: dict[str, str], person: str, role: str) -> None:
    assert role in roles(text, labels).get(person, [])


def test_title_does_not_leak_across_prepositions() -> None:
    found = roles(
        "Yury Ushakov, a senior foreign policy aide to President Vladimir Putin, spoke.",
        {"Yury Ushakov": "PERSON", "Vladimir Putin": "PERSON"},
    )
    assert found["Vladimir Putin"] == ["president"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("As part of this effort Bill Burns is in Ankara today.", {"Bill Burns": "PERSON", "Ankara": "GPE"}),
        ("Sergei Lavrov, currently attending a summit in Bali, said.", {"Sergei Lavrov": "PERSON"}),
        ("Kirill Dmitriev, a key figure in previous diplomatic efforts, came.", {"Kirill Dmitriev": "PERSON"}),
        ("Yesterday Maria Zakharova spoke.", {"Maria Zakharova": "PERSON"}),
    ],
)
def test_no_role_without_a_role_noun(text: str, labels: dict[str, str]) -> None:
    assert roles(text, labels) == {}


def test_secretary_of_state_is_not_an_organization_link() -> None:
    found = roles("talks with Secretary of State Anthony Blinken", {"State": "ORG", "Anthony Blinken": "PERSON"})
    assert found["Anthony Blinken"] == ["secretary of State"]


def test_a_relation_is_not_a_role() -> None:
    text = "Burns sat down with his Russian counterpart Sergei Naryshkin in the Turkish capital on Monday."
    found = roles(text, {"Burns": "PERSON", "Russian": "NORP", "Sergei Naryshkin": "PERSON", "Turkish": "NORP"})
    assert "counterpart" not in " ".join(found.get("Sergei Naryshkin", []))


@pytest.mark.parametrize(
    ("text", "labels", "person", "role"),
    [
        # a title in title case is written in lower case, up to the preposition
        ('"A milestone," said Dr. Helen Cho, Chief Medical Officer of Veridane.', {"Helen Cho": "PERSON"},
         "Helen Cho", "chief medical officer of Veridane"),
        ("Chief Medical Officer Helen Cho presented the data.", {"Helen Cho": "PERSON"}, "Helen Cho",
         "chief medical officer"),
        ("Marco Rossi, Head Coach of the Lions, resigned on Sunday.", {"Marco Rossi": "PERSON"}, "Marco Rossi",
         "head coach of the Lions"),
        ("Ana Pereira, Senior Vice President of Global Sales at Orion Foods, left.",
         {"Ana Pereira": "PERSON", "Orion Foods": "ORG"}, "Ana Pereira",
         "senior vice president of Global Sales at Orion Foods"),
        # a role word inside another name is part of that name; professions are read by their ending
        ("Dr. Samuel Ortiz, a neurologist at Boston General Hospital who was not involved, said.",
         {"Samuel Ortiz": "PERSON", "Boston General Hospital": "ORG"}, "Samuel Ortiz",
         "neurologist at Boston General Hospital"),
        ("Priya Nair, an epidemiologist with the city's health department, warned.", {"Priya Nair": "PERSON"},
         "Priya Nair", "epidemiologist with the city's health department"),
        ("Tom Becker, a statistician, checked the count.", {"Tom Becker": "PERSON"}, "Tom Becker", "statistician"),
    ],
)  # fmt: skip
def test_title_case_and_professions(text: str, labels: dict[str, str], person: str, role: str) -> None:
    assert role in roles(text, labels).get(person, [])


def test_a_role_word_inside_a_company_name_is_no_role() -> None:
    found = roles(
        "Jane Roe, a supplier to General Motors, and Sam Poe, Kestrel Bank's General Counsel, met.",
        {"Jane Roe": "PERSON", "General Motors": "ORG", "Sam Poe": "PERSON", "Kestrel Bank": "ORG"},
    )
    assert "Jane Roe" not in found
    assert found["Sam Poe"] == ["Kestrel Bank's general counsel"]
