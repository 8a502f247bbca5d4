"""The typed objects that flow through Crosswire.

An :class:`Article` is created by ingestion and passes through the per-article stages; each stage adds one layer of
character spans into ``Article.text`` (the way components annotate a spaCy ``Doc``). Corpus-level stages read all
articles and add their own objects to the :class:`Dossier`, which is what gets stored, rendered and serialized.

Field names and meanings follow ``CONTRACT.md``; anything added here beyond it is an extension, never a change.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

SCHEMA = "crosswire/dossier@1"

# Where a publication date came from: the input record, the HTML's metadata, the metadata block of a text dump
# ("header"), a date line under the headline ("byline"), the dateline of the first paragraph ("dateline"), a date the
# text calls today ("text"), or a sibling article of the same story ("story").
PublishedFrom = Literal["input", "html", "header", "byline", "dateline", "text", "story"]
RawFormat = Literal["text", "html"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}(:\d{2}(\.\d+)?)?)?)?$")


def scrub(text: str) -> str:
    """Replace lone surrogates (valid in JSON, invalid in UTF-8) so the text can be stored and written."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace").decode("utf-8")
    return text


def normalize_published(value: object) -> str | None:
    """Return an ISO 8601 date or datetime string, or None for an empty value.

    Keeps the precision it was given: a date stays a date, a datetime stays a datetime.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"not an ISO 8601 date or datetime: {text!r}")
    try:
        if len(text) == 10:
            dt.date.fromisoformat(text)
        else:
            dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"not a valid calendar date: {text!r}") from exc
    return text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    # Every field name of each model class, as one set the instances given every field share (see below).
    _all_fields: ClassVar[dict[type, set[str]]] = {}

    @model_validator(mode="after")
    def _share_fields_set(self) -> Self:
        """An instance given every field (as every one read back from the store or ``dossier.json`` is) shares one
        set of field names with the others of its class instead of holding its own.

        Pydantic keeps a set of the names of the fields an instance was given: with five names, that set is 728 bytes,
        more than the rest of a mention. Sharing it is safe because nothing can add a name to a full set (assigning a
        field adds its name, already there); a copy gets its own set, and the set is read only by ``exclude_unset``.
        """
        full = _Model._all_fields.get(type(self))
        if full is None:
            full = _Model._all_fields[type(self)] = set(type(self).model_fields)
        if len(self.__pydantic_fields_set__) == len(full):
            object.__setattr__(self, "__pydantic_fields_set__", full)
        return self


class Span(_Model):
    """A character span into an article's ``text`` (Python string indices)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Timex(Span):
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None


class Mention(Span):
    entity: str | None = None
    label: str


class Article(_Model):
    """One news article and the layers the per-article stages have added to it."""

    id: str
    source: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    text: str = ""
    boilerplate: list[str] = Field(default_factory=list)
    story: str | None = None
    duplicate_of: str | None = None
    timexes: list[Timex] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list, exclude=True)
    event_mentions: list[EventMention] = Field(default_factory=list, exclude=True)
    # What ingestion read, kept so later stages (and re-runs) never need the input again. Not part of dossier.json.
    raw: str = Field(default="", exclude=True)
    raw_format: RawFormat = Field(default="text", exclude=True)
    # --raw: take ``raw`` as the text exactly as given.
    verbatim: bool = Field(default=False, exclude=True)
    # Names of the layers the stages have filled, so a stored article is not analysed twice.
    layers: list[str] = Field(default_factory=list, exclude=True)
    # Hash of the input as ingested (before any stage), to recognise the same input on a later run.
    input_hash: str = Field(default="", exclude=True)
    # The spaCy parse of ``text``, shared by the per-article NLP stages of one run; never stored or serialized.
    _doc: Any = PrivateAttr(default=None)
    # ``text`` and its sentence spans (``crosswire.nlp.sentences.article_sentences``), split once for the stages that
    # each read them; never stored or serialized.
    _sentences: Any = PrivateAttr(default=None)

    @field_validator("published", mode="before")
    @classmethod
    def _published_is_iso(cls, value: object) -> str | None:
        return normalize_published(value)


class Entity(_Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    mention_count: int = 0


SourceType = Literal["person", "organization", "anonymous", "media", "document", "unknown"]
StanceClass = Literal["confirm", "deny", "decline", "neither", "assert", "other"]


class Statement(_Model):
    id: str
    article: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    source_type: SourceType = "unknown"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    content: str = ""
    content_start: int | None = None
    content_end: int | None = None
    direct: bool = False
    stance_class: StanceClass = "assert"
    via: list[str] = Field(default_factory=list)


class Evidence(_Model):
    article: str
    start: int
    end: int


class ParticipantRole(_Model):
    """What part an entity plays in an event: ``host``, ``actor``, ``counterpart``, ``target``, ``mediator``..."""

    entity: str
    role: str


class EventSpan(_Model):
    """A stretch of an article's text naming something an event mention is about."""

    start: int
    end: int
    text: str
    role: str | None = None


class EventMention(_Model):
    """One sentence's report of an event inside one article, before events are merged across articles.

    Kept on the article (not in ``dossier.json``); the corpus-level events stage turns mentions into ``events[]``.
    """

    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    # The sentence that reports it: the evidence span.
    start: int
    end: int
    participants: list[EventSpan] = Field(default_factory=list)
    location: EventSpan | None = None
    # TIMEX3 value from the sentence's time expression, else null (the events stage falls back to publication).
    date: str | None = None
    negated: bool = False


class Event(_Model):
    id: str
    type: str
    summary: str
    participants: list[str] = Field(default_factory=list)
    # Extension of the contract: the role each participant plays (who hosted, who met whom).
    participant_roles: list[ParticipantRole] = Field(default_factory=list)
    location: str | None = None
    date: str | None = None
    articles: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class ClaimStance(_Model):
    source: str | None = None
    source_text: str | None = None
    article: str
    stance: Literal["confirms", "denies", "declines", "neither", "reports"]
    statement: str | None = None


class Claim(_Model):
    id: str
    text: str
    event: str | None = None
    stances: list[ClaimStance] = Field(default_factory=list)
    verdict: Literal["corroborated", "contested", "denied", "single-source", "unverified"] = "unverified"
    independent_sources: int = 0
    origin: str | None = None
    # Extensions of the contract: the date the claim is about (TIMEX3 value, when its sources agree on one), and the
    # sentences that put it forward.
    date: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    # How central the claim is to its story (more articles speak to it, parties to the story confirm or deny it):
    # claims are listed most central first. And its chain of provenance: who put it out, relayed by whom, where.
    centrality: float = 0.0
    provenance: list[str] = Field(default_factory=list)


class ContradictionValue(_Model):
    value: str
    articles: list[str] = Field(default_factory=list)
    statements: list[str] = Field(default_factory=list)
    # Extensions of the contract: where each value is given, and the earliest publication date giving it.
    evidence: list[Evidence] = Field(default_factory=list)
    first_published: str | None = None


class Contradiction(_Model):
    id: str
    about: str
    values: list[ContradictionValue] = Field(default_factory=list)
    # Extensions of the contract: ``value`` (one slot, different values) or ``stance`` (one party, different
    # stances), and a sentence saying what the values disagree on. Values are in order of first publication.
    kind: Literal["value", "stance"] = "value"
    summary: str | None = None


class OutletCoverage(_Model):
    """What one outlet's articles in a story carry and omit (an extension of the contract: ``stories[].coverage``)."""

    outlet: str
    articles: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)
    # Claims and events of the story that other outlets carry and this one does not.
    omitted_claims: list[str] = Field(default_factory=list)
    omitted_events: list[str] = Field(default_factory=list)
    # Claims no other outlet carries, and the statements behind them.
    exclusive_claims: list[str] = Field(default_factory=list)
    exclusive_statements: list[str] = Field(default_factory=list)


class Story(_Model):
    id: str
    title: str
    articles: list[str] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    coverage: list[OutletCoverage] = Field(default_factory=list)


class Storyline(_Model):
    """Stories about one ongoing affair (an extension of the contract: ``storylines[]``)."""

    id: str
    title: str
    stories: list[str] = Field(default_factory=list)


class TimelineEntry(_Model):
    date: str
    event: str | None = None
    claim: str | None = None
    summary: str
    articles: list[str] = Field(default_factory=list)
    # Extensions of the contract: the article that reported it first, and the story it belongs to.
    first_reported: str | None = None
    story: str | None = None


class InputFailure(_Model):
    """An input that could not be analysed, with one line a person can act on."""

    source: str
    error: str


class Dossier(_Model):
    """Everything Crosswire knows about a corpus; serialized as ``dossier.json``."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    articles: list[Article] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    storylines: list[Storyline] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    errors: list[InputFailure] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Dossier:
        return cls.model_validate_json(data)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


Article.model_rebuild()
