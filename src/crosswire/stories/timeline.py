"""The timeline: dated events and claims, in calendar order, each with the article that reported it first.

TIMEX3 values have different precisions ("2022", "2022-03", "2022-W46", "2022-11-14", "2022-11-14T08:30"). Entries
sort by the first day their value covers, and on a tie the coarser value comes first, so "November 2022" opens the
month that "2022-11-14" falls in. Values that are not on the calendar (``PRESENT_REF``, ``XXXX-11-14`` in undated
articles, durations) have no place on a timeline and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from crosswire.context import Context
from crosswire.model import Article, Dossier, TimelineEntry
from crosswire.time.values import parse_value

# Finer is larger; a day with a clock time or a part of the day is finer than the day. Decades and centuries are
# too coarse to place on a timeline.
_RANKS = {"day": 3, "week": 2, "weekend": 2, "month": 1, "quarter": 0, "half": 0, "season": 0, "year": -1}


def calendar_start(value: str) -> tuple[date, int] | None:
    """The first day a TIMEX3 value covers and its precision (larger is finer); None when not on the calendar."""
    found = parse_value(value, prefix=True)
    if found is None or found.unit not in _RANKS:
        return None
    return found.start, _RANKS[found.unit] + (1 if found.unit == "day" and len(found.value) > 10 else 0)


def sort_key(value: str) -> tuple[date, int]:
    found = calendar_start(value)
    return found if found else (date.max - timedelta(days=1), 9)


def first_reported(article_ids: Sequence[str], articles: dict[str, Article]) -> str | None:
    """The article that published it first; undated articles only when no dated one reports it."""
    known = [articles[article_id] for article_id in article_ids if article_id in articles]
    if not known:
        return None
    # Ties go to the smaller id, not to input order, so the result is a function of the set of articles.
    first = min(known, key=lambda article: (article.published or "9999", article.id))
    return first.id


def build_timeline(dossier: Dossier, context: Context | None = None) -> None:
    """Fill ``dossier.timeline`` from the dated events and claims."""
    articles = {article.id: article for article in dossier.articles}
    entries: list[TimelineEntry] = []
    placed_events: set[str] = set()
    for event in dossier.events:
        if not event.date or calendar_start(event.date) is None:
            continue
        placed_events.add(event.id)
        first = first_reported(event.articles, articles)
        entries.append(
            TimelineEntry(
                date=event.date,
                event=event.id,
                summary=event.summary,
                articles=list(event.articles),
                first_reported=first,
                story=articles[first].story if first else None,
            )
        )
    for claim in dossier.claims:
        if not claim.date or calendar_start(claim.date) is None:
            continue
        if claim.event in placed_events and claim.date == _event_date(dossier, claim.event):
            # The event's entry already stands for it.
            continue
        claim_articles = list(dict.fromkeys(stance.article for stance in claim.stances))
        first = first_reported(claim_articles, articles)
        entries.append(
            TimelineEntry(
                date=claim.date,
                event=claim.event,
                claim=claim.id,
                summary=claim.text,
                articles=claim_articles,
                first_reported=first,
                story=articles[first].story if first else None,
            )
        )
    entries.sort(key=lambda entry: (*sort_key(entry.date), entry.summary))
    dossier.timeline = entries


def _event_date(dossier: Dossier, event_id: str | None) -> str | None:
    return next((event.date for event in dossier.events if event.id == event_id), None)
