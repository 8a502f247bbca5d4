"""The statement-level targets of the tagger's training (``bench/train_attribution_tagger.py``) and the held-out
split it shares with ``bench/polnear.py``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from crosswire.attribution.tagger import LABELS

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

BENCH = Path(__file__).resolve().parents[2] / "bench"
NONE, BS, IS, BC, IC, BT, IT = range(len(LABELS))
PAD = -100


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        import polnear
        import train_attribution_tagger
    finally:
        sys.path.remove(str(BENCH))
    yield train_attribution_tagger, polnear


def test_cue_pieces_and_content_edges_weigh_more(bench: tuple[ModuleType, ModuleType]) -> None:
    train, _ = bench
    # [CLS] "judge" "went on" "the evidence was admissible" "." [SEP] padding
    labels = torch.tensor([[PAD, BS, BC, IC, BT, IT, IT, IT, NONE, PAD, PAD]])
    weights = train.piece_weights(labels, 2.0, 3.0)[0].tolist()
    # the source weighs 1; the cue 2, but its last piece borders the content (3); the content's first and last
    # pieces and the full stop after it 3; its middle 1; padding 0
    assert weights == [0, 1, 2, 3, 3, 1, 1, 3, 3, 0, 0]


def test_a_content_that_opens_with_an_i_tag_still_has_edges(bench: tuple[ModuleType, ModuleType]) -> None:
    train, _ = bench
    # a content the gold opens without a B tag (a chunk cut inside it) and a one-piece content
    labels = torch.tensor([[PAD, IT, IT, NONE, NONE, BT, NONE, PAD]])
    weights = train.piece_weights(labels, 1.0, 4.0)[0].tolist()
    assert weights == [0, 4, 4, 4, 4, 4, 4, 0]


def test_plain_weights_are_plain_cross_entropy(bench: tuple[ModuleType, ModuleType]) -> None:
    train, _ = bench
    labels = torch.tensor([[PAD, BS, BC, BT, IT, NONE, PAD], [PAD, NONE, NONE, BC, BT, IT, IT]])
    logits = torch.randn(2, 7, len(LABELS), generator=torch.Generator().manual_seed(3))
    plain = torch.nn.functional.cross_entropy(logits.reshape(-1, len(LABELS)), labels.reshape(-1), ignore_index=PAD)
    assert float(train.WeightedLoss()(logits, labels)) == pytest.approx(float(plain), rel=1e-6)
    # weighting the edges moves the loss towards the edges' own loss
    weighted = float(train.WeightedLoss(1.0, 50.0)(logits, labels))
    assert weighted != pytest.approx(float(plain), rel=1e-3)


def test_content_spans_decode_as_the_tagger_decodes(bench: tuple[ModuleType, ModuleType]) -> None:
    train, _ = bench
    spans = train.content_spans(np.array([NONE, BT, IT, IT, NONE, IT, IT, BT, NONE, BT]))
    assert spans == [(1, 4), (5, 7), (7, 8), (9, 10)]


def test_a_content_span_matches_when_both_share_half(bench: tuple[ModuleType, ModuleType]) -> None:
    train, _ = bench
    assert train.span_matches([(0, 4)], [(0, 6)]) == 1  # 4 of the gold's 6 pieces
    assert train.span_matches([(0, 2)], [(0, 6)]) == 0  # 2 of 6: too short
    assert train.span_matches([(0, 12)], [(0, 4)]) == 0  # 4 of its own 12: too long
    assert train.span_matches([(0, 4), (1, 5)], [(0, 5)]) == 1  # one gold span matches once


def test_the_held_out_articles_are_the_same_whatever_their_order(bench: tuple[ModuleType, ModuleType]) -> None:
    _, polnear = bench
    articles = [f"article-{i:03d}" for i in range(200)]
    held, fitted = polnear.held_out(articles)
    assert len(held) == 30 and len(fitted) == 170
    assert set(held).isdisjoint(fitted) and set(held) | set(fitted) == set(articles)
    assert polnear.held_out(list(reversed(articles))) == (held, fitted)
    assert held != sorted(held)  # shuffled, not the first 30 by name
