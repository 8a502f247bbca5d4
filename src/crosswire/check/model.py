"""The stance classifier: two small neural networks stored as plain arrays, run with numpy.

Stage 1 decides *related* or *unrelated*; stage 2, for a related pair, decides *supports*, *refutes* or
*discusses* (trained with class weights, so the rare *refutes* is learned). Stage 2 also reads a learned
sentence-pair *head*: a logistic regression over ``[u * v, |u - v|]`` of the claim's embedding ``u`` and its
best-matching sentence's ``v``, whose log-probabilities of the three related stances are extra inputs
(:data:`HEAD_NAMES`). Gradient-boosted trees (:class:`Forest`) on the same inputs may be mixed into stage 2's
probabilities. The four stance probabilities are
``P(unrelated)`` and ``P(related) * P(stance | related)``; a per-class log-offset, tuned on held-back training
stories, is added before the arg-max.

The artifact is one ``.npz`` of float32 weights, the IDF table as a string array and a JSON header, read with
``allow_pickle=False``: it does not depend on the version of the library that trained it. ``bench/train_stance.py``
writes it; :func:`load_model` reads the copy shipped in ``crosswire/check/data``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from crosswire.check.features import SCALAR_NAMES, VECTOR_BLOCKS, Idf
from crosswire.errors import ModelError

Stance = Literal["supports", "refutes", "discusses", "unrelated"]
STANCES: tuple[Stance, ...] = ("supports", "refutes", "discusses", "unrelated")
RELATED: tuple[Stance, ...] = ("supports", "refutes", "discusses")
FORMAT = "crosswire/stance-model@1"
MODEL_FILE = "stance_model.npz"
EMBEDDING_DIMENSIONS = 384
INPUT_CLIP = 5.0
# Stage-2 input columns after SCALAR_NAMES: the head's log-probability of each related stance.
HEAD_NAMES: tuple[str, ...] = tuple(f"head_{stance}" for stance in RELATED)
INPUT_NAMES: tuple[str, ...] = (*SCALAR_NAMES, *HEAD_NAMES)


@dataclass(frozen=True)
class Network:
    """A feed-forward network: standardise the selected inputs, ReLU hidden layers, softmax output."""

    scalar_columns: tuple[int, ...]  # indices into INPUT_NAMES (SCALAR_NAMES, then HEAD_NAMES)
    vector_blocks: tuple[str, ...]  # names from VECTOR_BLOCKS
    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    def select(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """The network's raw input rows from feature rows ``scalars`` (n, len(SCALAR_NAMES)) and ``vectors``."""
        parts = [scalars[:, list(self.scalar_columns)]]
        for block in self.vector_blocks:
            i = VECTOR_BLOCKS.index(block) * EMBEDDING_DIMENSIONS
            parts.append(vectors[:, i : i + EMBEDDING_DIMENSIONS])
        return np.concatenate(parts, axis=1).astype(np.float32)

    def inputs(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """Standardised inputs, clipped so that a text unlike any training body cannot push the network far."""
        x = (self.select(scalars, vectors) - self.mean) / self.scale
        return np.clip(x, -INPUT_CLIP, INPUT_CLIP)

    def probabilities(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        h = self.inputs(scalars, vectors)
        for layer, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if layer < len(self.weights) - 1:
                h = np.maximum(h, 0.0)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)


@dataclass(frozen=True)
class Forest:
    """Gradient-boosted trees (scikit-learn's ``HistGradientBoostingClassifier``) as flat node arrays, run with numpy:
    every tree's nodes side by side, a leaf pointing to itself, so all rows walk all trees at once."""

    scalar_columns: tuple[int, ...]  # indices into INPUT_NAMES, the trees' feature order
    feature: np.ndarray  # (nodes,) int32: column of the split, into scalar_columns
    threshold: np.ndarray  # (nodes,) float32: a row goes left when its value is <= threshold
    missing_left: np.ndarray  # (nodes,) bool: where a missing (NaN) value goes
    left: np.ndarray  # (nodes,) int32, global node index; a leaf points to itself
    right: np.ndarray  # (nodes,) int32
    value: np.ndarray  # (nodes,) float32: a leaf's contribution to its class's raw score
    roots: np.ndarray  # (trees,) int32: each tree's first node
    tree_class: np.ndarray  # (trees,) int32: the class each tree scores
    baseline: np.ndarray  # (classes,) float32: the raw score before any tree
    depth: int  # the deepest leaf's depth: the number of steps that reach every leaf

    def probabilities(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        x = scalars[:, list(self.scalar_columns)].astype(np.float32)
        rows = np.arange(len(x))[:, None]
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        for _ in range(self.depth):
            values = x[rows, self.feature[node]]
            go_left = (values <= self.threshold[node]) | (np.isnan(values) & self.missing_left[node])
            node = np.where(go_left, self.left[node], self.right[node])
        raw = np.zeros((len(x), len(self.baseline)), dtype=np.float64)
        leaf_values = self.value[node].astype(np.float64)
        for c in range(len(self.baseline)):
            raw[:, c] = leaf_values[:, self.tree_class == c].sum(axis=1) + self.baseline[c]
        raw -= raw.max(axis=1, keepdims=True)
        e = np.exp(raw)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)


@dataclass(frozen=True)
class StanceModel:
    idf: Idf
    relatedness: Network  # outputs [related, unrelated]
    stance: Network  # outputs [supports, refutes, discusses]
    log_offsets: np.ndarray  # added to log-probabilities of STANCES before the arg-max
    meta: dict[str, Any]
    head: Network | None = None  # outputs [supports, refutes, discusses]; read by the stance network
    # Gradient-boosted trees on the stance network's inputs; their probabilities are mixed into the network's with
    # weight ``forest_mix`` (P(stance | related) = (1 - mix) * network + mix * trees).
    forest: Forest | None = None
    forest_mix: float = 0.0

    def with_head(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """``scalars`` with the head's log-probabilities (:data:`HEAD_NAMES`) appended (zeros without a head)."""
        if self.head is None:
            extra = np.zeros((len(scalars), len(HEAD_NAMES)), dtype=np.float32)
        else:
            extra = np.log(np.clip(self.head.probabilities(scalars, vectors), 1e-6, 1.0))
        return np.concatenate([scalars, extra], axis=1)

    @property
    def uses_frames(self) -> bool:
        """Whether a network reads the ``frame_*`` scalars (then claims must be encoded in their stance frames)."""
        columns = {*self.relatedness.scalar_columns, *self.stance.scalar_columns}
        return any(INPUT_NAMES[i].startswith("frame_") for i in columns)

    def probabilities(self, scalars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """(n, 4) probabilities over :data:`STANCES` for feature rows of n pairs."""
        if len(scalars) == 0:
            return np.zeros((0, len(STANCES)), dtype=np.float32)
        related = self.relatedness.probabilities(scalars, vectors)
        inputs = self.with_head(scalars, vectors)
        stance = self.stance.probabilities(inputs, vectors)
        if self.forest is not None and self.forest_mix > 0.0:
            stance = (1.0 - self.forest_mix) * stance + self.forest_mix * self.forest.probabilities(inputs, vectors)
        return np.concatenate([stance * related[:, :1], related[:, 1:]], axis=1)

    def decide(self, probabilities: np.ndarray) -> list[tuple[Stance, float]]:
        """The stance of each row and its probability."""
        adjusted = np.log(np.clip(probabilities, 1e-9, 1.0)) + self.log_offsets
        choices = adjusted.argmax(axis=1)
        return [(STANCES[int(c)], float(probabilities[i, int(c)])) for i, c in enumerate(choices)]


# --- storage ---------------------------------------------------------------------------------------------------


def _network_arrays(prefix: str, network: Network) -> dict[str, np.ndarray]:
    arrays = {f"{prefix}.mean": network.mean, f"{prefix}.scale": network.scale}
    for i, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
        arrays[f"{prefix}.w{i}"] = w.astype(np.float32)
        arrays[f"{prefix}.b{i}"] = b.astype(np.float32)
    return arrays


_FOREST_ARRAYS = ("feature", "threshold", "missing_left", "left", "right", "value", "roots", "tree_class", "baseline")


def _forest_arrays(forest: Forest) -> dict[str, np.ndarray]:
    return {f"forest.{name}": np.asarray(getattr(forest, name)) for name in _FOREST_ARRAYS}


def save_model(model: StanceModel, path: Path) -> None:
    """Write ``model`` as a compressed ``.npz`` without any pickled object."""
    terms = sorted(model.idf.weights)
    header = {
        **model.meta,
        "format": FORMAT,
        "scalar_names": list(INPUT_NAMES),
        "idf_default": model.idf.default,
        "networks": {
            name: {
                "scalar_columns": [INPUT_NAMES[i] for i in net.scalar_columns],
                "vector_blocks": list(net.vector_blocks),
                "layers": len(net.weights),
            }
            for name, net in (("relatedness", model.relatedness), ("stance", model.stance), ("head", model.head))
            if net is not None
        },
    }
    if model.forest is not None:
        header["forest"] = {
            "scalar_columns": [INPUT_NAMES[i] for i in model.forest.scalar_columns],
            "depth": model.forest.depth,
            "mix": model.forest_mix,
        }
    arrays = {
        "header": np.array(json.dumps(header)),
        "idf.terms": np.array(terms),
        "idf.weights": np.array([model.idf.weights[t] for t in terms], dtype=np.float32),
        "log_offsets": model.log_offsets.astype(np.float32),
        **_network_arrays("relatedness", model.relatedness),
        **_network_arrays("stance", model.stance),
        **(_network_arrays("head", model.head) if model.head is not None else {}),
        **(_forest_arrays(model.forest) if model.forest is not None else {}),
    }
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def _network(data: Any, prefix: str, spec: dict[str, Any]) -> Network:
    missing = [name for name in spec["scalar_columns"] if name not in INPUT_NAMES]
    missing += [name for name in spec["vector_blocks"] if name not in VECTOR_BLOCKS]
    if missing:
        raise ModelError(f"the stance model uses features this version lacks ({', '.join(missing)}); retrain it")
    layers = int(spec["layers"])
    return Network(
        scalar_columns=tuple(INPUT_NAMES.index(name) for name in spec["scalar_columns"]),
        vector_blocks=tuple(spec["vector_blocks"]),
        mean=data[f"{prefix}.mean"],
        scale=data[f"{prefix}.scale"],
        weights=tuple(data[f"{prefix}.w{i}"] for i in range(layers)),
        biases=tuple(data[f"{prefix}.b{i}"] for i in range(layers)),
    )


def _forest(data: Any, spec: dict[str, Any]) -> Forest:
    missing = [name for name in spec["scalar_columns"] if name not in INPUT_NAMES]
    if missing:
        raise ModelError(f"the stance model uses features this version lacks ({', '.join(missing)}); retrain it")
    arrays = {name: np.asarray(data[f"forest.{name}"]) for name in _FOREST_ARRAYS}
    forest = Forest(
        scalar_columns=tuple(INPUT_NAMES.index(name) for name in spec["scalar_columns"]),
        depth=int(spec["depth"]),
        **arrays,
    )
    nodes = len(forest.feature)
    if not (
        all(len(arrays[name]) == nodes for name in ("threshold", "missing_left", "left", "right", "value"))
        and len(forest.roots) == len(forest.tree_class)
        and all(int(a.min(initial=0)) >= 0 and int(a.max(initial=0)) < nodes for a in (forest.left, forest.right))
        and int(forest.feature.max(initial=0)) < len(forest.scalar_columns)
        and int(forest.tree_class.max(initial=0)) < len(forest.baseline)
    ):
        raise ValueError("inconsistent tree arrays")
    return forest


def read_model(path: Path) -> StanceModel:
    """Read a model written by :func:`save_model`."""
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            if header.get("format") != FORMAT:
                raise ModelError(f"{path} is not a {FORMAT} file; retrain it with bench/train_stance.py")
            terms: Sequence[str] = data["idf.terms"].tolist()
            idf = Idf(
                weights=dict(zip(terms, data["idf.weights"].tolist(), strict=True)),
                default=float(header["idf_default"]),
            )
            return StanceModel(
                idf=idf,
                relatedness=_network(data, "relatedness", header["networks"]["relatedness"]),
                stance=_network(data, "stance", header["networks"]["stance"]),
                log_offsets=np.asarray(data["log_offsets"], dtype=np.float32),
                meta=header,
                head=_network(data, "head", header["networks"]["head"]) if "head" in header["networks"] else None,
                forest=_forest(data, header["forest"]) if "forest" in header else None,
                forest_mix=float(header["forest"]["mix"]) if "forest" in header else 0.0,
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot read the stance model {path} ({exc}); reinstall Crosswire") from None


@cache
def load_model() -> StanceModel:
    """The model shipped with Crosswire, read once per process."""
    with resources.as_file(resources.files("crosswire.check") / "data" / MODEL_FILE) as path:
        return read_model(path)
