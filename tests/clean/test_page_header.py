"""The page header of text dumps, on short passages written for each construction (not copies of any page).

Date lines that carry a headline or a lead, byline dates in the formats sites use, bylines with an outlet, datelines
that name an agency or a date, bar-separated source lines, section menus, and the outlet named by a URL.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.clean.header import (
    any_dateline_end,
    byline,
    date_line,
    dateline,
    is_navigation,
    outlet_from_url,
    parse_date,
    read_metadata_block,
    rest_kind,
)
from crosswire.clean.text import clean_plain_text

LEAD = (
    "Harbour authorities in Valdera closed the northern channel on Tuesday after a cargo ship lost power and "
    "drifted toward the breakwater, the port's operator said."
)
SECOND = (
    "Tugboats held the vessel in place for four hours while engineers restored its engines, and no injuries or "
    "spills were reported, according to the coast guard."
)
THIRD = (
    "The operator said the channel would reopen once divers had inspected the breakwater, which was last "
    "reinforced after a storm damaged it three winters ago."
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# --- the date line of a metadata block -----------------------------------------------------------------------------


def test_a_lead_paragraph_on_the_date_line_stays_in_the_text() -> None:
    result = clean_plain_text(page(f" date 2021-05-04 {LEAD}", SECOND, THIRD))
    assert result.published == "2021-05-04"
    assert result.published_from == "header"
    assert result.text.startswith("Harbour authorities in Valdera")
    assert not any("Harbour authorities" in line for line in result.boilerplate)


def test_a_headline_on_the_date_line_is_the_title() -> None:
    result = clean_plain_text(page(" date 2019-02-11 Storm closes ports along the southern coast", LEAD, SECOND))
    assert result.title == "Storm closes ports along the southern coast"
    assert result.text.startswith("Harbour authorities")


@pytest.mark.parametrize(
    ("rest", "kind"),
    [
        ("Storm closes ports along the southern coast", "title"),
        (LEAD, "lead"),
        ("By Priya Raman", "byline"),
        ("valdera-gazette.com", "site"),
        ("Business & Markets", "navigation"),
        ("shipping port storm valdera", "keywords"),
    ],
)
def test_what_follows_the_date_is_sorted(rest: str, kind: str) -> None:
    assert rest_kind(rest) == kind


def test_a_section_menu_is_never_the_title() -> None:
    raw = page(
        " date 2020-07-01 Business & Markets",
        "Business & Markets",
        "Chipmaker agrees to buy rival in all-stock deal",
        LEAD,
        SECOND,
    )
    result = clean_plain_text(raw)
    assert result.title == "Chipmaker agrees to buy rival in all-stock deal"


def test_published_label_lines_open_a_block() -> None:
    block = read_metadata_block(["Published: 3 March 2018", "", "Headline here about it", LEAD])
    assert block.fields["published"] == "2018-03-03"


# --- byline dates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Created: 14-11-2022", "2022-11-14"),
        ("9:00 JST, March 9, 2023", "2023-03-09"),
        ("Published 09th February, 2023", "2023-02-09"),
        ("11/14/2022", "2022-11-14"),
        ("14.11.2022 23:30 +03:00", "2022-11-14"),
        ("Published Monday, November 14, 2022 10:53AM EST", "2022-11-14"),
        ("Posted on Sept. 3, 2021 at 4:15 p.m.", "2021-09-03"),
        ("Updated: 05-06-2024 16:02 IST | Created: 04-06-2024 15:40 IST", "2024-06-04"),
    ],
)
def test_byline_dates(line: str, day: str) -> None:
    found = date_line(line)
    assert found is not None and found.value == day


@pytest.mark.parametrize(
    "line",
    [
        "Updated 42 minutes ago",
        "Monday",
        "The vote on March 9, 2023 ended a dispute that had lasted for years in the valley.",
        "Shares rose 4% to $32.94.",
    ],
)
def test_not_a_byline_date(line: str) -> None:
    assert date_line(line) is None


def test_a_date_under_the_headline_is_the_publication_date_from_the_byline() -> None:
    raw = page("Storm closes ports along the southern coast", "Published: June 2, 2017 | 8:05 PM", LEAD, SECOND)
    result = clean_plain_text(raw)
    assert result.published == "2017-06-02"
    assert result.published_from == "byline"
    assert result.title == "Storm closes ports along the southern coast"
    assert "Published" not in result.text


def test_a_source_line_names_the_outlet_and_the_creation_date() -> None:
    raw = page(
        "Storm closes ports along the southern coast",
        "Harbor Wire | Valdera | Updated: 05-06-2024 16:02 IST | Created: 04-06-2024 15:40 IST",
        LEAD,
        SECOND,
    )
    result = clean_plain_text(raw)
    assert result.outlet == "Harbor Wire"
    assert result.published == "2024-06-04"


@given(st.text(max_size=80))
def test_parse_date_never_raises_and_is_iso(value: str) -> None:
    parsed = parse_date(value)
    assert parsed is None or (len(parsed) >= 10 and parsed[4] == "-" and parsed[7] == "-")


# --- bylines and datelines -------------------------------------------------------------------------------------------


def test_byline_with_an_outlet_is_neither_title_nor_text() -> None:
    raw = page("Priya Raman, The Valdera Gazette", "Storm closes ports along the southern coast", LEAD, SECOND)
    result = clean_plain_text(raw)
    assert result.title == "Storm closes ports along the southern coast"
    assert result.author == "Priya Raman"
    assert result.outlet == "The Valdera Gazette"


@pytest.mark.parametrize(
    ("line", "outlet", "day"),
    [
        ("LIMA (Andes Wire) — The ministry said", "Andes Wire", None),
        ("OSLO (Nordic Post / Baltic Agency - 09th February, 2023) The ministry said", "Nordic Post", "2023-02-09"),
        ("CAIRO, March 7. /MENA/. The ministry said", "MENA", None),
        ("Jan. 8 (UPI) -- The board said", "UPI", None),
        ("(DENVER, Colo.) — The board said", None, None),
    ],
)
def test_datelines(line: str, outlet: str | None, day: str | None) -> None:
    assert dateline(line) == (outlet, day)


@pytest.mark.parametrize(
    ("line", "dateline_text"),
    [
        ("COPENHAGEN, 12 March 2025 - Nordhavn A/S today notes the decision", "COPENHAGEN, 12 March 2025 - "),
        ("MADRID, 3 November 2025 - Skyra and the union have signed", "MADRID, 3 November 2025 - "),
        ("NAIROBI, 4 May — The ministry said", "NAIROBI, 4 May —"),
        ("LAGOS, Nigeria, May 2, 2025 — The court ruled", "LAGOS, Nigeria, May 2, 2025 —"),
        ("BRUSSELS, March 12 (Meridian Wire) - The Commission said", "BRUSSELS, March 12 (Meridian Wire) -"),
        ("The 12 March 2025 deadline passed - then talks resumed", None),
    ],
)
def test_place_datelines_with_the_day_before_or_after_the_month(line: str, dateline_text: str | None) -> None:
    end = any_dateline_end(line)
    assert (line[:end] if end is not None else None) == dateline_text


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("4:05 p.m. - The recount is over.", "4:05 p.m. - "),
        ("11:15 a.m. — Firefighters said the blaze was contained.", "11:15 a.m. —"),
        ("14:32 GMT – The club confirmed the sale.", "14:32 GMT –"),
        ("09.10 - Shares in the bank fell at the open.", "09.10 - "),
        ("The 4:05 train - said to be late - left.", None),
        ("4:05 p.m. the recount ended.", None),
    ],
)
def test_live_blog_time_stamps_open_an_entry_as_a_dateline_does(line: str, stamp: str | None) -> None:
    end = any_dateline_end(line)
    assert (line[:end] if end is not None else None) == stamp


def test_a_dateline_dates_an_undated_page() -> None:
    raw = page(
        "Ministry rejects report on grain exports",
        "OSLO (Nordic Post / Baltic Agency - 09th February, 2023) The ministry rejected a report on grain exports "
        "on Thursday, calling it baseless and saying no such talks had taken place.",
        SECOND,
    )
    result = clean_plain_text(raw)
    assert (result.published, result.published_from, result.outlet) == ("2023-02-09", "dateline", "Nordic Post")


def test_bylines() -> None:
    assert byline("By Priya Raman") == ("Priya Raman", None)
    assert byline("Tom Okafor and Lena Vogt, Harbor Times") == ("Tom Okafor and Lena Vogt", "Harbor Times")
    assert byline("Valdera, Southern Province") is None


def test_navigation() -> None:
    assert is_navigation("Nation & World News")
    assert is_navigation("Business | Markets")
    assert not is_navigation("Storm closes ports")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.valdera-gazette.com/news/2021/storm", "valdera-gazette.com"),
        ("http://edition.example.co.uk/a", "example.co.uk"),
        ("https://127.0.0.1/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    "closing",
    ["Source: Harbor Wire", "(Reporting by Priya Raman for Harbor Wire; Editing by Tom Okafor)"],
)
def test_a_closing_credit_names_the_outlet(closing: str) -> None:
    result = clean_plain_text(page("Storm closes ports along the southern coast", LEAD, SECOND, THIRD, closing))
    assert result.outlet == "Harbor Wire"


def test_a_copyright_line_names_the_outlet() -> None:
    raw = page("Storm closes ports along the southern coast", LEAD, SECOND, THIRD, "© 2024 Valdera Gazette")
    assert clean_plain_text(raw).outlet == "Valdera Gazette"
