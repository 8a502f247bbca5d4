"""The learned boundary tagger: tokens, Viterbi decoding, the npz model file, and how it re-edges rule candidates."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.time import tagger
from crosswire.time.rules import Candidate, Ctx, Resolved
from crosswire.time.timex import candidates


def _fixed(value: str) -> Callable[[Ctx], Resolved]:
    def resolve(ctx: Ctx) -> Resolved:
        return value, None

    return resolve


def toy_model(begin: dict[str, float], inside: dict[str, float]) -> tagger.Model:
    """A hand-set model: features ``w=WORD`` push B or I by the given weights; O has a small constant lead."""
    names = sorted(set(begin) | set(inside))
    index = {f"w={name}": i for i, name in enumerate(names)}
    weights = np.zeros((len(names), 3))
    for name, w in begin.items():
        weights[index[f"w={name}"], 1] = w
    for name, w in inside.items():
        weights[index[f"w={name}"], 2] = w
    return tagger.Model(index, weights, np.zeros((3, 3)), np.array([1.0, 0.0, 0.0]))


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ("in the mid-1990s,", ["in", "the", "mid", "-", "1990", "s", ","]),
        ("at 8:30 a.m. on Nov. 19.", ["at", "8", ":", "30", "a", ".", "m", ".", "on", "Nov", ".", "19", "."]),
        ("the ’70s", ["the", "’", "70", "s"]),
    ],
)
def test_tokens_are_fine_enough_for_every_annotated_edge(text: str, edges: list[str]) -> None:
    tokens = tagger.tokenize(text)
    assert [t.text for t in tokens] == edges
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_spans_join_runs_and_an_orphan_inside_starts_a_span() -> None:
    tokens = tagger.tokenize("late last year and then Monday")
    labels = ["B", "I", "I", "O", "O", "I"]
    assert tagger.spans(labels, tokens) == [(0, 14), (24, 30)]


def test_viterbi_never_puts_inside_right_after_outside() -> None:
    # "year" alone strongly prefers I, but an I may only continue a span: the best well-formed path is B or O.
    model = toy_model(begin={"last": 3.0}, inside={"year": 6.0})
    tokens = tagger.tokenize("profit year last year")
    labels = model.decode(tagger.features(tokens, ["O"] * len(tokens)))
    assert labels[2:] == ["B", "I"]
    assert all(not (a == "O" and b == "I") for a, b in itertools.pairwise(["O", *labels]))


def test_the_model_file_round_trips_without_pickle(tmp_path: Path) -> None:
    model = toy_model(begin={"monday": 2.0}, inside={"night": 1.5})
    path = tmp_path / "m.npz"
    model.save(str(path))
    with np.load(path, allow_pickle=False) as data:
        assert data["features"].dtype.kind == "U"
    again = tagger.Model.load(path)
    assert again.index == model.index
    assert np.allclose(again.weights, model.weights)


def test_refine_moves_edges_to_the_taggers_span_and_keeps_the_rule_value() -> None:
    text = "Shares fell about five hours later."
    cand = Candidate(12, 28, "DURATION", _fixed("PT5H"))  # "about five hours"
    model = toy_model(begin={"five": 4.0}, inside={"hours": 4.0})
    [out] = tagger.refine(text, [cand], model, confidence=0.0)
    assert text[out.start : out.end] == "five hours"
    assert out.resolve(Ctx(anchor=None)) == ("PT5H", None)


def test_an_edge_moves_only_where_the_tagger_is_sure() -> None:
    text = "Shares fell about five hours later."
    cand = Candidate(12, 28, "DURATION", _fixed("PT5H"))  # "about five hours"
    unsure = toy_model(begin={"five": 4.0}, inside={"hours": 4.0})  # "about" is outside with P ~ 0.58 only
    assert tagger.refine(text, [cand], unsure, confidence=0.9) == [cand]
    sure = toy_model(begin={"five": 9.0}, inside={"hours": 9.0})
    sure.bias = np.array([5.0, 0.0, 0.0])  # "about" outside with P ~ 0.99
    [out] = tagger.refine(text, [cand], sure, confidence=0.9)
    assert text[out.start : out.end] == "five hours"


def test_marginals_are_distributions_and_inside_never_follows_a_sure_outside() -> None:
    model = toy_model(begin={"last": 3.0}, inside={"year": 6.0})
    tokens = tagger.tokenize("profit year last year")
    probs = model.marginals(tagger.features(tokens, ["O"] * len(tokens)))
    assert probs.shape == (4, 3)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert probs[0, 2] == 0.0  # a text starts as if after an O: no I first
    assert probs[3, 2] > 0.5  # "year" after a likely "last" is inside


def test_refine_keeps_candidates_the_tagger_misses_unless_asked_to_veto() -> None:
    text = "The plan may work."
    cand = Candidate(9, 12, "DATE", _fixed("XXXX-05"))  # "may"
    model = toy_model(begin={}, inside={})
    assert tagger.refine(text, [cand], model) == [cand]
    assert tagger.refine(text, [cand], model, veto=True) == []


def test_a_tagger_span_over_two_candidates_leaves_both_edges() -> None:
    text = "10 p.m. Wednesday"
    first = Candidate(0, 7, "TIME", _fixed("T22:00"))
    second = Candidate(8, 17, "DATE", _fixed("XXXX-WXX-3"))
    model = toy_model(begin={"10": 5.0}, inside={"p": 5.0, "m": 5.0, ".": 5.0, "wednesday": 5.0})
    assert tagger.refine(text, [first, second], model) == [first, second]


_PHRASES = st.sampled_from(
    [
        "on Monday",
        "about five hours",
        "earlier this month",
        "the past three years",
        "in late March 2022",
        "the third quarter",
        "every week",
        "the 1990s",
        "two days later",
        "shares rose",
        "the court said",
        "may",
        "a day",
        "recently",
        "next week",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PHRASES, min_size=1, max_size=8))
def test_the_shipped_tagger_keeps_every_candidate_and_never_overlaps_two(words: list[str]) -> None:
    if tagger.model() is None:
        pytest.skip("the tagger model is not built")
    text = " ".join(words) + "."
    found = candidates(text)
    refined = tagger.refine(text, found)
    assert len(refined) == len(found)
    for before, after in zip(found, refined, strict=True):
        assert after.start < before.end and before.start < after.end
        assert after.resolve is before.resolve
    for a, b in itertools.pairwise(refined):
        assert a.end <= b.start


def test_scores_add_the_known_features_weights_to_the_bias() -> None:
    weights = np.array([[1.0, 0.0, 0.5], [0.25, 2.0, 0.0], [0.0, 0.0, 4.0]])
    index = {"w=monday": 0, "cls=weekday": 1, "w=ago": 2}
    model = tagger.Model(index, weights, np.zeros((3, 3)), np.array([0.1, 0.2, 0.3]))
    feats = [["w=monday", "cls=weekday", "w=unseen"], [], ["w=ago", "w=ago"], ["w=unseen"]]
    expected = np.array([[1.35, 2.2, 0.8], [0.1, 0.2, 0.3], [0.1, 0.2, 8.3], [0.1, 0.2, 0.3]])
    assert np.allclose(model.scores(feats), expected)
    assert model.scores([]).shape == (0, 3)
