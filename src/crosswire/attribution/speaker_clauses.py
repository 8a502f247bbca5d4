"""Clauses inside a speaker's phrase: "The league, which must approve any new owner, confirmed ...", "A resident who
asked not to be named said ...", "... according to Reuters, which cited local officials".

A step of :class:`crosswire.attribution.finder._Finder`, run on its candidates after the rules and the learned cue
proposals, before requests for anonymity are dropped:

- a relative clause set off by a comma after the speaker's noun ("Switzerland's foreign ministry, which hosts the
  talks,") says more about a speaker already named: the speaker's words end at the comma. A restrictive one, not
  set off ("a resident who asked not to be named", "two officials who spoke on condition of anonymity"), picks the
  speaker out and stays in its words;
- neither kind is a statement of its own: a cue inside it ("approve", "agreed to buy", "did not want to be named")
  is dropped, unless it reports a clause or a quote ("Acme, which said last week it would cut jobs, ...");
- a request not to be named inside it ("who asked not to be identified", "who was not authorised to speak",
  "who spoke on condition of anonymity") makes the speaker anonymous;
- a verb of citing in it ("which cited local officials", "who quoted a police spokesman") is a relay: the cited
  source's statement, relayed via the speaker's (as "X reported, citing Y" is, :mod:`.citations`).

The phrase between a quote and its cue ('“We will appeal,” the family's lawyer, Ruth Okafor, said') is read here as
well (:func:`named_after_quote`): the speaker is the whole phrase, apposition and all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from crosswire.attribution import anonymity, bounds, citations, cues

if TYPE_CHECKING:
    from crosswire.attribution.finder import _Finder

# The parts of speech of a speaker's noun phrase between a quote and its cue ("the family's lawyer, Ruth Okafor").
_PHRASE_POS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "PART", "NUM", "ADP", "CCONJ", "PUNCT"})


def relative_clauses(finder: _Finder, start: int, end: int) -> list[Token]:
    """The relative clauses on a noun inside the speaker span ``start``..``end``."""
    span = finder.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if t.dep_ == "relcl" and span.start <= t.head.i < span.end and t.head.i < t.i]


def set_off(clause: Token) -> int | None:
    """Where the comma setting a relative clause off from its noun stands ("X, which ..."), or None."""
    before = clause.left_edge.i - 1
    if before < 0 or clause.doc[before].text != ",":
        return None
    return clause.doc[before].idx


def statement_of_its_own(token: Token, tier: str | None) -> bool:
    """Whether a cue inside a relative clause is a statement of its own: a verb of saying or of thinking with what it
    says ("who said he would ...", "who praised the deal", "who thinks often about ..."; ``tier``: the verb's in the
    cue lexicon), not a verb the lexicon does not hold as one ("which must approve any new owner", "which has
    campaigned against the pipeline") nor one with only an infinitive ("which agreed to buy Calder Trust", "who
    declined to run again")."""
    if tier not in {"speech", "belief"}:
        return False
    after = {c.dep_ for c in token.children if c.i > token.i}
    return not (after & {"xcomp"}) or bool(after & {"ccomp", "dobj", "parataxis"})


def speaker_clauses(finder: _Finder) -> None:
    """Read the relative clauses inside each candidate's speaker phrase (see the module's docstring)."""
    text = finder.text
    dropped: set[int] = set()
    for index in range(len(finder.candidates)):
        candidate = finder.candidates[index]
        if candidate.speaker is None or candidate.kind == "nested" or index in dropped:
            continue
        start, end = candidate.speaker
        clauses = relative_clauses(finder, start, end)
        if not clauses:
            continue
        anonymous = False
        for clause in clauses:
            first, last = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
            if candidate.cue_start is not None and first <= candidate.cue_start < last:
                continue  # "X, who highlighted comments ..., saying ...": the clause the cue itself stands in
            asks = bool(anonymity.ANONYMOUS_CLAUSE.search(text, first, last))
            anonymous = anonymous or asks
            for other, inner in enumerate(finder.candidates):
                if other != index and inner.cue_start is not None and first <= inner.cue_start < last:
                    token = finder.doc[inner.cue_token] if inner.cue_token is not None else None
                    if (
                        asks
                        or token is None
                        or token.lemma_.lower() in cues.CITING
                        or not (inner.direct or statement_of_its_own(token, cues.cue_tier(token.lemma_)))
                    ):
                        dropped.add(other)
            if clause.lemma_.lower() in cues.CITING:
                source = citations.cited_source(finder, clause)
                if source is not None:
                    citations.add_nested(finder, candidate, index, source, clause, "cite")
            comma = set_off(clause)
            if comma is not None and start < comma < end:
                end = bounds.trim(text, start, comma)[1]
        candidate.speaker = (start, end)
        if anonymous:
            finder.unnamed.add(candidate.speaker)
    finder.remove(dropped)


# Verbs of the reporter's own legwork ("Dealers we spoke to", "Commuters we talked to", "fans I asked").
LEGWORK = frozenset({"speak", "talk", "interview", "ask", "contact", "reach", "survey", "poll", "consult", "question"})


def _legwork(token: Token) -> Token | None:
    """The writer ("we", "I") as the subject of a verb of legwork right after the noun it describes ("Dealers we
    spoke to"), or None."""
    if token.lemma_.lower() not in LEGWORK:
        return None
    writer = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ in {"we", "i"} and c.i == token.i - 1]
    if writer and writer[0].i > token.sent.start and token.doc[writer[0].i - 1].tag_ in _NOUN_TAGS:
        return writer[0]
    return None


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def reporters_legwork(finder: _Finder) -> None:
    """ "Dealers we spoke to put the value at 45 million euros", "Commuters we talked to were angry": a verb of
    speaking whose subject is the writer ("we", "I"), right after the noun it describes (a relative clause without
    its pronoun, which the parser often reads as the sentence's root), tells whom the reporter asked, not what
    anybody said: no statement. A statement the writer's pronoun was read as the speaker of ("Analysts we spoke to
    expect ...") is the people described: the speaker is the noun phrase with its clause."""
    doc = finder.doc
    dropped: set[int] = set()
    for index, candidate in enumerate(finder.candidates):
        if candidate.cue_token is not None and not candidate.direct and _legwork(doc[candidate.cue_token]):
            dropped.add(index)
            continue
        if candidate.speaker is None:
            continue
        span = doc.char_span(*candidate.speaker, alignment_mode="expand")
        if span is None or len(span) != 1 or (writer := _legwork(span[0].head)) is None or writer.i != span[0].i:
            continue
        first = writer.i - 1
        while first > writer.sent.start and doc[first - 1].tag_ in _NOUN_TAGS | {"JJ", "DT", "CD", "PRP$"}:
            first -= 1
        last = writer.head.i + (
            1 if writer.head.i + 1 < len(doc) and doc[writer.head.i + 1].lower_ in {"to", "with"} else 0
        )
        candidate.speaker = (doc[first].idx, doc[last].idx + len(doc[last].text))
    finder.remove(dropped)


def named_after_quote(finder: _Finder, token: Token) -> tuple[int, int] | None:
    """'“We will appeal,” the family's lawyer, Ruth Okafor, said': the noun phrase between a quote that closes
    on a comma (or "?", "!") and its cue verb is who said it, apposition and all. The parser often hangs it on the
    quote (an apposition of the quote's last noun, an object of its verb) or gives the cue only the name."""
    quote = next((q for q in reversed(finder.quotes) if q.end <= token.idx), None)
    if quote is None or not quote.closed or quote.title:
        return None
    inner_end = quote.inner(finder.text)[1]
    closing = finder.text[inner_end - 1 : inner_end]
    lead = finder.text[: quote.start].rstrip(" \t")
    if closing not in {",", "?", "!"} or (lead and lead[-1] not in '\n.!?"”'):
        return None  # a quote inside a sentence ('shouted, “Cruz,” Beck joked') is its own cue's
    words = [t for t in finder.doc if quote.end <= t.idx and t.idx + len(t.text) <= token.idx]
    if not words or words[0].idx - quote.end > 2 or "\n" in finder.text[quote.end : token.idx]:
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in words) or len(words) > 12:
        return None
    if any(
        t.pos_ not in _PHRASE_POS or t.tag_ in {"WDT", "WP"} or (t.pos_ == "PUNCT" and t.text != ",") for t in words
    ):
        return None
    if closing != "," and words[0].text[:1].isupper() and "," not in [t.text for t in words]:
        return None  # '“Tear down this wall!” Conservatives praise ...': a new sentence
    start, end = bounds.trim(finder.text, quote.end, token.idx)
    return (start, end) if end > start else None
