"""A line classifier for text that was already flattened from a web page: article line or boilerplate?

Each non-blank line gets features from its own words (length, stop-word density as in jusText, a boilerplate
lexicon, pronouns of address, capitalisation, photo-credit shapes), its position in the page, its block and its
neighbours, and how often the same outlet repeats it. A logistic model trained on flattened pages of trafilatura's
evaluation set (``bench/train_boilerplate.py``) scores each line, and a two-state Viterbi pass then smooths the
scores, because boilerplate comes in runs (a menu, a footer, an appeal) and a short line between article
paragraphs is almost always article.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crosswire.errors import ModelError

# Boilerplate vocabulary of news sites: navigation, sharing, subscription and donation appeals, comment sections,
# teasers, legal footers, and the German equivalents common in the development pages. Words, not sentences.
_LEXICON = re.compile(
    r"\b(?:menu|home|homepage|search|skip to|sign in|sign up|log ?in|log ?out|register|subscribe|subscription|"
    r"newsletters?|unsubscribe|cookies?|privacy|terms of (?:use|service)|copyright|all rights reserved|"
    r"share|shares|tweet|facebook|twitter|whatsapp|linkedin|pinterest|telegram|instagram|youtube|e-?mail|print|"
    r"read more|more from|see also|related|recommended|popular|most read|trending|top stories|comments?|"
    r"reply|advertisement|advertising|sponsored|promoted|donate|donation|support us|your support|contribut\w+|"
    r"become a member|membership|paywall|ad-free|follow us|download (?:the|our) app|click here|tap here|"
    r"previous|next|back to top|tags?|categor(?:y|ies)|posted in|filed under|author|editor'?s? picks?|"
    r"photo|photos|image|images|credit|getty|shutterstock|file photo|caption|video|watch|listen|podcast|"
    r"impressum|datenschutz|anmelden|abonnieren|teilen|kommentare?|werbung|startseite|mehr zum thema|"
    r"weiterlesen|kontakt|nutzungsbedingungen|cookie-einstellungen)\b",
    re.IGNORECASE,
)
# Lines after which the rest of a page is usually not the article any more.
_TAIL_TRIGGER = re.compile(
    r"^\s*(?:comments?|\d+ comments?|popular posts|related (?:stories|articles|posts|coverage)|read more|"
    r"more (?:from|on|stories)|recommended|most (?:read|popular)|you (?:may|might) also like|"
    r"(?:a )?message from|dear readers?|share this|support (?:us|our)|tags?:|leave a (?:comment|reply)|"
    r"about the author|sign up for|subscribe to|newsletter|also read|see also|trending)(?=\W|$)",
    re.IGNORECASE,
)
# Case-sensitive on purpose: "US" is a country, "us" is the page talking to its reader.
_ADDRESS = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Yy]ou|[Yy]ours?)\b")
_CREDIT = re.compile(
    r"(?:\s/\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s*$)|(?:\((?:[^()]*\b(?:Photo|Getty|AFP|Reuters|AP|Images?|"
    r"Credit|File)\b[^()]*)\)\s*$)|(?:^\s*(?:Photo|Foto|Image|Picture|Credit|Bild)\s*:)|"
    r"(?:\b(?:is|are) (?:pictured|seen|shown)\b)|(?:©)|(?:\b(?:Photo|Credit|Image credit)\s*:\s+\S)|"
    r"(?:\(\w+ Photo/[^()]*\))|(?:\bPrevious\s+Next\s*$)",
)
# A gallery of captions flattened into one line: several credits, or the gallery's own controls at its end.
_GALLERY = re.compile(r"\b(?:Photo|Credit)\s*[:/]|\bPrevious\s+Next\s*$")
_URL = re.compile(r"https?://|www\.\w|\.(?:com|org|net|de|ru)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•·▪►»*–—-]|\d+[.)])\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")

FEATURES = (
    "bias",
    "log_words",
    "log_chars",
    "sentence_end",
    "stopword_density",
    "lexicon_hits",
    "lexicon_density",
    "address_density",
    "capitalised_share",
    "digit_share",
    "bullet",
    "url",
    "credit",
    "relative_position",
    "lines_before",
    "lines_after",
    "block_lines",
    "block_mean_words",
    "prev_words",
    "next_words",
    "after_trigger",
    "trigger",
    "repeated",
    "short",
    "very_short",
    "comma_count",
    "long_sentence",
)


@dataclass(frozen=True)
class LineModel:
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    # Viterbi: probability of staying in the same state from one line to the next, and the prior of boilerplate.
    stay: float
    prior: float

    def probability(self, features: Sequence[float]) -> float:
        score = sum(w * (f - m) / s for w, f, m, s in zip(self.weights, features, self.means, self.scales, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@cache
def _stopwords() -> frozenset[str]:
    import justext

    words: set[str] = set()
    for language in (
        "English",
        "German",
        "French",
        "Spanish",
        "Italian",
        "Portuguese",
        "Dutch",
        "Russian",
        "Polish",
        "Turkish",
        "Swedish",
        "Czech",
    ):
        words |= {w.lower() for w in justext.get_stoplist(language)}
    return frozenset(words)


@cache
def load_model() -> LineModel:
    """The shipped weights, trained by ``bench/train_boilerplate.py``."""
    data = json.loads(resources.files("crosswire.clean").joinpath("boilerplate_model.json").read_text("utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ModelError("boilerplate_model.json was trained on other features; run bench/train_boilerplate.py")
    return LineModel(
        tuple(data["weights"]),
        tuple(data["means"]),
        tuple(data["scales"]),
        float(data["stay"]),
        float(data["prior"]),
    )


def normalize_line(line: str) -> str:
    """The form under which a line counts as 'the same line' across articles of one outlet."""
    return " ".join(_WORD.findall(line.lower()))


def line_features(lines: Sequence[str], repeated: Sequence[int] | None = None) -> list[list[float]]:
    """One feature vector per line (blank lines get a zero vector; the classifier never sees them)."""
    stop = _stopwords()
    count = len(lines)
    content_index = [i for i, line in enumerate(lines) if line.strip()]
    total = max(1, len(content_index))
    # Blocks: runs of non-blank lines.
    block_of: dict[int, tuple[int, float]] = {}
    block: list[int] = []
    for i in [*range(count), count]:
        if i < count and lines[i].strip():
            block.append(i)
            continue
        if block:
            mean_words = sum(len(_WORD.findall(lines[j])) for j in block) / len(block)
            for j in block:
                block_of[j] = (len(block), mean_words)
            block = []
    words_of = {i: len(_WORD.findall(lines[i])) for i in content_index}
    vectors: list[list[float]] = [[0.0] * len(FEATURES) for _ in lines]
    triggered = False
    for rank, i in enumerate(content_index):
        line = lines[i].strip()
        tokens = _WORD.findall(line)
        n_words = len(tokens)
        lowered = [t.lower() for t in tokens]
        hits = len(_LEXICON.findall(line))
        alpha = [t for t in tokens if t[:1].isalpha()]
        capitalised = sum(1 for t in alpha if t[:1].isupper()) / max(1, len(alpha))
        digits = sum(ch.isdigit() for ch in line) / max(1, len(line))
        prev_words = words_of[content_index[rank - 1]] if rank > 0 else 0
        next_words = words_of[content_index[rank + 1]] if rank + 1 < total else 0
        is_trigger = bool(_TAIL_TRIGGER.match(line)) and n_words <= 12
        block_lines, block_mean = block_of[i]
        vectors[i] = [
            1.0,
            math.log1p(n_words),
            math.log1p(len(line)),
            1.0 if _SENTENCE_END.search(line) else 0.0,
            sum(1 for t in lowered if t in stop) / max(1, n_words),
            float(min(hits, 4)),
            hits / max(1, n_words),
            len(_ADDRESS.findall(line)) / max(1, n_words),
            capitalised,
            digits,
            1.0 if _BULLET.match(line) else 0.0,
            1.0 if _URL.search(line) else 0.0,
            1.0 if _CREDIT.search(line) else 0.0,
            rank / total,
            math.log1p(rank),
            math.log1p(total - 1 - rank),
            math.log1p(block_lines),
            math.log1p(block_mean),
            math.log1p(prev_words),
            math.log1p(next_words),
            1.0 if triggered and rank / total > 0.5 else 0.0,
            1.0 if is_trigger else 0.0,
            float(min(repeated[i], 3)) if repeated is not None else 0.0,
            1.0 if n_words <= 4 else 0.0,
            1.0 if n_words <= 1 else 0.0,
            float(min(line.count(","), 5)),
            1.0 if n_words >= 15 and _SENTENCE_END.search(line) else 0.0,
        ]
        triggered = triggered or is_trigger
    return vectors


def is_photo_credit(line: str) -> bool:
    """A caption or credit line: "... Sergei Fadeichev / TASS", "(Reuters File Photo)", "Photo: ..."."""
    if line.rstrip().endswith(('"', "”")) or not _CREDIT.search(line):
        return False
    return len(_WORD.findall(line)) <= 45 or len(_GALLERY.findall(line)) >= 2


# A label in capitals in front of a headline: "WORLD Storm hits coast", "INTERACTIVE How the vote works".
_TEASER_LABELS = (
    r"WORLD|INTERACTIVE|WATCH|VIDEO|VIDEOS|LIVE|READ|MORE|RELATED|EXPLAINER|EXPLAINED|ANALYSIS|OPINION|BREAKING|"
    r"EXCLUSIVE|PHOTOS?|GALLERY|LISTEN|PODCAST|NEWS|SPORTS?|BUSINESS|POLITICS|TECH|ALSO|RECOMMENDED|TRENDING|"
    r"UPDATE|FEATURE|REVIEW|INSIGHT|MARKETS|MONEY|HEALTH|SCIENCE|CULTURE|TRAVEL|LOCAL|NATIONAL|INTERNATIONAL"
)
_LABELLED_TEASER = re.compile(
    rf"^(?:{_TEASER_LABELS})(?:\s+(?:{_TEASER_LABELS}))?\s*[:|]?\s+(?=\S*[a-z])[A-Z0-9\"“‘'][^.!?]*$"
)
# "What travelers should know:Storm closes airports", "Money blog: Rates lowered" (a kicker and a headline).
_KICKER_TEASER = re.compile(r"^[A-Z][\w'’ -]{2,40}:\s*[A-Z0-9\"“‘'][^.!?:]*$")
# Calls to action of promos and app or newsletter plugs, in the imperative.
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:install|download|get|see|discover|sign up|subscribe|join|follow|click|tap|try|claim|unlock|register|"
    r"be the first|don'?t miss|never miss|like this (?:article|story)|share (?:this|it)|please (?:refresh|enable|"
    r"support|consider|disable)|link copied)\b",
    re.IGNORECASE,
)
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|added|according to)\b")
_PROMO_WORDS = re.compile(
    r"\b(?:free|app|apps|newsletters?|alerts?|exclusive|here|now|today|clipboard|premium|trial|offer|report|"
    r"colleague|friend|page|inbox)\b",
    re.IGNORECASE,
)


def is_headline_shaped(line: str) -> bool:
    """A headline's shape: capitalised start, 3-20 words, no sentence end (a teaser or a subhead)."""
    stripped = line.strip()
    words = _WORD.findall(stripped)
    if not 3 <= len(words) <= 20 or _SENTENCE_END.search(stripped) or stripped.endswith((",", ";", ":")):
        return False
    return stripped[:1].isupper() or stripped[:1].isdigit() or stripped[:1] in "\"“‘'"


def is_teaser(line: str) -> bool:
    """A link to another story: a capitalised label or kicker before a headline, or a headline in capitals."""
    stripped = line.strip()
    if not is_headline_shaped(stripped) and not (_LABELLED_TEASER.match(stripped) and len(stripped.split()) >= 3):
        return False
    alpha = [w for w in _WORD.findall(stripped) if w[:1].isalpha()]
    shouting = len(alpha) >= 4 and sum(1 for w in alpha if w.isupper()) / len(alpha) >= 0.8
    return bool(_LABELLED_TEASER.match(stripped) or _KICKER_TEASER.match(stripped)) or shouting


def is_call_to_action(line: str) -> bool:
    """A promo's imperative: "Install the app for free", "Get This Free Report", "Link copied to clipboard"."""
    stripped = line.strip()
    if not _CALL_TO_ACTION.match(stripped) or _QUOTED.search(stripped) or _ATTRIBUTED.search(stripped):
        return False
    return len(_WORD.findall(stripped)) <= 8 or bool(_PROMO_WORDS.search(stripped))


def is_tail_trigger(line: str) -> bool:
    """A line after which pages usually stop being the article: "Comments", "Popular posts", "Dear readers"."""
    return bool(_TAIL_TRIGGER.match(line)) and len(_WORD.findall(line)) <= 12


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _addresses_reader(line: str) -> bool:
    """Speaks to the reader in the page's own voice ("we need your help"), not inside a quotation."""
    return bool(_ADDRESS.search(_QUOTED.sub(" ", line)))


def _is_sentence(line: str) -> bool:
    return len(_WORD.findall(line)) >= 8 and bool(_SENTENCE_END.search(line))


def has_boilerplate_words(line: str) -> bool:
    """Addresses the reader ("your support"), or is mostly boilerplate vocabulary ("Min menu", "ad-free content")."""
    words = max(1, len(line.split()))
    return bool(_ADDRESS.search(line)) or len(_LEXICON.findall(line)) / words > 0.3


def boilerplate_probabilities(
    lines: Sequence[str], repeated: Sequence[int] | None = None, model: LineModel | None = None
) -> list[float]:
    """P(boilerplate) of each line from the classifier alone (blank lines: 0)."""
    model = model or load_model()
    vectors = line_features(lines, repeated)
    return [model.probability(vector) if line.strip() else 0.0 for line, vector in zip(lines, vectors, strict=True)]


def boilerplate_flags(
    lines: Sequence[str], repeated: Sequence[int] | None = None, model: LineModel | None = None
) -> list[bool]:
    """True for each line judged boilerplate (blank lines: False).

    Viterbi over the classifier's probabilities, then page-structure rules the line model cannot see:
    caption/credit lines go; short lines the same outlet repeats in other articles go (its template); a full
    sentence the classifier is sure of stays even when its neighbours pull it into a run of boilerplate; and
    everything after a closing trigger ("Comments", "A Message from ...") goes when what follows reads as
    boilerplate on the whole, holds no prose at all, or its prose mostly speaks to the reader (an appeal); an inline
    "Read more" teaser inside the story is followed by reporting, and stays.
    """
    model = model or load_model()
    probabilities = boilerplate_probabilities(lines, repeated, model)
    content_index = [i for i, line in enumerate(lines) if line.strip()]
    flags = [False] * len(lines)
    if not content_index:
        return flags
    labels = viterbi([probabilities[i] for i in content_index], model.stay, model.prior)
    for i, label in zip(content_index, labels, strict=True):
        words = len(_WORD.findall(lines[i]))
        confident_sentence = probabilities[i] < 0.1 and _is_sentence(lines[i])
        template = repeated is not None and repeated[i] >= 2 and words <= 15
        flags[i] = (label and not confident_sentence) or is_photo_credit(lines[i]) or template
    if not any(not flags[i] and _is_sentence(lines[i]) for i in content_index):
        # A page is never all boilerplate when it holds a sentence the classifier leans towards keeping: a short
        # brief next to a footer is pulled into the footer's run by the smoothing alone.
        for i in content_index:
            if probabilities[i] < 0.5 and _is_sentence(lines[i]) and not is_photo_credit(lines[i]):
                flags[i] = False
    _flag_teasers_and_promos(lines, content_index, flags)
    for rank, i in enumerate(content_index):
        if rank < len(content_index) / 3 or not is_tail_trigger(lines[i]):
            continue
        rest = content_index[rank + 1 :]
        prose = [j for j in rest if _is_sentence(lines[j])]
        appeal = bool(prose) and sum(_addresses_reader(lines[j]) for j in prose) / len(prose) >= 0.5
        # Only link lists and headlines after the trigger, or an appeal, or lines that score as boilerplate.
        if not prose or appeal or sum(probabilities[j] for j in rest) / len(rest) >= 0.5:
            for j in (i, *rest):
                flags[j] = True
            break
    return flags


def _flag_teasers_and_promos(lines: Sequence[str], content_index: Sequence[int], flags: list[bool]) -> None:
    """Teasers, promo blocks and runs of headlines inside the story, which the line model reads as short article lines.

    - a teaser: a capitalised label or a kicker before a headline ("WORLD ...", "Money blog: ..."), or a headline in
      capitals;
    - a run of two or more headline-shaped lines between paragraphs (a "more stories" box);
    - a promo block: a call to action ("Install the app", "Get This Free Report") with the lines around it that
      speak to the reader, plug the outlet or call to action too (one plain line may sit between two of them).
    """
    first_prose = next((rank for rank, i in enumerate(content_index) if _is_sentence(lines[i])), None)
    if first_prose is None:
        return
    body = list(content_index[first_prose + 1 :])
    for i in body:
        if is_teaser(lines[i]):
            flags[i] = True
    shaped = [is_headline_shaped(lines[i]) for i in body]
    for rank, i in enumerate(body):
        run_start = rank
        while run_start > 0 and shaped[run_start - 1]:
            run_start -= 1
        run_end = rank
        while run_end + 1 < len(body) and shaped[run_end + 1]:
            run_end += 1
        if shaped[rank] and run_end - run_start >= 1:
            flags[i] = True
    promo = [
        is_call_to_action(lines[i])
        or (_addresses_reader(lines[i]) and not _QUOTED.search(lines[i]))
        or (flags[i] and has_boilerplate_words(lines[i]))
        for i in body
    ]
    anchors = [rank for rank, i in enumerate(body) if is_call_to_action(lines[i])]
    for anchor in anchors:
        low = anchor
        while low - 1 >= 0 and (promo[low - 1] or (low - 2 >= 0 and promo[low - 2])):
            low -= 1
        high = anchor
        while high + 1 < len(body) and (promo[high + 1] or (high + 2 < len(body) and promo[high + 2])):
            high += 1
        for rank in range(low, high + 1):
            flags[body[rank]] = True


def viterbi(probabilities: Sequence[float], stay: float, prior: float) -> list[bool]:
    """Most likely boilerplate/article labelling of a sequence, given each line's P(boilerplate).

    The classifier's posterior is turned into an emission score by dividing out the class prior.
    """
    eps = 1e-9
    log_stay, log_switch = math.log(stay), math.log(1.0 - stay)
    log_prior = (math.log(1.0 - prior), math.log(prior))
    emissions = [
        (math.log(max(eps, 1.0 - p)) - log_prior[0], math.log(max(eps, p)) - log_prior[1]) for p in probabilities
    ]
    score = [log_prior[0] + emissions[0][0], log_prior[1] + emissions[0][1]]
    back: list[tuple[int, int]] = []
    for emission in emissions[1:]:
        choices: list[int] = []
        new_score: list[float] = []
        for state in (0, 1):
            from_same = score[state] + log_stay
            from_other = score[1 - state] + log_switch
            best = state if from_same >= from_other else 1 - state
            choices.append(best)
            new_score.append(max(from_same, from_other) + emission[state])
        back.append((choices[0], choices[1]))
        score = new_score
    state = 0 if score[0] >= score[1] else 1
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    path.reverse()
    return [s == 1 for s in path]
