"""Verbs of saying that PolNeAR's training articles never used, read by their meaning (issue 17).

The cue classifier knows a verb by its lemma only when the training articles held it; for the others it reads a
back-off score learned from the sentence encoder's vector of the verb (``data/verb_scores.json``). Each passage is
read with that table and without it (the classifier then sees no meaning at all), so each test fails if the back-off
does nothing.
"""

from __future__ import annotations

import pytest

from crosswire.attribution import cue_model, cues
from crosswire.attribution import finder as attribution
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement


def run(text: str) -> list[Statement]:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    return attribution.extract(article)


def read(text: str, cue: str) -> list[tuple[str | None, str | None]]:
    return [(s.speaker_text, s.content) for s in run(text) if s.cue == cue]


def without_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cue_model, "verb_scores", dict)


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (  # a merger
            "The shareholders disapproved of the merger with the Dutch rival.",
            "disapproved",
            "The shareholders",
            "the merger with the Dutch rival",
        ),
        (  # a war
            "The rebels deplored the shelling of the city by government forces.",
            "deplored",
            "The rebels",
            "the shelling of the city by government forces",
        ),
        (  # sport
            "The drivers belittled the new rules for the season.",
            "belittled",
            "The drivers",
            "the new rules for the season",
        ),
        (  # a takeover
            "The chief executive belittled the rival bid for the brewery.",
            "belittled",
            "The chief executive",
            "the rival bid for the brewery",
        ),
    ],
)
def test_an_unseen_verb_of_saying_is_read_by_its_meaning(
    text: str, cue: str, speaker: str, content: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lemma = cue.removesuffix("d")  # "disapproved" -> "disapprove"
    assert lemma not in cues.learned_rates() and cues.cue_tier(lemma) is None
    assert read(text, cue) == [(speaker, content)]
    without_meaning(monkeypatch)
    assert read(text, cue) == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (  # health
            "The doctors' association disapproved of the new rules for vaccine trials.",
            "disapproved",
            "The doctors' association",
        ),
        (  # a trial
            "The judge reproved the witness for arriving late to the hearing.",
            "reproved",
            "The judge",
        ),
        (  # health
            "The health minister chastised the hospital board for the long waiting lists.",
            "chastised",
            "The health minister",
        ),
    ],
)
def test_the_meaning_reads_the_whole_verb_and_its_subject(
    text: str, cue: str, speaker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without it only the token tagger reads these, with a cut cue ("roved") or speaker ("minister")
    assert [s for s, _ in read(text, cue)] == [speaker]
    without_meaning(monkeypatch)
    assert [s for s, _ in read(text, cue)] != [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The engineers refuelled the aircraft before the flight.",
        "The farmers irrigated the fields during the drought.",
        "The minister cleaned the windows of the new hospital wing.",
    ],
)
def test_an_unseen_verb_of_doing_is_not_a_statement(text: str) -> None:
    assert run(text) == []


def test_the_scores_rank_saying_above_doing() -> None:
    scores = cue_model.verb_scores()
    saying = ("disapprove", "reprove", "chastise", "berate", "exclaim")
    doing = ("refuel", "irrigate", "vaccinate", "excavate", "jog")
    assert all(lemma not in cues.learned_rates() for lemma in saying + doing)
    assert min(scores[lemma] for lemma in saying) > max(scores[lemma] for lemma in doing)
