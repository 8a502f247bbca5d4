"""Inferred publication dates: from the article's own dateline, or from a sibling report of the same event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire.analyze import analyze
from crosswire.context import Context
from crosswire.model import Article, Dossier
from crosswire.time.dating import date_from_text, infer_publication_dates
from crosswire.time.timex import resolve_article

MEETING = (
    "Sergei Naryshkin of the Russian Foreign Intelligence Service met CIA director William Burns in Ankara on "
    "Monday, the Kommersant newspaper reported. The Kremlin and the White House confirmed the meeting in Ankara. "
    "Burns conveyed a message on the consequences of the use of nuclear weapons, Washington said. "
)


def _article(aid: str, text: str, published: str | None = None) -> Article:
    article = Article(id=aid, source=aid, text=text, published=published)
    resolve_article(article)
    return article


def test_dateline_gives_a_text_date() -> None:
    article = _article("d", "BRUSSELS, February 10, 1999 (Xinhua) -- NATO agreed on Wednesday to expand.")
    assert date_from_text(article) == "1999-02-10"
    dossier = Dossier(articles=[article])
    infer_publication_dates(dossier, Context())
    assert (article.published, article.published_from) == ("1999-02-10", "text")
    assert {t.text: t.value for t in article.timexes}["Wednesday"] == "1999-02-10"


def test_sibling_report_of_the_same_event_gives_a_story_date() -> None:
    dated = _article("a", MEETING + "The grain deal expires on Friday.", "2022-11-14")
    undated = _article("b", "U.S. and Russian spy chiefs hold talks. " + MEETING)
    assert {t.text: t.value for t in undated.timexes}["Monday"] == "XXXX-WXX-1"
    infer_publication_dates(Dossier(articles=[dated, undated]), Context())
    assert (undated.published, undated.published_from) == ("2022-11-14", "story")
    assert {t.text: t.value for t in undated.timexes}["Monday"] == "2022-11-14"


def test_siblings_share_a_relative_day_inside_a_longer_expression() -> None:
    flood = (
        "Engineers from the Rhine water authority inspected the Waldkirch dam on Sunday evening after heavy rain, "
        "the Freiburg district office said. The Waldkirch mayor ordered the Elz valley campsites cleared. "
        "Hydrologists from Karlsruhe expect the Elz to crest below the Kollnau weir. "
    )
    dated = _article("a", flood, "2024-01-08")
    undated = _article("b", "Dam inspected after storm. " + flood.replace("on Sunday evening", "late Sunday"))
    infer_publication_dates(Dossier(articles=[dated, undated]), Context())
    assert (undated.published, undated.published_from) == ("2024-01-08", "story")


def test_dateline_without_a_year_takes_its_year_from_a_sibling() -> None:
    # The wire dateline gives the reporting day; the sibling only tells which year it is.
    dated = _article("a", MEETING, "2022-11-14")
    wire = _article("w", "MOSCOW, Nov 17 (Eurasia Wire) - " + MEETING + "Ryabkov spoke on Thursday.")
    infer_publication_dates(Dossier(articles=[dated, wire]), Context())
    assert (wire.published, wire.published_from) == ("2022-11-17", "text")
    assert {t.text: t.value for t in wire.timexes}["Thursday"] == "2022-11-17"


def test_dateline_across_new_year_takes_the_nearest_year() -> None:
    dated = _article("a", MEETING, "2023-01-02")
    wire = _article("w", "ANKARA, Dec 30 (Harbor Wire) - " + MEETING)
    infer_publication_dates(Dossier(articles=[dated, wire]), Context())
    assert wire.published == "2022-12-30"


def test_unrelated_or_differently_dated_articles_stay_undated() -> None:
    dated = _article("a", MEETING, "2022-11-14")
    other_day = _article("b", MEETING.replace("Monday", "Wednesday"))
    unrelated = _article("c", "A football club in Madrid won its match on Monday after a late goal by its striker.")
    infer_publication_dates(Dossier(articles=[dated, other_day, unrelated]), Context())
    assert other_day.published is None and unrelated.published is None
    assert other_day.published_from is None


def test_seed_corpus_dates_and_expressions(seeds_dir: Path, tmp_path: Path) -> None:
    dossier = analyze([str(seeds_dir)], tmp_path / "out", fresh=True).dossier
    # The corpus stage may already run inside analyze; running it again is a no-op on dated articles.
    infer_publication_dates(dossier, Context())
    by_prefix = {a.id[:3]: a for a in dossier.articles}

    def values(prefix: str) -> dict[str, tuple[str, str | None]]:
        return {t.text: (t.value, t.mod) for t in by_prefix[prefix].timexes}

    assert by_prefix["000"].published == "2022-11-14"
    v0 = values("000")
    assert v0["Monday"] == ("2022-11-14", None)
    assert v0["Friday"] == ("2022-11-18", None)
    assert v0["late March"] == ("2022-03", "END")
    assert v0["Earlier this month"] == ("2022-11", None)
    assert v0["July"] == ("2022-07", None)
    for prefix in ("001", "002"):
        assert by_prefix[prefix].published == "2022-11-14"
        assert by_prefix[prefix].published_from in ("story", "text")
    assert values("001")["Nov. 19"] == ("2022-11-19", None)
    assert values("001")["Thursday"] == ("2022-11-10", None)
    assert values("002")["January"] == ("2022-01", None)
    assert by_prefix["004"].published is None


@pytest.mark.parametrize(
    "text",
    [
        "The jury will return on Monday, prosecutors said today, March 5, 2024, after the judge fell ill last week.",
        "Shareholders approved the merger on Tuesday. The deal, first announced on 3 March 2023, closes next month.",
        "Artillery struck the town on Friday night, the army said, a day after the ceasefire of July 12 collapsed.",
    ],
)
def test_dating_reads_the_time_stage_output_of_an_undated_article(text: str) -> None:
    """Dating an undated article reuses what the time stage found (resolving without a date needs no parse, so it is
    the same as resolving afresh) instead of tagging the whole text again."""
    from crosswire.pipeline import run_article_stages
    from crosswire.time.timex import resolve

    article = run_article_stages(Article(id="a", source="a", raw=text), Context())
    assert article.published is None and "time" in article.layers
    assert article.timexes == resolve(article.text, None)
    assert any(t.value and t.value.startswith("XXXX") for t in article.timexes)
    fresh = Article(id="b", source="b", text=article.text)
    resolve_article(fresh)
    assert date_from_text(article) == date_from_text(fresh)


def test_dated_articles_resolve_where_the_corpus_map_runs_them_with_the_same_result() -> None:
    """With a corpus map (the engine's workers) the dated articles' expressions are resolved through it, one item
    each, and come out as resolving them here gives; without one they are resolved here."""
    trial = (
        "ROTTERDAM, March 3, 2021 (Harbor Wire) -- The trial of the port's former director opened on Tuesday, and "
        "the court said it would hear the first witness next Monday after the defence asked for time."
    )
    launch = (
        "Lumen Robotics unveiled its warehouse arm in Oslo on Tuesday, Lumen Robotics said. Orders from Nordhavn "
        "Logistics and Baltic Freight open on Friday, the Oslo company said, and deliveries start in the spring. "
    )
    sibling = _article("s", launch + "Shares of Lumen Robotics rose.", "2023-05-16")

    def corpus(with_map: bool) -> tuple[list[Article], list[int]]:
        calls: list[int] = []

        def corpus_map(fn: Any, items: Any) -> list[Any]:
            calls.append(len(items))
            return [fn(item) for item in items]

        articles = [_article("t", trial), sibling.model_copy(deep=True), _article("u", "Robot arm shown. " + launch)]
        context = Context(corpus_map=corpus_map if with_map else None)
        infer_publication_dates(Dossier(articles=articles), context)
        return articles, calls

    mapped, calls = corpus(True)
    here, no_calls = corpus(False)
    assert calls == [1, 1] and no_calls == []  # the dateline, then the sibling's round
    assert [(a.published, a.published_from) for a in mapped] == [
        ("2021-03-03", "text"),
        ("2023-05-16", None),
        ("2023-05-16", "story"),
    ]
    assert [a.timexes for a in mapped] == [a.timexes for a in here]
    assert {t.text: t.value for t in mapped[0].timexes}["next Monday"] == "2021-03-08"
