"""Kinds of source read from the speaker phrase alone, on passages from a fraud trial, a crash inquiry, a clinical
trial, a strike and a takeover: an office named by its plural ("Prosecutors said", "Investigators found") speaks on
the record as an institution, while an indefinite one ("two investigators") stays unnamed; a participle after the head
("a doctor involved in the study") leaves the head noun the person it is; a name closed by a masthead word ("the Irish
Independent", "The Coastal Post") is an outlet."""

from __future__ import annotations

import pytest

from crosswire.attribution.sources import head_word, source_type


@pytest.mark.parametrize(
    "phrase",
    ["Prosecutors", "prosecutors in the fraud case", "Investigators", "federal investigators", "The prosecutors"],
)
def test_an_office_named_by_its_plural_is_an_organization(phrase: str) -> None:
    assert source_type(phrase, []) == "organization"


@pytest.mark.parametrize(
    "phrase",
    ["two investigators", "several prosecutors", "officials", "two people with knowledge of the talks", "witnesses"],
)
def test_counted_or_unnamed_people_stay_anonymous(phrase: str) -> None:
    assert source_type(phrase, []) == "anonymous"


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("a doctor involved in the study", "doctor"),
        ("two engineers involved in the inquiry", "engineers"),
        ("a banker involved in the takeover talks", "banker"),
    ],
)
def test_a_participle_after_the_head_is_not_the_head(phrase: str, head: str) -> None:
    assert head_word(phrase) == head
    assert source_type(phrase, []) == "anonymous"


MASTHEADS = ["the Irish Independent", "The Coastal Post", "the Harbour Courier", "the Valley Herald", "Lakeside Times"]


@pytest.mark.parametrize("phrase", MASTHEADS)
def test_a_masthead_name_is_an_outlet(phrase: str) -> None:
    assert source_type(phrase, []) == "media"


@pytest.mark.parametrize(
    ("phrase", "kind"), [("a blog post", "unknown"), ("the post", "document"), ("Mayor Ruth Okafor", "person")]
)
def test_masthead_words_alone_or_in_lower_case_name_no_outlet(phrase: str, kind: str) -> None:
    assert source_type(phrase, []) == kind


@pytest.mark.parametrize("phrase", ["American Express", "Federal Express"])
def test_a_company_closed_by_a_word_of_some_mastheads_is_no_outlet(phrase: str) -> None:
    assert source_type(phrase, []) != "media"
