"""The time stage's rules run on a short passage, for the time tests written per mechanism."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.nlp.parse import doc_of
from crosswire.time.timex import resolve

# The publication day the passages are read against unless a test gives its own.
THURSDAY = "2013-03-14"


def found(text: str, published: str = THURSDAY) -> dict[str, tuple[str, str, str | None]]:
    """Each time expression the rules find in ``text`` (without the learned tagger): its type, value and modifier."""
    article = Article(id="t", source="t", text=text, published=published)
    timexes = resolve(text, published, lambda: doc_of(article), use_tagger=False)
    return {t.text: (t.type, t.value, t.mod) for t in timexes}
