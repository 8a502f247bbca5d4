"""Who said what, a third battery (issue 17, items 2 and 3): the first two batteries are passed (or kept as strict
``xfail``s) and have become training sets, so these passages were written, with what each must give, before the
pipeline was first run on any of them. Each is 1-5 sentences from its own setting, in styles the first two used
little: a regional paper, a sports match report, a court report, a science or health story, a business earnings
story, an interview's questions and answers, a social-media roundup, a digest of the foreign press in translation and
a live blog. They cover a speaker named only after a quote running over two paragraphs, relays through an outlet
("told the Guardian", "in an interview with Die Zeit", "was quoted by the daily Politika"), posts and video messages,
"according to a statement from", court filings, partial quotes inside a reported clause, withheld answers ("did not
say whether", "declined to say", "would not rule out"), a title and a name split by an apposition, plural speakers
("both clubs said", "the two sides said in a joint statement"), a pronoun that continues (or announces) a speaker, a
lawyer speaking for a client, and a live blog's time stamps before a speaker."""

from __future__ import annotations

import pytest
from passages_support import analyze_passages, speaker_name, statements
from test_attribution_battery import battery_params
from test_attribution_battery2 import Case, check_extended

from crosswire.model import Dossier

# The classes follow docs/attribution.md: a withheld answer ("did not say whether", "declined to say", "would not
# say") is `decline`; "would not rule out" settles nothing either way and refuses nothing said, so it is `neither`
# (as "neither confirm nor deny"). An outlet the speaker told or gave an interview to relays the statement (`via`
# holds the outlet's entity, as the contract's "ids of the statements or entities it was relayed through" allows); a
# platform one posts on ("on Facebook", "on X") does not. A lawyer speaks for a client, but the speaker is the lawyer.
CASES: dict[str, Case] = {
    # -- a regional paper
    "regional_council_leader_apposition": Case(
        "Ashcombe District Council will close two of its four libraries next spring.\n\n"
        "The council's leader, Margaret Hale, said the savings were needed to protect care services.\n",
        "protect care services",
        stance="assert",
        entity="Margaret Hale",
    ),
    "regional_did_not_say_whether": Case(
        "The bus operator Redline Coaches has cut its evening services in Penmore.\n\n"
        "The company did not say whether the route to the hospital would be restored.\n",
        "route to the hospital",
        stance="decline",
        entity="Redline Coaches",
    ),
    "regional_according_to_statement_from": Case(
        "The Brackley bypass will stay closed until Friday, according to a statement from Northshire Highways.\n",
        "stay closed until Friday",
        stance="assert",
        entity="Northshire Highways",
    ),
    "regional_posted_on_facebook": Case(
        "The landlord of the Red Lion in Stowey, Gareth Pugh, posted on Facebook that the pub would reopen on Friday"
        " after the flood.\n",
        "reopen on Friday",
        stance="assert",
        entity="Gareth Pugh",
    ),
    "regional_pronoun_past_another_person": Case(
        "Fire crews spent six hours at a barn blaze near Lowick on Sunday.\n\n"
        "Station manager Kerry Dunn praised Mr Tom Abbott for moving his cattle out in time. She said the fire had"
        " probably been started by a faulty heater.\n",
        "faulty heater",
        stance="assert",
        entity="Kerry Dunn",
    ),
    "regional_pronoun_before_the_name": Case(
        '"We are staying right here, car park or no car park," she said.\n\n'
        "Lina Sorensen, who has run the bakery on Mill Street for 30 years, was speaking after Kelby councillors"
        " approved the new car park.\n",
        "staying right here",
        stance="assert",
        entity="Lina Sorensen",
    ),
    "regional_partial_quote_in_clause": Case(
        'Councillor Dev Mistry said the new parking charges were "a tax on shoppers" and would drive people to'
        " out-of-town stores.\n",
        "tax on shoppers",
        stance="assert",
        entity="Dev Mistry",
    ),
    # -- a sports match report
    "sport_quote_over_two_paragraphs": Case(
        "Castleford Athletic came from two goals down to draw 2-2 with Penrith United on Saturday.\n\n"
        '"We were poor in the first half and I told the players so at the break.\n\n'
        '"But the reaction was superb, and a point here is a fair result," said Castleford manager Owen Pryce.\n',
        "poor in the first half",
        stance="assert",
        entity="Owen Pryce",
    ),
    "sport_both_clubs_said": Case(
        "Harwood Rangers and Ellis Park Wanderers have agreed a fee of 4 million pounds for the defender Jonas Lind,"
        " both clubs said on Tuesday.\n",
        "agreed a fee",
        stance="assert",
        words="clubs",
        source_type="organization",
    ),
    "sport_told_radio": Case(
        "Penrith captain Sean Doyle told BBC Radio Leeds that the referee had made the right call on the penalty.\n",
        "right call on the penalty",
        stance="assert",
        entity="Sean Doyle",
        via="BBC Radio Leeds",
    ),
    "sport_would_not_rule_out": Case(
        "Harwood manager Lee Carver would not rule out signing a new striker in January.\n",
        "signing a new striker",
        stance="neither",
        entity="Lee Carver",
    ),
    "sport_video_message": Case(
        "The tennis player Nina Varga said in a video message to her fans that she would miss the rest of the season"
        " with a knee injury.\n",
        "miss the rest of the season",
        stance="assert",
        entity="Nina Varga",
    ),
    "sport_joint_statement": Case(
        "Talks between the players' union and the Premier Hockey League broke down on Monday.\n\n"
        "The two sides said in a joint statement that they would meet again next week.\n",
        "meet again next week",
        stance="assert",
        words="two sides",
    ),
    # -- a court report
    "court_filing": Case(
        "Vantor Mining said in a court filing on Monday that the lawsuit brought by its former shareholders should be"
        " dismissed.\n",
        "should be dismissed",
        stance="assert",
        entity="Vantor Mining",
    ),
    "court_according_to_a_filing": Case(
        "The former finance director of Quillon Foods moved 2 million dollars to a personal account in 2021,"
        " according to a court filing.\n",
        "moved 2 million dollars",
        stance="assert",
        source_type="document",
        unlinked=True,
    ),
    "court_client_lawyer": Case(
        "The shipping magnate Aris Demou was charged on Thursday with evading 30 million euros in taxes.\n\n"
        "Demou's lawyer said his client had cooperated fully with the tax authorities.\n",
        "cooperated fully",
        stance="assert",
        words="lawyer",
        not_entity="Demou",
    ),
    "court_prosecutors_declined_to_say": Case(
        "Two men were charged on Friday over the theft of paintings from the Rennick Museum.\n\n"
        "Prosecutors declined to say whether more arrests were expected.\n",
        "more arrests",
        stance="decline",
        words="Prosecutors",
        source_type="organization",
    ),
    "court_partial_quote_judge": Case(
        'Judge Helen Marr said the coach driver had shown a "chilling disregard" for the lives of his passengers.\n',
        "chilling disregard",
        stance="assert",
        entity="Helen Marr",
    ),
    "court_sentencing_over_two_paragraphs": Case(
        "A builder who took 300,000 pounds from pensioners for work he never did was jailed for seven years at"
        " Selby Crown Court.\n\n"
        '"You preyed on the trust of elderly people who had welcomed you into their homes.\n\n'
        '"The harm you caused will stay with your victims for the rest of their lives," Judge Sandra Whitlow told'
        " him.\n",
        "preyed on the trust",
        stance="assert",
        entity="Sandra Whitlow",
    ),
    # -- science and health
    "health_statement_from_authority": Case(
        "The measles outbreak in Darrow has spread to a third school, according to a statement from the regional"
        " health authority.\n",
        "spread to a third school",
        stance="assert",
        words="health authority",
    ),
    "health_lead_author_apposition": Case(
        "The study's lead author, Dr Priya Raman of Kessler University, said the drug cut the risk of a second stroke"
        " by a third.\n",
        "risk of a second stroke",
        stance="assert",
        entity="Priya Raman",
    ),
    "health_drugmaker_declined_to_say": Case(
        "Regulators approved Novarin Pharma's gene therapy for a rare blood disorder on Wednesday.\n\n"
        "Novarin declined to say how much the treatment would cost.\n",
        "how much the treatment",
        stance="decline",
        entity="Novarin",
    ),
    "science_posted_on_linkedin": Case(
        "Dr Amara Obi, who led the excavation at Kesh Cave, posted on LinkedIn that the bones were at least 40,000"
        " years old.\n",
        "40,000 years old",
        stance="assert",
        entity="Amara Obi",
    ),
    "health_told_the_guardian": Case(
        "Professor Karl Ostrowski, who led the trial, told the Guardian that it had been stopped early because the"
        " benefit was so clear.\n",
        "stopped early",
        stance="assert",
        entity="Karl Ostrowski",
        via="Guardian",
    ),
    "health_trust_would_not_say": Case(
        "Linford Hospital Trust cancelled routine surgery for a week after a cyber attack.\n\n"
        "The trust would not say how many operations had been affected.\n",
        "how many operations",
        stance="decline",
        entity="Linford Hospital Trust",
    ),
    # -- a business earnings story
    "earnings_chief_executive_apposition": Case(
        "Kestrel Foods' chief executive, Anita Shah, said sales in Asia had risen 12 percent in the quarter.\n",
        "sales in Asia",
        stance="assert",
        entity="Anita Shah",
        not_entity="Kestrel",
    ),
    "earnings_cfo_declined_to_say": Case(
        "On a call with analysts, finance chief Mark Ellery of Dunlin Chemicals declined to say whether the company"
        " would raise its dividend.\n",
        "raise its dividend",
        stance="decline",
        entity="Mark Ellery",
    ),
    "earnings_chairman_would_not_rule_out": Case(
        "Torvik Group's chairman, Lars Berntsen, would not rule out selling the shipping division.\n",
        "shipping division",
        stance="neither",
        entity="Lars Berntsen",
    ),
    "earnings_statement_from_the_company": Case(
        "Profit at Halcyon Retail fell 8 percent to 140 million pounds in the first half, according to a statement"
        " from the company.\n",
        "fell 8 percent",
        stance="assert",
        entity="Halcyon Retail",
    ),
    "earnings_interview_with_bloomberg": Case(
        "In an interview with Bloomberg Television, Orrin Bank chief executive Julia Ferris said the bank would cut"
        " 2,000 jobs.\n",
        "cut 2,000 jobs",
        stance="assert",
        entity="Julia Ferris",
        via="Bloomberg",
    ),
    "earnings_two_companies": Case(
        "Merriman Steel and Kobalt Metals said their merger talks had ended without agreement.\n",
        "ended without agreement",
        stance="assert",
        words="Merriman Steel and Kobalt Metals",
        source_type="organization",
    ),
    "earnings_lawyers_for_bank": Case(
        "Savers are suing Hemsworth Bank over fees charged on dormant accounts.\n\n"
        "Lawyers for the bank said in a court filing that the fees had been set out in every contract.\n",
        "set out in every contract",
        stance="assert",
        words="Lawyers",
        not_entity="Hemsworth",
    ),
    # -- an interview's questions and answers
    "qa_factory_no": Case(
        "Vella Motors chief executive Paolo Ricci spoke to the Brenna Herald about the company's plans.\n\n"
        "Q: Will the factory in Brenna close?\n\n"
        "A: No. We have no plans to close any of our plants in Europe.\n",
        "no plans to close",
        stance="deny",
        entity="Paolo Ricci",
        questions=("factory in Brenna",),
    ),
    "qa_novelist_labels": Case(
        "The Ledger spoke to the novelist Ines Carvalho about her new book.\n\n"
        "THE LEDGER: Is the book about your mother?\n\n"
        "CARVALHO: Only partly. Much of it is invented.\n",
        "Much of it is invented",
        stance="assert",
        entity="Ines Carvalho",
        questions=("about your mother",),
    ),
    "qa_winger_declines": Case(
        "We sat down with the Dunmore Rovers winger Kofi Mensah before the derby.\n\n"
        "Q: Are you talking to other clubs about a move?\n\n"
        "A: I'm not going to talk about that today. My focus is on Saturday.\n",
        "not going to talk about that",
        stance="decline",
        entity="Kofi Mensah",
        questions=("other clubs",),
    ),
    # -- a social-media roundup
    "social_wrote_on_instagram": Case(
        'The singer Ava Lorne wrote on Instagram that she was "heartbroken" to cancel the Dublin show.\n',
        "cancel the Dublin show",
        stance="assert",
        entity="Ava Lorne",
    ),
    "social_posted_a_video_saying": Case(
        "Mayor Ben Castillo of Playa Roja posted a video on TikTok saying the beach would reopen on Saturday.\n",
        "beach would reopen",
        stance="assert",
        entity="Ben Castillo",
    ),
    "social_cafe_completely_false": Case(
        'The Bramble Cafe in Ashby wrote on Facebook that reports it had served horse meat were "completely false".\n',
        "completely",
        stance="deny",
        entity="Bramble Cafe",
    ),
    "social_video_message_apposition": Case(
        "In a video message posted on Sunday, the president of Solvaria, Marta Ilic, said the border with Kessen"
        " would stay open.\n",
        "border with Kessen",
        stance="assert",
        entity="Marta Ilic",
    ),
    "social_took_to_x": Case(
        "The Olympic champion Dara Quinn took to X to announce her retirement from swimming.\n",
        "retirement from swimming",
        stance="assert",
        entity="Dara Quinn",
    ),
    "social_post_on_its_page": Case(
        "The ferry operator Skerry Lines wrote in a post on its Facebook page that all sailings to Inchmore were"
        " cancelled.\n",
        "sailings to Inchmore",
        stance="assert",
        entity="Skerry Lines",
    ),
    # -- a digest of the foreign press, in translation
    "digest_paper_reports_citing_a_bill": Case(
        "Belgium's Le Soir reports that the government will raise the pension age to 67, citing a draft bill seen by"
        " the paper.\n",
        "pension age to 67",
        stance="assert",
        words="Le Soir",
        source_type="media",
    ),
    "digest_told_the_paper": Case(
        "Poland's Rzeczpospolita daily carries an interview with Defence Minister Piotr Nowak, who told the paper"
        " that Poland would buy 48 more helicopters this year.\n",
        "48 more helicopters",
        stance="assert",
        entity="Piotr Nowak",
        via="Rzeczpospolita",
    ),
    "digest_quoted_by_the_daily": Case(
        '"The negotiations are over for this year," Serbian Prime Minister Milos Jankovic was quoted as saying by the'
        " daily Politika.\n",
        "negotiations are over",
        stance="assert",
        entity="Milos Jankovic",
        via="Politika",
    ),
    "digest_according_to_el_pais": Case(
        "According to the Spanish newspaper El Pais, the airline Iberavia will order 30 new aircraft.\n",
        "order 30 new aircraft",
        stance="assert",
        words="El Pais",
        source_type="media",
    ),
    "digest_spokesman_declined_to_confirm": Case(
        "Japan's Asahi Shimbun reports that Tokyo will send a trade delegation to Seoul next month. A foreign"
        " ministry spokesman in Tokyo declined to confirm the report.\n",
        "report",
        stance="decline",
        words="spokesman",
    ),
    "digest_interview_with_die_zeit": Case(
        "Volker Brandt, the head of the German rail union, said in an interview with the weekly Die Zeit that strikes"
        " would continue into March.\n",
        "continue into March",
        stance="assert",
        entity="Volker Brandt",
        via="Zeit",
    ),
    # -- a live blog: the time stamps are no part of a speaker
    "liveblog_prosecutors_office": Case(
        "10:15 Police have sealed off the harbour in Kerrow after a suspicious package was found.\n\n"
        "11:40 The prosecutor's office said a man had been arrested at the scene.\n",
        "man had been arrested",
        stance="assert",
        exact_words="The prosecutor's office",
    ),
    "liveblog_harbour_master": Case(
        "13:20 The harbour in Kerrow is still closed to shipping.\n\n"
        "14:05 Harbour master Ruth Engel said ferries would resume at six o'clock.\n",
        "ferries would resume",
        stance="assert",
        entity="Ruth Engel",
    ),
    "liveblog_lawyer_told_reporters": Case(
        "15:50 The footballer Rui Castro has been found guilty of tax fraud in Porto.\n\n"
        "16:20 Castro's lawyer, Joana Pires, told reporters her client would appeal.\n",
        "would appeal",
        stance="assert",
        entity="Joana Pires",
        not_entity="Castro",
    ),
}

# Cases the pipeline does not read as written, each with why (strict: a fix turns them into failures to remove).
OPEN: dict[str, str] = {
    "regional_according_to_statement_from": "entities: the recogniser finds no name in 'Northshire Highways' (it "
    "tags 'Brackley' a person), so the statement's author, read right ('a statement from Northshire Highways'), has "
    "no entity to be linked to",
    "digest_told_the_paper": "entities: 'Rzeczpospolita' is no entity (the recogniser tags only 'Poland'), so 'the "
    "paper' Piotr Nowak told has no outlet to stand for; the statement and its speaker are read right",
    "digest_quoted_by_the_daily": "entities: 'the daily Politika' is no entity, so the statement ('was quoted as "
    "saying by', read right, with its speaker) has no outlet entity to be relayed through",
    "qa_novelist_labels": "stance: 'Much of it is invented' reads as a verdict of falsehood on 'it' (deny, as 'the "
    "story was invented' rightly does); telling a novel's invention from a report's fabrication needs what 'it' "
    "stands for, which the stance does not read; the question turn and the speaker are read right",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, {name: case.text for name, case in CASES.items()})


@pytest.mark.parametrize("name", battery_params(CASES, OPEN))
def test_battery3(dossier: Dossier, name: str) -> None:
    check_extended(dossier, name, CASES[name])
    # a time stamp ("11:40") is never a speaker's first words
    found = statements(dossier, name)
    described = [(s.speaker_text, speaker_name(dossier, s), s.stance_class, s.cue, s.content) for s in found]
    assert not [s.speaker_text for s in found if (s.speaker_text or "")[:1].isdigit()], described
