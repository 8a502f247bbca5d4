"""Clauses: one sentence putting forward two claims, relative clauses about a named party, report frames, and the
speaker's name for a pronoun subject -- on passages from a trial, a merger, a war and sport."""

from __future__ import annotations

import re

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.clauses import absence_frame, drop_attribution, split_clauses, strip_frame
from crosswire.claims.propositions import extract
from crosswire.claims.stage import build_claims


def _names(text: str, *names: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]


def _texts(text: str, *names: str) -> list[str]:
    return [clause.text for clause in split_clauses(text, _names(text, *names))]


def test_coordinated_clauses_with_their_own_subjects_are_two_claims() -> None:
    # Sport: a denial and an accusation in one breath.
    assert _texts("he never bet on the match and his agent Tom Reyes placed the wagers himself") == [
        "he never bet on the match",
        "his agent Tom Reyes placed the wagers himself",
    ]
    # A trial: "... and that ..." joins two things the witness said.
    assert _texts("she was at home that night and that the defendant had borrowed her car") == [
        "she was at home that night",
        "the defendant had borrowed her car",
    ]


def test_shared_subjects_and_verbs_stay_one_claim() -> None:
    # War and diplomacy: coordinated subjects, coordinated verbs.
    assert _texts("The two envoys and their aides met in Vienna and discussed a prisoner swap") == [
        "The two envoys and their aides met in Vienna and discussed a prisoner swap"
    ]
    assert _texts("the striker is not injured and will not miss the final") == [
        "the striker is not injured and will not miss the final"
    ]


def test_a_relative_clause_about_a_named_party_is_its_own_claim() -> None:
    # A merger: the target's reaction hangs on its name.
    text = "Harlow Foods is in early talks to buy Pemberton Dairies, which is weighing the offer carefully"
    assert _texts(text, "Harlow Foods", "Pemberton Dairies") == [
        "Harlow Foods is in early talks to buy Pemberton Dairies",
        "Pemberton Dairies is weighing the offer carefully",
    ]
    # A clause in the middle takes its closing comma with it.
    text = "General Ivan Petrov, who commanded the northern front, was dismissed on Friday"
    assert _texts(text, "Ivan Petrov") == [
        "General Ivan Petrov was dismissed on Friday",
        "General Ivan Petrov commanded the northern front",
    ]


def test_a_relative_clause_about_anything_but_a_name_is_left_alone() -> None:
    text = "The ceasefire took effect at dawn on Monday, which was a public holiday in the region"
    assert _texts(text, "The ceasefire") == [text]
    # A clause about two coordinated names is about both: no claim about the last one alone.
    text = (
        "The envoy will raise the cases of two reporters, the writer Anna Holm and the photographer Piotr Nowak, "
        "who have been held in Minsk since May"
    )
    assert _texts(text, "Anna Holm", "Piotr Nowak") == [text]


def test_report_frames_give_way_to_what_they_frame() -> None:
    assert strip_frame("media reports that the judge had met the defendant before the trial")[1] == (
        "the judge had met the defendant before the trial"
    )
    assert strip_frame("Yes, we confirm that the talks are taking place in Geneva today")[1] == (
        "the talks are taking place in Geneva today"
    )
    # Too short a remainder is no proposition: the frame stays.
    assert strip_frame("reports that it sank")[0] == 0


def test_a_report_frame_may_say_whose_report_it_is() -> None:
    """ "rejected reports by state media that a ceasefire had been agreed": what is rejected is the clause after
    "that", whoever made the report; a "that" opening a relative clause ("reports by the agency that were published")
    frames nothing."""
    assert strip_frame("reports by Dravonian state media that a ceasefire had been agreed")[1] == (
        "a ceasefire had been agreed"
    )
    assert strip_frame("allegations in the Sunday Times that the minister took cash for access")[1] == (
        "the minister took cash for access"
    )
    assert strip_frame("claims from the prosecution that the defendant lied under oath")[1] == (
        "the defendant lied under oath"
    )
    assert strip_frame("reports by the agency that were published on Friday morning")[0] == 0
    assert strip_frame("reports by the agency which the court ordered the paper to publish")[0] == 0


def test_a_denial_and_an_accusation_in_one_sentence_take_their_own_stances() -> None:
    """ "Reyes said he never bet on the match and his agent placed the wagers": Reyes denies that he bet and puts
    forward that his agent did."""
    people = [entity("e-reyes", "Tom Reyes"), entity("e-cole", "Dan Cole")]
    names = {"Tom Reyes": "e-reyes", "Dan Cole": "e-cole"}
    one = article(
        "b1", "Tom Reyes said he never bet on the match and his agent Dan Cole placed the wagers himself.", names=names
    )
    statements = [
        statement(
            one, 0, speaker_text="Tom Reyes", cue="said", speaker="e-reyes", stance="deny",
            content="he never bet on the match and his agent Dan Cole placed the wagers himself",
        )
    ]  # fmt: skip
    propositions, _ = extract([one], dossier([one], people, statements), {})
    by_text = {p.text: p.stance for p in propositions}
    # The pronoun is the speaker's: the claim reads with his name.
    assert by_text == {
        "Tom Reyes never bet on the match": "denies",
        "his agent Dan Cole placed the wagers himself": "confirms",
    }


def test_a_party_saying_it_is_not_doing_something_denies_the_report_that_it_is() -> None:
    """A merger: a paper reports talks; the buyer says it is not in talks. The denial names the buyer and answers the
    report, and the target's reaction in the report's relative clause is a claim of its own."""
    people = [
        entity("e-harlow", "Harlow Foods", "ORG"),
        entity("e-pem", "Pemberton Dairies", "ORG"),
        entity("e-post", "the Daily Post", "ORG"),
    ]
    names = {"Harlow Foods": "e-harlow", "Pemberton Dairies": "e-pem", "the Daily Post": "e-post"}
    one = article(
        "m1",
        "Harlow Foods is in early talks to buy Pemberton Dairies, which is weighing the offer, the Daily Post said.",
        names=names,
        outlet="Post",
    )
    two = article(
        "m2",
        "Harlow Foods said on Friday it was not in talks to buy Pemberton Dairies.",
        names=names,
        outlet="Ledger",
    )
    statements = [
        statement(
            one, 0, speaker_text="the Daily Post", cue="said", speaker="e-post", source_type="media",
            content="Harlow Foods is in early talks to buy Pemberton Dairies, which is weighing the offer",
        ),
        statement(
            two, 0, speaker_text="Harlow Foods", cue="said", speaker="e-harlow", source_type="organization",
            stance="deny", content="it was not in talks to buy Pemberton Dairies",
        ),
    ]  # fmt: skip
    result = dossier([one, two], people, statements)
    build_claims(result)
    weighing = [claim for claim in result.claims if claim.text.startswith("Pemberton Dairies is weighing")]
    assert len(weighing) == 1
    talks = next(claim for claim in result.claims if "in early talks" in claim.text)
    assert "weighing" not in talks.text
    stances = {(stance.article, stance.stance) for stance in talks.stances}
    assert ("m2", "denies") in stances
    assert talks.verdict in {"denied", "contested"}


def test_a_speaker_negating_what_it_did_denies_it_after_an_opening_adverb() -> None:
    """Sport: "Obviously I never agreed to pay the debt," the coach said -- his denial, not a negative claim he puts
    forward; a direct quote's "he" is someone else, so "He never agreed" is not about the speaker."""
    from crosswire.claims.stances import clause_stance_of
    from crosswire.model import Statement

    quote = Statement(
        id="q:s0", article="q", start=0, end=1, content="x", stance_class="deny", source_type="person", direct=True
    )
    assert clause_stance_of(quote, "denies", "Obviously I never agreed to pay the debt", False) == ("denies", None)
    assert clause_stance_of(quote, "denies", "He never agreed to pay the debt", False) == ("denies", "confirms")
    reported = quote.model_copy(update={"direct": False})
    assert clause_stance_of(reported, "denies", "he never agreed to pay the debt", False) == ("denies", None)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # a trial, a war, a merger, sport, a health scare
        ("there is no evidence that the defendant took the money", "the defendant took the money"),
        (
            "We have seen no evidence that chemical weapons were used in the town",
            "chemical weapons were used in the town",
        ),
        ("there was no indication that the merger talks had resumed", "the merger talks had resumed"),
        ("the league had found no evidence that the pitcher bet on baseball", "the pitcher bet on baseball"),
        ("there is nothing to suggest that the vaccine caused the deaths", "the vaccine caused the deaths"),
        (
            "there was no information to support the theory that the balloon carried weapons",
            "the balloon carried weapons",
        ),
        ("there is no basis for the claim that its coach had resigned", "its coach had resigned"),
        ("the audit did not find any evidence that the board knew of the losses", "the board knew of the losses"),
    ],
)
def test_absent_evidence_frames_the_clause_it_denies(text: str, denied: str) -> None:
    cut = absence_frame(text)
    assert cut is not None, text
    assert text[cut:] == denied


@pytest.mark.parametrize(
    "text",
    [
        "police found evidence that the suspect fired the shot",  # evidence found: an assertion
        "there is no doubt that the team deserved to win",  # certainty, not absence
        "no evidence has yet emerged, but investigators believe the fire was set",  # nothing embedded
        "there was no evidence of the government's involvement",  # a noun phrase, no clause to deny
        "we found any evidence that he lied to the court",  # "any" without a negated verb
        "nothing that was said changes the fact that he lied",  # a relative clause
    ],
)
def test_look_alikes_of_absent_evidence_frame_nothing(text: str) -> None:
    assert absence_frame(text) is None


def test_a_party_saying_there_is_no_evidence_denies_the_claim() -> None:
    """ "The league said there was no evidence that the pitcher bet on baseball" denies "the pitcher bet on
    baseball", and lands on the claim another article puts forward in the positive."""
    people = [entity("e-cole", "Sam Cole"), entity("e-league", "The league", "ORG")]
    names = {"Sam Cole": "e-cole", "The league": "e-league"}
    one = article("b1", "Sam Cole bet on baseball games last season, the Harbour Gazette reported.", names=names)
    two = article(
        "b2", "The league said there was no evidence that Sam Cole bet on baseball games last season.", names=names
    )
    statements = [
        statement(
            one, 0, speaker_text="the Harbour Gazette", cue="reported", source_type="media",
            content="Sam Cole bet on baseball games last season",
        ),
        statement(
            two, 0, speaker_text="The league", cue="said", speaker="e-league", source_type="organization",
            stance="deny", content="there was no evidence that Sam Cole bet on baseball games last season",
        ),
    ]  # fmt: skip
    result = dossier([one, two], people, statements)
    propositions, _ = extract([one, two], result, {})
    denial = next(p for p in propositions if p.article == "b2")
    assert (denial.text, denial.stance, denial.source) == (
        "Sam Cole bet on baseball games last season",
        "denies",
        "e-league",
    )
    build_claims(result)
    bets = [claim for claim in result.claims if "Sam Cole bet on baseball" in claim.text]
    assert bets, [claim.text for claim in result.claims]
    assert ("b2", "denies") in {(s.article, s.stance) for s in bets[0].stances}
    assert not any("no evidence" in claim.text for claim in result.claims)


def test_a_denied_clause_reads_its_pronoun_as_the_party_named_before() -> None:
    """A trial: "the defendant is a victim and there is no evidence that she signed the cheques" denies that the
    defendant signed them; with two people named before, the pronoun is left alone."""
    people = [entity("e-lane", "Ada Lane"), entity("e-court", "The court", "ORG"), entity("e-reed", "Bo Reed")]
    names = {"Ada Lane": "e-lane", "The court": "e-court", "Bo Reed": "e-reed"}
    one = article(
        "t1",
        "The court said Ada Lane was the victim of a fraud and there is no evidence that she signed the cheques.",
        names=names,
    )
    two = article(
        "t2",
        "The court said Ada Lane and Bo Reed were victims and there is no evidence that she signed the cheques.",
        names=names,
    )
    statements = [
        statement(
            item, 0, speaker_text="The court", cue="said", speaker="e-court", source_type="organization",
            stance="assert", content=item.text[len("The court said ") : -1],
        )
        for item in (one, two)
    ]  # fmt: skip
    propositions, _ = extract([one, two], dossier([one, two], people, statements), {})
    denials = {p.article: (p.text, p.stance) for p in propositions if "cheques" in p.text}
    assert denials["t1"] == ("Ada Lane signed the cheques", "denies")
    assert denials["t2"] == ("she signed the cheques", "denies")


def test_a_dateline_is_no_part_of_the_proposition() -> None:
    """Wire copy from a war, a trial and a market story: the dateline says where the copy was filed."""
    from crosswire.claims.clauses import dateline_cut

    text = "SANA, Yemen — An American journalist held by militants was killed in a rescue attempt"
    assert text[dateline_cut(text) :].startswith("An American journalist")
    text = "LONDON (AP) — Former banker Mark Ellison said he never signed the loan documents"
    assert text[dateline_cut(text) :].startswith("Former banker")
    text = "FRANKFURT, Germany -- Shares of the carmaker fell sharply on Monday morning"
    assert text[dateline_cut(text) :].startswith("Shares")
    text = "ROME, Oct. 2 — Firefighters contained the blaze near the airport after two days"
    assert text[dateline_cut(text) :].startswith("Firefighters")
    text = "NAIROBI, Kenya, June 30, 2025 — The central bank raised its main rate by half a point"
    assert text[dateline_cut(text) :].startswith("The central bank")
    assert dateline_cut("NATO said the troops would stay in the region") == 0
    assert dateline_cut("The US — and its allies — agreed to the plan") == 0


def test_a_transcript_speaker_label_is_no_part_of_the_proposition() -> None:
    """Broadcast transcripts of a court case, a match and an outbreak: the label says who reads the line."""
    from crosswire.claims.clauses import dateline_cut

    text = "REPORTER: The jury found the former mayor guilty of fraud on Friday"
    assert text[dateline_cut(text) :].startswith("The jury")
    text = "PRESENTER: The striker has been banned for six matches after the brawl"
    assert text[dateline_cut(text) :].startswith("The striker")
    text = "DR. ANNA KLEIN: We have seen forty new cases of measles this week"
    assert text[dateline_cut(text) :].startswith("We have seen")
    assert dateline_cut("US: China raised tariffs on soybeans again this week") == 0
    assert dateline_cut("The Reporter: a newspaper that closed in 2009 after a century") == 0


@pytest.mark.parametrize(
    ("text", "content", "negative", "positive"),
    [
        # Health: a bleak first sentence, then what the visitor puts forward.
        (
            '"The worst thing about the virus is that there is no known cure. Patients in the ward are recovering'
            ' well," the visitor said.',
            "The worst thing about the virus is that there is no known cure. Patients in the ward are recovering well",
            "The worst thing about the virus is that there is no known cure.",
            "Patients in the ward are recovering well",
        ),
        # War: a rhetorical negative question, then the claim.
        (
            '"Don\'t you know the hostages have been moved? They are now held across the border in the hills," the'
            " commander said.",
            "Don't you know the hostages have been moved? They are now held across the border in the hills",
            "Don't you know the hostages have been moved?",
            "They are now held across the border in the hills",
        ),
        # Business: a negative outlook, then an estimate of its own.
        (
            '"There is not a lot of new office space coming to the market. Rents will rise by a tenth next year," the'
            " broker said.",
            "There is not a lot of new office space coming to the market. Rents will rise by a tenth next year",
            "There is not a lot of new office space coming to the market.",
            "Rents will rise by a tenth next year",
        ),
    ],
)
def test_a_later_sentence_of_a_quote_that_opened_with_a_negative_is_put_forward(
    text: str, content: str, negative: str, positive: str
) -> None:
    """A quote's stance is read from its first sentence; a later sentence that only asserts is the speaker's own
    claim, not something the first sentence's negative denies."""
    people = [entity("e-speaker", "Sam Rivers")]
    one = article("q1", text, names={})
    statements = [
        statement(one, 0, speaker_text=text.rsplit(" the ", 1)[1].split()[0], cue="said", speaker="e-speaker",
                  stance="deny", content=content, direct=True)
    ]  # fmt: skip
    propositions, _ = extract([one], dossier([one], people, statements), {})
    by_text = {p.text.rstrip(".,"): p.stance for p in propositions}
    # A question the speaker asks puts nothing forward; a negative statement denies.
    assert by_text.get(negative.rstrip(".")) == (None if negative.endswith("?") else "denies"), by_text
    assert by_text.get(positive) == "confirms", by_text


def test_a_later_sentence_with_its_own_denial_still_denies() -> None:
    """A trial: the second sentence of the quote carries the denial itself ("we categorically deny ...")."""
    people = [entity("e-lawyer", "Ann Ruiz")]
    text = '"My client is a respected businessman. We categorically deny these allegations," the lawyer said.'
    content = "My client is a respected businessman. We categorically deny these allegations"
    one = article("q2", text, names={})
    statements = [
        statement(one, 0, speaker_text="lawyer", cue="said", speaker="e-lawyer", stance="deny", content=content,
                  direct=True)
    ]  # fmt: skip
    propositions, _ = extract([one], dossier([one], people, statements), {})
    denials = [p for p in propositions if "deny" in p.text]
    assert denials and all(p.stance == "denies" for p in denials), propositions


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # business: a closing attribution after a quote
        (
            "We expect to continue to hire aggressively for the remainder of 2014,” Acme said in the filing.",
            "We expect to continue to hire aggressively for the remainder of 2014",
        ),
        # real estate: a parenthetical one
        ("One result, Beeger said, could be a shortage of offices", "One result could be a shortage of offices"),
        # a crime: parenthetical, then the rest of the sentence
        (
            "Police had found another grave near the site, Murillo said, and were checking the remains.",
            "Police had found another grave near the site and were checking the remains.",
        ),
        # health: a short quote and its speaker
        ('We have medicine," she said.', "We have medicine"),
        # diplomacy: a comma and a pronoun
        ("The talks will resume in Geneva next week, he said.", "The talks will resume in Geneva next week"),
    ],
)
def test_the_attribution_a_sentence_carries_is_no_part_of_its_claim(text: str, claim: str) -> None:
    assert drop_attribution(text) == claim


@pytest.mark.parametrize(
    "text",
    [
        "Smith said the deal was done.",  # the attribution opens the sentence: the claim comes after it
        "The minister met the envoy Peter Said in Cairo.",  # a name, no attribution
        "The striker will miss the final, the club told reporters on Monday.",  # no name or pronoun
    ],
)
def test_words_that_are_no_closing_attribution_stay(text: str) -> None:
    assert drop_attribution(text) == text


def test_a_denial_told_of_frames_the_clause_denied() -> None:
    """A ministry, a footballer, a company: what a party denied is the clause after "that"; a bare denial or a
    report about a denial is no such frame."""
    from crosswire.claims.clauses import reported_denial_frame

    text = "the ministry flatly rejected claims that its troops crossed the river at night"
    assert text[reported_denial_frame(text) or 0 :] == "its troops crossed the river at night"
    text = "striker Leo Brandt has denied media reports that he asked to leave the club"
    assert text[reported_denial_frame(text) or 0 :] == "he asked to leave the club"
    assert reported_denial_frame("the company denied it") is None
    text = "the club rejected reports in the local press that its manager had resigned"
    assert text[reported_denial_frame(text) or 0 :] == "its manager had resigned"
    assert reported_denial_frame("the board rejected claims by shareholders that were filed late last year") is None
    assert reported_denial_frame("the report that he denied the charges was false") is None
