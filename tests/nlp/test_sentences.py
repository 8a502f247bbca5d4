"""Sentence spans for the corpus stages: the sentencizer's rule read off token arrays gives exactly what spaCy's own
``Sentencizer`` component gives on the same tokens, on written cases and on generated text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crosswire.nlp.sentences as sentences_module
from crosswire.model import Article
from crosswire.nlp.sentences import _paragraphs, _sentencizer, article_sentences, split_sentences


def _reference(text: str) -> list[tuple[int, int]]:
    """The spans as spaCy's pipeline (tokenizer, then the ``sentencizer`` component) makes them."""
    nlp = _sentencizer()
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        for sentence in nlp(chunk).sents:
            left, right = start + sentence.start_char, start + sentence.end_char
            while left < right and text[left].isspace():
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            if right > left:
                spans.append((left, right))
    return spans


def test_abbreviations_quotes_and_paragraphs() -> None:
    text = (
        'The U.S. envoy met Gen. Smith on Nov. 3. "We agreed," he said. Talks resume (maybe) soon!? Yes...\n\n'
        "A heading without a stop\nThe court adjourned at 4 p.m. The jury left."
    )
    sentences = [text[lo:hi] for lo, hi in split_sentences(text)]
    # Abbreviations stay inside their sentence; a paragraph break ends one even without a stop.
    assert sentences[0].startswith("The U.S. envoy met Gen. Smith on Nov. 3.")
    assert "Talks resume (maybe) soon!?" in sentences
    assert "Yes..." in sentences
    assert sentences[-1] == "A heading without a stop\nThe court adjourned at 4 p.m. The jury left."
    assert split_sentences(text) == _reference(text)


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n \t") == []
    assert split_sentences("...") == _reference("...")


_PIECES = st.sampled_from(
    ["The", "bank", "said", "U.S.", "Dr.", "3.5", "...", ".", "!", "?", "?!", ",", '"', "'", "(", ")", "—", "…", "。"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", "\n", "\n\n", "  "])), max_size=40))
def test_same_spans_as_the_sentencizer_component(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in pieces)
    assert split_sentences(text) == _reference(text)


def test_an_articles_sentences_are_split_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages that read an article's sentences share one split; a new text is split again."""
    calls: list[str] = []

    def counting(text: str) -> list[tuple[int, int]]:
        calls.append(text)
        return split_sentences(text)

    monkeypatch.setattr(sentences_module, "split_sentences", counting)
    article = Article(id="a", source="t", text="The jury retired on Monday. It returned a verdict of guilty.")
    first = article_sentences(article)
    assert article_sentences(article) is first
    assert first == split_sentences(article.text) and len(first) == 2
    assert len(calls) == 1
    article.text = "Troops crossed the river at dawn. The ministry denied it. Talks resume in Ankara."
    assert article_sentences(article) == split_sentences(article.text) and len(calls) == 2
