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

Nor do the workers parse those sentences again: :func:`from_article` cuts each one out of the parse the article
already has (:func:`crosswire.nlp.parse.doc_of`, made for the per-article stages), a word that hangs from a word
outside the sentence made a root; only a sentence that is not a stretch of the article's text on token boundaries is
parsed on its own. So a sentence's clauses come from its parse in the article, wherever it is split: the driver, for
an article whose parses it was not sent (one analysed by an earlier run), parses the whole article once and cuts the
same way, and the claims depend on the stored articles alone, not on which run analysed them.

The workers send the propositions' predicates the same way (:func:`crosswire.claims.predicates.deeds_of`): each
proposition's deed words, read off the article's parse where the per-article stages left it, go back with the
article as plain data, by the proposition's place in the article (:func:`record_deeds`, :func:`known_deeds`). A
proposition the workers did not send (an article analysed by an earlier run, a sentence chosen with the corpus known)
is read off the article's parse made on the driver (:func:`article_doc`, shared with the clause cuts), so a
predicate depends on the stored article alone there too.

So do the sentences' clause splits and the article's sentences: a sentence's clauses depend on its text, its parse
and the spans of the names in it, so the extraction with the corpus known takes a split the worker made for the same
text and names (:func:`known_splits`) and reads the parses back only for the sentences it lacks; and it keeps the
worker's sentences when they were split from the same text (:func:`known_sentences`).
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from crosswire.model import Article

# The token attributes the clause rules read (``crosswire.claims.clauses``); lower case and character offsets
# follow from the words and spaces.
ATTRIBUTES = ("ORTH", "SPACY", "TAG", "POS", "DEP", "HEAD", "SENT_START")


# A proposition's place in its article (start, end) -> the stems of its predicate's words.
Deeds = dict[tuple[int, int], frozenset[str]]
# A sentence and the spans of the names in it -> its clauses, each (start, end, text) (``crosswire.claims.clauses``).
Splits = dict[tuple[str, tuple[tuple[int, int], ...]], tuple[tuple[int, int, str], ...]]
# An article's sentences (``crosswire.nlp.sentences.article_sentences``) and a digest of the text they were split from.
Sentences = tuple[bytes, list[tuple[int, int]]]
# What was read off one article: its predicates, its sentences' clause splits, its sentences.
Read = tuple[Deeds, Splits, Sentences | None]


class ParseSource(Protocol):
    """Parses made elsewhere, by sentence text, and predicates read elsewhere, by article."""

    def docs(self, texts: Sequence[str]) -> dict[str, Doc]: ...

    def deeds(self, article: str) -> Deeds: ...

    def splits(self, article: str) -> Splits: ...

    def sentences(self, article: str) -> Sentences | None: ...


@dataclass
class Tally:
    """What had to be done here for want of a worker's work: articles parsed whole, predicates read off them; and
    the last article parsed (its id and parse), which the clause cuts and the predicates of one article share."""

    articles: int = 0
    deeds: int = 0
    last: tuple[str, Doc] | None = None


_known: ContextVar[ParseSource | None] = ContextVar("crosswire_known_parses", default=None)
_recording: ContextVar[dict[str, Doc] | None] = ContextVar("crosswire_recorded_parses", default=None)
_recording_deeds: ContextVar[Deeds | None] = ContextVar("crosswire_recorded_deeds", default=None)
_recording_splits: ContextVar[Splits | None] = ContextVar("crosswire_recorded_splits", default=None)
_tally: ContextVar[Tally | None] = ContextVar("crosswire_parse_tally", default=None)
T = TypeVar("T")


@contextmanager
def known_parses(source: ParseSource | None) -> Iterator[None]:
    """Within the ``with`` body (this thread or task), clause splitting takes parses from ``source`` first."""
    token = _known.set(source)
    try:
        yield
    finally:
        _known.reset(token)


@contextmanager
def _holding(var: ContextVar[T | None], value: T) -> Iterator[T]:
    """``value`` in ``var`` within the ``with`` body (this thread or task), yielded."""
    token = var.set(value)
    try:
        yield value
    finally:
        var.reset(token)


def recording() -> AbstractContextManager[dict[str, Doc]]:
    """Within the ``with`` body, every sentence clause splitting parses is added to the dict yielded."""
    return _holding(_recording, {})


def recording_deeds() -> AbstractContextManager[Deeds]:
    """Within the ``with`` body, every predicate read off an article's parse is added to the dict yielded (by the
    proposition's place: record one article at a time)."""
    return _holding(_recording_deeds, {})


def recording_splits() -> AbstractContextManager[Splits]:
    """Within the ``with`` body, every sentence split into clauses is added to the dict yielded, with the names it was
    split about and its clauses (record one article at a time)."""
    return _holding(_recording_splits, {})


def tallying() -> AbstractContextManager[Tally]:
    """Within the ``with`` body, the articles parsed here and the predicates read off them are counted, and an
    article parsed here is parsed once for its clauses and its predicates."""
    return _holding(_tally, Tally())


def known_deeds(article: str) -> Deeds:
    """The predicates the current :func:`known_parses` source holds for ``article`` (none without a source)."""
    source = _known.get()
    return source.deeds(article) if source is not None else {}


def known_splits(article: str) -> Splits:
    """The clause splits the current :func:`known_parses` source holds for ``article`` (none without a source)."""
    source = _known.get()
    return source.splits(article) if source is not None else {}


def known_sentences(article: Article) -> None:
    """Keep on ``article`` the sentences the current :func:`known_parses` source holds for it, when they were split
    from the same text (``crosswire.nlp.sentences.keep_sentences``): it is not split again here."""
    source = _known.get()
    found = source.sentences(article.id) if source is not None else None
    if found is not None and found[0] == sentences_digest(article.text):
        from crosswire.nlp.sentences import keep_sentences

        keep_sentences(article, found[1])


def sentences_digest(text: str) -> bytes:
    """What :data:`Sentences` are checked against: the text they were split from, hashed."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def record_split(key: tuple[str, tuple[tuple[int, int], ...]], clauses: Sequence[tuple[int, int, str]]) -> None:
    """Add a sentence split here to the current :func:`recording_splits`, if any."""
    recorded = _recording_splits.get()
    if recorded is not None:
        recorded[key] = tuple(clauses)


def record_deeds(deeds: Mapping[tuple[int, int], frozenset[str]], fresh: bool) -> None:
    """Add predicates read here to the current :func:`recording_deeds`, if any; ``fresh`` when they were read off a
    parse of the article made here (counted in the current :func:`tallying`)."""
    recorded = _recording_deeds.get()
    if recorded is not None:
        recorded.update(deeds)
    tally = _tally.get()
    if tally is not None and fresh:
        tally.deeds += len(deeds)


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


def pack(
    docs: Mapping[str, Doc],
    deeds: Mapping[tuple[int, int], frozenset[str]] | None = None,
    splits: Splits | None = None,
    sentences: Sentences | None = None,
) -> bytes:
    """The parses of one article's sentences, the predicates of its propositions, its sentences' clause splits and
    its sentences, as bytes (see the module docstring)."""
    from spacy.tokens import DocBin

    texts = list(docs)
    packed = DocBin(attrs=list(ATTRIBUTES), store_user_data=False)
    for text in texts:
        packed.add(docs[text])
    return pickle.dumps(
        ([_key(text) for text in texts], packed.to_bytes(), (dict(deeds or {}), dict(splits or {}), sentences)),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def _cut(doc: Doc, start: int, end: int) -> Doc | None:
    """The stretch ``[start, end)`` of ``doc`` as a ``Doc`` of its own with the parse it has in ``doc``, a word that
    hangs from a word outside it made a root (a quote's verb, whose head is the "said" around it); ``None`` when the
    stretch does not fall on token boundaries."""
    from spacy.tokens import Doc

    span = doc.char_span(start, end)
    if span is None or not len(span):
        return None
    tokens = list(span)
    inside = [span.start <= token.head.i < span.end for token in tokens]
    return Doc(
        doc.vocab,
        words=[token.text for token in tokens],
        spaces=[bool(token.whitespace_) for token in tokens[:-1]] + [False],
        tags=[token.tag_ for token in tokens],
        pos=[token.pos_ for token in tokens],
        deps=[token.dep_ if within else "ROOT" for token, within in zip(tokens, inside, strict=True)],
        heads=[
            (token.head.i if within else token.i) - span.start for token, within in zip(tokens, inside, strict=True)
        ],
    )


def from_article(article: Article, texts: Sequence[str]) -> dict[str, Doc]:
    """``texts``, sentences of ``article``, cut out of the article's parse (see the module docstring): the one the
    per-article stages made when it is still there, else a parse of the article made for this call and dropped after.
    A text that is not a stretch of the article on token boundaries is left out (the caller parses it on its own).
    What it returns counts as parsed here: it is added to the current :func:`recording`."""
    wanted = [(text, article.text.find(text)) for text in texts if text]
    wanted = [(text, start) for text, start in wanted if start >= 0]
    if not wanted:
        return {}
    doc = article_doc(article)
    found: dict[str, Doc] = {}
    for text, start in wanted:
        cut = _cut(doc, start, start + len(text))
        if cut is not None and cut.text == text:
            found[text] = cut
    record(found)
    return found


def article_doc(article: Article) -> Doc:
    """The article's parse: the one the per-article stages made when it is still there, else one made here (within
    :func:`tallying`, counted and kept for the next call about the same article)."""
    from crosswire.nlp.parse import is_parse_of

    doc = article._doc
    if doc is not None and is_parse_of(doc, article.text):
        return doc
    tally = _tally.get()
    last = tally.last if tally is not None else None
    if last is not None and last[0] == article.id and is_parse_of(last[1], article.text):
        return last[1]
    doc = _parse_article(article.text)
    if tally is not None:
        tally.articles += 1
        tally.last = (article.id, doc)
    return doc


def _parse_article(text: str) -> Doc:
    from crosswire.nlp.parse import parse_text
    from crosswire.nlp.spacy_model import load_pipeline

    nlp = load_pipeline()
    if len(text) > nlp.max_length:
        return parse_text(text)
    # The parser and what it needs, and the lemmatiser for the predicates: the recogniser changes no tag, head,
    # dependency or lemma.
    return nlp(text, disable=[name for name in ("ner",) if name in nlp.pipe_names])


class ParseSpool:
    """Packed parses (:func:`pack`, one blob per article) in a temporary file, found by sentence text.

    Memory holds an 8-byte key per sentence and where each blob lies; a blob is read and unpacked when the stage asks
    for one of its sentences (the stage asks for an article's sentences together, so one blob at a time).
    """

    def __init__(self) -> None:
        # Named, so that the engine's workers on this machine can read it too (:meth:`shared`); deleted by close().
        self._file = tempfile.NamedTemporaryFile(prefix="crosswire-parses-", suffix=".bin")  # noqa: SIM115
        self._blobs: list[tuple[int, int]] = []
        self._where: dict[bytes, int] = {}
        # Article id -> where what was read off it lies (pickled :data:`Read`: predicates, clause splits, sentences).
        self._deeds: dict[str, tuple[int, int]] = {}
        self._shared: SharedSpool | None = None

    def __len__(self) -> int:
        return len(self._where)

    def add(self, packed: bytes, article: str | None = None) -> None:
        """One article's :func:`pack`; what was read off it (its predicates, clause splits and sentences) is kept only
        when ``article`` names it."""
        keys, blob, read = pickle.loads(packed)  # made by pack() in this run's own workers
        self._shared = None
        self._file.seek(0, 2)
        number = len(self._blobs)
        self._blobs.append((self._file.tell(), len(blob)))
        self._file.write(blob)
        self._where.update(dict.fromkeys(keys, number))
        if article is not None and any(read):
            kept = pickle.dumps(read, protocol=pickle.HIGHEST_PROTOCOL)
            self._deeds[article] = (self._file.tell(), len(kept))
            self._file.write(kept)

    def deeds(self, article: str) -> Deeds:
        return _read_article(self._file, self._deeds.get(article))[0]

    def splits(self, article: str) -> Splits:
        return _read_article(self._file, self._deeds.get(article))[1]

    def sentences(self, article: str) -> Sentences | None:
        return _read_article(self._file, self._deeds.get(article))[2]

    def docs(self, texts: Sequence[str]) -> dict[str, Doc]:
        return _read_docs(self._file, self._blobs, self._where, texts)

    def shared(self) -> SharedSpool:
        """A small picklable handle on what the spool holds now, for another process of this machine: its index is
        written to the file (once until the next :meth:`add`), and the handle names the file and where the index
        lies. It reads the same parses and predicates as the spool, so the claims stage's extraction gives the same
        result in an engine's worker as here."""
        if self._shared is None:
            index = pickle.dumps((self._blobs, self._where, self._deeds), protocol=pickle.HIGHEST_PROTOCOL)
            self._file.seek(0, 2)
            offset = self._file.tell()
            self._file.write(index)
            self._file.flush()
            self._shared = SharedSpool(self._file.name, offset, len(index))
        return self._shared

    def close(self) -> None:
        self._file.close()
        _last.article = None
        # What this thread read of it through :meth:`shared` (a one-worker run's tasks run here).
        opened: tuple[SharedSpool, _Opened] | None = getattr(_last, "opened", None)
        if opened is not None and opened[0].path == self._file.name:
            _forget()


def _read_article(stream: IO[bytes], where: tuple[int, int] | None) -> Read:
    """What was read off an article; the last article's is kept for the next call (the extraction asks for its
    sentences, its splits, then its predicates)."""
    if where is None:
        return {}, {}, None
    kept: tuple[tuple[str, tuple[int, int]], Read] | None = getattr(_last, "article", None)
    if kept is not None and kept[0] == (stream.name, where):
        return kept[1]
    stream.seek(where[0])
    found: Read = pickle.loads(stream.read(where[1]))  # written by ParseSpool.add()
    _last.article = ((stream.name, where), found)
    return found


def _read_docs(
    stream: IO[bytes], blobs: Sequence[tuple[int, int]], where: Mapping[bytes, int], texts: Sequence[str]
) -> dict[str, Doc]:
    from spacy.tokens import DocBin

    from crosswire.nlp.spacy_model import load_pipeline

    wanted = {text: where.get(_key(text)) for text in texts}
    found: dict[str, Doc] = {}
    for number in sorted({number for number in wanted.values() if number is not None}):
        offset, size = blobs[number]
        stream.seek(offset)
        for doc in DocBin().from_bytes(stream.read(size)).get_docs(load_pipeline().vocab):
            # The text itself decides (a key is a short hash).
            if wanted.get(doc.text) == number:
                found[doc.text] = doc
    return found


@dataclass(frozen=True)
class SharedSpool:
    """A :class:`ParseSpool` read from another process of the same machine (:meth:`ParseSpool.shared`): the file's
    path and where its index lies. Opened on first use, and kept open, with its index, for the next task of the
    process that reads the same spool."""

    path: str
    offset: int
    size: int

    def _open(self) -> _Opened:
        opened: tuple[SharedSpool, _Opened] | None = getattr(_last, "opened", None)
        if opened is None or opened[0] != self:
            _forget()
            stream = open(self.path, "rb")  # noqa: SIM115 - kept for the next task, closed by _forget()
            stream.seek(self.offset)
            blobs, where, deeds = pickle.loads(stream.read(self.size))  # written by ParseSpool.shared()
            opened = (self, (stream, blobs, where, deeds))
            _last.opened = opened
        return opened[1]

    def docs(self, texts: Sequence[str]) -> dict[str, Doc]:
        stream, blobs, where, _ = self._open()
        return _read_docs(stream, blobs, where, texts)

    def deeds(self, article: str) -> Deeds:
        stream, _, _, deeds = self._open()
        return _read_article(stream, deeds.get(article))[0]

    def splits(self, article: str) -> Splits:
        stream, _, _, deeds = self._open()
        return _read_article(stream, deeds.get(article))[1]

    def sentences(self, article: str) -> Sentences | None:
        stream, _, _, deeds = self._open()
        return _read_article(stream, deeds.get(article))[2]


# An open spool file and its index: the blobs' places, the sentence keys' blobs, the articles' predicates' places.
_Opened = tuple[IO[bytes], list[tuple[int, int]], dict[bytes, int], dict[str, tuple[int, int]]]
# The spool this thread read last, open: a worker reads one run's spool for each of its tasks.
_last = threading.local()


def _forget() -> None:
    """Close the spool this thread read last, if any (its file may be deleted already; the space is freed now)."""
    opened: tuple[SharedSpool, _Opened] | None = getattr(_last, "opened", None)
    _last.article = None
    if opened is not None:
        opened[1][0].close()
        _last.opened = None
