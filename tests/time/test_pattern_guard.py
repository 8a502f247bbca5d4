"""The time rules' patterns guarded by the characters a match can start with: the same matches, found faster."""

from __future__ import annotations

import re

import pytest

from crosswire.time import periods
from crosswire.time import ranges as range_rules
from crosswire.time import relative as relative_rules
from crosswire.time import rules as absolute_rules
from crosswire.time.timex import _patterns, guarded, needed

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


def test_what_a_pattern_needs_is_read_off_its_branches_and_repeats() -> None:
    assert needed(r"(?<!\w)(?:last|next)\s+(?:week|month)(?:end)?", re.IGNORECASE) == (
        frozenset({"last", "next"}),
        frozenset({"week", "month"}),
    )
    # An optional part needs nothing; a repeat at least once needs its body; a branch that needs nothing spoils the
    # union of its alternatives.
    assert needed(r"(?:fiscal\s+)?(?:Q[1-4]\s*)+results", re.IGNORECASE) == (frozenset({"q"}), frozenset({"results"}))
    assert needed(r"(?:the\s+)?(?:noon|\d{1,2}pm)", re.IGNORECASE) == (frozenset({"noon", "pm"}),)
    assert needed(r"(?:the\s+)?(?:noon|\d{1,2})", re.IGNORECASE) == ()
    assert needed(r"(?<!\w)\d+\s+\w+", re.IGNORECASE) == ()


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "The harvest failed two years running, the co-operative said.",  # no month, weekday or season word at all
        "Talks stalled laſt week and resume on Tueſday.",  # "ſ" matches "s" case-insensitively but lowers to itself
    ],
)
def test_skipping_what_a_text_cannot_match_finds_the_same_candidates(text: str, monkeypatch) -> None:
    import crosswire.time.timex as timex

    def found() -> list[tuple[int, int, str, int]]:
        return [(c.start, c.end, c.type, c.priority) for c in timex.candidates(text)]

    filtered = found()
    monkeypatch.setattr(timex, "_needs", lambda: [()] * len(timex._patterns()))
    assert filtered == found()


def test_every_character_a_case_insensitive_letter_matches_is_read_as_that_letter() -> None:
    from crosswire.time.timex import ASCII_FOLDS

    every = "".join(chr(point) for point in range(0x80, 0x110000) if not 0xD800 <= point <= 0xDFFF)
    matched = {character for character in re.findall(r"(?i:[a-z])", every)}
    assert matched == {chr(point) for point in ASCII_FOLDS}
    assert all(re.fullmatch(letter, chr(point), re.IGNORECASE) for point, letter in ASCII_FOLDS.items())


@pytest.mark.parametrize(
    ("plain", "folded"),
    [
        (
            "The plant closed last summer and reopens in six weeks.",
            "The plant cloſed laſt ſummer and reopens in ſix weeks.",
        ),
        ("Shares fell 3 percent in the second week of May.", "Shares fell 3 percent in the ſecond wee\u212a of May."),
        (
            "The verdict came after two hours, in the seventies heat.",
            "The verdict came after two hourſ, in the ſeventieſ heat.",
        ),
        ("Tickets sold out each Friday.", "Tic\u212aets sold out each Fr\u0131day."),
    ],
)
def test_a_text_with_letters_that_fold_to_ascii_finds_what_its_plain_spelling_finds(plain: str, folded: str) -> None:
    from crosswire.time.timex import candidates

    def found(text: str) -> list[tuple[int, int, str, int]]:
        return [(c.start, c.end, c.type, c.priority) for c in candidates(text)]

    assert len(plain) == len(folded)
    assert found(folded) == found(plain)
    assert found(plain)
