"""Names the tagger gets wrong in three common shapes: a role noun before a person's name, an invented company's name
with a corporate head noun, an institution named in the possessive; and a transcript's speaker labels."""

from __future__ import annotations

from entities_support import found as _found
from entities_support import span as _span

# --- a role noun before a person's name -----------------------------------------------------------------------------


def test_a_role_noun_opening_a_span_is_cut_and_the_name_is_a_person() -> None:
    cases = [
        ("Challenger Daniel Reyes said the count was wrong.", "Challenger Daniel Reyes", "ORG", "Daniel Reyes"),
        ("Striker Lena Oberg scored twice in the second half.", "Striker Lena Oberg", "ORG", "Lena Oberg"),
        ("Prosecutor Ana Ruiz asked for a ten-year sentence.", "Prosecutor Ana Ruiz", "PERSON", "Ana Ruiz"),
        ("Incumbent Marta Kowalski conceded on Sunday night.", "Incumbent Marta Kowalski", "NORP", "Marta Kowalski"),
        ("Defender Tom O'Neill was sent off.", "Defender Tom O'Neill", "ORG", "Tom O'Neill"),
        ("Analyst Priya Nair expects the merger to close.", "Analyst Priya Nair", "ORG", "Priya Nair"),
    ]
    for text, surface, label, name in cases:
        assert _found(text, _span(text, surface, label)) == [(name, "PERSON")], text


def test_a_role_like_word_in_an_institutions_name_stays() -> None:
    """ "General Motors", "Justice Department", "Host Hotels & Resorts": no person's name follows the word."""
    cases = [
        ("General Motors Company cut its forecast.", "General Motors Company", "ORG"),
        ("The Justice Department opened an inquiry.", "Justice Department", "ORG"),
        ("Champion Petfoods Ltd recalled a product.", "Champion Petfoods Ltd", "ORG"),
        ("Coach Leather Goods opened a store.", "Coach Leather Goods", "ORG"),
        ("Judge Rotenberg Center was fined.", "Judge Rotenberg Center", "ORG"),
        ("Captain Morgan Rum Company launched a drink.", "Captain Morgan Rum Company", "ORG"),
    ]
    for text, surface, label in cases:
        assert _found(text, _span(text, surface, label)) == [(surface, label)], text


def test_an_honorific_on_a_person_span_is_left_for_the_corpus_stage() -> None:
    text = "Senator Jane Holt voted against the bill."
    assert _found(text, _span(text, "Senator Jane Holt", "PERSON")) == [("Senator Jane Holt", "PERSON")]


def test_a_place_after_the_role_word_is_no_persons_name() -> None:
    text = "Rival New Zealand won the final."
    assert _found(text, _span(text, "Rival New Zealand", "ORG")) == [("Rival New Zealand", "ORG")]


# --- a company's name: unknown word(s) and a corporate head noun ----------------------------------------------------


def test_an_untagged_company_name_is_added() -> None:
    cases = [
        ("Veridane Therapeutics said its drug met the main goal.", "Veridane Therapeutics"),
        ("Shares of Kestrel Holdings fell 9 percent on Tuesday.", "Kestrel Holdings"),
        ("The pilots of Nordavia Airlines walked out at dawn.", "Nordavia Airlines"),
        ("A contract went to Brightwater Logistics last year.", "Brightwater Logistics"),
        ("Its backers include Oakfield Capital and others.", "Oakfield Capital"),
    ]
    for text, name in cases:
        assert _found(text) == [(name, "ORG")], text


def test_a_tagged_first_word_is_carried_over_the_head_noun() -> None:
    text = "Veridane Therapeutics denied the report."
    assert _found(text, _span(text, "Veridane", "PERSON")) == [("Veridane Therapeutics", "ORG")]
    text = "Analysts said Vantix Systems had been breached."
    assert _found(text, _span(text, "Vantix", "ORG")) == [("Vantix Systems", "ORG")]


def test_a_longer_tagged_name_holding_the_company_is_kept() -> None:
    text = "The Bank of Veridane Holdings Trust paid out."
    span = _span(text, "Bank of Veridane Holdings Trust", "ORG")
    assert _found(text, span) == [("Bank of Veridane Holdings Trust", "ORG")]


def test_no_company_without_a_name_word_before_the_head() -> None:
    """A determiner or a sentence-opening word is no name: "Both Airlines", "Our Systems", "The Holdings"."""
    for text in (
        "Both Airlines agreed to talks.",
        "Our Systems were not affected.",
        "The Holdings were sold.",
    ):
        assert _found(text) == [], text


# --- an institution named in the possessive ------------------------------------------------------------------------


def test_an_institution_in_the_possessive_keeps_its_owners_words() -> None:
    cases = [
        ("The Alzheimer's Association said the drug offered more time.", "Association", "Alzheimer's Association"),
        ("She was treated at St. Mary's Hospital overnight.", "Hospital", "St. Mary's Hospital"),
        ("Doctors at Boston Children’s Hospital agreed.", "Hospital", "Boston Children’s Hospital"),
        ("The Parkinson's Foundation welcomed the ruling.", "Foundation", "Parkinson's Foundation"),
        ("The Veterans' Association backed the strike.", "Association", "Veterans' Association"),
    ]
    for text, tagged, name in cases:
        assert _found(text, _span(text, tagged, "ORG")) == [(name, "ORG")], text


def test_a_span_for_the_owner_alone_goes_into_the_institution() -> None:
    text = "The Alzheimer's Association said the drug offered more time."
    spans = (_span(text, "Alzheimer", "PERSON"), _span(text, "Association", "ORG"))
    assert _found(text, *spans) == [("Alzheimer's Association", "ORG")]


def test_a_possessive_before_a_common_noun_or_across_a_sentence_is_no_name() -> None:
    text = "It was Monday.\n\nAssociation members met."
    assert _found(text, _span(text, "Association", "ORG")) == [("Association", "ORG")]
    text = "Okafor's campaign and the Society of Actuaries."
    assert _found(text, _span(text, "Society of Actuaries", "ORG")) == [("Society of Actuaries", "ORG")]


# --- a transcript's speaker labels ----------------------------------------------------------------------------------


def test_transcript_role_labels_are_nobody() -> None:
    text = "ANCHOR: Good evening.\nREPORTER: The strike is over.\nPRESENTER: Thank you.\nWALSH: We are sorry."
    spans = [_span(text, word, "PERSON") for word in ("ANCHOR", "REPORTER", "PRESENTER")]
    spans.append(_span(text, "WALSH", "PERSON"))
    assert _found(text, *spans) == [("WALSH", "PERSON")]


def test_a_person_found_inside_a_capitals_label_is_the_whole_label() -> None:
    """The tagger reads capitals poorly: of "DAVID OKORO:" it may take "DAVID" alone. A speaker's label opening a
    line holds one name, so the person is the whole label, in any trade's transcript."""
    cases = [
        ("INTERVIEWER: Did the club break the rules?\nDAVID OKORO: We followed every rule.", "DAVID", "DAVID OKORO"),
        ("HOST: Was the mine safe?\n\nMARIA DE SOUSA: The shaft was inspected in May.", "MARIA", "MARIA DE SOUSA"),
        ("Q: Will you appeal?\n  JUDGE KOWALSKI: No comment.", "KOWALSKI", "KOWALSKI"),
        ("PRESENTER: And the forecast?\nTOM BAKER: Rain, then snow on the hills.", "BAKER", "TOM BAKER"),
    ]
    for text, tagged, name in cases:
        assert _found(text, _span(text, tagged, "PERSON")) == [(name, "PERSON")], text


def test_a_capitals_label_with_a_role_word_or_inside_a_line_is_not_mended() -> None:
    """ "PRESS SECRETARY:" names a role; capitals inside a line are no label; a place inside a label is no person."""
    text = "PRESS SECRETARY: The president met ANNA LOWE: she agreed."
    assert _found(text, _span(text, "ANNA", "PERSON")) == [("ANNA", "PERSON")]
    text = "NEW YORK CITY: Heavy snow closed schools."
    assert _found(text, _span(text, "NEW YORK CITY", "GPE")) == [("NEW YORK CITY", "GPE")]


def test_a_role_word_inside_a_sentence_is_not_a_label() -> None:
    text = "The show's host, ANCHOR: the network, denied it."
    assert _found(text, _span(text, "ANCHOR", "ORG")) == [("ANCHOR", "ORG")]


def test_a_company_name_with_a_legal_form_is_one_name_and_a_longer_phrase_is_none() -> None:
    text = "Veridane Therapeutics Inc. said so. Kestrel Holdings Tower was sold. The Capital of Culture opened."
    assert _found(text) == [("Veridane Therapeutics Inc", "ORG")]


def test_a_name_the_tagger_gave_another_kind_is_no_company() -> None:
    text = "Tickets for the Winter Olympic Systems Cup sold out."
    assert _found(text, _span(text, "Winter Olympic Systems Cup", "EVENT")) == []
    text = "Renewable Energy is cheaper. Social Media Group shares rose."
    assert _found(text) == [("Social Media Group", "ORG")]


def test_a_places_possessive_before_an_institutions_own_name_stays_out() -> None:
    text = "Nicaragua's Institute of Earth Studies said the quake was shallow. France's Society was fined."
    spans = (_span(text, "Institute of Earth Studies", "ORG"), _span(text, "Society", "ORG"))
    # the countries are names of their own, which the tagger's spans here leave out and the gazetteer finds
    assert _found(text, *spans) == [
        ("Nicaragua", "GPE"),
        ("Institute of Earth Studies", "ORG"),
        ("France", "GPE"),
        ("Society", "ORG"),
    ]


def test_a_possessive_or_a_letter_is_no_part_of_a_company_name() -> None:
    text = "Google’s Nest Labs made it. A+E Networks aired it."
    assert _found(text, _span(text, "Nest Labs", "ORG")) == [("Nest Labs", "ORG")]
