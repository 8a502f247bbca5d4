"""Clause parses made once: packed in a worker, restored on the driver, split exactly as a fresh parse splits."""

from __future__ import annotations

import pytest

from crosswire.claims import clauses
from crosswire.claims.clauses import ClauseReader
from crosswire.claims.parses import ParseSpool, known_parses, pack, recording

SENTENCES = [
    # A trial, a merger, a war: coordinated clauses and a relative clause about a name.
    "he never saw the money and his accountant Ana Ruiz moved it offshore",
    "Shell is in early talks to acquire BP, which is considering the approach",
    "the ceasefire held overnight but both armies moved artillery toward the river",
]
NAMES = {SENTENCES[1]: [(SENTENCES[1].index("BP"), SENTENCES[1].index("BP") + 2)]}


def _splits(reader: ClauseReader) -> list[list[clauses.Clause]]:
    return [reader.split(text, NAMES.get(text, [])) for text in SENTENCES]


def test_restored_parses_split_like_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    with recording() as parsed:
        fresh = _splits(ClauseReader(SENTENCES))
    assert set(parsed) == set(SENTENCES)
    spool = ParseSpool()
    try:
        spool.add(pack({text: parsed[text] for text in SENTENCES[:2]}))
        spool.add(pack({SENTENCES[2]: parsed[SENTENCES[2]]}))
        assert len(spool) == 3

        def no_parse(texts: list[str]) -> list[object]:
            if texts:
                raise AssertionError(f"parsed again: {texts}")
            return []

        monkeypatch.setattr(clauses, "_parse", no_parse)
        with known_parses(spool):
            assert _splits(ClauseReader(SENTENCES)) == fresh
    finally:
        spool.close()
    assert fresh[0][1].text == "his accountant Ana Ruiz moved it offshore"
    assert [clause.text for clause in fresh[1]] == [
        "Shell is in early talks to acquire BP",
        "BP is considering the approach",
    ]


def test_a_sentence_the_workers_did_not_parse_is_parsed_as_before() -> None:
    spool = ParseSpool()
    try:
        with recording() as parsed:
            ClauseReader(SENTENCES[:1])
        spool.add(pack(parsed))
        assert spool.docs(["not parsed by anyone and never packed"]) == {}
        with known_parses(spool), recording() as again:
            reader = ClauseReader(SENTENCES)
        # Only what the spool lacked was parsed here.
        assert set(again) == set(SENTENCES[1:])
        assert _splits(reader) == _splits(ClauseReader(SENTENCES))
    finally:
        spool.close()


# An article in which the sentences above are stretches: one inside a quote ("said" is its head), one on its own.
ARTICLE_TEXT = (
    f'Prosecutors read the statement in court. "{SENTENCES[0]}," the defendant said on Tuesday. '
    f"{SENTENCES[2][0].upper()}{SENTENCES[2][1:]}."
)
IN_ARTICLE = [SENTENCES[0], SENTENCES[2][0].upper() + SENTENCES[2][1:]]


def test_sentences_are_cut_from_the_parse_of_their_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.model import Article
    from crosswire.nlp.parse import doc_of

    kept = Article(id="a1", source="a1.txt", text=ARTICLE_TEXT)
    doc_of(kept)
    with recording() as parsed:
        split_in_worker = [ClauseReader(IN_ARTICLE, kept).split(text) for text in IN_ARTICLE]
    # What a worker cut counts as parsed there: it is packed for the driver.
    assert set(parsed) == set(IN_ARTICLE)
    for text in IN_ARTICLE:
        cut = parsed[text]
        assert cut.text == text
        assert all(token.head.i < len(cut) for token in cut)
    # The quote's verb hung from "said", outside the sentence: cut out, it is the root.
    saw = parsed[IN_ARTICLE[0]][2]
    assert saw.text == "saw" and saw.dep_ == "ROOT" and saw.head.i == saw.i
    assert [clause.text for clause in split_in_worker[0]] == [
        "he never saw the money",
        "his accountant Ana Ruiz moved it offshore",
    ]

    def no_parse(texts: list[str]) -> list[object]:
        if texts:
            raise AssertionError(f"parsed on its own: {texts}")
        return []

    # An article analysed by an earlier run comes back without its parse: the article is parsed whole and cut the same
    # way, never a sentence on its own, so its clauses do not depend on which run analysed it.
    monkeypatch.setattr(clauses, "_parse", no_parse)
    stored = Article(id="a1", source="a1.txt", text=ARTICLE_TEXT)
    assert [ClauseReader(IN_ARTICLE, stored).split(text) for text in IN_ARTICLE] == split_in_worker


def test_a_sentence_not_in_its_article_is_parsed_on_its_own() -> None:
    from crosswire.model import Article

    article = Article(id="a2", source="a2.txt", text=ARTICLE_TEXT)
    rewritten = "the defendant said he never saw the money and his accountant moved it offshore"
    with recording() as parsed:
        reader = ClauseReader([rewritten], article)
    assert set(parsed) == {rewritten}
    assert reader.split(rewritten) == ClauseReader([rewritten]).split(rewritten)


def test_a_shared_spool_reads_what_the_spool_holds() -> None:
    """The handle another process of the machine reads the spool through (pickled, as a task carries it) finds the
    same parses and predicates, and what is added after it was made is in the next handle."""
    import pickle

    with recording() as parsed:
        ClauseReader(SENTENCES)
    spool = ParseSpool()
    try:
        spool.add(pack({SENTENCES[0]: parsed[SENTENCES[0]]}, {(0, 5): frozenset({"see"})}), "a1")
        handle = pickle.loads(pickle.dumps(spool.shared()))
        assert spool.shared() is spool.shared()
        spool.add(pack({text: parsed[text] for text in SENTENCES[1:]}), "a2")
        later = pickle.loads(pickle.dumps(spool.shared()))
        assert set(handle.docs(SENTENCES)) == {SENTENCES[0]}
        assert handle.deeds("a1") == {(0, 5): frozenset({"see"})} and handle.deeds("a2") == {}
        restored = later.docs(SENTENCES)
        assert set(restored) == set(SENTENCES)
        assert [[(t.tag_, t.dep_, t.head.i) for t in restored[text]] for text in SENTENCES] == [
            [(t.tag_, t.dep_, t.head.i) for t in parsed[text]] for text in SENTENCES
        ]
        with known_parses(later):
            assert _splits(ClauseReader(SENTENCES)) == _splits(ClauseReader(SENTENCES))
    finally:
        spool.close()
    # Read here (as a one-worker run's tasks are), the file is let go with the spool.
    from crosswire.claims import parses

    assert parses._last.opened is None


def test_splits_made_in_the_worker_are_taken_for_the_same_text_and_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence a worker split about the same names is not split, nor its parse read back, again; about other names,
    or a sentence the worker did not split, it is split from its parse as before, with the same clauses."""
    from crosswire.claims.parses import recording_splits
    from crosswire.model import Article

    article = Article(id="a3", source="a3.txt", text=" ".join(f"{text[0].upper()}{text[1:]}." for text in SENTENCES))
    texts = [f"{text[0].upper()}{text[1:]}" for text in SENTENCES]
    names = {texts[1]: [(texts[1].index("BP"), texts[1].index("BP") + 2)]}
    with recording() as parsed, recording_splits() as splits:
        reader = ClauseReader(texts[:2], article)
        in_worker = [reader.split(text, names.get(text, [])) for text in texts[:2]]
    assert set(splits) == {(text, tuple(names.get(text, []))) for text in texts[:2]}
    spool = ParseSpool()
    try:
        spool.add(pack(parsed, None, splits), article.id)
        handle = spool.shared()
        stored = Article(id="a3", source="a3.txt", text=article.text)
        fresh = [ClauseReader([text]).split(text) for text in texts[1:]]
        read: list[list[str]] = []
        real_known = clauses.parses.known

        def counted(asked: list[str]) -> object:
            read.append(list(asked))
            return real_known(asked)

        monkeypatch.setattr(clauses.parses, "known", counted)
        with known_parses(handle):
            again = ClauseReader(texts, stored)
            assert [again.split(text, names.get(text, [])) for text in texts[:2]] == in_worker
            assert read == []
            # "BP" no longer a name there: split again, from the parse the worker sent.
            assert again.split(texts[1]) == fresh[0]
            assert read == [[text for text in texts if clauses._MAY_SPLIT.search(text)]]
            assert again.split(texts[2]) == fresh[1]
            assert len(read) == 1
    finally:
        spool.close()


def test_the_workers_sentences_are_kept_only_for_the_same_text() -> None:
    from crosswire.claims.parses import known_sentences, sentences_digest
    from crosswire.model import Article
    from crosswire.nlp.sentences import article_sentences, split_sentences

    text = "The court adjourned. The jury returns on Monday. Shares of the insurer fell 4%."
    spool = ParseSpool()
    try:
        # Spans no splitter would give, so that taking them is seen.
        spool.add(pack({}, None, None, (sentences_digest(text), [(0, 20), (21, 80)])), "a4")
        handle = spool.shared()
        same, edited = Article(id="a4", source="a4.txt", text=text), Article(id="a4", source="a4.txt", text=text + "!")
        with known_parses(handle):
            known_sentences(same)
            known_sentences(edited)
        assert article_sentences(same) == [(0, 20), (21, 80)]
        assert article_sentences(edited) == split_sentences(edited.text)
    finally:
        spool.close()
