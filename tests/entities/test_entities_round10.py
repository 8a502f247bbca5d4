"""The mechanisms the second entities battery called for, each on passages of its own from several domains (no spaCy
for the mention stage: the tagger's spans are given, so each test says what the tagger did and what the stage makes
of it)."""

from __future__ import annotations

import pytest
from entities_support import article, entity_of, run
from entities_support import found as _found
from entities_support import span as _span

from crosswire.entities import lexicon
from crosswire.entities.recover import company_stem, is_company_head
from crosswire.entities.roles import find_roles
from crosswire.model import Mention

# --- a company head noun decides the kind --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "tagged"),
    [
        ("Ostberg Bank said on Thursday that the deal would close.", "Ostberg Bank", "GPE"),
        ("Kelvo Appliances is recalling 12,000 kettles.", "Kelvo Appliances", "PERSON"),
        ("Mirevo Semiconductors cut 300 jobs at its plant.", "Mirevo Semiconductors", "PERSON"),
        ("Drazen Chemicals was fined after the leak.", "Drazen Chemicals", "NORP"),
    ],
)
def test_a_company_head_noun_decides_the_kind_whatever_the_tagger_said(text: str, name: str, tagged: str) -> None:
    assert _found(text, _span(text, name, tagged)) == [(name, "ORG")]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Police charged Oliver Banks with fraud.", "Oliver Banks", "PERSON"),  # a given name before a plural
        ("Settlers moved into the West Bank on Monday.", "West Bank", "GPE"),  # a shore, not a bank
        ("Tourists crowded Niagara Falls on Sunday.", "Niagara Falls", "GPE"),  # a place's plural
        ("Tickets for the Olympic Games sold out.", "Olympic Games", "EVENT"),  # an English word before the plural
    ],
)
def test_plurals_and_banks_that_are_no_companies_keep_their_kind(text: str, name: str, label: str) -> None:
    assert _found(text, _span(text, name, label)) == ([(name, label)] if label != "EVENT" else [])


def test_plural_heads_come_from_the_lexicon_after_coined_words_only() -> None:
    assert lexicon.singular_noun("Appliances") == "appliance" and lexicon.singular_noun("Industries") == "industry"
    assert lexicon.singular_noun("news") is None and lexicon.singular_noun("glass") is None
    assert is_company_head("Appliances", ["Kelvo"]) and is_company_head("Bank", ["Nordwind"])
    assert not is_company_head("Turbines", ["Oliver"]) and is_company_head("Turbines", ["Kelvo"])
    assert not is_company_head("Appliances", ["Oliver"]) and not is_company_head("Games", ["Zorvan"])
    assert not is_company_head("Bank", ["West"])


def test_a_company_stem_is_no_english_adjective() -> None:
    assert company_stem("tallender bank") == "tallender"
    assert company_stem("kelvo appliances") == "kelvo"
    assert company_stem("central bank") is None and company_stem("national bank") is None


def test_the_distinctive_word_of_a_bank_or_an_appliance_maker_alone_is_the_company() -> None:
    d = run(
        article(
            "a",
            "Tallender Bank will buy Pellham Insurance. Tallender said the deal would close in May.",
            {"Tallender Bank": "ORG", "Pellham Insurance": "ORG", "Tallender": "ORG"},
        ),
        article(
            "b",
            "Bremer Appliances recalled toasters. Bremer said buyers should return them.",
            {"Bremer Appliances": "ORG", "Bremer": "PERSON"},
        ),
        article(
            "c",
            "Halvex Chemicals confirmed the blast. Halvex denied that it had been warned.",
            {"Halvex Chemicals": "ORG", "Halvex": "NORP"},
        ),
    )
    assert entity_of(d, "Tallender") is entity_of(d, "Tallender Bank")
    assert entity_of(d, "Bremer") is entity_of(d, "Bremer Appliances") and entity_of(d, "Bremer").type == "ORG"
    assert entity_of(d, "Halvex") is entity_of(d, "Halvex Chemicals") and entity_of(d, "Halvex").type == "ORG"


# --- bodies of an organization --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "parent"),
    [
        ("The Board of the Central Bank of Estavia decided to raise rates.", "Board of the Central Bank of Estavia",
         "Central Bank of Estavia"),
        ("The Audit Committee of Hensley Foods found errors.", "Audit Committee of Hensley Foods", "Hensley Foods"),
        ("The Consular Department of the Foreign Ministry said 40 citizens were flown home.",
         "Consular Department of the Foreign Ministry", "Foreign Ministry"),
        ("The Board of Governors of the Westmark Reserve Bank held rates.",
         "Board of Governors of the Westmark Reserve Bank", "Westmark Reserve Bank"),
    ],
)  # fmt: skip
def test_a_body_of_an_organization_is_the_organizations_mention(text: str, tagged: str, parent: str) -> None:
    assert _found(text, _span(text, tagged, "ORG")) == [(parent, "ORG")]


def test_a_body_tagged_apart_from_its_organization_goes() -> None:
    text = "The Executive Board of the Lunarian Savings Bank met on Friday."
    spans = (_span(text, "Executive Board", "ORG"), _span(text, "Lunarian Savings Bank", "ORG"))
    assert _found(text, *spans) == [("Lunarian Savings Bank", "ORG")]


@pytest.mark.parametrize(
    "name",
    ["International Committee of the Red Cross", "Department of Defense", "Ministry of Health of Dalmora",
     "Office of the Prime Minister", "Economic Crimes Division of the Federal Police",
     "Criminal Investigations Bureau of the National Police Agency"],
)  # fmt: skip
def test_a_name_whose_of_part_is_no_organization_or_a_unit_of_its_own_stays_whole(name: str) -> None:
    text = f"The {name} said on Sunday that aid had arrived."
    assert _found(text, _span(text, name, "ORG")) == [(name, "ORG")]


# --- names the tagger left untagged ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("09:02 - The Central Bank of Estavia has raised its main rate by half a point.", "Central Bank of Estavia"),
        ("14:40 The Ministry of Health of Dalmora says 12 people have died.", "Ministry of Health of Dalmora"),
        ("Updated 10:15 Maritime Safety Board inspectors boarded the ferry.", "Maritime Safety Board"),
    ],
)
def test_an_untagged_institution_after_a_time_stamp_is_an_organization(text: str, name: str) -> None:
    assert (name, "ORG") in _found(text)


@pytest.mark.parametrize(
    "text",
    ["The Memorial Service was held on Friday.", "President Obama spoke in the Oval Office.", "Chief Inspector Bank"],
)
def test_an_event_a_room_or_a_title_is_no_institution(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quantaro shares fell 12 percent on Wednesday after the chipmaker cut its forecast.", "Quantaro"),
        ("Investors fled as Velmora stock plunged.", "Velmora"),
    ],
)
def test_a_coined_word_whose_shares_moved_is_a_company(text: str, name: str) -> None:
    assert _found(text) == [(name, "ORG")]


@pytest.mark.parametrize(
    "text",
    ["Tech shares fell 2 percent.", "European shares rose on Monday.", "Nathan shares were sold.",
     "Okafor shares the prize with two colleagues."],
)  # fmt: skip
def test_an_english_word_a_given_name_or_a_verb_is_no_company_by_shares(text: str) -> None:
    assert _found(text) == []


# --- a city after "to" -------------------------------------------------------------------------------------------


def test_a_city_after_a_to_of_motion_is_a_place_and_after_sold_to_it_stays() -> None:
    d = run(
        article("a", "Storm Elin brought winds of 90 mph to Galway on Friday.", {"Galway": "ORG"}),
        article("b", "Refugees fled to Lviv overnight.", {"Lviv": "ORG"}),
        article("c", "Rovers sold their striker to Leeds on Monday.", {"Leeds": "ORG"}),
    )
    assert entity_of(d, "Galway").type == "GPE" and entity_of(d, "Lviv").type == "GPE"
    assert entity_of(d, "Leeds").type == "ORG"


# --- roles ---------------------------------------------------------------------------------------------------------


def _role_of(text: str, person: str, *orgs: str) -> list[str]:
    mentions = [Mention(start=text.index(o), end=text.index(o) + len(o), text=o, label="ORG") for o in orgs]
    at = text.index(person)
    mentions.append(Mention(start=at, end=at + len(person), text=person, label="PERSON"))
    mentions.sort(key=lambda m: m.start)
    index = next(i for i, m in enumerate(mentions) if m.text == person)
    return [f.role for f in find_roles(text, mentions, lambda _: None) if f.mention_index == index]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("The trust's medical director, Sarah Okonjo, said cases would be treated.", "Sarah Okonjo",
         "medical director"),
        ("Chile's environment minister, Rosa Vidal, signed the accord.", "Rosa Vidal", "environment minister"),
        ("The club's youth coach, Tom Reyes, resigned.", "Tom Reyes", "youth coach"),
        ("The lab's head of research, Ana Petrov, said the trial would resume.", "Ana Petrov", "head of research"),
    ],
)  # fmt: skip
def test_a_lower_case_modifier_or_object_belongs_to_the_title(text: str, person: str, role: str) -> None:
    assert _role_of(text, person) == [role]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("The firm hired chief economist Dan Roe in May.", "Dan Roe", "chief economist"),
        ("The figures were confirmed, said spokesman Al Fry.", "Al Fry", "spokesman"),
    ],
)
def test_a_verb_before_a_title_is_no_part_of_it(text: str, person: str, role: str) -> None:
    assert _role_of(text, person) == [role]


def test_a_plural_head_in_a_headline_carries_no_tagged_name_over_it() -> None:
    text = "Zelensky Calls for More Air Defence\n\nThe president spoke on Monday."
    assert _found(text, _span(text, "Zelensky", "PERSON")) == [("Zelensky", "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        "The winger has gone to Porto on loan.",
        "She writes to Lyon every week.",
        "The club sells its players to Leeds.",
        "United were beaten 3-1 by City and lose to Leeds again.",
    ],
)
def test_any_form_of_a_verb_of_selling_moving_or_speaking_keeps_the_name_after_to(text: str) -> None:
    # read by the verb's lemma, not by a list of its forms: "gone", "writes", "sells" as "sold" and "spoke" were
    name = text.split(" to ")[1].split()[0].rstrip(".")
    d = run(article("a", text, {name: "ORG"}))
    assert entity_of(d, name).type == "ORG"
