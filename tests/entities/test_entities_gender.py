"""The sex an article gives a person: courtesy titles, gendered nouns and unambiguous pronouns; nothing from first
names, and conflicting or absent evidence leaves it unknown."""

from __future__ import annotations

from crosswire.entities.gender import compatible, noun_gender, read_genders
from crosswire.model import Article, Mention


def article(text: str, people: dict[str, str]) -> Article:
    mentions = []
    for name, entity in people.items():
        at = text.index(name)
        mentions.append(Mention(start=at, end=at + len(name), text=name, label="PERSON", entity=entity))
    return Article(id="a", source="a.txt", text=text, mentions=sorted(mentions, key=lambda m: m.start))


def test_courtesy_titles_mark_both_sexes() -> None:
    text = "Mr. Karl Weber sued Ms Ines Roth over the merger terms on Monday."
    found = read_genders([article(text, {"Karl Weber": "p:weber", "Ines Roth": "p:roth"})])
    assert found == {"p:weber": "male", "p:roth": "female"}


def test_a_gendered_noun_before_or_in_apposition_marks_the_person() -> None:
    text = "Actress Mia Lund joined the protest. Jonas Falk, 41, a father of two, was arrested at the border."
    found = read_genders([article(text, {"Mia Lund": "p:lund", "Jonas Falk": "p:falk"})])
    assert found == {"p:lund": "female", "p:falk": "male"}


def test_a_noun_about_somebody_else_is_no_evidence() -> None:
    text = "Dana Cole, a lawyer for the businessman, filed the appeal. Kim Ash, the actress's agent, declined."
    assert read_genders([article(text, {"Dana Cole": "p:cole", "Kim Ash": "p:ash"})]) == {}


def test_a_pronoun_after_the_only_person_named_counts() -> None:
    text = "The striker was injured in March. Lena Sorensen scored twice on Sunday. She now leads the table."
    assert read_genders([article(text, {"Lena Sorensen": "p:sorensen"})]) == {"p:sorensen": "female"}


def test_pronouns_of_both_sexes_or_two_people_settle_nothing() -> None:
    both = article("Pat Reyes examined the soldier. She said he was stable.", {"Pat Reyes": "p:reyes"})
    two = article("Robin Hale met Jordan Vance in Kyiv. He said the talks went well.", {"Robin Hale": "p:hale",
                  "Jordan Vance": "p:vance"})  # fmt: skip
    quoted = article("Sam Ruiz spoke first. “I told him to leave,” Ruiz said.", {"Sam Ruiz": "p:ruiz"})
    assert read_genders([both, two, quoted]) == {}


def test_an_unnamed_person_of_the_same_sex_may_be_the_pronouns_antecedent() -> None:
    text = "Ari Stone visited the mother of the victim. She thanked the police."
    assert read_genders([article(text, {"Ari Stone": "p:stone"})]) == {}


def test_evidence_adds_up_across_articles_and_a_clear_majority_wins() -> None:
    first = article("Mrs Noor Aziz opened the clinic.", {"Noor Aziz": "p:aziz"})
    second = article("Officials praised Noor Aziz. He said the work was not finished.", {"Noor Aziz": "p:aziz"})
    assert read_genders([first, second]) == {"p:aziz": "female"}
    assert read_genders([second]) == {"p:aziz": "male"}


def test_compatibility_leaves_unknown_open() -> None:
    assert compatible(None, "she") and compatible("female", "She") and not compatible("male", "she")
    assert compatible("male", "they")
    assert noun_gender("a Volvo spokeswoman") == "female" and noun_gender("the spokesperson") is None
