"""Cue verbs with no complement of their own, read from the construction around them (issue 17): a relative clause
whose object is the gap, and an adverbial clause commenting on the clause it hangs from."""

from __future__ import annotations

import pytest

from crosswire.attribution import cue_model
from crosswire.attribution import finder as attribution
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article
from crosswire.nlp.parse import doc_of


def article_of(text: str) -> Article:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    return article


def readings(text: str, kind: str) -> list[tuple[str, str, str]]:
    """(cue, speaker, content) of the proposals of one complement kind."""
    return [
        (p.token.text, text[slice(*p.speaker)], text[slice(*p.content)])
        for p in attribution.proposals(article_of(text))
        if p.complement.split(":")[0] == kind
    ]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("Shareholders approved the merger terms the regulator had demanded last year.", "demanded", "the regulator",
         "the merger terms"),
        ("The judge imposed the sentence the prosecutors requested.", "requested", "the prosecutors", "the sentence"),
        ("Villagers fled the offensive the commanders planned.", "planned", "the commanders", "the offensive"),
        ("The players ignored the tactics the manager demanded.", "demanded", "the manager", "the tactics"),
        ("Patients at the clinic received the treatment the doctors recommended.", "recommended", "the doctors",
         "the treatment"),
        ("The company dropped the product line the analysts criticised.", "criticised", "the analysts",
         "the product line"),
    ],
)  # fmt: skip
def test_a_relative_clause_whose_object_is_the_gap_reads_the_noun_it_modifies(
    text: str, cue: str, speaker: str, content: str
) -> None:
    assert readings(text, "relgap") == [(cue, speaker, content)]


def test_a_relative_clause_whose_pronoun_is_the_subject_has_no_gap() -> None:
    text = "The defendant, who denied the charges, will be sentenced in June."
    assert readings(text, "relgap") == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("As the bank's chairman noted, the merger will create the largest lender in the region.", "noted",
         "the bank's chairman", "the merger will create the largest lender in the region"),
        ("As the prosecutor argued, the evidence points to a single gunman.", "argued", "the prosecutor",
         "the evidence points to a single gunman"),
        ("As the commander confirmed, the troops withdrew from the town overnight.", "confirmed", "the commander",
         "the troops withdrew from the town overnight"),
        ("As the referee explained, the goal was offside.", "explained", "the referee", "the goal was offside"),
        ("As the health ministry reported, cases fell by a third in March.", "reported", "the health ministry",
         "cases fell by a third in March"),
    ],
)  # fmt: skip
def test_a_comment_clause_reads_the_clause_it_comments_on(text: str, cue: str, speaker: str, content: str) -> None:
    assert readings(text, "comment") == [(cue, speaker, content)]


def test_the_commenter_named_by_an_agent_is_the_speaker_not_the_clause_commented_on() -> None:
    text = "As first reported by the agency, the airline will cut 300 jobs in the spring."
    assert readings(text, "comment") == [("reported", "the agency", "the airline will cut 300 jobs in the spring")]


def test_an_adverbial_clause_without_a_subject_of_its_own_is_no_comment() -> None:
    # "Speaking" takes the minister as subject only through its governor: the commenter would be the one commented on
    text = "Speaking in Brussels on Monday, the minister announced a new budget for the army."
    assert readings(text, "comment") == []
    doc = article_of(text)
    speaking = next(t for t in doc_of(doc) if t.text == "Speaking")
    assert cue_model.clause_content(speaking, text) == []
