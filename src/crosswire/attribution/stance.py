"""The stance a statement takes: confirm, deny, decline, neither, assert or other.

The stance comes from the cue and its polarity first, and from the content only when the cue is neutral:

- **cue lemma** — "confirmed", "acknowledged" confirm; "denied", "rejected the reports" deny; "declined to
  comment", "refused to comment" decline; a verb of saying or reporting asserts; verbs of belief, wanting and
  judging are "other" (they are attitudes, not claims about what happened).
- **polarity** — a negated cue changes class: "did not deny" is not a denial (other); "would not confirm" and
  "could not confirm" are a refusal to confirm (decline); "neither confirm nor deny" (anywhere in cue or content)
  is its own class.
- **content** — under a neutral cue ("said", "told", "described ... as"), what is said decides, in this order:
  a refusal to speak ("no comment", "I can't confirm it", "we do not comment on speculation") declines; a verdict
  of falsehood on a report or on "this" ("That's not true", "These allegations are nonsense", "This claim is
  completely and utterly false"), or such a verdict standing alone as the quote ("absolute lie", "complete fiction")
  or given to the object of a verb of judging ("called the report false", "described it as pure fabrication")
  denies; a main clause that is negated ("No talks are taking place", "he never bet on sports", "it was not
  involved", "they had no knowledge of a meeting") denies what it negates, unless the negation is a hedge ("may not
  be connected"), a contrast ("not just convenient") or a description ("not of a systemic nature"); "we confirm
  that ..." confirms. Non-answers: a deflection to the audience ("You should decide for yourself") declines; an
  unverifiability hedge ("this cannot be proven", "too early to say") or a restated standing position ("As we have
  said many times before, we are focused on ...") is neither, and so is absent evidence with nothing it is evidence
  of ("no evidence has yet emerged"); "there is no evidence that P" denies P, while "there is no doubt that P"
  asserts it (a noun of certainty is no denial). The matter found unfit to speak on or handed on ("inappropriate
  to comment", "nothing further to add", "a matter for the police") declines; an inquiry under way ("we are
  looking into the reports") is neither; asked a question, a bare yes confirms and a bare no denies. These patterns
  are about the content's own sentence shape, not about any topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # only annotations: `crosswire check` reads cue verbs without a parse, and without loading spaCy
    from spacy.tokens import Span, Token

StanceClass = Literal["confirm", "deny", "decline", "neither", "assert", "other"]

CONFIRM = frozenset({"confirm", "acknowledge", "admit", "verify", "concede", "corroborate"})
DENY = frozenset({"deny", "refute", "dispute", "rebuff", "debunk", "contradict"})
# Verbs that deny only when their object is a report or claim ("rejected the reports"), not a proposal.
DENY_WITH_REPORT = frozenset({"reject", "dismiss", "rubbish"})
REPORT_NOUNS = frozenset(
    {
        "report", "claim", "allegation", "story", "suggestion", "rumor", "rumour", "speculation", "accusation",
        "assertion", "account", "news", "charge", "notion", "idea", "information", "article",
    }
)  # fmt: skip
# Phrasal verbs that rebut, said of a report or claim ("pushed back on reports", "hit back at claims", "brushed off
# the allegations", "shot down the rumours"): a denial; aimed at a plan or a person, a judgement (other).
REBUTTALS = frozenset(
    {
        ("push", "back"), ("hit", "back"), ("fire", "back"), ("strike", "back"), ("brush", "off"), ("brush", "aside"),
        ("shoot", "down"), ("wave", "off"), ("wave", "away"), ("wave", "aside"), ("swat", "away"), ("swat", "down"),
        ("knock", "down"), ("slap", "down"), ("bat", "away"), ("laugh", "off"), ("shrug", "off"),
        ("pour", "cold water"), ("throw", "cold water"),
    }
)  # fmt: skip
# What one is said to have done, rejected as one rejects a report: "rejected any responsibility for the crash",
# "dismissed any involvement", "rejected all wrongdoing" deny it.
INVOLVEMENT_NOUNS = frozenset({"responsibility", "involvement", "wrongdoing", "blame", "culpability", "complicity"})
DECLINE = frozenset({"decline", "refuse"})
# Passing the question on to somebody else instead of answering it ("referred questions to the club").
PASSING_ON = frozenset({"refer", "redirect", "forward"})
QUESTION_NOUNS = frozenset({"question", "inquiry", "enquiry", "query", "request", "call", "reporter"})
# What one declines to do when declining to speak ("declined to comment", "refused to confirm", "refused to be
# drawn on").
SPEAK_VERBS = frozenset(
    {
        "comment", "confirm", "deny", "discuss", "elaborate", "say", "answer", "respond", "speak", "provide",
        "give", "reveal", "disclose", "address", "specify", "identify", "name", "detail", "talk", "offer",
        "speculate", "estimate", "predict", "draw",
    }
)  # fmt: skip
SPEECH_NEUTRAL = frozenset(
    {
        "say", "tell", "add", "state", "claim", "report", "announce", "write", "note", "explain", "argue",
        "insist", "warn", "reply", "respond", "answer", "declare", "stress", "emphasize", "emphasise", "assert",
        "maintain", "contend", "allege", "reveal", "disclose", "tweet", "post", "comment", "mention", "reiterate",
        "repeat", "indicate", "observe", "remark", "testify", "continue", "inform", "assure", "publish", "cite",
        "quote", "show", "according", "stating", "point", "clarify", "underline", "underscore", "predict",
        "caution", "recount", "recall", "suggest", "signal", "estimate", "conclude", "highlight", "email",
    }
)  # fmt: skip
MODALS = frozenset({"would", "could", "can", "will", "might", "may", "should"})
# Verbs of asking, and the shape of a question as what they report ("asked whether ...", "wondered why ...").
ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query", "press", "quiz"})
_QUESTION = re.compile(r"^\W*(?:whether|if|why|what|how|when|where|who|whom|which|about)\b", re.IGNORECASE)

_NEITHER = re.compile(
    r"\b(?:neither\s+(?:confirm|den[yi])\w*\s+nor\s+(?:confirm|den[yi])\w*"
    r"|(?:not|n't|n’t|cannot)\s+(?:\w+\s+)?(?:confirm|den[yi])\w*\s+or\s+(?:confirm|den[yi])\w*)",
    re.IGNORECASE,
)
# Words that pronounce a report false ("complete fiction", "utterly false", "nonsense", "not true").
FALSEHOOD = (
    r"(?:fake|false|falsehoods?|untrue|not\s+true|not\s+correct|incorrect|inaccurate|wrong|lies|lie|lying|nonsense|"
    r"fiction|fictional|fabricat\w+|made[\s-]up|invent\w+|baseless|groundless|unfounded|without\s+foundation|"
    r"hoax|absurd|ridiculous|rubbish|garbage|preposterous|bogus|misinformation|disinformation|propaganda|"
    r"smears?|slander\w*|libel\w*|speculation|conspiracy\s+theor\w+|fantas(?:y|ies)|fairy\s+tales?|"
    r"no\s+truth|no\s+basis|not\s+based\s+(?:on|in)\s+fact)"
)
# Words in -ly that soften a verdict ("probably false") or are no adverb ("family"): never part of a verdict's lead.
_HEDGE_ADVERB = (
    r"(?!(?:likely|possibly|probably|potentially|arguably|allegedly|reportedly|apparently|seemingly|supposedly|"
    r"partly|partially|only|family|assembly|supply|reply|italy|rally|ally)\b)"
)
# Intensifiers and determiners before such a verdict ("a complete", "totally", "just", "of course"), including any
# series of intensifying adverbs ("absolutely, unequivocally and completely false", "demonstrably false").
_VERDICT_LEAD = (
    r"(?:(?:a|an|the|just|simply|merely|nothing\s+but|pure|sheer|total|totally|complete|completely|utter|utterly|"
    r"absolute|absolutely|entirely|wholly|outright|blatant|categorically|frivolous|baseless|malicious|obvious|"
    r"clearly|of\s+course|and|further|more|market|media|more\s+of\s+the\s+same|yet\s+another|another|"
    r"all|so|very|" + _HEDGE_ADVERB + r"[a-z]{3,}ly)[\s,]+)*"
)
_REPORTS = (
    r"(?:reports?|claims?|allegations?|stor(?:y|ies)|suggestions?|rumou?rs?|speculation|accusations?|assertions?|"
    r"accounts?|news|charges?|articles?|information|theor(?:y|ies)|statements?|reporting)"
)
# A verdict is the predicate, so the clause ends after it: not "it is absurd that ...", "an absurd thing that ...".
_VERDICT_END = r"(?=\s*(?:$|[.,;:!?\"“”’')]|and\b|or\b|from\b|—|–))"
# The verdict given to "this" or to a report: "That's not true", "These allegations are nonsense", "the story ...
# was totally false".
_VERDICT_ON_REPORT = re.compile(
    r"\b(?:this|that|it|these|those|they|which|everything|" + _REPORTS + r")\b"
    r"[^.;!?]{0,160}?\b(?:is|are|was|were|'s|’s|'re|’re|remains?|seems?|appears?)\s+"
    r"(?:(?:also|still|simply|all|of\s+course|,)\s*)*[\"“‘']?" + _VERDICT_LEAD + FALSEHOOD + _VERDICT_END,
    re.IGNORECASE,
)
# A verdict standing alone as what was said ('"Complete fiction," she said'; 'called it "an absolute lie"').
_VERDICT_ALONE = re.compile(r"^\W*" + _VERDICT_LEAD + FALSEHOOD + r"\W*$", re.IGNORECASE)
_VERDICT_ANYWHERE = re.compile(r"\b" + _VERDICT_LEAD + FALSEHOOD + _VERDICT_END, re.IGNORECASE)
# Verbs whose object is judged ("described the report as fiction", "called the claims nonsense").
JUDGING = frozenset({"describe", "call", "label", "brand", "term", "characterize", "characterise", "dismiss", "deem"})
# A refusal to speak in the speaker's own words: "no comment", "I can't confirm it", "we do not comment on ...".
_CONTENT_DECLINE = re.compile(
    r"(?:^[\W]*no\s+comment\b"
    r"|\b(?:i|we)\s*(?:'m|’m|am|are|'re|’re)?\s*(?:(?:still|yet|simply|just|really)\s+)?"
    r"(?:can't|can’t|cannot|can\s+not|could\s+not|couldn't|couldn’t|"
    r"won't|won’t|will\s+not|would\s+not|wouldn't|wouldn’t|do\s+not|don't|don’t|never|not\s+able\s+to|"
    r"unable\s+to|not\s+in\s+a\s+position\s+to|not\s+going\s+to|not\s+gonna)\s+"
    r"(?:(?:yet|still|really)\s+)?(?:want\s+to\s+|wish\s+to\s+|be\s+able\s+to\s+)?"
    r"(?:confirm|comment|discuss|speculate|get\s+into|go\s+into|elaborate|disclose|reveal|talk\s+about|"
    r"pre-?announce|pre-?judge"
    # "we cannot say anything", "I can't say how many": a refusal to say, not a denial of what would be said
    r"|say\s+(?:anything|much|more|yet|for\s+sure|whether|if|how|what|when|where|who|which|why))\b"
    r"|\bno\s+comment\s*[.,!\"”]*$)",
    re.IGNORECASE,
)
# The same refusal told in reported speech, opening what was said: "(said) the company would not comment on market
# speculation", "(said) it does not comment on individual cases", "(said) he could not elaborate". Only verbs that
# are about speaking and nothing else: "the report does not confirm the figures", "it did not discuss prices with
# rivals" deny something.
_REPORTED_DECLINE = re.compile(
    r"^\W*(?:that\s+)?(?:it|they|he|she|(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
    r"(?:(?:still|simply|just|generally|also)\s+)?"
    r"(?:can't|can’t|cannot|can\s+not|could\s+not|couldn't|couldn’t|won't|won’t|will\s+not|would\s+not|"
    r"wouldn't|wouldn’t|do\s+not|don't|don’t|does\s+not|doesn't|doesn’t|did\s+not|didn't|didn’t|never|"
    r"was\s+not\s+able\s+to|were\s+not\s+able\s+to|is\s+not\s+able\s+to|was\s+unable\s+to|were\s+unable\s+to|"
    r"is\s+unable\s+to|is\s+not\s+in\s+a\s+position\s+to|was\s+not\s+in\s+a\s+position\s+to)\s+"
    r"(?:(?:yet|still|publicly|immediately|further)\s+)?(?:comment|speculate|elaborate)\b"
    # after no more than knowing of the matter: "(said) it was aware of the reports but would not comment further",
    # "had seen the report but declined to comment"; "held talks but would not comment on the fee" tells the talks
    r"|\b(?:aware\s+of|seen|read|received|noted)\s+(?:the|a|an|these|those|this|that)\s+[^.;:!?]{0,60}?"
    r"\bbut\s+(?:(?:it|they|he|she)\s+)?(?:would\s+not|wouldn't|wouldn’t|could\s+not|couldn't|couldn’t|"
    r"declined\s+to|refused\s+to|did\s+not|didn't|didn’t)\s+(?:(?:publicly|immediately|further)\s+)?"
    r"(?:comment|speculate|elaborate)\b",
    re.IGNORECASE,
)
_CONTENT_DENY = re.compile(
    r"\b(?:fake\s+news"
    r"|(?:did\s+not|didn't|didn’t|has\s+not|hasn't|hasn’t|have\s+not|haven't|haven’t|never)\s+"
    r"(?:actually\s+|really\s+|ever\s+)?(?:happen|happened|took\s+place|take\s+place|occur|occurred)"
    r"|no\s+such\s+(?:talks|meeting|meetings|negotiations|contacts|thing)"
    r"|nothing\s+of\s+the\s+sort"
    # "Nothing could be further from the truth", "that is far from the truth"
    r"|(?:nothing\s+(?:could|can)\s+be|(?:could|can)(?:\s+not|n't|n’t)\s+be)\s+further\s+from\s+the\s+truth"
    r"|\b(?:is|are|was|were|'s|’s)\s+(?:very\s+|so\s+)?far\s+from\s+the\s+truth"
    r"|(?:categorically|flatly|strongly)\s+(?:deny|denies|reject|rejects)"
    r"|\b(?:we|i)\s+deny\b"
    # "We reject these allegations in the strongest terms", "I dispute the claims": rejecting a report, not a plan
    r"|\b(?:we|i)\s+(?:\w+ly\s+)?(?:reject|dispute|refute)\s+(?:these|those|the|this|that|such|any|all|all\s+the)\s+"
    r"(?:\w+\s+)?(?:claims?|allegations?|reports?|accusations?|suggestions?|charges?|assertions?|rumou?rs?))",
    re.IGNORECASE,
)
# Non-answers every domain uses. A deflection hands the judgement to the audience ("You should decide for yourself",
# "draw your own conclusions", "it's up to you", "that's not for me to say"): a refusal to assess, so a decline.
_AUDIENCE = (
    r"(?:you|yourself|yourselves|people|readers?|the\s+readers?|the\s+public|viewers|voters|jurors|the\s+jury|"
    r"everyone|everybody|others)"
)
_DEFLECTION = re.compile(
    r"\b(?:(?:decide|judge|see)\s+for\s+(?:yourself|yourselves)"
    r"|" + _AUDIENCE + r"\s+(?:\w+\s+){0,3}?(?:decide|judge)\s+for\s+themselves"
    r"|(?:draw|make|reach|form)\s+your\s+own\s+(?:conclusions?|minds?|judge?ments?|opinions?)"
    r"|" + _AUDIENCE + r"\s+(?:\w+\s+){0,3}?(?:draw|make|reach|form)\s+(?:their|its)\s+own\s+"
    r"(?:conclusions?|minds?|judge?ments?|opinions?)"
    r"|make\s+up\s+your\s+(?:own\s+)?minds?"
    r"|(?:it\s+is|it's|it’s|that\s+is|that's|that’s)\s+up\s+to\s+"
    + _AUDIENCE
    + r"(?=\s*(?:$|[.,;:!?\"”’']|to\s+(?:decide|judge)))"
    r"|(?:i|we)(?:'ll|’ll|\s+will|\s+would)?\s+leave\s+(?:it|that|this)\s+(?:up\s+)?to\s+" + _AUDIENCE + r"\b"
    r"|(?:is|'s|’s)\s+not\s+for\s+(?:me|us)\s+to\s+(?:say|judge|decide)"
    r"|(?:is|'s|’s)\s+for\s+" + _AUDIENCE + r"\s+to\s+(?:judge|decide))",
    re.IGNORECASE,
)
# A hedge that the matter cannot (yet) be settled: "At the moment this cannot be proven", "it is too early to say",
# "it remains to be seen" -- neither a confirmation nor a denial. A verdict of falsehood in the same content ("the
# charges cannot be proven because they are false") is read first and denies.
# Refusals that are not "I can't ..." (issue 17, second battery): the matter is said to be unfit to speak on ("It
# would be inappropriate to comment while the case is before the courts"), there is "nothing further to add", or it
# is handed to somebody else ("That is a matter for the police", "a question for the board"), not to the audience.
_NOT_FOR_US = re.compile(
    r"\b(?:inappropriate|not\s+appropriate|improper|premature|not\s+right)\s+"
    r"(?:for\s+(?:me|us|him|her|them|the\s+[\w-]+)\s+)?to\s+(?:(?:publicly|further)\s+)?"
    r"(?:comment|speculate|discuss|elaborate|go\s+into|get\s+into|say\s+(?:more|anything))\b"
    r"|\b(?:have|has|had|'ve|’ve)\s+nothing\s+(?:further|more|else)?\s*to\s+(?:add|say)\b"
    r"|\b(?:make|makes|give|gives|offer|offers|be)\s+no\s+further\s+(?:comment|statement)s?\b"
    r"|\b(?:that|this|it)\s*(?:is|'s|’s|was|would\s+be|will\s+be|remains)\s+(?:(?:entirely|purely|very\s+much)\s+)?"
    r"(?:a\s+)?(?:matter|question|issue)\s+for\s+(?!(?:concern|debate|discussion|another|later|regret|celebration|"
    r"the\s+future|a\s+later)\b)(?:the\s+)?[\w-]+",
    re.IGNORECASE,
)
# An inquiry under way into what was reported ("We are looking into the reports", "the company is investigating the
# claims", "we will look into the matter"): the matter is not settled, so neither a confirmation nor a denial.
_UNDER_REVIEW = re.compile(
    r"\b(?:(?:are|is|am|was|were|'re|’re|'m|’m)\s+(?:(?:now|currently|still|urgently|carefully|actively)\s+)?"
    r"(?:looking\s+into|investigating|examining|reviewing|assessing|checking|studying)"
    r"|(?:will|shall|'ll|’ll)\s+(?:(?:now|urgently|carefully)\s+)?(?:look\s+into|investigate|examine|review|study))\s+"
    r"(?:the|these|those|this|that|such|all|any)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:reports?|claims?|allegations?|matter|issues?|concerns?|suggestions?|complaints?|accusations?|rumou?rs?)\b",
    re.IGNORECASE,
)
# The answer to a question put to the speaker, in a word ("Yes, that is correct", "Absolutely not."): read only when
# the speaker was asked, as a yes or a no says nothing on its own.
_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|indeed|correct|that\s+is\s+(?:correct|right|true)|that's\s+(?:correct|right|true)|"
    r"that’s\s+(?:correct|right|true)|(?:absolutely|certainly|definitely)(?=\W*$|\W*[.!]))\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\W*(?:no|nope|never|(?:absolutely|certainly|definitely|of\s+course)\s+not|not\s+at\s+all)(?=\W*(?:$|[.,;!]))",
    re.IGNORECASE,
)
_QUESTION_ONLY = re.compile(r"^[^.!]*\?[\s\"”’']*$")

_UNSETTLED = re.compile(
    r"\b(?:(?:cannot|can\s+not|can't|can’t|could\s+not|couldn't|couldn’t)\s+(?:yet\s+|now\s+|currently\s+)?be\s+"
    r"(?:\w+ly\s+)?(?:proven|proved|verified|confirmed|established|determined|ruled\s+out|substantiated)"
    r"|(?:not|no)\s+(?:yet\s+)?(?:been\s+)?(?:possible|able)\s+to\s+(?:\w+ly\s+)?(?:prove|verify|confirm|establish|"
    r"determine)"
    r"|impossible\s+to\s+(?:\w+ly\s+)?(?:prove|verify|confirm|establish|determine|say|know)"
    r"|(?:too|very)\s+early\s+to\s+(?:say|tell|know|judge|speculate|draw\s+conclusions|draw\s+any\s+conclusions)"
    r"|(?:remains|remain|remained)\s+to\s+be\s+seen"
    r"|(?:remains|remain|is\s+still|are\s+still)\s+(?:unclear|unknown|unconfirmed|unverified|unproven)"
    # "it was not yet clear if ...", "it is still unclear whether ...", "not known what caused it": an open question
    r"|\b(?:it|this|that)\s+(?:is|was|'s|’s|remains|remained|seems|seemed)\s+(?:still\s+|yet\s+)?"
    r"(?:not\s+(?:yet\s+|entirely\s+|immediately\s+|fully\s+|at\s+all\s+)?(?:clear|known|certain)|unclear|uncertain|"
    r"unknown)\b"
    r"|\b(?:not\s+(?:yet\s+|entirely\s+|immediately\s+)?(?:clear|known|certain)|unclear|uncertain|unknown)\s+"
    r"(?:whether|if|what|how|who|why|when|where)\b"
    r"|no\s+way\s+(?:of|to)\s+(?:knowing|know|verifying|verify|confirming|confirm|proving|prove)"
    # "no evidence has yet emerged" with nothing it is evidence of: the matter is open, not denied
    r"|\bno\s+(?:evidence|proof|indication|sign)\s+(?:has|have|had)\s+(?:yet|so\s+far)\s+"
    r"(?:emerged|surfaced|come\s+to\s+light|been\s+(?:found|produced|presented|made\s+public))(?!\s+(?:that|of)\b))",
    re.IGNORECASE,
)
# Restating a standing position instead of answering: "As we have said many times before, we are focused on ...",
# "Our position has not changed", "we remain committed to our strategy". A restatement marker or a verb of
# continuing, on a predicate of focus, commitment or position; a clause after "that" ("we have said many times that
# the merger is off") is what is said, and is read as usual.
_RESTATED = (
    r"(?:as\s+(?:we|i|the\s+company|the\s+group|the\s+club|the\s+government|the\s+ministry|it|he|she|they)\s+"
    r"(?:have|has|had|'ve|’ve)?\s*(?:always\s+|consistently\s+|repeatedly\s+|previously\s+|already\s+)?"
    r"(?:said|stated|made\s+clear|maintained|noted|explained|indicated)\b[^.;:!?]{0,40}?,)"
)
_POSITION_PREDICATE = (
    r"(?:(?:sharply|firmly|fully|squarely|solely|entirely|clearly|very\s+much|completely|totally|relentlessly|"
    r"intensely|laser)[\s-]+)*(?:focused|focussed|committed|dedicated)\s+(?:on|to)\b"
)
_CONTINUING = r"(?:remain|remains|remained|continue\s+to\s+be|continues\s+to\s+be|stay|stays)"
_OWN = r"(?:our|its|my|the\s+company's|the\s+company’s|the\s+government's|the\s+government’s)"
_STANDING_POSITION = re.compile(
    "|".join(
        (
            # "As we have said many times before, we are sharply focused on ..."
            r"^\W*"
            + _RESTATED
            + r"[^.;!?]{0,80}?\b(?:are|is|am|'re|’re|'m|’m|"
            + _CONTINUING
            + r")\s+"
            + _POSITION_PREDICATE,
            # "As I have said, our priority is ..."
            r"^\W*" + _RESTATED + r"[^.;!?]{0,80}?\b" + _OWN + r"\s+(?:focus|priority|priorities|strategy|position)\s+"
            r"(?:is|are|remains?)\b",
            # "we remain committed to ...", "continue to focus on ..."
            r"\b" + _CONTINUING + r"\s+" + _POSITION_PREDICATE,
            r"\b(?:continue|continues)\s+to\s+(?:focus\s+on|be\s+focused\s+on)",
            # "Our position has not changed", "its stance remains unchanged"
            r"\b" + _OWN + r"\s+(?:position|stance)\s+(?:has\s+not|hasn't|hasn’t|had\s+not|hadn't|hadn’t)\s+changed",
            r"\b" + _OWN + r"\s+(?:position|stance)\s+(?:remains|remained|is)\s+(?:unchanged|the\s+same)",
        )
    ),
    re.IGNORECASE,
)
# What the speaker puts first, in place of an answer to the question put to them: "We are focused on serving our
# customers", "The safety of our passengers is our highest priority", "We take these concerns very seriously",
# "Our thoughts are with the families". Read only under a question ("Asked whether ..., X said"): unasked, "we are
# focused on winning the league" says what the speaker is doing.
_FIRST_CONCERN = r"(?:(?:highest|top|first|main|only|overriding|primary|number\s+one|absolute|utmost)\s+)?"
_EVASION = re.compile(
    "|".join(
        (
            r"\b(?:we|i|it|they|he|she|the\s+\w+)\s*(?:are|is|am|was|were|'re|’re|'m|’m|"
            + _CONTINUING
            + r")\s+(?:(?:still|now|always)\s+)?"
            + _POSITION_PREDICATE,
            r"\b(?:our|its|my|their|his|her)\s+" + _FIRST_CONCERN + r"(?:priority|focus|concern)\s+"
            r"(?:is|was|remains|will\s+be|has\s+(?:always\s+)?been)\b",
            r"\b(?:is|are|was|remains|will\s+be|has\s+(?:always\s+)?been)\s+(?:our|its|my|their|his|her)\s+"
            + _FIRST_CONCERN
            + r"(?:priority|focus|concern)\b",
            r"\b(?:we|i|it|they|he|she)\s+(?:take|takes|took|are\s+taking|is\s+taking)\s+(?:[\w-]+\s+){1,5}?"
            r"(?:very\s+|extremely\s+|incredibly\s+|most\s+)?seriously\b",
            r"\b(?:our|my|their|its)\s+thoughts\s+(?:and\s+prayers\s+)?(?:are|remain|go\s+out)\s+(?:with|to)\b",
        )
    ),
    re.IGNORECASE,
)
_CONTENT_CONFIRM = re.compile(r"\b(?:we|i)\s+(?:can\s+|hereby\s+)?confirm\b", re.IGNORECASE)
# Modals that make a negation a hedge ("may not be connected"), and words that make it a contrast ("not just").
HEDGES = frozenset({"may", "might", "could"})
CONTRAST = frozenset(
    {"just", "only", "merely", "simply", "necessarily", "exactly", "quite", "all", "always", "sole", "whole", "entire"}
)
# Adjectives of feeling or certainty: negated, they say how somebody feels, not that something did not happen.
FEELINGS = frozenset(
    {
        "happy", "pleased", "glad", "satisfied", "sure", "certain", "optimistic", "comfortable", "surprised",
        "worried", "concerned", "afraid", "keen", "interested", "confident", "content", "thrilled", "proud",
        "sorry", "upset", "angry", "disappointed", "convinced", "ready", "willing", "able",
    }
)  # fmt: skip
# Nouns of feeling, as the adjectives above: "no remorse", "no sympathy" tell how somebody felt or behaved. Not the
# nouns of intending or wanting ("we have no intention of selling", "no interest in buying" deny the reported plan).
FEELING_NOUNS = frozenset(
    {"remorse", "regret", "sympathy", "empathy", "compassion", "mercy", "shame", "respect", "patience", "emotion"}
)
# Verbs of wanting and expecting: negated, they tell a wish or a surprise ("we never wanted the hype", "they don't
# want to rule it out yet", "nobody expected the attention"), not that something did not happen. Verbs of intending
# stay: "we do not intend to make an offer" denies the reported plan.
WANTING = frozenset({"want", "wish", "expect", "hope", "anticipate", "like", "care", "mind"})
# Verbs of yielding: with a modal of the future and negated, they set a condition or a threat ("our members will not
# accept less than 8 percent", "we won't tolerate any delay", "the rebels would not give up their arms"), a stated
# position, not that a reported thing did not happen. Without the modal ("we do not accept the findings") or against
# a report ("we will not accept these allegations") they stay a denial.
YIELDING = frozenset(
    {"accept", "tolerate", "allow", "permit", "settle", "budge", "yield", "surrender", "bow", "compromise"}
)
FUTURE_MODALS = frozenset({"will", "would", "shall", "wo", "'ll", "’ll"})
# Subjects that make a negated modal a general precept ("You can't pursue military operations and still hope for
# peace", "one must not forget"), not a denial of a fact.
GENERIC_SUBJECTS = frozenset({"you", "one"})
NOBODY = frozenset({"nothing", "nobody", "none", "noone"})
# Nouns that say "certainly" when there is none of them: "there is no doubt that ...", "no question", "make no mistake".
CERTAINTY = frozenset({"doubt", "question", "mistake", "denying", "secret", "wonder", "surprise"})
# Verbs through which a quote states its real clause ("I want to make it clear that ...", "wishes to clarify that").
STATING = frozenset(
    {"want", "wish", "make", "clear", "clarify", "confirm", "like", "reiterate", "repeat", "stress", "emphasize"}
)


def _no_determiner(token: Token) -> bool:
    """ "No talks", "no knowledge", "nothing", "nobody": a noun phrase that says there is none."""
    if token.lower_ in NOBODY:
        return True
    if token.lemma_.lower() in CERTAINTY:
        return False  # "there is no doubt that they won": an assertion
    if token.lemma_.lower() in FEELING_NOUNS:
        return False  # "he had shown no remorse", "they showed no mercy": how somebody felt, not a denial
    if token.tag_ == "VBG":
        return False  # "there is no going back", "no stopping them": an idiom of what must happen
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children)


def _corrects_or_describes(children: list[Token]) -> bool:
    """Whether a negated copula goes on to what is instead ("not the price but the delivery date", "it's not a
    virus, but it is ...") or describes with a free relative ("not what we expected", "not who we are")."""
    heads = [c for c in children if c.dep_ in {"attr", "acomp"}]
    if any(g.dep_ == "cc" and g.lower_ == "but" for g in [*children, *(c for h in heads for c in h.children)]):
        return True
    return any(c.dep_ in {"attr", "dobj"} and c.tag_ in {"WP", "WRB"} for g in children for c in [g, *g.children])


def _refused_terms(root: Token, auxiliaries: list[Token]) -> bool:
    """Whether a verb of yielding with a modal of the future says what the subject will not give in to ("will not
    accept less than 8 percent", "would not give up their arms"), with no report as its object."""
    lemma = root.lemma_.lower()
    giving_in = lemma in {"give", "back"} and any(
        c.dep_ == "prt" and c.lower_ in {"up", "in", "down"} for c in root.children
    )
    if not (lemma in YIELDING or giving_in) or not any(a.lower_ in FUTURE_MODALS for a in auxiliaries):
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in REPORT_NOUNS for c in root.children)


def _negated_root(root: Token) -> bool:
    """Whether the main clause headed by ``root`` is plainly negated: a "not"/"never" that is no hedge, contrast or
    description, or a subject or object that says there is none ("No talks are taking place")."""
    children = list(root.children)
    auxiliaries = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in HEDGES for c in auxiliaries):
        return False
    # the parser hangs "not" on the verb or on its auxiliary ("is absolutely not involved")
    negations = [c for c in [*children, *(g for a in auxiliaries for g in a.children)] if c.dep_ == "neg"]
    if negations and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children):
        return False  # "warned the rebels not to attack", "asked not to be named": a directive or a wish, no denial
    if root.lemma_.lower() in WANTING:
        return False  # "we never wanted the hype", "they don't want to rule it out yet": a wish, not a denial
    if negations and _refused_terms(root, auxiliaries):
        return False  # "our members will not accept less than 8 percent": a condition set, not a denial
    subjects = {c.lower_ for c in children if c.dep_ in {"nsubj", "nsubjpass"}}
    if negations and subjects & GENERIC_SUBJECTS and any(c.tag_ == "MD" for c in auxiliaries):
        return False  # "you can't pursue operations and still hope for peace": a precept
    if negations and root.lemma_ == "be" and _corrects_or_describes(children):
        # "It's not testosterone, but it's something else": a correction; "the attention is not what we expected",
        # "this is not who we are": a description
        return False
    for negation in negations:
        after = root.doc[negation.i + 1] if negation.i + 1 < len(root.doc) else None
        if after is not None and after.lower_ in {"the", "a", "an"} and negation.i + 2 < len(root.doc):
            after = root.doc[negation.i + 2]  # "not the only explanation", "not a simple matter of"
        if after is not None and after.lower_ in CONTRAST:
            return False
        if root.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in FEELINGS for c in children):
            return False  # "he wasn't happy about it", "we are not sure": a feeling or a doubt, not a denial
        if root.lemma_ == "be" and not any(c.dep_ in {"acomp", "attr", "oprd", "advmod"} for c in children):
            # "not of a systemic nature": a description, unless it places the subject in an activity ("was not
            # in talks with BP")
            preps = [c for c in children if c.dep_ == "prep"]
            if not preps or preps[0].lower_ == "of":
                return False
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and _no_determiner(c) for c in children)


def _clause_heads(root: Token, depth: int = 0) -> list[Token]:
    """The clause ``root`` heads, and through a verb of stating the clause it states ("I want to make it clear that
    I never bet", "Shell wishes to clarify that it has not been considering an offer")."""
    heads = [root]
    if depth < 3 and (root.lemma_.lower() in STATING or root.lemma_.lower() in SPEECH_NEUTRAL):
        for child in root.children:
            if root.lemma_.lower() == "make" and child.lemma_.lower() != "clear":
                continue  # "make it clear that ..." states; "make sure I never ..." is a purpose
            that_clause = child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
            if (child.dep_ in {"ccomp", "xcomp", "oprd", "acomp"} or that_clause) and child.i > root.i:
                heads.extend(_clause_heads(child, depth + 1))
    return heads


def negated_claim(span: Span) -> bool:
    """Whether what is said (a content span of the parse) plainly negates the main clause of its first sentence: "he
    never bet on sports", "No talks are taking place", "Ukraine is absolutely not involved", "they had no knowledge
    of a meeting". Later sentences of a long quote do not set its stance."""
    doc = span.doc
    sentences: list[Span] = list(span.sents)  # type: ignore[attr-defined]
    for sentence in sentences:
        start, end = max(sentence.start, span.start), min(sentence.end, span.end)
        if not any(doc[i].is_alpha for i in range(start, end)):
            continue  # an opening quotation mark on its own
        roots = [doc[i] for i in range(start, end) if doc[i].head.i == i or not start <= doc[i].head.i < end]
        roots = [t for t in roots if t.pos_ in {"VERB", "AUX", "ADJ"}]
        return any(_negated_root(head) for root in roots for head in _clause_heads(root))
    return False


@dataclass(frozen=True)
class CueReading:
    """What the stance depends on, read from the parse around the cue."""

    lemma: str
    negated: bool = False
    modal: str | None = None
    # The lemma of an infinitival complement ("declined to comment" -> "comment").
    complement: str | None = None
    # The head noun of the direct object ("rejected the reports" -> "report").
    object_noun: str | None = None
    # The cue's tier in :mod:`crosswire.attribution.cues` (speech, belief, evidence, according, continuation).
    tier: str = "speech"
    # Whether what is said answers a question put to the speaker ("Asked whether ..., X said", "when asked").
    answering: bool = False
    # The particle of a phrasal verb ("pushed back on reports" -> "back").
    particle: str | None = None


def classify(cue: CueReading, content: str, cue_text: str = "", span: Span | None = None) -> StanceClass:
    """The stance class of a statement with this cue and content; ``span`` (the content in the parse, when there is
    one) lets a negated main clause count as a denial."""
    lemma = cue.lemma.lower()
    if _NEITHER.search(cue_text) or _NEITHER.search(content[:200]):
        return "neither"
    if lemma in DECLINE:
        if cue.complement in SPEAK_VERBS or cue.complement is None:
            return "decline"
        return "other"
    if lemma in PASSING_ON and cue.object_noun in QUESTION_NOUNS and not cue.negated:
        return "decline"  # "referred questions to the board", "referred inquiries to the ministry": no answer
    if lemma in CONFIRM:
        if cue.negated:
            return "decline" if cue.modal in MODALS else "other"
        return "confirm"
    if lemma in DENY or (lemma in DENY_WITH_REPORT and cue.object_noun in REPORT_NOUNS | INVOLVEMENT_NOUNS):
        return "other" if cue.negated else "deny"
    if cue.particle is not None and (lemma, cue.particle) in REBUTTALS:
        return "deny" if cue.object_noun in REPORT_NOUNS and not cue.negated else "other"
    if lemma in DENY_WITH_REPORT:
        return "other"  # rejecting a proposal or a person is a judgement, not a denial of a report
    if lemma == "rule" and cue.particle == "out":
        # "ruled out a sale" denies it; "would not rule out a sale" settles nothing either way and refuses nothing
        return "neither" if cue.negated else "deny"
    if cue.negated:
        # "did not say", "would not comment": a negated verb of saying is a refusal when it is about speaking.
        if lemma in {"comment", "say", "respond", "answer", "discuss", "elaborate"}:
            return "decline"
        return "other"
    if lemma == ":" and _QUESTION_ONLY.match(content.strip()):
        return "other"  # a transcript's turn that only asks ("REPORTER: Minister, will you resign?")
    if lemma in ASKING and _QUESTION.match(content):
        return "other"  # "asked whether the jets had been inspected": a question asserts nothing
    if lemma in JUDGING and _VERDICT_ANYWHERE.search(content):
        return "deny"  # "described the report as complete fiction", "called the claims nonsense"
    if lemma in SPEECH_NEUTRAL or cue.tier in {"speech", "according", "continuation", "evidence"}:
        return content_class(content, span, answering=cue.answering)
    return "other"


def _first_sentence(content: str) -> str:
    """The first sentence of what is said (a long quote's later sentences do not set its stance)."""
    match = re.search(r"[.!?](?=[\s\"”’']*(?:$|[A-Z“\"]))", content)
    return content[: match.end()] if match else content


def content_class(content: str, span: Span | None = None, *, answering: bool = False) -> StanceClass:
    """The class of what is said under a neutral cue: decline, deny, confirm or assert (see the module's notes).
    ``answering``: what is said answers a question put to the speaker, so a statement of the speaker's own focus,
    priority or concern instead of an answer is a non-answer (neither)."""
    first_sentence = _first_sentence(content)
    refusal = _CONTENT_DECLINE.search(content) or _REPORTED_DECLINE.search(content)
    confirmed = _CONTENT_CONFIRM.search(content)
    if refusal and confirmed and confirmed.start() < refusal.start():
        refusal = None  # "Yes, we confirm the talks. We cannot say anything about their content": confirmed first
    if refusal or _DEFLECTION.search(first_sentence) or _NOT_FOR_US.search(first_sentence):
        return "decline"
    if answering and _YES.search(first_sentence):
        return "confirm"  # asked whether the offer was accepted: "Yes, that is correct."
    if answering and _NO.search(first_sentence):
        return "deny"  # asked whether troops would be sent: "Absolutely not."
    if _CONTENT_DENY.search(content) or _VERDICT_ON_REPORT.search(content) or _VERDICT_ALONE.search(content):
        return "deny"
    if _CONTENT_CONFIRM.search(content):
        return "confirm"
    if _UNSETTLED.search(first_sentence) or _STANDING_POSITION.search(first_sentence):
        return "neither"  # "this cannot be proven", "as we have said before, we are focused on ..."
    if _UNDER_REVIEW.search(first_sentence):
        return "neither"  # "we are looking into the reports": an inquiry under way
    if answering and _EVASION.search(first_sentence):
        return "neither"  # asked whether the heaters caused the fires: "We are focused on our customers"
    if span is not None and negated_claim(span):
        return "deny"
    return "assert"
