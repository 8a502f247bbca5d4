"""A date axis for a story's timeline: where a calendar range sits (in percent of the width) and which ticks to draw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from crosswire.report.dates import TimeSpan

MAX_TICKS = 8
# The narrowest a range is drawn, in percent, so a single day stays visible on a year-long axis.
MIN_WIDTH = 0.8


@dataclass(frozen=True)
class Tick:
    left: float
    label: str


@dataclass(frozen=True)
class Placement:
    left: float
    width: float
    point: bool


def _month_starts(first: dt.date, last: dt.date, step: int) -> Iterator[dt.date]:
    year, month = first.year, first.month
    if first.day != 1:
        month += 1
    while True:
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        day = dt.date(year, month, 1)
        if day > last:
            return
        if (year * 12 + month - 1) % step == 0:
            yield day
        month += 1


class Axis:
    """The calendar from the earliest start to the latest end of the ranges (and days) it is given."""

    def __init__(self, spans: Iterable[TimeSpan | None], dates: Iterable[dt.date] = ()) -> None:
        days = [d for s in spans if s is not None for d in (s.start, s.end)] + list(dates)
        self.empty = not days
        self.first = min(days) if days else dt.date(1970, 1, 1)
        self.last = max(days) if days else self.first
        self.days = (self.last - self.first).days + 1

    def _percent(self, day: dt.date) -> float:
        return round(100.0 * (day - self.first).days / self.days, 3)

    def place(self, span: TimeSpan) -> Placement:
        """Where ``span`` sits: left edge and width in percent; ``point`` when it is one day or less."""
        if span.start == span.end:
            return Placement(self.place_day(span.start), MIN_WIDTH, True)
        left = self._percent(span.start)
        width = max(round(100.0 * ((span.end - span.start).days + 1) / self.days, 3), MIN_WIDTH)
        return Placement(min(left, 100.0 - MIN_WIDTH), min(width, 100.0 - left), False)

    def place_day(self, day: dt.date) -> float:
        """The left edge, in percent, of the middle of ``day``."""
        return round(100.0 * ((day - self.first).days + 0.5) / self.days, 3)

    def ticks(self) -> list[Tick]:
        """At most ``MAX_TICKS`` labelled ticks: days, weeks, months or years, whichever is the finest that fits."""
        if self.empty:
            return []
        if self.days <= MAX_TICKS:
            days = [self.first + dt.timedelta(days=n) for n in range(self.days)]
            return [Tick(self._percent(d), f"{d.day} {d:%b}") for d in days]
        if self.days <= 7 * MAX_TICKS:
            monday = self.first + dt.timedelta(days=(7 - self.first.weekday()) % 7)
            weeks = [monday + dt.timedelta(weeks=n) for n in range((self.last - monday).days // 7 + 1)]
            return [Tick(self._percent(d), f"{d.day} {d:%b}") for d in weeks]
        for step in (1, 2, 3, 6):
            months = list(_month_starts(self.first, self.last, step))
            if len(months) <= MAX_TICKS:
                return [
                    Tick(self._percent(d), d.strftime("%b %Y") if d.month == 1 or d == months[0] else f"{d:%b}")
                    for d in months
                ]
        span_years = self.last.year - self.first.year + 1
        step = max(1, -(-span_years // MAX_TICKS))
        years = [y for y in range(self.first.year + 1, self.last.year + 1) if y % step == 0]
        return [Tick(self._percent(dt.date(y, 1, 1)), str(y)) for y in years]
