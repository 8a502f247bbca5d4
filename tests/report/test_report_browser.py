"""dossier.html in a real browser (headless Chromium, offline): it loads cleanly, evidence lights up, filters filter,
the JSON download holds the dossier. Screenshots go to build/screenshots/ for a person to look at."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reference_dossier import reference_dossier

from browser_support import launch, screenshot, watch_console
from crosswire.analyze import analyze
from crosswire.model import Article, Claim, ClaimStance, Dossier, Entity, Mention, Statement, Story
from crosswire.report import write_dossier
from crosswire.report.anchors import anchor

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = '</script><script>window.pwned = 1; alert("pwned")</script><img src=x onerror="window.pwned = 2">'


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    _, html_path = write_dossier(reference_dossier(), tmp_path_factory.mktemp("report"))
    return html_path.as_uri()


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    with launch() as browser_context:
        yield browser_context


@pytest.fixture
def page(context: Any, report_url: str) -> Iterator[Any]:
    tab = context.new_page()
    problems = watch_console(tab)
    tab.goto(report_url)
    yield tab
    assert problems == [], problems
    tab.close()


def visible_articles(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "article.doc", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.articleId)"
    )


def lit(page: Any) -> list[dict[str, Any]]:
    """Every highlighted piece: its text, the article it is in, whether it is the current passage."""
    return page.eval_on_selector_all(
        ".hl",
        """els => els.map(e => ({text: e.textContent, article: (e.closest('article.doc') || {}).id || null,
                                 current: e.classList.contains('hl-current')}))""",
    )


def test_page_loads_offline_without_errors(page: Any) -> None:
    assert page.title().startswith("Crosswire dossier — 4 articles")
    assert page.locator("#filter-status").inner_text() == "4 articles, 2 stories"
    assert page.locator("section.story").count() == 2
    assert page.evaluate("document.querySelectorAll('.filtered-out').length") == 0
    screenshot(page, "report-overview")
    page.locator("#story-ankara").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('story-ankara').scrollIntoView()")
    screenshot(page, "report-story")


def test_clicking_a_claim_lights_its_evidence(page: Any) -> None:
    page.locator("#claim-burns-met-naryshkin a.claim-link").click()
    pieces = lit(page)
    assert pieces, "the claim's statements are highlighted"
    assert all(p["article"] for p in pieces), "only text in the article view is lit"
    text = " ".join(p["text"] for p in pieces)
    assert "Altun told the Associated Press" in text and "neither confirm nor deny" in text
    assert {p["article"] for p in pieces} == {
        anchor("article", a) for a in ["sabah-ankara-talks", "moscow-times-spy-chiefs", "rt-secret-talks"]
    }
    bar = page.locator("#evidence-bar")
    assert bar.is_visible()
    assert bar.locator("#evidence-label").inner_text() == "Burns and Naryshkin met in Ankara on 14 November 2022"
    assert page.locator("#evidence-count").inner_text() == "1 of 9"
    current = page.locator(".hl-current").first
    assert current.is_visible() and current.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    page.locator("#evidence-next").click()
    assert page.locator("#evidence-count").inner_text() == "2 of 9"
    page.locator("#evidence-clear").click()
    assert lit(page) == [] and not bar.is_visible()


def test_clicking_a_cell_lights_that_statement(page: Any) -> None:
    page.locator("#claim-burns-met-naryshkin a[title^='Fahrettin Altun confirms']").click()
    pieces = lit(page)
    text = "".join(p["text"] for p in pieces)
    assert text.startswith('"We confirm that Türkiye hosted a meeting') and text.endswith("Associated Press.")
    assert {p["article"] for p in pieces} == {anchor("article", "sabah-ankara-talks")}
    assert page.evaluate("location.hash").startswith("#st-sabah-ankara-talks")
    assert page.locator("#evidence-label").inner_text() == "Fahrettin Altun confirms — Daily Sabah, 2022-11-14"
    screenshot(page, "report-claim-evidence")


def test_clicking_an_event_lights_its_evidence(page: Any) -> None:
    page.locator("#event-ankara-meeting a.event-link").click()
    pieces = lit(page)
    assert len({p["article"] for p in pieces}) == 3
    assert "Sergei Naryshkin arrived in Ankara on Monday to meet with CIA director" in "".join(
        p["text"] for p in pieces
    )
    assert page.locator("#evidence-count").inner_text() == "1 of 3"
    page.locator("#contradiction-grain-expiry a.value").first.click()
    assert "".join(p["text"] for p in lit(page)) == "expires on Friday"


def test_entity_filter(page: Any) -> None:
    page.select_option("#filter-entity", anchor("e", "person:fahrettin-altun"))
    assert visible_articles(page) == ["sabah-ankara-talks"]
    assert page.locator("#story-ankara").is_visible() and not page.locator("#story-denial").is_visible()
    assert page.locator("#filter-status").inner_text() == "Showing 1 of 4 articles, 1 of 2 stories"
    assert page.locator("#claim-burns-met-naryshkin").is_visible()
    assert not page.locator("#claim-not-negotiating").is_visible()
    marked = page.eval_on_selector_all(".m.entity-on", "els => els.map(e => e.textContent)")
    assert marked == ["Fahrettin Altun", "Altun"]
    page.locator("#filter-clear").click()
    assert page.evaluate("document.querySelectorAll('.filtered-out').length") == 0
    assert page.locator("#filter-entity").input_value() == ""
    assert len(visible_articles(page)) == 4


def test_outlet_filter_and_card_buttons(page: Any) -> None:
    page.select_option("#filter-outlet", anchor("o", "rt"))
    assert visible_articles(page) == ["rt-secret-talks"]
    rows = page.eval_on_selector_all(
        "#story-ankara table.coverage tbody tr",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.cells[0].textContent)",
    )
    assert rows == ["RT"]
    page.select_option("#filter-outlet", "")
    page.locator("#story-ankara .card button[data-filter-entity]").first.click()
    assert page.locator("#filter-entity").input_value() != ""
    assert len(visible_articles(page)) < 4


def test_date_filter(page: Any) -> None:
    page.fill("#filter-from", "2023-01-01")
    assert visible_articles(page) == ["tass-denial-2023"]
    assert not page.locator("#story-ankara").is_visible() and page.locator("#story-denial").is_visible()
    page.fill("#filter-from", "2022-03-01")
    page.fill("#filter-to", "2022-03-31")
    assert visible_articles(page) == []
    assert page.locator("#story-ankara").is_visible(), "an event of the story happened in March"
    assert not page.locator("#story-denial").is_visible()
    dated = page.eval_on_selector_all(
        "#story-ankara .tl-row[data-f]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('.tl-date span').textContent)",
    )
    assert dated == ["March 2022"]
    assert page.locator("#event-march-talks").is_visible() and not page.locator("#event-ankara-meeting").is_visible()
    assert page.locator("#filter-status").inner_text() == "Showing 0 of 4 articles, 1 of 2 stories"
    page.fill("#filter-from", "2022-11-14")
    page.fill("#filter-to", "2022-11-14")
    assert len(visible_articles(page)) == 3
    timeline = page.eval_on_selector_all(
        "#story-ankara .tl-row[data-f]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('.tl-date span').textContent)",
    )
    assert timeline == ["14 Nov 2022", "14 Nov 2022", "week 46 of 2022 (14–20 Nov)"]


def test_search_box(page: Any) -> None:
    page.fill("#filter-text", "KOMMERSANT")
    assert visible_articles(page) == ["sabah-ankara-talks", "moscow-times-spy-chiefs", "rt-secret-talks"]
    assert page.locator("#claim-burns-met-naryshkin").is_visible()
    assert not page.locator("#claim-not-negotiating").is_visible()
    page.fill("#filter-text", "grain deal")
    assert visible_articles(page) == ["sabah-ankara-talks"]


def test_filter_that_matches_nothing_says_so(page: Any) -> None:
    page.fill("#filter-text", "no such words anywhere")
    assert visible_articles(page) == []
    assert page.locator("#filter-status").inner_text() == "Showing 0 of 4 articles, 0 of 2 stories"


def test_json_download_holds_the_dossier(page: Any, tmp_path: Path) -> None:
    link = page.locator("#download-json")
    assert link.get_attribute("download") == "dossier.json"
    assert (link.get_attribute("href") or "").startswith("blob:")
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "dossier.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == json.loads(reference_dossier().to_json())


def test_print_layout_hides_the_controls(page: Any) -> None:
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert not page.locator("#download-json").is_visible()
    assert page.locator("#claim-burns-met-naryshkin").is_visible()
    page.emulate_media(media="screen")


def test_following_a_link_from_another_page_lights_the_evidence(context: Any, report_url: str) -> None:
    tab = context.new_page()
    problems = watch_console(tab)
    tab.goto(report_url + "#ev-event-ankara-meeting.1")
    pieces = lit(tab)
    assert [p["article"] for p in pieces] == [anchor("article", "moscow-times-spy-chiefs")]
    assert problems == []
    tab.close()


def test_hostile_dossier_runs_no_script(context: Any, tmp_path: Path) -> None:
    text = f"Before {HOSTILE} after."
    start = text.index("<img")
    article = Article(
        id="evil",
        source=HOSTILE,
        title=HOSTILE,
        outlet=HOSTILE,
        text=text,
        story="s",
        boilerplate=[HOSTILE],
        mentions=[Mention(start=start, end=start + 4, text="<img", entity="e", label="PERSON")],
    )
    dossier = Dossier(
        articles=[article],
        entities=[Entity(id="e", name=HOSTILE, type="PERSON", aliases=[HOSTILE], articles=["evil"], mention_count=1)],
        statements=[Statement(id=HOSTILE, article="evil", start=0, end=len(text), speaker_text=HOSTILE)],
        claims=[Claim(id="c", text=HOSTILE, stances=[ClaimStance(article="evil", stance="denies", statement=HOSTILE)])],
        stories=[Story(id="s", title=HOSTILE, articles=["evil"])],
    )
    _, html_path = write_dossier(dossier, tmp_path)
    tab = context.new_page()
    problems = watch_console(tab)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(html_path.as_uri())
    tab.locator("#claim-c a.claim-link").click()
    assert tab.evaluate("window.pwned") is None
    assert dialogs == [] and problems == []
    assert tab.locator("article.doc h3").inner_text() == HOSTILE
    tab.close()


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the bundled examples, as `crosswire analyze examples` writes it."""
    return analyze([str(EXAMPLES)], tmp_path_factory.mktemp("examples")).html_path


def test_examples_report_works_in_the_browser(context: Any, examples_report: Path) -> None:
    dossier = json.loads((examples_report.parent / "dossier.json").read_text(encoding="utf-8"))
    tab = context.new_page()
    problems = watch_console(tab)
    tab.goto(examples_report.as_uri())
    assert tab.locator("article.doc").count() == len(dossier["articles"]) > 0
    assert tab.locator("section.story:not(#story-unplaced)").count() == len(dossier["stories"])
    dangling = tab.eval_on_selector_all(
        "a[href^='#']",
        "els => els.map(a => a.getAttribute('href').slice(1)).filter(id => id && !document.getElementById(id))",
    )
    assert dangling == []
    screenshot(tab, "report-examples")
    for selector in ("a.claim-link[data-show]", "a.event-link[data-show]"):
        links = tab.locator(selector)
        for number in range(min(links.count(), 5)):
            links.nth(number).click()
            assert lit(tab), f"{selector} #{number} lights its evidence"
    assert problems == []
    tab.close()
