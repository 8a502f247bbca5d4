"""The timeline: dated events and claims, in calendar order, each with the article that reported it first.

TIMEX3 values have different precisions ("2022", "2022-03", "2022-W46", "2022-11-14", "2022-11-14T08:30"). Entries
sort by the first day their value covers, and on a tie the coarser value comes first, so "November 2022" opens the
month that "2022-11-14" falls in. Values that are not on the calendar (``PRESENT_REF``, ``XXXX-11-14`` in undated
articles, durations) have no place on a timeline and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from crosswire.context import Context
from crosswire.model import Article, Dossier, TimelineEntry

_YEAR = re.compile(r"^(\d{4})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?!\d)")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")
_HALF = re.compile(r"^(\d{4})-H([12])")
_SEASON = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)")


def calendar_start(value: str) -> tuple[date, int] | None:
    """The first day a TIMEX3 value covers and its precision (larger is finer); None when not on the calendar."""
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, 4 if len(value) > 10 else 3
        if match := _WEEK.match(value):
            return date.fromisocalendar(int(match[1]), int(match[2]), 1), 2
        if match := _MONTH.match(value):
            return date(int(match[1]), int(match[2]), 1), 1
        if match := _QUARTER.match(value):
            return date(int(match[1]), 3 * int(match[2]) - 2, 1), 0
        if match := _HALF.match(value):
            return date(int(match[1]), 6 * int(match[2]) - 5, 1), 0
        if match := _SEASON_VALUE.match(value):
            return date(int(match[1]), _SEASON[match[2]], 1), 0
        if match := _YEAR.match(value):
            return date(int(match[1]), 1, 1), -1
    except ValueError:
        return None
    return None


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
