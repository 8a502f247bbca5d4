"""The time rules' patterns guarded by the characters a match can start with: the same matches, found faster."""

from __future__ import annotations

import re

import pytest

from crosswire.time import periods
from crosswire.time import ranges as range_rules
from crosswire.time import relative as relative_rules
from crosswire.time import rules as absolute_rules
from crosswire.time.timex import _patterns, guarded

TEXTS = [
    "The merger closes in the third quarter of 2024, Halden Steel said on Tuesday; shares rose 3% by 10:30 a.m. EST.",
    "Prosecutors said the jury would return next Monday, two weeks after the trial opened on March 3, 2021.",
    "Shelling resumed late Friday night near the river, a day after the ceasefire of July 12 collapsed; since the "
    "1990s the town has changed hands twice.",
    "LUMEN ROBOTICS WILL SHIP THE ARM IN EARLY SPRING, ITS CEO SAID TODAY; ORDERS OPEN EVERY WEEKDAY FROM 9AM.",
    "The club’s new striker, signed for five years, scored twice in the 89th minute on Christmas Eve last year.",
    "Für das Jahr 2023 meldete die Firma Verluste; in the fiscal year ending June 30 revenue fell for 18 months.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_rule_finds_the_same_matches_guarded(text: str) -> None:
    rules = [*absolute_rules.RULES, *periods.RULES, *range_rules.RULES, *relative_rules.RULES]
    for (source, _), (pattern, _) in zip(rules, _patterns(), strict=True):
        plain = re.compile(rf"(?<![\w'’])(?:{source})(?![\w])", re.IGNORECASE)
        assert pattern.pattern.startswith("(?=[") and pattern.pattern.endswith(plain.pattern)  # every rule bounded
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_guard_is_the_first_characters_of_every_branch() -> None:
    pattern = guarded(r"(?<![\w'’])(?:(?:early|late)\s+)?(?:monday|friday|\d{1,2}(?:am|pm))", re.IGNORECASE)
    assert pattern.pattern.startswith(r"(?=[elmf\d])")
    text = "Early Monday, then FRIDAY at 9pm, not sunday"
    assert [m.group() for m in pattern.finditer(text)] == ["Early Monday", "FRIDAY", "9pm"]


@pytest.mark.parametrize(
    "source, flags",
    [
        (r"(?<!\w)[^a]b", re.IGNORECASE),  # a negated class bounds nothing
        (r"(?:now)?", re.IGNORECASE),  # may match the empty string
        (r"(?i:mon)day", 0),  # case-insensitive inside a case-sensitive pattern
        (r"(?i)monday", 0),  # global flags must stay first
        (r".day", re.IGNORECASE),  # any character
    ],
)
def test_unbounded_patterns_are_left_as_they_are(source: str, flags: int) -> None:
    assert guarded(source, flags).pattern == source


def test_a_case_sensitive_piece_keeps_its_case() -> None:
    pattern = guarded(r"(?<!\w)(?:(?-i:Mon)|tues)day", re.IGNORECASE)
    assert pattern.pattern.startswith("(?=[")
    assert [m.group() for m in pattern.finditer("Monday monday TUESDAY")] == ["Monday", "TUESDAY"]
