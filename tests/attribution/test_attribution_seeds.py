"""The issue's acceptance checks for "who said what" on ../shared/seeds (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.attribution.quotes import find_quotes
from crosswire.model import Dossier, Entity, Statement

_CACHE: dict[str, Dossier] = {}


@pytest.fixture
def dossier(seeds_dir: Path, tmp_path: Path) -> Dossier:
    if "seeds" not in _CACHE:
        _CACHE["seeds"] = analyze([str(seeds_dir)], tmp_path / "out").dossier
    return _CACHE["seeds"]


def article_id(dossier: Dossier, prefix: str) -> str:
    return next(a.id for a in dossier.articles if Path(a.source).name.startswith(prefix))


def statements(dossier: Dossier, prefix: str) -> list[Statement]:
    wanted = article_id(dossier, prefix)
    return [s for s in dossier.statements if s.article == wanted]


def entity(dossier: Dossier, alias: str) -> Entity:
    found = [e for e in dossier.entities if alias in e.aliases]
    assert found, alias
    return found[0]


def by_speaker(dossier: Dossier, prefix: str, alias: str) -> list[Statement]:
    wanted = entity(dossier, alias).id
    return [s for s in statements(dossier, prefix) if s.speaker == wanted]


def test_statements_are_in_the_dossier_with_unique_ids(dossier: Dossier) -> None:
    ids = [s.id for s in dossier.statements]
    assert ids and len(ids) == len(set(ids))
    for statement in dossier.statements:
        article = dossier.article(statement.article)
        assert article is not None
        assert statement.content_start is not None and statement.content_end is not None
        if statement.direct:
            assert article.text[statement.content_start] in "\"“'"
        if statement.cue_start is not None and statement.cue_end is not None:
            assert article.text[statement.cue_start : statement.cue_end] == statement.cue


def test_altun_confirms_in_a_direct_quote(dossier: Dossier) -> None:
    altun = by_speaker(dossier, "001", "Altun")
    assert any(s.direct and s.stance_class == "confirm" and "We confirm" in s.content for s in altun)


def test_peskov_confirms(dossier: Dossier) -> None:
    assert any(s.stance_class == "confirm" for s in by_speaker(dossier, "000", "Peskov"))


def test_kremlin_neither_confirms_nor_denies(dossier: Dossier) -> None:
    assert any(s.stance_class == "neither" for s in by_speaker(dossier, "001", "Kremlin"))


def test_turkish_official_declines_anonymously(dossier: Dossier) -> None:
    found = [s for s in statements(dossier, "001") if s.speaker_text and "Turkish official" in s.speaker_text]
    assert found and found[0].stance_class == "decline"
    assert found[0].speaker is None and found[0].source_type == "anonymous"


def test_zakharova_and_sullivan_deny(dossier: Dossier) -> None:
    assert any(s.stance_class == "deny" for s in by_speaker(dossier, "003", "Zakharova"))
    sullivan = by_speaker(dossier, "003", "Jake Salevan")
    assert sullivan and sullivan[0].speaker == entity(dossier, "Jake Sullivan").id
    assert any(s.stance_class == "deny" for s in sullivan)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_kommersant_report_is_relayed_from_an_anonymous_source(dossier: Dossier, prefix: str) -> None:
    found = statements(dossier, prefix)
    kommersant = {s.id for s in found if s.speaker_text and "Kommersant" in s.speaker_text and s.source_type == "media"}
    assert kommersant
    relayed = [s for s in found if s.source_type == "anonymous" and set(s.via) & kommersant]
    assert relayed and relayed[0].speaker is None and relayed[0].speaker_text


def test_nsc_spokesperson_is_relayed_via_bertrand(dossier: Dossier) -> None:
    found = statements(dossier, "002")
    by_id = {s.id: s for s in found}
    bertrand = entity(dossier, "Bertrand").id
    spokesperson = [s for s in found if s.speaker_text == "the NSC spokesperson"]
    assert spokesperson and spokesperson[0].direct
    assert [by_id[v].speaker for v in spokesperson[0].via] == [bertrand]


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_every_quote_is_found_with_its_speaker(dossier: Dossier, prefix: str) -> None:
    article = dossier.article(article_id(dossier, prefix))
    assert article is not None
    found = statements(dossier, prefix)
    for quote in find_quotes(article.text):
        if not quote.is_statement or "Moscow Times" in article.text[quote.start - 300 : quote.start]:
            continue  # the Moscow Times' appeal for donations is not reporting
        holders = [s for s in found if s.content_start is not None and s.content_end is not None]
        covering = [s for s in holders if s.content_start <= quote.start and quote.end <= s.content_end]
        assert covering, article.text[quote.start : quote.end]
        assert any(s.speaker is not None for s in covering), article.text[quote.start : quote.end]
