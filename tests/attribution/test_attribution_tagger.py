"""The attribution token tagger's decoding: tag sequences to spans, spans to attributions, text to chunks."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from crosswire.attribution import tagger
from crosswire.attribution.tagger import LABELS, Span, attributions, chunks, spans_of
from crosswire.nlp.spacy_model import load_pipeline


def _offsets(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text = " ".join(words)
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    return text, offsets


def _labels(*tags: str) -> list[int]:
    return [LABELS.index(t) for t in tags]


def test_a_tag_sequence_decodes_to_source_cue_and_content() -> None:
    text, offsets = _offsets(["The", "defence", "lawyer", "argued", "the", "witness", "had", "lied", "."])
    labels = _labels(
        "B-SOURCE", "I-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O"
    )
    spans = spans_of(labels, offsets)
    assert [(s.kind, text[s.start : s.end]) for s in spans] == [
        ("SOURCE", "The defence lawyer"),
        ("CUE", "argued"),
        ("CONTENT", "the witness had lied"),
    ]
    (found,) = attributions(spans)
    assert text[slice(*found.content)] == "the witness had lied"
    assert found.cue is not None and text[slice(*found.cue)] == "argued"
    assert found.source is not None and text[slice(*found.source)] == "The defence lawyer"


def test_each_content_takes_its_nearest_cue_and_that_cue_its_source() -> None:
    words = [
        "The",
        "board",
        "said",
        "the",
        "merger",
        "would",
        "close",
        ",",
        "while",
        "regulators",
        "warned",
        "of",
        "delays",
        ".",
    ]
    text, offsets = _offsets(words)
    labels = _labels(
        "B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O", "O",
        "B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "O",
    )  # fmt: skip
    found = attributions(spans_of(labels, offsets))
    readings = [
        (text[slice(*a.source)] if a.source else None, text[slice(*a.cue)] if a.cue else None, text[slice(*a.content)])
        for a in found
    ]
    assert readings == [
        ("The board", "said", "the merger would close"),
        ("regulators", "warned", "of delays"),
    ]


def test_content_split_around_its_cue_is_one_attribution() -> None:
    words = [
        "“",
        "We",
        "played",
        "well",
        ",",
        "”",
        "the",
        "coach",
        "said",
        ",",
        "“",
        "but",
        "not",
        "well",
        "enough",
        ".",
        "”",
    ]
    text, offsets = _offsets(words)
    labels = _labels(
        "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT",
        "B-SOURCE", "I-SOURCE", "B-CUE", "O",
        "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT",
    )  # fmt: skip
    (found,) = attributions(spans_of(labels, offsets))
    assert found.content == (0, len(text))
    assert found.cue is not None and text[slice(*found.cue)] == "said"


def test_content_without_a_cue_has_no_cue() -> None:
    _text, offsets = _offsets(["Shares", "fell", "sharply", "."])
    (found,) = attributions(spans_of(_labels("B-CONTENT", "I-CONTENT", "I-CONTENT", "O"), offsets))
    assert found.cue is None and found.source is None


@given(st.lists(st.sampled_from(range(len(LABELS))), max_size=60))
def test_spans_are_ordered_disjoint_and_cover_exactly_the_tagged_pieces(labels: list[int]) -> None:
    text, offsets = _offsets(["w"] * len(labels))
    spans = spans_of(labels, offsets)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    covered = {i for s in spans for i in range(s.start, s.end) if text[i] != " "}
    tagged = {offsets[i][0] for i, label in enumerate(labels) if label}
    assert covered == tagged
    for span in spans:
        assert span.kind in tagger.KINDS
    found = attributions(spans)
    assert len(found) <= sum(1 for s in spans if s.kind == "CONTENT")
    contents = sorted(a.content for a in found)
    for a, b in itertools.pairwise(contents):
        assert a[1] <= b[0]


@given(st.lists(st.sampled_from(["word", "Word", ".", "said", "”", "?", "\n"]), min_size=1, max_size=300))
def test_chunks_cover_every_piece_once_within_the_limit(tokens: list[str]) -> None:
    words = [t for t in tokens if t != "\n"] or ["word"]
    text, offsets = _offsets(words)
    found = chunks(offsets, text, limit=20)
    assert found[0][0] == 0 and found[-1][1] == len(offsets)
    for (_, end), (start, _) in itertools.pairwise(found):
        assert end == start
    assert all(0 < end - start <= 20 for start, end in found)


def test_chunks_keep_sentences_whole() -> None:
    words = ["The", "jury", "was", "out", ".", "The", "judge", "waited", ".", "Then", "the", "verdict", "came", "."]
    text, offsets = _offsets(words)
    assert [" ".join(words[s:e]) for s, e in chunks(offsets, text, limit=9)] == [
        "The jury was out . The judge waited .",
        "Then the verdict came .",
    ]


def test_spans_of_a_span_list_are_frozen() -> None:
    span = Span("CUE", 3, 7, 0)
    assert (span.kind, span.start, span.end) == ("CUE", 3, 7)


needs_model = pytest.mark.skipif(not tagger.available(), reason="the tagger artifact or the base encoder is missing")


def _read(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            text[slice(*a.source)] if a.source else None,
            text[slice(*a.cue)] if a.cue else None,
            text[slice(*a.content)],
        )
        for a in attributions(tagger.tag_spans(text))
    ]


@needs_model
def test_the_tagger_reads_an_argument_in_a_trial() -> None:
    text = "The defence lawyer argued that the witness had lied to the jury about the night of the robbery."
    assert _read(text) == [
        ("The defence lawyer", "argued", "that the witness had lied to the jury about the night of the robbery")
    ]


@needs_model
def test_the_tagger_reads_beliefs_and_fears_about_a_merger() -> None:
    text = (
        "Analysts at the bank believe the merger will cut thousands of jobs, and the unions fear that plants will shut."
    )
    found = _read(text)
    assert [(source, cue) for source, cue, _ in found] == [("Analysts at the bank", "believe"), ("the unions", "fear")]
    assert found[0][2].startswith("the merger will cut thousands of jobs")
    assert found[1][2] == "that plants will shut"


@needs_model
def test_the_tagger_reads_a_coach_insisting() -> None:
    text = "The coach insisted his players were not tired after the match."
    (found,) = _read(text)
    assert found[:2] == ("The coach", "insisted")
    assert found[2].startswith("his players were not tired")


def test_the_artifact_is_small_and_loads_without_pickle() -> None:
    path = tagger.artifact_path()
    if not path.exists():
        pytest.skip("no tagger artifact")
    assert path.stat().st_size < 3_000_000
    with np.load(path, allow_pickle=False) as stored:
        assert {"head.weight", "head.bias", "meta.rank", "meta.alpha"} <= set(stored.files)
        assert stored["head.weight"].shape[0] == len(LABELS)


@dataclass
class _Read:
    """A statement the rules found, as :func:`tagger.regions` sees it."""

    content_start: int
    content_end: int
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class _Finder:
    doc: Doc
    candidates: list[_Read] = field(default_factory=list)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _tagged(nlp: Language, text: str, *read: tuple[str, str]) -> list[str]:
    """The parts of ``text`` the tagger would read, when the rules found each (cue, content) of ``read``."""
    candidates = []
    for cue, content in read:
        start, cue_start = text.index(content), text.index(cue)
        candidates.append(_Read(start, start + len(content), cue_start, cue_start + len(cue)))
    finder = _Finder(nlp(text), candidates)
    return [text[s:e] for s, e in tagger.regions(finder)]  # type: ignore[arg-type]


def test_only_sentences_with_a_possible_cue_are_tagged(nlp: Language) -> None:
    text = (
        "The storm flooded two villages overnight. Engineers warn the dam may not hold. "
        "The ferry left the port at dawn."
    )
    assert _tagged(nlp, text) == ["Engineers warn the dam may not hold."]


def test_a_sentence_whose_cue_the_rules_read_is_not_tagged_again(nlp: Language) -> None:
    text = "The jury left the court at noon. Prosecutors argued that the defendant had hidden the money."
    assert _tagged(nlp, text, ("argued", "the defendant had hidden the money")) == []


def test_a_read_sentence_with_another_cue_outside_its_content_is_tagged(nlp: Language) -> None:
    text = "The coach insisted his players were fit, a claim the club's doctors dispute."
    found = _tagged(nlp, text, ("insisted", "his players were fit"))
    assert found == [text]
    # The same cue inside what was read cannot start an attribution the tagger may add.
    inside = "The coach said the doctors insist his players are fit."
    assert _tagged(nlp, inside, ("said", "the doctors insist his players are fit")) == []


def test_neighbouring_sentences_to_tag_are_one_part(nlp: Language) -> None:
    text = "Shareholders fear a hostile bid. Analysts warn the price is too low. The stock closed at 41 pence."
    assert _tagged(nlp, text) == ["Shareholders fear a hostile bid. Analysts warn the price is too low."]


@needs_model
def test_a_part_tagged_on_its_own_keeps_the_article_offsets() -> None:
    head = "The ferry left the port at dawn. "
    text = head + "Analysts at the bank believe the merger will cut thousands of jobs."
    whole = [(s.kind, s.start, s.end) for s in tagger.tag_spans(text[len(head) :], offset=len(head))]
    assert whole
    assert all(text[start:end] for _, start, end in whole)
    assert ("CUE", text.index("believe"), text.index("believe") + len("believe")) in whole


@needs_model
def test_the_tagger_runs_on_onnx_runtime_without_transformers() -> None:
    tagger.tag_spans("The minister said the talks would resume.")  # exports the graph into the cache if needed
    script = (
        "import sys\n"
        "from crosswire.attribution import tagger\n"
        "spans = tagger.tag_spans('The regulator warned that the bank could fail.')\n"
        "assert any(s.kind == 'CUE' for s in spans), spans\n"
        "assert type(tagger._runtime()).__name__ == 'OnnxRuntime'\n"
        "assert 'transformers' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)


@needs_model
def test_the_int8_graph_agrees_with_the_float_graph() -> None:
    from crosswire.attribution import tagger_onnx

    artifact = tagger.artifact_path()
    exact = tagger_onnx.OnnxRuntime(tagger_onnx.float_graph(artifact))
    quantized = tagger_onnx.OnnxRuntime(tagger_onnx.quantized_graph(artifact))
    rows = [[exact.cls, *exact.pieces(text)[0], exact.sep] for text in tagger_onnx.PROBES]
    for a, b in zip(exact.logits(rows), quantized.logits(rows), strict=True):
        assert (a.argmax(axis=1) == b.argmax(axis=1)).mean() >= 0.9


@pytest.mark.parametrize(
    ("text", "cue", "source", "passive"),
    [
        ("He is also expected to raise the cases of two detained citizens.", "expected", "He", True),
        ("The merger is widely believed to be dead.", "believed", "The merger", True),
        ("Analysts expected the central bank to raise rates.", "expected", "Analysts", False),
        ("The striker was told by the coach that he would start.", "told", "the coach", False),
    ],
)
def test_the_subject_of_a_passive_cue_is_not_its_source(
    nlp: Language, text: str, cue: str, source: str, passive: bool
) -> None:
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == cue]
    start = text.index(source)
    assert tagger.passive_subject(token, (start, start + len(source))) is passive
