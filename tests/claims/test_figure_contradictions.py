"""Figure contradictions: two articles of one story giving one figure two ways ("sentenced to 8 years" / "to 10
years", "800 jobs at risk" / "1,200 jobs at risk"), and what is no such contradiction: figures of different deeds,
bounds, different days, the same figure. Cases from a trial, a merger, an earthquake, a market and a strike."""

from __future__ import annotations

import re

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.quantities import quantities
from crosswire.claims.stage import build_claims
from crosswire.model import Contradiction, Dossier


def _two_reports(first: str, second: str, speaker: str = "Anna Weber", dates: dict[str, str] | None = None) -> Dossier:
    """Two articles of one story, each with ``speaker`` saying one sentence."""
    items = []
    for number, content in enumerate((first, second)):
        text = f"{speaker} said {content}."
        items.append(
            article(
                f"a{number}",
                text,
                story="s",
                published=f"2025-06-0{5 + number}",
                outlet=f"Outlet {number}",
                names={speaker: "e-speaker"},
                dates={surface: value for surface, value in (dates or {}).items() if surface in text},
            )
        )
    statements = [
        statement(item, 0, speaker_text=speaker, cue="said", speaker="e-speaker", content=content)
        for item, content in zip(items, (first, second), strict=True)
    ]
    return dossier(items, [entity("e-speaker", speaker)], statements)


def _figures(result: Dossier) -> list[Contradiction]:
    """The value contradictions of ``result`` that are not about a date."""
    build_claims(result)
    return [c for c in result.contradictions if c.kind == "value" and not re.match(r"\d{4}-\d\d", c.values[0].value)]


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        (
            "the court sentenced the ferry captain to 8 years in prison for manslaughter",
            "the court sentenced the ferry captain to 10 years in prison for manslaughter",
            {"8 years": ["a0"], "10 years": ["a1"]},
        ),
        (
            "the merger of the two port operators would put 800 jobs at risk in Rotterdam",
            "the merger of the two port operators would put 1,200 jobs at risk in Rotterdam",
            {"800 jobs": ["a0"], "1,200 jobs": ["a1"]},
        ),
        (
            "the earthquake in the mountain province killed 14 people on Friday",
            "the earthquake in the mountain province killed nineteen people on Friday",
            {"14 people": ["a0"], "nineteen people": ["a1"]},
        ),
    ],
)
def test_one_figure_given_two_ways_is_a_contradiction(first: str, second: str, values: dict[str, list[str]]) -> None:
    found = _figures(_two_reports(first, second, dates={"Friday": "2025-06-06"}))
    assert len(found) == 1, [(c.values, c.summary) for c in found]
    assert {value.value: value.articles for value in found[0].values} == values
    assert all(value.evidence for value in found[0].values)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # figures of two different deeds
        (
            "the earthquake in the mountain province killed 14 people",
            "the earthquake in the mountain province injured 30 people",
        ),
        # bounds agree with an exact figure
        (
            "the regulator grounded more than 170 jets after the door blew out",
            "the regulator grounded 171 jets after the door blew out",
        ),
        # two days, two moves
        ("shares in the carmaker rose 11 percent on Monday", "shares in the carmaker fell 6 percent on Tuesday"),
        # the same figure
        (
            "the pilots won a pay rise of 9 percent over three years",
            "the pilots won a pay rise of 9 percent over three years",
        ),
    ],
)
def test_no_contradiction_between_figures_that_do_not_answer_one_question(first: str, second: str) -> None:
    dates = {"Monday": "2025-06-02", "Tuesday": "2025-06-03"}
    assert _figures(_two_reports(first, second, dates=dates)) == []


def test_quantities_read_units_and_skip_days_bounds_and_names() -> None:
    read = quantities("On March 12 the 4.2 billion euro deal put 800 jobs at risk", frozenset({"4.2", "800"}))
    assert [(q.amount, q.unit, q.text) for q in read] == [
        (4.2e9, "euro", "4.2 billion euro"),
        (800.0, "job", "800 jobs"),
    ]
    assert quantities("more than $16 million from the account", frozenset({"16"})) == []
    assert [q.text for q in quantities("a ransom of $5 million", frozenset({"5"}))] == ["$5 million"]
    # a number that is not among the proposition's figures (a flight's number, a year) counts nothing
    assert quantities("Flight 1282 landed in 2024", frozenset()) == []
    assert quantities("one of them said so", frozenset()) == []


def test_only_a_month_makes_the_number_after_it_a_day() -> None:
    assert quantities("Sept. 14 saw the plant shed staff", frozenset({"14"})) == []
    # Words that open like a month ("decades", "mayor", "Marines") are no month: the figure after them counts.
    read = quantities("over the decades 300 jobs went", frozenset({"300"}))
    assert [(q.amount, q.unit) for q in read] == [(300.0, "job")]
    assert [q.text for q in quantities("the Marines 40 soldiers", frozenset({"40"}))] == ["40 soldiers"]


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # a round figure far beyond its rounding
        (
            "hackers stole the personal data of about 310,000 customers of the building society",
            "hackers stole the personal data of 420,000 customers of the building society",
            {"310,000 customers": ["a0"], "420,000 customers": ["a1"]},
        ),
        (
            "the wildfire near the coastal town destroyed some 40 homes overnight",
            "the wildfire near the coastal town destroyed 95 homes overnight",
            {"40 homes": ["a0"], "95 homes": ["a1"]},
        ),
    ],
)
def test_a_round_figure_far_from_another_is_a_contradiction(
    first: str, second: str, values: dict[str, list[str]]
) -> None:
    found = _figures(_two_reports(first, second))
    assert len(found) == 1, [(c.values, c.summary) for c in found]
    assert {value.value: value.articles for value in found[0].values} == values


def test_a_round_figure_within_rounding_is_no_contradiction() -> None:
    first = "hackers stole the personal data of about 310,000 customers of the building society"
    second = "hackers stole the personal data of 300,000 customers of the building society"
    assert _figures(_two_reports(first, second)) == []


def test_round_figures_are_read_as_such() -> None:
    (read,) = quantities("about 310,000 customers", frozenset({"310000"}))
    assert (read.amount, read.rounded) == (310000.0, True)
    (exact,) = quantities("310,000 customers", frozenset({"310000"}))
    assert not exact.rounded


def test_figures_of_sentences_worded_apart_that_share_their_words_stand_against_each_other() -> None:
    """Less alike as wholes than :data:`SAME_FIGURE`, but sharing the deed's words: one figure, two ways."""
    found = _figures(
        _two_reports(
            "the experimental drug slowed decline by 31 percent in a large trial, sending the maker's shares soaring",
            "the maker's drug slowed decline by 27 percent on the trial's main scale",
        )
    )
    assert [sorted(v.value for v in c.values) for c in found] == [["27 percent", "31 percent"]]


def test_the_clause_that_holds_the_figure_is_what_is_compared() -> None:
    """A sentence whose other clause says something else: its figure's own clause gives the sentence two ways."""
    found = _figures(
        _two_reports(
            "the court found the striker guilty of assault after a brawl outside a nightclub in the city centre, and"
            " sentenced him to eight months in prison",
            "the striker was sentenced to ten months in prison",
        )
    )
    assert [sorted(v.value for v in c.values) for c in found] == [["eight months", "ten months"]]


def test_figure_clauses_of_different_deeds_stand_apart() -> None:
    found = _figures(
        _two_reports(
            "the league fined the club two million euros, and banned the striker for eight months",
            "the striker was sentenced to ten months in prison",
        )
    )
    assert found == []


# --- a figure's own deed: counted two ways, a tally, a value ------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # a sentence counting two deeds at once against one counting the second alone (a train crash)
        (
            "the derailment near the river crossing killed two passengers and injured 40 people",
            "52 people were injured when the train left the rails",
            ["40 people", "52 people"],
        ),
        # a vote's tally in words, with no word of the deed in common (a parliament, a club's members)
        (
            "the amendment was adopted by nine votes to four",
            "the committee passed the new wording by ten votes to three",
            ["nine votes", "ten votes"],
        ),
        # a value, as "worth" and as "put the value at" (a stolen jewel collection)
        (
            "the stolen jewels are worth an estimated 12 million dollars",
            "insurers put the value of the missing collection at 20 million dollars",
            ["12 million dollars", "20 million dollars"],
        ),
    ],
)
def test_a_figures_own_deed_makes_one_figure_of_sentences_worded_apart(
    first: str, second: str, values: list[str]
) -> None:
    found = _figures(_two_reports(first, second))
    assert [sorted(v.value for v in c.values) for c in found] == [sorted(values)], [c.summary for c in found]


def test_figures_of_two_deeds_stay_apart_however_alike() -> None:
    """The deaths of one sentence are not the injuries of the other: each figure's own verb tells which the other
    sentence gives again (the injuries), and which it does not (the deaths)."""
    found = _figures(
        _two_reports(
            "the derailment near the river crossing killed 3 people and injured 40 people",
            "52 people were injured when the train left the rails near the river crossing",
        )
    )
    assert [sorted(v.value for v in c.values) for c in found] == [["40 people", "52 people"]]


def test_a_figures_own_deed_is_read_before_or_after_it() -> None:
    from crosswire.claims.quantities import _figure_deed

    def deeds(text: str, numbers: frozenset[str] = frozenset()) -> list[str | None]:
        return [_figure_deed(text, q) for q in quantities(text, numbers)]

    assert deeds("the storm killed three people and injured 23 people", frozenset({"23"})) == ["kill", "injur"]
    assert deeds("31 people were injured in the storm", frozenset({"31"})) == ["injur"]
    assert deeds("the motion was carried by five votes to two") == ["vote"]
    assert deeds("the mayor has won by 112 votes", frozenset({"112"})) == ["win"]
    assert deeds("a painting worth 4 million euros", frozenset({"4"})) == ["worth"]
    assert deeds("the plan will cost 9 million euros", frozenset({"9"})) == [None]


# --- the eleventh round: a sum named by what it counts, a verb before a preposition, a count that moved ------------


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # a sum named by its thing, told with two verbs (kickbacks at a procurement office)
        (
            "the kickbacks amounted to 90,000 dollars over two years",
            "the official is suspected of taking 120,000 dollars in kickbacks from suppliers",
            ["90,000 dollars", "120,000 dollars"],
        ),
        # a verb before a preposition before the figure (a toy recalled from shops)
        (
            "the company recalled a wooden toy train sold in 410 stores after a child choked on a wheel",
            "the toy train was sold in 380 stores across the country",
            ["410 stores", "380 stores"],
        ),
    ],
)
def test_a_sums_thing_and_a_verb_before_a_preposition_make_one_figure(
    first: str, second: str, values: list[str]
) -> None:
    found = _figures(_two_reports(first, second))
    assert [sorted(v.value for v in c.values) for c in found] == [sorted(values)], [c.summary for c in found]


def test_a_sum_is_read_by_what_it_counts() -> None:
    """A sum names its thing before or after it ("kickbacks", "damages"); a count of people names no sum."""
    from crosswire.claims.predicates import stem
    from crosswire.claims.quantities import _figure_deed

    def deeds(text: str, numbers: frozenset[str]) -> list[str | None]:
        return [_figure_deed(text, q) for q in quantities(text, numbers)]

    kickbacks = "sum:" + stem("kickbacks")
    assert deeds("he took 120,000 dollars in kickbacks", frozenset({"120000"})) == [kickbacks]
    assert deeds("the kickbacks amounted to 90,000 dollars", frozenset({"90000"})) == [kickbacks]
    assert deeds("the club paid 2 million dollars in damages", frozenset({"2"})) == ["sum:" + stem("damages")]
    assert deeds("the toy was sold in 410 stores", frozenset({"410"})) == [stem("sold")]
    # a count in people names no sum
    assert deeds("12 people in hospital", frozenset({"12"})) == [None]


@pytest.mark.parametrize(
    "change",
    [
        "three more than officials reported on Monday",
        "up from 12",
        "three more than it had previously counted",
    ],
)
def test_a_count_the_article_tells_as_moved_is_no_contradiction(change: str) -> None:
    """Twelve treated on Monday, fifteen on Tuesday, "three more than officials reported": the count rose (a gas
    leak)."""
    found = _figures(
        _two_reports(
            "12 people were treated in hospital after the gas leak at the swimming pool",
            f"15 people were treated in hospital after the gas leak at the swimming pool, {change}",
        )
    )
    assert not found, [c.summary for c in found]


def test_a_change_that_is_not_the_difference_leaves_the_contradiction() -> None:
    found = _figures(
        _two_reports(
            "12 people were treated in hospital after the gas leak at the swimming pool",
            "15 people were treated in hospital after the gas leak at the swimming pool, two more than officials "
            "reported on Monday",
        )
    )
    assert [sorted(v.value for v in c.values) for c in found] == [["12 people", "15 people"]]


def test_one_deed_counted_two_ways_is_one_claim() -> None:
    """A jeweller's robbery the police tell with four watches and the shop with three: one robbery, two sources
    standing behind it, its count a contradiction."""
    police, shop = "the police", "the jeweller"
    first = "robbers took four watches from the jeweller on Main Street early on Friday"
    second = "three watches were taken from the jeweller on Main Street early on Friday"
    items = [
        article("a0", f"{first.capitalize()}, {police} said.", story="s", outlet="City Wire"),
        article("a1", f"{second.capitalize()}, {shop} said.", story="s", published="2025-06-07", outlet="Shop News"),
    ]
    statements = [
        statement(items[0], 0, speaker_text=police, cue="said", content=first.capitalize(), speaker="e-police",
                  source_type="organization"),
        statement(items[1], 0, speaker_text=shop, cue="said", content=second.capitalize(), speaker="e-shop",
                  source_type="organization"),
    ]  # fmt: skip
    result = dossier(items, [entity("e-police", "Police", "ORG"), entity("e-shop", "Jeweller", "ORG")], statements)
    found = _figures(result)
    assert [sorted(v.value.lower() for v in c.values) for c in found] == [["four watches", "three watches"]]
    (robbery,) = [c for c in result.claims if "watches" in c.text]
    assert robbery.verdict == "corroborated" and len(robbery.evidence) == 2
