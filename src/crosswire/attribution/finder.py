"""Who said what, per article: the attribution stage that fills ``article.statements``.

Rules over the shared dependency parse (:func:`crosswire.nlp.parse.doc_of`) and the quotation marks of the text
(:mod:`crosswire.attribution.quotes`); a cue lexicon (:mod:`crosswire.attribution.cues`) decides which verbs can
introduce speech.
Each rule below is one construction of news copy:

- **verb cues** — a cue verb with a subject and a complement: "Peskov confirmed that ...", "X told reporters ...",
  "X warned of ...", "Officials held talks, Kommersant reported" (the clause before a parenthetical cue). Without
  its own subject the verb takes its governor's ("..., adding that ...", "stressing that ...", "with spokesperson
  Karine Jean-Pierre telling journalists that ...").
- **direct quotes** — a quote right before or after the cue ("“...,” Altun told the AP"), split around it
  ("“...,” she said, “...”"), introduced by a colon ("Zakharova said: ..."), or on its own in the paragraphs after a
  statement (a continuation by the same speaker).
- **according to** — "according to X" makes X the source of the rest of the sentence; so does a sentence-opening
  phrase ("In the latest poll, ...") (:mod:`crosswire.attribution.source_phrases`).
- **nested sources** — "Kommersant reported, citing an unnamed source, ..." adds the unnamed source's statement,
  relayed via Kommersant's; "Bertrand cited the NSC spokesperson as saying ..." adds the spokesperson's statement
  relayed via Bertrand's; a statement whose cue sits inside another statement's content is relayed via that one.
- **headlines** — a title that opens with a named source and a colon ("Pence: Flowers won't be at the debate").
- **questions, rebuttals, missing answers** — "Asked whether ..., X said" (a question without a speaker:
  :mod:`crosswire.attribution.questions`), "pushed back on reports that ..." (:mod:`crosswire.attribution.rebuttals`),
  "could not be reached for comment" (:mod:`crosswire.attribution.absent_answers`).

After the rules, learned steps trained on PolNeAR (:mod:`crosswire.attribution.learned`) add the statements of
cues outside the lexicon ("Sanders railed against super PACs"), choose where indirect contents end and drop rule
statements unlikely to be attributions.

Speaker entity ids need canonical entities, so they are set later by the corpus stage
(:func:`crosswire.attribution.statements.link_statements`); this stage records the speaker's words and offsets.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from crosswire.attribution import (
    absent_answers,
    anonymity,
    bounds,
    citations,
    cue_model,
    cues,
    dashes,
    interview_turns,
    noun_cues,
    outlet_relays,
    questions,
    quoted_tails,
    rebuttals,
    source_phrases,
    sources,
    speaker_clauses,
    tagger,
    verb_content,
)
from crosswire.attribution import cue_parse as parse
from crosswire.attribution import learned as learned_steps
from crosswire.attribution import spans as content_spans
from crosswire.attribution.cue_parse import Candidate
from crosswire.attribution.quotes import Quote, find_quotes, paragraph_of, quote_at
from crosswire.attribution.stance import REPORT_NOUNS, CueReading, classify
from crosswire.clean import header
from crosswire.context import Context
from crosswire.model import Article, Mention, Statement
from crosswire.nlp.parse import doc_of

# A gap between a quote and its cue clause that still ties them ("“...,” Altun said"; "said, “...”"; "said: “...”").
_GAP_BEFORE = re.compile(r"^[ \t,—–-]*$")
# ... or a short aside or conjunction ("“...,” he said, referring to the vote, “...”"; "he said, but “...”").
_GAP_SPLIT = re.compile(r"^(?:[ \t.,:;—–-]*|,\s*[^.!?\"“”\n]{0,60}[,.]\s*|,?\s*(?:but|and)\s*)$")
_GAP_AFTER = re.compile(r"^(?:[\s,:;—–-]*|[^.!?\"“”\n]{0,80}[,:]\s*)$")
# Cue tiers whose statements are dropped when they sit inside another statement's content.
DROP_NESTED_TIERS: frozenset[str] = frozenset({"belief", "learned"})
# How far (characters) a quote standing on its own may be from the statement whose speaker it continues.
CONTINUATION_DISTANCE = 700


class _Finder:
    """The rules of one article, sharing its text, parse, quotes and what has been found so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc_of(article)
        self.quotes = find_quotes(self.text)
        self.candidates: list[Candidate] = []
        # Nouns read as the object of a cue before them ("dismissed as lies claims that ..."), not cues of their own.
        self.absorbed: set[int] = set()
        # Verbs of citing read with their governor ("..., citing people familiar with the matter"; "cited X as
        # saying"): never statements of their own, so the learned cue classifier is not offered them either.
        self.read_with_governor: set[int] = set()
        # Speakers who asked not to be named ("..., the people said, asking not to be named"): anonymous sources.
        self.unnamed: set[tuple[int, int]] = set()

    def paragraph(self, position: int) -> tuple[int, int]:
        return paragraph_of(self.text, position)

    def in_quote(self, position: int) -> Quote | None:
        return quote_at(self.quotes, position)

    # -- quotes next to a cue ----------------------------------------------------------------------------------

    def quote_before(self, start: int) -> Quote | None:
        for quote in reversed(self.quotes):
            if quote.end <= start:
                if quote.title:
                    return None  # '..., said on "Face the Nation," ...': a show's name, not what was said
                gap = self.text[quote.end : start]
                inner_end = quote.inner(self.text)[1]
                last = self.text[inner_end - 1] if inner_end > quote.start else ""
                # '"...," he said' ties the quote to the cue; '"...." He said' starts a new sentence unless the
                # cue clause is inverted or short ('"....," said X' / '"...." said X' both close the quote).
                closes_clause = last in ",?!—–-"
                if _GAP_BEFORE.match(gap) and (closes_clause or (quote.is_statement and last != "." and last != "")):
                    return quote
                if _GAP_BEFORE.match(gap) and quote.is_statement and last == "." and self.lowercase_after(quote.end):
                    return quote
                return None
        return None

    def lowercase_after(self, position: int) -> bool:
        """Whether the text after ``position`` goes on in lower case ('"...." said X'), so no new sentence starts."""
        match = re.compile(r"\s*(\S)").match(self.text, position)
        return bool(match and match.group(1).islower())

    def quote_after(self, end: int, *, strict: bool = False) -> Quote | None:
        for quote in self.quotes:
            if quote.start >= end:
                gap = self.text[end : quote.start]
                if "\n" in gap and not gap.rstrip().endswith(":"):
                    return None
                if quote.title or (not quote.is_statement and not strict):
                    return None  # a short quote after a cue is a phrase of the clause, unless it continues a quote
                pattern = _GAP_SPLIT if strict else _GAP_AFTER
                return quote if pattern.match(gap) else None
        return None

    # -- the rules ---------------------------------------------------------------------------------------------

    def verb_cues(self) -> None:
        for token in self.doc:
            if (
                token.pos_ == "NOUN"
                and token.lower_ in verb_content.PARTICIPLES
                and token.i > 0
                and token.nbor(-1).text == ","
            ):
                self.read_participle(token, verb_content.PARTICIPLES[token.lower_])
                continue
            if not (token.pos_ == "VERB" or (token.pos_ == "AUX" and token.lemma_ == "say")):
                continue
            tier = cues.cue_tier(token.lemma_)
            quote = self.in_quote(token.idx)
            if tier is None or (quote is not None and quote.closed and not self.third_party(token, tier, quote)):
                continue  # words inside a quote are the quoted speaker's
            if token.dep_ == "pcomp" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in cues.CITING:
                self.read_with_governor.add(token.i)
                continue  # "cited X as saying": read with the "cited" verb
            if token.lemma_.lower() in cues.CITING and citations.is_participle(token):
                # "..., citing an unnamed source": a nested source, read with its governor; "declined to comment,
                # citing the ongoing proceedings": a reason given, no source and no statement of its own either
                # ("said ... and cited the decision", a finite verb sharing the subject, is the speaker's own act)
                if token.tag_ == "VBG" or citations.cited_source(self, token) is not None:
                    self.read_with_governor.add(token.i)
                continue
            words = verb_content.words_noun(token)
            if words is not None and verb_content.carried_by_cue(words):
                self.read_with_governor.add(token.i)
                continue  # "highlighted comments Trump made saying ...": read with "highlighted"
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in cues.DECLINE_LEMMAS:
                continue  # "declined to comment": one statement, read with "declined"
            if parse.question_put(token, parse.QUESTION_STATEMENTS):
                questions.read_question(self, token)  # "Asked whether ..., X said": a question put to X, not X's
                continue
            opening = parse.closing_relative(token) if tier == "speech" else None
            if opening is not None:
                citations.read_closing_lead(self, token, opening)
                continue
            self.read_verb(token, tier)

    def third_party(self, token: Token, tier: str, quote: Quote) -> bool:
        """Whether a cue inside a quote is a third party's words the quoted speaker relays ("The minister told me
        ...", "The minister said ..." opening the quote)."""
        inner = quote.inner(self.text)[0]
        return parse.told_the_speaker(token, tier) or parse.quoted_third_party(token, tier, inner)

    def read_participle(self, token: Token, lemma: str) -> None:
        """ "Lee tweeted about the report, writing, “If false, slander.”": a participle of saying the tagger read as
        a noun, with a quote right after it, is the governing verb's subject's statement."""
        quote = self.in_quote(token.idx)
        after = self.quote_after(token.idx + len(token.text))
        if (quote is not None and quote.closed) or after is None or token.head.pos_ not in {"VERB", "AUX"}:
            return
        speaker = parse.subject_of(token.head)
        if speaker is None:
            return
        speaker = bounds.trim(self.text, *speaker)
        reading = CueReading(lemma=lemma, tier="speech")
        self.add_quote_candidate(token, lemma, [after], speaker, reading, token.text, "speech")

    def read_verb(self, token: Token, tier: str) -> None:
        text = self.text
        lemma = token.lemma_.lower()
        cue_start, cue_end = token.idx, token.idx + len(token.text)
        para_start, para_end = self.paragraph(cue_start)
        speaker = self.speaker_of(token, lemma, (para_start, para_end))
        if speaker is None and tier != "speech":
            return
        own_subject = (
            speaker is not None and token.left_edge.idx <= speaker[0] and speaker[1] <= parse.subtree_span(token)[1]
        )
        frame_start = min(cue_start, speaker[0]) if speaker and own_subject else cue_start
        frame_end = min(
            max(verb_content.frame_end(token), speaker[1] if speaker and own_subject else cue_end), para_end
        )
        reading = parse.reading(token, tier)
        stance_text = parse.stance_window(text, token)
        # 1. a quote right before the cue clause, possibly continued right after it
        before = self.quote_before(frame_start) if tier == "speech" else None
        quotes: list[Quote] = []
        mixed: tuple[int, int] | None = None
        if before is not None:
            quotes.append(before)
            # "“...,” she said, “...”" and "“...,” she said. “...”": the quote goes on after the cue clause.
            after = self.quote_after(frame_end, strict=True)
            while after is not None:
                quotes.append(after)
                after = self.quote_after(after.end, strict=True)
            quotes = bounds.mostly_quoted(quotes)
        elif tier == "speech":
            after = self.quote_after(frame_end)
            # "said he did not know what happened, “but I am not surprised”": a clause of the cue's own before
            # the quote makes the quote the end of an indirect content, not the whole of it
            clause = self.clause_between(token, frame_end, after.start) if after is not None else None
            if after is not None and clause is None:
                quotes.append(after)
            elif after is not None and clause is not None:
                mixed = clause, after.end
        if quotes:
            self.add_quote_candidate(token, lemma, quotes, speaker, reading, stance_text, tier)
            citations.nested_citation(self, token, len(self.candidates) - 1)
            return
        # 2. a colon right after the cue, a clause or object the verb governs, or the clause it is parenthetical to
        content = mixed or (bounds.colon_content(text, cue_end) if tier == "speech" else None)
        clipped = content is None
        shifted = self.shifted_object(token) if content is None and lemma in verb_content.OBJECT_CONTENT else None
        if shifted is not None:
            noun, content = shifted
            reading = dataclasses.replace(reading, object_noun=noun.lemma_.lower())
            self.absorbed.add(noun.i)
        if content is None and speaker is not None and tier == "speech":
            content = self.closing_content(token, speaker, para_start)
        if (
            content is None
            and tier == "speech"
            and any(c.dep_ == "dobj" and c.lower_ == "following" for c in token.children)
        ):
            content = bounds.colon_content(text, frame_end)  # "wrote the following to TV 2 in a statement:"
            clipped = content is None
        if content is None:
            content = verb_content.content_of(token, tier, (para_start, para_end), text)
        if content is None and tier == "speech":
            content = bounds.misparsed_that_clause(token)
        if content is None and tier == "speech":
            content = bounds.parenthetical_content(token)
        if content is None and tier == "speech":
            content = bounds.colon_content(text, frame_end)
            clipped = content is None
        if content is None:
            return
        if clipped:
            content = max(content[0], para_start), min(content[1], para_end)
        start, end = bounds.before_own_speaker(text, *bounds.trim(text, *content), speaker)
        end = verb_content.words_said_end(self.doc, text, end) or end  # "highlighted comments X made saying ..."
        cut = self.in_quote(end - 1) if end > start else None
        if cut is not None and cut.end - end <= 3:
            end = cut.end  # the parser leaves the closing '."' to the sentence: the quote ends the content
        if end - start < 2:
            return
        if speaker is None and lemma not in {"report", "say", "announce", "claim", "state", "reveal", "confirm"}:
            return
        start, end, reported = self.inside_quote(cue_start, start, end)
        # an object's content cut before the writer's aside on it is not run on over the aside by the end chooser
        aside = verb_content.circumstance_stop(token)
        # a passage a colon introduces in quotation dashes ("wrote the following:\n\n– ...") is verbatim
        dashed = dashes.DASH_QUOTE.match(text, text.rfind("\n", 0, start) + 1) is not None and start > para_end
        self.candidates.append(
            Candidate(
                cue_start=cue_start,
                cue_end=cue_end,
                cue_lemma=lemma,
                content_start=start,
                content_end=end,
                content=text[start:end],
                speaker=speaker,
                direct=dashed or self.is_verbatim(start, end),
                reading=reading,
                kind="direct" if dashed else "indirect",
                cue_token=token.i,
                stance_text=stance_text,
                finite=parse.is_finite(token, reading),
                fixed_end=reported or (aside is not None and end <= aside),
                in_quote=reported,
            )
        )
        citations.nested_citation(self, token, len(self.candidates) - 1)

    def inside_quote(self, cue_start: int, start: int, end: int) -> tuple[int, int, bool]:
        """A content cut at the end of the quote its cue stands in (what a third party told the quoted speaker ends
        with the quote reporting it), and whether the cue stands in a quote."""
        around = self.in_quote(cue_start)
        if around is None or not around.closed:
            return start, end, False
        return (*bounds.trim(self.text, start, min(end, around.inner(self.text)[1])), True)

    def clause_between(self, token: Token, start: int, end: int) -> int | None:
        """Where a clause the cue governs starts between ``start`` and ``end`` (before a quote after the cue)."""
        starts = [
            c.left_edge.idx
            for c in token.children
            if c.dep_ in verb_content.CLAUSE_DEPS and start <= c.left_edge.idx < end
        ]
        return min(starts) if starts else None

    def speaker_of(self, token: Token, lemma: str, paragraph: tuple[int, int]) -> tuple[int, int] | None:
        """The speaker span of a cue verb inside its paragraph: its subject (or the reporter of a participle, the
        author of a document, a subject the parse missed), without a quote before the cue."""
        reporter = verb_content.reporter_of_participle(token)
        if reporter is not None and not paragraph[0] <= reporter[0] < paragraph[1]:
            reporter = None  # the parser joined the paragraph to the one before: the reporter is not in it
        speaker = verb_content.maker_of_words(token) or reporter or parse.subject_of(token)
        speaker = speaker or self.unparsed_subject(token, lemma)
        speaker = verb_content.author(token) or speaker
        named = speaker_clauses.named_after_quote(self, token)
        parsed = bounds.trim(self.text, *speaker) if speaker is not None else None
        if named is not None and (
            parsed is None or (parsed != named and (parsed[0] < named[0] or parsed[1] <= named[1]))
        ):
            speaker = named  # the parser hung the phrase on the quote, or took its last name for all of it
        if speaker is None:
            return None
        speaker = self.outside_quotes(speaker, token.idx)
        speaker = bounds.trim(self.text, max(speaker[0], paragraph[0]), min(speaker[1], paragraph[1]))
        return speaker if speaker[1] - speaker[0] >= 1 else None

    def shifted_object(self, token: Token) -> tuple[Token, tuple[int, int]] | None:
        """ "The Kremlin dismissed as an “absolute lie” claims that it was behind the crash": the object comes after
        the "as" phrase, and the parser often reads it as a verb of its own ("claims") or as the phrase's object.
        The content runs from "as" to the end of the object's clause; the object noun (a report, claim,
        allegation) says what kind of thing was dismissed."""
        if any(c.dep_ == "dobj" for c in token.children):
            return None
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i), None)
        if prep is None:
            return None
        sentence = token.sent
        for other in token.doc[prep.i + 2 : sentence.end - 1]:
            noun = other.lemma_.lower() in REPORT_NOUNS
            if noun and token.doc[other.i + 1].lower_ in {"that", "of"}:
                return other, (prep.idx, sentence.end_char)
            if other.lower_ in {".", ";", ":"} or (other.pos_ in {"VERB", "AUX"} and not noun):
                return None
        return None

    def closing_content(self, token: Token, speaker: tuple[int, int], para_start: int) -> tuple[int, int] | None:
        """ "Talks are active, but terms could not be learned and a deal is far from certain, the newspaper reported":
        a cue clause that closes its sentence reports the whole sentence before it, though the parser gives the cue
        only the last clause (or a clause that runs back into a heading above the paragraph)."""
        children = list(token.children)
        if any(c.dep_ in verb_content.CLAUSE_DEPS and c.i > token.i for c in children) or not speaker[0] < token.idx:
            return None
        for clause in children:
            if clause.dep_ not in verb_content.CLAUSE_DEPS or clause.i > token.i:
                continue
            end = clause.right_edge.idx + len(clause.right_edge.text)
            if not re.fullmatch(r"\s*[,—–-]\s*", self.text[end : speaker[0]]):
                continue
            start = max(token.sent.start_char, para_start)
            opening = [t for t in token.sent if start <= t.idx < clause.left_edge.idx]
            if clause.left_edge.idx >= para_start and not any(t.pos_ in {"VERB", "AUX"} for t in opening):
                return None  # the complement is the whole sentence before the cue already
            if self.in_quote(start) is not None or end - start < 10:
                return None
            return start, end
        return None

    def outside_quotes(self, speaker: tuple[int, int], cue_start: int) -> tuple[int, int]:
        """The speaker span without the quote before the cue: when the parser gives the cue a second subject inside
        the quote ('“Last June, the divers planted ...,” Hersh wrote'), the speaker is the one after the quote."""
        start, end = speaker
        for quote in self.quotes:
            if quote.closed and start < quote.end <= min(end, cue_start):
                start = quote.end
        return start, end

    def unparsed_subject(self, token: Token, lemma: str) -> tuple[int, int] | None:
        """A speaker the parse does not give as the cue's subject.

        - "X was quoted as saying ...", "X was cited as saying ...": the passive subject is the one quoted.
        - "Hersh, a reporter whose work has come under scrutiny, wrote that ...": the parser reads the appositive's
          relative clause as a complement before the cue and hangs the name on it; the speaker is that clause's
          first subject when the cue has a "that" complement of its own after it.
        """
        children = list(token.children)
        if lemma in cues.CITING and verb_content.as_saying(token) is not None:
            passive = [c for c in children if c.dep_ == "nsubjpass"]
            return parse.subtree_span(passive[0]) if passive else None
        after = [
            c for c in children if c.dep_ in verb_content.CLAUSE_DEPS and c.i > token.i and verb_content.has_that(c)
        ]
        before = [c for c in children if c.dep_ in verb_content.CLAUSE_DEPS and c.i < token.i]
        if not after or not before or any(c.dep_ in parse.PASSIVE_SUBJECTS for c in children):
            return None
        subjects = sorted((c for c in before[0].children if c.dep_ in parse.SUBJECTS), key=lambda c: c.i)
        if len(subjects) < 2 or subjects[0].pos_ != "PROPN":
            return None
        return parse.subtree_span(subjects[0])

    def is_verbatim(self, start: int, end: int) -> bool:
        quote = self.in_quote(start)
        return quote is not None and quote.start == start and quote.end >= end - 1

    def add_quote_candidate(
        self,
        token: Token,
        lemma: str,
        quotes: list[Quote],
        speaker: tuple[int, int] | None,
        reading: CueReading,
        stance_text: str,
        tier: str,
    ) -> None:
        start, end = quotes[0].start, quotes[-1].end
        content = " ".join(self.text[q.start : q.end] for q in quotes)
        self.candidates.append(
            Candidate(
                cue_start=token.idx,
                cue_end=token.idx + len(token.text),
                cue_lemma=lemma,
                content_start=start,
                content_end=end,
                content=content,
                speaker=speaker,
                direct=True,
                reading=reading,
                kind="direct",
                quotes=quotes,
                cue_token=token.i,
                stance_text=stance_text,
            )
        )

    def mentions(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.article.mentions if m.start >= start and m.end <= end]

    def noun_cues(self) -> None:
        """ "Trump's claim that ...": a learned noun cue with a "that" clause (:mod:`.noun_cues`)."""
        for found in noun_cues.find(self.doc, parse.subject_of):
            token, (start, end) = found.token, bounds.trim(self.text, *found.content)
            quote = self.in_quote(token.idx)
            if end - start < 2 or (quote is not None and quote.closed):
                continue
            reading = CueReading(lemma=token.lemma_.lower(), tier="learned")
            speaker = bounds.trim(self.text, *found.speaker)
            cue = (token.idx, token.idx + len(token.text))
            self.candidates.append(
                Candidate(*cue, reading.lemma, start, end, self.text[start:end], speaker, False, reading, "indirect")
            )
            self.candidates[-1].cue_token, self.candidates[-1].stance_text = token.i, token.text
            self.candidates[-1].fixed_end = found.possessed

    def continuations(self) -> None:
        """Quotes standing on their own: the words of the speaker of the statement just before them."""
        covered = [(c.content_start, c.content_end) for c in self.candidates]
        for quote in self.quotes:
            if not quote.is_statement or any(s <= quote.start < e or s < quote.end <= e for s, e in covered):
                continue
            lead = self.text[: quote.start].rstrip(" \t")
            if lead and lead[-1] not in "\n.!?:\"”'’":
                continue  # a quote inside a sentence is part of that sentence, not a statement of its own
            previous = [
                c for c in self.candidates if c.content_end <= quote.start and quote.start - c.content_end
                <= CONTINUATION_DISTANCE and c.speaker is not None and not self.subordinate(c) and not c.in_quote
            ]  # fmt: skip
            speaker = max(previous, key=lambda c: c.content_end).speaker if previous else None
            speaker = dashes.signature(self, quote.end) or speaker
            self.candidates.append(
                Candidate(
                    cue_start=None,
                    cue_end=None,
                    cue_lemma="",
                    content_start=quote.start,
                    content_end=quote.end,
                    content=self.text[quote.start : quote.end],
                    speaker=speaker,
                    direct=True,
                    reading=CueReading(lemma="", tier="continuation"),
                    kind="continuation",
                    quotes=[quote],
                )
            )
            covered.append((quote.start, quote.end))

    def subordinate(self, candidate: Candidate) -> bool:
        """Whether a candidate's cue sits in a clause governed by another candidate's cue ('“...,” he told TASS,
        when asked whether it agreed'): its subject is not who goes on speaking in the quotes after."""
        if candidate.cue_token is None:
            return False
        cues_above = {a.i for a in self.doc[candidate.cue_token].ancestors}
        return any(o.cue_token in cues_above for o in self.candidates if o is not candidate)

    def drop_datelines(self) -> None:
        """Drop the statements whose whole content is a wire dateline ("LONDON (AP) —"): where and through whom the
        copy was filed, never what anybody said, even when the parser runs it into the sentence after it."""
        self.remove({n for n, c in enumerate(self.candidates) if self.is_dateline(c.content_start, c.content_end)})

    def is_dateline(self, start: int, end: int) -> bool:
        line_end = self.text.find("\n", start)
        found = header.dateline_end(self.text[start : len(self.text) if line_end < 0 else line_end])
        return found is not None and end - start <= found

    def drop_duplicates(self) -> None:
        """One statement per cue token; a nested cue with an "it" subject inside another's content is the same one."""
        seen: set[int] = set(self.absorbed)
        kept: list[Candidate] = []
        remap: dict[int, int] = {}
        for index, candidate in enumerate(self.candidates):
            if candidate.cue_token is not None and candidate.kind != "nested":
                if candidate.cue_token in seen:
                    continue
                seen.add(candidate.cue_token)
            if candidate.speaker is not None and self.text[candidate.speaker[0] : candidate.speaker[1]].lower() in {
                "it",
                "that",
                "this",
            }:
                inside = any(
                    o is not candidate
                    and o.content_start <= candidate.content_start
                    and candidate.content_end <= o.content_end
                    for o in self.candidates
                )
                if inside:
                    continue
            remap[index] = len(kept)
            kept.append(candidate)
        for candidate in kept:
            candidate.via = [remap[i] for i in candidate.via if i in remap]
        self.candidates = kept

    def nest(self) -> None:
        """A statement whose cue sits inside another statement's content is relayed via that statement.

        A belief inside reported speech ("he said he hoped ...") is part of what was said, not a second source's
        statement, and so is a verb of saying that is not plainly asserted ("he said he cannot comment", "nobody
        would question"): PolNeAR annotates the outer speech only, so such nested candidates are dropped.
        """
        dropped: set[int] = set()
        for index, inner in enumerate(self.candidates):
            if inner.cue_start is None or inner.via:
                continue
            outers = [
                (o.content_end - o.content_start, j)
                for j, o in enumerate(self.candidates)
                if j != index
                and o.kind != "nested"
                and o.content_start <= inner.cue_start
                and inner.cue_end is not None
                and inner.cue_end <= o.content_end
                and (o.content_end - o.content_start) > (inner.content_end - inner.content_start)
            ]
            if outers:
                _, j = min(outers)
                inner.via = [*self.candidates[j].via, j]
                if inner.reading.tier in DROP_NESTED_TIERS or not inner.finite:
                    dropped.add(index)
        self.remove(dropped)

    def drop_crossing(self) -> None:
        """Forget the readings that run over another statement's cue (see :func:`cue_parse.crossing`)."""
        self.remove(parse.crossing(self.candidates))

    def drop_anonymity_requests(self) -> None:
        """A request not to be named ("..., the people said, asking not to be named") is no statement of its own,
        nor is a cue inside it ("requesting anonymity to discuss the talks"): it makes its speaker anonymous."""
        inside, unnamed = anonymity.requests(self.text, self.candidates, self.doc)
        self.unnamed |= unnamed
        self.remove(inside)

    def remove(self, dropped: set[int]) -> None:
        """Forget these candidates, keeping the ``via`` links of the others pointing at the same statements."""
        if not dropped:
            return
        # a citation relayed through a dropped reading goes with it ("..., citing the ministry" read on a misread cue)
        dropped = dropped | {
            index for index, c in enumerate(self.candidates) if c.kind == "nested" and set(c.via) & dropped
        }
        remap: dict[int, int] = {}
        kept: list[Candidate] = []
        for index, candidate in enumerate(self.candidates):
            if index not in dropped:
                remap[index] = len(kept)
                kept.append(candidate)
        for candidate in kept:
            candidate.via = [remap[i] for i in candidate.via if i in remap]
        self.candidates = kept


def _statement(
    article: Article,
    finder: _Finder,
    candidate: Candidate,
    ids: list[str],
    memory: sources.MediaMemory,
    unnamed: sources.UnnamedMemory,
) -> Statement:
    text = article.text
    if candidate.speaker is not None:
        begin = bounds.after_dateline(text, *candidate.speaker)
        candidate = dataclasses.replace(candidate, speaker=(begin, candidate.speaker[1]))
    speaker_text = None
    source: sources.SourceType = "unknown"
    if candidate.speaker is not None:
        s, e = candidate.speaker
        speaker_text = text[s:e]
        pronoun = finder.doc.char_span(s, e) if speaker_text.lower() in sources.RELATIVE_PRONOUNS else None
        s, e = (parse.relative_antecedent(pronoun[0]) if pronoun else None) or (s, e)  # "sources who tell him"
        inside = finder.mentions(s, e)
        memory.learn(text[s:e], inside)
        source = sources.source_type(text[s:e], inside, candidate.cue_lemma, memory)
        if source in {"person", "unknown"} and sources.masthead_by_verb(
            text[s:e], inside, candidate.cue_lemma, article.mentions
        ):
            source = "media"  # "Sportblad reported earlier on Thursday that ...": a one-word masthead
        if candidate.speaker in finder.unnamed or unnamed.refers_back(text[s:e], inside, source):
            source = "anonymous"  # "..., the people said, asking not to be named"; "the people" named so before
        unnamed.learn(text[s:e], source)
    cue_text = text[candidate.cue_start : candidate.cue_end] if candidate.cue_start is not None else None
    # several quotes joined into one statement: the first one sets the stance ("“...,” she said, “...”")
    first = (candidate.quotes[0].start, candidate.quotes[0].end) if candidate.quotes else None
    span = finder.doc.char_span(*(first or (candidate.content_start, candidate.content_end)), alignment_mode="expand")
    stance = classify(candidate.reading, candidate.content, candidate.stance_text, span)
    spans = [candidate.content_start, candidate.content_end]
    if candidate.speaker is not None and candidate.kind != "continuation":
        spans += list(candidate.speaker)
    if candidate.cue_start is not None and candidate.cue_end is not None:
        spans += [candidate.cue_start, candidate.cue_end]
    return Statement(
        id=ids[0],
        article=article.id,
        start=min(spans),
        end=max(spans),
        speaker=None,
        speaker_text=speaker_text,
        speaker_start=candidate.speaker[0] if candidate.speaker else None,
        speaker_end=candidate.speaker[1] if candidate.speaker else None,
        source_type=source,
        cue=cue_text,
        cue_start=candidate.cue_start,
        cue_end=candidate.cue_end,
        content=candidate.content,
        content_start=candidate.content_start,
        content_end=candidate.content_end,
        direct=candidate.direct,
        stance_class=stance,
        via=[ids[1 + k] for k in range(len(candidate.via))],
    )


# The learned steps of :mod:`crosswire.attribution.cue_model` (all of them run by default).
LEARNED = frozenset({"proposals", "boundary", "screen", "tagger"})


def _find(article: Article, learned: frozenset[str]) -> _Finder:
    finder = _Finder(article)
    dashes.dash_quotes(finder)
    finder.verb_cues()
    rebuttals.rebuttals(finder)
    absent_answers.absent_answers(finder)
    source_phrases.according_to(finder)
    finder.noun_cues()
    source_phrases.headline(finder)
    source_phrases.transcript_turns(finder)
    interview_turns.interview_turns(finder)
    source_phrases.source_phrases(finder)
    if "proposals" in learned:
        learned_steps.title_verbs(finder)
        learned_steps.learned_cues(finder)
    speaker_clauses.speaker_clauses(finder)
    speaker_clauses.reporters_legwork(finder)
    finder.drop_anonymity_requests()
    finder.drop_datelines()
    finder.drop_duplicates()
    finder.drop_crossing()
    finder.nest()
    finder.continuations()
    if "boundary" in learned:
        learned_steps.choose_ends(finder)
    quoted_tails.run_on(finder)
    outlet_relays.trim_addressees(finder)
    if "screen" in learned:
        learned_steps.screen(finder)
    if "tagger" in learned:
        tagger.add_statements(finder)
        finder.drop_anonymity_requests()
        speaker_clauses.reporters_legwork(finder)
    return finder


def extract(article: Article, learned: frozenset[str] = LEARNED) -> list[Statement]:
    """The statements of one article, in text order, with ids ``{article.id}:s{n}``.

    ``learned`` names the learned steps to run (:data:`LEARNED`); their training compares against fewer of them.
    """
    if not article.text.strip():
        return []
    finder = _find(article, learned)
    order = sorted(
        range(len(finder.candidates)),
        key=lambda i: (finder.candidates[i].content_start, finder.candidates[i].cue_start or 0, i),
    )
    id_of = {index: f"{article.id}:s{n}" for n, index in enumerate(order)}
    memory = sources.MediaMemory()
    unnamed = sources.UnnamedMemory()
    by_id: dict[int, Statement] = {}
    for index in sorted(
        range(len(finder.candidates)),
        key=lambda i: finder.candidates[i].cue_start or finder.candidates[i].content_start,
    ):
        candidate = finder.candidates[index]
        ids = [id_of[index], *(id_of[j] for j in candidate.via)]
        by_id[index] = _statement(article, finder, candidate, ids, memory, unnamed)
    return [by_id[i] for i in order]


def proposals(article: Article) -> list[cue_model.Proposal]:
    """What the learned cue classifier is asked about in one article: after the rules, before it (for training)."""
    if not article.text.strip():
        return []
    finder = _Finder(article)
    finder.verb_cues()
    rebuttals.rebuttals(finder)
    absent_answers.absent_answers(finder)
    source_phrases.according_to(finder)
    finder.noun_cues()
    source_phrases.headline(finder)
    source_phrases.transcript_turns(finder)
    interview_turns.interview_turns(finder)
    source_phrases.source_phrases(finder)
    return learned_steps.proposals(finder)


def end_choices(article: Article) -> list[tuple[int, list[content_spans.Variant]]]:
    """What the learned boundary model is asked about in one article (for training): per indirect statement of the
    rules alone, its content start and the ends it could have."""
    if not article.text.strip():
        return []
    finder = _find(article, frozenset())
    return [(finder.candidates[index].content_start, found) for index, found in learned_steps.end_variants(finder)]


def screenings(article: Article) -> list[tuple[tuple[int, int], bool, tuple[str, ...]]]:
    """What the learned screen is asked about in one article (for training): per statement of the rules (with the
    learned content ends), its content span, whether it is the relayed twin of another (same content, not scored)
    and its features."""
    if not article.text.strip():
        return []
    finder = _find(article, frozenset({"boundary"}))
    return [
        (
            (c.content_start, c.content_end),
            learned_steps.is_twin(finder, c),
            learned_steps.screen_features(finder, c),
        )
        for c in finder.candidates
    ]


def find_statements(article: Article, context: Context) -> None:
    """Fill ``article.statements`` (the per-article attribution stage); speaker entity ids come later."""
    article.statements = extract(article)
