"""A citation whose object is no source is a reason given, not a statement and not a relay: "declined to comment,
citing the ongoing proceedings", "withdrew its offer, citing market conditions", "blocked the sale, citing a 2019
law", "raised its forecast, citing data from the statistics office". A source cited ("citing police") is still the
cited one's statement relayed through the citing one's. Passages of a doping case, a takeover, a court, an economy
and a wildfire."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, statements

from crosswire.model import Dossier

PASSAGES = {
    "doping": "The Athletics Integrity Unit declined to comment, citing the ongoing proceedings.\n",
    "takeover": "Harbour Group withdrew its offer for the ferry operator on Monday, citing market conditions.\n",
    "court": "A judge in Lyon blocked the sale of the vineyard, citing a 2019 law on foreign ownership of farmland.\n",
    "economy": "The central bank raised its growth forecast to 2.1 percent, citing data from the statistics office"
    " showing stronger exports.\n",
    "wildfire": "Two people have died in the fire, the county fire service said on Monday, citing police.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


@pytest.mark.parametrize("name", ["doping", "takeover", "court", "economy"])
def test_a_reason_cited_is_no_statement(dossier: Dossier, name: str) -> None:
    assert not [s for s in statements(dossier, name) if (s.cue or "").lower() in {"citing", "cited"}]


def test_a_decline_citing_a_reason_stays_a_decline(dossier: Dossier) -> None:
    (unit,) = statements(dossier, "doping")
    assert unit.stance_class == "decline" and not unit.via


def test_a_source_cited_is_still_relayed(dossier: Dossier) -> None:
    found = statements(dossier, "wildfire")
    (police,) = [s for s in found if s.speaker_text == "police"]
    (service,) = [s for s in found if s.id in police.via]
    assert "fire service" in (service.speaker_text or "")
