"""clean_plain_text and read_header on flattened pages written for these tests (not the seeds)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.analyze import analyze
from crosswire.clean.text import clean_plain_text, read_header
from crosswire.model import normalize_published

HEADLINE = "Riverton Council Approves Transit Budget After Long Debate"
PARAGRAPHS = [
    "The city council of Riverton voted on Tuesday to approve a new budget that expands funding for public "
    "transport, after a debate that lasted more than six hours.",
    "Mayor Helen Carter said the plan would add twelve bus routes and extend service hours on weekends, a change "
    "residents had requested for years.",
    "Opposition members argued that the budget relied on optimistic revenue forecasts and warned that property "
    "taxes could rise next year if the estimates proved wrong.",
    "The budget takes effect on the first of January, and the council will review spending in a public hearing "
    "scheduled for the spring.",
    "Transit advocates welcomed the vote, saying that reliable buses are the cheapest way to cut traffic in the "
    "city centre and to reach jobs in the industrial zone.",
    "Council members will meet again next month to discuss the details of the new routes and the timetable for "
    "hiring additional drivers and mechanics.",
]


def page(*blocks: str | list[str], sep: str = "\n\n") -> str:
    """Blocks separated by blank lines; a list block is a run of consecutive lines (a menu, a footer)."""
    return sep.join("\n".join(block) if isinstance(block, list) else block for block in blocks)


def text_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --- a whole flattened page: menu, headline, story, tail ----------------------------------------------------------

PAGES = {
    "share-related-copyright": (
        ["Menu", "Home", "World", "Politics", "Subscribe"],
        [
            "Share this article",
            "Facebook",
            "Twitter",
            "Email",
            "",
            "Related stories",
            "Storm damages harbour in the north",
            "Local team wins regional final",
            "New library opens downtown",
            "",
            "© 2021 Some Outlet. All rights reserved",
        ],
        "Some Outlet",
    ),
    "tags-comment-copyright": (
        ["Skip to content", "Sign in", "Subscribe", "News", "Sport", "Weather"],
        ["Tags: transport, budget, council", "Leave a comment", "Copyright 2019 Riverside Gazette Ltd."],
        "Riverside Gazette",
    ),
    "newsletter-legal": (
        ["Menu", "Search"],
        [
            "Sign up for our newsletter",
            "Get the best stories in your inbox every morning.",
            "Privacy policy",
            "Terms of use",
            "© 2023 The Valley Courier",
        ],
        "The Valley Courier",
    ),
    "most-read": (
        ["Home", "World"],
        ["Most read", "Man finds rare coin in garden", "Heatwave expected this weekend", "© 2022 Daily Beacon"],
        "Daily Beacon",
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_keeps_story_and_drops_menu_and_tail(name: str) -> None:
    menu, tail, outlet = PAGES[name]
    result = clean_plain_text(page(menu, HEADLINE, *PARAGRAPHS, tail))

    lines = text_lines(result.text)
    assert lines == PARAGRAPHS, "the text must be exactly the story's paragraphs, in order"
    assert result.title == HEADLINE
    assert result.outlet == outlet
    for line in [*menu, *tail]:
        if line:
            assert line not in lines
            assert line in result.boilerplate
    assert HEADLINE not in result.boilerplate


def test_paragraphs_on_consecutive_lines_are_all_kept() -> None:
    menu, tail, outlet = PAGES["share-related-copyright"]
    raw = page(menu, page(HEADLINE, *PARAGRAPHS, sep="\n"), [line for line in tail if line])
    result = clean_plain_text(raw)
    assert text_lines(result.text) == PARAGRAPHS
    assert result.outlet == outlet
    assert "Related stories" in result.boilerplate


# --- metadata header -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Date: 14 November 2022", "2022-11-14"),
        ("Published: Nov 14, 2022", "2022-11-14"),
        (" date 2022-11-14 kw", "2022-11-14"),
        ("Published on 14 Nov. 2022 | Politics", "2022-11-14"),
        ("Posted: November 14, 2022", "2022-11-14"),
        ("dated 14 Sept 2022", "2022-09-14"),
        ("Updated: 2022-11-14T10:30:00Z", "2022-11-14T10:30:00Z"),
    ],
)
def test_header_variants_give_published(header: str, published: str) -> None:
    result = clean_plain_text(page(header, HEADLINE, *PARAGRAPHS[:3]))
    assert result.published == published
    assert result.title == HEADLINE
    assert header.strip() in result.boilerplate
    assert header.strip() not in result.text
    assert text_lines(result.text) == PARAGRAPHS[:3]


def test_impossible_header_date_is_not_published() -> None:
    result = clean_plain_text(page("Date: 2022-02-30", HEADLINE, *PARAGRAPHS[:3]))
    assert result.published is None


def test_a_lead_on_the_date_line_is_kept_as_text() -> None:
    lead = (
        "date 2024-03-25 HOUSTON (AP) — The city's mayor said Monday he never approved the contract for the new"
        " stadium roof."
    )
    result = clean_plain_text(page(lead, *PARAGRAPHS[:3]))
    assert result.published == "2024-03-25"
    assert "The city's mayor said Monday he never approved the contract" in result.text
    assert all("mayor" not in line for line in result.boilerplate)


def test_header_fields_are_read() -> None:
    raw = page(["title: Council passes budget", "source: Riverton Post", "by: Jane Doe"], *PARAGRAPHS[:3])
    result = clean_plain_text(raw)
    assert result.title == "Council passes budget"
    assert result.outlet == "Riverton Post"
    assert result.author == "Jane Doe"
    assert text_lines(result.text) == PARAGRAPHS[:3]


def test_header_date_reaches_the_dossier_as_header(tmp_path: Path) -> None:
    source = tmp_path / "in" / "council.txt"
    source.parent.mkdir()
    source.write_text(page("Published: Nov 14, 2022", HEADLINE, *PARAGRAPHS), encoding="utf-8")
    article = analyze([str(source)], tmp_path / "out").dossier.articles[0]
    assert article.published == "2022-11-14"
    assert article.published_from == "header"
    assert article.title == HEADLINE


# --- inline teasers and captions -----------------------------------------------------------------------------------

TEASER = "Read more: Riverton mayor unveils bus plan"


@pytest.mark.parametrize("position", [2, 3, 4, 5])
def test_inline_read_more_does_not_truncate_the_rest(position: int) -> None:
    raw = page(HEADLINE, *PARAGRAPHS[:position], TEASER, *PARAGRAPHS[position:])
    lines = text_lines(clean_plain_text(raw).text)
    missing = [p[:40] for p in PARAGRAPHS if p not in lines]
    assert not missing, f"paragraphs after the inline teaser were dropped: {missing}"


def test_article_sentence_starting_with_trigger_word_does_not_truncate() -> None:
    paragraphs = [
        *PARAGRAPHS[:4],
        "Comments from residents were mixed.",
        "Some said the new routes were overdue, while others warned that the council had not explained how it "
        "would pay for the extra drivers once federal grants expire.",
        PARAGRAPHS[4],
    ]
    lines = text_lines(clean_plain_text(page(HEADLINE, *paragraphs)).text)
    assert [p for p in paragraphs if p not in lines] == []


def test_photo_credit_line_is_removed() -> None:
    credit = "Mayor Helen Carter speaks at the council meeting in Riverton on Tuesday. Photo: Jane Doe / Reuters"
    result = clean_plain_text(page(HEADLINE, *PARAGRAPHS[:2], credit, *PARAGRAPHS[2:]))
    assert credit not in result.text
    assert credit in result.boilerplate
    assert text_lines(result.text) == PARAGRAPHS


# --- generalisation bugs -------------------------------------------------------------------------------------------

BRIEF = (
    "A ceasefire between government forces and rebels held for a third day on Thursday, officials said, raising "
    "hopes for talks next week. The United Nations envoy said both sides had agreed to let aid convoys reach the "
    "besieged town before the weekend."
)
SHORT_BRIEF = BRIEF.split(". ")[0] + "."


@pytest.mark.parametrize("brief", [BRIEF, SHORT_BRIEF], ids=["two-sentences", "one-sentence"])
@pytest.mark.parametrize("headline", [True, False], ids=["headline", "bare"])
def test_single_paragraph_article_is_kept(brief: str, headline: bool) -> None:
    result = clean_plain_text(page(*(["Ceasefire Holds In Northern Region"] if headline else []), brief))
    assert text_lines(result.text) == [brief]
    assert brief not in result.boilerplate


@pytest.mark.parametrize(
    "after",
    [["© 2021 Some Outlet. All rights reserved"], ["Share this article", "Facebook", "Twitter"], ["Related stories"]],
    ids=["copyright", "share", "related"],
)
def test_single_paragraph_article_with_a_footer_is_kept(after: list[str]) -> None:
    result = clean_plain_text(page("Ceasefire Holds In Northern Region", SHORT_BRIEF, after))
    assert text_lines(result.text) == [SHORT_BRIEF]
    for line in after:
        assert line in result.boilerplate


@pytest.mark.parametrize(
    "headline",
    [
        "Police Search For Missing Hiker In Alps",
        "Home Secretary Resigns Over Visa Scandal",
        "Twitter Suspends Accounts Of Several Journalists",
    ],
)
def test_headline_with_common_word_is_the_title(headline: str) -> None:
    result = clean_plain_text(page(headline, *PARAGRAPHS[:4]))
    assert result.title == headline


# --- properties ----------------------------------------------------------------------------------------------------

_PREFIXES = ["date", "Date:", " date", "Published:", "published on", "Posted on", "Updated", "pubdate=", "dated", ""]
_MONTHS = ["January", "Feb", "feb.", "Sept", "Sep", "May", "mar", "Dec.", "Foo"]
_years = st.integers(0, 9999).map(lambda y: f"{y:04d}")
_iso = st.builds(
    lambda y, m, d, rest: f"{y}-{m:02d}-{d:02d}{rest}",
    _years,
    st.integers(0, 19),
    st.integers(0, 39),
    st.sampled_from(["", "T10:30", "T25:61", "T10:30:00Z", " 10:30:00+05:30", "T10:30+0530", "T00:00:60"]),
)
_written = st.one_of(
    st.builds(lambda d, m, y: f"{d} {m} {y}", st.integers(0, 99), st.sampled_from(_MONTHS), _years),
    st.builds(lambda d, m, y: f"{m} {d}, {y}", st.integers(0, 99), st.sampled_from(_MONTHS), _years),
)
_date_lines = st.builds(
    lambda prefix, date, rest: f"{prefix} {date}{rest}",
    st.sampled_from(_PREFIXES),
    st.one_of(_iso, _written, st.just("٢٠٢٢-١١-١٤")),
    st.sampled_from(["", " kw", " | Politics", "x", "0"]),
)
_field_lines = st.builds(
    lambda key, value: f"{key}: {value}",
    st.sampled_from(["title", "headline", "source", "site", "url", "author", "by", "keywords", "tags"]),
    st.text(max_size=30),
)
_header_lines = st.one_of(_date_lines, _field_lines, st.text(max_size=60), st.just(""))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_header_lines, max_size=12))
def test_read_header_never_raises_and_dates_are_iso(lines: list[str]) -> None:
    used, fields = read_header(lines)
    assert 0 <= used <= len(lines)
    published = fields.get("published")
    if published is not None:
        assert normalize_published(published) == published
        if len(published) == 10:
            dt.date.fromisoformat(published)
        else:
            dt.datetime.fromisoformat(published.replace("Z", "+00:00"))


_VOCABULARY = [
    "Menu",
    "Home",
    "Share this article",
    "Comments",
    "Read more",
    "Dear readers,",
    "Support us",
    "Photo: Jane Doe / Reuters",
    "© 2021 Some Outlet. All rights reserved",
    "date 2022-11-14 kw",
    "Published: Nov 14, 2022",
    "title: A headline here",
    "source: Some Outlet",
    "By Jane Doe",
    "Related stories",
    HEADLINE,
    *PARAGRAPHS,
    "",
    "   ",
]
_text_lines = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=80),
)


def _key(line: str) -> str:
    """A line as the cleaner normalises it: NFC, invisible characters gone, runs of whitespace as one space."""
    line = unicodedata.normalize("NFC", line).replace("\u200b", "").replace("\ufeff", "")
    return " ".join(line.split())


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_text_lines, max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_clean_plain_text_only_partitions_the_input(lines: list[str], newline: str) -> None:
    result = clean_plain_text(newline.join(lines))
    given_lines = Counter(key for key in map(_key, lines) if key)
    kept = [_key(line) for line in result.text.split("\n") if _key(line)]
    for line in kept:
        assert line in given_lines, f"the text holds a line that is not in the input: {line!r}"
    produced = Counter(kept) + Counter(_key(line) for line in result.boilerplate)
    assert not produced - given_lines, "text + boilerplate hold lines the input does not"
    unaccounted = given_lines - produced
    # Only the headline may be neither text nor boilerplate: it becomes the title.
    assert sum(unaccounted.values()) <= 1, f"input lines lost: {unaccounted}"
    if unaccounted:
        assert result.title is not None
        assert list(unaccounted) == [_key(result.title)]


# A record whose story starts at its first line: a short line further down ("Scroll down for video", a quoted
# subhead, a caption) is not its headline, and the lines above it are the story, not a banner.
_STORY_FIRST = [
    (
        [
            "A fisherman landed a catfish weighing 280 pounds on the River Po in northern Italy on Sunday.",
            "Dino Ferrari, 42, said it took him forty minutes to bring the fish to the bank near Cremona.",
            "Scroll down for video",
            "The wels catfish was released back into the river after it was weighed and photographed.",
        ],
        "Scroll down for video",
    ),
    (
        [
            "A meteorite left a crater twelve metres wide near the airport of Managua late on Saturday night.",
            "Residents said they heard a loud bang and felt the ground shake before the sky lit up.",
            "'Like a bomb'",
            "Scientists at the national observatory said they were studying fragments found at the site.",
        ],
        "'Like a bomb'",
    ),
    (
        [
            "Shareholders of Harbor Foods approved the takeover of Norrland Dairy at a meeting in Malmo on Friday.",
            "The deal still needs the approval of the European Commission, the company said in a statement.",
            "Chief executive Maria Lind, left, at the meeting",
            "Analysts expect the review to last at least four months.",
        ],
        "Chief executive Maria Lind, left, at the meeting",
    ),
]


@pytest.mark.parametrize(("lines", "not_title"), _STORY_FIRST)
def test_a_record_opening_with_its_story_keeps_its_first_lines(lines: list[str], not_title: str) -> None:
    result = clean_plain_text("\n\n".join(lines))
    assert result.title != not_title
    for line in lines[:2]:
        assert line in result.text and line not in result.boilerplate


def test_a_banner_above_the_headline_still_goes() -> None:
    """What a page puts above its headline speaks to the reader (a cookie notice, an appeal): it goes, and the
    headline is found below it."""
    lines = [
        "We use cookies to give you the best experience on our website, and you can change your settings at any time.",
        "Subscribe now and get your first month of unlimited access for just one dollar.",
        "Rovers sack manager after fifth straight defeat",
        "Eastport Rovers sacked manager Luis Romero on Sunday after a fifth straight league defeat left the club third "
        "from bottom, chairman Tom Hale said in a statement.",
        "Romero, who joined from a Spanish club two years ago, leaves with his assistant and the goalkeeping coach.",
    ]
    result = clean_plain_text("\n\n".join(lines))
    assert result.title == "Rovers sack manager after fifth straight defeat"
    assert lines[0] not in result.text and lines[1] not in result.text
    assert lines[3] in result.text and lines[4] in result.text
