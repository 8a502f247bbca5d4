"""The leads the per-article workers worked out come back with their chunk, and the stories stage reads them there."""

from __future__ import annotations

import pytest
from story_corpus import records

from crosswire.context import Context
from crosswire.engine import run_chunk
from crosswire.entities import canonicalize_entities
from crosswire.ingest.records import ArticleRecord, record_to_article
from crosswire.model import Article, Dossier
from crosswire.stories import article_lead, cluster_stories, features, mark_duplicates
from crosswire.stories.stage import STAGE

# A trial and a product launch beside the story corpus's flood, chess match and space probe; one body twice over (its
# copy has no lead embedded) and one with no words at all (no lead).
EXTRA = [
    {
        "id": "trial-0",
        "text": "A jury in Leeds found former councillor Peter Hale guilty of fraud on Friday. Prosecutor Amira Khan "
        "said Hale had taken 2 million pounds from the housing fund between 2019 and 2021.",
    },
    {
        "id": "launch-0",
        "text": "Nova Devices will ship its Orbit phone in June, the company said on Monday. Chief executive Mara Lind "
        "said she expected demand to outstrip supply until the autumn.",
    },
    {
        "id": "launch-1",
        "text": "Nova Devices will ship its Orbit phone in June, the company said on Monday. Chief executive Mara Lind "
        "said she expected demand to outstrip supply until the autumn.",
    },
    {"id": "blank", "text": "…"},
]


def _articles() -> list[Article]:
    return [
        record_to_article(
            ArticleRecord(id=r["id"], text=r["text"]), source=r["id"], fallback_id=r["id"], verbatim=False
        )
        for r in [*records(), *EXTRA]
    ]


def _corpus(done: list[Article]) -> Dossier:
    # The corpus phase starts from stored copies, as the driver's does: not the objects the chunk came back with.
    dossier = Dossier(articles=[article.model_copy(deep=True) for article in done])
    mark_duplicates(dossier, Context())
    canonicalize_entities(dossier)
    return dossier


def test_the_stories_stage_reads_the_leads_the_workers_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    chunk = run_chunk(_articles(), Context())
    leads = chunk.chosen[STAGE]
    assert set(leads) == {article.id for article in chunk.done}
    assert all(leads[article.id] == article_lead(article) for article in chunk.done)
    assert leads["blank"] == [] and leads["launch-0"] == leads["launch-1"] != []

    worked_out = _corpus(chunk.done)
    cluster_stories(worked_out, Context())
    told = _corpus(chunk.done)
    assert told.articles[-2].duplicate_of == "launch-0"

    def no_split(item: object) -> str:
        raise AssertionError("a lead the workers sent was worked out again")

    monkeypatch.setattr(features, "lead_text", no_split)
    cluster_stories(told, Context(chosen=chunk.chosen))
    assert [a.story for a in told.articles] == [a.story for a in worked_out.articles]
    assert told.stories == worked_out.stories
    assert len({a.story for a in told.articles}) >= 5


def test_an_article_the_workers_did_not_send_has_its_lead_worked_out() -> None:
    """An article of an earlier run (its lead not sent in this one) beside this run's: its lead is worked out here."""
    chunk = run_chunk(_articles(), Context())
    some = {key: value for key, value in chunk.chosen[STAGE].items() if not key.startswith("launch")}
    rows = [features.item_from_article(article) for article in _corpus(chunk.done).articles]
    assert features.lead_texts(rows, some) == features.lead_texts(rows)
    assert features.lead_texts(rows, {}) == features.lead_texts(rows)
