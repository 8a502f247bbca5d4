"""Quoted passages in an article's text: where verbatim speech is, before anyone asks who said it.

Quotation marks are read from the characters alone (no parse), because the parser tokenises them inconsistently and
because a quote can run over sentence and paragraph boundaries, which the parser's sentences never do:

- curly pairs (“ ... ”) and straight pairs (" ... ") both count; a straight mark opens when it follows a space, a
  paragraph start or an opening bracket, and closes otherwise;
- a quote that reaches the end of its paragraph without closing continues when the next paragraph opens with a
  quotation mark (the newspaper convention for multi-paragraph quotes), and is otherwise closed at the paragraph end;
- single marks (‘ ’ and ') are left alone: they are apostrophes far more often than quotes, and news copy uses them
  for quotes mainly inside headlines and nested quotes, which the enclosing double quote already covers;
- a quoted title -- a show, a book, a song: "Face the Nation," “The Steve Harvey Morning Show,” -- is a name, not
  speech: a few words, each capitalised but for short function words, flagged ``title``;
- a "quote" of a few words inside a sentence ("scare quotes": a “close associate”, "hoaxes") is kept but flagged
  as short, so the attribution stage treats it as part of an indirect statement rather than a statement of its own.

Offsets are Python string indices into the text and include the quotation marks (as PolNeAR's content spans do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = frozenset("“„«‶")
CLOSERS = frozenset("”»″")  # a double prime (″) closes a quote on pages typed with one
STRAIGHT = '"'
# Stands in for the second apostrophe of a '' quotation mark while scanning (same length, so offsets hold).
_SECOND = "\x00"
# A quote shorter than this many words is a phrase quoted inside a sentence, not a statement on its own.
MIN_STATEMENT_WORDS = 5
# A quoted title has at most this many words.
MAX_TITLE_WORDS = 8
# Words a title leaves in lower case ("Make Your Kid a Millionaire", "Face the Nation").
_TITLE_LOWER = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "nor", "but", "vs"]
)
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# Characters a straight quotation mark opens after.
_OPEN_CONTEXT = frozenset(" \t\n([{—–-:;,/")


@dataclass(frozen=True)
class Quote:
    """One quoted passage: ``text[start:end]`` including its quotation marks."""

    start: int
    end: int
    words: int
    # How many paragraphs it spans (1 for a quote inside one paragraph).
    paragraphs: int = 1
    # Whether a closing mark ends it (an unclosed quote was cut at its paragraph's end: a guess).
    closed: bool = True
    # Whether it is a quoted title (a show, a book, a song) rather than anybody's words.
    title: bool = False

    @property
    def is_statement(self) -> bool:
        """Long enough to be somebody's words rather than a quoted phrase, and not a title."""
        return self.words >= MIN_STATEMENT_WORDS and not self.title

    def inner(self, text: str) -> tuple[int, int]:
        """The quoted words without the marks and edge spaces."""
        start, end = self.start, self.end
        while start < end and (text[start] in OPENERS or text[start] in CLOSERS or text[start] in "\"' \n"):
            start += 1
        while end > start and (text[end - 1] in OPENERS or text[end - 1] in CLOSERS or text[end - 1] in "\"' \n"):
            end -= 1
        return start, end


def _is_opening(text: str, i: int) -> bool:
    char = text[i]
    if char in OPENERS:
        return True
    if char in CLOSERS:
        return False
    return i == 0 or text[i - 1] in _OPEN_CONTEXT


def _paragraph_end(text: str, i: int) -> int:
    """Index of the newline ending the paragraph that holds ``i`` (or the text's end)."""
    found = text.find("\n", i)
    return len(text) if found < 0 else found


def _next_paragraph_start(text: str, i: int) -> int:
    """Index of the first non-blank character after the newline at ``i``, or -1."""
    match = re.compile(r"\S").search(text, i)
    return match.start() if match else -1


def _word_count(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)?", text[start:end]))


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage in ``text``, in order, non-overlapping.

    Two apostrophes in a row ('') are read as one straight double quote, as some newspapers' archives print them.
    """
    original = text
    text = text.replace("''", '"' + _SECOND)
    quotes: list[Quote] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if not (char in OPENERS or char == STRAIGHT) or not _is_opening(text, i):
            i += 1
            continue
        start = i
        paragraphs = 1
        j = i + 1
        end = -1
        closed = False
        while j < n:
            c = text[j]
            if c in CLOSERS or c == STRAIGHT:
                end = j + 1
                if end < n and text[end] == _SECOND:
                    end += 1
                closed = True
                break
            if c == "\n":
                nxt = _next_paragraph_start(text, j)
                if nxt >= 0 and (text[nxt] == STRAIGHT if char == STRAIGHT else text[nxt] in OPENERS):
                    # The paragraph ends open and the next opens with a mark: one quote over several paragraphs.
                    paragraphs += 1
                    j = nxt + 1
                    continue
                end = j  # unclosed at the paragraph end: close it there
                break
            j += 1
        if end < 0:
            end = n
        # Trim trailing whitespace of a quote closed at the paragraph end.
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        words = _word_count(original, start, end)
        if words:
            title = closed and is_title(original[start:end])
            quotes.append(Quote(start, end, words, paragraphs=paragraphs, closed=closed, title=title))
        i = max(end, i + 1)
    return quotes


def is_title(quoted: str) -> bool:
    """Whether a quoted passage (marks included) reads as a title: a few words, every one capitalised (not shouted)
    but for short function words, the first capitalised, no sentence ending inside."""
    inner = quoted.strip("“”„«»\"' \n\x00").rstrip(",")
    if not inner or any(mark in inner for mark in ".!?;:"):
        return False
    tokens = inner.split()
    if not 2 <= len(tokens) <= MAX_TITLE_WORDS:
        return False
    capitalised = 0
    for number, token in enumerate(tokens):
        word = _TITLE_WORD.search(token)
        if word is None:
            return False
        text = word.group(0)
        if text[0].isupper() and not (len(text) > 1 and text.isupper()):
            capitalised += 1
        elif number == 0 or text.lower() not in _TITLE_LOWER:
            return False
    return capitalised >= 2


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    """The quote that holds character ``position``, if any."""
    for quote in quotes:
        if quote.start <= position < quote.end:
            return quote
        if quote.start > position:
            break
    return None


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    """The paragraph (a block of text between newlines) around ``position``."""
    start = text.rfind("\n", 0, position) + 1
    return start, _paragraph_end(text, position)
