"""A company's name written without its corporate head noun ("Veridane" for "Veridane Therapeutics") is the company,
in any article of the corpus, whatever kind the tagger gave the short form."""

from __future__ import annotations

from entities_support import article, entity_of, run


def test_a_company_written_without_its_head_noun_joins_it_across_articles() -> None:
    d = run(
        article("a", "Veridane Therapeutics said its drug worked.", {"Veridane Therapeutics": "ORG"}),
        article("b", "Veridane denied the report.", {"Veridane": "ORG"}),
        article("c", "Veridane's chief executive spoke.", {"Veridane": "PERSON"}),
        article("d", "Pilots at Nordavia Airways Group struck.", {"Nordavia Airways Group": "ORG"}),
        article("e", "Nordavia apologised.", {"Nordavia": "ORG"}),
    )
    company = entity_of(d, "Veridane Therapeutics")
    assert company.type == "ORG" and {"Veridane", "Veridane Therapeutics"} <= set(company.aliases)
    assert company.name == "Veridane Therapeutics"
    assert entity_of(d, "Nordavia") is entity_of(d, "Nordavia Airways Group")


def test_a_person_of_that_surname_or_two_companies_with_the_stem_stay_apart() -> None:
    d = run(
        article("a", "Morgan Capital bought the stake.", {"Morgan Capital": "ORG"}),
        article("b", "Analyst Sarah Morgan said Morgan was right.", {"Sarah Morgan": "PERSON", "Morgan": "PERSON"}),
        article("c", "Kestrel Holdings and Kestrel Airlines split; Kestrel said so.", {
            "Kestrel Holdings": "ORG", "Kestrel Airlines": "ORG", "Kestrel": "ORG"}),
    )  # fmt: skip
    assert entity_of(d, "Morgan").type == "PERSON"
    assert entity_of(d, "Morgan") is entity_of(d, "Sarah Morgan")
    assert entity_of(d, "Kestrel") is not entity_of(d, "Kestrel Holdings")
    assert entity_of(d, "Kestrel Holdings") is not entity_of(d, "Kestrel Airlines")


def test_a_place_before_a_head_noun_is_no_stem() -> None:
    d = run(
        article("a", "Dublin Airlines cut routes.", {"Dublin Airlines": "ORG"}),
        article("b", "Flights left Dublin late.", {"Dublin": "GPE"}),
    )
    assert entity_of(d, "Dublin").type == "GPE"
    assert entity_of(d, "Dublin") is not entity_of(d, "Dublin Airlines")


def test_a_legal_form_alone_makes_no_stem_and_the_short_name_stays_the_name() -> None:
    d = run(
        article("a", "Shell plc shares rose. Shell said it had no plans.", {"Shell plc": "ORG", "Shell": "ORG"}),
        article("b", "Shell denied the report; Shell plc declined to comment.", {"Shell plc": "ORG", "Shell": "ORG"}),
        article("c", "Shell agreed.", {"Shell": "ORG"}),
    )
    assert entity_of(d, "Shell") is entity_of(d, "Shell plc")
    assert entity_of(d, "Shell").name == "Shell"
