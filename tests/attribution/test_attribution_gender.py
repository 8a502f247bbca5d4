"""Pronoun speakers and the sex the articles give people: "she said" is never a man's words, nor "he said" a
woman's, once the text has said who is which (a title, a gendered noun, an unambiguous pronoun); a person the text
says nothing about keeps the old reading (the nearest person). Short passages from several domains, analysed
through the whole pipeline as one small pile."""

from __future__ import annotations

from pathlib import Path

import pytest
from passages_support import analyze_passages

from crosswire.attribution.statements import link_article
from crosswire.model import Article, Dossier, Entity, Mention, Statement

PASSAGES = {
    "trial": (
        "Defence lawyer Anna Berg cross-examined Mr Victor Hale for two hours on Tuesday.\n\n"
        "She said the ledger had been altered after the audit.\n"
    ),
    "merger": (
        "Leon Brandt, the businessman who owns the rival chain, met Ms Maria Conti in Milan on Friday.\n\n"
        "He said a deal could close by the end of the year.\n"
    ),
    "war": (
        "Lieutenant Omar Haddad, a father of three, met Mrs Leila Nasser at the checkpoint.\n\n"
        "He said the convoy had been stopped twice.\n"
    ),
    "unknown": "Chris Adler examined Robin Kay at the clinic on Monday.\n\nShe said the results were encouraging.\n",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def pronoun_speaker(dossier: Dossier, name: str) -> str | None:
    wanted = next(a.id for a in dossier.articles if Path(a.source).stem == name)
    said: Statement = next(
        s for s in dossier.statements if s.article == wanted and (s.speaker_text or "") in {"He", "She"}
    )
    entity = next((e for e in dossier.entities if e.id == said.speaker), None)
    return entity.name if entity else None


def test_she_said_after_a_woman_and_a_man_at_trial_is_the_woman(dossier: Dossier) -> None:
    # the man is named last; "Mr" says he is no "she"
    assert pronoun_speaker(dossier, "trial") == "Anna Berg"


def test_he_said_after_a_man_and_a_woman_in_a_merger_is_the_man(dossier: Dossier) -> None:
    assert pronoun_speaker(dossier, "merger") == "Leon Brandt"


def test_a_father_of_three_is_the_he_not_the_woman_named_after_him(dossier: Dossier) -> None:
    assert pronoun_speaker(dossier, "war") == "Omar Haddad"


def test_people_the_text_says_nothing_about_keep_the_nearest_reading(dossier: Dossier) -> None:
    # no title, no gendered noun, no telling pronoun: no sex is guessed from "Chris" or "Robin"
    assert pronoun_speaker(dossier, "unknown") == "Chris Adler"


def _marked(text: str, people: dict[str, str], says: list[str]) -> Article:
    """An article with its people marked by hand (the recogniser's misses are not what is tested here) and one
    statement per speaker phrase in ``says``, each cued by the word after it."""
    mentions = []
    for name, entity in people.items():
        at = text.index(name)
        kind = "ORG" if entity.startswith("org:") else "PERSON"
        mentions.append(Mention(start=at, end=at + len(name), text=name, label=kind, entity=entity))
    statements = []
    for index, phrase in enumerate(says):
        at = text.index(phrase)
        content = text.index(" ", text.index(" ", at + len(phrase)) + 1)
        close = text.index(".", content)
        statements.append(
            Statement(
                id=f"s{index}",
                article="a1",
                start=at,
                end=close,
                speaker_text=phrase,
                speaker_start=at,
                speaker_end=at + len(phrase),
                source_type="person",
                content_start=content + 1,
                content_end=close,
            )
        )
    article = Article(id="a1", source="a.txt", text=text, mentions=sorted(mentions, key=lambda m: m.start))
    article.statements = statements
    return article


def _link(article: Article, people: dict[str, str]) -> list[str | None]:
    entities = {
        entity: Entity(id=entity, name=name, type="ORG" if entity.startswith("org:") else "PERSON")
        for name, entity in people.items()
    }
    link_article(article, entities)
    return [s.speaker for s in article.statements]


def test_she_said_he_responded_is_the_doctor_not_the_patient() -> None:
    people = {"Sarah Lee": "person:lee", "Tom Park": "person:park"}
    text = "Dr Sarah Lee examined Mr Tom Park at the clinic. She said he responded well to the treatment.\n"
    assert _link(_marked(text, people, ["She"]), people) == ["person:lee"]


def test_he_said_after_the_coach_spoke_and_a_woman_was_named_is_the_coach() -> None:
    people = {"Daniel Moss": "person:moss", "Elena Vidal": "person:vidal"}
    text = (
        "Coach Daniel Moss said the win was deserved. The club's new owner, Mrs Elena Vidal, watched from the stand. "
        "He said the squad had earned it.\n"
    )
    assert _link(_marked(text, people, ["Daniel Moss", "He"]), people) == ["person:moss", "person:moss"]


def test_a_spokeswoman_statement_is_not_continued_by_he() -> None:
    people = {"Ivan Petrov": "person:petrov", "Norsk Steel": "org:norsk"}
    text = (
        "Ivan Petrov, the plant's manager, said output had fallen. A Norsk Steel spokeswoman said the plant was "
        "safe. He said repairs would take a month.\n"
    )
    article = _marked(text, people, ["Ivan Petrov", "A Norsk Steel spokeswoman", "He"])
    article.statements[1].source_type = "organization"
    assert _link(article, people) == ["person:petrov", "org:norsk", "person:petrov"]


def test_without_evidence_she_still_takes_the_nearest_person() -> None:
    people = {"Sam Okafor": "person:okafor", "Alex Brun": "person:brun"}
    text = "Sam Okafor examined Alex Brun at the clinic. She said the results were encouraging.\n"
    assert _link(_marked(text, people, ["She"]), people) == ["person:brun"]
