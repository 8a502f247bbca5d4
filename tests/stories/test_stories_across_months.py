"""One story across registers and months, and two stories that share a court or a company: through ``analyze``.

Short articles written for the stories layer (``tests/stories/months/*.jsonl``, JSON Lines records as the contract
reads them), in domains unlike the real stories and the written rounds. The expectations below (which articles form
one story, which stay apart) were written and committed before the pipeline first read the articles.

- a footbridge collapse, its investigation, the charges eleven weeks later and the trial seven months later (wire
  copy, a local paper, a radio transcript, a one-line feed item): one story;
- a blackout after a substation fire told as wire copy, a radio transcript that never names the country, a
  newspaper's correction and a one-line feed item: one story;
- a cargo plane off the runway, then the investigators' preliminary report five weeks later (wire, a local paper,
  a radio transcript): one story;
- two unrelated cases at one city's crown court in one week (a landlord fined, a footballer cleared): two stories;
- one appliance maker's two recalls a month apart (kettles, then baby monitors), both announced to the same agency:
  two stories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.model import Dossier

MONTHS = Path(__file__).parent / "months"

ONE_STORY = {
    "footbridge: collapse, charges, trial": [
        "bridge-wire",
        "bridge-local",
        "bridge-charges",
        "bridge-trial-tv",
        "bridge-trial-feed",
    ],
    "blackout: wire, transcript, correction, feed": [
        "blackout-wire",
        "blackout-radio",
        "blackout-correction",
        "blackout-feed",
    ],
    "cargo plane: accident, then the preliminary report": ["crash-wire", "crash-local", "crash-report", "crash-radio"],
    "court: the landlord": ["court-landlord-wire", "court-landlord-local"],
    "court: the footballer": ["court-footballer-wire", "court-footballer-local"],
    "recall: the kettles": ["recall-kettle-wire", "recall-kettle-local"],
    "recall: the baby monitors": ["recall-monitor-wire", "recall-monitor-local"],
}

APART = {
    "one court, one week, two cases": ("court-landlord-", "court-footballer-"),
    "one maker, two recalls a month apart": ("recall-kettle-", "recall-monitor-"),
    "the footbridge and the blackout": ("bridge-", "blackout-"),
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | None]:
    dossier: Dossier = analyze([str(MONTHS)], tmp_path_factory.mktemp("stories-months")).dossier
    return {a.id: a.story for a in dossier.articles}


@pytest.mark.parametrize("name", sorted(ONE_STORY))
def test_one_story(stories: dict[str, str | None], name: str) -> None:
    found = {member: stories[member] for member in ONE_STORY[name]}
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize("name", sorted(APART))
def test_stay_apart(stories: dict[str, str | None], name: str) -> None:
    first, second = APART[name]
    a = {s for article, s in stories.items() if article.startswith(first)}
    b = {s for article, s in stories.items() if article.startswith(second)}
    assert a and b and not a & b, (a, b)
