"""The reference articles in ../shared/seeds, cleaned by the whole pipeline (skips without ../shared).

The golden file ``golden/seeds_clean.json`` records title, outlet, published and boilerplate of each seed as the code
produces them now. After an intended change, regenerate it with::

    CROSSWIRE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/clean/test_seeds_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from crosswire.analyze import AnalysisResult, analyze
from crosswire.model import Article

# The same place tests/conftest.py looks. Not imported from there: tests/ingest has its own conftest.py, and
# `from conftest import ...` picks whichever conftest module pytest imported last.
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
GOLDEN = Path(__file__).parent / "golden" / "seeds_clean.json"
UPDATE_ENV = "CROSSWIRE_UPDATE_GOLDEN"
REGENERATE = f"regenerate it with: {UPDATE_ENV}=1 .venv/bin/pytest tests/clean/test_seeds_golden.py"


def seed_file(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` (e.g. "002"); skips where ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    return next(SEEDS.glob(f"{prefix}_*"))


@pytest.fixture(scope="module")
def seeds_result(tmp_path_factory: pytest.TempPathFactory) -> AnalysisResult:
    seeds_dir = seed_file("000").parent
    return analyze([str(seeds_dir)], tmp_path_factory.mktemp("seeds"))


def seed(result: AnalysisResult, prefix: str) -> Article:
    found = [a for a in result.dossier.articles if a.id.startswith(f"{prefix}_")]
    assert len(found) == 1, f"expected one article for seed {prefix}, got {[a.id for a in found]}"
    return found[0]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def squash(text: str) -> str:
    return " ".join(text.split())


def seed_lines(prefix: str) -> list[str]:
    """The seed file's non-blank lines, whitespace squashed as the cleaner does."""
    return [squash(line) for line in seed_file(prefix).read_text(encoding="utf-8").split("\n") if line.strip()]


def test_every_seed_is_analysed(seeds_result: AnalysisResult) -> None:
    assert seeds_result.failures == []
    assert sorted(a.id[:3] for a in seeds_result.dossier.articles) == ["000", "001", "002", "003", "004"]
    for article in seeds_result.dossier.articles:
        assert article.text.strip(), article.id
        assert article.language == "en"


# --- 002: The Moscow Times, donation banner on top and appeal at the end -----------------------------------------

BANNER_002 = [
    "Enjoying ad-free content?",
    "Support us",
    "Our journalism is banned in Russia. We need your help to keep providing you with the truth.",
]
APPEAL_002 = [
    "A Message from The Moscow Times:",
    "Dear readers,",
    "We are facing unprecedented challenges.",
    "Not ready to support today?",
    "Remind me later.",
]
NEWS_002 = [
    "The heads of Russian and U.S. intelligence held an unannounced meeting",
    "The head of Russia's Foreign Intelligence Service (SVR) Sergei Naryshkin arrived in Ankara",
    "While both the Turkish authorities and the Kremlin refused to comment",
    '"He is conveying a message on the consequences of the use of nuclear weapons',
    "The meeting comes as the annual G20 summit got underway",
    "Relations between Washington and Moscow have been at a historic low point",
]


@pytest.mark.parametrize("line", BANNER_002 + APPEAL_002)
def test_002_banner_and_appeal_are_boilerplate(seeds_result: AnalysisResult, line: str) -> None:
    article = seed(seeds_result, "002")
    assert line not in article.text
    assert any(removed.startswith(line) for removed in article.boilerplate), f"{line!r} not in boilerplate"


@pytest.mark.parametrize("start", NEWS_002)
def test_002_every_news_paragraph_is_text(seeds_result: AnalysisResult, start: str) -> None:
    article = seed(seeds_result, "002")
    paragraph = next(line for line in seed_lines("002") if line.startswith(start))
    assert paragraph in lines_of(article.text), "the whole paragraph must be a line of the text"
    assert "The last high-level talks between Moscow and Washington" in article.text


def test_002_metadata(seeds_result: AnalysisResult) -> None:
    article = seed(seeds_result, "002")
    assert article.outlet == "The Moscow Times"
    assert article.title == "U.S. and Russian Spy Chiefs Hold Talks in Ankara"
    assert article.title not in lines_of(article.text)


# --- 003: short broken lines that are all article ----------------------------------------------------------------


def test_003_menu_goes_and_short_lines_stay(seeds_result: AnalysisResult) -> None:
    article = seed(seeds_result, "003")
    lines = lines_of(article.text)
    assert "Min menu" not in lines
    assert "Min menu" in article.boilerplate
    for line in [
        "White House",
        "Earlier :",
        "NBC reported :",
        "Russian Foreign Affairs spokeswoman Maria Zakharova said :",
    ]:
        assert line in lines, line
    for quote in [
        "Lavrov has not conducted any negotiations on",
        "any second or third track about Ukraine.",
        "This is fake news that was deliberately pumped.",
        '"I am grateful to you for this question',
    ]:
        assert quote in article.text, quote
    assert article.title is not None
    assert article.title.startswith("Moscow renews its denial of what was reported")


# --- 004: blog footer ----------------------------------------------------------------------------------------------

FOOTER_004 = [
    "Comments",
    "Popular posts from this blog",
    "Kamala Harris Has More Billionaires Openly Backing Her Than Trump (But Many Are Staying Silent)",
    "Lando Norris: From Horseback To Pole Position - Inside The Rise Of F1's Newest Sensation",
    "Trump Vs. Harris 2024 Polls: Harris Expands Lead In Latest Survey",
]


def test_004_footer_goes_and_every_body_paragraph_stays(seeds_result: AnalysisResult) -> None:
    article = seed(seeds_result, "004")
    lines = lines_of(article.text)
    for line in FOOTER_004:
        assert line not in lines, line
        assert line in article.boilerplate, line
    source = seed_lines("004")
    body = source[1 : source.index("Comments")]
    assert len(body) >= 10
    assert lines == body, "the text must be every body paragraph and sub-heading, in order"
    assert "Economic Ties at the Forefront" in lines
    assert lines[-1].startswith("His inclusion in the Kremlin’s negotiation team")
    assert article.title == "Kremlin Assembles Negotiation Team For US Talks On Ukraine"


# --- 000 and 001 ---------------------------------------------------------------------------------------------------


def test_000_header_gives_the_date(seeds_result: AnalysisResult) -> None:
    article = seed(seeds_result, "000")
    assert article.published == "2022-11-14"
    assert article.published_from == "header"
    assert "date 2022-11-14" not in article.text
    assert "date 2022-11-14 Sergei Naryshkin top spy russia" in article.boilerplate
    assert lines_of(article.text)[-1].startswith("Ankara also helped the UN to launch the Black Sea Initiative")


def test_001_title_and_caption(seeds_result: AnalysisResult) -> None:
    article = seed(seeds_result, "001")
    assert article.title == "US, Russian officials hold unannounced talks in Ankara"
    assert "(Reuters File Photo)" not in article.text
    # No date of its own: it is dated from its sibling 000, which reports the same Monday meeting.
    assert (article.published, article.published_from) == ("2022-11-14", "story")
    assert lines_of(article.text)[-1].startswith("U.S. national security adviser Jake Sullivan said on Thursday")


# --- golden --------------------------------------------------------------------------------------------------------


def snapshot(result: AnalysisResult) -> dict[str, dict[str, Any]]:
    return {
        a.id: {"title": a.title, "outlet": a.outlet, "published": a.published, "boilerplate": a.boilerplate}
        for a in result.dossier.articles
    }


def test_matches_golden(seeds_result: AnalysisResult) -> None:
    current = snapshot(seeds_result)
    if os.environ.get(UPDATE_ENV) == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert GOLDEN.is_file(), f"{GOLDEN} is missing; {REGENERATE}"
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    differences = []
    for article_id in sorted(set(golden) | set(current)):
        for key in ("title", "outlet", "published", "boilerplate"):
            was, now = golden.get(article_id, {}).get(key), current.get(article_id, {}).get(key)
            if was != now or (article_id in golden) != (article_id in current):
                differences.append(f"{article_id}.{key}: golden {was!r} != now {now!r}")
    assert not differences, (
        "the cleaned seeds differ from the golden file:\n  "
        + "\n  ".join(differences)
        + f"\nIf the change is intended, {REGENERATE}"
    )
