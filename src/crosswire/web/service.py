"""The store behind the server: answers reads from the store, adds articles one request at a time.

List and get requests are paged SQL queries (:mod:`crosswire.store.queries`). What needs the whole dossier (the pages,
filters that cross objects) reads it once and keeps it until the store's version stamp changes, so a request costs
one small query while nothing is written, and still shows what a concurrent ``crosswire analyze`` saved.
Writes are serialised by a lock: analysis is CPU-heavy and rereads the whole store for its corpus stages, so two at
once would only race. Callers run both in a worker thread, never on the event loop.
"""

from __future__ import annotations

import threading
from typing import Literal

from pydantic import BaseModel, Field

from crosswire.analyze import update_store
from crosswire.model import Dossier, InputFailure
from crosswire.store import Store
from crosswire.store.queries import refresh_statistics
from crosswire.web.records import Limits, Submission


class RecordOutcome(BaseModel):
    """What happened to one posted record, in the order they were sent."""

    index: int = Field(description="Position of the record in the request (0-based).")
    requested_id: str | None = Field(description="The id the record gave, or null.")
    id: str = Field(description="The article's id in the store (a suffix is added when another source holds it).")
    status: Literal["analysed", "unchanged", "failed"] = Field(
        description="`analysed`: added or replaced; `unchanged`: the store already held this exact input; "
        "`failed`: the analysis could not use it (see `error`)."
    )
    error: str | None = None
    ignored_fields: list[str] = Field(default_factory=list, description="Keys of the record that are not read.")


class AddResult(BaseModel):
    """The answer to ``POST /api/articles``."""

    analysed: list[str] = Field(description="Ids of the articles analysed into the store by this request.")
    unchanged: list[str] = Field(description="Ids of the articles the store already held with the same input.")
    failed: list[RecordOutcome] = Field(description="The records that could not be analysed.")
    records: list[RecordOutcome]
    articles_in_store: int
    stories_in_store: int


class StoreService:
    """One store, opened once for the server's lifetime."""

    def __init__(self, db_url: str, limits: Limits) -> None:
        self.store = Store(db_url)
        refresh_statistics(self.store)
        self.limits = limits
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._cached: tuple[tuple[str, str], Dossier] | None = None

    @property
    def url(self) -> str:
        return self.store.url

    def close(self) -> None:
        self.store.close()

    def dossier(self) -> Dossier:
        """The whole dossier as the store holds it now (shared between requests: treat it as read-only)."""
        stamp = self.store.version_stamp()
        with self._read_lock:
            if self._cached is not None and self._cached[0] == stamp:
                return self._cached[1]
            # Read after the stamp: a write in between only makes the next request read again.
            dossier = self.store.load_dossier()
            self._cached = (stamp, dossier)
            return dossier

    def add(self, submission: Submission, *, verbatim: bool) -> AddResult:
        """Analyse the submitted articles into the store (one writer at a time)."""
        articles = submission.articles
        with self._write_lock:
            update = update_store(self.store, list(articles), verbatim=verbatim)
        # Stage failures are the last ``len(failed)`` failures, in the order of ``failed``.
        stage_failures = update.failures[len(update.failures) - len(update.failed) :]
        errors: dict[str, InputFailure] = dict(zip(update.failed, stage_failures, strict=True))
        analysed, reused = set(update.analysed), set(update.reused)
        records: list[RecordOutcome] = []
        for index, (article, requested, ignored) in enumerate(
            zip(articles, submission.requested_ids, submission.ignored_fields, strict=True)
        ):
            failure = errors.get(article.id)
            if article.id in analysed:
                status: Literal["analysed", "unchanged", "failed"] = "analysed"
            elif article.id in reused:
                status = "unchanged"
            else:
                status = "failed"
            records.append(
                RecordOutcome(
                    index=index,
                    requested_id=requested,
                    id=article.id,
                    status=status,
                    error=(failure.error if failure else "not analysed") if status == "failed" else None,
                    ignored_fields=ignored,
                )
            )
        return AddResult(
            analysed=update.analysed,
            unchanged=update.reused,
            failed=[r for r in records if r.status == "failed"],
            records=records,
            articles_in_store=len(update.dossier.articles),
            stories_in_store=len(update.dossier.stories),
        )
