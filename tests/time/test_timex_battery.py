"""A TIMEX3 battery of today's news: short passages from many domains, each with its publication day and every time
expression a TimeML annotator following the TIMEX3 guidelines would mark in it (exact extent, type, value), and so
nothing else: ages, names holding a number or a date ("7-Eleven", "Formula One", "the May Fourth Movement", a law's
title year) must not be marked. The expectations were written and committed before the stage was first run on
them (docs/time.md, "A TIMEX3 battery of today's news").

Extents follow the guidelines: a determiner and a quantifying modifier belong to the expression ("the 1960s", "the
past decade", "more than three weeks", "about two years", "almost seven weeks", "last Thursday"), a preposition
and "shortly after" do not (they are signals), nor "local time". Vague references are DATE with ``PAST_REF``,
``PRESENT_REF``, ``FUTURE_REF``; "the past year", "the past 12 months" are durations; fiscal years take the ``FY``
prefix; "early", "late", "the end of" give the period's value (the modifier goes to ``mod``, not scored here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import tempeval  # the bench's one-to-one matching, exact offsets first

# (domain, publication day, passage, [(extent, TIMEX3 type, TIMEX3 value), ...]); each extent occurs once.
Expected = list[tuple[str, str, str]]
CASES: list[tuple[str, str, str, Expected]] = [
    (
        "earnings",
        "2025-10-23",
        "Acme Foods said on Thursday that profit rose 12% in the third quarter, and it raised its outlook for "
        "fiscal 2025.",
        [
            ("Thursday", "DATE", "2025-10-23"),
            ("the third quarter", "DATE", "2025-Q3"),
            ("fiscal 2025", "DATE", "FY2025"),
        ],
    ),
    (
        "football",
        "2025-03-10",
        "The 31-year-old striker signed a four-year contract with the club on Sunday.",
        [("four-year", "DURATION", "P4Y"), ("Sunday", "DATE", "2025-03-09")],
    ),
    (
        "courts",
        "2024-11-19",
        "A judge on Monday sentenced the former treasurer to 12 years in prison for a fraud that began in the 1990s.",
        [("Monday", "DATE", "2024-11-18"), ("12 years", "DURATION", "P12Y"), ("the 1990s", "DATE", "199")],
    ),
    (
        "weather",
        "2025-01-14",
        "Temperatures will stay below freezing in the coming days, with heavy snow expected Tuesday evening.",
        [("the coming days", "DATE", "FUTURE_REF"), ("Tuesday evening", "TIME", "2025-01-14TEV")],
    ),
    (
        "astronomy",
        "2026-02-04",
        "The telescope has watched the galaxy for three years, and the team plans to release its data in the first "
        "half of next year.",
        [("three years", "DURATION", "P3Y"), ("the first half of next year", "DATE", "2027-H1")],
    ),
    (
        "elections",
        "2024-06-28",
        "Polls open on Sunday in the first snap election since 2017.",
        [("Sunday", "DATE", "2024-06-30"), ("2017", "DATE", "2017")],
    ),
    (
        "public health",
        "2025-05-07",
        "Measles cases have risen sharply in recent weeks, and officials now recommend a second dose for infants.",
        [("recent weeks", "DATE", "PAST_REF"), ("now", "DATE", "PRESENT_REF")],
    ),
    (
        "museums",
        "2025-09-15",
        "The museum, closed for a decade-long renovation, reopens to the public on Saturday.",
        [("decade-long", "DURATION", "P10Y"), ("Saturday", "DATE", "2025-09-20")],
    ),
    (
        "war",
        "2026-04-16",
        "The army said on Wednesday it had lost contact with two units earlier this month.",
        [("Wednesday", "DATE", "2026-04-15"), ("earlier this month", "DATE", "2026-04")],
    ),
    (
        "shipping",
        "2025-07-22",
        "Container rates on the Asia-Europe route have doubled over the past 12 months, and carriers now sail "
        "around the Cape every week.",
        [("the past 12 months", "DURATION", "P12M"), ("now", "DATE", "PRESENT_REF"), ("every week", "SET", "P1W")],
    ),
    (
        "central banks",
        "2024-12-12",
        "The central bank left rates unchanged, saying inflation would stay above target until late next year.",
        [("late next year", "DATE", "2025")],
    ),
    (
        "mining",
        "2025-08-20",
        "The miner's output fell 8% in the first half, its weakest result in a decade.",
        [("the first half", "DATE", "2025-H1"), ("a decade", "DURATION", "P10Y")],
    ),
    (
        "tennis",
        "2025-06-30",
        "The 19-year-old, who turned professional in 2023, plays her first Wimbledon match on Tuesday.",
        [("2023", "DATE", "2023"), ("Tuesday", "DATE", "2025-07-01")],
    ),
    (
        "aviation",
        "2024-09-09",
        "The airline will fly to Lisbon twice a week from next month.",
        [("twice a week", "SET", "P1W"), ("next month", "DATE", "2024-10")],
    ),
    (
        "agriculture",
        "2025-11-03",
        "Wheat farmers have endured drought for three straight years, the ministry said on Friday.",
        [("three straight years", "DURATION", "P3Y"), ("Friday", "DATE", "2025-10-31")],
    ),
    (
        "pharmaceuticals",
        "2026-01-08",
        "The drug maker expects a decision from regulators in the second half of 2026 and has paid a dividend "
        "annually since 2010.",
        [("the second half of 2026", "DATE", "2026-H2"), ("annually", "SET", "P1Y"), ("2010", "DATE", "2010")],
    ),
    (
        "semiconductors",
        "2025-04-17",
        "The chipmaker's shares have fallen 30% in the past year and currently trade at a five-year low.",
        [("the past year", "DURATION", "P1Y"), ("currently", "DATE", "PRESENT_REF"), ("five-year", "DURATION", "P5Y")],
    ),
    (
        "labour",
        "2024-10-01",
        "Dock workers will strike for 24 hours on Thursday, the union said.",
        [("24 hours", "DURATION", "PT24H"), ("Thursday", "DATE", "2024-10-03")],
    ),
    (
        "housing",
        "2025-12-09",
        "Home prices rose in November, and economists expect a slowdown in early 2026.",
        [("November", "DATE", "2025-11"), ("early 2026", "DATE", "2026")],
    ),
    (
        "fire service",
        "2025-08-12",
        "The blaze at the warehouse broke out shortly after midnight, fire officials said.",
        [("midnight", "TIME", "2025-08-11T24:00")],
    ),
    (
        "nuclear power",
        "2025-03-19",
        "The utility will shut the reactor at noon local time on Friday for a month of maintenance.",
        [("noon", "TIME", "2025-03-21T12:00"), ("Friday", "DATE", "2025-03-21"), ("a month", "DURATION", "P1M")],
    ),
    (
        "urban rail",
        "2024-05-20",
        "Trains on the line will run every 10 minutes from June.",
        [("every 10 minutes", "SET", "PT10M"), ("June", "DATE", "2024-06")],
    ),
    (
        "religion",
        "2025-02-28",
        "The archbishop will lead a service every Sunday until Easter.",
        [("every Sunday", "SET", "XXXX-WXX-7"), ("Easter", "DATE", "2025-04-20")],
    ),
    (
        "schools",
        "2025-09-02",
        "Pupils returned to school on Monday after a summer break of almost seven weeks.",
        [("Monday", "DATE", "2025-09-01"), ("almost seven weeks", "DURATION", "P7W")],
    ),
    (
        "fisheries",
        "2025-06-11",
        "Cod quotas in the North Sea have been cut by more than half since the 1960s.",
        [("the 1960s", "DATE", "196")],
    ),
    (
        "retail",
        "2024-11-07",
        "7-Eleven said on Wednesday that same-store sales rose 4% last quarter.",
        [("Wednesday", "DATE", "2024-11-06"), ("last quarter", "DATE", "2024-Q3")],
    ),
    (
        "motor racing",
        "2025-05-26",
        "The Formula One team confirmed on Sunday that its driver had signed through 2027.",
        [("Sunday", "DATE", "2025-05-25"), ("2027", "DATE", "2027")],
    ),
    (
        "history",
        "2025-05-05",
        "Students in Beijing marked the anniversary of the May Fourth Movement on Sunday.",
        [("Sunday", "DATE", "2025-05-04")],
    ),
    (
        "online regulation",
        "2025-03-12",
        "Ministers said the Online Safety Act 2023 had been enforced since last March.",
        [("last March", "DATE", "2024-03")],
    ),
    (
        "music",
        "2024-08-19",
        "The band, which toured annually in the 1980s, will play a reunion show on New Year's Eve.",
        [("annually", "SET", "P1Y"), ("the 1980s", "DATE", "198"), ("New Year's Eve", "DATE", "2024-12-31")],
    ),
    (
        "film",
        "2025-02-18",
        "The film has topped the box office for two straight weekends and opens in China on Friday.",
        [("two straight weekends", "DURATION", "P2WE"), ("Friday", "DATE", "2025-02-21")],
    ),
    (
        "spaceflight",
        "2026-07-07",
        "The capsule docked with the station on Tuesday after a 28-hour flight.",
        [("Tuesday", "DATE", "2026-07-07"), ("28-hour", "DURATION", "PT28H")],
    ),
    (
        "diplomacy",
        "2025-09-23",
        "World leaders gather in New York this week for the General Assembly, which meets every September.",
        [("this week", "DATE", "2025-W39"), ("every September", "SET", "XXXX-09")],
    ),
    (
        "migration",
        "2024-07-15",
        "More than 2,000 migrants crossed the Channel in small boats last week, the most since 2022.",
        [("last week", "DATE", "2024-W28"), ("2022", "DATE", "2022")],
    ),
    (
        "insurance",
        "2025-01-30",
        "Insurers expect wildfire claims to take months to settle, the industry body said on Thursday.",
        [("months", "DURATION", "PXM"), ("Thursday", "DATE", "2025-01-30")],
    ),
    (
        "chess",
        "2024-12-13",
        "The 18-year-old became the youngest world champion on Thursday after a match lasting more than three weeks.",
        [("Thursday", "DATE", "2024-12-12"), ("more than three weeks", "DURATION", "P3W")],
    ),
    (
        "cycling",
        "2025-07-28",
        "The Tour de France ended in Paris on Sunday after 21 stages in 23 days.",
        [("Sunday", "DATE", "2025-07-27"), ("23 days", "DURATION", "P23D")],
    ),
    (
        "golf",
        "2025-04-14",
        "He won the Masters on Sunday, 11 years after his first major title.",
        [("Sunday", "DATE", "2025-04-13"), ("11 years", "DURATION", "P11Y")],
    ),
    (
        "cricket",
        "2025-11-21",
        "Play resumes at 10.30am local time on Saturday.",
        [("10.30am", "TIME", "2025-11-22T10:30"), ("Saturday", "DATE", "2025-11-22")],
    ),
    (
        "climate",
        "2025-12-02",
        "Global emissions hit a record in 2025 and must fall by 40% by the end of the decade, the report said.",
        [("2025", "DATE", "2025"), ("the end of the decade", "DATE", "202")],
    ),
    (
        "archaeology",
        "2025-10-08",
        "The tomb, sealed for more than 3,000 years, was opened last Thursday.",
        [("more than 3,000 years", "DURATION", "P3000Y"), ("last Thursday", "DATE", "2025-10-02")],
    ),
    (
        "hospitals",
        "2024-03-05",
        "Patients in the region now wait 18 weeks for surgery, up from 11 weeks a year ago.",
        [
            ("now", "DATE", "PRESENT_REF"),
            ("18 weeks", "DURATION", "P18W"),
            ("11 weeks", "DURATION", "P11W"),
            ("a year ago", "DATE", "2023"),
        ],
    ),
    (
        "vaccines",
        "2025-10-13",
        "Older adults are advised to get a booster twice a year.",
        [("twice a year", "SET", "P1Y")],
    ),
    (
        "pensions",
        "2025-11-26",
        "The state pension will rise by 4.8% in April, the chancellor said in Wednesday's budget.",
        [("April", "DATE", "2026-04"), ("Wednesday", "DATE", "2025-11-26")],
    ),
    (
        "taxes",
        "2025-04-01",
        "Taxpayers have until April 15 to file, and the agency pays most refunds within 21 days.",
        [("April 15", "DATE", "2025-04-15"), ("21 days", "DURATION", "P21D")],
    ),
    (
        "cybersecurity",
        "2025-06-24",
        "The hackers had access to the network for at least nine months before the breach was found in May.",
        [("at least nine months", "DURATION", "P9M"), ("May", "DATE", "2025-05")],
    ),
    (
        "startups",
        "2026-09-15",
        "The company, founded in 2021, currently employs 400 people and plans to double that by next spring.",
        [("2021", "DATE", "2021"), ("currently", "DATE", "PRESENT_REF"), ("next spring", "DATE", "2027-SP")],
    ),
    (
        "oil",
        "2025-06-02",
        "OPEC+ agreed on Saturday to raise output in July, the third such increase in a row.",
        [("Saturday", "DATE", "2025-05-31"), ("July", "DATE", "2025-07")],
    ),
    (
        "gas",
        "2024-10-16",
        "European gas storage was 95% full on Tuesday ahead of winter.",
        [("Tuesday", "DATE", "2024-10-15"), ("winter", "DATE", "2024-WI")],
    ),
    (
        "commercial property",
        "2025-07-09",
        "Office vacancies in the city reached 22% in the second quarter, the highest level since the early 1990s.",
        [("the second quarter", "DATE", "2025-Q2"), ("the early 1990s", "DATE", "199")],
    ),
    (
        "crypto",
        "2025-11-18",
        "Bitcoin has lost a quarter of its value since early October and traded near $90,000 on Tuesday.",
        [("early October", "DATE", "2025-10"), ("Tuesday", "DATE", "2025-11-18")],
    ),
    (
        "commodities",
        "2024-08-06",
        "Coffee prices have climbed for six consecutive weeks and are now at their highest since 1977.",
        [("six consecutive weeks", "DURATION", "P6W"), ("now", "DATE", "PRESENT_REF"), ("1977", "DATE", "1977")],
    ),
    (
        "telecoms",
        "2025-01-22",
        "The operator will switch off its 3G network by the end of the year.",
        [("the end of the year", "DATE", "2025")],
    ),
    (
        "tourism",
        "2025-08-27",
        "Visitor numbers in Venice fell in the summer, and the day-trip fee will apply on weekends from next April.",
        [("the summer", "DATE", "2025-SU"), ("weekends", "SET", "XXXX-WXX-WE"), ("next April", "DATE", "2026-04")],
    ),
    (
        "policing",
        "2024-02-14",
        "Officers patrol the estate daily and have made 40 arrests since January.",
        [("daily", "SET", "P1D"), ("January", "DATE", "2024-01")],
    ),
    (
        "childcare",
        "2025-09-10",
        "Nurseries must stay open for 10 hours a day under rules that take effect next year.",
        [("10 hours a day", "SET", "P1D"), ("next year", "DATE", "2026")],
    ),
    (
        "wine",
        "2025-10-20",
        "Winemakers began the harvest two weeks earlier than usual after the hottest August on record.",
        [("two weeks", "DURATION", "P2W"), ("August", "DATE", "2025-08")],
    ),
    (
        "heat",
        "2025-08-05",
        "Cities across southern Europe have set heat records this season.",
        [("this season", "DATE", "2025-SU")],
    ),
    (
        "restaurants",
        "2024-04-24",
        "The restaurant, open since 1952, is closed every Monday.",
        [("1952", "DATE", "1952"), ("every Monday", "SET", "XXXX-WXX-1")],
    ),
    (
        "theatre",
        "2025-03-27",
        "The musical, which ran for 14 years in London, closes on Broadway next Sunday.",
        [("14 years", "DURATION", "P14Y"), ("next Sunday", "DATE", "2025-03-30")],
    ),
    (
        "books",
        "2025-10-09",
        "The novelist, who won the prize on Thursday, spent the past decade writing the trilogy.",
        [("Thursday", "DATE", "2025-10-09"), ("the past decade", "DURATION", "P10Y")],
    ),
    (
        "defence",
        "2025-05-13",
        "The navy will receive the first frigate in the 2028 fiscal year, five years later than planned.",
        [("the 2028 fiscal year", "DATE", "FY2028"), ("five years", "DURATION", "P5Y")],
    ),
    (
        "trade",
        "2025-04-03",
        "The tariffs take effect on Saturday and will be reviewed every six months.",
        [("Saturday", "DATE", "2025-04-05"), ("every six months", "SET", "P6M")],
    ),
    (
        "energy policy",
        "2025-02-10",
        "Germany shut its last reactors in April 2023 after six decades of nuclear power.",
        [("April 2023", "DATE", "2023-04"), ("six decades", "DURATION", "P60Y")],
    ),
    (
        "water",
        "2025-09-30",
        "Reservoirs are at their lowest level since records began in 1884, and a hosepipe ban has been in force "
        "since July.",
        [("1884", "DATE", "1884"), ("July", "DATE", "2025-07")],
    ),
    (
        "mental health",
        "2025-01-20",
        "A helpline that opened late last year has taken 50,000 calls.",
        [("late last year", "DATE", "2024")],
    ),
    (
        "parliament",
        "2025-07-03",
        "Parliament will sit until the end of July before a six-week recess.",
        [("the end of July", "DATE", "2025-07"), ("six-week", "DURATION", "P6W")],
    ),
    (
        "olympics",
        "2025-02-05",
        "The city is bidding to host the Olympics in 2036, having last staged the Games 60 years ago.",
        [("2036", "DATE", "2036"), ("60 years ago", "DATE", "1965")],
    ),
    (
        "car industry",
        "2025-10-27",
        "The carmaker recalled 200,000 vehicles on Friday, its second recall in the last six months.",
        [("Friday", "DATE", "2025-10-24"), ("the last six months", "DURATION", "P6M")],
    ),
    (
        "jobs",
        "2024-09-06",
        "Unemployment has held near 4% for about two years, data released on Friday showed.",
        [("about two years", "DURATION", "P2Y"), ("Friday", "DATE", "2024-09-06")],
    ),
    (
        "lotteries",
        "2025-03-14",
        "The national lottery is drawn weekly, and the jackpot has rolled over for five weeks.",
        [("weekly", "SET", "P1W"), ("five weeks", "DURATION", "P5W")],
    ),
    (
        "crime",
        "2025-02-03",
        "A 45-year-old man was charged on Saturday with stealing a painting from the gallery.",
        [("Saturday", "DATE", "2025-02-01")],
    ),
]


# A second set, written after the first run and before it was itself run: the round's mechanisms in other domains
# and wordings, with the names and modifiers they must leave alone ("August Strindberg", "winter wheat", "a weekend
# retreat").
SECOND: list[tuple[str, str, str, Expected]] = [
    (
        "banking",
        "2025-06-18",
        "The bank's chief executive, who took over a year ago, said on Tuesday that profits had doubled.",
        [("a year ago", "DATE", "2024"), ("Tuesday", "DATE", "2025-06-17")],
    ),
    ("ferries", "2025-03-04", "The ferry sails to the island every Friday.", [("every Friday", "SET", "XXXX-WXX-5")]),
    (
        "prisons",
        "2025-11-12",
        "The inmates escaped just before midnight, the prison service said.",
        [("midnight", "TIME", "2025-11-11T24:00")],
    ),
    ("railways", "2024-12-02", "The new timetable starts at midnight.", [("midnight", "TIME", "2024-12-02T24:00")]),
    (
        "construction",
        "2025-05-21",
        "The tower was finished three months later than planned.",
        [("three months", "DURATION", "P3M")],
    ),
    ("airports", "2025-01-08", "Flights left two hours earlier than scheduled.", [("two hours", "DURATION", "PT2H")]),
    ("markets", "2025-04-09", "The farmers' market is held at weekends.", [("weekends", "SET", "XXXX-WXX-WE")]),
    (
        "box office",
        "2025-07-15",
        "The sequel earned $90 million over three weekends.",
        [("three weekends", "DURATION", "P3WE")],
    ),
    (
        "heating",
        "2025-09-24",
        "Households are being urged to fill their oil tanks before winter.",
        [("winter", "DATE", "2025-WI")],
    ),
    (
        "skiing",
        "2026-01-14",
        "Resorts in the Alps have had little snow this season.",
        [("this season", "DATE", "2025-WI")],
    ),
    (
        "biography",
        "2025-03-20",
        "A new biography of August Strindberg was published on Thursday.",
        [("Thursday", "DATE", "2025-03-20")],
    ),
    (
        "russian politics",
        "2025-11-07",
        "Communists laid flowers on Friday to mark the anniversary of the October Revolution.",
        [("Friday", "DATE", "2025-11-07")],
    ),
    (
        "employment law",
        "2025-06-05",
        "Employers must comply with the Employment Rights Act 1996, the tribunal ruled on Wednesday.",
        [("Wednesday", "DATE", "2025-06-04")],
    ),
    (
        "data protection",
        "2024-10-10",
        "Fines under the Data Protection Act 2018 rose last year.",
        [("last year", "DATE", "2023")],
    ),
    (
        "orchestras",
        "2025-08-13",
        "The orchestra, formed in 1946, performs at the festival on Sunday.",
        [("1946", "DATE", "1946"), ("Sunday", "DATE", "2025-08-17")],
    ),
    ("arable farming", "2025-03-11", "Growers planted winter wheat in October.", [("October", "DATE", "2024-10")]),
    ("management", "2025-02-03", "The team held a weekend retreat in the mountains.", []),
    (
        "judiciary",
        "2025-09-09",
        "The judge, appointed in 2019, retires on Friday.",
        [("2019", "DATE", "2019"), ("Friday", "DATE", "2025-09-12")],
    ),
    (
        "football management",
        "2025-10-01",
        "The coach was sacked a year ago and now manages a rival club.",
        [("a year ago", "DATE", "2024"), ("now", "DATE", "PRESENT_REF")],
    ),
    (
        "fashion",
        "2025-09-29",
        "The show opens the week-long event at noon local time on Tuesday.",
        [("week-long", "DURATION", "P1W"), ("noon", "TIME", "2025-09-30T12:00"), ("Tuesday", "DATE", "2025-09-30")],
    ),
]


def _found(text: str, published: str) -> list[tuple[int, int, str, str]]:
    """What the time stage finds (the learned tagger included, as the product runs it): start, end, type, value."""
    article = Article(id="t", source="t", text=text, published=published)
    return [(t.start, t.end, t.type, t.value) for t in resolve(text, published, lambda: doc_of(article))]


def _expected(text: str, expected: Expected) -> list[tuple[int, int, str, str]]:
    out = []
    for span, type_, value in expected:
        start = text.index(span)
        out.append((start, start + len(span), type_, value))
    return out


def battery_score(cases: list[tuple[str, str, str, Expected]]) -> tempeval.Counts:
    """The TempEval-3 counts over ``cases`` (gold, system, strict, relaxed, typed, value), matched as the bench does."""
    total = tempeval.Counts()
    for _, published, text, expected in cases:
        gold = [tempeval.Tx(s, e, t, v, text[s:e]) for s, e, t, v in _expected(text, expected)]
        system = [tempeval.Tx(s, e, t, v, text[s:e]) for s, e, t, v in _found(text, published)]
        total.add(tempeval.match(gold, system)[0])
    return total


def test_every_extent_occurs_once_in_its_passage() -> None:
    for _, _, text, expected in CASES:
        for span, _, _ in expected:
            assert text.count(span) == 1, (text, span)


def test_the_battery_spans_many_domains() -> None:
    domains = [case[0] for case in CASES]
    assert len(CASES) >= 60 and len(set(domains)) == len(domains)


# Passages the stage reads otherwise than the guidelines, by a choice measured on the annotated corpora
# (docs/time.md, "What counts, by TIMEX3 type" and "A TIMEX3 battery of today's news"), each a strict xfail.
_FISCAL = "fiscal years stay the plain year, as both TimeML corpora write them ('fiscal 1989' 1989, 3 of 3)"
_ANNUALLY = "'annually' is left out: the tuning part marks 2 of 6, so marking it costs more than it finds"
_PAST_UNIT = "'the past year/decade' stays a DATE, TimeBank's reading ('the past year' 1988, 'the last decade' 198)"
_EVENING = "a weekday with a part of day stays a DATE: as TIME it lowered frozen type F1 0.924 -> 0.916 (measured)"
XFAIL = {
    "earnings": _FISCAL,
    "defence": _FISCAL,
    "pharmaceuticals": _ANNUALLY,
    "music": _ANNUALLY,
    "semiconductors": _PAST_UNIT,
    "books": _PAST_UNIT,
    "weather": _EVENING,
    "box office": "'over' before a count reads as 'more than' (the tuning part's 'over a week', 'over an hour'), "
    "though after a verb's object it may be the preposition",
}


def _param(case: tuple[str, str, str, Expected]) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])] if case[0] in XFAIL else []
    return pytest.param(*case, id=f"{case[0]}-{case[1]}", marks=marks)


@pytest.mark.parametrize(("domain", "published", "text", "expected"), [_param(case) for case in CASES + SECOND])
def test_timex_battery(domain: str, published: str, text: str, expected: Expected) -> None:
    assert sorted(_found(text, published)) == sorted(_expected(text, expected))


def test_the_battery_scores_hold() -> None:
    """The four measures over each set (docs/time.md): at the first run 137 / 141 / 136 / 129 of the first set's 146
    expressions (143 found) and 23 / 25 / 25 / 24 of the second set's 25 (27 found)."""
    first, second = battery_score(CASES), battery_score(SECOND)
    assert (first.gold, first.system, second.gold, second.system) == (146, 144, 25, 25)
    assert (first.strict, first.relaxed, first.typed, first.value) == (144, 144, 141, 139)
    assert (second.strict, second.relaxed, second.typed, second.value) == (24, 25, 25, 25)


def test_the_domains_of_both_sets_differ() -> None:
    domains = [case[0] for case in CASES + SECOND]
    assert len(set(domains)) == len(domains)
