"""Anchoring that reads the sentence: narrative reference time, the day of speaking, same-weekday, vague values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time import speech
from crosswire.time.timex import candidates, resolve


def values(text: str, published: str | None) -> dict[str, tuple[str, str]]:
    article = Article(id="t", source="t", text=text, published=published)
    found = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    return {t.text: (t.type, t.value) for t in found}


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # "last" and "next" with a month and day: the latest such day before the anchor, the next one after it
        ("The physician was shot to death last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", "1998-10-23"),
        ("The ruling takes effect next Jan. 15, the court said.", "2013-03-22", "next Jan. 15", "2014-01-15"),
        ("The striker signed last August 30th with the club.", "2021-09-05", "last August 30th", "2021-08-30"),
        # a month named with no tense to read is the nearest one: the one just past, or the one just ahead
        ("Shares worth $130 million in October, worth half that now.", "1998-01-08", "October", "1997-10"),
        ("Mr. Schwarz, chairman effective Feb. 1, and two others.", "1989-10-26", "Feb. 1", "1990-02-01"),
    ],
)
def test_month_days_with_last_or_next_and_months_without_tense(
    text: str, published: str, span: str, value: str
) -> None:
    assert values(text, published)[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the narrative's last date, not the publication day, is where "later" and "the next day" count from
        ("The suspect was arrested on March 3, 2020. Two days later he was freed.", "Two days later", "2020-03-05"),
        ("The merger closed in June 2019; three months later the chief quit.", "three months later", "2019-09"),
        ("The treaty was signed in 1990. The next year the wall was gone.", "The next year", "1991"),
        ("The storm hit on Aug. 29, 2005. The levees failed the following day.", "the following day", "2005-08-30"),
        ("The trial opened on Jan. 9, 2023, and the jury was chosen that day.", "that day", "2023-01-09"),
        ("Ohtani signed in December 2023. Later that year, he was named MVP.", "Later that year", "2023"),
        ("Voters went to the polls on Nov. 8, 2022; results came the day after.", "the day after", "2022-11-09"),
        # "ago" and "from now" stay with the moment of writing
        ("The plant opened on May 2, 1998. It closed two years ago.", "two years ago", "2020"),
    ],
)
def test_anaphoric_expressions_count_from_the_narrative(text: str, span: str, value: str) -> None:
    assert values(text, "2022-11-14")[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # wire copy gives a sentence a paragraph: the scene a date set goes on into the next paragraphs
        (
            "The bank failed on March 10, 2023.\n\nTwo days later, regulators stepped in.",
            "Two days later",
            "2023-03-12",
        ),
        (
            "The jury began deliberating on Feb. 6, 2020.\n\nIt returned its verdict the next morning.",
            "the next morning",
            "2020-02-07TMO",
        ),
        (
            "The hurricane made landfall on Sept. 20, 2017.\n\nWinds tore roofs off.\n\nAt 4 p.m. the grid failed.",
            "4 p.m.",
            "2017-09-20T16:00",
        ),
        (
            "The champions clinched the title on May 2, 2016.\nFans poured into the streets.\n"
            "The parade came the following day.",
            "the following day",
            "2016-05-03",
        ),
    ],
)
def test_the_narrative_time_outlasts_a_paragraph_break(text: str, span: str, value: str) -> None:
    assert values(text, "2022-11-14")[span][1] == value


def test_three_paragraphs_without_a_date_end_the_narrative_time() -> None:
    text = (
        "The merger was announced on June 3, 2019.\n\nShares rose.\n\nAnalysts were pleased.\n\n"
        "Regulators objected.\n\nTwo days later, the board met again."
    )
    assert values(text, "2022-11-14")["Two days later"][1] == "2022-11-16"


def test_a_day_is_not_counted_from_a_year_or_a_month() -> None:
    # "the first of 1987" is no day: a day anaphor after a year or a month keeps the publication day
    text = "The market crashed in 1987, and many traders lost everything that day."
    assert values(text, "1989-10-30")["that day"][1] == "1989-10-30"
    text = "The strike began in March 2021. The next day the union met the owners."
    assert values(text, "2021-06-01")["The next day"][1] == "2021-06-02"
    text = "The helicopter was hit by fire in 2003. Three days later a newspaper carried the report."
    assert values(text, "2015-02-06")["Three days later"][1] == "2015-02-09"
    text = "The club won the cup in 1998, and the following Monday the coach resigned."
    assert values(text, "2015-02-06")["the following Monday"][1] == "2015-02-09"
    # a month or a year still counts from a month or a year
    text = "The plant closed in 2009. Three years later it reopened."
    assert values(text, "2015-02-06")["Three years later"][1] == "2012"


def test_without_a_named_date_anaphora_falls_back_to_the_publication_day() -> None:
    assert values("The board met and voted the next day.", "2021-06-01")["the next day"][1] == "2021-06-02"


def test_the_day_before_an_event_is_not_a_reference_to_the_narrative() -> None:
    found = values("He was seen on Nov. 3, the day before the vote.", "2022-11-14")
    assert "the day before" not in found


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.integers(min_value=2, max_value=9),
)
def test_n_days_later_is_the_named_day_plus_n(day: dt.date, n: int) -> None:
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
    text = f"The vote was held on {day:%B} {day.day}, {day.year}. {words[n].capitalize()} days later, it was annulled."
    found = {t.text: t.value for t in resolve(text, "2045-01-01", use_tagger=False)}
    assert found[f"{words[n].capitalize()} days later"] == (day + dt.timedelta(days=n)).isoformat()


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a weekday named on that same weekday is that day, in the past, present and future tense alike
        ("The central bank raised rates on Wednesday.", "2023-03-22", "2023-03-22"),
        ("The court hears arguments on Wednesday.", "2023-03-22", "2023-03-22"),
        ("The striking nurses will march on Wednesday.", "2023-03-22", "2023-03-22"),
        # and the tense of the governing verb points the other weekdays
        ("The striking nurses will march on Friday.", "2023-03-22", "2023-03-24"),
        ("The striking nurses marched on Friday.", "2023-03-22", "2023-03-17"),
    ],
)
def test_weekdays_follow_tense_and_the_same_weekday_is_today(text: str, published: str, value: str) -> None:
    assert next(v for s, (_, v) in values(text, published).items() if "day" in s.lower())[:10] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the quotation's own time is the day its reporting clause names
        ('"We will sign the deal tomorrow," the minister said Monday.', "tomorrow", "2022-11-15"),
        ("“The ceasefire held yesterday,” a spokesman told reporters on Tuesday.", "yesterday", "2022-11-14"),
        ("The coach said Monday: ``We will play again on Friday.''", "Friday", "2022-11-18"),
        # without a day of speaking, the quotation is read from the publication day
        ('"We will sign the deal tomorrow," the minister said.', "tomorrow", "2022-11-17"),
        # outside the quotation nothing changes
        ('"Prices will fall," the CEO said Monday, a day after results came out yesterday.', "yesterday", "2022-11-15"),
    ],
)
def test_quotations_are_read_from_the_day_they_were_said(text: str, span: str, value: str) -> None:
    assert values(text, "2022-11-16")[span][1] == value


def test_quotations_are_found_in_curly_straight_and_tex_marks() -> None:
    text = "“One,” he said. \"Two,\" she said. ``Three,'' they said. It's 5\" long."
    found = [text[q.start : q.end] for q in speech.quotations(text)]
    assert found == ["“One,”", '"Two,"', "``Three,''"]


def test_the_speaking_time_must_sit_by_a_reporting_verb() -> None:
    text = '"We will win," the coach said after Friday\'s loss on Monday.'
    quotes = speech.quotations(text)
    said = speech.speaking_time(text, quotes[0], candidates(text), quotes)
    assert said is not None and text[said.start : said.end] == "Friday"
    plain = '"We will win," said the coach, hired in 2020.'
    q2 = speech.quotations(plain)
    assert speech.speaking_time(plain, q2[0], candidates(plain), q2) is None


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Shipping costs have soared in recent weeks.", "recent weeks", ("DATE", "PAST_REF")),
        ("The virus spread quickly over the past year.", "the past year", ("DATE", "2021")),
        ("The minister is now in Brussels.", "now", ("DATE", "PRESENT_REF")),
        ("Rebels expect more strikes in the coming days.", "the coming days", ("DATE", "FUTURE_REF")),
        ("The harvest failed last winter.", "last winter", ("DATE", "2021-WI")),
        ("Exports collapsed in the summer of 2021.", "the summer of 2021", ("DATE", "2021-SU")),
        ("Rock music of the 1960s is back.", "the 1960s", ("DATE", "196")),
        ("The railway was built in the 1800s.", "the 1800s", ("DATE", "18")),
        ("Home sales fell in the fourth quarter.", "the fourth quarter", ("DATE", "2022-Q4")),
        ("The league grew in the first half of 2019.", "the first half of 2019", ("DATE", "2019-H1")),
        ("The firm was founded in the 19th century.", "the 19th century", ("DATE", "18")),
        ("Peace talks may resume in the future.", "the future", ("DATE", "FUTURE_REF")),
    ],
)
def test_vague_expressions_get_timex3_values(text: str, span: str, expected: tuple[str, str]) -> None:
    assert values(text, "2022-11-14")[span] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "until" ends a state: one holding now ends ahead of now, and a rescheduling verb moves the time forward
        ("Cyprus has until Monday to raise the money.", "2013-03-25"),
        ("Banks remain closed until Tuesday, officials said.", "2013-03-26"),
        ("The exhibition runs until Sunday.", "2013-03-24"),
        ("Parliament postponed the vote until Tuesday.", "2013-03-26"),
        ("The judge adjourned the trial until Wednesday.", "2013-03-27"),
        ("Regulators extended the deadline until Monday.", "2013-03-25"),
        # a state that held in the past ended in the past
        ("The suspect was held until Wednesday, when he was released.", "2013-03-20"),
        ("The market was closed until Thursday.", "2013-03-21"),
        # "has to" is an obligation ahead, "had to" one in the past
        ("The minister has to appear before the committee on Tuesday.", "2013-03-26"),
        ("The firm had to close its plant on Monday.", "2013-03-18"),
    ],
)
def test_until_and_obligations_point_the_weekday(text: str, value: str) -> None:
    # published on a Friday
    assert next(v for t, v in values(text, "2013-03-22").values() if t == "DATE") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an infinitive heading the sentence is a headline's future (and once sent the tense reader round in circles)
        ("To resume talks on Friday.", "2013-03-22"),
        ("Deadline to expire on Friday", "2013-03-22"),
        ("Leaders to meet on Friday in Brussels", "2013-03-22"),
    ],
)
def test_a_headline_infinitive_points_ahead(text: str, value: str) -> None:
    # published on a Wednesday
    assert values(text, "2013-03-20")["Friday"] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the present tense points neither way: the nearest such weekday, at most three days off
        ("The summit opens on Thursday in Brussels.", "2013-03-21"),
        ("Rebels seize the town on Sunday, residents say.", "2013-03-17"),
    ],
)
def test_a_weekday_in_the_present_tense_is_the_nearest(text: str, value: str) -> None:
    # published on a Wednesday
    assert next(v for t, v in values(text, "2013-03-20").values() if t == "DATE") == value


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # the past perfect sets an intention before a past time: the day is behind ("was due to" stays ahead)
        ("The offer had been due to expire Friday evening.", "1989-10-30", "Friday evening", "1989-10-27"),
        ("The minister had planned to fly to Brussels on Thursday.", "2013-03-22", "Thursday", "2013-03-21"),
        ("The envoy was due to arrive in Kabul on Friday.", "2013-03-20", "Friday", "2013-03-22"),
        # "could not", "would not": a failure or refusal reported, behind; "could" alone is a possibility ahead
        ("A spokesman could not be reached for comment Tuesday.", "2013-03-20", "Tuesday", "2013-03-19"),
        ("The company would not comment Monday on the report.", "2013-03-20", "Monday", "2013-03-18"),
        ("Neither he nor his aides could be located Wednesday.", "2000-01-06", "Wednesday", "2000-01-05"),
        ("The final vote could come Tuesday, aides said.", "2013-03-20", "Tuesday", "2013-03-26"),
        # "planned for Saturday" reported in the past: the nearest Saturday, just behind or just ahead
        ("A memorial service planned for Saturday was canceled.", "1999-10-24", "Saturday", "1999-10-23"),
        ("A rally planned for Saturday was called off by the organisers.", "2013-03-21", "Saturday", "2013-03-23"),
        # a deadline granted with "until" is ahead, whatever the tense of the granting verb
        ("The judge gave the bank until Friday to file its reply.", "2013-03-20", "Friday", "2013-03-22"),
        (
            "The agency has given the family until 9 a.m. Tuesday to decide.",
            "2000-04-03",
            "9 a.m. Tuesday",
            "2000-04-04T09:00",
        ),
        ("Regulators granted the airline until Monday to respond.", "2021-06-16", "Monday", "2021-06-21"),
    ],
)
def test_past_perfect_intentions_and_granted_deadlines(text: str, published: str, span: str, value: str) -> None:
    assert values(text, published)[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # "the previous Friday", "the following Monday": strictly before or after the narrative's day
        (
            "The index fell on Friday, Nov. 4, 2022, down 3% from the previous Friday.",
            "the previous Friday",
            "2022-10-28",
        ),
        ("Talks broke down on March 3, 2013. They resumed the following Monday.", "the following Monday", "2013-03-04"),
        (
            "The jury retired on Tuesday, May 2, 2017, and the preceding Friday heard closing speeches.",
            "the preceding Friday",
            "2017-04-28",
        ),
        # a clock time with no day of its own is on the day the narrative has reached
        ("The suspect was arrested on March 3, 2020. At 10 p.m. he was freed on bail.", "10 p.m.", "2020-03-03T22:00"),
    ],
)
def test_anaphoric_weekdays_and_clock_times_follow_the_narrative(text: str, span: str, value: str) -> None:
    assert values(text, "2022-11-14")[span] == ("TIME" if "p.m." in span else "DATE", value)


def test_a_clock_time_after_a_year_or_a_month_stays_on_the_publication_day() -> None:
    assert values("In 1990 the plant closed. At 10 p.m. the lights went out.", "2022-11-14")["10 p.m."][1] == (
        "2022-11-14T22:00"
    )
