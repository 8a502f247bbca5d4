"""Train the attribution token tagger (:mod:`crosswire.attribution.tagger`) on PolNeAR's training articles.

Every training article is cut into chunks of whole sentences (at most 128 word pieces); each word piece gets the
BIO tag of the gold attribution part its first character belongs to (SOURCE, CUE or CONTENT; PolNeAR is univocal,
so this is one sequence). The base encoder (all-MiniLM-L6-v2 from the installed package) stays frozen; low-rank
adapters on its attention and feed-forward projections and a linear tag head are trained with AdamW and
cross-entropy. The training articles are split by article 85/15 (fixed seed, ``polnear.held_out``, so that
``bench/polnear.py --split held`` measures the statements on the same articles): the 15 % picks the checkpoint and
the "O" threshold. The dev split is never read.

The loss can weigh what makes a statement right rather than every piece alike: ``--cue-weight`` on the cue pieces
(an attribution whose cue is missed is missed whole) and ``--boundary-weight`` on the first and last piece of each
content and the pieces just outside it (a content one clause off fails the statement match). Each check reports the
token F1 of the non-O tags and the content-span F1 (content spans decoded from the tags and matched as statements
are); ``--pick`` says which picks the checkpoint (``spans`` by default). The adapters and head go to
``src/crosswire/attribution/data/tagger.npz`` (float16, no pickle).

    nice -n 5 .venv/bin/python bench/train_attribution_tagger.py [--epochs 2] [--minutes 22] [--steps N] [--limit N]
        [--init tagger.npz] [--shift K] [--freeze N --cache DIR --eval-every N --keep DIR] [--threads N]
        [--cue-weight W --boundary-weight W] [--pick spans|tokens]

Each run is bounded by ``--minutes`` (and ``--steps``, for an exact rerun on a faster machine). The shipped
artifact took two runs on two shared CPU cores (seed 17): ``--epochs 2 --minutes 24 --lr 5e-4`` (stopped by its time
box after about 110 steps of 16 chunks, a quarter of an epoch; held-out token F1 0.768), then
``--epochs 1 --minutes 17 --lr 3e-4 --head-lr 5e-4 --shift 100 --init <the first run's npz>`` (about 70 steps more;
held-out token F1 0.795 at threshold 0), then ``--epochs 1 --minutes 24 --lr 3e-4 --head-lr 5e-4 --shift 200
--init <the second run's npz>`` (108 steps more; held-out token F1 0.810 at threshold +0.5). About 70 minutes in
all, under an epoch.

``--freeze N`` keeps the lowest N encoder layers (and their adapters) as ``--init`` has them, runs them once over
every chunk and keeps their outputs in ``--cache`` (float16, outside the repository: about 640 MB for N = 4), so
each step runs only the layers above and the head; the learning rate falls linearly over the time box and the
held-out chunks pick the checkpoint every ``--eval-every`` steps. From the shipped artifact, ``--freeze 4 --minutes
35 --lr 4e-4 --head-lr 5e-4 --shift 300`` took 455 steps (about 1.1 epochs of the top two layers; the cache 23
minutes on the loaded machine) and raised the held-out token F1 from 0.810 to 0.821, which did not carry over to
the attributions (``docs/attribution.md``, "Tried and not shipped"). The same from the shipped artifact with
``--cue-weight 3`` (``--lr 3e-4 --minutes 20 --eval-every 60``, 128 steps) raised the held-out content-span F1 from
0.5675 to 0.590 and edge weights (``--boundary-weight 3`` or 6) lowered it; neither moved the statements.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
import torch
from transformers import AutoTokenizer

import polnear
from crosswire.attribution import tagger
from crosswire.nlp.onnx_encoder import model_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "attribution" / "data" / tagger.ARTIFACT
SEED = polnear.HELD_OUT_SEED


def char_labels(text: str, golds: list[polnear.Gold], spans: dict[str, list[tuple[int, int]]]) -> list[tuple[str, int]]:
    """Each character's (kind, attribution index), kind "" for none."""
    labels: list[tuple[str, int]] = [("", -1)] * len(text)
    for index, gold in enumerate(golds):
        for kind, parts in (("SOURCE", gold.source), ("CUE", gold.cue)):
            for start, end in parts:
                for i in range(start, min(end, len(text))):
                    labels[i] = (kind, index)
        for i in gold.content:
            if i < len(text):
                labels[i] = ("CONTENT", index)
    return labels


def examples(split: str, limit: int | None, tokenizer: object) -> dict[str, list[tuple[list[int], list[int]]]]:
    """Article id -> its chunks as (piece ids with [CLS]/[SEP], label ids without them)."""
    out: dict[str, list[tuple[list[int], list[int]]]] = {}
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id  # type: ignore[attr-defined]
    for doc_id, text, golds in polnear.documents(split, limit):
        ids, offsets = tagger.encode(text, tokenizer)
        per_char = char_labels(text, golds, {})
        piece_labels: list[int] = []
        previous: tuple[str, int] = ("", -1)
        for start, _ in offsets:
            kind, index = per_char[start] if start < len(per_char) else ("", -1)
            if not kind:
                piece_labels.append(0)
            else:
                prefix = "I" if previous == (kind, index) else "B"
                piece_labels.append(tagger.LABELS.index(f"{prefix}-{kind}"))
            previous = (kind, index)
        out[doc_id] = [([cls, *ids[s:e], sep], piece_labels[s:e]) for s, e in tagger.chunks(offsets, text)]
    return out


Batch = tuple[torch.Tensor, torch.Tensor, torch.Tensor]


def batches(rows: list[tuple[list[int], list[int]]], size: int) -> list[Batch]:
    out = []
    for first in range(0, len(rows), size):
        part = rows[first : first + size]
        width = max(len(ids) for ids, _ in part)
        input_ids = torch.zeros((len(part), width), dtype=torch.long)
        mask = torch.zeros((len(part), width), dtype=torch.long)
        labels = torch.full((len(part), width), -100, dtype=torch.long)
        for i, (ids, tags) in enumerate(part):
            input_ids[i, : len(ids)] = torch.tensor(ids)
            mask[i, : len(ids)] = 1
            labels[i, 1 : 1 + len(tags)] = torch.tensor(tags)
        out.append((input_ids, mask, labels))
    return out


def content_spans(labels: np.ndarray) -> list[tuple[int, int]]:
    """The content spans ``[start, end)`` of one chunk's labels, decoded as the tagger decodes them (a B tag opens a
    span, an I tag goes on with the span before or opens one)."""
    out: list[tuple[int, int]] = []
    start = None
    for i, label in enumerate([*labels.tolist(), 0]):
        if label == CONTENT_LABELS[1] and start is not None:
            continue
        if start is not None:
            out.append((start, i))
            start = None
        if label in CONTENT_LABELS:
            start = i
    return out


def span_matches(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """How many predicted content spans match a gold one as the statement metric matches them (sharing at least half
    of either span's pieces), one to one."""
    used: set[int] = set()
    for start, end in predicted:
        for g, (gold_start, gold_end) in enumerate(gold):
            shared = min(end, gold_end) - max(start, gold_start)
            if g not in used and shared > 0 and 2 * shared >= end - start and 2 * shared >= gold_end - gold_start:
                used.add(g)
                break
    return len(used)


def _count(counts: np.ndarray, logits: np.ndarray, gold: np.ndarray, thresholds: list[float]) -> None:
    """Add each threshold's counts of one batch: (true positives, predicted, gold) of the non-O tags, then the same
    of the content spans (matched as statements are: the part of a statement the tags alone decide)."""
    keep = gold != -100
    for t, threshold in enumerate(thresholds):
        adjusted = logits.copy()
        adjusted[..., 0] += threshold
        predicted = adjusted.argmax(-1)
        p, g = predicted[keep], gold[keep]
        counts[t, :3] += [int(((p == g) & (g != 0)).sum()), int((p != 0).sum()), int((g != 0).sum())]
        for row in range(gold.shape[0]):
            mine, theirs = content_spans(predicted[row][keep[row]]), content_spans(gold[row][keep[row]])
            counts[t, 3:] += [span_matches(mine, theirs), len(mine), len(theirs)]


def _f1s(counts: np.ndarray, spans: bool = False) -> list[float]:
    """Each threshold's token F1 (or with ``spans`` its content-span F1)."""
    out = []
    for tp, n_p, n_g in counts[:, 3:] if spans else counts[:, :3]:
        precision, recall = tp / max(n_p, 1), tp / max(n_g, 1)
        out.append(2 * precision * recall / max(precision + recall, 1e-9))
    return out


def token_f1(model: torch.nn.Module, rows: list[tuple[list[int], list[int]]], thresholds: list[float]) -> list[float]:
    """Micro F1 over the non-O tags of the pieces, for each "O" threshold."""
    model.eval()
    counts = np.zeros((len(thresholds), 6))
    with torch.inference_mode():
        for input_ids, mask, labels in batches(rows, 32):
            _count(counts, model(input_ids, mask).numpy(), labels.numpy(), thresholds)
    model.train()
    return _f1s(counts)


def _optimizer(model: torch.nn.Module, args: argparse.Namespace) -> torch.optim.Optimizer:
    """AdamW over the trainable adapters (``--lr``) and the head (``--head-lr``)."""
    adapters = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    return torch.optim.AdamW(
        [{"params": adapters, "lr": args.lr}, {"params": model.head.parameters(), "lr": args.head_lr}],
        weight_decay=0.01,
    )


CUE_LABELS = (tagger.LABELS.index("B-CUE"), tagger.LABELS.index("I-CUE"))
CONTENT_LABELS = (tagger.LABELS.index("B-CONTENT"), tagger.LABELS.index("I-CONTENT"))


def piece_weights(labels: torch.Tensor, cue: float, boundary: float) -> torch.Tensor:
    """Each piece's weight in the loss, so that what is learned is what makes a statement right: ``cue`` on the cue
    pieces (an attribution whose cue is missed is missed whole), ``boundary`` on the first and last piece of each
    content span and on the pieces just outside it (a content that starts or ends a clause off fails the match),
    1 elsewhere and 0 on padding. A piece that is both takes the larger weight."""
    weights = torch.where(labels == -100, 0.0, 1.0)
    is_cue = (labels == CUE_LABELS[0]) | (labels == CUE_LABELS[1])
    weights = torch.where(is_cue, torch.full_like(weights, cue), weights)
    content = (labels == CONTENT_LABELS[0]) | (labels == CONTENT_LABELS[1])
    before = torch.zeros_like(content)
    before[:, 1:] = content[:, :-1]
    after = torch.zeros_like(content)
    after[:, :-1] = labels[:, 1:] == CONTENT_LABELS[1]
    first = content & ((labels == CONTENT_LABELS[0]) | ~before)  # a content span opens here
    last = content & ~after  # and closes here
    edge = first | last
    outside = torch.zeros_like(edge)
    outside[:, :-1] |= first[:, 1:]
    outside[:, 1:] |= last[:, :-1]
    edge |= outside & (labels != -100) & ~content
    return torch.where(edge, torch.maximum(weights, torch.full_like(weights, boundary)), weights)


class WeightedLoss(torch.nn.Module):
    """Cross-entropy with each piece weighted by :func:`piece_weights`, normalised by the weights' sum (plain
    cross-entropy when both weights are 1)."""

    def __init__(self, cue: float = 1.0, boundary: float = 1.0) -> None:
        super().__init__()
        self.cue, self.boundary = cue, boundary

    def forward(self, logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        weights = piece_weights(labels, self.cue, self.boundary)
        flat = torch.nn.functional.cross_entropy(
            logits.reshape(-1, len(tagger.LABELS)), labels.reshape(-1), ignore_index=-100, reduction="none"
        )
        return (flat * weights.reshape(-1)).sum() / weights.sum().clamp(min=1.0)


def _step(
    loss_fn: WeightedLoss,
    logits: torch.Tensor,
    labels: torch.Tensor,
    optimizer: torch.optim.Optimizer,
    schedule: torch.optim.lr_scheduler.LRScheduler,
) -> float:
    """One optimizer step on the (weighted) cross-entropy of a batch; its loss."""
    loss = loss_fn(logits, labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    schedule.step()
    return float(loss.detach())


def trained_arrays(model: torch.nn.Module) -> dict[str, np.ndarray]:
    """Every adapter and the head as float16 arrays (also the frozen lower layers' adapters of a ``--freeze`` run)."""
    return {
        name: parameter.detach().cpu().numpy().astype(np.float16)
        for name, parameter in model.named_parameters()
        if name.startswith("head.") or name.endswith((".a", ".b"))
    }


class Cached:
    """The hidden states after the lowest ``first`` encoder layers of every chunk, computed once and kept on disk
    (float16, ``numpy.lib.format.open_memmap``), so that a step runs only the layers above and the head."""

    def __init__(self, model: torch.nn.Module, rows: list[tuple[list[int], list[int]]], first: int, path: Path) -> None:
        self.rows, self.first = rows, first
        lengths = np.array([len(ids) for ids, _ in rows])
        self.starts = np.concatenate([[0], np.cumsum(lengths)])
        hidden = model.encoder.config.hidden_size
        done = path.with_suffix(".done")
        if done.exists():
            self.store = np.load(path, mmap_mode="r")
            return
        store = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=(int(self.starts[-1]), hidden))
        captured: list[torch.Tensor] = []
        hook = model.encoder.encoder.layer[first - 1].register_forward_hook(lambda m, i, o: captured.append(o))
        order = np.argsort(lengths)
        model.eval()
        with torch.inference_mode():
            for at in range(0, len(order), 32):
                part = [int(i) for i in order[at : at + 32]]
                input_ids, mask, _ = batches([rows[i] for i in part], len(part))[0]
                captured.clear()
                model.encoder(input_ids=input_ids, attention_mask=mask)
                out = captured[0][0] if isinstance(captured[0], tuple) else captured[0]
                for j, i in enumerate(part):
                    store[self.starts[i] : self.starts[i + 1]] = out[j, : lengths[i]].numpy().astype(np.float16)
        hook.remove()
        model.train()
        store.flush()
        done.touch()
        self.store = np.load(path, mmap_mode="r")

    def batch(self, indexes: list[int]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        width = max(len(self.rows[i][0]) for i in indexes)
        hidden = torch.zeros((len(indexes), width, self.store.shape[1]))
        mask = torch.zeros((len(indexes), width), dtype=torch.long)
        labels = torch.full((len(indexes), width), -100, dtype=torch.long)
        for j, i in enumerate(indexes):
            n = len(self.rows[i][0])
            hidden[j, :n] = torch.from_numpy(np.asarray(self.store[self.starts[i] : self.starts[i + 1]], np.float32))
            mask[j, :n] = 1
            tags = self.rows[i][1]
            labels[j, 1 : 1 + len(tags)] = torch.tensor(tags)
        return hidden, mask, labels


def top_logits(model: torch.nn.Module, first: int, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The tag logits from the hidden states after layer ``first`` (the layers above it and the head)."""
    from transformers.masking_utils import create_bidirectional_mask

    extended = create_bidirectional_mask(config=model.encoder.config, inputs_embeds=hidden, attention_mask=mask)
    for layer in model.encoder.encoder.layer[first:]:
        out = layer(hidden, extended)
        hidden = out[0] if isinstance(out, tuple) else out
    return model.head(hidden)


def cached_f1(
    model: torch.nn.Module, cached: Cached, first: int, thresholds: list[float]
) -> tuple[list[float], list[float]]:
    """Each threshold's token F1 and content-span F1 (:func:`_count`) on cached lower-layer states."""
    model.eval()
    counts = np.zeros((len(thresholds), 6))
    with torch.inference_mode():
        for at in range(0, len(cached.rows), 32):
            hidden, mask, labels = cached.batch(list(range(at, min(at + 32, len(cached.rows)))))
            _count(counts, top_logits(model, first, hidden, mask).numpy(), labels.numpy(), thresholds)
    model.train()
    return _f1s(counts), _f1s(counts, spans=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--minutes", type=float, default=22.0, help="stop training after this many minutes")
    parser.add_argument("--steps", type=int, default=None, help="stop training after this many steps (exact reruns)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N training articles")
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--alpha", type=float, default=16.0)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--shift", type=int, default=0, help="a different chunk order (a continued run)")
    parser.add_argument("--init", type=Path, default=None, help="start from these adapters and head (a tagger.npz)")
    parser.add_argument("--freeze", type=int, default=0, help="keep the lowest N layers as --init has them")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/attribution-tagger-cache"), help="for --freeze")
    parser.add_argument("--eval-every", type=int, default=100, help="held-out check every N steps (--freeze)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (the machine is shared)")
    parser.add_argument("--cue-weight", type=float, default=1.0, help="loss weight of the cue pieces")
    parser.add_argument("--boundary-weight", type=float, default=1.0, help="loss weight of the content edges")
    parser.add_argument("--pick", choices=("spans", "tokens"), default="spans", help="what picks the checkpoint")
    parser.add_argument("--keep", type=Path, default=None, help="also write every checked step's npz here (--freeze)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    random.seed(SEED)
    started = time.monotonic()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir()), local_files_only=True)
    data = examples("train", args.limit, tokenizer)
    held, fitted = polnear.held_out(list(data))
    train_rows = [row for a in fitted for row in data[a]]
    held_rows = [row for a in held for row in data[a]]
    print(f"{len(fitted)} training articles ({len(train_rows)} chunks), {len(held)} held out ({len(held_rows)})")
    model = tagger.build(args.rank, args.alpha)
    if args.init is not None:
        with np.load(args.init, allow_pickle=False) as stored:
            state = {
                k: torch.from_numpy(stored[k].astype(np.float32)) for k in stored.files if not k.startswith("meta.")
            }
        missing = set(state) - set(dict(model.named_parameters()))
        assert not missing, missing
        model.load_state_dict(state, strict=False)
    if args.freeze:
        best = frozen_run(model, args, train_rows, held_rows, started)
        save(args, best)
        return
    optimizer = _optimizer(model, args)
    steps = args.epochs * ((len(train_rows) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.0, 1 - step / max(steps, 1)))
    loss_fn = WeightedLoss(args.cue_weight, args.boundary_weight)
    thresholds = [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5]
    best: tuple[float, float, dict[str, np.ndarray]] | None = None
    model.train()
    out_of_time = False
    done = 0  # optimizer steps taken
    for epoch in range(args.epochs):
        order = list(train_rows)
        random.Random(SEED + epoch + args.shift).shuffle(order)
        total = 0.0
        for step, (input_ids, mask, labels) in enumerate(batches(order, args.batch)):
            logits = model(input_ids, mask)
            total += _step(loss_fn, logits, labels, optimizer, schedule)
            if step % 25 == 0:
                print(f"epoch {epoch} step {step} loss {total / (step + 1):.4f} {time.monotonic() - started:.0f}s")
                sys.stdout.flush()
            done += 1
            if time.monotonic() - started > args.minutes * 60 or (args.steps is not None and done >= args.steps):
                out_of_time = True
                break
        scores = token_f1(model, held_rows, thresholds)
        index = int(np.argmax(scores))
        print(
            f"epoch {epoch}: held-out token F1 "
            + " ".join(f"{t:+.1f}:{s:.4f}" for t, s in zip(thresholds, scores, strict=False))
        )
        if best is None or scores[index] > best[0]:
            best = (scores[index], thresholds[index], trained_arrays(model))
        if out_of_time:
            print(f"time or step box reached after {done} steps")
            break
    assert best is not None
    save(args, best)


Best = tuple[float, float, dict[str, np.ndarray]]
THRESHOLDS = [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5]


def save(args: argparse.Namespace, best: Best, path: Path | None = None) -> None:
    """Write the adapters and head with the run's settings and chosen "O" threshold (float16, no pickle)."""
    out = path or args.out
    arrays = dict(best[2])
    arrays["meta.rank"] = np.array(args.rank)
    arrays["meta.alpha"] = np.array(args.alpha)
    arrays["meta.threshold"] = np.array(best[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    print(f"held-out F1 {best[0]:.4f} at threshold {best[1]:+.1f}; wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")


def _report(step: str, tokens: list[float], spans: list[float], seconds: float) -> None:
    print(
        f"{step}: held-out token F1 "
        + " ".join(f"{t:+.1f}:{s:.4f}" for t, s in zip(THRESHOLDS, tokens, strict=True))
        + " content-span F1 "
        + " ".join(f"{t:+.1f}:{s:.4f}" for t, s in zip(THRESHOLDS, spans, strict=True))
        + f" {seconds:.0f}s"
    )
    sys.stdout.flush()


def frozen_run(
    model: torch.nn.Module,
    args: argparse.Namespace,
    train_rows: list[tuple[list[int], list[int]]],
    held_rows: list[tuple[list[int], list[int]]],
    started: float,
) -> Best:
    """Train only the layers from ``--freeze`` up and the head, on the lower layers' outputs cached once; the learning
    rate falls linearly over the time box (to 2 %). The held-out chunks pick the checkpoint every ``--eval-every``
    steps."""
    first = args.freeze
    for name, parameter in model.named_parameters():
        layer = name.split("encoder.encoder.layer.")[1].split(".")[0] if "encoder.encoder.layer." in name else None
        if layer is not None and int(layer) < first:
            parameter.requires_grad_(False)
    args.cache.mkdir(parents=True, exist_ok=True)
    tag = f"{first}-{args.limit}-{hashlib.blake2b((args.init or Path()).read_bytes(), digest_size=6).hexdigest()}"
    held = Cached(model, held_rows, first, args.cache / f"held-{tag}.npy")
    fitted = Cached(model, train_rows, first, args.cache / f"train-{tag}.npy")
    print(f"cached the lowest {first} layers in {time.monotonic() - started:.0f}s")
    sys.stdout.flush()
    optimizer = _optimizer(model, args)
    budget, box_start = args.minutes * 60, time.monotonic()
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: max(0.02, 1 - (time.monotonic() - box_start) / budget)
    )
    loss_fn = WeightedLoss(args.cue_weight, args.boundary_weight)
    chosen = 1 if args.pick == "spans" else 0  # which of cached_f1's two scores picks the checkpoint

    def checked(step: str) -> Best:
        scores = cached_f1(model, held, first, THRESHOLDS)
        _report(step, *scores, time.monotonic() - started)
        index = int(np.argmax(scores[chosen]))
        return (scores[chosen][index], THRESHOLDS[index], trained_arrays(model))

    best = checked("start")
    done, total, epoch = 0, 0.0, 0
    while True:
        order = list(range(len(train_rows)))
        random.Random(SEED + epoch + args.shift).shuffle(order)
        for at in range(0, len(order), args.batch):
            hidden, mask, labels = fitted.batch(order[at : at + args.batch])
            logits = top_logits(model, first, hidden, mask)
            total += _step(loss_fn, logits, labels, optimizer, schedule)
            done += 1
            over = time.monotonic() - box_start > budget or (args.steps is not None and done >= args.steps)
            if done % args.eval_every == 0 or over:
                print(f"step {done} (epoch {epoch}) loss {total / args.eval_every:.4f}")
                total = 0.0
                now = checked(f"step {done}")
                if args.keep is not None:
                    save(args, now, args.keep / f"step-{done}.npz")
                if now[0] > best[0]:
                    best = now
            if over:
                return best
        epoch += 1


if __name__ == "__main__":
    main()
