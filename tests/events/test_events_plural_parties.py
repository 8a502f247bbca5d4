"""A plural description as an event's subject ("the two clubs agreed a fee", "both sides signed a ceasefire", "the
two leaders met") is the parties of its kind the text just named, when they are exactly as many as it counts; when
the text names more, or none of that kind, no event is made of a guess. Short passages from sport, business,
diplomacy, war and law."""

from __future__ import annotations

import pytest

from attribution.passages_support import analyze_passages, passage_events
from crosswire.entities.coref import group_reference
from crosswire.model import Dossier, Event

PASSAGES = {
    "sport": (
        "Manchester United made a second offer for the Brazilian striker Pedro Alves on Monday, after the Portuguese"
        " club Benfica rejected the first bid. The two clubs agreed a fee of 60 million euros on Thursday.\n"
    ),
    "business": (
        "Siemens and Nokia have been in talks for months, people close to the deal said. The two companies agreed"
        " to merge their network units on Tuesday.\n"
    ),
    "diplomacy": (
        "French President Emmanuel Macron flew to Berlin on Sunday. He was welcomed by German Chancellor Olaf Scholz"
        " at the airport. The two leaders met in the chancellery on Monday.\n"
    ),
    "war": (
        "Ethiopia and Eritrea fought a border war for two years. On Sunday both sides signed a ceasefire in Nairobi.\n"
    ),
    "law": (
        "Apple sued Samsung over its phone designs in 2021. After three years in court, the two companies reached an"
        " agreement on Friday.\n"
    ),
    # "between the two companies", "met with both sides"; a place after "in" or "at" is no side, and the EU of "EU
    # envoy Miroslav Lajcak" is the envoy's, not one of the sides he met.
    "trade": (
        "Boeing and Airbus filed complaints against each other at the WTO. Talks between the two companies took"
        " place in Geneva on Monday.\n"
    ),
    "envoy": (
        "Serbia and Kosovo have clashed over licence plates. EU envoy Miroslav Lajcak met with both sides in Brussels"
        " on Monday.\n"
    ),
    # No count: "the ministers" are the two named; "the pair" are the two people, Chelsea is the manager's club.
    "ministers": (
        "US Secretary of State Antony Blinken flew to Beijing to see Chinese Foreign Minister Wang Yi. The ministers"
        " held talks on Monday.\n"
    ),
    "pair": (
        "Chelsea manager Enzo Maresca and striker Nicolas Jackson fell out over a penalty last week. The pair met on"
        " Friday.\n"
    ),
    # Three clubs named: which two agreed is a guess, so no event.
    "three_clubs": (
        "Napoli, Juventus and AC Milan all bid for the Brazilian striker Pedro Alves. The two clubs agreed a fee of"
        " 60 million euros on Thursday.\n"
    ),
    "three_leaders": (
        "Narendra Modi, Anthony Albanese and Fumio Kishida arrived in Rome on Sunday. The two leaders met in the"
        " Italian capital on Monday.\n"
    ),
    "three_sides": "Israel, Hamas and Egypt sent delegations to Cairo. On Sunday both sides signed a ceasefire.\n",
    # One organization by its noun: the one the text named (and, among several, the one it called so).
    "brokered": (
        "Pilots at the Norwegian airline Fjordfly walked out on Monday. Transport Minister Lena Holt brokered an"
        " agreement between the airline and the NFF union on Sunday.\n"
    ),
    "two_companies": (
        "Siemens and Nokia sent engineers to the plant. Labour Minister Ana Ruiz brokered an agreement between the"
        " company and the IG Metall union on Sunday.\n"
    ),
    # Countries named, companies described: no company to refer to.
    "wrong_kind": "Germany and France sent aid to Greece on Monday. The two companies signed a deal on Tuesday.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def _names(dossier: Dossier, event: Event) -> set[str]:
    names = {e.id: e.name for e in dossier.entities}
    return {names.get(p, p) for p in event.participants}


@pytest.mark.parametrize(
    ("name", "event_type", "parties"),
    [
        ("sport", "AGREE", {"Manchester United", "Benfica"}),
        ("business", "AGREE", {"Siemens", "Nokia"}),
        ("diplomacy", "CONSULT", {"Emmanuel Macron", "Olaf Scholz"}),
        ("war", "AGREE", {"Ethiopia", "Eritrea"}),
        ("law", "AGREE", {"Apple", "Samsung"}),
        ("trade", "CONSULT", {"Boeing", "Airbus"}),
        ("ministers", "CONSULT", {"Antony Blinken", "Wang Yi"}),
        ("pair", "CONSULT", {"Enzo Maresca", "Nicolas Jackson"}),
        ("envoy", "CONSULT", {"Miroslav Lajcak", "Serbia", "Kosovo"}),
        ("brokered", "AGREE", {"Lena Holt", "Fjordfly", "NFF"}),
    ],
)
def test_a_plural_description_is_the_parties_the_text_named(
    dossier: Dossier, name: str, event_type: str, parties: set[str]
) -> None:
    found = passage_events(dossier, name, event_type)
    assert len(found) == 1, [(e.type, e.summary) for e in dossier.events]
    assert _names(dossier, found[0]) == parties, found[0].summary


@pytest.mark.parametrize(
    ("name", "event_type"),
    [("three_clubs", "AGREE"), ("three_leaders", "CONSULT"), ("three_sides", "AGREE"), ("wrong_kind", "AGREE")],
)
def test_no_event_when_the_text_names_more_or_none_of_that_kind(dossier: Dossier, name: str, event_type: str) -> None:
    assert passage_events(dossier, name, event_type) == [], [(e.type, e.summary) for e in dossier.events]


def test_the_company_among_two_named_is_no_party(dossier: Dossier) -> None:
    found = passage_events(dossier, "two_companies", "AGREE")
    assert all(not _names(dossier, event) & {"Siemens", "Nokia"} for event in found), [e.summary for e in found]


@pytest.mark.parametrize(
    ("phrase", "reading"),
    [
        ("the two clubs", (2, "club")),
        ("both sides", (2, "side")),
        ("The two foreign ministers", (2, "minister")),
        ("the pair", (2, "pair")),
        ("the ministers", (None, "minister")),
        ("the three countries", (3, "country")),
        ("both companies", (2, "company")),
        ("the club", (1, "club")),
        ("the Spanish airline", (1, "airline")),
        ("the man", None),
        ("a club", None),
        ("the two goals", None),
        ("a fee", None),
        ("the talks", None),
    ],
)
def test_which_phrases_are_plural_descriptions(phrase: str, reading: tuple[int | None, str] | None) -> None:
    assert group_reference(phrase) == reading
