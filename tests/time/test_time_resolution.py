"""Resolution of time expressions against the publication day, with tense from the shared parse."""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve, resolve_article


def timexes(text: str, published: str | None) -> dict[str, tuple[str, str, str | None]]:
    """The rules' reading (spans as the patterns draw them; the learned tagger's edges are tested on their own)."""
    article = Article(id="t", source="t", text=text, published=published)
    found = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    for t in found:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.type, t.value, t.mod) for t in found}


def test_the_article_stage_fills_timexes_with_offsets_into_the_text() -> None:
    text = "Officials met in Ankara on Monday. Talks will resume next week."
    article = Article(id="t", source="t", text=text, published="2022-11-16")
    resolve_article(article)
    assert [(t.text, t.value) for t in article.timexes] == [("Monday", "2022-11-14"), ("next week", "2022-W47")]
    assert all(text[t.start : t.end] == t.text for t in article.timexes)


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # past tense points back, future tense forward, from the same anchor
        ("Officials met in Ankara on Monday.", "2022-11-16", "Monday", "2022-11-14"),
        ("The grain deal expires on Friday.", "2022-11-14", "Friday", "2022-11-18"),
        ("Sullivan said on Thursday that talks stalled.", "2022-11-14", "Thursday", "2022-11-10"),
        ("The two sides will meet again on Thursday.", "2022-11-14", "Thursday", "2022-11-17"),
        # a weekday named on that weekday is that same day whatever the tense; "next Monday" is a week ahead
        ("The talks were held on Monday.", "2022-11-14", "Monday", "2022-11-14"),
        ("Burns is in Ankara on Monday.", "2022-11-14", "Monday", "2022-11-14"),
        ("Burns will meet Naryshkin on Monday.", "2022-11-14", "Monday", "2022-11-14"),
        ("The jury will return its verdict next Monday.", "2022-11-14", "next Monday", "2022-11-21"),
        # months without a year: the one before in the past tense, the next one in the future tense
        ("The last talks were held in January.", "2022-11-14", "January", "2022-01"),
        ("The new rules will take effect in January.", "2022-12-10", "January", "2023-01"),
        ("Sales fell sharply in December.", "2023-01-05", "December", "2022-12"),
        ("The UN wants to ensure the deal will roll over on Nov. 19.", "2022-11-14", "Nov. 19", "2022-11-19"),
        ("A report was published on Dec. 30.", "2023-01-03", "Dec. 30", "2022-12-30"),
        # periods relative to the anchor
        ("They will meet next week.", "2022-11-14", "next week", "2022-W47"),
        ("Prices rose last month.", "2022-11-14", "last month", "2022-10"),
        ("Prices rose last year.", "2022-01-02", "last year", "2021"),
        ("Earlier this month, media reported contacts.", "2022-11-14", "Earlier this month", "2022-11"),
        ("He arrived yesterday.", "2023-01-01", "yesterday", "2022-12-31"),
        ("It was signed two years ago.", "2022-11-14", "two years ago", "2020"),
        ("Profit fell in the third quarter.", "2022-11-14", "the third quarter", "2022-Q3"),
        ("It was built in the 1990s.", "2022-11-14", "the 1990s", "199"),
        ("A plane landed at around 8:30 a.m. GMT.", "2022-11-14", "around 8:30 a.m. GMT", "2022-11-14T08:30"),
        ("Trading halted at 2:15 p.m. ET.", "2013-03-20", "2:15 p.m. ET", "2013-03-20T14:15"),
        ("He spoke this morning.", "1998-08-07", "this morning", "1998-08-07TMO"),
    ],
)
def test_relative_expressions_resolve_with_tense(text: str, published: str, span: str, value: str) -> None:
    assert timexes(text, published)[span][1] == value


def test_late_march_is_the_month_with_mod_end_and_no_preposition() -> None:
    found = timexes("In late March, it hosted talks.", "2022-11-14")
    assert found["late March"] == ("DATE", "2022-03", "END")
    assert not any(span.lower().startswith("in ") for span in found)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "mod"),
    [
        ("Over the past three years prices doubled.", "the past three years", "DURATION", "P3Y", None),
        ("The standoff lasted more than four hours.", "more than four hours", "DURATION", "PT4H", "MORE_THAN"),
        ("They had talked for several months.", "several months", "DURATION", "PXM", None),
        ("Inspectors visit each week.", "each week", "SET", "P1W", None),
        ("Flights leave every Thursday.", "every Thursday", "SET", "XXXX-WXX-4", None),
        ("The figures are published daily.", "daily", "SET", "P1D", None),
        ("Talks are currently under way.", "currently", "DATE", "PRESENT_REF", None),
        ("He recently resigned.", "recently", "DATE", "PAST_REF", None),
        ("Sanctions may be lifted in the future.", "the future", "DATE", "FUTURE_REF", None),
    ],
)
def test_durations_sets_and_references(text: str, span: str, kind: str, value: str, mod: str | None) -> None:
    assert timexes(text, "2022-11-14")[span] == (kind, value, mod)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The deal will roll over on Nov. 19.", "Nov. 19", "XXXX-11-19"),
        ("He arrived yesterday.", "yesterday", "XXXX-XX-XX"),
        ("The talks were held on Monday.", "Monday", "XXXX-WXX-1"),
        ("Prices rose last month.", "last month", "XXXX-XX"),
        ("It was signed in July.", "July", "XXXX-07"),
        ("It was signed on July 4, 2021.", "July 4, 2021", "2021-07-04"),
    ],
)
def test_without_publication_date_relative_values_stay_underspecified(text: str, span: str, value: str) -> None:
    assert timexes(text, None)[span][1] == value


def test_non_temporal_lookalikes_are_not_timexes() -> None:
    found = timexes("Theresa May met 2000 protesters; the Kommersant daily reported a 6-year-old boy.", "2022-11-14")
    assert found == {}


@pytest.mark.parametrize(
    ("text", "published", "span", "expected"),
    [
        # a weekday with a part of day is annotated as that day
        ("Protesters marched on Friday night.", "2022-11-14", "Friday night", ("DATE", "2022-11-11", None)),
        ("Ferries sail on Tuesday nights.", "2022-11-14", "Tuesday nights", ("SET", "XXXX-WXX-2TNI", None)),
        # holidays: the latest one in the past tense, the next one in the future tense
        ("They were rescued on Thanksgiving Day.", "2023-01-10", "Thanksgiving Day", ("DATE", "2022-11-24", None)),
        ("The store will close for Christmas.", "2022-11-14", "Christmas", ("DATE", "2022-12-25", None)),
        ("Prices have doubled since last Christmas.", "2023-03-01", "last Christmas", ("DATE", "2022-12-25", None)),
        ("Crowds gathered as Easter week began.", "2023-04-04", "Easter week", ("DATE", "2023-W14", None)),
        ("Traffic was heavy over Labor Day weekend.", "2022-09-07", "Labor Day weekend", ("DATE", "2022-W35-WE", None)),
        # the reporting year, and a fiscal year named by its end
        ("Sales for the full year rose 5%.", "2022-11-14", "the full year", ("DATE", "2022", None)),
        ("Revenue in the year ended June 30 rose.", "2022-11-14", "the year", ("DURATION", "P1Y", None)),
        ("The merger should close by year-end.", "2022-11-14", "year-end", ("DATE", "2022", "END")),
        ("Shares are up 4% since year-end.", "2022-11-14", "year-end", ("DATE", "2021", "END")),
        # fractions of a unit go to the next smaller unit; "a couple of" is two; vague future spans are durations
        ("The refugees waited 2 1/2 years.", "2022-11-14", "2 1/2 years", ("DURATION", "P2Y6M", None)),
        ("The flight took 5 1/2 hours.", "2022-11-14", "5 1/2 hours", ("DURATION", "PT5H30M", None)),
        ("It circled for a minute and a half.", "2022-11-14", "a minute and a half", ("DURATION", "PT1M30S", None)),
        ("Rates may stay high for a couple of years.", "2022-11-14", "a couple of years", ("DURATION", "P2Y", None)),
        ("Talks may resume over the next few days.", "2022-11-14", "the next few days", ("DURATION", "PXD", None)),
        ("The wall fell a decade ago.", "2022-11-14", "a decade ago", ("DATE", "2012", None)),
        # spoken years, "now that", and "be to" + infinitive pointing ahead
        ("It recalled a nineteen ninety-seven attack.", "2022-11-14", "nineteen ninety-seven", ("DATE", "1997", None)),
        ("Prices fell now that supply is back.", "2022-11-14", "now", ("DATE", "PRESENT_REF", None)),
        ("The stock is to resume trading on Tuesday.", "2022-11-11", "Tuesday", ("DATE", "2022-11-15", None)),
    ],
)
def test_holidays_fiscal_years_and_durations(
    text: str, published: str, span: str, expected: tuple[str, str, str | None]
) -> None:
    assert timexes(text, published)[span] == expected


def test_the_reference_quarter_is_one_already_reported() -> None:
    text = (
        "Profit rose in the third quarter. The company expects a fourth-quarter charge. "
        "Sales were flat in the year-ago period and in the year-earlier third quarter. "
        "In the 2021 quarter, margins were thin. The last half of 2021 was weak."
    )
    found = timexes(text, "2022-11-14")
    assert found["the year-ago period"][1] == "2021-Q3"
    assert found["the year-earlier third quarter"][1] == "2021-Q3"
    assert found["the 2021 quarter"][1] == "2021-Q3"
    assert found["The last half of 2021"][1] == "2021-H2"


def test_earlier_and_later_stay_outside_a_weekday_but_inside_yesterday() -> None:
    text = "Earlier Friday, lawyers filed a motion. Officials declined to comment late yesterday."
    found = timexes(text, "2022-11-12")
    assert found["Friday"] == ("DATE", "2022-11-11", None)
    assert found["late yesterday"] == ("DATE", "2022-11-11", None)


@pytest.mark.parametrize(
    ("text", "published", "span", "expected"),
    [
        # DATE: report codes of business news (quarters, halves, fiscal years)
        ("Revenue rose 9% in Q3 2013.", "2013-11-05", "Q3 2013", ("DATE", "2013-Q3", None)),
        ("The bank's 2012 Q4 loss widened.", "2013-03-01", "2012 Q4", ("DATE", "2012-Q4", None)),
        ("The airline expects a stronger H1 2014.", "2013-11-05", "H1 2014", ("DATE", "2014-H1", None)),
        ("The ministry cut FY2014 spending.", "2013-11-05", "FY2014", ("DATE", "2014", None)),
        # TIME: a 24-hour clock with its zone, and "o'clock"
        ("The ceasefire begins at 0600 GMT.", "2013-03-20", "0600 GMT", ("TIME", "2013-03-20T06:00", None)),
        ("The quake struck at 1815 GMT Tuesday.", "2013-03-20", "1815 GMT Tuesday", ("TIME", "2013-03-19T18:15", None)),
        ("Polls close at 20:00 CET.", "2013-03-20", "20:00 CET", ("TIME", "2013-03-20T20:00", None)),
        ("The shop opens at nine o'clock.", "2013-03-20", "nine o'clock", ("TIME", "2013-03-20T09:00", None)),
        # DURATION: half a unit, and compounds in "-long" with the unit alone
        ("The hearing lasted half an hour.", "2013-03-20", "half an hour", ("DURATION", "PT30M", None)),
        ("Rents are at a quarter-century high.", "2013-03-20", "quarter-century", ("DURATION", "P25Y", None)),
        ("The wall fell half a century ago.", "2013-03-20", "half a century ago", ("DATE", "1963", None)),
        ("Miners ended a month-long strike.", "2013-03-20", "month-long", ("DURATION", "P1M", None)),
        ("It is a decades-long dispute.", "2013-03-20", "decades-long", ("DURATION", "PXDE", None)),
        # SET: "every" with a count
        ("Elections are held every four years.", "2013-03-20", "every four years", ("SET", "P4Y", None)),
        ("Buses leave every 10 minutes.", "2013-03-20", "every 10 minutes", ("SET", "PT10M", None)),
    ],
)
def test_guideline_constructions_by_timex3_type(
    text: str, published: str, span: str, expected: tuple[str, str, str | None]
) -> None:
    assert timexes(text, published)[span] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The H1N1 virus spread.",  # a code inside a name
        "The ratio stood at 10:30 after the vote.",  # a bare clock without a zone may be a score or a ratio
        "A 25-year-old man was held.",  # an age
        "The mine shipped 1,100 CET units.",  # digits of a larger number before a zone's letters
        "The shares rose in after-hours trading.",  # a compound adjective, not a stretch of hours
    ],
)
def test_lookalikes_of_the_new_constructions_are_not_timexes(text: str) -> None:
    assert timexes(text, "2013-03-20") == {}


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        # a year before a verb or a preposition ending in "s" is still a year
        ("Turnout in 2012 was the lowest since the war.", "2012", "2012", None),
        ("The levy, in force since 2009 as a stopgap, ends soon.", "2009", "2009", None),
        ("Growth in 1998 is put at 3 percent.", "1998", "1998", None),
        # a preposition opening the clause makes it the year even before a plural noun
        ("In 2011 thousands protested in the capital.", "2011", "2011", None),
        ("Police said that since 2009 prices have doubled.", "2009", "2009", None),
        ("From 2009 onwards the firm grew.", "2009", "2009", None),
        # a possessive year is the year ("2012's election"); "the 1980's" stays the decade
        ("He was 2012's top scorer.", "2012", "2012", None),
        ("Prices soared in the 1980's.", "the 1980's", "198", None),
        # the wire services' "end-2012", "end-March", "start-2014"
        ("Debt is to fall below 60 percent by end-2012.", "end-2012", "2012", "END"),
        ("The central bank holds rates until end-March.", "end-March", "2013-03", "END"),
        ("The new terminal opens at start-2014.", "start-2014", "2014", "START"),
    ],
)
def test_years_before_words_in_s_and_wire_service_period_edges(
    text: str, span: str, value: str, mod: str | None
) -> None:
    _, got, got_mod = timexes(text, "2013-03-20")[span]
    assert (got, got_mod) == (value, mod)


@pytest.mark.parametrize(
    "text",
    [
        "The plant made 1998 cars last month.",  # a count of a plural noun
        "Police counted 2012 votes in the district.",
        "The attack resulted in 1500 deaths.",  # "in" inside the clause: a count
        "The fire killed 1200 people, officials said.",
        "The end-of-year rally lifted stocks.",  # "end-" before a noun, not before a date
    ],
)
def test_counts_and_end_compounds_are_not_years(text: str) -> None:
    found = timexes(text, "2013-03-20")
    assert not any(v[1] in ("1998", "2012", "1500", "1200") for v in found.values())
    assert not any(k.lower().startswith("end") for k in found)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # two days of one month: each day is a DATE of its own, the second in the first's month and year
        ("The festival runs Nov. 19-20 in Lyon.", "2013-11-01", {"Nov. 19": "2013-11-19", "20": "2013-11-20"}),
        ("Leaders met on April 24 and 25.", "1999-05-02", {"April 24": "1999-04-24", "25": "1999-04-25"}),
        ("Hearings are set for March 3 to 5.", "2013-02-20", {"March 3": "2013-03-03", "5": "2013-03-05"}),
        (
            "Talks were held on Sept. 14 and 18, 2012.",
            "2013-03-20",
            {"Sept. 14": "2012-09-14", "18, 2012": "2012-09-18"},
        ),
        # two years: "the 2012-13 season", "2012/13", "1999-2000", "1850-58"
        ("Their 2012-13 season was the best yet.", "2013-06-01", {"2012": "2012", "13": "2013"}),
        ("The budget for 2012/13 was cut.", "2013-06-01", {"2012": "2012", "13": "2013"}),
        ("The bank's 2012/13 results are due in May.", "2013-03-22", {"2012": "2012", "13": "2013"}),
        ("The 1999-2000 fiscal year closed in June.", "2001-01-05", {"1999": "1999", "2000": "2000"}),
        ("He ruled from 1850-58.", "2013-06-01", {"1850": "1850", "58": "1858"}),
    ],
)
def test_ranges_of_days_and_years_mark_each_end(text: str, published: str, expected: dict[str, str]) -> None:
    found = timexes(text, published)
    assert {span: found[span][1] for span in expected} == expected
    assert all(found[span][0] == "DATE" for span in expected)


@pytest.mark.parametrize(
    "text",
    [
        "Troops numbering 1500-2000 were sent.",  # a range of counts, not of years
        "Between 1500-2000 troops were sent.",
        "The index swung between 2012-2019 points.",  # a plural noun after the range makes it a count
        "Shares fell on May 3 to 5 percent below the offer.",  # the second number is a percentage
    ],
)
def test_ranges_of_counts_are_not_dates(text: str) -> None:
    found = timexes(text, "2013-03-20")
    assert not any(v[1] in ("1500", "2000", "2012", "2019", "2013-05-05") for v in found.values())


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # a quarter or half named by its months is that quarter or half; tense picks the year when none is written
        (
            "Japan's economy grew 0.2 percent in the October-December quarter.",
            "2013-03-08",
            "the October-December quarter",
            "2012-Q4",
        ),
        ("Sales rose in the January-March period.", "2013-05-02", "the January-March period", "2013-Q1"),
        ("Output in the 2012 July-December half was flat.", "2013-05-02", "the 2012 July-December half", "2012-H2"),
    ],
)
def test_a_quarter_named_by_its_months(text: str, published: str, span: str, value: str) -> None:
    assert timexes(text, published)[span] == ("DATE", value, None)


def test_months_that_make_no_quarter_stay_months() -> None:
    found = timexes("Flights run in the June-August period.", "2013-05-02")
    assert not any(v[1].endswith(("Q2", "Q3", "H1", "H2")) for v in found.values())


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # a count of smaller units in each larger one is the larger unit's set, the count its frequency
        ("The bakery is open six days a week.", "six days a week", "SET", "P1W"),
        ("Nurses worked 12 hours a day during the outbreak.", "12 hours a day", "SET", "P1D"),
        ("The crew spends two weeks a year at sea.", "two weeks a year", "SET", "P1Y"),
        # a count of things per unit is a rate: the unit is a SET
        ("Qantas now runs four flights a week to Mumbai.", "a week", "SET", "P1W"),
        ("The new route adds nearly 700 seats a week.", "a week", "SET", "P1W"),
        # a clock hour with a part of day
        ("The convoy will leave at 4 in the morning.", "4 in the morning", "TIME", "2013-03-20T04:00"),
        ("Bars may stay open until 11 at night.", "11 at night", "TIME", "2013-03-20T23:00"),
        ("Polls close at eight o'clock in the evening.", "eight o'clock in the evening", "TIME", "2013-03-20T20:00"),
        # a determiner and a plural noun around a year of 1900-2099: the year naming the things
        ("Many who led the 1992 protests have moved away.", "1992", "DATE", "1992"),
        ("Sydney hosted the 2000 Olympics.", "2000", "DATE", "2000"),
    ],
)
def test_rates_clock_hours_by_part_of_day_and_years_naming_things(text: str, span: str, kind: str, value: str) -> None:
    found = {t.text: (t.type, t.value) for t in resolve(text, "2013-03-20", use_tagger=False)}
    assert found[span] == (kind, value)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The 1500 soldiers returned home.", "1500"),  # a count below 1900 stays a count
        ("She scored 4 in the afternoon session.", "4 in the afternoon"),  # no preposition: not a clock time
        ("The plant ran for six days a week ago.", "six days a week"),  # a duration, then a date
        ("The chip runs 15 million instructions per second.", "per second"),  # a unit of measure
    ],
)
def test_counts_and_rates_that_are_not_what_they_look_like(text: str, absent: str) -> None:
    assert absent not in {t.text for t in resolve(text, "2013-03-20", use_tagger=False)}
