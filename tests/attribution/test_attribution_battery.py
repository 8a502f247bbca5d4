"""Who said what, on short passages written for this battery before the pipeline was run on them (issue 17):
the stance read from what is said, speakers through the document (a pronoun, a role noun, "the company", a
statement inside a quote), relays ("quoted ... as saying", "told the Financial Times", "citing", "in an interview
with", "wrote on social media") and unnamed sources, across a trial, a merger, a war, a product recall, a strike,
sport, health and climate. Each case names a fragment of what was said, and what the statement carrying it must
give: the speaker (the linked entity's name, or the speaker's words), the stance class, the source type, and the
speaker of a statement (or the entity) it was relayed through. The ninth round added speaker phrases (a relative
clause after the speaker's noun, a clause asking not to be named, "according to X, which cited Y", ", citing Y"
after the cue, a role and a name closing a quote, "a club spokesman", a wire's lead), with the speaker's exact
words, the relaying statement's source type, the cues that must not be statements and where the content stops."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from passages_support import analyze_passages, speaker_name, statements

from crosswire.model import Dossier, Statement


@dataclass(frozen=True)
class Case:
    text: str
    said: str  # a fragment of what was said (the statement's content)
    stance: str | None = None
    entity: str | None = None  # the linked speaker entity's name holds this
    words: str | None = None  # the speaker's words hold this
    source_type: str | None = None
    via: str | None = None  # a statement's speaker words or an entity's name it was relayed through
    unlinked: bool = False  # the speaker is linked to no entity
    exact_words: str | None = None  # the speaker's words are exactly these
    via_type: str | None = None  # the source type of the statement it was relayed through
    not_cues: tuple[str, ...] = ()  # no statement of the passage has one of these cues
    content_stops: str | None = None  # the statement's content ends before these words (they are not in it)


CASES: dict[str, Case] = {
    # -- the stance read from what is said
    "trial_not_true": Case(
        "Prosecutors say the defendant, Tomas Berg, wired the stolen money to Cyprus.\n\n"
        "\"That's simply not true,\" Berg's lawyer, Anna Weiss, told reporters outside the court.\n",
        "simply not true",
        stance="deny",
        entity="Anna Weiss",
    ),
    "merger_absolute_lie": Case(
        "Halvard Energy chief executive Erik Dahl spoke to analysts on Tuesday.\n\n"
        '"Reports that we will bid for Norsk Grid are an absolute lie," Dahl said.\n',
        "absolute lie",
        stance="deny",
        entity="Erik Dahl",
    ),
    "war_pure_fiction": Case(
        "The Defence Ministry of Arvania said on Sunday that claims its troops had shelled the hospital in Doran"
        ' were "pure fiction".\n',
        "pure fiction",
        stance="deny",
        words="Defence Ministry",
    ),
    "recall_no_comment": Case(
        "Brightwave Toys is recalling 40,000 plastic drones after reports of burns.\n\n"
        '"No comment," a spokesman for Brightwave Toys said when asked how many children had been hurt.\n',
        "No comment",
        stance="decline",
        words="spokesman",
    ),
    "health_ongoing_investigations": Case(
        "Three patients died after routine surgery at Northfield General Hospital last month.\n\n"
        '"We don\'t comment on ongoing investigations," a spokeswoman for the hospital said.\n',
        "ongoing investigations",
        stance="decline",
        words="spokeswoman",
    ),
    "strike_neither": Case(
        "Dockworkers at six ports have been on strike since Monday.\n\n"
        '"I can neither confirm nor deny that talks are taking place," union leader Grace Obi told reporters.\n',
        "neither confirm nor deny",
        stance="neither",
        entity="Grace Obi",
    ),
    "recall_non_answer": Case(
        "Kelvo has recalled 12,000 space heaters after a series of house fires.\n\n"
        "Asked whether the heaters had caused the fires, Kelvo spokeswoman Dana Reyes said: "
        '"We are focused on serving our customers and keeping them safe."\n',
        "focused on serving our customers",
        stance="neither",
        entity="Dana Reyes",
    ),
    "airline_priority_non_answer": Case(
        "Alder Airlines grounded four jets on Friday.\n\n"
        '"The safety of our passengers is our highest priority," the airline said when asked whether the jets had'
        " been inspected.\n",
        "highest priority",
        stance="neither",
        entity="Alder Airlines",
    ),
    "trial_rejected_allegations": Case(
        "The banker Paul Grant is accused of hiding $40 million from tax inspectors.\n\n"
        "His lawyers rejected the allegations as baseless on Monday.\n",
        "allegations",
        stance="deny",
        words="lawyers",
    ),
    "climate_dismissed_speculation": Case(
        "A report by the group Climate Watch says Petrona underreported its methane leaks.\n\n"
        "Petrona dismissed the report as speculation.\n",
        "speculation",
        stance="deny",
        entity="Petrona",
    ),
    "sport_pushed_back": Case(
        "Harbour City FC lost its fifth match in a row on Saturday.\n\n"
        "The club pushed back on reports that its manager would be sacked.\n",
        "manager would be sacked",
        stance="deny",
        entity="Harbour City",
    ),
    "health_disputed": Case(
        "A study published on Monday linked the drug Zelvix to heart problems.\n\n"
        "Its maker, Vireon Pharma, disputed the findings of the study.\n",
        "findings",
        stance="deny",
        entity="Vireon",
    ),
    "merger_confirmed": Case(
        "Kestrel Bank confirmed on Wednesday that it had held talks with Ardent Capital about a merger.\n",
        "held talks with Ardent Capital",
        stance="confirm",
        entity="Kestrel Bank",
    ),
    "recall_acknowledged": Case(
        "Torvik Motors is recalling 80,000 cars in Europe.\n\n"
        "The carmaker acknowledged that the airbags could fail in cold weather.\n",
        "airbags could fail",
        stance="confirm",
        entity="Torvik Motors",
    ),
    "trial_admitted": Case(
        "Former mayor Paul Grant appeared in court in Leeds on Tuesday.\n\nHe admitted that he had accepted the"
        " payments from the builder.\n",
        "accepted the payments",
        stance="confirm",
        entity="Paul Grant",
    ),
    "war_called_baseless": Case(
        "The rebels say the army used cluster bombs near the border.\n\n"
        'The Arvanian defence ministry called the report "completely baseless".\n',
        "completely baseless",
        stance="deny",
        words="ministry",
    ),
    "sport_nonsense": Case(
        "Rovers coach Marta Silva was asked on Friday about claims that her players had taken banned drugs.\n\n"
        'Silva said the claims were "nonsense".\n',
        "nonsense",
        stance="deny",
        entity="Marta Silva",
    ),
    "royal_categorically_untrue": Case(
        "A tabloid reported that the prince had sold his horses to a Gulf investor.\n\n"
        '"That is categorically untrue," a spokesperson for the palace said.\n',
        "categorically untrue",
        stance="deny",
        words="spokesperson",
    ),
    "strike_strongly_rejects": Case(
        "Ferrovia says the rail strike called for Monday is illegal.\n\n"
        "The drivers' union said it strongly rejected the company's claims.\n",
        "rejected the company's claims",
        stance="deny",
        words="union",
    ),
    "recall_refused_to_say": Case(
        "Torvik Motors chief executive Lars Berg refused to say whether the company would close its plant in Graz.\n",
        "close its plant",
        stance="decline",
        entity="Lars Berg",
    ),
    "climate_too_early": Case(
        '"It is too early to say whether this drought is linked to climate change," said Dr Rosa Lind, a'
        " hydrologist at the Nordic Water Institute.\n",
        "too early to say",
        stance="neither",
        entity="Rosa Lind",
    ),
    "merger_declined": Case(
        "Ardent Capital declined to comment on the talks with Kestrel Bank.\n",
        "talks with Kestrel Bank",
        stance="decline",
        entity="Ardent Capital",
    ),
    "war_personnel_decline": Case(
        "The army of Arvania replaced two of its generals on Monday.\n\n"
        'Asked about the dismissals, an army spokesman said: "We do not discuss personnel matters."\n',
        "personnel matters",
        stance="decline",
        words="spokesman",
    ),
    "ministry_no_response": Case(
        "Arvanian troops crossed the border near Kessa overnight, residents said.\n\n"
        "The Arvanian defence ministry did not respond to a request for comment.\n",
        "request for comment",
        stance="decline",
        words="ministry",
    ),
    "sport_refused_to_be_drawn": Case(
        "Rovers manager Tom Reilly refused to be drawn on reports that the club would sell its captain.\n",
        "reports that the club would sell",
        stance="decline",
        entity="Tom Reilly",
    ),
    "climate_we_reject": Case(
        "Activists accuse Petrona of hiding the true size of its methane leaks.\n\n"
        '"We reject these allegations in the strongest terms," the company said in a statement.\n',
        "We reject these allegations",
        stance="deny",
        words="company",
    ),
    "strike_would_not_comment_further": Case(
        "Ferrovia said on Monday that it was aware of the reports of a deal with the drivers but would not comment"
        " further.\n",
        "would not comment",
        stance="decline",
        entity="Ferrovia",
    ),
    "health_no_evidence": Case(
        "The World Health Organization said there was no evidence that the virus spreads through drinking water.\n",
        "no evidence",
        stance="deny",
        entity="World Health Organization",
    ),
    "trial_through_lawyer": Case(
        "The former mayor Paul Grant denied all the charges through his lawyer on Friday.\n",
        "charges",
        stance="deny",
        entity="Paul Grant",
    ),
    "merger_bloomberg_citing_people": Case(
        "Shares of Kestrel Bank rose after Bloomberg reported, citing people familiar with the matter, that Ardent"
        " Capital was preparing a bid.\n",
        "Ardent Capital was preparing a bid",
        stance="assert",
        source_type="anonymous",
        via="Bloomberg",
    ),
    "war_no_immediate_comment": Case(
        "Drones struck a fuel depot in the port city of Varna overnight, the regional governor said.\n\n"
        "There was no immediate comment from the Arvanian defence ministry.\n",
        "no immediate comment",
        stance="decline",
        words="ministry",
    ),
    "war_quoted_by_passive": Case(
        "Deputy Foreign Minister Sergei Volkov was quoted by the Interfax news agency as saying that the ceasefire"
        " talks would continue.\n",
        "ceasefire talks would continue",
        stance="assert",
        entity="Sergei Volkov",
    ),
    "war_claimed_responsibility": Case(
        "The Northern Front rebel group claimed responsibility for the attack on the airport in a statement posted"
        " on Telegram.\n",
        "responsibility for the attack",
        stance="assert",
        entity="Northern Front",
    ),
    "crash_has_denied_involvement": Case(
        "A passenger jet crashed near the border on Sunday, killing all 64 people on board.\n\n"
        "The Arvanian army has denied any involvement in the crash.\n",
        "involvement in the crash",
        stance="deny",
        words="army",
    ),
    "ceasefire_not_commented": Case(
        "Both sides accused each other of breaking the ceasefire on Tuesday.\n\n"
        "The Kessan government has not commented on the accusations.\n",
        "accusations",
        stance="decline",
        words="government",
    ),
    "ceasefire_neither_confirmed": Case(
        "Mediators say a prisoner exchange could take place this week. The Kessan government has neither confirmed"
        " nor denied the reports.\n",
        "reports",
        stance="neither",
        words="government",
    ),
    "crash_told_by_phone": Case(
        "Airport director Maria Costa told Reuters by phone that the runway had been closed since the morning.\n",
        "runway had been closed",
        stance="assert",
        entity="Maria Costa",
    ),
    "ceasefire_spokesman_told_reporters": Case(
        "President Lena Holt's spokesman, Marco Vidal, told reporters the truce was holding.\n",
        "truce was holding",
        stance="assert",
        entity="Marco Vidal",
    ),
    "crash_could_not_be_reached": Case(
        "The airline said the plane had been inspected last month.\n\n"
        "The manufacturer, Aerion, could not be reached for comment.\n",
        "for comment",
        stance="decline",
        entity="Aerion",
    ),
    "war_called_accusations_absurd": Case(
        "Kyrenia accused its neighbour of shooting down the airliner.\n\n"
        'The Arvanian foreign ministry called the accusations "absurd" and "a provocation".\n',
        "absurd",
        stance="deny",
        words="ministry",
    ),
    "ceasefire_source_close": Case(
        "The two sides have agreed on a draft of the truce, according to a source close to the negotiations.\n",
        "agreed on a draft",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "war_state_tv": Case(
        "The defence ministry said in remarks broadcast on state television that its air defences had shot down"
        " twelve drones.\n",
        "shot down twelve drones",
        stance="assert",
        words="ministry",
    ),
    "crash_rejected_responsibility": Case(
        "Investigators say a missile brought down the cargo plane near Doran.\n\n"
        "The rebel command rejected any responsibility for the crash.\n",
        "responsibility for the crash",
        stance="deny",
        words="command",
    ),
    "crash_nothing_to_do_with": Case(
        'The Northern Front said it had "nothing to do with" the downing of the airliner.\n',
        "nothing to do with",
        stance="deny",
        entity="Northern Front",
    ),
    "ceasefire_joint_statement": Case(
        "Arvania and Kessa agreed on Friday to extend the truce by 30 days, the two governments said in a joint"
        " statement.\n",
        "extend the truce",
        stance="assert",
        words="governments",
    ),
    "ceasefire_wrote_on_telegram": Case(
        "Foreign ministry spokeswoman Irina Sokol wrote on Telegram that the talks in Geneva had been constructive.\n",
        "talks in Geneva had been constructive",
        stance="assert",
        entity="Irina Sokol",
    ),
    "crash_surname_later": Case(
        "Transport Minister Pavel Orlov visited the crash site on Monday.\n\n"
        "Orlov said the flight recorders had been found and sent to Paris.\n",
        "flight recorders had been found",
        stance="assert",
        entity="Pavel Orlov",
    ),
    "recall_it_said": Case(
        "Brightwave Toys recalled 40,000 drones on Tuesday.\n\nIt said no child had been seriously hurt.\n",
        "no child had been seriously hurt",
        entity="Brightwave Toys",
    ),
    "strike_he_added": Case(
        'Union leader Grace Obi said the strike would go ahead on Monday. "We have no other choice," she added.\n',
        "no other choice",
        entity="Grace Obi",
    ),
    "trial_quote_next_paragraph": Case(
        "Defence lawyer Anna Weiss spoke to reporters outside the court in Leeds.\n\n"
        '"My client has always said he is innocent, and the jury will see that," Weiss said.\n\n'
        '"We will call six witnesses."\n',
        "six witnesses",
        stance="assert",
        entity="Anna Weiss",
    ),
    "war_accused_of_lying": Case(
        "Kessa said its forces had retaken the bridge at Doran.\n\n"
        "Arvania's army spokesman, Colonel Ivan Dorn, said the claim was a lie and that the bridge was still in"
        " Arvanian hands.\n",
        "claim was a lie",
        stance="deny",
        entity="Ivan Dorn",
    ),
    "health_mr_title": Case(
        "Mr Alan Park, the health secretary, visited the hospital on Friday. Mr Park said the new ward would open in"
        " March.\n",
        "new ward would open",
        stance="assert",
        entity="Alan Park",
    ),
    # -- speakers through the document
    "airline_spokeswoman": Case(
        "Alder Airlines cancelled 200 flights on Friday, spokeswoman Lena Fischer said.\n\n"
        "The spokeswoman said the flights would resume on Monday.\n",
        "resume on Monday",
        stance="assert",
        entity="Lena Fischer",
    ),
    "sport_coach": Case(
        "Rovers coach Marta Silva praised her players after the cup final.\n\n"
        "The coach said the team had earned the title.\n",
        "earned the title",
        stance="assert",
        entity="Marta Silva",
    ),
    "trial_prosecutor": Case(
        "Prosecutor John Mbeki opened the case against the two bankers on Monday.\n\n"
        "The prosecutor told the jury the men had hidden $40 million in offshore accounts.\n",
        "hidden $40 million",
        stance="assert",
        entity="John Mbeki",
    ),
    "spill_company": Case(
        "Norvale Chemicals was fined $2 million for the spill into the river Aire.\n\n"
        "The company said it would appeal the fine.\n",
        "appeal the fine",
        stance="assert",
        entity="Norvale Chemicals",
    ),
    "war_general_pronoun": Case(
        "General Omar Haddad said on Sunday that the rebels had withdrawn from the town of Kessa.\n\n"
        "He said the army would hold its positions on the river.\n",
        "hold its positions",
        stance="assert",
        entity="Omar Haddad",
    ),
    "strike_quote_pronoun": Case(
        "Union leader Grace Obi met the port employers on Monday.\n\n"
        '"The employers have made a fair offer and we will put it to our members," she said.\n',
        "fair offer",
        stance="assert",
        entity="Grace Obi",
    ),
    "council_quote_in_quote_outer": Case(
        '"The minister told me the bridge would reopen in May," said council leader Ruth Adeyemi.\n',
        "The minister told me",
        stance="assert",
        entity="Ruth Adeyemi",
    ),
    "council_quote_in_quote_inner": Case(
        '"The minister told me the bridge would reopen in May," said council leader Ruth Adeyemi.\n',
        "bridge would reopen in May",
        stance="assert",
        words="minister",
        via="Ruth Adeyemi",
    ),
    "health_agency": Case(
        "The European Medicines Agency opened a review of the drug Zelvix on Thursday.\n\n"
        "The agency said it would report its findings in June.\n",
        "report its findings",
        stance="assert",
        entity="European Medicines Agency",
    ),
    # -- relays
    "war_quoted_as_saying": Case(
        "The Interfax news agency quoted Deputy Foreign Minister Sergei Volkov as saying that the talks would"
        " resume in March.\n",
        "talks would resume",
        stance="assert",
        entity="Sergei Volkov",
        via="Interfax",
    ),
    "war_kcna_citing": Case(
        "State news agency KCNA reported, citing the defence ministry, that the missile had flown 1,000 km.\n",
        "missile had flown",
        stance="assert",
        words="ministry",
        via="KCNA",
    ),
    "tech_told_ft": Case(
        "Daniel Cho, the chief executive of Lumen Robotics, told the Financial Times that the company would cut 300"
        " jobs.\n",
        "cut 300 jobs",
        stance="assert",
        entity="Daniel Cho",
    ),
    "health_interview_with": Case(
        "In an interview with the BBC, Health Secretary Alan Park said hospitals would get more money next year.\n",
        "hospitals would get more money",
        stance="assert",
        entity="Alan Park",
    ),
    "sport_wrote_on_social_media": Case(
        "Rovers striker Luca Bianchi was left out of the squad on Saturday.\n\n"
        "The striker wrote on social media that he was ready to fight for his place.\n",
        "ready to fight",
        stance="assert",
        entity="Luca Bianchi",
    ),
    "climate_wrote_on_x": Case(
        "Climate scientist Helen Moss wrote on X that the heatwave had been made ten times more likely by warming.\n",
        "ten times more likely",
        stance="assert",
        entity="Helen Moss",
    ),
    "strike_statement_posted": Case(
        "The Port Workers Union called a strike at six ports on Thursday.\n\n"
        "Dockworkers will walk out on Monday, according to a statement posted on the union's website.\n",
        "walk out on Monday",
        stance="assert",
        words="statement",
    ),
    # -- unnamed sources
    "tech_person_familiar": Case(
        "Brightline is exploring a sale of its cloud unit, a person familiar with the matter said.\n",
        "sale of its cloud unit",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "war_two_officials": Case(
        "The army is preparing a new offensive in the north, two officials who spoke on condition of anonymity said.\n",
        "new offensive",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "recall_three_people": Case(
        "Regulators are investigating the crash of the Torvik van, according to three people with knowledge of"
        " the inquiry.\n",
        "investigating the crash",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "war_senior_official": Case(
        "A senior official, speaking on condition of anonymity, said the ceasefire talks had stalled.\n",
        "ceasefire talks had stalled",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    # -- speaker phrases (issue 17, round 9): a relative clause set off after the speaker's noun phrase is not part
    # of the speaker's words and no statement of its own
    "merger_which_agreed": Case(
        "Nordwind Bank, which agreed to buy Calder Trust in May, said on Thursday that the deal would close by the"
        " end of the year.\n",
        "deal would close",
        stance="assert",
        entity="Nordwind Bank",
        exact_words="Nordwind Bank",
        not_cues=("agreed",),
    ),
    "war_army_which_held": Case(
        "Fighting continued around the town of Doran on Sunday.\n\n"
        "The Arvanian army, which has held the town since March, denied that its soldiers had fired on civilians.\n",
        "fired on civilians",
        stance="deny",
        exact_words="The Arvanian army",
    ),
    "recall_which_sold": Case(
        "Torvik Motors, which sold two million cars in Europe last year, acknowledged on Monday that the brakes of"
        " its Vela model could fail in heavy rain.\n",
        "brakes of its Vela model could fail",
        stance="confirm",
        entity="Torvik Motors",
        exact_words="Torvik Motors",
    ),
    "strike_union_which_represents": Case(
        "Bus drivers in three cities will walk out next week.\n\n"
        "The Transport Workers Union, which represents 40,000 drivers, said the strike would go ahead unless the"
        " operators raised their offer.\n",
        "strike would go ahead",
        stance="assert",
        exact_words="The Transport Workers Union",
    ),
    "election_commission_which_certifies": Case(
        "The National Electoral Commission, which must certify the result by Friday, said turnout had reached 71"
        " percent.\n",
        "turnout had reached 71 percent",
        stance="assert",
        exact_words="The National Electoral Commission",
        not_cues=("certify",),
    ),
    "sport_manager_who_took_over": Case(
        "Harbour Rovers won their third match in a row on Saturday.\n\n"
        "Manager Ellen Frost, who took over in January, said the team had turned a corner.\n",
        "turned a corner",
        stance="assert",
        entity="Ellen Frost",
        exact_words="Manager Ellen Frost",
    ),
    "climate_which_campaigned": Case(
        "A court in Oslo halted work on the Nordkyst pipeline on Tuesday.\n\n"
        "Greenpeace, which has campaigned against the pipeline for a decade, said the ruling was a victory for the"
        " fjord.\n",
        "victory for the fjord",
        stance="assert",
        entity="Greenpeace",
        exact_words="Greenpeace",
        not_cues=("campaigned",),
    ),
    # -- "according to AGENCY, which cited SOURCE": the agency (media) relays the source it cited
    "war_according_to_which_cited": Case(
        "Two bridges over the river Vell were destroyed overnight, according to the Tass news agency, which cited"
        " the regional governor.\n",
        "bridges over the river Vell",
        words="governor",
        via="Tass",
        via_type="media",
    ),
    "merger_according_to_which_cited": Case(
        "Ardent Capital is preparing a bid for Kestrel Bank, according to Bloomberg, which cited people familiar"
        " with the matter.\n",
        "preparing a bid",
        source_type="anonymous",
        via="Bloomberg",
        via_type="media",
    ),
    "health_according_to_which_cited": Case(
        "The hospital in Marlow had run out of oxygen by Sunday morning, according to the BBC, which cited two"
        " doctors at the hospital.\n",
        "run out of oxygen",
        source_type="anonymous",
        via="BBC",
        via_type="media",
    ),
    "strike_according_to_which_cited": Case(
        "The walkout will cost Skyra 20 million euros a day, according to Reuters, which cited an internal memo.\n",
        "20 million euros a day",
        words="memo",
        via="Reuters",
        via_type="media",
    ),
    # -- a restrictive clause asking not to be named: the source is anonymous, its words keep the clause
    "trial_juror_who_asked": Case(
        "The jury in the fraud trial of Paul Grant was discharged on Thursday.\n\n"
        "A juror who asked not to be identified said the jury had been split for two days.\n",
        "split for two days",
        stance="assert",
        exact_words="A juror who asked not to be identified",
        source_type="anonymous",
        unlinked=True,
        not_cues=("asked", "identified"),
    ),
    "merger_banker_who_declined": Case(
        "A banker who declined to be identified said Ardent Capital had lined up financing for the bid.\n",
        "lined up financing",
        stance="assert",
        exact_words="A banker who declined to be identified",
        source_type="anonymous",
        unlinked=True,
        not_cues=("declined", "identified"),
    ),
    "war_officer_not_authorised": Case(
        "An officer who was not authorised to speak to the media said the brigade had lost 40 men near Doran.\n",
        "lost 40 men",
        stance="assert",
        exact_words="An officer who was not authorised to speak to the media",
        source_type="anonymous",
        unlinked=True,
        not_cues=("speak", "authorised"),
    ),
    "health_nurse_who_spoke_anonymously": Case(
        "Northfield General Hospital closed its children's ward on Friday.\n\n"
        "A nurse who spoke on condition of anonymity said the ward had been short of staff for months.\n",
        "short of staff",
        stance="assert",
        exact_words="A nurse who spoke on condition of anonymity",
        source_type="anonymous",
        unlinked=True,
        not_cues=("spoke",),
    ),
    "strike_driver_who_did_not_want": Case(
        "A driver who did not want to be named said most of the depot would join the walkout.\n",
        "join the walkout",
        stance="assert",
        exact_words="A driver who did not want to be named",
        source_type="anonymous",
        unlinked=True,
    ),
    "election_official_set_off_who_asked": Case(
        "A senior party official, who asked not to be named because the talks are private, said a coalition deal"
        " was close.\n",
        "coalition deal was close",
        stance="assert",
        words="official",
        source_type="anonymous",
        unlinked=True,
        not_cues=("asked", "named"),
    ),
    # -- ", citing X" after the cue: X's statement relayed through the speaker, no statement of its own
    "trial_said_citing_records": Case(
        "The defendant wired the money to Cyprus in 2019, the prosecutor said on Tuesday, citing bank records.\n",
        "wired the money",
        words="bank records",
        source_type="document",
        via="prosecutor",
    ),
    "war_said_citing_commanders": Case(
        "Twelve soldiers were killed in the attack, the Arvanian army said on Sunday, citing field commanders.\n",
        "Twelve soldiers were killed",
        words="commanders",
        via="army",
    ),
    "election_reported_citing_commission": Case(
        "Turnout reached 71 percent, state television reported on Monday, citing the electoral commission.\n",
        "Turnout reached 71 percent",
        words="commission",
        via="television",
    ),
    "recall_said_citing_reports": Case(
        "Kelvo Appliances is recalling 12,000 kettles.\n\n"
        "Three children were burned by the kettles, the regulator said, citing hospital reports.\n",
        "Three children were burned",
        words="hospital reports",
        source_type="document",
        via="regulator",
    ),
    # -- "the X's ROLE, NAME, said" closing a quote: the named person speaks, the quote's content ends at the quote
    "trial_quote_then_lawyer_named": Case(
        "Tomas Berg was found guilty of fraud on Monday.\n\n"
        '"We will appeal this verdict," the family\'s lawyer, Ruth Okafor, said.\n',
        "appeal this verdict",
        stance="assert",
        entity="Ruth Okafor",
        exact_words="the family's lawyer, Ruth Okafor",
        content_stops="the family",
    ),
    "merger_quote_then_chairman_named": Case(
        "Ardent Capital offered 4 billion euros for Kestrel Bank on Tuesday.\n\n"
        '"The offer undervalues the bank," the board\'s chairman, Henrik Sol, said on Wednesday.\n',
        "undervalues the bank",
        entity="Henrik Sol",
        exact_words="the board's chairman, Henrik Sol",
        content_stops="the board",
    ),
    "strike_quote_then_secretary_named": Case(
        "Nurses at 40 hospitals began a three-day strike on Tuesday.\n\n"
        '"Our members will not accept less than 8 percent," the union\'s general secretary, Maria Costa, said.\n',
        "less than 8 percent",
        stance="assert",
        entity="Maria Costa",
        exact_words="the union's general secretary, Maria Costa",
        content_stops="the union",
    ),
    "sport_quote_then_physio_named": Case(
        "Rovers striker Luca Bianchi limped off in the first half on Saturday.\n\n"
        '"He will be out for six weeks," the club\'s physio, Tom Reid, told reporters.\n',
        "out for six weeks",
        stance="assert",
        entity="Tom Reid",
        content_stops="the club",
    ),
    "health_quote_then_director_named": Case(
        '"The ward is safe for patients," the hospital\'s medical director, Amina Yusuf, said on Friday.\n',
        "safe for patients",
        stance="assert",
        entity="Amina Yusuf",
        exact_words="the hospital's medical director, Amina Yusuf",
        content_stops="the hospital",
    ),
    # -- "A club spokesman" in a story about one club: the organization of that kind the story names
    "sport_club_spokesman": Case(
        "Harbour Rovers sacked their manager on Sunday after a fifth defeat in a row.\n\n"
        "A club spokesman said a new manager would be named within a week.\n",
        "new manager would be named",
        stance="assert",
        entity="Harbour Rovers",
    ),
    "tech_company_spokeswoman": Case(
        "Lumen Robotics will cut 300 jobs this year.\n\n"
        "A company spokeswoman said the cuts would fall mostly on its plant in Dresden.\n",
        "cuts would fall mostly",
        stance="assert",
        entity="Lumen Robotics",
    ),
    "recall_company_spokesman_declines": Case(
        "Kelvo Appliances is recalling 12,000 kettles after reports of burns.\n\n"
        "A company spokesman declined to say how many kettles had been sold in Britain.\n",
        "how many kettles",
        stance="decline",
        entity="Kelvo",
    ),
    "health_hospital_spokeswoman": Case(
        "Northfield General Hospital closed two wards on Friday after an outbreak of norovirus.\n\n"
        "A hospital spokeswoman said the wards would reopen next week.\n",
        "wards would reopen",
        stance="assert",
        entity="Northfield General Hospital",
    ),
    "strike_union_spokesman": Case(
        "The Rail Workers Union called a 48-hour strike on Monday.\n\n"
        "A union spokesman said talks with the operator had broken down.\n",
        "talks with the operator had broken down",
        stance="assert",
        entity="Rail Workers Union",
    ),
    # -- "A spokesman for the bank": the organization the description refers to (written after the ninth round, for
    # the written rate-decision story's "A spokesman for the bank", which was left unlinked)
    "business_spokesman_for_the_bank": Case(
        "Veldt Savings Bank cut its mortgage rates on Monday for the second time this year.\n\n"
        "A spokesman for the bank said the move would help first-time buyers.\n",
        "help first-time buyers",
        stance="assert",
        entity="Veldt Savings Bank",
    ),
    "sport_spokeswoman_for_the_club": Case(
        "Harrowgate Rovers have sacked their manager after six straight defeats.\n\n"
        "A spokeswoman for the club said the search for a successor had begun.\n",
        "search for a successor",
        stance="assert",
        entity="Harrowgate Rovers",
    ),
    "health_spokesman_for_the_hospital": Case(
        "Two patients died after a power cut at Northfield General Hospital on Sunday night.\n\n"
        "A spokesman for the hospital said its backup generators had failed to start.\n",
        "backup generators",
        stance="assert",
        entity="Northfield General Hospital",
    ),
    "strike_spokesman_for_a_union_not_named": Case(
        "Bus drivers in Leeds walked out on Tuesday over pay.\n\n"
        "A spokesman for the union said the drivers would not return until a new offer was made.\n",
        "would not return",
        unlinked=True,
    ),
    # -- "X reported on Tuesday, citing Y, that ...": the parser hangs the that-clause on the cue as an adverbial
    # clause when a time phrase stands before the citation (written after the ninth round, for the rate-decision
    # story's "Harbour Financial News reported earlier on Tuesday, citing people familiar with the matter, that ...")
    "business_reported_on_day_citing_that": Case(
        "The Harbour Ledger reported earlier on Tuesday, citing people familiar with the matter, that Veldt Savings"
        " Bank would close 40 branches.\n",
        "would close 40 branches",
        stance="assert",
        source_type="anonymous",
        via="Harbour Ledger",
    ),
    "trial_reported_late_citing_jurors_that": Case(
        "The Coastal Record reported late on Friday, citing two jurors, that the jury had been split for three days.\n",
        "jury had been split",
        stance="assert",
        words="two jurors",
        via="Coastal Record",
    ),
    "war_said_on_day_citing_sources_that": Case(
        "The state news agency said on Sunday, citing military sources, that Arvanian troops had withdrawn from"
        " Doran.\n",
        "troops had withdrawn",
        stance="assert",
        words="military sources",
        via="news agency",
    ),
    "science_said_so_that_is_no_reported_clause": Case(
        "The space agency said it had delayed the launch by a week so that engineers could replace a valve.\n",
        "delayed the launch",
        stance="assert",
        words="space agency",
    ),
    # -- a wire's lead "X and Y have agreed to ..., AGENCY reported, citing ...": the agency's statement
    "merger_lead_agreed_ft_reported": Case(
        "Nordwind Bank has agreed to buy Calder Trust for 2 billion euros, the Financial Times reported on Monday,"
        " citing people familiar with the talks.\n",
        "buy Calder Trust",
        words="Financial Times",
        source_type="media",
        not_cues=("agreed",),
    ),
    "strike_lead_agreed_bbc_reported": Case(
        "The Rail Workers Union and the operator Northline have agreed to a new pay deal, the BBC reported on"
        " Tuesday, citing a union official.\n",
        "new pay deal",
        words="BBC",
        source_type="media",
        not_cues=("agreed",),
    ),
    "election_lead_agreed_broadcaster_reported": Case(
        "The Liberal Party and the Greens have agreed to form a coalition government, the national broadcaster"
        " RTV reported on Sunday, citing party sources.\n",
        "form a coalition government",
        words="RTV",
        source_type="media",
        not_cues=("agreed",),
    ),
    "sport_lead_agreed_reuters_reported": Case(
        "Harbour Rovers have agreed to sell their stadium to the city council, Reuters reported on Tuesday, citing two"
        " people with knowledge of the deal.\n",
        "sell their stadium",
        words="Reuters",
        source_type="media",
        not_cues=("agreed",),
    ),
    # -- the same lead, its cue clause read by the parser as a relative clause on the outlet's noun ("..., the
    # country's business daily Ekonomi reported"): written after the fix for the written ceasefire story, as guards
    "merger_lead_outlet_named_after_its_noun": Case(
        "Kestrel Bank will cut 2,000 jobs by next year, the country's business daily Ekonomi reported on Monday,"
        " citing two people close to the bank.\n",
        "cut 2,000 jobs",
        words="Ekonomi",
        source_type="media",
        not_cues=("cut",),
    ),
    "sport_lead_outlet_named_after_its_noun": Case(
        "Luca Bianchi has signed a new four-year contract with Harbour Rovers, Italy's sports newspaper Gazzetta"
        " reported on Friday.\n",
        "new four-year contract",
        words="Gazzetta",
        source_type="media",
        not_cues=("signed",),
    ),
    "health_lead_agency_named_after_its_noun": Case(
        "The vaccine has been approved for children over five, the government's health agency HPA said on"
        " Wednesday, citing the results of two trials.\n",
        "approved for children",
        words="HPA",
        not_cues=("approved",),
    ),
}

CITATIONS = frozenset({"citing", "cited"})

# Cases the pipeline does not read as written, each with why (strict: a fix turns them into failures to remove).
OPEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, {name: case.text for name, case in CASES.items()})


def _carrying(dossier: Dossier, name: str, said: str) -> list[Statement]:
    found = statements(dossier, name)
    return [s for s in found if said.casefold() in s.content.casefold()]


def _relays(dossier: Dossier, statement: Statement) -> list[str]:
    """The words of whatever ``statement`` was relayed through: a statement's speaker words and entity, or an entity."""
    by_id = {s.id: s for s in dossier.statements}
    names: list[str] = []
    for ident in statement.via:
        outer = by_id.get(ident)
        if outer is not None:
            names += [outer.speaker_text or "", speaker_name(dossier, outer) or ""]
        names += [e.name for e in dossier.entities if e.id == ident]
    return names


def _speaks(dossier: Dossier, case: Case, statement: Statement) -> bool:
    who = speaker_name(dossier, statement) or ""
    words = statement.speaker_text or ""
    return (
        (case.entity is None or case.entity.casefold() in who.casefold())
        and (case.words is None or case.words.casefold() in words.casefold())
        and (case.source_type is None or statement.source_type == case.source_type)
    )


def check_case(dossier: Dossier, name: str, case: Case) -> None:
    """Whether the passage written to ``name``.txt gives what ``case`` expects (shared with the second battery)."""
    found = _carrying(dossier, name, case.said)
    described = [(s.speaker_text, speaker_name(dossier, s), s.stance_class, s.cue, s.content) for s in
                 statements(dossier, name)]  # fmt: skip
    assert found, described
    # A relayed statement shares its content with the relaying one: take the one whose speaker is the case's.
    spoken = [s for s in found if _speaks(dossier, case, s)]
    statement = min(spoken or found, key=lambda s: len(s.content))
    who = speaker_name(dossier, statement)
    if case.entity is not None:
        assert who is not None and case.entity.casefold() in who.casefold(), described
    if case.words is not None:
        assert case.words.casefold() in (statement.speaker_text or "").casefold(), described
    if case.unlinked:
        assert who is None, described
    if case.source_type is not None:
        assert statement.source_type == case.source_type, (statement.source_type, described)
    if case.stance is not None:
        assert statement.stance_class == case.stance, (statement.stance_class, described)
    if case.via is not None:
        relays = _relays(dossier, statement)
        assert any(case.via.casefold() in r.casefold() for r in relays), (relays, described)
    if case.exact_words is not None:
        assert statement.speaker_text == case.exact_words, described
    if case.via_type is not None:
        outer = [s for s in dossier.statements if s.id in statement.via]
        assert outer and all(s.source_type == case.via_type for s in outer), described
    if case.content_stops is not None:
        assert case.content_stops.casefold() not in statement.content.casefold(), described
    cues = {(s.cue or "").casefold() for s in statements(dossier, name)}
    assert not cues & {cue.casefold() for cue in case.not_cues}, described
    # a citation ("..., citing police", "which cited local officials") is a relay, never a statement of its own; "X
    # cited Y as saying ..." is X's statement, through which Y's is relayed
    relaying = {ident for s in statements(dossier, name) for ident in s.via}
    cited = [s for s in statements(dossier, name) if (s.cue or "").casefold() in CITATIONS]
    assert all(s.via or s.id in relaying for s in cited), described


def battery_params(cases: Mapping[str, object], left_open: Mapping[str, str]) -> list[object]:
    """The case names to run, those ``left_open`` as strict ``xfail``s with their reasons (a fix turns them into
    failures to remove); shared with the later batteries."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=left_open[name])) if name in left_open else name
        for name in cases
    ]


@pytest.mark.parametrize("name", battery_params(CASES, OPEN))
def test_battery(dossier: Dossier, name: str) -> None:
    check_case(dossier, name, CASES[name])


def test_one_statement_per_anonymous_source(dossier: Dossier) -> None:
    """A request for anonymity ("who spoke on condition of anonymity") is no statement of its own."""
    for name in ("war_two_officials", "war_senior_official"):
        cues = [s.cue for s in statements(dossier, name)]
        assert len(cues) == 1, (name, cues)
