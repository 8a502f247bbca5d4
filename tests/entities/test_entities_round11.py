"""Entity mechanisms the events battery called for, on tagger spans given by hand (no spaCy run): a span the tagger
ran into a conjunction is two names, a particle's surname after a person's span is his, a regnal number ends a
titled name, a one-word name that reported something is a masthead, and a body in an organization's possessive
is the organization's."""

from __future__ import annotations

import pytest
from entities_support import found as _found
from entities_support import span as _span


@pytest.mark.parametrize(
    ("text", "tagged", "names"),
    [
        ("Executives from Paramount Global and Skydance Media held talks.", "Paramount Global and",
         [("Paramount Global", "ORG"), ("Skydance Media", "ORG")]),
        ("Shares of Kestrel Holdings and Veridane Therapeutics fell.", "Kestrel Holdings and",
         [("Kestrel Holdings", "ORG"), ("Veridane Therapeutics", "ORG")]),
        # an ampersand joins one name
        ("Procter & Gamble raised prices.", "Procter &", [("Procter & Gamble", "ORG")]),
    ],
)  # fmt: skip
def test_a_span_run_into_a_conjunction_is_the_name_and_the_next(text: str, tagged: str, names: list) -> None:
    assert _found(text, _span(text, tagged, "ORG")) == names


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("Prime Minister Mohammed bin Abdulrahman Al Thani met the envoy.", "Mohammed bin Abdulrahman",
         "Mohammed bin Abdulrahman Al Thani"),
        ("President Abdel Fattah al-Sisi spoke on Monday.", "Abdel Fattah", "Abdel Fattah al-Sisi"),
        ("Commissioner Ursula Meyer van der Berg said so.", "Ursula Meyer", "Ursula Meyer van der Berg"),
    ],
)  # fmt: skip
def test_a_particle_and_surname_after_a_persons_span_are_his(text: str, tagged: str, name: str) -> None:
    assert _found(text, _span(text, tagged, "PERSON")) == [(name, "PERSON")]


def test_a_person_span_followed_by_an_ordinary_word_keeps_its_end() -> None:
    text = "Ana Ruiz de Madrid? No: Ana Ruiz said so."
    assert _found(text, _span(text, "Ana Ruiz", "PERSON", 1)) == [("Ana Ruiz", "PERSON")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chilean President Gabriel Boric met King Felipe VI at the palace.", "Felipe VI"),
        ("The crowd cheered Pope Leo XIV in the square.", "Leo XIV"),
    ],
)
def test_a_regnal_number_ends_a_titled_name_the_tagger_missed(text: str, name: str) -> None:
    assert (name, "PERSON") in _found(text)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Kestrel Motors will recall 40,000 cars, Autoblad reported on Tuesday.", "Autoblad", "ORG"),
        ("The minister resigned, Nordlys wrote on Friday.", "Nordlys", "ORG"),
        # places the gazetteer knows report too
        ("China reported 300 new cases on Monday.", "China", "GPE"),
        ("Ohio reported a rise in cases.", "Ohio", "GPE"),
    ],
)
def test_a_one_word_name_that_reported_is_a_masthead_unless_a_known_place(text: str, name: str, label: str) -> None:
    assert (name, label) in _found(text, _span(text, name, "GPE"))


@pytest.mark.parametrize(
    ("text", "owner", "body"),
    [
        ("The Reserve Bank of Estavia held rates. The bank's Monetary Policy Committee voted 7-2.",
         "Reserve Bank of Estavia", "Monetary Policy Committee"),
        ("Halvorsen Shipping cut its fleet. The company's Audit Committee will review the sale.",
         "Halvorsen Shipping", "Audit Committee"),
    ],
)  # fmt: skip
def test_a_body_in_its_organizations_possessive_is_the_organization(text: str, owner: str, body: str) -> None:
    assert _found(text, _span(text, owner, "ORG"), _span(text, body, "ORG")) == [(owner, "ORG")]


def test_a_body_of_an_organization_the_article_does_not_name_stays() -> None:
    text = "The Port Authority met the strikers. The union's Executive Committee voted to go on."
    found = _found(text, _span(text, "Port Authority", "ORG"), _span(text, "Executive Committee", "ORG"))
    assert ("Executive Committee", "ORG") in found
