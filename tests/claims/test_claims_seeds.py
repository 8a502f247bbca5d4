"""The acceptance checks of "does it hold up" and of the timeline and coverage on ../shared/seeds (skip without it)."""

from __future__ import annotations

from claims_support import seed_article_id

from crosswire.model import Claim, Dossier


def _claims_with(dossier: Dossier, words: str) -> list[Claim]:
    return [claim for claim in dossier.claims if words.lower() in claim.text.lower()]


def _articles(claim: Claim) -> set[str]:
    return {stance.article for stance in claim.stances}


def test_not_conducting_negotiations_is_one_claim_in_two_articles(seeds_dossier: Dossier) -> None:
    found = _claims_with(seeds_dossier, "not conducting negotiations")
    assert len(found) == 1
    assert {seed_article_id(seeds_dossier, "001"), seed_article_id(seeds_dossier, "002")} <= _articles(found[0])


def test_the_ankara_talks_are_corroborated_by_independent_confirmations(seeds_dossier: Dossier) -> None:
    names = {entity.id: entity.name for entity in seeds_dossier.entities}
    ankara = [claim for claim in seeds_dossier.claims if "Ankara" in claim.text and len(_articles(claim)) >= 2]
    assert ankara
    talks = max(ankara, key=lambda claim: len(claim.stances))
    confirmers = {names.get(s.source or "", s.source_text) for s in talks.stances if s.stance == "confirms"}
    assert "Fahrettin Altun" in confirmers and "Dmitry Peskov" in confirmers
    assert talks.verdict == "corroborated"
    assert talks.independent_sources >= 2
    # Kommersant, citing an anonymous source, put it out first.
    assert names.get(talks.origin or "") == "Kommersant"
    assert any(s.stance == "declines" for s in talks.stances)
    assert any(s.stance == "neither" for s in talks.stances)


def test_the_secret_talks_with_lavrov_are_denied_or_contested(seeds_dossier: Dossier) -> None:
    in_003 = seed_article_id(seeds_dossier, "003")
    secret = [
        claim
        for claim in seeds_dossier.claims
        if in_003 in _articles(claim) and ("secret talks" in claim.text or "Lavrov" in claim.text)
    ]
    assert secret
    assert {claim.verdict for claim in secret} & {"denied", "contested"}
    assert all(claim.verdict != "corroborated" for claim in secret)


def test_the_friday_and_november_19_dates_contradict(seeds_dossier: Dossier) -> None:
    values = [{value.value for value in c.values} for c in seeds_dossier.contradictions if c.kind == "value"]
    assert {"2022-11-18", "2022-11-19"} in values


def test_the_kremlin_changes_its_answer(seeds_dossier: Dossier) -> None:
    found = [c for c in seeds_dossier.contradictions if c.kind == "stance" and (c.summary or "").startswith("Kremlin")]
    assert found
    stances = [value.value for value in found[0].values]
    assert "confirms" in stances and ("neither" in stances or "declines" in stances)


def test_the_timeline_is_sorted_and_holds_the_meeting(seeds_dossier: Dossier) -> None:
    from crosswire.stories.timeline import sort_key

    dates = [entry.date for entry in seeds_dossier.timeline]
    assert dates == sorted(dates, key=sort_key)
    assert "2022-11-14" in dates
    meeting = [entry for entry in seeds_dossier.timeline if entry.date == "2022-11-14"]
    assert all(entry.first_reported in entry.articles for entry in meeting)


def test_coverage_shows_what_only_one_outlet_has(seeds_dossier: Dossier) -> None:
    first = seed_article_id(seeds_dossier, "000")
    second = seed_article_id(seeds_dossier, "001")
    claims = {claim.id: claim for claim in seeds_dossier.claims}
    story = next(story for story in seeds_dossier.stories if first in story.articles)
    coverage = {tuple(item.articles): item for item in story.coverage}
    only_first = [claims[c].text for c in coverage[(first,)].exclusive_claims]
    only_second = [claims[c].text for c in coverage[(second,)].exclusive_claims]
    assert any("torpedoed by the UK" in text for text in only_first)
    assert any("Griner" in text for text in only_second)
