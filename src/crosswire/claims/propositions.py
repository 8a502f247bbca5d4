"""Propositions: the sentence-sized things articles put forward, before they are merged into claims.

A proposition comes from one of two places:

- an attributed statement (``statements[]``): each sentence of its content is one proposition, carrying the
  statement's source and stance. Multi-sentence quotes are split because each sentence can be confirmed, denied or
  repeated elsewhere on its own ("Burns is in Ankara today ... He is not conducting negotiations of any kind.");
- the article's own voice: a sentence outside every statement that reports an event, hedges ("reportedly",
  "allegedly") or dates something. The outlet is its source and its stance is ``reports``.

Statements whose content only points back at a claim ("declined to comment", "could neither confirm nor deny the
report", "confirmed the meeting") are *reactions*: they carry a stance but no proposition of their own, and the
claims stage attaches them to the claim they react to.

This module cuts the propositions and reactions out of the articles and holds their types; what stance a statement
and each of its clauses take is :mod:`crosswire.claims.stances`, whose word a proposition is (root and party keys,
outlets) :mod:`crosswire.claims.voices`, and who a clause's leading pronoun is :mod:`crosswire.claims.subjects`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from crosswire.claims.clauses import (
    ClauseReader,
    dateline_cut,
    drop_attribution,
    judged_clause,
    judged_frame,
    strip_frame,
)
from crosswire.claims.predicates import deeds_of
from crosswire.claims.reactions import (
    MIN_WORDS,
    WORD,
    asserts_alone,
    is_reaction,
    is_topic_only,
    reaction_object,
    strip_content,
)
from crosswire.claims.stances import (
    Stance,
    absence_denied,
    clause_stance_of,
    is_first_hand,
    reported_denial,
    stance_of,
)
from crosswire.claims.subjects import PRONOUN_SUBJECT, THIRD_PERSON, named_antecedent, named_subject
from crosswire.claims.voices import (
    affiliations,
    outlet_entities,
    own_voice_key,
    relayed_outlet,
    relaying_voice,
    source_keys,
)
from crosswire.model import Article, Dossier, Entity, Statement
from crosswire.nlp.sentences import article_sentences, sentence_at
from crosswire.time.lexicon import ONES
from crosswire.time.values import parse_value

_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|is said to|are said to|was said to|were said to|"
    r"it was reported|it is reported|according to (?:reports|media))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])")
# A capitalised word, not the first of the text, right before a number: the number is part of a name ("a Boeing 737",
# "the MAX 9 jets", "Alaska Airlines Flight 1282"), not a figure. Searched up to the number's start.
_IN_NAME = re.compile(r"(?<=\S)\s+[A-Z][\w-]*\s$")
# ... unless it opens a score or a range ("beat the Giants 5-3"), which counts.
_SCORE = re.compile(r"\s?[-–]\s?\d")
# A relative pronoun right before a statement's start (searched up to it): the statement is a relative clause of a
# sentence that is not itself anyone's statement.
_RELATIVE_BEFORE = re.compile(r"\w,?\s+(?:whom|who|which|whose)\s+$")
# What stands before a date that is only what something is measured against: "before Friday's accident", "after the
# Jan. 5 vote", "since Monday's raid" (searched up to the date's start).
_ANCHOR = re.compile(
    r"\b(?:before|after|since|ahead\s+of|prior\s+to|following|preceding)\s+(?:the\s+|last\s+|this\s+)?$",
    re.IGNORECASE,
)
# A complete sentence: it opens on a capital, a figure or a quote and closes on a full stop (not a question, not a
# fragment cut mid-clause, not a headline or a caption).
_SENTENCE_OPEN = re.compile(r"^[\"“‘'(]?[A-Z0-9]")
_SENTENCE_CLOSE = re.compile(r"[.!][\"”’')]?$")
# Longer own-voice sentences run several claims together; only the event-, date- and hedge-bearing ones are taken.
MAX_TENTATIVE_WORDS = 50


@dataclass
class Proposition:
    """One sentence-sized proposition and who stands behind it, in one article."""

    article: str
    start: int
    end: int
    text: str
    stance: Stance
    # The statement it comes from; None for the article's own voice.
    statement: str | None
    source: str | None
    source_text: str | None
    source_type: str
    # Whose word it ultimately is: the outermost relaying source when relayed (``via``), else the source itself.
    root_key: str
    # The statement's own source, or its organisation, for comparing what one party said in different articles.
    party_key: str
    entities: frozenset[str] = field(default_factory=frozenset)
    dates: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[str] = field(default_factory=frozenset)
    published: str | None = None
    outlet: str | None = None
    # Index of its sentence in the article, for ordering and for context windows.
    sentence: int = 0
    event: str | None = None
    # Who it says did the deed it reports ("US Navy divers planted the explosives"), when it reports one.
    agents: frozenset[str] = field(default_factory=frozenset)
    # The stance it takes as a plain assertion, when it "denies" only by its own negative words ("said Burns is not
    # negotiating") and not by a denial verb: what it has on a claim that is itself put in the negative.
    asserted: Stance | None = None
    # True when its text names the speaker where the source said "he" or "it" ("Ohtani said he never bet" gives
    # "Shohei Ohtani never bet"): readable alone, but not the sources' own wording.
    named: bool = False
    # True for a sentence in the article's own voice that reports no recognised event, hedges nothing and dates
    # nothing: a claim only when another article of its story puts it forward too (see :func:`carried`).
    tentative: bool = False
    # For a party's answer that the article tells as the answer to a claim made elsewhere ("denied a report that
    # ...", or an article relaying another outlet's report): the article's own-voice key, under which the article
    # itself relays the claim answered (see :func:`crosswire.claims.voices.relaying_voice`).
    voice: str | None = None
    # The stems of its predicate's words (:mod:`crosswire.claims.predicates`), read off the article's parse where the
    # article was parsed; None when not read (a proposition made by hand is parsed alone when asked).
    deed: frozenset[str] | None = None


@dataclass
class Reaction:
    """A statement that takes a stance on a claim without saying it again ("declined to comment")."""

    article: str
    statement: Statement
    stance: Stance
    source: str | None
    source_text: str | None
    root_key: str
    party_key: str
    # The sentence it sits in plus the one before: what it most likely reacts to.
    context: str
    sentence: int
    published: str | None = None
    outlet: str | None = None
    # What the reaction says it answers, when its content spells it out ("could neither confirm nor deny reports of
    # talks in Ankara" answers "talks in Ankara"): a better guide to its claim than the sentences around it.
    about: str = ""
    # As :attr:`Proposition.voice`: the article's own-voice key when it tells this answer as one to a claim relayed.
    voice: str | None = None


class _ArticleIndex:
    """Sentences, mentions and timexes of one article, for slicing propositions out of it."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = article_sentences(article)
        self.starts = [start for start, _ in self.sentences]

    def protagonist(self, entities: dict[str, Entity], speaker: str | None) -> str | None:
        """The person the article names most often, other than ``speaker``, when one leads the count alone."""
        counts = Counter(
            m.entity
            for m in self.article.mentions
            if m.entity and m.entity != speaker and m.entity in entities and entities[m.entity].type == "PERSON"
        ).most_common(2)
        if not counts or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return counts[0][0]

    def sentence_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) that fall in each sentence."""
        parts: list[tuple[int, int]] = []
        first = max(0, sentence_at(self.starts, start))
        for left, right in self.sentences[first:]:
            if left >= end:
                break
            lo, hi = max(left, start), min(right, end)
            if hi > lo:
                parts.append((lo, hi))
        return parts or [(start, end)]

    def context(self, offset: int) -> tuple[int, str]:
        index = max(0, sentence_at(self.starts, offset))
        if not self.sentences:
            return 0, ""
        lo = self.sentences[max(0, index - 1)][0]
        hi = self.sentences[min(index, len(self.sentences) - 1)][1]
        return index, self.article.text[lo:hi]

    def entities_in(self, start: int, end: int) -> frozenset[str]:
        return frozenset(m.entity for m in self.article.mentions if m.entity and start <= m.start and m.end <= end)

    def name_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the names mentioned inside [start, end), relative to ``start``: linked to an entity or not yet
        (the per-article workers, which embed the clauses ahead of the claims stage, see them before linking)."""
        return [(m.start - start, m.end - start) for m in self.article.mentions if start <= m.start and m.end <= end]

    def date_texts(self, start: int, end: int) -> list[str]:
        """The words of the date expressions inside [start, end) ("Dec. 7", "Jan. 3")."""
        return [t.text for t in self.article.timexes if t.type == "DATE" and start <= t.start < end]

    def dates_in(self, start: int, end: int) -> frozenset[str]:
        """The values of the dates inside [start, end) that date what it says: not the day it is measured against
        ("in the weeks before Friday's accident", "two days after the Jan. 5 vote"), which another report of the same
        thing may well give another day than."""
        return frozenset(
            t.value
            for t in self.article.timexes
            if t.type == "DATE"
            and t.value
            and start <= t.start < end
            and not _ANCHOR.search(self.article.text, max(start, t.start - 40), t.start)
        )


def figures(text: str, dates: Iterable[str] = ()) -> frozenset[str]:
    """The figures ``text`` gives, leaving out the days of its date expressions ``dates`` and numbers in names."""
    return _numbers(text, dates)


def _numbers(text: str, dates: Iterable[str] = ()) -> frozenset[str]:
    # Years are dates, handled by the timexes; other figures must agree for two sentences to say the same thing. The
    # day of a date ("on Dec. 7") is part of the date, not a figure: ``dates`` are the date expressions to leave out.
    # Nor is a number that is part of a name ("Boeing 737 MAX 9", "Flight 1282", "Section 230", "Apollo 11"): it
    # names a thing, it does not count one.
    for surface in dates:
        text = text.replace(surface, " ")
    return frozenset(
        found[0].replace(",", "")
        for found in _NUMBER.finditer(text)
        if not re.fullmatch(r"(1[89]|20)\d\d", found[0])
        and not (
            _IN_NAME.search(text, max(0, found.start() - 40), found.start()) and not _SCORE.match(text, found.end())
        )
    )


@dataclass(frozen=True)
class Sources:
    """What :func:`extract` reads of the corpus beyond the articles it is given: the statements (by id, in the
    dossier's order), the entities by id, the statements others are relayed through, who speaks for which
    organisation, and the entity naming each outlet. :meth:`narrowed` keeps what the extraction of some articles
    reads, so their propositions can be extracted elsewhere (an engine's worker) with the same result."""

    statements: dict[str, Statement]
    entities: dict[str, Entity]
    relays: frozenset[str]
    affiliation: dict[str, str]
    outlets: dict[str, str]

    @classmethod
    def of(cls, dossier: Dossier) -> Sources:
        return cls(
            statements={statement.id: statement for statement in dossier.statements},
            entities={entity.id: entity for entity in dossier.entities},
            relays=frozenset(relay for statement in dossier.statements for relay in statement.via),
            affiliation=affiliations(dossier.entities),
            outlets=outlet_entities(dossier),
        )

    def narrowed(self, articles: Sequence[Article]) -> Sources:
        """The statements of ``articles`` and those they are relayed through, the entities their mentions and those
        statements name, and, of the relays, theirs: all that the extraction of ``articles`` looks up."""
        ids = {article.id for article in articles}
        own = [statement for statement in self.statements.values() if statement.article in ids]
        kept = {statement.id for statement in own} | {relay for statement in own for relay in statement.via}
        named = {m.entity for article in articles for m in article.mentions if m.entity}
        named |= {statement.speaker for statement in own if statement.speaker}
        return Sources(
            statements={key: statement for key, statement in self.statements.items() if key in kept},
            entities={key: entity for key, entity in self.entities.items() if key in named},
            relays=self.relays & kept,
            affiliation=self.affiliation,
            outlets=self.outlets,
        )


def extract(
    articles: Iterable[Article], dossier: Dossier | Sources, event_spans: dict[str, list[tuple[int, int, str]]]
) -> tuple[list[Proposition], list[Reaction]]:
    """Every proposition and reaction of the given articles.

    ``event_spans`` maps an article id to the ``(start, end, event id)`` evidence spans of the events it reports, so
    a proposition inside such a span is tied to that event. The corpus is read through :class:`Sources` (made from
    ``dossier`` when it is a dossier).
    """
    sources = dossier if isinstance(dossier, Sources) else Sources.of(dossier)
    by_id = sources.statements
    entity_by_id = sources.entities
    relays = sources.relays
    affiliation = sources.affiliation
    outlets = sources.outlets
    by_article: dict[str, list[Statement]] = {}
    for statement in by_id.values():
        by_article.setdefault(statement.article, []).append(statement)
    propositions: list[Proposition] = []
    reactions: list[Reaction] = []
    for article in articles:
        first = len(propositions)
        index = _ArticleIndex(article)
        spans = event_spans.get(article.id, [])
        statements = by_article.get(article.id, [])
        relayed = relayed_outlet(article, statements)
        parts_of = {
            statement.id: _quoted_parts(
                article, statement, index.sentence_spans(*_content_span(statement, article.text))
            )
            for statement in statements
        }
        own_voice = _own_voice_sentences(article, index, statements, spans)
        # Every sentence the article's propositions may be cut from, parsed in one batch.
        clauses_of = ClauseReader(
            [
                *(
                    _statement_text(article, lo, hi)[1]
                    for statement in statements
                    if not _topic_only(statement, article.text)
                    and not is_reaction(statement)
                    and not no_speaker(statement)
                    for lo, hi in parts_of[statement.id]
                ),
                *(text for _, _, _, text, _ in own_voice),
            ],
            article,
        )
        for statement in statements:
            if _topic_only(statement, article.text) or no_speaker(statement):
                continue
            root_key, party_key = source_keys(statement, by_id, affiliation, article.outlet, relayed)
            stance = stance_of(statement, relays)
            if is_reaction(statement):
                sentence, context = index.context(statement.start)
                reactions.append(
                    Reaction(
                        article.id,
                        statement,
                        stance,
                        statement.speaker,
                        statement.speaker_text,
                        root_key,
                        party_key,
                        context,
                        sentence,
                        article.published,
                        article.outlet,
                        reaction_object(statement.content),
                        relaying_voice(statement, article, relayed),
                    )
                )
                continue
            previous_entities: frozenset[str] = frozenset()
            for part, (lo, hi) in enumerate(parts_of[statement.id]):
                if len(WORD.findall(strip_content(article.text[lo:hi]))) < MIN_WORDS:
                    continue
                framed = part == 0 and _REPORT_NOUN.fullmatch(statement.cue or "") is not None
                offset, text, judged = _statement_reading(article, lo, hi, framed)
                if _QUESTION_END.search(text):
                    continue  # a question the source asks puts nothing forward
                clauses = clauses_of.split(text, index.name_spans(offset, offset + len(text)))
                later = part > 0 and stance == "denies" and asserts_alone(text)  # a quote's later sentence
                for clause in clauses:
                    c_lo, c_hi = offset + clause.start, offset + clause.end
                    denied = absence_denied(clause.text, stance)
                    told = reported_denial(clause.text, stance, statement) if denied is None else None
                    if told is not None:
                        # "Mensah has denied a report that he failed a test": the denier, named in the frame, is
                        # who "he" is.
                        found = article.text.find(told, c_lo, c_hi)
                        if found > c_lo:
                            previous_entities = previous_entities | index.entities_in(c_lo, found)
                        denied = told
                    if denied is not None:
                        # "there is no evidence that he bet": the proposition is the clause it denies, whose "he" is
                        # not the speaker.
                        found = article.text.find(denied, c_lo, c_hi)
                        c_lo = found if found >= 0 else c_lo
                        clause_text, speaker_named = named_antecedent(denied, previous_entities, entity_by_id), False
                    else:
                        clause_text, speaker_named = named_subject(clause.text, statement, entity_by_id, article)
                    entities = index.entities_in(c_lo, c_hi)
                    lead = (
                        index.protagonist(entity_by_id, statement.speaker)
                        if statement.direct and not previous_entities and THIRD_PERSON.match(clause_text)
                        else None
                    )
                    if speaker_named and statement.speaker:
                        entities |= {statement.speaker}
                    elif lead is not None:
                        # A quote opening on "he" or "she" that is not the speaker and that no earlier sentence of the
                        # quote names: the person the article is about ("He will also raise the cases," the official
                        # said, in an article about the CIA director).
                        clause_text = entity_by_id[lead].name + clause_text[len(clause_text.split()[0]) :]
                        speaker_named = True
                        entities |= {lead}
                    elif PRONOUN_SUBJECT.match(clause_text) or (denied is not None and clause_text != denied):
                        # "He is not conducting negotiations": the quote's earlier sentence says who "he" is.
                        entities |= previous_entities
                    previous_entities = entities
                    clause_text = _without_speaker_tail(drop_attribution(clause_text), statement.speaker_text)
                    if denied is not None:
                        clause_stance, asserted = "denies", None
                    elif judged is not None:
                        # "The suggestion that ... is categorically false": the sentence's own verdict on the claim.
                        first_hand = judged == "denies" or is_first_hand(statement, relays)
                        clause_stance, asserted = (judged if first_hand else "reports"), None
                    else:
                        clause_stance, asserted = clause_stance_of(
                            statement, stance, clause.text, len(clauses) > 1 or later, relays
                        )
                    propositions.append(
                        Proposition(
                            article=article.id,
                            start=c_lo,
                            end=c_hi,
                            text=clause_text,
                            stance=clause_stance,
                            statement=statement.id,
                            source=statement.speaker,
                            source_text=statement.speaker_text,
                            source_type=statement.source_type,
                            root_key=root_key,
                            party_key=party_key,
                            entities=entities,
                            dates=index.dates_in(c_lo, c_hi),
                            numbers=_numbers(clause_text, index.date_texts(c_lo, c_hi)),
                            published=article.published,
                            outlet=article.outlet,
                            sentence=max(0, sentence_at(index.starts, c_lo)),
                            event=_event_at(spans, c_lo, c_hi),
                            asserted=asserted,
                            named=speaker_named,
                            voice=relaying_voice(statement, article, relayed),
                        )
                    )
        propositions.extend(_own_voice(article, index, own_voice, spans, outlets, clauses_of, relayed))
        # What each says of its subject, read off the article's parse (no second parse of its text).
        deeds = deeds_of(article, [(made.start, made.end) for made in propositions[first:]])
        propositions[first:] = [replace(made, deed=deeds[made.start, made.end]) for made in propositions[first:]]
    return propositions, reactions


# A report noun read as a statement's cue ("Reports that the trust backs the bid are untrue").
_REPORT_NOUN = re.compile(
    r"(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|accusations?|speculation)", re.IGNORECASE
)
# A question a source asks ("All dogs go to heaven?", "Where will the refugees go?") puts nothing forward.
_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")
_CLOSING_QUOTE = re.compile(r"[\"”’»][\s,;:.]*$")
_OPENING_QUOTE = re.compile(r"[\"“‘«]")


def _quoted_parts(article: Article, statement: Statement, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote's words without its attribution: where a direct quote is told in two pieces round its speaker
    ("'Ukraine is not involved,' the aide said in a statement. 'It makes no sense.'"), the sentence holding the
    speaker gives the quoted words before it and any quote opened after the cue, not "the aide said in a statement".
    One quoted sentence broken by its attribution ("'The merger,' she said, 'will close in May.'") is left whole: a
    piece of it is no claim."""
    if not statement.direct or statement.speaker_start is None:
        return parts
    marks = [statement.speaker_start, *([statement.cue_start] if statement.cue_start is not None else [])]
    at = min(marks)
    after = max(statement.speaker_end or at, statement.cue_end or at)
    kept: list[tuple[int, int]] = []
    for lo, hi in parts:
        before = article.text[lo:at].rstrip()
        opened = _OPENING_QUOTE.search(article.text, after, hi) if lo < at < after < hi else None
        continued = opened is not None and article.text[opened.end() : opened.end() + 1].islower()
        if (
            not lo < at < hi
            or not _CLOSING_QUOTE.search(before)
            or len(WORD.findall(strip_content(before))) < MIN_WORDS
            or continued
        ):
            kept.append((lo, hi))
            continue
        kept.append((lo, at))
        if opened is not None:
            kept.append((opened.start(), hi))
    return kept


def _without_speaker_tail(text: str, speaker_text: str | None) -> str:
    """A clause that runs on into its own statement's speaker ("Two people have died in the fire, the fire service"
    of "..., the fire service said on Monday, citing police", the cue left outside the content) ends before it."""
    if not speaker_text:
        return text
    trimmed = text.rstrip(" .,")
    if trimmed.endswith(", " + speaker_text) and len(trimmed) > len(speaker_text) + 20:
        return trimmed[: -len(speaker_text) - 2]
    return text


def _content_span(statement: Statement, text: str) -> tuple[int, int]:
    """Where a statement's proposition is read: its content; or, for a deed read as a cue whose content is an amount
    ("Brandt Sports Group has offered £150 million for the club", "the insurer paid $2 million"), the clause from its
    subject on, since the amount without its doer and verb ("£150 million for the club") says nothing; so does a
    decision's infinitive ("[The board decided today] to raise the rate by half a point"). A content that says
    something of its own ("released photographs of the plug, which was found in a garden", "recorded that
    the light had come on") is left as it is: it carries a claim of its own."""
    start = statement.content_start if statement.content_start is not None else statement.start
    end = statement.content_end if statement.content_end is not None else statement.end
    if _deed_as_cue(statement, text) and statement.speaker_start is not None:
        start = statement.speaker_start
    return start, end


# Between a deed's subject and its verb: auxiliaries and adverbs only ("has offered", "will now close").
_AUXILIARIES = re.compile(
    r"\s*(?:(?:has|have|had|will|would|also|now|just|already|since|then|later|quickly)\s+)*", re.IGNORECASE
)
_CUE_VERB = re.compile(r"[a-z]+")
# A content that is an amount: a figure first, with what it counts or a currency ("£150 million for the club",
# "about 4,000 shares", "$2 million in damages").
_AMOUNT_FIRST = re.compile(
    r"(?:(?:about|nearly|almost|some|around|roughly|more\s+than|at\s+least|up\s+to|another|a\s+further)\s+)?"
    r"[$€£¥]?\s?\d[\d,.]*(?:\s*(?:m|bn|million|billion|thousand|%|percent|per\s+cent)\b)?",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(r"(?:he|she|it|they|we|i|you|which|who|that|this)$", re.IGNORECASE)
# A content that is what the subject decided or agreed to do: an infinitive ("[decided] to raise the rate by half a
# point", "[voted] to approve the merger", "[agreed] to pay $2 million"), after at most a day or an adverb
# ("decided today to ...", "voted on Monday to ...", "agreed unanimously to ...").
_INFINITIVE_FIRST = re.compile(r"to\s+[a-z]+\b(?!\s+(?:comment|say|speak|discuss)\b)")
_BEFORE_INFINITIVE = re.compile(
    r"\s*(?:(?:today|yesterday|tonight|unanimously|formally|finally|in\s+principle|"
    r"(?:on|last|this|late\s+on)\s+[A-Z]?[a-z]+)\s+)?"
)
# What the parties agreed or settled on, after a verb of agreeing: "[agreed in principle] on a 40-year lease",
# "[settled] on a price of ...".
_AGREEING = re.compile(r"(?:agree|settle|decide)[ds]?", re.IGNORECASE)
_TERMS_FIRST = re.compile(r"(?:on|upon)\s+(?:a|an|the|terms)\b", re.IGNORECASE)


def _topic_only(statement: Statement, text: str) -> bool:
    """A content naming a topic only (:func:`is_topic_only`), unless it is what a deed read as a cue was done on
    ("The club and the council have agreed in principle *on a 40-year lease*"): that is read from its subject on."""
    return is_topic_only(statement) and not _deed_as_cue(statement, text)


def _deed_as_cue(statement: Statement, text: str) -> bool:
    """Whether the statement is a deed its subject did, read as a cue (class ``other``: no verb of saying), its verb
    right after its named subject and its content, an amount, right after the verb; or its content an infinitive,
    what the subject decided to do, right after the verb or a day."""
    if statement.stance_class != "other" or statement.direct:
        return False
    spans = (statement.speaker_start, statement.speaker_end, statement.cue_start, statement.cue_end)
    if any(value is None for value in spans) or statement.content_start is None:
        return False
    speaker_start, speaker_end, cue_start, cue_end = (int(value or 0) for value in spans)
    if not speaker_start < speaker_end <= cue_start < cue_end <= statement.content_start:
        return False
    between = text[cue_end : statement.content_start]
    amount = _AMOUNT_FIRST.match(text, statement.content_start) is not None and not between.strip()
    decided = bool(_BEFORE_INFINITIVE.fullmatch(between)) and (
        _INFINITIVE_FIRST.match(text, statement.content_start) is not None
        or (
            _AGREEING.fullmatch(text[cue_start:cue_end]) is not None
            and _TERMS_FIRST.match(text, statement.content_start) is not None
        )
    )
    return bool(
        (amount or decided)
        and _AUXILIARIES.fullmatch(text[speaker_end:cue_start])
        and _CUE_VERB.fullmatch(text[cue_start:cue_end])
        and not _PRONOUN_SPEAKER.match(text[speaker_start:speaker_end].strip())
    )


def _event_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for lo, hi, event in spans:
        overlap = min(hi, end) - max(lo, start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, event)
    return best[1] if best else None


def _own_voice_sentences(
    article: Article, index: _ArticleIndex, statements: Sequence[Statement], spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, int, str, bool]]:
    """(number, start, end, text, tentative) of the sentences outside every statement that report an event, hedge,
    or date something; and, ``tentative``, those that do none of these but are a complete, check-worthy sentence
    naming a party or giving a figure ("Burns is also expected to raise the cases of Brittney Griner and Paul
    Whelan"): a claim when another article of the story says it too."""
    # A statement inside a relative clause of the sentence ("two Americans detained in Russia whom the administration
    # has been pressing to release") leaves its main clause the narrator's own.
    spoken = [
        s
        for s in statements
        if not _RELATIVE_BEFORE.search(article.text, max(0, s.start - 40), s.start) and not no_speaker(s)
    ]
    dated = [t for t in article.timexes if t.type == "DATE" and t.value and t.value[:1].isdigit()]
    # Any recognised name, linked to an entity or not yet: the per-article workers, which embed these sentences
    # ahead of the claims stage, see the mentions before they are linked.
    named = [m.start for m in article.mentions]
    found: list[tuple[int, int, int, str, bool]] = []
    for number, (lo, hi) in enumerate(index.sentences):
        inside = [s for s in spoken if min(hi, s.end) - max(lo, s.start) > 0]
        pieces = _narrated_pieces(article.text, lo, hi, inside) if inside else [(lo, hi, False)]
        for p_lo, p_hi, piece in pieces:
            text = article.text[p_lo:p_hi].strip()
            if piece and not (_numbers(text) or _COUNTED.search(text)):
                continue  # a piece counts something, or it is left to the statement beside it
            filed = dateline_cut(text)
            if filed:
                p_lo, text = p_lo + article.text[p_lo:p_hi].find(text) + filed, text[filed:]
            words = len(WORD.findall(text))
            if words < MIN_WORDS + 2 or "\n" in text.strip():
                continue
            event = _event_at(spans, p_lo, p_hi)
            has_date = any(p_lo <= t.start < p_hi for t in dated)
            if event is not None or has_date or _HEDGES.search(text):
                found.append((number, p_lo, p_hi, text, False))
            elif _check_worthy(text, words, piece) and (
                any(p_lo <= start < p_hi for start in named) or _numbers(text) or _COUNTED.search(text) or piece
            ):
                found.append((number, p_lo, p_hi, text, True))
    return found


# A piece of a sentence joined to a statement by a conjunction: "..., police said, *and* about 1,500 residents were
# evacuated"; "Three of our colleagues lost their lives, *and* we offer ...".
_JOINED_AFTER = re.compile(r"^\s*(?:,\s*(?:and|but)|;)\s+", re.IGNORECASE)
_JOINED_BEFORE = re.compile(r"(?:,\s*(?:and|but)|;)\s*$", re.IGNORECASE)
# A number word counting something ("Three of our colleagues", "five votes"); "one" counts nothing on its own.
_COUNTED = re.compile(
    r"\b(?:" + "|".join(word for word, value in ONES.items() if value > 1) + r"|twenty)\s+[A-Za-z]", re.IGNORECASE
)
# A participle cue after the subject's own clause: "The bank has raised its rate, *confirming* the report".
_PARTICIPLE_CUE = re.compile(r"[a-z]+ing", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”]")
# A possessive determiner read as a speaker ("their [representatives] about the equipment") names no one who spoke.
_POSSESSIVE = re.compile(r"(?:my|our|your|his|her|its|their)", re.IGNORECASE)


def no_speaker(statement: Statement) -> bool:
    """Whether the statement's speaker phrase is a bare possessive determiner, which speaks for no one: such a
    reading is a misparse of the narrator's sentence ("Halvex has received no warning from employees or *their*
    representatives about ..."), which stays the narrator's own."""
    return _POSSESSIVE.fullmatch((statement.speaker_text or "").strip()) is not None


def _narrated_pieces(text: str, lo: int, hi: int, inside: Sequence[Statement]) -> list[tuple[int, int, bool]]:
    """The stretches of the sentence [lo, hi) that hold statements which the narrator states in its own voice:
    a clause before or after the statements, joined to them by "and", "but" or a semicolon ("An explosion killed
    three workers, police said, and about 1,500 residents were evacuated"), and the clause a subject's own deed makes
    before a participle cue ("The bank has raised its rate by half a point, confirming the newspaper's report": the
    bank's deed is the narrator's account, the participle what the deed answers). Each is (start, end, True)."""
    first = min(s.start for s in inside)
    last = max(s.end for s in inside)
    pieces: list[tuple[int, int, bool]] = []
    before = text[lo:first]
    joined = _JOINED_BEFORE.search(before)
    if joined is not None and not _QUOTE_MARK.search(before):
        pieces.append((lo, lo + joined.start(), True))
    after = text[last:hi]
    joined = _JOINED_AFTER.match(after)
    if joined is not None and not _QUOTE_MARK.search(after):
        pieces.append((last + joined.end(), hi, True))
    for statement in inside:
        bounds = (statement.speaker_start, statement.speaker_end, statement.cue_start, statement.cue_end)
        if any(value is None for value in bounds) or statement.direct:
            continue
        speaker_start, speaker_end, cue_start, cue_end = (int(value or 0) for value in bounds)
        deed = text[speaker_end:cue_start]
        if (
            speaker_start < speaker_end < cue_start
            and _PARTICIPLE_CUE.fullmatch(text[cue_start:cue_end])
            and deed[:1].isspace()
            and deed.rstrip().endswith(",")
            and len(WORD.findall(deed)) >= MIN_WORDS
            and not _QUOTE_MARK.search(deed)
        ):
            pieces.append((speaker_start, speaker_end + len(deed.rstrip()) - 1, True))
    return pieces


def _check_worthy(text: str, words: int, piece: bool = False) -> bool:
    """A complete sentence of a claim's size: opens and closes as one, asks nothing. A ``piece`` of a sentence
    (:func:`_narrated_pieces`) is a clause of one, which need not open or close as a sentence does."""
    return (
        words <= MAX_TENTATIVE_WORDS
        and (piece or _SENTENCE_OPEN.match(text) is not None)
        and (piece or _SENTENCE_CLOSE.search(text) is not None)
        and "?" not in text
    )


def carried(members: Sequence[Proposition]) -> bool:
    """Whether a claim's members put it forward: any member that is not tentative, or tentative sentences of two
    articles or more (one narrator's background line is not a claim of the story; two narrators stating it is)."""
    return any(not member.tentative for member in members) or len({member.article for member in members}) >= 2


def _statement_text(article: Article, lo: int, hi: int) -> tuple[int, str]:
    """Where the proposition of a statement's sentence [lo, hi) starts and its text: quotes, a leading "that" and a
    report frame taken off, and a verdict on the claim it spells out (:func:`_statement_reading`)."""
    offset, text, _ = _statement_reading(article, lo, hi)
    return offset, text


def _statement_reading(article: Article, lo: int, hi: int, framed: bool = False) -> tuple[int, str, Stance | None]:
    """:func:`_statement_text` and the verdict the sentence passes on the claim it spells out: "The suggestion that
    militants were caught at the border is categorically false" puts forward "militants were caught at the border"
    and denies it. ``framed``: the report noun before the content was read as its cue ("[Reports] that the trust
    backs the bid are untrue")."""
    raw = article.text[lo:hi]
    text = strip_content(raw)
    offset = lo + max(0, raw.find(text))
    if framed and (spelled := judged_clause(text)) is not None:
        return offset, spelled[0], spelled[1]
    dated = dateline_cut(text)
    judged = judged_frame(text[dated:])
    if judged is not None:
        cut, claim, verdict = judged
        return offset + dated + cut, claim, verdict
    cut, text = strip_frame(text[dated:])
    return offset + dated + cut, text, None


def _own_voice(
    article: Article,
    index: _ArticleIndex,
    sentences: Sequence[tuple[int, int, int, str, bool]],
    spans: list[tuple[int, int, str]],
    outlets: dict[str, str],
    clauses_of: ClauseReader,
    relayed: str | None = None,
) -> list[Proposition]:
    """The ``sentences`` the article states in its own voice (:func:`_own_voice_sentences`), each clause one
    proposition; in an article relaying another outlet's report, the word is that outlet's."""
    outlet = article.outlet
    source = outlets.get(outlet.lower()) if outlet else None
    # The outlet whose word it is: the one relayed, else the article's own.
    key = own_voice_key(article, relayed)
    result: list[Proposition] = []
    for number, lo, hi, text, tentative in sentences:
        offset = lo + max(0, article.text[lo:hi].find(text))
        for clause in clauses_of.split(text, index.name_spans(offset, offset + len(text))):
            c_lo, c_hi = offset + clause.start, offset + clause.end
            result.append(
                Proposition(
                    article=article.id,
                    start=c_lo,
                    end=c_hi,
                    text=clause.text,
                    stance="reports",
                    statement=None,
                    source=source,
                    source_text=outlet,
                    source_type="media",
                    root_key=key,
                    party_key=key,
                    entities=index.entities_in(c_lo, c_hi),
                    dates=index.dates_in(c_lo, c_hi),
                    numbers=_numbers(clause.text, index.date_texts(c_lo, c_hi)),
                    published=article.published,
                    outlet=outlet,
                    sentence=number,
                    event=_event_at(spans, c_lo, c_hi),
                    tentative=tentative,
                )
            )
    return result


def day_values(dates: Iterable[str]) -> frozenset[str]:
    """The full days among TIMEX3 values: the only precision at which two different values are two different answers
    to one question."""
    days = (parse_value(value, prefix=True) for value in dates)
    return frozenset(day.start.isoformat() for day in days if day is not None and day.unit == "day")
