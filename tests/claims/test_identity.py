"""The claim-identity model: pairs read inside their story, on short stories from several domains."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.claims.identity import (
    IDENTITY_FEATURES,
    IdentityModel,
    Sentence,
    StoryContext,
    content_words,
    figures,
    identity_model,
    names,
    pair_features,
)
from crosswire.claims.merge import CANDIDATE
from crosswire.nlp.embeddings import encode

# Each story: its sentences, then pairs (i, j, same claim?).
STORIES: dict[str, tuple[list[str], list[tuple[int, int, bool]]]] = {
    "trial": (
        [
            "The former treasurer stole $2 million from the charity's accounts, prosecutors said.",
            "Prosecutors say the ex-treasurer embezzled about $2 million from the charity.",
            "The charity's director said she never knew about the missing money.",
            "The judge set the trial for March and denied bail.",
            "The former treasurer pleaded not guilty on Tuesday.",
        ],
        [(0, 1, True), (0, 2, False), (0, 3, False), (1, 4, False)],
    ),
    "merger": (
        [
            "Harlow Foods is in early talks to buy its rival Pemberton, people familiar with the matter said.",
            "Harlow Foods is in preliminary discussions to acquire Pemberton, according to the report.",
            "Pemberton shares jumped 12% in early trading.",
            "Harlow's chief executive will step down at the end of the year.",
            "Regulators would likely review any combination of the two grocers.",
        ],
        [(0, 1, True), (0, 2, False), (0, 3, False), (2, 3, False)],
    ),
    "war": (
        [
            "Artillery fire destroyed the bridge over the river on Sunday night.",
            "The river bridge was destroyed by shelling late on Sunday.",
            "Two hundred civilians were evacuated from the town on Monday.",
            "The army said it had retaken the airport north of the town.",
            "Aid convoys have not reached the town for a week.",
        ],
        [(0, 1, True), (0, 2, False), (2, 3, False), (3, 4, False)],
    ),
}


@pytest.fixture(scope="module")
def readings() -> dict[str, tuple[list[Sentence], StoryContext]]:
    out = {}
    for name, (texts, _) in STORIES.items():
        vectors = encode(texts)
        out[name] = ([Sentence.of(t, v) for t, v in zip(texts, vectors, strict=True)], StoryContext.of(texts, vectors))
    return out


@pytest.mark.parametrize("name", sorted(STORIES))
def test_paraphrases_are_one_claim_and_other_claims_of_the_story_are_not(
    name: str, readings: dict[str, tuple[list[Sentence], StoryContext]]
) -> None:
    sentences, story = readings[name]
    model = identity_model()
    for left, right, same in STORIES[name][1]:
        features = pair_features(sentences[left], sentences[right], story)
        # What the merge decides: only pairs at least loosely alike are read by the model at all.
        merged = bool(features[0] >= CANDIDATE) and model.same(features)
        assert merged is same, (name, left, right, model.probability(features))


def test_a_negated_wording_is_still_the_same_claim(readings: dict[str, tuple[list[Sentence], StoryContext]]) -> None:
    texts = [
        "The striker placed bets on league matches, the newspaper reported.",
        "The striker said he never placed bets on league matches.",
        "The club fired its manager after the defeat on Saturday.",
        "Ticket prices will rise by 5% next season.",
    ]
    vectors = encode(texts)
    story = StoryContext.of(texts, vectors)
    sentences = [Sentence.of(t, v) for t, v in zip(texts, vectors, strict=True)]
    model = identity_model()
    same, other = pair_features(sentences[0], sentences[1], story), pair_features(sentences[0], sentences[2], story)
    assert same[0] >= CANDIDATE and model.same(same)
    assert not (bool(other[0] >= CANDIDATE) and model.same(other))


def test_the_centroid_leaves_the_pair_out() -> None:
    left = np.array([1.0, 0.0], dtype=np.float32)
    right = np.array([0.0, 1.0], dtype=np.float32)
    two = StoryContext.of(["a b c", "d e f"], np.stack([left, right]))
    # A story of two sentences has no topic to take out: the plain cosine is read.
    assert two.centroid_without(left, right) is None
    features = pair_features(Sentence.of("a b c", left), Sentence.of("d e f", right), two)
    assert features[IDENTITY_FEATURES.index("centred_cosine")] == pytest.approx(features[0])
    third = np.array([0.6, 0.8], dtype=np.float32)
    three = StoryContext.of(["a", "b", "c"], np.stack([left, right, third]))
    centroid = three.centroid_without(left, right)
    assert centroid is not None and np.allclose(centroid, third)


def test_words_names_and_figures() -> None:
    assert {"groun", "plane"} <= content_words("The FAA grounded the planes; grounding continues.")
    assert "said" not in " ".join(content_words("He said on Monday that it was over"))
    assert names("The FAA grounded 171 Boeing planes") == {"faa", "boeing"}
    assert figures("about 1,200 troops and $4.5 million") == {"1200", "4.5"}


def test_the_model_round_trips_through_json() -> None:
    model = identity_model()
    again = IdentityModel.from_json(model.to_json())
    row = np.arange(len(IDENTITY_FEATURES), dtype=np.float32) / 10
    assert again.probability(row) == pytest.approx(model.probability(row))
    with pytest.raises(ValueError, match="retrain"):
        IdentityModel.from_json({**model.to_json(), "features": ["cosine"]})


def test_a_chain_of_look_alikes_does_not_join_what_the_model_tells_apart() -> None:
    """A -- B and B -- C are each one claim, but C is not A's claim: C stays out, although A and C are close enough
    (cosine 0.6) for a bare similarity floor."""
    from crosswire.claims.merge import cluster
    from crosswire.claims.propositions import Proposition

    texts = [
        "Militia fighters blew up the river dam on Tuesday.",
        "The river dam was blown up on Tuesday, witnesses said.",
        "Army engineers blew up the river dam on Tuesday.",
    ]
    propositions = [
        Proposition(
            article=f"a{i}", start=0, end=len(t), text=t, stance="reports", statement=None, source=None,
            source_text=None, source_type="media", root_key=f"a{i}", party_key=f"a{i}",
        )
        for i, t in enumerate(texts)
    ]  # fmt: skip
    a = np.zeros(384, dtype=np.float32)
    a[0] = 1.0
    b = np.zeros(384, dtype=np.float32)
    b[[0, 1]] = [0.75, np.sqrt(1 - 0.75**2)]
    c = np.zeros(384, dtype=np.float32)
    c[[0, 1, 2]] = [0.6, (0.75 - 0.75 * 0.6) / np.sqrt(1 - 0.75**2), 0.0]
    c[2] = np.sqrt(1 - c[0] ** 2 - c[1] ** 2)
    vectors = np.stack([a, b, c])
    # One claim when the cosine is at least 0.7: B joins A, and C, though linked to B, is not A's claim.
    by_cosine = IdentityModel(
        mean=np.zeros(len(IDENTITY_FEATURES), dtype=np.float32),
        scale=np.ones(len(IDENTITY_FEATURES), dtype=np.float32),
        weights=np.array([40.0] + [0.0] * (len(IDENTITY_FEATURES) - 1), dtype=np.float32),
        bias=-40.0 * 0.7,
        threshold=0.5,
    )
    assert float(b @ c) == pytest.approx(0.75, abs=1e-3) and float(a @ c) == pytest.approx(0.6, abs=1e-3)
    assert cluster(propositions, vectors, ["s", "s", "s"], by_cosine) == [[0, 1], [2]]
