"""Entity repairs on short passages written for each construction, from several domains.

Possessives inside names, names the tagger split or glued, type plausibility, companies and their legal forms, a
full name seen once next to a surname used often, misspellings, and roles for common titles given to the right person.
"""

from __future__ import annotations

import pytest
from entities_support import article, entity_of, run

from crosswire.entities.canonical import strip_legal_form
from crosswire.entities.coref import resolve_reference
from crosswire.entities.mentions import mentions_from_spans, plausible_label, trim_span
from crosswire.entities.roles import find_roles


def spans(text: str, labels: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Raw tagger spans: the first occurrence of each phrase, in order."""
    out = []
    for phrase, label in labels:
        start = text.index(phrase)
        out.append((start, start + len(phrase), label))
    return out


# --- mentions --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [
        ("People's Republic of China", "People's Republic of China"),
        ("Moody's Investors Service", "Moody's Investors Service"),
        ("McDonald's Corporation", "McDonald's Corporation"),
        ("Dmitriev's Role", "Dmitriev"),
        ("Merkel's Visit", "Merkel"),
    ],
)
def test_possessive_cut_only_outside_institution_names(phrase: str, kept: str) -> None:
    text = f"Reports about {phrase} appeared."
    start = text.index(phrase)
    s, e = trim_span(text, start, start + len(phrase))
    assert text[s:e] == kept


def test_a_name_split_in_two_by_the_tagger_is_one_person() -> None:
    text = "The court heard that accountant Ravi Okonkwo moved the funds."
    found = mentions_from_spans(text, spans(text, [("Ravi", "GPE"), ("Okonkwo", "GPE")]))
    assert [(m.text, m.label) for m in found] == [("Ravi Okonkwo", "PERSON")]


def test_a_known_place_next_to_a_name_is_not_joined() -> None:
    text = "Talks in Ankara Monday were brief."
    found = mentions_from_spans(text, spans(text, [("Ankara", "GPE"), ("Monday", "GPE")]))
    assert [m.text for m in found] == ["Ankara", "Monday"]


def test_a_wire_slug_glued_to_a_name_is_cut() -> None:
    text = "/REUTERS/ Marta Lindqvist said the bank would appeal."
    found = mentions_from_spans(text, spans(text, [("REUTERS/ Marta Lindqvist", "PERSON")]))
    assert [m.text for m in found] == ["Marta Lindqvist"]


def test_two_people_joined_by_and_are_two_people() -> None:
    text = "Coaches Ana Ruiz and Tomas Berg signed the letter."
    found = mentions_from_spans(text, spans(text, [("Ana Ruiz and Tomas Berg", "ORG")]))
    assert [(m.text, m.label) for m in found] == [("Ana Ruiz", "PERSON"), ("Tomas Berg", "PERSON")]


def test_a_company_named_for_two_founders_stays_whole() -> None:
    text = "Shares of Procter and Gamble rose."
    found = mentions_from_spans(text, spans(text, [("Procter and Gamble", "ORG")]))
    assert [m.text for m in found] == ["Procter and Gamble"]


@pytest.mark.parametrize(
    ("surface", "label", "expected"),
    [
        ("Flight 1282", "PERSON", None),
        ("Baltic Sea", "PERSON", "LOC"),
        ("Dodger Stadium", "PERSON", "LOC"),
        ("Hartley Foundation", "PERSON", "ORG"),
        ("Maria Lopez", "PERSON", "PERSON"),
        ("Route 66 Diner", "ORG", "ORG"),
    ],
)
def test_type_plausibility(surface: str, label: str, expected: str | None) -> None:
    assert plausible_label(surface, label) == expected


# --- canonical entities ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Northwind Energy Plc", "Northwind Energy"),
        ("Acme Corp.", "Acme"),
        ("Beispiel GmbH", "Beispiel"),
        ("Inc", "Inc"),
    ],
)
def test_legal_forms(name: str, bare: str) -> None:
    assert strip_legal_form(name) == bare


def test_a_company_and_its_legal_name_are_one_entity() -> None:
    d = run(
        article(
            "a",
            "Royal Northwind Energy Plc said talks with Harbor Oil PLC were early. Northwind declined to comment.",
            {"Royal Northwind Energy Plc": "ORG", "Harbor Oil PLC": "ORG", "Northwind": "ORG"},
        ),
        article("b", "Harbor Oil shares jumped. Energy traders cheered.", {"Harbor Oil": "ORG"}),
    )
    assert entity_of(d, "Harbor Oil PLC") is entity_of(d, "Harbor Oil")


def test_a_short_form_joins_the_one_longer_name_it_ends_when_written_together() -> None:
    d = run(
        article(
            "a",
            "Royal Dutch Tanker Corp said on Monday it would sell ships. Tanker shares fell.",
            {"Royal Dutch Tanker Corp": "ORG", "Tanker": "ORG"},
        ),
        article("b", "Tanker denied the report.", {"Tanker": "ORG"}),
    )
    assert entity_of(d, "Tanker") is entity_of(d, "Royal Dutch Tanker Corp")


def test_a_generic_head_or_an_ambiguous_short_form_is_not_joined() -> None:
    d = run(
        article(
            "a",
            "The Foreign Intelligence Service and the Security Service met. The Service said nothing. "
            "Alder Bank and Birch Bank merged; Bank executives were pleased.",
            {
                "Foreign Intelligence Service": "ORG",
                "Security Service": "ORG",
                "Service": "ORG",
                "Alder Bank": "ORG",
                "Birch Bank": "ORG",
                "Bank": "ORG",
            },
        )
    )
    assert entity_of(d, "Service") is not entity_of(d, "Security Service")
    assert entity_of(d, "Bank") is not entity_of(d, "Alder Bank")


def test_a_full_name_seen_once_gathers_the_surname_tagged_as_a_place() -> None:
    d = run(
        article(
            "a",
            "Prosecutors charged accountant Ravi Okonkwo on Friday. Okonkwo moved the funds, and Okonkwo resigned.",
            {"Ravi Okonkwo": "PERSON", "Okonkwo": "GPE"},
        ),
        article("b", "Okonkwo is expected in court.", {"Okonkwo": "GPE"}),
    )
    person = entity_of(d, "Ravi Okonkwo")
    assert person.type == "PERSON"
    assert "Okonkwo" in person.aliases


def test_a_misspelt_surname_in_one_article_joins_the_full_name() -> None:
    d = run(
        article(
            "a",
            "Striker Lukas Hennemann scored twice. Coaches praised Hennemann, and Hennermann later thanked the fans.",
            {"Lukas Hennemann": "PERSON", "Hennemann": "PERSON", "Hennermann": "ORG"},
        )
    )
    person = entity_of(d, "Lukas Hennemann")
    assert "Hennermann" in person.aliases


def test_a_different_surname_is_not_a_misspelling() -> None:
    d = run(
        article(
            "a",
            "Judge Clara Weiss ruled on Monday. Lawyers for Weber appealed.",
            {"Clara Weiss": "PERSON", "Weber": "PERSON"},
        )
    )
    assert entity_of(d, "Weber") is not entity_of(d, "Clara Weiss")


# --- roles -----------------------------------------------------------------------------------------------------------


def roles(text: str, labels: dict[str, str]) -> dict[str, list[str]]:
    ms = article("a", text, labels).mentions
    out: dict[str, list[str]] = {}
    for finding in find_roles(text, ms, lambda _: None):
        out.setdefault(ms[finding.mention_index].text, []).append(finding.role)
    return out


@pytest.mark.parametrize(
    ("text", "labels", "person", "word"),
    [
        ("President-elect Amara Diallo thanked voters.", {"Amara Diallo": "PERSON"}, "Amara Diallo", "president"),
        ("Special envoy Lena Fischer arrived in Doha.", {"Lena Fischer": "PERSON", "Doha": "GPE"}, "Lena Fischer",
         "envoy"),
        ("European Commissioner Piet Janssen said.", {"European": "NORP", "Piet Janssen": "PERSON"}, "Piet Janssen",
         "commissioner"),
        ("Police named Dario Russo, an unlicensed bookmaker, as a suspect.", {"Dario Russo": "PERSON"}, "Dario Russo",
         "bookmaker"),
        ("The pitcher spoke through interpreter Kenji Sato.", {"Kenji Sato": "PERSON"}, "Kenji Sato", "interpreter"),
        ("Hospital chief executive Ruth Abara resigned.", {"Ruth Abara": "PERSON"}, "Ruth Abara", "chief executive"),
    ],
)  # fmt: skip
def test_common_titles_are_roles(text: str, labels: dict[str, str], person: str, word: str) -> None:
    assert any(word in role for role in roles(text, labels).get(person, [])), roles(text, labels)


def test_a_title_before_the_next_name_in_a_list_is_not_the_first_persons() -> None:
    text = "Delegates included Omar Haddad, Trade Minister Ines Duarte and others."
    found = roles(text, {"Omar Haddad": "PERSON", "Ines Duarte": "PERSON"})
    assert "Omar Haddad" not in found
    assert any("minister" in role for role in found["Ines Duarte"])


def test_no_role_from_sports_or_fame_words() -> None:
    text = "Club star Jonas Berg and basketball player Tim Ode scored."
    found = roles(text, {"Jonas Berg": "PERSON", "Tim Ode": "PERSON"})
    assert "Jonas Berg" not in found


# --- pronouns --------------------------------------------------------------------------------------------------------


def test_a_pronoun_skips_a_person_named_after_a_preposition() -> None:
    text = 'Coach Ana Ruiz spoke to reporters about Tomas Berg. "We trust him," she said.'
    d = run(article("a", text, {"Ana Ruiz": "PERSON", "Tomas Berg": "PERSON"}))
    start = text.index("she said")
    assert resolve_reference(d.articles[0], start, start + 3) == entity_of(d, "Ana Ruiz").id


def test_the_object_of_a_title_does_not_get_the_title() -> None:
    text = "Ravi Okonkwo, the former accountant of Nadia Farouk, was charged."
    found = roles(text, {"Ravi Okonkwo": "PERSON", "Nadia Farouk": "PERSON"})
    assert "Nadia Farouk" not in found


def test_a_first_name_alone_tagged_as_a_place_is_the_person() -> None:
    text = "Accountant Ravi Okonkwo was charged. Ravi had moved the funds, prosecutors said."
    d = run(article("a", text, {"Ravi Okonkwo": "PERSON", "Ravi": "GPE"}))
    assert entity_of(d, "Ravi") is entity_of(d, "Ravi Okonkwo")


def test_a_title_set_off_by_commas_before_the_name() -> None:
    text = "The country's prime minister, Marta Kowalski, said on Monday."
    assert roles(text, {"Marta Kowalski": "PERSON"}) == {"Marta Kowalski": ["prime minister"]}


def test_an_apposition_that_opens_with_a_possessive_name_is_a_role() -> None:
    text = "Omar Haddad, Diallo's envoy to the region, said."
    found = roles(text, {"Omar Haddad": "PERSON", "Diallo": "PERSON"})
    assert any("envoy" in role for role in found["Omar Haddad"])


def test_a_comma_before_a_name_after_a_non_title_is_not_a_role() -> None:
    text = "The minister met the team, Jane Doe said."
    assert roles(text, {"Jane Doe": "PERSON"}) == {}
