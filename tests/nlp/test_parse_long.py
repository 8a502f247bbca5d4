"""Articles over spaCy's ``max_length`` are parsed in pieces, not dropped; offsets still index the article text.

spaCy's limit is lowered for the test, so a few kilobytes stand for the megabytes of a real long article.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.context import Context
from crosswire.model import Article
from crosswire.nlp.parse import parse_text, pieces
from crosswire.nlp.spacy_model import load_pipeline
from crosswire.pipeline import run_article_stages

PARAGRAPH = (
    "Dock workers in Rotterdam ended their strike on Tuesday, the union said. "
    "Mayor Ahmed Aboutaleb welcomed the agreement in a statement.\n\n"
)


@pytest.fixture
def small_limit() -> Iterator[int]:
    nlp = load_pipeline()
    saved = nlp.max_length
    nlp.max_length = 2_000
    try:
        yield nlp.max_length
    finally:
        nlp.max_length = saved


def test_a_text_over_the_limit_is_parsed_whole(small_limit: int) -> None:
    text = PARAGRAPH * 40  # about 5,500 characters
    assert len(text) > small_limit
    doc = parse_text(text)
    assert doc.text == text
    people = [ent for ent in doc.ents if ent.text == "Ahmed Aboutaleb"]
    assert len(people) == 40  # found in every piece, the last one included
    assert all(text[ent.start_char : ent.end_char] == "Ahmed Aboutaleb" for ent in people)


def test_a_long_article_goes_through_every_stage(small_limit: int) -> None:
    article = Article(id="long", source="long.txt", raw="Strike ends\n\n" + PARAGRAPH * 30)
    run_article_stages(article, Context())
    assert len(article.text) > small_limit
    late = [m for m in article.mentions if m.start > small_limit * 2]
    assert late and all(article.text[m.start : m.end] == m.text for m in late)


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .!?\n\t\"'"), max_size=400), size=st.integers(5, 60))
def test_pieces_give_the_text_back_and_respect_the_size(text: str, size: int) -> None:
    parts = list(pieces(text, size))
    assert "".join(parts) == text
    assert all(0 < len(part) <= size for part in parts) or text == ""
