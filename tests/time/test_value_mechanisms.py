"""Values found wrong by mechanism (docs/time.md, "Value errors by mechanism"): the date a change takes effect, a
vague count of units "later", "or so" before "ago", a part of day before the day it is in. Each construction in short
sentences of several domains, with the sentences the change must leave alone."""

from __future__ import annotations

import pytest
from time_support import THURSDAY, found


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # the act that announces the change is past; the date it takes effect is the nearest one
        ("The bank named a new chief executive, effective Jan. 1.", "2013-10-24", "Jan. 1", "2014-01-01"),
        ("The airline raised fares on most routes, effective April 2.", THURSDAY, "April 2", "2013-04-02"),
        ("The league suspended the coach, effective through June 30.", THURSDAY, "June 30", "2013-06-30"),
        ("The ministry cut fuel subsidies, effective as of Nov. 1.", "2013-10-24", "Nov. 1", "2013-11-01"),
        ("The council lifted the curfew with effect from May 20.", "2013-05-10", "May 20", "2013-05-20"),
        # a retroactive date just past stays just past
        ("The union said the raise was paid effective Jan. 1.", "2013-02-06", "Jan. 1", "2013-01-01"),
        # a weekday so named is the coming one, whatever the tense of the announcement
        ("The central bank cut its key rate by a quarter point, effective Monday.", THURSDAY, "Monday", "2013-03-18"),
        ("The hospital said visiting hours were restricted, effective Saturday.", THURSDAY, "Saturday", "2013-03-16"),
    ],
)
def test_the_date_a_change_takes_effect_is_read_from_effective(
    text: str, published: str, span: str, value: str
) -> None:
    assert found(text, published)[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # without "effective" the tense of the clause still decides
        ("The club signed the striker on Jan. 1.", "Jan. 1", "2013-01-01"),
        ("The plant was closed Monday after the spill.", "Monday", "2013-03-11"),
        ("The effective date of the new rules is disputed; they expire Monday.", "Monday", "2013-03-18"),
        # "effective" as the predicate of a past copula reports what took effect
        ("The rate cut, which was effective Monday, lifted bank shares.", "Monday", "2013-03-11"),
        ("The new tariffs became effective Monday, the ministry said.", "Monday", "2013-03-11"),
    ],
)
def test_dates_without_effective_keep_the_tense(text: str, span: str, value: str) -> None:
    assert found(text)[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Minutes later, a second blast shook the square.", "Minutes", "PTXM"),
        ("The creature was filmed before disappearing again seconds later.", "seconds", "PTXS"),
        ("Hours later the rebels withdrew from the town.", "Hours", "PTXH"),
        ("The company filed for bankruptcy protection months later.", "months", "PXM"),
        ("Years later, he returned to the club as its coach.", "Years", "PXY"),
        ("A few days later, the judge dismissed the case.", "A few days", "PXD"),
        ("Several weeks later the merger talks collapsed.", "Several weeks", "PXW"),
    ],
)
def test_a_vague_count_later_is_a_duration_not_the_future(text: str, span: str, value: str) -> None:
    # counted from the narrative, which is mostly behind the writer: FUTURE_REF was wrong for all of these
    assert found(text)[span] == ("DURATION", value, None)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Three days later, the judge dismissed the case.", "Three days later", "DATE", "2013-03-17"),
        ("Years earlier, he had played for the club.", "Years earlier", "DATE", "PAST_REF"),
        ("Years ago the mill employed 3,000 people.", "Years ago", "DATE", "PAST_REF"),
        ("The ceasefire will be reviewed in the coming weeks.", "the coming weeks", "DATE", "FUTURE_REF"),
    ],
)
def test_counted_and_earlier_expressions_are_unchanged(text: str, span: str, kind: str, value: str) -> None:
    assert found(text)[span][:2] == (kind, value)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Then, a week or so ago, the general picked a date.", "a week or so ago", "DATE", "2013-W10"),
        ("A month or so ago the board began talks with the bidder.", "A month or so ago", "DATE", "2013-02"),
        ("The strike ended two years or so ago, union leaders said.", "two years or so ago", "DATE", "2011"),
        ("The talks with the creditors lasted a week or so.", "a week or so", "DURATION", "P1W"),
        ("The reactor will stay shut for a month or so, the utility said.", "a month or so", "DURATION", "P1M"),
    ],
)
def test_or_so_is_an_approximation_inside_the_expression(text: str, span: str, kind: str, value: str) -> None:
    assert found(text)[span] == (kind, value, "APPROX")


@pytest.mark.parametrize("text", ["The shop sold 40 or so bikes a week.", "The mine ships 20 or more trucks a day."])
def test_or_so_after_a_count_of_things_keeps_the_rate(text: str) -> None:
    # the count belongs to the things, and the unit after them is a rate (a SET), as without "or so"
    assert [kind for kind, _, _ in found(text).values()] == ["SET"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("At mid-afternoon yesterday the shares were up 2 pence.", "mid-afternoon yesterday", "2013-03-13TAF"),
        ("By mid-morning today the river had crested at Fargo.", "mid-morning today", "2013-03-14TMO"),
        ("Crews will return to the site morning tomorrow, officials said.", "morning tomorrow", "2013-03-15TMO"),
        ("Negotiators resumed talks at midmorning.", "midmorning", "2013-03-14TMO"),
    ],
)
def test_a_part_of_day_before_its_day_is_a_time_on_that_day(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("TIME", value, None)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The storm hit this morning today, forecasters said.", {"this morning", "today"}),
        ("Traders sold heavily in the afternoon.", {"afternoon"}),
        ("The vote is set for tomorrow morning.", {"tomorrow morning"}),
    ],
)
def test_other_parts_of_day_keep_their_spans(text: str, spans: set[str]) -> None:
    assert set(found(text)) == spans


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        (
            "The singer was found dead Tuesday late afternoon in his home.",
            "Tuesday late afternoon",
            "2013-03-12",
            "END",
        ),
        ("The ferry left Monday early morning from the port of Dover.", "Monday early morning", "2013-03-11", "START"),
        ("Stocks rallied Wednesday mid-morning after the jobs data.", "Wednesday mid-morning", "2013-03-13", None),
        # the part of day is the day's, as "late Tuesday afternoon" already was
        ("Police arrived late Tuesday afternoon.", "late Tuesday afternoon", "2013-03-12", "END"),
    ],
)
def test_a_weekday_keeps_a_modified_part_of_day(text: str, span: str, value: str, mod: str | None) -> None:
    assert found(text)[span] == ("DATE", value, mod)


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # "being" + participle has no tense: it takes the time of the clause it hangs on
        ("She had been detained for weeks before being freed in March.", "2014-10-15", "March", "2014-03"),
        ("The minister, after being questioned in March, resigned.", "2014-10-15", "March", "2014-03"),
        ("The suspect was charged after being questioned on Friday.", THURSDAY, "Friday", "2013-03-08"),
        ("The suspect will be charged after being questioned on Friday.", THURSDAY, "Friday", "2013-03-15"),
        # a perfect participle is done before its clause
        (
            "Having signed in January, the striker scored twice against his old club.",
            "2014-10-15",
            "January",
            "2014-01",
        ),
        # a finite "is being" keeps the present
        ("The bridge is being repaired in March, the city says.", "2014-10-15", "March", "2015-03"),
    ],
)
def test_a_participle_clause_takes_the_time_of_its_clause(text: str, published: str, span: str, value: str) -> None:
    assert found(text, published)[span][1] == value


@pytest.mark.parametrize("written", ["Thur.", "Thurs.", "Thursday"])
def test_every_abbreviation_of_a_weekday_the_pattern_finds_has_a_value(written: str) -> None:
    # "Thur." matched the weekday pattern but had no number, so the expression was dropped
    assert found(f"The board meets on {written} to vote on the merger.", "2013-03-11") == {
        written: ("DATE", "2013-03-14", None)
    }
