"""The learned steps of the attribution stage (:mod:`crosswire.attribution.finder`), over what the rules found.

- **proposals** — verbs, nouns and adjectives the rules left alone, read by the cue classifier of
  :mod:`.cue_model`; the likeliest become statements, one per cue token, none repeating found content. Before
  them, the title's verbs that the tagger read as nouns ("Senator Slams Ruling") are statements.
- **boundary** — each indirect content ends where :mod:`crosswire.attribution.spans` says: the rules' own end or
  the rest of the sentence.
- **screen** — a rule statement the screen finds unlikely to be an attribution is dropped.

All three read ``data/cue_model.json`` (``bench/train_attribution.py`` writes it); without it they do nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosswire.attribution import bounds, cue_model, verb_content
from crosswire.attribution import cue_parse as parse
from crosswire.attribution import spans as content_spans
from crosswire.attribution.cue_parse import Candidate

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder


def proposals(finder: _Finder) -> list[cue_model.Proposal]:
    """The verbs the rules left alone that could be cues (:mod:`.cue_model`), with their features."""
    # cue tokens already read, also those of nested sources ("citing an unnamed source"), known by their offset
    cue_starts = {c.cue_start for c in finder.candidates}
    taken = {c.cue_token for c in finder.candidates if c.cue_token is not None}
    taken |= {t.i for t in finder.doc if t.idx in cue_starts}
    taken |= finder.read_with_governor
    contents = [(c.content_start, c.content_end, c.kind) for c in finder.candidates]

    def quoted(position: int) -> bool:
        quote = finder.in_quote(position)
        return quote is not None and quote.closed

    return list(cue_model.proposals(finder.doc, parse.subject_of, taken, contents, quoted))


def title_verbs(finder: _Finder) -> None:
    """ "Conservative Icon Morton Blackwell Endorses Ted Cruz": statements of the title's verbs that the tagger read
    as nouns (:func:`.cue_model.title_verbs`), unless their content was found already."""
    taken = {c.cue_token for c in finder.candidates if c.cue_token is not None}
    spans = [(c.content_start, c.content_end) for c in finder.candidates]
    for found in cue_model.title_verbs(finder.doc, taken):
        start, end = found.content
        if any(parse.same_content(start, end, *o) for o in spans):
            continue
        spans.append((start, end))
        token = found.token
        reading = replace(parse.reading(token, "model"), lemma=found.lemma)
        finder.candidates.append(
            Candidate(
                *(token.idx, token.idx + len(token.text)), found.lemma, start, end, finder.text[start:end],
                found.speaker, finder.is_verbatim(start, end), reading, "indirect", cue_token=token.i,
                stance_text=parse.stance_window(finder.text, token),
            )
        )  # fmt: skip


def learned_cues(finder: _Finder) -> None:
    """Statements of the learned cue classifier: the likeliest proposals first, none repeating found content."""
    model = cue_model.model()
    if model is None:
        return
    scored = [(model.probability(p.features), n, p) for n, p in enumerate(proposals(finder))]
    spans = [(c.content_start, c.content_end) for c in finder.candidates]
    read: set[int] = set()  # one reading per cue token
    for probability, _, proposal in sorted(scored, key=lambda x: (-x[0], x[1])):
        if probability < model.threshold:
            break
        if proposal.token.i in read:
            continue
        start, end = bounds.trim(finder.text, *proposal.content)
        end = (
            verb_content.words_said_end(finder.doc, finder.text, end) or end
        )  # "highlighted comments X made saying ..."
        speaker = bounds.trim(finder.text, *proposal.speaker)
        if end - start < 2 or speaker[1] <= speaker[0] or any(parse.same_content(start, end, *o) for o in spans):
            continue
        token = proposal.token
        spans.append((start, end))
        read.add(token.i)
        reading = parse.reading(token, "model")
        finder.candidates.append(
            Candidate(
                *(token.idx, token.idx + len(token.text)), reading.lemma, start, end, finder.text[start:end],
                speaker, finder.is_verbatim(start, end), reading, "indirect", cue_token=token.i,
                stance_text=parse.stance_window(finder.text, token), finite=parse.is_finite(token, reading),
            )
        )  # fmt: skip


def is_twin(finder: _Finder, candidate: Candidate) -> bool:
    """Relayed through a statement with the same content ("X reported, citing a source"): one attribution."""
    return any(
        (finder.candidates[j].content_start, finder.candidates[j].content_end)
        == (candidate.content_start, candidate.content_end)
        for j in candidate.via
    )


def screen_features(finder: _Finder, candidate: Candidate) -> tuple[str, ...]:
    token = finder.doc[candidate.cue_token] if candidate.cue_token is not None else None
    return cue_model.screen_features(
        token,
        candidate.kind,
        candidate.reading.tier,
        candidate.cue_lemma,
        (candidate.content_start, candidate.content_end),
        candidate.speaker is not None,
        candidate.direct,
        bool(candidate.via),
        finder.text,
    )


def screen(finder: _Finder) -> None:
    """Drop the rule statements the learned screen finds unlikely to be attributions (``data/cue_model.json``)."""
    model = cue_model.screen_model()
    if model is None:
        return
    dropped = {
        index
        for index, candidate in enumerate(finder.candidates)
        if candidate.reading.tier != "model"
        and not candidate.in_quote  # fitted on PolNeAR, which reads the outer quote only
        and not is_twin(finder, candidate)
        and model.probability(screen_features(finder, candidate)) < model.threshold
    }
    finder.remove(dropped)


def end_variants(finder: _Finder) -> list[tuple[int, list[content_spans.Variant]]]:
    """Per indirect statement (by index), the ends its content could have (:mod:`.spans`)."""
    quoted = [(q.start, q.end) for q in finder.quotes]
    return [
        (
            index,
            content_spans.variants(
                finder.doc, finder.text, c.content_start, c.content_end, c.kind, quoted, c.cue_start
            ),
        )
        for index, c in enumerate(finder.candidates)
        if c.kind in {"indirect", "according"} and not c.direct and not c.fixed_end
    ]


def choose_ends(finder: _Finder) -> None:
    """End each indirect content where the learned boundary model says; statements sharing a content follow."""
    moved: dict[tuple[int, int], int] = {}
    for index, found in end_variants(finder):
        candidate = finder.candidates[index]
        end = content_spans.choose(found)
        if end != candidate.content_end:
            moved[(candidate.content_start, candidate.content_end)] = end
    for candidate in finder.candidates:
        end = moved.get((candidate.content_start, candidate.content_end), candidate.content_end)
        if end != candidate.content_end:
            candidate.content_end, candidate.content = end, finder.text[candidate.content_start : end]
