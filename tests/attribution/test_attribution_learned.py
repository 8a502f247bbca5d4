"""Constructions added with the learned attribution steps, on sentences written for them."""

from __future__ import annotations

import pytest

from crosswire.attribution import bounds, cue_model
from crosswire.attribution import finder as attribution
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement
from crosswire.nlp.parse import doc_of


def article_of(text: str) -> Article:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    return article


def run(text: str) -> list[Statement]:
    return attribution.extract(article_of(text))


def rules_only(text: str) -> list[Statement]:
    return attribution.extract(article_of(text), frozenset())


def test_a_title_that_opens_with_a_source_and_a_colon_is_a_statement() -> None:
    text = "Pence: Gennifer Flowers will not be at the debate\n\nThe governor spoke to supporters in Ohio on Sunday."
    found = [s for s in run(text) if s.cue == ":"]
    assert len(found) == 1
    assert found[0].speaker_text == "Pence"
    assert found[0].content == "Gennifer Flowers will not be at the debate"


def test_a_colon_after_the_title_is_not_a_headline_source() -> None:
    text = "The debate is set for Monday night\n\nPence: the governor will not attend the event in Ohio."
    assert not [s for s in run(text) if s.cue == ":"]


def test_an_object_content_stops_before_the_circumstances_of_the_saying() -> None:
    found = [s for s in rules_only("Trump attacked Machado in early-morning tweets on Friday.") if s.cue == "attacked"]
    assert [s.content for s in found] == ["Machado"]


def test_an_object_content_keeps_the_phrase_that_continues_it() -> None:
    text = "The senator accused the governor of corruption during the hearing on Tuesday."
    found = [s for s in rules_only(text) if s.cue == "accused"]
    assert [s.content for s in found] == ["the governor of corruption"]


def test_the_cue_classifier_reads_a_verb_outside_the_lexicon() -> None:
    text = "At a rally in Ohio, Sanders railed against the corrupting influence of super PACs."
    found = [s for s in run(text) if s.cue == "railed"]
    assert len(found) == 1
    assert found[0].speaker_text == "Sanders"
    assert found[0].content == "the corrupting influence of super PACs"
    assert not [s for s in rules_only(text) if s.cue == "railed"]


def test_without_the_trained_models_the_rules_run_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "At a rally in Ohio, Sanders railed against super PACs. The mayor said the bridge would reopen."
    monkeypatch.setattr(cue_model, "_models", lambda: {})
    found = run(text)
    assert [s.cue for s in found] == ["said"]
    assert found[0].content == "the bridge would reopen"


def test_a_nested_citation_is_not_read_again_by_the_classifier() -> None:
    text = "Kommersant reported, citing an unnamed source, that the ferry owners would sue the city."
    citing = [s for s in run(text) if s.cue == "citing"]
    assert len(citing) == 1 and citing[0].via


def test_the_ceiling_counts_a_gold_attribution_a_proposal_on_its_cue_would_match() -> None:
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        import polnear
    finally:
        sys.path.remove(str(bench))
    text = "Mayor Lin scolded the council for its budget delays."
    article = article_of(text)
    found = [
        ((p.token.idx, p.token.idx + len(p.token.text)), bounds.trim(text, *p.content))
        for p in attribution.proposals(article)
    ]
    content = text.index("the council")
    cue = text.index("scolded")

    def gold(cue_span: tuple[int, int], end: int) -> polnear.Gold:
        return polnear.Gold(set(range(content, end)), [(0, 9)], text[slice(*cue_span)], text[content:end], [cue_span])

    assert polnear.addable(gold((cue, cue + 7), len(text) - 1), found)
    # the right cue but a content no reading of it matches, or the right content on another word: not addable
    assert not polnear.addable(gold((cue, cue + 7), content + 4), found)
    assert not polnear.addable(gold((0, 5), len(text) - 1), found)


@pytest.mark.parametrize(
    ("title", "cue", "speaker", "content"),
    [
        (
            "Conservative Icon Morton Blackwell Endorses Ted Cruz.",
            "Endorses",
            "Conservative Icon Morton Blackwell",
            "Ted Cruz",
        ),
        ("Regulator Slams Bank Over Hidden Fees", "Slams", "Regulator", "Bank Over Hidden Fees"),
        ("Putin chides Turkey and praises Trump at news conference", "praises", "Putin", "Trump at news conference"),
    ],
)
def test_a_title_verb_the_tagger_reads_as_a_noun_is_a_cue(title: str, cue: str, speaker: str, content: str) -> None:
    text = f"{title}\n\nThe remarks came on Friday, officials in the capital said."
    found = [s for s in run(text) if s.cue == cue]
    assert [(s.speaker_text, s.content) for s in found] == [(speaker, content)]
    assert not [s for s in rules_only(text) if s.cue == cue]


@pytest.mark.parametrize(
    "title",
    [
        "Paris attacks test the president's strategy",  # the subject of the verb that follows
        "The company's plans for the merger",  # a noun after a possessive
        "Why the senator's claims about the budget could backfire",
    ],
)
def test_a_noun_of_a_title_is_not_read_as_a_verb(title: str) -> None:
    doc = doc_of(article_of(f"{title}\n\nThe board met on Friday."))
    assert [v.token.text for v in cue_model.title_verbs(doc, set())] == []


def test_a_long_first_paragraph_is_not_a_title() -> None:
    text = (
        "Voters in the northern districts, where the mayor campaigned for weeks, heard on Tuesday that the council "
        "Praises Residents for their patience during the long and costly repairs of the old bridge over the river.\n\n"
        "The works end in May."
    )
    assert cue_model.title_end(text) == 0
    assert not list(cue_model.title_verbs(doc_of(article_of(text)), set()))
