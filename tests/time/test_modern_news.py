"""Constructions of news written since 2010, by TIMEX3 type, each in a sentence written for it (docs/time.md,
"Modern-news constructions"). The publication day is Friday 15 March 2013 unless a case says otherwise."""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve

FRIDAY = "2013-03-15"


def found(text: str, published: str = FRIDAY) -> dict[str, tuple[str, str, str | None]]:
    article = Article(id="t", source="t", text=text, published=published)
    timexes = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    return {t.text: (t.type, t.value, t.mod) for t in timexes}


DATES = [
    # named days that hold a weekday name are the holiday, not this week's weekday
    ("Retailers slashed prices on Black Friday.", "Black Friday", "2012-11-23"),
    ("Online sales hit a record on Cyber Monday.", "Cyber Monday", "2012-11-26"),
    ("Believers received ashes on Ash Wednesday.", "Ash Wednesday", "2013-02-13"),
    ("The pope will lead the procession on Palm Sunday.", "Palm Sunday", "2013-03-24"),
    ("The king will pardon prisoners on Maundy Thursday.", "Maundy Thursday", "2013-03-28"),
    ("The prisoners were freed on Maundy Thursday.", "Maundy Thursday", "2012-04-05"),
    # halves and quarters of "the year"
    ("Revenue rose 8 percent in the first half of the year.", "the first half of the year", "2013-H1"),
    ("Losses are expected in the second half of the fiscal year.", "the second half of the fiscal year", "2013-H2"),
    ("Growth slowed in the third quarter of the year.", "the third quarter of the year", "2012-Q3"),
    # a quarter named by the month it ends in
    ("iPhone sales jumped in the December quarter.", "the December quarter", "2012-Q4"),
    ("The miner expects higher output in the June quarter.", "the June quarter", "2013-Q2"),
    ("Exports fell in the September quarter of 2012.", "the September quarter of 2012", "2012-Q3"),
    # fiscal and financial years after the number
    ("The carrier lost money in the 2012 fiscal year.", "the 2012 fiscal year", "2012"),
    ("The council balanced its books in the 2013 financial year.", "the 2013 financial year", "2013"),
    # a month of a year named by reference
    ("The mine closed in March of last year.", "March of last year", "2012-03"),
    ("The coach was hired in June of last year's budget cycle.", "June", "2012-06"),
    # numeric dates: day first when the month cannot be first, and the dotted European form
    ("The decree is dated 15/03/2013.", "15/03/2013", "2013-03-15"),
    ("The ballot of 24.02.2013 was annulled.", "24.02.2013", "2013-02-24"),
    ("The contract was signed on 3/4/2013.", "3/4/2013", "2013-03-04"),
    # report codes with the number first, as brokers write them
    ("Profit rose in 1Q 2013, the bank said.", "1Q 2013", "2013-Q1"),
    ("Analysts had expected a loss for 4Q12.", "4Q12", "2012-Q4"),
    ("Margins widened in 1H 2013.", "1H 2013", "2013-H1"),
    # a week named by one of its days
    ("The show will air the week of March 25.", "the week of March 25", "2013-W13"),
    ("The recall was announced the week of Dec. 30, 2013.", "the week of Dec. 30, 2013", "2014-W01"),
    ("Sales jumped in the last week of February.", "the last week of February", "2013-W09"),
    ("Talks open in the first week of April.", "the first week of April", "2013-W14"),
    ("Snow fell in the second week of January 2012.", "the second week of January 2012", "2012-W02"),
    # constructions that were already read right, kept from regressing
    ("Sales should recover by mid-2013, the company said.", "mid-2013", "2013"),
    ("Rebels attacked the town over the weekend.", "the weekend", "2013-W10-WE"),
    ("Protesters plan to march this weekend.", "this weekend", "2013-W11-WE"),
    ("Officials said earlier this week that talks failed.", "earlier this week", "2013-W11"),
    ("The fund was launched in late 2012.", "late 2012", "2012"),
    ("The merger was completed in Q4 2012.", "Q4 2012", "2012-Q4"),
    ("The unit earned $3 billion in 2012's fourth quarter.", "2012's fourth quarter", "2012-Q4"),
    ("Fireworks are planned for New Year's Eve.", "New Year's Eve", "2013-12-31"),
    ("The pope will celebrate Easter in Rome.", "Easter", "2013-03-31"),
    ("Prices doubled in the 2000s.", "the 2000s", "200"),
    ("The dam was built a decade ago.", "a decade ago", "2003"),
    ("The plan was unveiled in January this year.", "January this year", "2013-01"),
    ("The filing is dated 2013-03-12.", "2013-03-12", "2013-03-12"),
]


@pytest.mark.parametrize(("text", "span", "value"), DATES)
def test_dates_of_modern_news(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Obama swept the Super Tuesday primaries.", "Tuesday"),
        ("The film recalls Bloody Sunday in Derry.", "Sunday"),
        ("Traders still fear another Black Monday.", "Monday"),
        ("The second half of the game was scoreless.", "The second half"),
    ],
)
def test_names_that_hold_a_calendar_word_are_not_dates(text: str, span: str) -> None:
    assert span not in found(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a clock time takes the day written apart from it, after ("on Wednesday") or before ("Wednesday at")
        ("The fire broke out at about 11 p.m. local time on Wednesday.", "about 11 p.m.", "2013-03-13T23:00"),
        ("Police arrived Wednesday at about 11 p.m. and left.", "about 11 p.m.", "2013-03-13T23:00"),
        ("The quake struck at 10 a.m. (1500 GMT) on Sunday, officials said.", "1500 GMT", "2013-03-10T15:00"),
        ("The minister will land at 8 p.m. on Monday.", "8 p.m.", "2013-03-18T20:00"),
        ("The earthquake struck at 2:46 p.m. on March 11, 2011.", "2:46 p.m.", "2011-03-11T14:46"),
        ("Polls will close at 8 p.m. on May 5.", "8 p.m.", "2013-05-05T20:00"),
        ("The memo was sent at 9 a.m. on Feb. 30, a date that does not exist.", "9 a.m.", "2013-03-15T09:00"),
        # a 24-hour clock with "local time" is a time (a zone or "local time" tells it from a score)
        ("Shops reopen at 14:00 local time.", "14:00", "2013-03-15T14:00"),
        ("The vote closes at 2000 local time on Sunday.", "2000", "2013-03-17T20:00"),
        # a weekday's possessive is a thing of that day, not the clock's day
        ("The vote was at 3 p.m., the first item on Monday's agenda.", "3 p.m.", "2013-03-15T15:00"),
        # already read right
        ("Trading opened at 08:30 GMT.", "08:30 GMT", "2013-03-15T08:30"),
        ("The curfew begins at midnight.", "midnight", "2013-03-15T24:00"),
        ("The game starts at 7:30 p.m. ET Sunday.", "7:30 p.m. ET Sunday", "2013-03-17T19:30"),
        ("The blast happened at 8.30am.", "8.30am", "2013-03-15T08:30"),
    ],
)
def test_times_of_modern_news(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("A yearlong inquiry ended on Friday.", "yearlong", "P1Y"),
        ("The union called a weeklong strike.", "weeklong", "P1W"),
        ("Daylong talks failed to break the deadlock.", "Daylong", "P1D"),
        ("Prices rose over the past 24 hours.", "the past 24 hours", "PT24H"),
        ("Gold hit a 52-week high.", "52-week", "P52W"),
        ("A months-long strike ended.", "months-long", "PXM"),
    ],
)
def test_durations_of_modern_news(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Ferries sail every 30 minutes in summer.", "every 30 minutes", "PT30M"),
        ("The committee meets every other week.", "every other week", "P2W"),
        ("Nurses work 24 hours a day, seven days a week.", "seven days a week", "P1W"),
        ("Fares are updated hourly.", "hourly", "PT1H"),
    ],
)
def test_sets_of_modern_news(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("SET", value)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The score was 10:30 at half time.", "10:30"),  # no zone, no "local time": not a clock
        ("The 4H club met in the barn.", "4H"),  # a report code needs a quarter or half number of 1-4
    ],
)
def test_look_alikes_of_modern_constructions(text: str, absent: str) -> None:
    assert absent not in found(text)


def test_a_24_hour_clock_in_local_time_is_not_a_year() -> None:
    assert found("Shops open at 1400 local time.")["1400"][:2] == ("TIME", "2013-03-15T14:00")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a date moved "to" a new one is ahead of the move, whatever the tense of the move
        ("The deadline was extended to June 30.", "June 30", "2013-06-30"),
        ("The vote was postponed to Tuesday.", "Tuesday", "2013-03-19"),
        ("The launch was pushed back to the autumn.", "the autumn", "2013-FA"),
        ("The trial was delayed to May, the judge said.", "May", "2013-05"),
        # "to" after a verb that moves no date keeps the tense's reading
        ("Sales rose from January to February.", "February", "2013-02"),
        ("The company moved to Boston in June.", "June", "2012-06"),
    ],
)
def test_a_date_moved_to_a_new_one_is_ahead(text: str, span: str, value: str) -> None:
    assert found(text)[span][1] == value
