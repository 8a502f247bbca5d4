"""The article's parse is made once and reused while the article's text is the one it was made from."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.nlp.parse import doc_of, is_parse_of, parse_batch, parse_text

TEXT = "The court adjourned the fraud trial until March. Prosecutors said they would call four witnesses."


def test_a_parse_is_known_as_the_parse_of_its_text_and_of_an_equal_copy() -> None:
    doc = parse_text(TEXT)
    copy = "".join(list(TEXT))  # an equal string, not the same object: the words decide
    assert copy is not TEXT
    assert is_parse_of(doc, TEXT)
    assert is_parse_of(doc, copy)
    assert not is_parse_of(doc, TEXT.replace("four", "five"))


def test_an_article_is_parsed_once_and_again_when_its_text_changes() -> None:
    article = Article(id="trial", source="trial.txt", text=TEXT)
    parse_batch([article], object())
    first = article._doc
    assert first is not None and first.text == TEXT
    assert doc_of(article) is first
    article.text = TEXT.replace("March", "April")
    second = doc_of(article)
    assert second is not first
    assert second.text == article.text
    assert doc_of(article) is second


def test_a_parse_of_another_text_is_not_taken() -> None:
    article = Article(id="launch", source="launch.txt", text="The phone maker launched two models on Monday.")
    article._doc = parse_text("The phone maker delayed its launch.")
    assert doc_of(article).text == article.text
