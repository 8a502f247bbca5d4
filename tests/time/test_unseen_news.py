"""Constructions found wrong on unannotated news of 2014-15 (docs/time.md, "Unannotated news of 2014-15"), each in a
sentence written for it, from several domains. The publication day is Wednesday 15 October 2014."""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve

WEDNESDAY = "2014-10-15"


def found(text: str, published: str = WEDNESDAY) -> dict[str, tuple[str, str, str | None]]:
    article = Article(id="t", source="t", text=text, published=published)
    timexes = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    return {t.text: (t.type, t.value, t.mod) for t in timexes}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The claim was first reported by the Daily Mail.", "Daily"),
        ("A spokesman told the Daily Telegraph that talks had stalled.", "Daily"),
        ("Daily Mail reporters tracked her to a gated community.", "Daily"),
        ("The anchor apologized on NBC Nightly News.", "Nightly"),
        ("The senator wrote an op-ed for The Weekly Standard.", "Weekly"),
        ("She was interviewed by Monthly Review editors.", "Monthly"),
    ],
)
def test_a_frequency_word_in_a_name_is_not_a_set(text: str, name: str) -> None:
    assert name not in found(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices at the pump now change daily.", "daily", "P1D"),
        ("Daily, the shelling resumes at dusk.", "Daily", "P1D"),
        ("The pope gives a weekly address in St. Peter's Square.", "weekly", "P1W"),
    ],
)
def test_a_frequency_word_outside_a_name_stays_a_set(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("SET", value, None)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Google will buy the offices at 1200, 1300 and 1900 Seaport Blvd. in Redwood City.", "1200"),
        ("Google will buy the offices at 1200, 1300 and 1900 Seaport Blvd. in Redwood City.", "1900"),
        ("Protesters gathered outside 1600 Pennsylvania Avenue on Sunday.", "1600"),
        ("The clinic at 2010 Main Street was closed by inspectors.", "2010"),
        ("Police sealed off 1850 West Oak Road after the blast.", "1850"),
    ],
)
def test_a_house_number_is_not_a_year(text: str, number: str) -> None:
    assert number not in found(text)


def test_a_year_before_a_street_name_without_a_street_word_stays_a_year() -> None:
    assert found("In 2012 Wall Street banks paid record bonuses.")["2012"] == ("DATE", "2012", None)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The region has been arid for over 30,000 years.", "over 30,000 years", "P30000Y"),
        ("It took the glacier 1,500 years to retreat.", "1,500 years", "P1500Y"),
        ("She spent an entire week inside the restaurant.", "an entire week", "P1W"),
        ("The crew worked a whole day without a break.", "a whole day", "P1D"),
        ("The show follows the garden for an entire year.", "an entire year", "P1Y"),
        ("The company has added channels over the last couple years.", "the last couple years", "P2Y"),
        ("The band rehearsed for a couple weeks before the tour.", "a couple weeks", "P2W"),
    ],
)
def test_durations_written_in_todays_style(text: str, span: str, value: str) -> None:
    type_, val, _ = found(text)[span]
    assert (type_, val) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("They ordered a Quarter Pounder with cheese.", "a Quarter"),
        ("Residents may buy a quarter ounce at a time.", "a quarter"),
        ("Can This 20 Year Old Burger Get More Likes?", "20 Year"),
        ("Marijuana may be sold only to adults 21 years or older.", "21 years"),
        ("The boy is said to be no older than 11 years of age.", "11 years"),
        ("The fossil is 30,000 years old.", "000 years"),
    ],
)
def test_amounts_and_ages_are_not_durations(text: str, absent: str) -> None:
    assert absent not in found(text)


def test_a_quarter_as_a_span_of_time_stays_a_duration() -> None:
    assert found("Sales doubled in a quarter.")["a quarter"] == ("DURATION", "P1Q", None)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a month abbreviation with its day written against its dot, as photo captions of the wires have it
        ("Soldiers stand guard in Ottawa on Wednesday Oct.22, 2014.", "Wednesday Oct.22, 2014", "2014-10-22"),
        ("The court sat on Sept.3, 2013, to hear the appeal.", "Sept.3, 2013", "2013-09-03"),
        # the weekend before or after the day the narrative has reached
        (
            "The students vanished on Sept. 26. The previous weekend they had protested in the capital.",
            "The previous weekend",
            "2014-W38-WE",
        ),
        (
            "The ship docked on Thursday, Oct. 2. The following weekend the crew went ashore.",
            "The following weekend",
            "2014-W40-WE",
        ),
        # "next day" without its article, in British and Asian English
        ("He was robbed on March 3. He woke up next day at a bus stop.", "next day", "2014-03-04"),
    ],
)
def test_dates_written_in_todays_style(text: str, span: str, value: str) -> None:
    type_, val, _ = found(text)[span]
    assert (type_, val) == ("DATE", value)


def test_the_seconds_of_a_clock_are_not_a_clock_of_their_own() -> None:
    assert "06:32 GMT" not in found("The server timestamped it Fri, 03 Oct 2014 17:06:32 GMT.")


def test_next_as_an_adjective_of_another_noun_is_not_a_day() -> None:
    assert not any("next" in span for span in found("The next generation of phones will ship soon."))


@pytest.mark.parametrize(
    "text",
    [
        "There is no truth to these claims, he told USA Today.",
        "Her parents appeared on the Today show to plead for his release.",
        "The Today Nicaragua website quoted a seismologist.",
        "The editor told India Today that the story was false.",
        "This is VOA Today.",
    ],
)
def test_today_in_a_name_is_not_a_date(text: str) -> None:
    assert "Today" not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Today, the tour said the claim was false.",
        "(More on that below.) Today the league denied it.",
        '"Today is a sad day," the mayor said.',
        "``Today, I'm here to tell you we have our suspect.''",
        "Apple Shares Climb Higher Today\nThe stock rose 3 percent.",
    ],
)
def test_today_opening_a_sentence_or_in_a_headline_is_the_day(text: str) -> None:
    assert found(text)["Today"] == ("DATE", WEDNESDAY, None)


@pytest.mark.parametrize(
    "text",
    [
        "Airstrikes alone will not prevent the fall of Kobane.",
        "Trade boomed after the fall of the Berlin Wall.",
        "The fall in oil prices squeezed the budget.",
    ],
)
def test_a_fall_that_is_no_season(text: str) -> None:
    assert not any("fall" in span for span in found(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Filming will begin in the fall of 2015.", "the fall of 2015", "2015-FA"),
        ("The vote is set for this fall in Ohio.", "this fall", "2014-FA"),
        ("The school adopted the term in the fall.", "the fall", "2014-FA"),
    ],
)
def test_the_fall_as_a_season_stays(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("DATE", value)


def test_this_period_outside_a_story_of_results_is_no_quarter() -> None:
    assert "this period" not in found("She had surgery in her twenties. During this period her name was changed.")


def test_this_period_in_a_story_of_results_is_the_quarter() -> None:
    text = "Quarterly profit rose 8 percent. Sales in this period reached $2 billion."
    assert found(text)["this period"][:2] == ("DATE", "2014-Q4")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Twitter's server has it timestamped Fri, 03 Oct 2014.", "Fri, 03 Oct 2014", "2014-10-03"),
        ("LAST UPDATED ON Tue 10 Feb 2015", "Tue 10 Feb 2015", "2015-02-10"),
        ("Date: Wed, Jul 30, 2014", "Wed, Jul 30, 2014", "2014-07-30"),
    ],
)
def test_a_weekday_abbreviated_without_its_dot_before_a_date(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Subscribers will be able to stream HBO Now on the device.", "Now"),
        ("The Marines were ambushed in the Now Zad district.", "Now"),
        ("On Monday's edition of CNN Tonight, the host played the tape.", "Tonight"),
        ("The couple lived in Winter Park for seven years.", "Winter"),
        ("She won silver at the Winter Olympics.", "the Winter"),
        ("The company's Spring Forward event opens the show.", "Spring"),
    ],
)
def test_a_deictic_or_season_word_in_a_name_is_no_date(text: str, name: str) -> None:
    assert name not in found(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Now, she is married to a lawyer.", "Now", "PRESENT_REF"),
        ("Now Obama must decide whether to strike.", "Now", "PRESENT_REF"),
        ("Tonight we celebrate the win.", "Tonight", "2014-10-15TNI"),
        ("The film will be released in Spring 2015.", "Spring 2015", "2015-SP"),
    ],
)
def test_a_deictic_or_season_word_opening_a_sentence_stays(text: str, span: str, value: str) -> None:
    assert found(text)[span][1] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The swimmer spent the month of September in rehab.", "the month of September", "2014-09"),
        ("Prices fell during the month of May 2014.", "the month of May 2014", "2014-05"),
        ("Fasting is observed for the month of March, 2013.", "the month of March, 2013", "2013-03"),
    ],
)
def test_the_month_of_a_named_month_is_one_expression(text: str, span: str, value: str) -> None:
    assert found(text)[span][:2] == ("DATE", value)


def test_a_unit_in_apposition_to_a_date_is_no_rate_and_no_duration() -> None:
    timexes = found("The capsule was sealed in 1795, a year when Adams was governor.")
    assert timexes["1795"][:2] == ("DATE", "1795")
    assert "a year" not in timexes


@pytest.mark.parametrize(
    ("text", "span", "type_"),
    [
        ("Amazon's Prime service costs $99 a year.", "a year", "SET"),
        ("The repair took a year when it should have taken a month.", "a year", "DURATION"),
    ],
)
def test_a_unit_outside_apposition_keeps_its_reading(text: str, span: str, type_: str) -> None:
    assert found(text)[span][0] == type_
