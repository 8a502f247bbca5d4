"""One-line texts (headlines) are read by their cues: sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.check.headline import (
    HEADLINE_FEATURES,
    is_headline,
    load_headline_model,
    override_headlines,
    read_headline,
    read_headline_model,
)
from crosswire.check.model import STANCES, ModelError
from crosswire.check.pairs import Pair, check_articles, check_pairs
from crosswire.model import Article

CLAIM = "The mayor of Lakeport resigned after a corruption inquiry"


@pytest.mark.parametrize(
    ("headline", "stance"),
    [
        ("Lakeport mayor quits as corruption inquiry widens", "supports"),
        ("Lakeport mayor resignation story is a hoax, city hall says", "refutes"),
        ("Lakeport mayor denies he resigned over corruption inquiry", "refutes"),
        ("Lakeport mayor did not resign after the inquiry", "refutes"),
        ("Lakeport mayor reportedly resigned after corruption inquiry", "discusses"),
        ("Did the Lakeport mayor resign over the corruption inquiry?", "discusses"),
        ("Lakeport mayor may have quit over inquiry, sources say", "discusses"),
        ("Heavy snow closes the mountain pass for a third day", "unrelated"),
    ],
)
def test_headline_cues_decide_the_stance(headline: str, stance: str) -> None:
    similarity = 0.1 if stance == "unrelated" else 0.6
    reading = read_headline(CLAIM, headline, similarity)
    assert reading.stance == stance
    assert 0.0 <= reading.score <= 1.0


def test_a_cue_the_claim_itself_holds_is_not_a_stance() -> None:
    claim = "The minister denied the bribery reports"
    assert read_headline(claim, "Minister denied bribery reports on Monday", 0.7).stance == "supports"
    assert read_headline(claim, "Minister never denied the bribery reports", 0.7).stance == "refutes"


def test_only_one_short_sentence_is_a_headline() -> None:
    assert is_headline("Lakeport mayor quits as corruption inquiry widens")
    assert not is_headline("The mayor quit on Tuesday. The council confirmed it in a statement.")
    assert not is_headline(" ".join(["word"] * 60))
    assert not is_headline("   ")


def test_bodies_keep_the_networks_decision() -> None:
    pairs = [(CLAIM, "The mayor quit on Tuesday. The council confirmed it."), (CLAIM, "Mayor resignation is fake")]
    decided = override_headlines(pairs, [0.6, 0.6], [("discusses", 0.5), ("supports", 0.5)])
    assert decided[0] == ("discusses", 0.5)
    assert decided[1][0] == "refutes"


def test_check_reads_headline_texts_in_pairs_and_articles() -> None:
    records = [
        Pair(id=1, claim=CLAIM, text="Lakeport mayor resignation rumour is fake, city hall says", line=1),
        Pair(id=2, claim=CLAIM, text="Lakeport mayor reportedly resigned after corruption inquiry", line=2),
    ]
    assert [r.stance for r in check_pairs(records)] == ["refutes", "discusses"]
    article = Article(id="h", source="h.txt", text="Lakeport mayor resignation rumour is fake, city hall says")
    (result,) = check_articles(CLAIM, [article])
    assert result.stance == "refutes"
    assert result.score == pytest.approx(result.probabilities["refutes"])
    assert sum(result.probabilities.values()) == pytest.approx(1.0)


def test_a_denial_on_either_side_only_refutes_and_a_shared_one_agrees() -> None:
    denial = "No, the Lakeport mayor did not resign after the corruption inquiry"
    assert read_headline(denial, "Lakeport mayor resigns after corruption inquiry", 0.7).stance == "refutes"
    assert read_headline(denial, "Lakeport mayor resignation story is fake", 0.7).stance == "supports"
    assert read_headline(denial, "Rumours of Lakeport mayor's resignation are a hoax", 0.7).stance == "supports"
    doubt = read_headline(CLAIM, "Experts cast doubt on Lakeport mayor resignation story", 0.7)
    assert doubt.stance == "refutes" and doubt.cue == "doubt"


@given(claim=st.text(max_size=200), text=st.text(max_size=200), similarity=st.floats(-1.0, 1.0))
def test_any_pair_of_texts_gets_a_stance_and_a_score_in_range(claim: str, text: str, similarity: float) -> None:
    reading = read_headline(claim, text, similarity)
    assert reading.stance in STANCES
    assert 0.0 <= reading.score <= 1.0


# Short headlines written for these tests, from many domains: (claim, headline, stance).
DOMAINS = [
    # mergers and business
    ("Northwind will buy Contoso for 4 billion dollars", "Northwind agrees 4bn deal to buy Contoso", "supports"),
    ("Northwind will buy Contoso for 4 billion dollars", "Northwind pulls out of Contoso takeover", "refutes"),
    ("Northwind will buy Contoso for 4 billion dollars", "Northwind denies it is in talks to buy Contoso", "refutes"),
    ("Northwind will buy Contoso for 4 billion dollars", "Northwind reportedly in talks to buy Contoso", "discusses"),
    ("Northwind will buy Contoso for 4 billion dollars", "Could Northwind buy Contoso?", "discusses"),
    # trials and courts
    ("A jury convicted the former senator of bribery", "Former senator found guilty of bribery", "supports"),
    ("A jury convicted the former senator of bribery", "Bribery conviction report is false, lawyer says", "refutes"),
    ("A jury convicted the former senator of bribery", "Former senator may face bribery verdict, sources say",
     "discusses"),
    # war and conflict
    ("Rebels captured the northern airport", "Rebels seize northern airport after heavy fighting", "supports"),
    ("Rebels captured the northern airport", "Army says rebels did not capture the airport", "refutes"),
    ("Rebels captured the northern airport", "Rebels allegedly captured northern airport", "discusses"),
    # sport
    ("The striker will join the champions next season", "Striker set to join champions next season", "supports"),
    ("The striker will join the champions next season", "Striker rules out move to champions", "refutes"),
    ("The striker will join the champions next season", "Striker in talks with champions over move",
     "discusses"),
    # science and health
    ("A new drug cures the disease in mice", "Officials confirm new drug cured disease in mice", "supports"),
    ("A new drug cures the disease in mice", "Claims that new drug cures disease are a hoax", "refutes"),
    ("A new drug cures the disease in mice", "New drug might cure disease, study suggests", "discusses"),
    # technology
    ("The phone maker delayed its folding phone", "Phone maker delays folding phone to next year", "supports"),
    ("The phone maker delayed its folding phone", "Phone maker: folding phone not delayed", "refutes"),
    ("The phone maker delayed its folding phone", "Analyst predicts folding phone delay", "discusses"),
]  # fmt: skip


@pytest.mark.parametrize(("claim", "headline", "stance"), DOMAINS)
def test_headline_readings_across_domains(claim: str, headline: str, stance: str) -> None:
    reading = read_headline(claim, headline, 0.7)
    assert reading.stance == stance, reading


def test_observing_cues_stay_apart_from_supporting_ones() -> None:
    claim = "The singer cancelled her world tour"
    plain = read_headline(claim, "Singer cancels world tour", 0.8)
    hedged = [
        read_headline(claim, text, 0.8)
        for text in (
            "Singer reportedly cancels world tour",
            "Singer cancels world tour, sources say",
            "Has the singer cancelled her world tour?",
            "Singer could cancel world tour",
        )
    ]
    assert plain.stance == "supports"
    assert [h.stance for h in hedged] == ["discusses"] * 4
    assert [h.cue for h in hedged][:1] == ["reportedly"]


def test_the_reading_names_its_cue_and_a_probability() -> None:
    reading = read_headline(CLAIM, "Lakeport mayor resignation is a hoax", 0.7)
    assert reading.stance == "refutes" and reading.cue == "hoax"
    assert 0.5 < reading.score <= 1.0


def test_headline_model_file_round_trips_and_rejects_other_files(tmp_path: Path) -> None:
    model = load_headline_model()
    model.save(tmp_path / "h.npz")
    again = read_headline_model(tmp_path / "h.npz")
    assert np.allclose(again.weights, model.weights) and again.weights.shape == (len(HEADLINE_FEATURES), 3)
    np.savez(tmp_path / "other.npz", header=np.array(json.dumps({"format": "other"})))
    with pytest.raises(ModelError, match="not a crosswire/headline-model"):
        read_headline_model(tmp_path / "other.npz")
