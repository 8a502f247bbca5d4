"""Stance of articles towards a claim: features, the model file, the pairs reader and the shipped model's behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.check.features import (
    CLAIM_TEMPLATES,
    CUE_NAMES,
    SCALAR_NAMES,
    TEMPLATE_NAMES,
    VECTOR_BLOCKS,
    Prototypes,
    attribution_class,
    build_body,
    build_claim,
    claim_templates,
    cue_counts,
    fit_idf,
    pair_features,
    split_sentences,
    words,
)
from crosswire.check.model import STANCES, load_model, read_model, save_model
from crosswire.check.pairs import (
    Featurizer,
    Pair,
    PairError,
    check_articles,
    check_pairs,
    read_pairs,
)
from crosswire.errors import ModelError
from crosswire.model import Article
from stance_texts import CLAIM, REFUTING, SUPPORTING, UNRELATED


def test_sentences_keep_abbreviations_and_initials_whole() -> None:
    text = 'Mr. Smith flew to the U.S. on Monday. He said "it is fake." Then J. Doe denied it!\nA new line'
    assert split_sentences(text) == [
        "Mr. Smith flew to the U.S. on Monday.",
        'He said "it is fake."',
        "Then J. Doe denied it!",
        "A new line",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry denied the reports on Friday.", "deny"),
        ("A spokesman said the story was fake news.", "deny"),
        ("The company declined to comment.", "decline"),
        ("Police confirmed that two people died.", "confirm"),
        ("She did not deny that the meeting took place.", "other"),
        ("Snow fell all day.", None),
    ],
)
def test_attribution_class_reads_the_cue_verb(sentence: str, expected: str | None) -> None:
    assert attribution_class(sentence) == expected


def test_cue_counts_find_refutation_and_negation() -> None:
    counts = dict(zip(CUE_NAMES, cue_counts(words("It isn't true, it's a hoax")), strict=True))
    assert counts["refute"] == 1 and counts["negation"] == 1 and counts["support"] == 1


def _fake_encoder(texts: list[str] | tuple[str, ...]) -> np.ndarray:
    """Bag-of-letters vectors: deterministic, normalised, and similar for texts sharing words."""
    rows = np.zeros((len(texts), 384), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in words(text):
            rows[i, hash(word) % 384] += 1.0
        rows[i] /= np.linalg.norm(rows[i]) or 1.0
    return rows


def test_featurizer_encodes_each_distinct_body_and_claim_once() -> None:
    seen: list[str] = []

    def encoder(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return _fake_encoder(texts)

    idf = fit_idf([["mayor", "resign"], ["snow", "pass"]])
    pairs = [(CLAIM, SUPPORTING), (CLAIM, REFUTING), ("Snow closes the pass", SUPPORTING), (CLAIM, SUPPORTING)]
    scalars, vectors, orders = Featurizer(idf, encoder).features(pairs)
    assert scalars.shape == (4, len(SCALAR_NAMES)) and len(orders) == 4
    assert vectors.shape == (4, len(VECTOR_BLOCKS) * 384)
    assert seen.count(CLAIM) == 1 and seen.count("Snow closes the pass") == 1
    prototypes = len(Prototypes.texts())
    assert len(seen) == prototypes + len(split_sentences(SUPPORTING)) + len(split_sentences(REFUTING)) + 2
    assert np.array_equal(scalars[0], scalars[3])
    seen.clear()
    framed, _, _ = Featurizer(idf, encoder, frames=True).features(pairs)  # each claim in each frame, once
    sentences = len(split_sentences(SUPPORTING)) + len(split_sentences(REFUTING))
    assert seen.count(claim_templates(CLAIM)[0]) == 1
    assert len(seen) == prototypes + sentences + 2 * (1 + len(TEMPLATE_NAMES))
    frame_columns = [i for i, name in enumerate(SCALAR_NAMES) if name.startswith("frame_")]
    assert not scalars[:, frame_columns].any() and framed[:, frame_columns].any()


def _unit(*parts: np.ndarray) -> np.ndarray:
    v = np.sum(parts, axis=0).astype(np.float32)
    return v / np.linalg.norm(v)


def test_claim_frames_tell_a_denial_of_the_claim_from_a_confirmation() -> None:
    assert claim_templates("Rain floods the valley?") == [
        frame.format(claim="Rain floods the valley") for frame in CLAIM_TEMPLATES.values()
    ]
    axes = np.eye(384, dtype=np.float32)
    topic, refuted, confirmed, hedged, other = axes[:5]
    frames = np.stack([_unit(topic, refuted), _unit(topic, confirmed), _unit(topic, hedged)])
    idf = fit_idf([["rain"]])
    claim = build_claim("Rain floods the valley", topic, idf, frames)
    column = {name: i for i, name in enumerate(SCALAR_NAMES) if name.startswith("frame_")}
    prototypes = Prototypes.from_vectors(np.tile(other, (len(Prototypes.texts()), 1)))

    def frame_values(*sentences: np.ndarray) -> dict[str, float]:
        body = build_body("x", ["a"] * len(sentences), np.stack(sentences), idf, prototypes)
        scalars, _, _ = pair_features(claim, body)
        return {name: float(scalars[i]) for name, i in column.items()}

    on_topic = _unit(3 * topic, other)
    # the closest sentences (top 3) are on topic; the last, off-topic one takes the other side
    denial = frame_values(on_topic, _unit(topic, refuted), on_topic, _unit(other, confirmed))
    confirmation = frame_values(on_topic, _unit(topic, confirmed), on_topic, _unit(other, refuted))
    assert denial["frame_top_refute"] > 0 > confirmation["frame_top_refute"]
    assert confirmation["frame_top_support"] > 0 > denial["frame_top_support"]
    assert denial["frame_top_refute_over_support"] > 0 >= confirmation["frame_top_refute_over_support"]
    # the whole-body figure still sees the off-topic sentence, so it is kept apart from the top-3 one
    assert confirmation["frame_body_refute"] > confirmation["frame_top_refute"]


def test_featurizer_encodes_a_sentence_repeated_across_bodies_once() -> None:
    seen: list[str] = []

    def encoder(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return _fake_encoder(texts)

    line = "Subscribe to our newsletter."
    pairs = [(CLAIM, f"{SUPPORTING}\n{line}"), (CLAIM, f"{REFUTING}\n{line}")]
    scalars, _, _ = Featurizer(fit_idf([["mayor"]]), encoder).features(pairs)
    assert seen.count(line) == 1 and scalars.shape[0] == 2
    alone, _, _ = Featurizer(fit_idf([["mayor"]]), _fake_encoder).features(pairs[1:])
    assert np.allclose(scalars[1], alone[0])


def test_feature_column_names_are_unique() -> None:
    # a model file names its columns; a repeated name would be read back as the first column of that name
    assert len(set(SCALAR_NAMES)) == len(SCALAR_NAMES)


def test_head_blocks_pair_the_claim_with_its_best_matching_sentence() -> None:
    axes = np.eye(384, dtype=np.float32)
    topic, other, third = axes[:3]
    idf = fit_idf([["rain"]])
    claim = build_claim("Rain floods the valley", topic, idf)
    prototypes = Prototypes.from_vectors(np.tile(third, (len(Prototypes.texts()), 1)))
    best, far = _unit(3 * topic, other), _unit(topic, 3 * other)
    body = build_body("x", ["a", "b", "c"], np.stack([far, best, _unit(other, third)]), idf, prototypes)
    _, vectors, _ = pair_features(claim, body)
    block = {name: vectors[i * 384 : (i + 1) * 384] for i, name in enumerate(VECTOR_BLOCKS)}
    assert np.allclose(block["best_product"], topic * best)
    assert np.allclose(block["best_difference"], np.abs(topic - best))


def test_shipped_model_reads_the_sentence_pair_head() -> None:
    model = load_model()
    assert model.head is not None and set(model.head.vector_blocks) <= set(VECTOR_BLOCKS)
    rows = np.zeros((2, len(SCALAR_NAMES)), dtype=np.float32)
    vecs = np.random.default_rng(2).normal(size=(2, len(VECTOR_BLOCKS) * 384)).astype(np.float32)
    extended = model.with_head(rows, vecs)
    assert extended.shape == (2, len(SCALAR_NAMES) + 3)
    assert np.allclose(np.exp(extended[:, len(SCALAR_NAMES) :]).sum(axis=1), 1.0, atol=1e-4)


def test_model_file_round_trips_and_rejects_other_files(tmp_path: Path) -> None:
    model = load_model()
    path = tmp_path / "model.npz"
    save_model(model, path)
    again = read_model(path)
    rows = np.random.default_rng(0).normal(size=(5, len(SCALAR_NAMES))).astype(np.float32)
    vecs = np.random.default_rng(1).normal(size=(5, len(VECTOR_BLOCKS) * 384)).astype(np.float32)
    assert np.allclose(again.probabilities(rows, vecs), model.probabilities(rows, vecs))
    assert np.allclose(model.probabilities(rows, vecs).sum(axis=1), 1.0, atol=1e-5)
    np.savez(tmp_path / "other.npz", header=np.array(json.dumps({"format": "something else"})))
    with pytest.raises(ModelError, match="not a crosswire/stance-model"):
        read_model(tmp_path / "other.npz")
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="cannot read the stance model"):
        read_model(tmp_path / "broken.npz")


def test_pairs_reader_reports_each_malformed_line_with_its_number() -> None:
    lines = [
        json.dumps({"id": "a", "claim": CLAIM, "text": SUPPORTING}),
        "not json",
        "",
        "[1, 2]",
        json.dumps({"claim": CLAIM, "text": "x"}),
        json.dumps({"id": "e", "claim": "  ", "text": "x"}),
        json.dumps({"id": 7, "claim": CLAIM, "text": None}),
        b"\xff\xfe bad bytes",
        json.dumps({"id": 9, "claim": CLAIM, "text": ""}).encode(),
    ]
    records = list(read_pairs(lines))
    assert [r.line for r in records] == list(range(1, 10))
    assert isinstance(records[0], Pair) and records[0].id == "a"
    errors = [r for r in records if isinstance(r, PairError)]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6, 7, 8]
    assert "not valid JSON" in errors[0].error and "blank" in errors[1].error and "JSON object" in errors[2].error
    assert '"id"' in errors[3].error and '"claim"' in errors[4].error and errors[4].id == "e"
    assert '"text"' in errors[5].error and errors[5].id == 7 and "UTF-8" in errors[6].error
    assert isinstance(records[-1], Pair) and records[-1].id == 9 and records[-1].text == ""


_record = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=8), st.integers()), "claim": st.text(min_size=1).filter(str.strip),
     "text": st.text()}
)  # fmt: skip
_garbage = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_record, _garbage), max_size=12))
def test_pairs_reader_yields_one_record_per_line_in_order(items: list[object]) -> None:
    lines = [json.dumps(item) if isinstance(item, dict) else str(item) for item in items]
    records = list(read_pairs(lines))
    assert [r.line for r in records] == list(range(1, len(lines) + 1))
    for record in records:
        item = items[record.line - 1]
        if isinstance(record, Pair):
            assert isinstance(item, dict) or json.loads(str(item))["claim"] == record.claim
            if isinstance(item, dict):
                assert (record.id, record.claim, record.text) == (item["id"], item["claim"], item["text"])
        elif isinstance(item, dict):
            pytest.fail(f"a valid record was rejected: {record.error}")


def test_pairs_results_keep_input_order_and_mark_errors() -> None:
    records = [
        Pair(id="s", claim=CLAIM, text=SUPPORTING, line=1),
        PairError(id="bad", line=2, error='"text" must be a string'),
        Pair(id="u", claim=CLAIM, text=UNRELATED, line=3),
        Pair(id="r", claim=CLAIM, text=REFUTING, line=4),
    ]
    results = list(check_pairs(records, chunk=2))
    assert [r.id for r in results] == ["s", "bad", "u", "r"]
    assert results[1].stance == "unrelated" and results[1].score == 0.0 and results[1].error
    assert results[1].to_json()["error"] == '"text" must be a string'
    assert "error" not in results[0].to_json()
    assert all(0.0 <= r.score <= 1.0 for r in results)
    assert [r.stance for r in results if r.error is None] == ["supports", "unrelated", "refutes"]


def test_articles_get_stance_score_and_evidence() -> None:
    articles = [
        Article(id="support", source="s.txt", text=SUPPORTING),
        Article(id="refute", source="r.txt", text=REFUTING, title="Mayor denies resignation"),
        Article(id="snow", source="u.txt", text=UNRELATED),
    ]
    results = check_articles(CLAIM, articles)
    by_id = {r.article: r for r in results}
    assert [r.article for r in results] == ["support", "refute", "snow"]
    assert by_id["support"].stance == "supports"
    assert by_id["refute"].stance == "refutes"
    assert by_id["snow"].stance == "unrelated" and by_id["snow"].evidence == []
    assert any("denied" in s or "fake" in s for s in by_id["refute"].evidence)
    for result in results:
        assert set(result.probabilities) == set(STANCES)
        assert result.score == pytest.approx(result.probabilities[result.stance])


def test_no_articles_give_no_results() -> None:
    assert check_articles(CLAIM, []) == []
    assert list(check_pairs([])) == []


def test_fnc1_split_keeps_dev_bodies_out_of_training() -> None:
    import sys

    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        import fnc1_stance
    finally:
        sys.path.remove(str(bench))
    if not (fnc1_stance.DATA / "train_stances.csv").exists():
        pytest.skip("../shared/data/fnc1-train is not present in this checkout")
    bodies, pairs = fnc1_stance.load()
    train, dev = fnc1_stance.split_bodies(list(bodies))
    assert not train & dev and train | dev == set(bodies) and len(dev) == round(0.2 * len(bodies))
    assert (train, dev) == fnc1_stance.split_bodies(list(reversed(list(bodies))))
    dev_pairs = [p for p in pairs if p.body in dev]
    assert {p.stance for p in dev_pairs} == set(STANCES)
    assert fnc1_stance.fnc_score([p.stance for p in dev_pairs], [p.stance for p in dev_pairs]) == 1.0


def test_the_deciding_sentence_is_located_in_the_article() -> None:
    articles = [
        Article(id="refute", source="r.txt", text="\n  " + REFUTING, title=" Mayor denies resignation "),
        Article(id="support", source="s.txt", text=SUPPORTING),
        Article(id="line", source="l.txt", text="Lakeport mayor reportedly resigned after corruption inquiry"),
        Article(id="snow", source="u.txt", text=UNRELATED),
    ]
    results = {r.article: r for r in check_articles(CLAIM, articles)}
    for article in articles[:3]:
        decisive = results[article.id].decisive
        assert decisive is not None
        where = article.text if decisive.field == "text" else article.title or ""
        assert where[decisive.start : decisive.end] == decisive.sentence
        assert results[article.id].to_json()["decisive"]["start"] == decisive.start
    assert "denied" in results["refute"].decisive.sentence or "fake" in results["refute"].decisive.sentence  # type: ignore[union-attr]
    assert results["line"].decisive.cue == "reportedly"  # type: ignore[union-attr]
    assert results["snow"].decisive is None and results["snow"].to_json()["decisive"] is None


def test_merged_seed_networks_average_the_members_logits() -> None:
    import sys

    from crosswire.check.model import Network

    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        from train_stance import merge_members
    finally:
        sys.path.remove(str(bench))
    rng = np.random.default_rng(5)
    members = [
        ([rng.normal(size=(4, 6)).astype(np.float32), rng.normal(size=(6, 3)).astype(np.float32)],
         [rng.normal(size=6).astype(np.float32), rng.normal(size=3).astype(np.float32)])
        for _ in range(3)
    ]  # fmt: skip
    rows = rng.normal(size=(7, 4)).astype(np.float32)
    empty = np.zeros((7, 0), dtype=np.float32)

    def network(layers: list[np.ndarray], biases: list[np.ndarray]) -> Network:
        return Network((0, 1, 2, 3), (), np.zeros(4, np.float32), np.ones(4, np.float32), tuple(layers), tuple(biases))

    def logits(layers: list[np.ndarray], biases: list[np.ndarray]) -> np.ndarray:
        return np.asarray(np.maximum(rows @ layers[0] + biases[0], 0.0) @ layers[1] + biases[1])

    expected = np.mean([logits(*m) for m in members], axis=0)
    expected = np.exp(expected - expected.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    merged = network(*merge_members(members))
    assert merged.weights[0].shape == (4, 18)
    assert np.allclose(merged.probabilities(rows, empty), expected, atol=1e-5)
    single = network(*members[0])
    assert np.allclose(
        network(*merge_members(members[:1])).probabilities(rows, empty), single.probabilities(rows, empty)
    )
    assert not np.allclose(merged.probabilities(rows, empty), single.probabilities(rows, empty))


def test_stored_trees_give_scikit_learn_probabilities_and_round_trip(tmp_path: Path) -> None:
    import sys
    from dataclasses import replace

    from sklearn.ensemble import HistGradientBoostingClassifier

    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        from train_stance import forest_of
    finally:
        sys.path.remove(str(bench))
    rng = np.random.default_rng(9)
    columns = (0, 3, 5, 7)
    rows = rng.normal(size=(600, len(SCALAR_NAMES) + 3)).astype(np.float32)
    y = (rows[:, 0] > 0).astype(int) + (rows[:, 5] * rows[:, 7] > 0.5).astype(int)
    trees = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=7, early_stopping=False, random_state=0)
    trees.fit(rows[:, list(columns)], y)
    forest = forest_of(trees, columns)
    fresh = rng.normal(size=(50, len(SCALAR_NAMES) + 3)).astype(np.float32)
    fresh[0, 5] = np.nan  # a missing value follows the split's learned side, as in scikit-learn
    expected = trees.predict_proba(fresh[:, list(columns)])
    assert np.allclose(forest.probabilities(fresh, np.zeros((50, 0))), expected, atol=1e-5)

    model = replace(load_model(), forest=forest, forest_mix=0.5)
    path = tmp_path / "with-trees.npz"
    save_model(model, path)
    again = read_model(path)
    assert again.forest is not None and again.forest_mix == 0.5
    scalars = np.nan_to_num(fresh[:, : len(SCALAR_NAMES)])
    vecs = rng.normal(size=(50, len(VECTOR_BLOCKS) * 384)).astype(np.float32)
    assert np.allclose(again.probabilities(scalars, vecs), model.probabilities(scalars, vecs))
    assert not np.allclose(
        model.probabilities(scalars, vecs), replace(model, forest_mix=0.0).probabilities(scalars, vecs)
    )


@pytest.mark.parametrize(
    ("claim", "text", "stance"),
    [
        # a utility's release denying what a mayor said of it (a flood)
        (
            "The floodgates of the Corvo dam were opened without warning",
            "Statement on the Corvo dam\nAlpenhydro confirms that water was released from the Corvo dam on Saturday "
            "night, in line with the emergency plan. The company denies that the floodgates were opened without "
            "warning. The Corvo dam is intact and under constant watch.",
            "refutes",
        ),
        # a museum's release confirming a theft (a crime)
        (
            "Two paintings were stolen from the Aldermark City Museum",
            "The Aldermark City Museum confirms that two paintings by Adriaen Molenaer were stolen from its Flemish "
            "gallery during the night of Saturday to Sunday. The museum will stay closed until further notice.",
            "supports",
        ),
    ],
)
def test_a_partys_own_answer_decides_the_articles_stance(claim: str, text: str, stance: str) -> None:
    (result,) = check_articles(claim, [Article(id="release", source="release.txt", text=text)])
    assert result.stance == stance
    assert result.decisive is not None and (
        "confirms" in result.decisive.sentence or "denies" in result.decisive.sentence
    )


def test_a_partys_answer_to_something_else_decides_nothing() -> None:
    """The museum confirms the theft; a claim of a ransom demand is not what it answers (too few of its words)."""
    from crosswire.check.pairs import first_hand_answer

    featurizer = Featurizer(load_model().idf)
    text = (
        "The Aldermark City Museum confirms that two paintings by Adriaen Molenaer were stolen from its gallery. "
        "Wire copy said on Monday that the company denied any wrongdoing."
    )
    view = featurizer.body(text)
    for claim in ("The thieves have asked for a ransom for the Molenaer paintings", "The company did nothing wrong"):
        assert first_hand_answer(claim, featurizer.claim(claim).vector, view.sentences, view.vectors) is None
