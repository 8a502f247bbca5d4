"""Whose document speaks: "according to a statement from Northshire Highways", "a letter by the club's lawyers",
"a statement issued by the company" (issue 17, third battery).

A document named with its author is the author's word, as "X published a report saying ..." is X's: the speaker's
words stay the whole phrase (PolNeAR marks the source so), and the speaker is linked as the author's words would be
("the company" is the company the article names). A document without an author ("according to a court filing",
"a statement posted on the union's website") stays a document, unlinked.
"""

from __future__ import annotations

import re

from crosswire.attribution.sources import DOCUMENT_NOUNS
from crosswire.model import Article, Statement

_AUTHORED = re.compile(
    r"(?:(?:a|an|the|its|their|his|her|this|that)\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\s+"
    r"(?:(?:issued|released|published|posted|sent|filed|signed|put\s+out)\s+)?(?:from|by)\s+(?P<author>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


def document_author(article: Article, statement: Statement) -> Statement | None:
    """A document source's ``statement`` with its speaker's offsets narrowed to the author of the document its phrase
    names (and its source type left to the author's words), when the phrase names its author; else None."""
    start, end = statement.speaker_start, statement.speaker_end
    if start is None or end is None or statement.source_type != "document":
        return None
    match = _AUTHORED.fullmatch(article.text, start, end)
    if match is None or match.group("noun").lower() not in DOCUMENT_NOUNS:
        return None
    author = match.start("author")
    update = {"speaker_start": author, "speaker_end": end, "speaker_text": article.text[author:end]}
    return statement.model_copy(update={**update, "source_type": "unknown"})
