"""Stance classes from the cue, its polarity and (under a neutral cue) the content."""

from __future__ import annotations

import pytest

from crosswire.attribution.finder import find_statements
from crosswire.attribution.stance import CueReading, classify
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.model import Article, Statement


def stances(text: str) -> list[tuple[str | None, str]]:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_statements(article, Context())
    return [(s.cue, s.stance_class) for s in article.statements]


def first(text: str) -> Statement:
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_statements(article, Context())
    assert article.statements, text
    return article.statements[0]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The port authority confirmed that the ferry had been sold.", "confirm"),
        ("The owner acknowledged that the ship was late.", "confirm"),
        ("The ministry denied that any ship had been sold.", "deny"),
        ("The ministry rejected the reports of a sale.", "deny"),
        ("A city official declined to comment on the sale.", "decline"),
        ("The company refused to comment.", "decline"),
        ("The prosecutor declined to speculate about whether the dead were the missing students.", "decline"),
        ("The club refused to estimate how long the striker would be out.", "decline"),
        ("The mayor's office said it could neither confirm nor deny the sale.", "neither"),
        ("The harbour master said the ferry would sail on Monday.", "assert"),
        ("The Harbour Gazette reported that the ferry had been sold.", "assert"),
        ("The owner claimed that the ship was seaworthy.", "assert"),
    ],
)
def test_cue_classes(text: str, stance: str) -> None:
    assert first(text).stance_class == stance


def test_negated_denial_is_not_a_denial() -> None:
    assert first("The ministry did not deny that the ferry had been sold.").stance_class == "other"


def test_would_not_confirm_is_a_decline() -> None:
    assert first("The port authority would not confirm that the ferry had been sold.").stance_class == "decline"


def test_denial_in_the_content_of_a_neutral_cue() -> None:
    assert first('"This is fake news, nothing more," the ministry spokeswoman said.').stance_class == "deny"
    assert first('The adviser said "this didn\'t actually happen."').stance_class == "deny"


def test_confirmation_in_the_content_of_a_neutral_cue() -> None:
    assert first('"We confirm that the ferry was sold this morning," the owner told reporters.').stance_class == (
        "confirm"
    )


def test_rejecting_a_proposal_is_not_a_denial() -> None:
    assert classify(CueReading(lemma="reject", object_noun="proposal"), "the proposal") == "other"


def test_belief_cues_are_other() -> None:
    assert classify(CueReading(lemma="hope", tier="belief"), "to reopen the harbour") == "other"


def test_declined_to_comment_next_to_a_neither_clause_stays_decline() -> None:
    found = dict(stances("A harbour official declined to comment, while the owner said he could neither confirm nor "
                         "deny the sale."))  # fmt: skip
    assert found["declined"] == "decline"
    assert found["said"] == "neither"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a verdict of falsehood, on "this", on a report, or standing alone as the quote
        ("\"That's not true,\" the club's chairman told reporters about the transfer fee.", "deny"),
        ('"Complete fiction," the senator said of the report about her campaign funds.', "deny"),
        ('A spokesman for the hospital said the allegations were "an absolute lie".', "deny"),
        ('The ministry said: "These claims are of course just nonsense."', "deny"),
        ("The studio said the story about the film's budget was totally false and complete fiction.", "deny"),
        ('The court spokesperson described the report as "pure fabrication".', "deny"),
        # a negated main clause denies what it negates
        ('"No talks are taking place," a spokesman for the brewer said.', "deny"),
        ("The striker said Monday he never bet on football.", "deny"),
        ("The defence minister said the army was not involved in the attack on the depot.", "deny"),
        ("The carmaker said it was not in talks with its rival.", "deny"),
        ("The hospital said it had no knowledge of the incident.", "deny"),
        ('"I want to make it clear that I never took the money," the treasurer said.', "deny"),
        # a refusal to speak in the speaker's own words
        ('"No comment," the coach said when asked about the transfer.', "decline"),
        ('"I can\'t confirm it," the police chief said.', "decline"),
        ('"I don\'t want to get into it," the author told the newspaper.', "decline"),
        ('"We do not comment on market speculation," the bank said.', "decline"),
        ('"We cannot say anything until the tests are back," the prosecutor said.', "decline"),
        ('"We still can\'t talk about an exact number of victims," the fire chief told reporters.', "decline"),
        ('"I can\'t say whether the deal will close this year," the chief executive said.', "decline"),
        ('"I cannot say how long the striker will be out," the coach said.', "decline"),
        (
            '"Yes, we confirm that the two banks are in talks. We cannot say anything about the price," the spokesman'
            " said.",
            "confirm",
        ),
        # "neither confirms nor denies", on either verb and inside the content
        ("The regulator said it neither confirms nor denies the existence of an inquiry.", "neither"),
        ("The army neither confirmed nor denied that troops had crossed the river.", "neither"),
        # negations that are no denial: a hedge, a contrast, a description, a feeling, a judgement
        ("The expert said the warning light may not be connected to the accident.", "assert"),
        ("The investigator said the recorder is not just convenient.", "assert"),
        ("The diplomat said the contacts were not of a systemic nature.", "assert"),
        ('"He wasn\'t happy about it and said he would help me out," the assistant said.', "assert"),
        ("The mayor said it was absurd that residents had to wait so long.", "assert"),
        ('"It was an absurd thing that was happening," the pitcher said.', "assert"),
        ("The striker said the team played well and deserved to win.", "assert"),
        # a wish or an expectation, negated, is no denial; intending not to is
        ("The coach said the club did not want to rule out a move for the striker yet.", "assert"),
        ('"We never wanted the attention," the founder of the bakery chain said.', "assert"),
        ("The minister told reporters nobody had expected the storm to turn north.", "assert"),
        ("The agent said the singer didn't expect all the attention.", "assert"),
        ('"We do not intend to make an offer for the club," the owner said.', "deny"),
        # a precept with a generic subject, an idiom of what must happen, a correction, a description
        ('"You can\'t cut taxes and still expect the budget to balance," the senator said.', "assert"),
        ('"There is no going back now," the chief executive said of the merger.', "assert"),
        ('"It\'s not a virus, but it is something we have not seen before," the vet said.', "assert"),
        ('"The problem is not the price but the delivery date," the buyer said.', "assert"),
        ('"The way we were described is not who we are," the band\'s drummer said.', "assert"),
        ('"The attention is not what we expected," the young trader said.', "assert"),
        ('"It is not true, but we will look at it," the spokeswoman said of the report.', "deny"),
    ],
)
def test_content_classes(text: str, stance: str) -> None:
    found = stances(text)
    assert found, text
    assert found[0][1] == stance, (text, found)


def test_the_second_verb_of_neither_nor_is_no_denial() -> None:
    assert all(stance == "neither" for _, stance in stances("The agency neither confirms nor denies the report."))


def test_content_class_without_a_parse_reads_the_words_only() -> None:
    assert classify(CueReading(lemma="say"), "This claim is completely and utterly false") == "deny"
    assert classify(CueReading(lemma="say"), "he never bet on sports") == "assert"  # negation needs the parse


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # deflection to the audience: a refusal to assess, whatever the story
        ('"You should decide for yourself," the author told the agency when asked about the rival report.', "decline"),
        ('"The jurors will draw their own conclusions," the defence lawyer said of the new testimony.', "decline"),
        ('"It\'s up to the readers," the general said when asked whether the footage was genuine.', "decline"),
        ('"That is not for me to say," the coach said when asked whether the referee was wrong.', "decline"),
        # restating a standing position instead of answering
        (
            "A spokesman for the bank said: 'As we have said many times before, we are sharply focused on delivering "
            "our own strategy.'",
            "neither",
        ),
        ('"Our position has not changed," a spokeswoman for the defence ministry said of the truce.', "neither"),
        ('"We remain fully committed to our customers," the carmaker said when asked about the recall.', "neither"),
        # an unverifiability hedge is neither a confirmation nor a denial
        ('"At the moment this cannot be proven," the prosecutor told the newspaper.', "neither"),
        ('"It is too early to say what caused the fault," the carmaker said of the recall.', "neither"),
        ("The army spokesman said it remains to be seen whether the ceasefire will hold.", "neither"),
        ('"These images cannot be independently verified," the ministry said.', "neither"),
        # look-alikes keep their class
        ('"The charges cannot be proven because they are false," the defendant\'s lawyer said.', "deny"),
        ('"We have said many times that there are no talks with the rival bank," the spokesman said.', "deny"),
        ('"We have said many times that the merger will close in June," the spokesman said.', "assert"),
        ('"We are focused on winning the league," the striker said after the match.', "assert"),
        ('"Fans can decide for themselves whether to travel to the final," the club said.', "assert"),
        ('"We were not able to tell the families before the news broke," the airline said.', "assert"),
        ('"Investigators will draw their own conclusions from the wreckage," the airline said.', "assert"),
        # absent evidence: "no evidence that P" denies P; its look-alikes keep their class
        ("The prosecutor said there is no evidence that the defendant took the money.", "deny"),
        ('"We have seen no evidence that chemical weapons were used," the ministry said.', "deny"),
        ("The regulator said there was no indication that the merger talks had resumed.", "deny"),
        ("The health agency said there is nothing to suggest that the vaccine caused the deaths.", "deny"),
        ("The league said it had found no evidence that the pitcher bet on baseball.", "deny"),
        ("The sheriff said police found evidence that the suspect fired the shot.", "assert"),
        ("The coach said there is no doubt that the team deserved to win.", "assert"),
        ('"There is no question that the deal will close," the chief executive said.', "assert"),
        ("The fire chief said no evidence has yet emerged, but investigators believe the fire was set.", "neither"),
        ('"The drivers can see for themselves that the brakes work," the recall manager said.', "assert"),
    ],
)
def test_non_answers(text: str, stance: str) -> None:
    found = stances(text)
    assert found, text
    assert found[0][1] == stance, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        '"These claims are absolutely, unequivocally and completely false," the agent said.',
        '"The merger reports are flatly, demonstrably untrue," the bank said.',
        'The ministry said the reports of casualties were "utterly, wholly and categorically false."',
    ],
)
def test_a_series_of_intensifying_adverbs_before_a_verdict_of_falsehood_denies(text: str) -> None:
    assert first(text).stance_class == "deny"


def test_a_hedging_adverb_before_a_verdict_is_no_denial() -> None:
    assert first('"The merger reports are probably false," the analyst said.').stance_class == "assert"


@pytest.mark.parametrize(
    "text",
    [
        "The engineer said it was not yet clear if the bridge had been damaged.",
        "The prosecutor said it is still unclear whether the defendant will testify.",
        "A ministry official said it was not known what caused the blast at the depot.",
    ],
)
def test_an_open_question_is_neither_confirmation_nor_denial(text: str) -> None:
    assert first(text).stance_class == "neither"


@pytest.mark.parametrize(
    "text",
    [
        "The general warned the rebels not to attack the convoy.",
        "The union urged its members not to sign the new contracts.",
        "The analyst said a weaker currency was not the only reason for the drop in sales.",
        "The lawyer said her client was not the sole owner of the company.",
    ],
)
def test_a_negated_infinitive_or_a_not_the_only_is_no_denial(text: str) -> None:
    assert first(text).stance_class != "deny"


@pytest.mark.parametrize(
    "text",
    [
        '"Our members will not accept less than 8 percent," the union\'s negotiator said.',
        "The rebels said they would not give up their weapons until the talks began.",
        '"We won\'t tolerate any further delay to the bridge," the mayor said.',
        "The seller said it would not settle for anything below the asking price of 40 million.",
        '"The club will never allow a player to dictate terms," the chairman told reporters.',
    ],
)
def test_a_condition_set_by_a_refusal_to_yield_is_no_denial(text: str) -> None:
    """A negated verb of yielding with a modal of the future says what the speaker will not give in to: a position."""
    assert first(text).stance_class == "assert"


@pytest.mark.parametrize(
    "text",
    [
        '"We will not accept these allegations," the company said.',
        "The airline said it did not accept the findings of the inquiry.",
        "The club said the striker would not leave this summer.",
        '"The plant will not close," the chief executive said.',
    ],
)
def test_a_refusal_of_a_report_or_a_future_not_yielded_still_denies(text: str) -> None:
    assert first(text).stance_class == "deny"


def test_a_plain_negated_clause_still_denies() -> None:
    assert first("The minister said the army did not fire on the protesters.").stance_class == "deny"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("A spokesman for the club said the club would not comment on transfer speculation.", "decline"),
        ("The police force said it does not comment on individual investigations.", "decline"),
        ("The ministry said it could not immediately comment on the figures.", "decline"),
        ("Her agent said she would not elaborate on the reasons for her withdrawal.", "decline"),
        ("The carmaker said it did not discuss prices with its rivals.", "deny"),
        ("The auditor said the report does not confirm the missing payments.", "deny"),
    ],
)
def test_a_refusal_to_comment_in_reported_speech_declines(text: str, stance: str) -> None:
    """A football club, a police force, a ministry, an athlete's agent: "said it would not comment" refuses to speak
    as "declined to comment" does; a negated deed or finding after "said" is no refusal."""
    assert first(text).stance_class == stance


@pytest.mark.parametrize(
    "text",
    [
        "The club's owner referred questions to the league.",
        "The hospital referred inquiries to the health ministry.",
        "A spokesman for the airline referred all questions about the crash to investigators.",
    ],
)
def test_passing_the_question_on_is_a_decline(text: str) -> None:
    assert first(text).stance_class == "decline"


def test_referring_to_something_else_is_no_decline() -> None:
    assert classify(CueReading(lemma="refer", object_noun="case"), "the case to prosecutors") != "decline"
