"""Contradictions: one slot with different values, one party with different stances; cases written for them."""

from __future__ import annotations

from claims_support import article, dossier, entity, statement

from crosswire.claims.stage import build_claims
from crosswire.model import Dossier

TREATY = (
    "The river treaty lets both countries draw water from the shared dam during the dry season. "
    "The treaty, which was signed in March, expires on Sunday."
)
TREATY_OTHER = (
    "In March, the two governments signed a treaty on sharing water from the dam in the dry season. "
    "The commission wants to make sure the treaty will be extended on June 11."
)


def _treaty(second_date: str) -> Dossier:
    one = article("t1", TREATY, story="s", published="2024-06-05", dates={"Sunday": "2024-06-09", "March": "2024-03"})
    two = article(
        "t2",
        TREATY_OTHER.replace("June 11", second_date),
        story="s",
        published="2024-06-05",
        dates={second_date: "2024-06-" + second_date.split()[-1].zfill(2), "March": "2024-03"},
    )
    return dossier([one, two], [], [])


def test_one_slot_given_two_dates_is_a_value_contradiction() -> None:
    result = _treaty("June 11")
    build_claims(result)
    found = [c for c in result.contradictions if c.kind == "value"]
    assert len(found) == 1
    values = {value.value: value.articles for value in found[0].values}
    assert values == {"2024-06-09": ["t1"], "2024-06-11": ["t2"]}
    assert found[0].about in {claim.id for claim in result.claims}
    assert all(value.evidence for value in found[0].values)


def test_the_same_date_is_no_contradiction() -> None:
    result = _treaty("June 9")
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"] == []


def test_when_something_was_said_is_not_a_value() -> None:
    one = article(
        "w1",
        "Energy minister Paula Green said on Monday that the new pipeline would carry gas to the northern towns.",
        story="s",
        dates={"Monday": "2024-06-03"},
        names={"Paula Green": "e-green"},
    )
    two = article(
        "w2",
        "Energy minister Paula Green said on Tuesday that the new pipeline would carry gas to the northern towns.",
        story="s",
        dates={"Tuesday": "2024-06-04"},
        names={"Paula Green": "e-green"},
    )
    statements = [
        statement(item, 0, speaker_text="Paula Green", cue="said", speaker="e-green",
                  content="that the new pipeline would carry gas to the northern towns")
        for item in (one, two)
    ]  # fmt: skip
    result = dossier([one, two], [entity("e-green", "Paula Green")], statements)
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"] == []


def test_a_party_changing_stance_across_articles_in_time_order() -> None:
    names = {"Kurt Lind": "e-lind", "Harbour Office": "e-office"}
    people = [entity("e-lind", "Kurt Lind", roles=["spokesperson of the Harbour Office"]),
              entity("e-office", "Harbour Office", "ORG")]  # fmt: skip
    first = article(
        "k1",
        "The Harbour Office said it could neither confirm nor deny the report that the ferry sank near the pier.",
        story="s",
        published="2024-07-01",
        names=names,
    )
    later = article(
        "k2",
        "Harbour Office spokesperson Kurt Lind confirmed that the ferry sank near the pier on Tuesday night.",
        story="s",
        published="2024-07-02",
        names=names,
    )
    statements = [
        statement(first, 0, speaker_text="The Harbour Office", cue="said", speaker="e-office",
                  source_type="organization", stance="neither",
                  content="it could neither confirm nor deny the report that the ferry sank near the pier"),
        statement(later, 0, speaker_text="Kurt Lind", cue="confirmed", speaker="e-lind", stance="confirm",
                  content="that the ferry sank near the pier on Tuesday night"),
    ]  # fmt: skip
    result = dossier([first, later], people, statements)
    build_claims(result)
    found = [c for c in result.contradictions if c.kind == "stance"]
    assert len(found) == 1
    # The spokesperson speaks for the office; the earlier stance comes first.
    assert [value.value for value in found[0].values] == ["neither", "confirms"]
    assert [value.first_published for value in found[0].values] == ["2024-07-01", "2024-07-02"]
    assert found[0].summary is not None and found[0].summary.startswith("Harbour Office")


def test_a_date_stamp_and_a_weekday_a_week_off_are_no_contradictions() -> None:
    """A ferry strike: one page's stamp and a weekday anchored a week late do not disagree with anyone."""
    first = article(
        "f1",
        "Published Monday, June 3, 2024 10:53AM\nThe ferry crews will strike on Friday over pay, the union said.",
        story="s",
        dates={"Monday, June 3, 2024": "2024-06-03", "Friday": "2024-06-07"},
    )
    second = article(
        "f2",
        "The ferry crews plan to strike on Friday over pay, according to the union's notice to the port.",
        story="s",
        dates={"Friday": "2024-06-14"},
    )
    result = dossier([first, second], [], [])
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"] == []


def test_a_filing_dateline_and_other_figures_are_no_rival_dates() -> None:
    """A harvest story: the day a dateline was filed dates nothing the copy reports; and "rose 4 percent on Monday"
    beside "fell 9 percent on Tuesday" are two moves, not one move dated two ways."""
    grain = "the price of wheat at the Chicago exchange moved sharply after the harvest report"
    one = article("h1", f"KANSAS CITY, June 3 — Traders said {grain}.", story="s", dates={"June 3": "2024-06-03"})
    two = article("h2", f"KANSAS CITY, June 5 — Traders said {grain}.", story="s", dates={"June 5": "2024-06-05"})
    three = article(
        "h3", "The price of wheat rose 4 percent on Monday after the harvest report showed a record crop.", story="s",
        dates={"Monday": "2024-06-03"},
    )  # fmt: skip
    four = article(
        "h4", "The price of wheat fell 9 percent on Tuesday after the harvest report showed a record crop.", story="s",
        dates={"Tuesday": "2024-06-04"},
    )  # fmt: skip
    result = dossier([one, two, three, four], [], [])
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"] == []


def test_a_date_given_after_a_label_is_about_the_claim_holding_it() -> None:
    """A sentence opening on a transcript label or a wire dateline ("CORRESPONDENT: ...", "GENEVA, Oct 6 - ..."): the
    claim its date is about is the one whose proposition holds the date, though the sentence starts before it."""
    one = article(
        "c1",
        "GENEVA, Oct 6 (Wire) - The two sides have agreed to a 30-day truce in the border war that will begin on "
        "Friday, the state news agency reported.",
        story="s",
        published="2026-10-06",
        dates={"Friday": "2026-10-09"},
    )
    two = article(
        "c2",
        "CORRESPONDENT: A diplomat said the two sides have agreed to a truce in the border war that will begin on "
        "Sunday.",
        story="s",
        published="2026-10-06",
        dates={"Sunday": "2026-10-11"},
    )
    told = [
        statement(
            one,
            0,
            speaker_text="the state news agency",
            cue="reported",
            content="The two sides have agreed to a 30-day truce in the border war that will begin on Friday",
            source_type="media",
        ),
        statement(
            two,
            0,
            speaker_text="A diplomat",
            cue="said",
            content="the two sides have agreed to a truce in the border war that will begin on Sunday",
            source_type="anonymous",
        ),
    ]
    result = dossier([one, two], [], told)
    build_claims(result)
    found = [c for c in result.contradictions if c.kind == "value" and {v.value for v in c.values} >= {"2026-10-09"}]
    assert found and {v.value for v in found[0].values} == {"2026-10-09", "2026-10-11"}
    assert found[0].about in {claim.id for claim in result.claims}


def test_the_day_a_statement_was_made_after_its_content_is_not_a_value() -> None:
    """ "The flood has cut off 300 farms, the water board said on Monday" / "... said on Tuesday": when each was said,
    outside the statement's span, not two days given for one thing; "said Friday's vote was rigged" is no such day."""
    texts = {
        "f1": (
            "The flood has cut off 300 farms in the valley, the water board said on Monday.",
            "Monday",
            "2024-06-03",
        ),
        "f2": (
            "The flood has cut off 300 farms in the valley, the water board said on Tuesday.",
            "Tuesday",
            "2024-06-04",
        ),
    }
    items = [
        article(key, text, story="s", published="2024-06-04", dates={day: value})
        for key, (text, day, value) in texts.items()
    ]
    told = [
        statement(
            item,
            0,
            speaker_text="the water board",
            cue="said",
            content="The flood has cut off 300 farms in the valley",
            source_type="organization",
        )
        for item in items
    ]
    result = dossier(items, [], told)
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value" and len(c.values[0].value) == 10] == []


def test_the_day_of_a_report_is_not_a_value_of_what_it_reports() -> None:
    """A transfer: "Harlow signed the striker on Thursday" against "..., confirming Tuesday's report in the Ledger":
    Tuesday dates the report, not the signing. The same paper giving the signing as Tuesday is a rival date."""
    one = article(
        "r1",
        "Harlow United will sign the striker Tomas Berg from Vale on Thursday for a club record fee.",
        story="s",
        dates={"Thursday": "2024-06-06"},
    )
    two = article(
        "r2",
        "Harlow United signed the striker Tomas Berg from Vale for a club record fee, confirming Tuesday's report in "
        "the Ledger.",
        story="s",
        dates={"Tuesday": "2024-06-04"},
    )
    result = dossier([one, two], [], [])
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"] == []
    three = article(
        "r3",
        "Harlow United signed the striker Tomas Berg from Vale on Tuesday for a club record fee.",
        story="s",
        dates={"Tuesday": "2024-06-04"},
    )
    result = dossier([one, three], [], [])
    build_claims(result)
    assert [c for c in result.contradictions if c.kind == "value"]


def _date_contradictions(first: tuple[str, dict[str, str]], second: tuple[str, dict[str, str]]) -> list[str]:
    """The date values two articles of one story are found to give one thing, from (text, {surface: value})."""
    articles = [article(f"d{n}", text, story="s", dates=dates) for n, (text, dates) in enumerate((first, second))]
    result = dossier(articles, [], [])
    build_claims(result)
    return [value.value for c in result.contradictions if c.kind == "value" for value in c.values]


def test_a_range_of_days_holds_the_day_within_it() -> None:
    """A theft "during the night of Saturday to Sunday" against "early on Sunday": one answer, not two."""
    found = _date_contradictions(
        (
            "Thieves took two paintings from the city museum during the night of Saturday to Sunday, the museum said.",
            {"Saturday": "2024-06-01", "Sunday": "2024-06-02"},
        ),
        ("Thieves took two paintings from the city museum early on Sunday, the museum said.", {"Sunday": "2024-06-02"}),
    )
    assert found == []


def test_an_article_dating_the_thing_itself_dates_another_thing_on_its_other_day() -> None:
    """A landslide on Monday (both outlets say so); the second's "the road reopened on Tuesday" dates the road, not
    the landslide a second way."""
    found = _date_contradictions(
        (
            "A landslide buried the mountain road above the village on Monday and cut off 300 homes.",
            {"Monday": "2024-06-03"},
        ),
        (
            "A landslide buried the mountain road above the village on Monday. The road above the village was "
            "reopened on Tuesday.",
            {"Monday": "2024-06-03", "Tuesday": "2024-06-04"},
        ),
    )
    assert found == []
