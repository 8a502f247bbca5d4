"""The duplicates' hashes the per-article workers worked out come back with their chunk, and the duplicates stage
reads them there: the same copies found, whether every article's hashes were sent, some (articles of an earlier run
beside this run's) or none."""

from __future__ import annotations

import pytest
from story_corpus import records

from crosswire.context import Context
from crosswire.engine import run_chunk
from crosswire.ingest.records import ArticleRecord, record_to_article
from crosswire.model import Article, Dossier
from crosswire.stories import duplicates
from crosswire.stories.duplicates import STAGE, exact_key, mark_duplicates, read_article

RECALL = (
    "Harlan Motors is recalling 40,000 electric vans after a fault in the braking software, the company said on "
    "Tuesday. The regulator said no injuries had been reported, and owners would get an update over the air."
)
# A wire copy re-topped by a second outlet, an exact copy with other punctuation, and a text with no words.
EXTRA = [
    {"id": "recall-0", "text": RECALL},
    {"id": "recall-1", "text": "By a staff reporter. " + RECALL + " Shares fell 3 per cent."},
    {"id": "recall-2", "text": RECALL.replace(",", "").upper()},
    {"id": "blank", "text": "…"},
]


def _articles() -> list[Article]:
    rows = [(f"story-{n}", text) for n, text in enumerate(row["text"] for row in records())]
    rows += [(row["id"], row["text"]) for row in EXTRA]
    return [
        record_to_article(ArticleRecord(id=key, text=text), source=key, fallback_id=key, verbatim=False)
        for key, text in rows
    ]


def _marked(done: list[Article], context: Context) -> list[str | None]:
    # The corpus phase starts from stored copies, as the driver's does: not the objects the chunk came back with.
    dossier = Dossier(articles=[article.model_copy(deep=True) for article in done])
    mark_duplicates(dossier, context)
    return [article.duplicate_of for article in dossier.articles]


def test_the_duplicates_stage_reads_the_hashes_the_workers_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    chunk = run_chunk(_articles(), Context())
    sent = chunk.per_article[STAGE]
    assert set(sent) == {article.id for article in chunk.done}
    assert sent["blank"] is None
    recall = sent["recall-0"]
    assert recall is not None and recall[0] == exact_key(RECALL)

    worked_out = _marked(chunk.done, Context())
    assert worked_out[-4:] == [None, "recall-0", "recall-0", None]

    def no_hash(text: str) -> object:
        raise AssertionError("an article the workers sent was hashed again")

    monkeypatch.setattr(duplicates, "signature", no_hash)
    monkeypatch.setattr(duplicates, "exact_key", no_hash)
    assert _marked(chunk.done, Context(per_article=chunk.per_article)) == worked_out


def test_an_article_the_workers_did_not_send_is_hashed_here() -> None:
    chunk = run_chunk(_articles(), Context())
    some = {key: value for key, value in chunk.per_article[STAGE].items() if not key.startswith("recall-0")}
    assert _marked(chunk.done, Context(per_article={STAGE: some})) == _marked(chunk.done, Context())
    assert read_article(chunk.done[-1]) is None
