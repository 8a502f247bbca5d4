"""Clauses: one sentence often puts forward more than one claim, and each can be confirmed or denied on its own.

- **Coordinated clauses with their own subject**: "he never bet on sports and interpreter Ippei Mizuhara stole
  money from him" is a denial and an accusation; "he was the victim of theft and that he had never bet on
  baseball" two statements. A conjunction splits the sentence only when what follows it has a subject and a verb of
  its own and what precedes it is a clause too, so "Burns and Naryshkin met in Ankara" and "met in Ankara and
  discussed nuclear risks" stay whole.
- **Non-restrictive relative clauses about a named party**: "Shell is in early talks to acquire BP, which is
  considering the approach" puts forward that BP is considering the approach. The relative clause becomes a claim
  of its own ("BP is considering the approach") and leaves the main one ("Shell is in early talks to acquire BP").
  Only a clause hanging on a name the article recognises as an entity is taken: "on Monday, which ..." is not.
- **Report frames**: "media reports that it is in talks to buy BP", "Yes, we confirm that talks are taking place":
  what a denial or a confirmation is about is the proposition after the frame, not the frame.
- **Frames of absent evidence**: "there is no evidence that he authorized the bets", "we have seen no indication
  that troops crossed the river", "there was no information to support the theory that ...": a denial of the
  embedded clause, which is the proposition (see :func:`absence_frame`). "There is no doubt that ..." is no such
  frame, and neither is "no evidence has yet emerged" (nothing is embedded).

The clauses are read off spaCy's dependency parse of the proposition's own text; a sentence with no conjunction and
no relative pronoun is not parsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.claims import parses
from crosswire.clean import header
from crosswire.nlp.sentences import SPEAKER_LABEL
from crosswire.nlp.spacy_model import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from crosswire.model import Article

# Fewer words than this say too little to be a claim of their own: a split leaving such a part is not made.
MIN_CLAUSE_WORDS = 4
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_RELATIVE = frozenset({"which", "who"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A conjunction followed by this many words before a finite verb is not joining two clauses.
_SUBJECT_REACH = 10
_MAY_SPLIT = re.compile(r"\b(?:and|but)\b|,\s*(?:which|who)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,]*")
# "media reports that", "speculation that", "Yes, we confirm that", "I can deny that": the frame before what a
# denial or a confirmation is about.
# Whose report it is, between the report and its "that": "reports by state media that", "claims from Moscow that",
# "allegations in the Sunday Times that" (up to five words). A "that" followed by a verb opens a relative clause
# ("reports by the agency that were published on Friday"), which is no frame.
_WHOSE = r"(?:\s+(?:by|from|in|of)\s+(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)?"
_NOT_RELATIVE = (
    r"(?!(?:was|were|is|are|had|has|have|appeared|came|said|says|claimed|suggested|circulated|emerged|surfaced)\b)"
)
_FRAME = re.compile(
    r"^(?:yes|no|well|indeed)?[,\s]*"
    r"(?:(?:(?:the|these|those|recent|media|news|press|market|some|such)\s+){0,3}"
    r"(?:reports?|speculation|claims?|allegations?|suggestions?|rumou?rs?|accusations?|assertions?)"
    + _WHOSE
    + r"\s+that\s+"
    r"|(?:i|we)\s+(?:can\s+|do\s+|must\s+|would\s+)?(?:confirm|deny|reject|state|stress|insist)\s+that\s+)"
    + _NOT_RELATIVE,
    re.IGNORECASE,
)


# An attribution inside a sentence or closing it: a name of up to four words or a pronoun, a verb of saying.
_SAYER = r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|he|she|they|it)"
_SAYS = r"(?:said|says|added|adds|noted|notes|explained|insisted|told\s+[\w ]{1,40}?)"
_PARENTHETICAL_ATTRIBUTION = re.compile(r",\s+" + _SAYER + r"\s+" + _SAYS + r"\s*,\s+")
_CLOSING_ATTRIBUTION = re.compile(
    r"(?:,[\"”’']?|[\"”’'])\s+" + _SAYER + r"\s+" + _SAYS + r"(?:\s+[^\"“”.!?]{0,60})?[.!?]?\s*$"
)


# "there is no evidence that", "we have seen no indication that", "the inquiry found no evidence that", "did not find
# any evidence that", "there is nothing to suggest that", "no information to support the theory that", "there is no
# basis for the claim that": a source saying nothing supports the clause after it, in any domain.
_EVIDENCE_NOUNS = (
    r"(?:evidence|indications?|information|proof|signs?|sign|basis|grounds?|suggestion|reason\s+to\s+believe)"
)
_ABSENCE_FRAME = re.compile(
    r"^(?:(?:but|and|so|however|yet|still|also)\b,?\s+)?"
    r"(?:(?:there\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|'s|’s)\s+(?:still\s+|so\s+far\s+|yet\s+)?)"
    r"|(?:[\w'’.-]+\s+){0,4}?(?:(?:have|has|had|'ve|’ve)\s+)?(?:(?:so\s+far|yet|also)\s+)?"
    r"(?:seen|found|uncovered|received|turned\s+up|see|find)\s+"
    r"|(?:[\w'’.-]+\s+){0,4}?(?:did\s+not|didn't|didn’t|has\s+not|hasn't|hasn’t|have\s+not|haven't|haven’t|"
    r"had\s+not|hadn't|hadn’t)\s+(?:(?:yet|so\s+far)\s+)?(?:seen|found|see|find|uncover|uncovered)\s+any\s+)?"
    r"(?:(?:absolutely|simply)\s+)?"
    r"(?:(?:no|zero|any)\s+(?:(?:credible|direct|hard|concrete|firm|real|clear|such|further|other)\s+)?"
    + _EVIDENCE_NOUNS
    + r"|nothing)"
    r"(?:\s+(?:whatsoever|at\s+all|so\s+far|yet))?"
    r"(?:\s+(?:to\s+(?:suggest|support|show|indicate|prove|confirm|substantiate|back\s+up)|for|of)"
    r"(?:\s+(?:the|a|an|any|these|those|such)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:theory|theories|claims?|reports?|suggestions?|allegations?|notion|idea|speculation|assertions?|"
    r"accusations?))?)?"
    r"\s+that\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Clause:
    """One claim-sized part of a sentence: ``start``/``end`` locate it in the sentence, ``text`` is how it reads
    (a relative clause reads with its antecedent: "BP is considering the approach")."""

    start: int
    end: int
    text: str


# A transcript's speaker label opening a line: "PRESENTER: ", "ANCHOR: ", "DR. ANNA KLEIN: " (upper-case words, one to
# three, and a colon). "US: China tariffs" is a headline's topic, too short to be read as one.
_SPEAKER_LABEL = re.compile(rf"{SPEAKER_LABEL}:\s+")
# A live page's time stamp opening an entry: "10:12 Police officers ...", "14:30 GMT - The ministry ...", "9:05 a.m.
# The court ..." (hours and minutes with a colon, a zone or a half of the day, a dash), before a capital.
_TIME_STAMP = re.compile(
    r"\d{1,2}:\d{2}(?:\s*(?:[ap]\.m\.|[AP]M|GMT|UTC|BST|CET|CEST|EST|EDT|local\s+time))?\s*(?:[-–—|]\s*)?(?=[A-Z\"“‘'])"
)


def dateline_cut(text: str) -> int:
    """Where a proposition starts after the dateline opening its sentence, 0 when there is none: "SANA, Yemen — An
    American journalist was killed ..." puts forward that a journalist was killed, not where the copy was filed. Both
    a wire dateline ("LONDON (AP) —", "KYIV, March 3 (Reuters) -") and a place alone ("KYIV, Ukraine —"); and a
    transcript's speaker label ("REPORTER: The court ..."), which says who reads the line, not what it says; and a live
    page's time stamp ("10:12 Police officers have been searching the town hall"), which says when it was posted."""
    label = _SPEAKER_LABEL.match(text)
    found = label.end() if label is not None and len(label.group().rstrip(": \t")) > 2 else None
    stamp = _TIME_STAMP.match(text) if found is None else None
    found = found or (stamp.end() if stamp is not None else None)
    found = found or header.any_dateline_end(text)
    if not found or len(_WORD.findall(text[found:])) < MIN_CLAUSE_WORDS:
        return 0
    return found + len(text[found:]) - len(text[found:].lstrip())


def drop_attribution(text: str) -> str:
    """A claim's words without the attribution the sentence carries: a parenthetical one ("One result, Beeger said,
    could be a shortage" -> "One result could be a shortage") or a closing one after a quote or a comma ("We have
    medicine,\" she said." -> "We have medicine"). Who said it is the claim's source, not part of what it says."""
    text = _PARENTHETICAL_ATTRIBUTION.sub(" ", text)
    closing = _CLOSING_ATTRIBUTION.search(text)
    if closing is not None and _WORD.search(text[: closing.start()]):
        text = text[: closing.start()]
    return text


def strip_frame(text: str) -> tuple[int, str]:
    """The proposition after a report frame ("reports that ...", "we confirm that ...") and where it starts."""
    match = _FRAME.match(text)
    if match is None or len(_WORD.findall(text[match.end() :])) < MIN_CLAUSE_WORDS:
        return 0, text
    return match.end(), text[match.end() :]


# A verdict on a claim the sentence spells out: "[The suggestion that] militants were caught at the border *is
# categorically false*", "[Reports that] the plant will close *are simply untrue*", "... *is correct*".
_VERDICT_TAIL = re.compile(
    r",?\s+(?:is|was|are|were)\s+(?:(?:absolutely|categorically|completely|totally|simply|utterly|entirely|"
    r"patently|demonstrably|flatly|also|just|100\s+percent)\s+)*"
    r"(?P<word>false|untrue|baseless|groundless|unfounded|wrong|incorrect|inaccurate|fabricated|nonsense|"
    r"a\s+(?:lie|fabrication|hoax)|true|accurate|correct)\b",
    re.IGNORECASE,
)
_UPHELD = frozenset({"true", "accurate", "correct"})


def judged_frame(text: str) -> tuple[int, str, str] | None:
    """The claim a sentence spells out and judges, where it starts and the judgement: "The suggestion that
    individuals with ties to the group were apprehended at the border is categorically false" gives the start of
    "individuals with ties to the group were apprehended at the border", that claim, and ``"denies"`` ("... is
    true": ``"confirms"``). None when the sentence opens on no report frame or passes no such verdict."""
    cut, claim = strip_frame(text)
    if not cut:
        return None
    judged = judged_clause(claim)
    return None if judged is None else (cut, *judged)


def judged_clause(claim: str) -> tuple[str, str] | None:
    """The claim a framed clause spells out and the verdict its tail passes, when the frame came before it ("Reports
    [that] the plant will close are untrue", the report noun read as the statement's cue): ``("the plant will
    close", "denies")``; None when no verdict closes it."""
    verdict = _VERDICT_TAIL.search(claim)
    if verdict is None or _words(claim[: verdict.start()]) < MIN_CLAUSE_WORDS:
        return None
    upheld = verdict["word"].lower() in _UPHELD
    return claim[: verdict.start()], "confirms" if upheld else "denies"


def absence_frame(text: str) -> int | None:
    """Where the denied clause starts when ``text`` says there is no evidence for it ("there is no evidence that he
    bet on baseball", "we have found nothing to suggest that the vaccine caused the deaths"), else None. "Nothing
    that ..." alone ("nothing that was said") and a clause too short to be a claim are no such frame."""
    match = _ABSENCE_FRAME.match(text)
    if match is None or len(_WORD.findall(text[match.end() :])) < MIN_CLAUSE_WORDS:
        return None
    framed = match.group(0).lower()
    if re.search(r"\bnothing\s+that\s+$", framed):
        return None  # "nothing that" is a relative clause, not a frame
    if re.search(r"\bany\s+", framed) and not re.search(r"\b(?:not|n't|n’t)\b", framed):
        return None  # "any evidence that" is only absent under a negated verb ("did not find any evidence")
    return match.end()


# "Kofi Mensah has denied a newspaper report that he failed a doping test", "the ministry flatly rejected claims that
# its troops crossed the river": a speaker telling of a party's denial. What is denied is the clause after "that".
_REPORTED_DENIAL = re.compile(
    r"^(?:(?:but|and|so|however)\b,?\s+)?(?:[\w'’.-]+\s+){1,6}?(?:(?:has|have|had)\s+)?"
    r"(?:(?:already|also|flatly|strongly|categorically|vehemently|repeatedly)\s+)?"
    r"(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
    r"(?:(?:a|an|the|any|all|these|those|recent)\s+)?(?:(?:newspaper|media|press|news|published|online)\s+)?"
    r"(?:(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|speculation)"
    + _WHOSE
    + r"\s+)?that\s+"
    + _NOT_RELATIVE,
    re.IGNORECASE,
)


def reported_denial_frame(text: str) -> int | None:
    """Where the denied clause starts when ``text`` tells of a party's denial ("Kofi Mensah has denied a newspaper
    report that he failed a doping test", said his lawyer), else None: the speaker puts forward the denial of that
    clause, not a claim that a denial was made. A clause too short to be a claim is no such frame."""
    match = _REPORTED_DENIAL.match(text)
    if match is None or len(_WORD.findall(text[match.end() :])) < MIN_CLAUSE_WORDS:
        return None
    return match.end()


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _opens_clause(doc: Doc, conjunction: int) -> bool:
    """Whether a finite clause with a subject of its own follows the conjunction at ``conjunction``: its first finite
    verb comes after a noun or pronoun and takes no subject from before the conjunction. The small parser often
    attaches such a clause oddly ("and his agent placed the wagers": "agent" a conjunct of the object before), so
    the verb's subject may be missing when the verb hangs on the clause before."""
    for token in doc[conjunction + 1 : conjunction + 2 + _SUBJECT_REACH]:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        if token.tag_ not in _FINITE:
            return False
        verb = token.head if token.dep_ in {"aux", "auxpass"} else token
        subjects = [child for child in verb.children if child.dep_ in _SUBJECTS]
        if any(child.i < conjunction or child.lower_ in _RELATIVE | {"that"} for child in subjects):
            return False
        nominal = any(between.pos_ in {"NOUN", "PROPN", "PRON"} for between in doc[conjunction + 1 : token.i])
        return nominal and (bool(subjects) or verb.head.i < conjunction)
    return False


def _coordination_cuts(doc: Doc) -> list[tuple[int, int]]:
    """(end of the left clause, start of the right clause) character offsets of each clause-joining conjunction."""
    cuts: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ not in {"and", "but"} or token.i == 0:
            continue
        right_subject = _opens_clause(doc, token.i)
        left_subject = any(
            child.dep_ in _SUBJECTS and child.i < token.i and verb.i < token.i
            for verb in doc[: token.i]
            if verb.pos_ in {"VERB", "AUX"}
            for child in verb.children
        )
        if not (right_subject and left_subject):
            continue
        start = token.idx + len(token)
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.lower_ == "that" and following.dep_ == "mark":
            start = following.idx + len(following)
        cuts.append((token.idx, start))
    return cuts


def _relative_clauses(doc: Doc, lo: int, hi: int, names: Sequence[tuple[int, int]]) -> list[tuple[Token, Token]]:
    """(antecedent, relative-clause verb) pairs inside [lo, hi) whose antecedent is a name: ", which is ..."."""
    found: list[tuple[Token, Token]] = []
    for verb in doc:
        if verb.dep_ != "relcl" or not lo <= verb.idx < hi:
            continue
        pronoun = next((c for c in verb.children if c.lower_ in _RELATIVE and c.dep_ in _SUBJECTS), None)
        antecedent = verb.head
        if pronoun is None or pronoun.i < 2 or doc[pronoun.i - 1].text != "," or antecedent.i != pronoun.i - 2:
            continue
        phrase = antecedent
        while phrase.dep_ == "appos" and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ == "conj" or any(child.dep_ == "conj" for child in (*antecedent.children, *phrase.children)):
            # "Brittney Griner and Paul Whelan, who have been detained": the clause is about both, not the last.
            continue
        left = antecedent.left_edge.idx
        right = antecedent.idx + len(antecedent)
        if not any(start < right and left < end for start, end in names):
            continue
        found.append((antecedent, verb))
    return found


# The pipes a clause is read with: the parser and what it needs, not the entity recogniser or the lemmatiser.
_UNUSED_PIPES = ("ner", "lemmatizer")


def _parse(texts: Sequence[str]) -> list[Doc]:
    if not texts:
        return []
    nlp = load_pipeline()
    # ``disable`` on the call, not ``select_pipes``: the pipeline is shared, and other threads may be parsing with it.
    return list(nlp.pipe(texts, disable=[name for name in _UNUSED_PIPES if name in nlp.pipe_names]))


class ClauseReader:
    """Splits the sentences of one article into clauses. The sentences it is given are parsed together, in one
    batch, which is several times faster than a parse per sentence; any other sentence is parsed when asked about."""

    def __init__(self, texts: Sequence[str] = (), article: Article | None = None) -> None:
        self._todo = list(dict.fromkeys(text for text in texts if _MAY_SPLIT.search(text)))
        self._article = article
        # The splits a per-article worker made of this article's sentences (crosswire.claims.parses): a sentence it
        # split about the same names is not split again, and its parse not read back, here.
        self._splits = parses.known_splits(article.id) if article is not None else {}
        self._docs: dict[str, Doc] | None = None
        if not self._splits:
            self._load()

    def _load(self) -> dict[str, Doc]:
        """The parses of the sentences given, read or made once: those a per-article worker already made, then
        those cut out of the parse of the article they come from, then the rest in one batch."""
        if self._docs is None:
            todo, article = self._todo, self._article
            docs = parses.known(todo)
            if article is not None and len(docs) < len(todo):
                docs.update(parses.from_article(article, [text for text in todo if text not in docs]))
            fresh = [text for text in todo if text not in docs]
            parsed = dict(zip(fresh, _parse(fresh), strict=True))
            parses.record(parsed)
            docs.update(parsed)
            self._docs = docs
        return self._docs

    def split(self, text: str, names: Sequence[tuple[int, int]] = ()) -> list[Clause]:
        """The claims a sentence puts forward, each with its place in ``text``; ``names`` are the character spans
        of entity mentions in ``text`` (a relative clause is only taken about one of them)."""
        whole = [Clause(0, len(text), text)]
        if not _MAY_SPLIT.search(text):
            return whole
        key = (text, tuple((start, end) for start, end in names))
        made = self._splits.get(key)
        if made is not None:
            return [Clause(*clause) for clause in made]
        docs = self._load()
        doc = docs.get(text)
        if doc is None:
            doc = docs[text] = _parse([text])[0]
            parses.record({text: doc})
        clauses = _split(doc, text, names) or whole
        parses.record_split(key, [(clause.start, clause.end, clause.text) for clause in clauses])
        return clauses


def split_clauses(text: str, names: Sequence[tuple[int, int]] = ()) -> list[Clause]:
    """:meth:`ClauseReader.split` for one sentence on its own."""
    return ClauseReader().split(text, names)


def _split(doc: Doc, text: str, names: Sequence[tuple[int, int]]) -> list[Clause]:
    bounds = [(0, len(text))]
    for left_end, right_start in _coordination_cuts(doc):
        lo, _ = bounds[-1]
        if _words(text[lo:left_end]) < MIN_CLAUSE_WORDS or _words(text[right_start:]) < MIN_CLAUSE_WORDS:
            continue
        bounds[-1] = (lo, left_end)
        bounds.append((right_start, len(text)))
    clauses: list[Clause] = []
    for lo, hi in bounds:
        main = text[lo:hi]
        removed: list[tuple[int, int]] = []
        relatives: list[Clause] = []
        for antecedent, verb in _relative_clauses(doc, lo, hi, names):
            comma = doc[antecedent.i + 1]
            pronoun_end = doc[antecedent.i + 2].idx + len(doc[antecedent.i + 2])
            end = min(hi, verb.right_edge.idx + len(verb.right_edge))
            subject = text[antecedent.left_edge.idx : antecedent.idx + len(antecedent)]
            relative = f"{subject} {text[pronoun_end:end].strip()}".strip(" ,;")
            if _words(relative) < MIN_CLAUSE_WORDS:
                continue
            relatives.append(Clause(antecedent.left_edge.idx, end, relative))
            # "Mizuhara, who was fired, stole ...": the closing comma goes with the clause.
            closing = re.match(r"\s*,", text[end:hi])
            removed.append((comma.idx, end + (closing.end() if closing else 0)))
        for start, end in sorted(removed, reverse=True):
            main = main[: start - lo] + main[end - lo :]
        main = re.sub(r"\s+([,.;])", r"\1", main).strip(" ,;")
        if _words(main) >= MIN_CLAUSE_WORDS:
            clauses.append(Clause(lo, hi, main))
        clauses.extend(relatives)
    return clauses
