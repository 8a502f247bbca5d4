"""dossier.html from a hand-built dossier of the reference story: every part is there, linked, and escaped."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lxml import html as lxml_html
from reference_dossier import reference_dossier

from crosswire.model import Article, Claim, ClaimStance, Dossier, Entity, Event, Evidence, Mention, Statement, Story
from crosswire.report.anchors import anchor, article_anchor, slug, statement_anchor
from crosswire.report.html import embed_json, render_html
from crosswire.report.index import DossierIndex

HOSTILE = '</script><script>alert("pwned")</script><!-- <b>bold</b> & "quotes" \u2028'


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return reference_dossier()


@pytest.fixture(scope="module")
def page(dossier: Dossier) -> str:
    return render_html(dossier)


@pytest.fixture(scope="module")
def document(page: str) -> Any:
    return lxml_html.fromstring(page)


def text_of(element: Any) -> str:
    return " ".join(element.text_content().split())


def by_id(document: Any, identifier: str) -> Any:
    found = document.xpath("//*[@id=$id]", id=identifier)
    assert len(found) == 1, f"{len(found)} elements with id {identifier!r}"
    return found[0]


def lit_text(document: Any, token: str) -> list[str]:
    """The text each highlight token lights up, one string per marked span (its pieces joined)."""
    spans = document.xpath("//span[contains(concat(' ', @data-k, ' '), $t)]", t=f" {token} ")
    outermost = [s for s in spans if not any(token in (a.get("data-k") or "").split() for a in s.iterancestors())]
    texts: list[str] = []
    for piece in outermost:
        if piece.get("id") or not texts:
            texts.append("")
        texts[-1] += piece.text_content()
    return texts


def test_every_fragment_link_has_a_target_and_ids_are_unique(document: Any) -> None:
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    hrefs = {a.get("href") for a in document.iter("a") if (a.get("href") or "").startswith("#")} - {"#"}
    assert hrefs, "the page links its views"
    assert not [h for h in hrefs if h[1:] not in set(ids)]


def test_overview_lists_storyline_stories_with_counts(document: Any) -> None:
    overview = by_id(document, "overview")
    assert "US–Russia spy-chief contacts" in text_of(overview)
    rows = overview.xpath(".//table[contains(@class, 'stories')]/tbody/tr")
    assert [text_of(r.xpath("./td")[0]) for r in rows] == [
        "CIA chief Burns meets Russian spymaster Naryshkin in Ankara",
        "Moscow renews its denial of secret talks with Washington",
    ]
    first = [text_of(td) for td in rows[0].xpath("./td")]
    assert first[1] == "3" and first[2] == "14 Nov 2022" and first[3] == "3"
    assert first[4] == "1 corroborated 1 contested 1 single-source"
    assert first[5] == "⚠ 1"
    assert rows[0].get("data-section") == "story-ankara"
    assert by_id(document, "story-ankara").get("data-story") == " ".join(
        article_anchor(a) for a in ["sabah-ankara-talks", "moscow-times-spy-chiefs", "rt-secret-talks"]
    )


def test_claims_matrix_shows_who_says_what(document: Any) -> None:
    story = by_id(document, "story-ankara")
    header = [text_of(th) for th in story.xpath(".//table[contains(@class, 'matrix')]/thead/tr/th")]
    assert header[:3] == ["Claim", "Verdict", "Indep. sources"]
    assert header[3] == "Kommersant", "the source with most stances comes first"
    row = by_id(document, "claim-burns-met-naryshkin")
    cells = dict(zip(header[3:], [text_of(td) for td in row.xpath("./td")][2:], strict=True))
    assert cells["Kommersant"] == "• reports ×3"
    assert cells["Fahrettin Altun"] == "✓ confirms"
    assert cells["Kremlin"] == "? neither"
    assert cells["A Turkish official"] == "⊘ declines"
    assert cells["an unnamed source"] == "• reports"
    assert cells["Daily Sabah"] == ""
    assert [text_of(td) for td in row.xpath("./td")][:2] == ["corroborated", "3"]
    assert "first put out by Kommersant" in text_of(row)
    expiry = by_id(document, "claim-grain-deal-expiry")
    flag = expiry.xpath(".//a[contains(@class, 'flag')]")[0]
    assert flag.get("href") == "#contradiction-grain-expiry"
    assert "When the Black Sea grain deal expires" in text_of(flag)
    denial = by_id(document, "story-denial")
    assert "✗ denies" in text_of(denial.xpath(".//table[contains(@class, 'matrix')]")[0])


def test_claim_and_cells_link_to_their_statements(document: Any, dossier: Dossier) -> None:
    row = by_id(document, "claim-burns-met-naryshkin")
    claim_link = row.xpath(".//a[contains(@class, 'claim-link')]")[0]
    target = by_id(document, claim_link.get("href")[1:])
    assert target.xpath("ancestor::article[@data-article-id='sabah-ankara-talks']")
    statements = {s.id: s for s in dossier.statements}
    texts = {
        s.id: next(a for a in dossier.articles if a.id == s.article).text[s.start : s.end] for s in statements.values()
    }
    claim = next(c for c in dossier.claims if c.id == "claim-burns-met-naryshkin")
    lit = document.xpath(
        "//span[@id][contains(concat(' ', @data-k, ' '), $t)]/@id", t=f" {claim_link.get('data-show')} "
    )
    assert sorted(lit) == sorted(statement_anchor(s.statement) for s in claim.stances if s.statement)
    for stance in claim.stances:
        assert stance.statement is not None
        assert lit_text(document, statement_anchor(stance.statement)) == [texts[stance.statement]]
    [altun] = row.xpath(".//a[starts-with(@title, 'Fahrettin Altun confirms')]")
    assert lit_text(document, altun.get("data-show")) == [texts["sabah-ankara-talks:s4"]]
    assert by_id(document, altun.get("href")[1:]).get("data-k").split()[0] == statement_anchor("sabah-ankara-talks:s4")
    [kommersant] = row.xpath(".//a[starts-with(@title, 'Kommersant reports')]")
    assert (
        kommersant.get("title")
        == "Kommersant reports — Daily Sabah, 2022-11-14; The Moscow Times, 2022-11-14; RT, 2022-11-14"
    )
    assert lit_text(document, kommersant.get("data-show")) == [
        texts["sabah-ankara-talks:s0"],
        texts["moscow-times-spy-chiefs:s0"],
        texts["rt-secret-talks:s0"],
    ]


def test_events_show_who_met_whom_and_their_evidence(document: Any, dossier: Dossier) -> None:
    event = by_id(document, "event-ankara-meeting")
    facts = dict(
        zip([text_of(d) for d in event.xpath(".//dt")], [text_of(d) for d in event.xpath(".//dd")], strict=True)
    )
    assert facts["When"] == "14 Nov 2022 day"
    assert facts["Where"] == "Ankara"
    assert facts["Who"] == "William Burns actor, Sergei Naryshkin counterpart, Türkiye host"
    assert facts["Evidence"] == "Daily Sabah, 2022-11-14 · The Moscow Times, 2022-11-14 · RT, 2022-11-14"
    texts = {a.id: a.text for a in dossier.articles}
    meeting = next(e for e in dossier.events if e.id == "event-ankara-meeting")
    expected = [texts[e.article][e.start : e.end] for e in meeting.evidence]
    link = event.xpath(".//a[contains(@class, 'event-link')]")[0]
    assert lit_text(document, link.get("data-show")) == expected
    for number, evidence_link in enumerate(event.xpath(".//a[contains(@class, 'evidence-link')]")):
        assert lit_text(document, evidence_link.get("data-show")) == [expected[number]]
    grain = by_id(document, "event-grain-deal-renewal")
    assert "week 46 of 2022 (14–20 Nov) week" in text_of(grain)
    assert "March 2022 month" in text_of(by_id(document, "event-march-talks"))


def test_timeline_rows_carry_precision_and_position(document: Any) -> None:
    story = by_id(document, "story-ankara")
    rows = story.xpath(".//div[contains(@class, 'tl-row') and @data-f]")
    dates = [text_of(r.xpath("./div[@class='tl-date']")[0]) for r in rows]
    assert dates == ["March 2022 month", "14 Nov 2022 day", "14 Nov 2022 day", "week 46 of 2022 (14–20 Nov) week"]
    bars = [r.xpath(".//span[contains(@class, 'tl-bar')]")[0].get("style") for r in rows]
    assert bars[0].startswith("left: 0.0%")
    assert "first reported by Daily Sabah, 2022-11-14" in text_of(rows[1])
    reports = story.xpath(".//a[contains(@class, 'tl-report')]")
    assert len(reports) == 3


def test_entity_cards_and_coverage(document: Any) -> None:
    story = by_id(document, "story-ankara")
    cards = {text_of(c.xpath(".//strong")[0]): text_of(c) for c in story.xpath(".//div[contains(@class, 'card ')]")}
    assert "Naryshkin · Sergey Naryshkin" in cards["Sergei Naryshkin"]
    assert "roles director of the CIA" in cards["William Burns"]
    rows = story.xpath(".//table[contains(@class, 'coverage')]/tbody/tr")
    cells = {text_of(r.xpath("./td")[0]): [text_of(td) for td in r.xpath("./td")] for r in rows}
    assert set(cells) == {"Daily Sabah", "The Moscow Times", "RT"}
    assert cells["Daily Sabah"][2:5] == [
        "2",
        "2",
        "Burns was not conducting negotiations of any kind; Türkiye hosts Russia–Ukraine talks",
    ]
    assert cells["RT"][5] == "nothing"


def test_contradiction_values_link_to_their_evidence(document: Any) -> None:
    item = by_id(document, "contradiction-grain-expiry")
    values = item.xpath(".//a[contains(@class, 'value')]")
    assert [text_of(v) for v in values] == ["“expires on Friday”", "“Nov. 19”"]
    assert [lit_text(document, v.get("data-show")) for v in values] == [["expires on Friday"], ["roll over on Nov. 19"]]


def test_article_view_marks_entities_dates_and_statements(document: Any) -> None:
    article = document.xpath("//article[@data-article-id='rt-secret-talks']")[0]
    text = article.xpath(".//div[@class='text']")[0]
    mentions = {text_of(m) for m in text.xpath(".//span[contains(@class, 'm ')]")}
    assert {"Kommersant", "Ankara", "Türkiye", "UN"} <= mentions
    timexes = {text_of(t): t.get("title") for t in text.xpath(".//span[@class='t']")}
    assert timexes["late March"] == "late March 2022 — DATE 2022-03 (END)"
    assert timexes["Friday"].startswith("18 Nov 2022")
    statement = text.xpath(".//span[contains(@class, 'st ')]")[0]
    assert statement.get("title") == "Kommersant — reported (reported speech; asserts)"
    assert [text_of(c) for c in text.xpath(".//span[@class='cue']")] == ["reported"]
    details = article.xpath(".//details[@class='boilerplate']//li")
    assert [li.text_content() for li in details] == [
        "Menu",
        "Home",
        "Russia & FSU",
        "Subscribe to RT newsletter",
        "Share this article",
    ]


def test_filters_offer_entities_and_outlets(document: Any) -> None:
    groups = document.xpath("//select[@id='filter-entity']/optgroup")
    assert [g.get("label") for g in groups] == ["PERSON", "ORG", "GPE"]
    people = [o.text_content() for o in groups[0].iter("option")]
    assert people == ["Fahrettin Altun (2)", "William Burns (2)", "Dmitry Peskov (1)", "Sergei Naryshkin (1)"]
    assert groups[0].xpath("./option")[0].get("value") == anchor("e", "person:fahrettin-altun")
    outlets = [o.text_content() for o in document.xpath("//select[@id='filter-outlet']/option")]
    assert outlets == ["any", "Daily Sabah (1)", "RT (1)", "TASS (1)", "The Moscow Times (1)"]
    article = document.xpath("//article[@data-article-id='tass-denial-2023']")[0]
    assert article.get("data-fd") == "2023-03-02 2023-03-02"
    assert anchor("e", "person:dmitry-peskov") in article.get("data-fe").split()
    assert article.get("data-fo") == anchor("o", "tass")


def test_embedded_json_is_the_dossier(document: Any, dossier: Dossier) -> None:
    [data] = document.xpath("//script[@id='dossier-data']")
    assert data.get("type") == "application/json"
    assert json.loads(data.text) == json.loads(dossier.to_json())
    assert document.xpath("//a[@id='download-json']/@download") == ["dossier.json"]


def test_page_is_a_pure_function_of_the_dossier(dossier: Dossier, page: str) -> None:
    assert render_html(dossier) == page
    assert render_html(Dossier.from_json(dossier.to_json())) == page


def test_hostile_text_everywhere_stays_text() -> None:
    text = f"Before {HOSTILE} after."
    start = text.index("<script>")
    article = Article(
        id='x"><script>',
        source=HOSTILE,
        url="javascript:alert(1)",
        title=HOSTILE,
        outlet=HOSTILE,
        author=HOSTILE,
        text=text,
        boilerplate=[HOSTILE],
        story="s",
        mentions=[Mention(start=start, end=start + 8, text="<script>", entity=HOSTILE, label="PERSON")],
    )
    dossier = Dossier(
        articles=[article],
        entities=[Entity(id=HOSTILE, name=HOSTILE, type=HOSTILE, aliases=[HOSTILE], roles=[HOSTILE])],
        statements=[
            Statement(id=HOSTILE, article=article.id, start=0, end=len(text), speaker_text=HOSTILE, cue=HOSTILE)
        ],
        claims=[
            Claim(
                id=HOSTILE,
                text=HOSTILE,
                stances=[ClaimStance(source_text=HOSTILE, article=article.id, stance="denies", statement=HOSTILE)],
            )
        ],
        events=[
            Event(id=HOSTILE, type=HOSTILE, summary=HOSTILE, evidence=[Evidence(article=article.id, start=0, end=3)])
        ],
        stories=[Story(id="s", title=HOSTILE, articles=[article.id])],
    )
    page = render_html(dossier)
    document = lxml_html.fromstring(page)
    scripts = document.xpath("//script")
    assert [s.get("id") for s in scripts] == ["dossier-data", None]
    assert "alert" not in (scripts[1].text or "")
    assert json.loads(scripts[0].text) == json.loads(dossier.to_json())
    assert page.count("</script>") == 2 and "<!--" not in page
    assert not document.xpath("//b[contains(., 'bold')]") and not document.xpath(
        "//*[@onerror or @onclick or @onmouseover]"
    )
    assert not [h for h in document.xpath("//a/@href") if h.strip().lower().startswith("javascript:")]
    assert text_of(document.xpath("//article//h3")[0]) == " ".join(HOSTILE.split())
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert all(i == i.strip() and "<" not in i and '"' not in i for i in ids)


def test_embed_json_leaves_no_way_out_of_the_script() -> None:
    embedded = embed_json(json.dumps({"a": HOSTILE}))
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded and "\u2028" not in embedded
    assert json.loads(embedded) == {"a": HOSTILE}


def test_empty_dossier_has_empty_states() -> None:
    document = lxml_html.fromstring(render_html(Dossier()))
    assert text_of(by_id(document, "overview")) == "Overview No stories found."
    assert "No articles." in text_of(by_id(document, "articles"))
    assert not document.xpath("//section[contains(@class, 'story')]")


def test_story_without_stage_output_shows_empty_states() -> None:
    article = Article(id="a", source="a.txt", title="Only text", text="Nothing was analysed here.", story="s")
    document = lxml_html.fromstring(
        render_html(Dossier(articles=[article], stories=[Story(id="s", title="T", articles=["a"])]))
    )
    story = by_id(document, "story-s")
    for empty in ("No dated events or claims yet.", "No claims found.", "No events found.", "No entities found."):
        assert empty in text_of(story)


def test_subset_dossier_with_dangling_references_renders() -> None:
    article = Article(id="kept", source="k.txt", title="Kept", text="Burns met Naryshkin.", story="gone-story")
    claim = Claim(
        id="c",
        text="They met",
        event="missing-event",
        stances=[
            ClaimStance(source="missing-entity", article="kept", stance="confirms", statement="missing-statement"),
            ClaimStance(source_text="Someone", article="missing-article", stance="denies"),
        ],
        origin="missing-entity",
    )
    event = Event(
        id="e",
        type="CONSULT",
        summary="Meeting",
        participants=["nobody"],
        date="PRESENT_REF",
        evidence=[Evidence(article="missing-article", start=0, end=5)],
    )
    document = lxml_html.fromstring(render_html(Dossier(articles=[article], claims=[claim], events=[event])))
    unplaced = by_id(document, "story-unplaced")
    assert "Not in a story" in text_of(unplaced)
    row = by_id(document, "claim-c")
    assert "✓ confirms" in text_of(row) and "✗ denies" in text_of(row)
    assert "When the present" in text_of(by_id(document, "event-e")).replace("Whenthe", "When the")
    ids = {e.get("id") for e in document.iter() if e.get("id")}
    hrefs = {a.get("href")[1:] for a in document.iter("a") if (a.get("href") or "").startswith("#")} - {""}
    assert hrefs <= ids


def test_anchors_are_safe_and_stable() -> None:
    assert anchor("story", "story-ec64a6d9bb7e") == "story-ec64a6d9bb7e"
    assert article_anchor("white-house-briefing") == "article-white-house-briefing"
    odd = slug("000_f3117bed6d44b371:s0")
    assert odd.startswith("000_f3117bed6d44b371_s0-") and odd == slug("000_f3117bed6d44b371:s0")
    assert slug("a:b") != slug("a/b")
    assert slug("<>") and set(slug('"><script>')) <= set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
    )


def test_an_article_without_outlet_is_named_by_its_quoted_title() -> None:
    article = Article(
        id="a1",
        source="a1.txt",
        text="Body.",
        title="Sergei Naryshkin, head of Russia's Foreign Intelligence Service, met the CIA chief",
        published="2022-11-14",
    )
    label = DossierIndex(Dossier(articles=[article])).article_source_label("a1")
    assert label.startswith("“Sergei Naryshkin, head of Russia")
    assert label.endswith("…”, 2022-11-14")
    assert DossierIndex(Dossier(articles=[article.model_copy(update={"outlet": "RT"})])).article_source_label("a1") == (
        "RT, 2022-11-14"
    )


def test_entity_cards_list_the_entities_of_a_storys_articles_that_no_mention_names(dossier: Dossier) -> None:
    from crosswire.report.views import build_report

    story = next(view for view in build_report(dossier).stories if view.article_ids)
    outside = next(a.id for a in dossier.articles if a.id not in story.article_ids)
    listed = [
        Entity(id="x-late", name="Aster Vale", type="PERSON", articles=[story.article_ids[-1]]),
        Entity(id="x-away", name="Brill Harbour", type="LOC", articles=[outside]),
        Entity(id="x-early", name="Aster Vale", type="ORG", articles=[outside, story.article_ids[0]]),
    ]
    grown = dossier.model_copy(update={"entities": [*dossier.entities, *listed]})
    cards = next(view for view in build_report(grown).stories if view.article_ids == story.article_ids).entities
    extra = [(card.entity.id, card.mentions, card.articles) for card in cards if card.entity.id.startswith("x-")]
    # No mention in the story's text, yet its articles: a card with no mentions, ties in the dossier's order.
    assert extra == [("x-late", 0, 1), ("x-early", 0, 1)]
    before = next(view for view in build_report(dossier).stories if view.article_ids == story.article_ids).entities
    assert [card.entity.id for card in cards if not card.entity.id.startswith("x-")] == [c.entity.id for c in before]
