"""Clause parses made once: in the per-article workers, reused by the claims stage on the driver.

The claims stage splits candidate sentences into clauses on spaCy's parse of each sentence's own text
(:mod:`crosswire.claims.clauses`). The per-article workers already parse those sentences when they choose what to
embed for the stage (:func:`crosswire.claims.embedded_texts` runs the same extraction on the article alone), so they
send the parses back with the article, packed, and the driver hands them to the stage instead of parsing again.

What travels is a spaCy ``DocBin`` of the article's parsed sentences holding only what the clause rules read (words,
spaces, tags, parts of speech, dependencies and heads): restoring a sentence costs about a fortieth of parsing it.
The parse of a text does not depend on where or with what it was parsed, so a sentence is split the same whichever
process parsed it; a sentence the workers did not parse (the driver's candidates are decided with the whole corpus
known) is parsed by the stage as before. On the driver the packed parses wait in a temporary file, not in memory.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The token attributes the clause rules read (``crosswire.claims.clauses``); lower case and character offsets
# follow from the words and spaces.
ATTRIBUTES = ("ORTH", "SPACY", "TAG", "POS", "DEP", "HEAD", "SENT_START")


class ParseSource(Protocol):
    """Parses made elsewhere, by sentence text."""

    def docs(self, texts: Sequence[str]) -> dict[str, Doc]: ...


_known: ContextVar[ParseSource | None] = ContextVar("crosswire_known_parses", default=None)
_recording: ContextVar[dict[str, Doc] | None] = ContextVar("crosswire_recorded_parses", default=None)


@contextmanager
def known_parses(source: ParseSource | None) -> Iterator[None]:
    """Within the ``with`` body (this thread or task), clause splitting takes parses from ``source`` first."""
    token = _known.set(source)
    try:
        yield
    finally:
        _known.reset(token)


@contextmanager
def recording() -> Iterator[dict[str, Doc]]:
    """Within the ``with`` body, every sentence clause splitting parses is added to the dict yielded."""
    docs: dict[str, Doc] = {}
    token = _recording.set(docs)
    try:
        yield docs
    finally:
        _recording.reset(token)


def known(texts: Sequence[str]) -> dict[str, Doc]:
    """The parses the current :func:`known_parses` source holds for ``texts`` (none without a source)."""
    source = _known.get()
    return source.docs(texts) if source is not None and texts else {}


def record(docs: Mapping[str, Doc]) -> None:
    """Add freshly parsed sentences to the current :func:`recording`, if any."""
    recorded = _recording.get()
    if recorded is not None:
        recorded.update(docs)


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def pack(docs: Mapping[str, Doc]) -> bytes:
    """The parses of one article's sentences as bytes (see the module docstring)."""
    from spacy.tokens import DocBin

    texts = list(docs)
    packed = DocBin(attrs=list(ATTRIBUTES), store_user_data=False)
    for text in texts:
        packed.add(docs[text])
    return pickle.dumps(([_key(text) for text in texts], packed.to_bytes()), protocol=pickle.HIGHEST_PROTOCOL)


class ParseSpool:
    """Packed parses (:func:`pack`, one blob per article) in a temporary file, found by sentence text.

    Memory holds an 8-byte key per sentence and where each blob lies; a blob is read and unpacked when the stage asks
    for one of its sentences (the stage asks for an article's sentences together, so one blob at a time).
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._blobs: list[tuple[int, int]] = []
        self._where: dict[bytes, int] = {}

    def __len__(self) -> int:
        return len(self._where)

    def add(self, packed: bytes) -> None:
        keys, blob = pickle.loads(packed)  # made by pack() in this run's own workers
        self._file.seek(0, 2)
        number = len(self._blobs)
        self._blobs.append((self._file.tell(), len(blob)))
        self._file.write(blob)
        self._where.update(dict.fromkeys(keys, number))

    def docs(self, texts: Sequence[str]) -> dict[str, Doc]:
        from spacy.tokens import DocBin

        from crosswire.nlp.spacy_model import load_pipeline

        wanted = {text: self._where.get(_key(text)) for text in texts}
        found: dict[str, Doc] = {}
        for number in sorted({number for number in wanted.values() if number is not None}):
            offset, size = self._blobs[number]
            self._file.seek(offset)
            for doc in DocBin().from_bytes(self._file.read(size)).get_docs(load_pipeline().vocab):
                # The text itself decides (a key is a short hash).
                if wanted.get(doc.text) == number:
                    found[doc.text] = doc
        return found

    def close(self) -> None:
        self._file.close()
