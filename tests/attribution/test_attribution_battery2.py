"""Who said what, a second battery (issue 17, items 2 and 3): the first battery is passed in full and has become a
training set, so these passages were written, with what each must give, before the pipeline was first run on any of
them. Each is 1-4 sentences from its own setting (a trial, a merger, a war, a product recall, sport, health, science,
an election, the weather, a strike, a celebrity, a central bank), in the styles of wire copy, a live blog, a press
release and a broadcast transcript. They cover the stance read from what is said rather than from the verb, speakers
through the document (a pronoun, a role noun, "the club", a name after a long quote), relays ("X quoted Y as
saying", a statement inside a quote), unnamed sources (anonymous, linked to nobody, as the contract's
``source_type`` says), an interviewer's questions in a transcript (questions, stance ``other``, never a claim), and
words that only report the reporter's own legwork ("Analysts we spoke to")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from passages_support import analyze_passages, speaker_name, statements
from test_attribution_battery import Case as BaseCase
from test_attribution_battery import battery_params, check_case

from crosswire.model import Dossier


@dataclass(frozen=True)
class Case(BaseCase):
    not_entity: str | None = None  # the linked speaker entity's name does not hold this
    questions: tuple[str, ...] = ()  # a statement carrying one of these is a question (stance ``other``), if any


# The stance classes are the ones docs/attribution.md defines: "neither confirm nor deny" is `neither` (the class the
# contract keeps for it), and "We are looking into the reports" is `neither` too (the matter is not settled yet, as
# "it is too early to say"): it refuses nothing, and it confirms or denies nothing.
CASES: dict[str, Case] = {
    # -- the stance read from what is said, the cue being a neutral "said" or "told"
    "trial_no_truth": Case(
        "Prosecutors allege that the developer Olaf Brenner bribed two planning officials in Aarvik.\n\n"
        '"There is no truth whatsoever in these allegations," Brenner\'s lawyer, Clara Moss, said after the hearing.\n',
        "no truth whatsoever",
        stance="deny",
        entity="Clara Moss",
    ),
    "merger_fabrication": Case(
        "A newspaper reported on Sunday that Ostrava Steel had agreed to sell its rail unit to Hemlock Industries.\n\n"
        '"The story is a fabrication from start to finish," Ostrava Steel said in a statement.\n',
        "fabrication",
        stance="deny",
        entity="Ostrava Steel",
    ),
    "war_never_happened": Case(
        "11:42 - Rebel commanders say government jets bombed a market in Selva overnight.\n\n"
        '11:58 - "That never happened. Our aircraft did not fly last night," air force spokesman Colonel Idris Tane'
        " told reporters.\n",
        "never happened",
        stance="deny",
        entity="Idris Tane",
    ),
    "celebrity_further_from_the_truth": Case(
        "A tabloid claims the actor Leo Marsh has quit the film Northern Light after a row with its director.\n\n"
        '"Nothing could be further from the truth," Marsh\'s publicist, Dana Whitfield, said.\n',
        "further from the truth",
        stance="deny",
        entity="Dana Whitfield",
    ),
    "election_not_true_inverted": Case(
        "The opposition says ballots were destroyed in the Vellmar district.\n\n"
        '"That\'s simply not true," said Election Commissioner Helga Brandt.\n',
        "simply not true",
        stance="deny",
        entity="Helga Brandt",
    ),
    "celebrity_false_and_defamatory": Case(
        "Reports that the actor Finn Carter was arrested in Monaco are false and defamatory, his spokesperson said on"
        " Saturday.\n",
        "false and defamatory",
        stance="deny",
        entity="Finn Carter",
    ),
    "central_bank_ongoing_investigations": Case(
        "The Central Bank of Morvia is examining currency trades made at Solvane Trust before last week's rate"
        ' decision.\n\n"We do not comment on ongoing investigations," a spokesman for the central bank said.\n',
        "ongoing investigations",
        stance="decline",
        words="spokesman",
        entity="Central Bank of Morvia",
    ),
    "sport_no_comment": Case(
        "Westbury Town's manager, Carl Hughes, was asked on Friday about reports that the club had bid for the"
        ' striker Tomas Kral.\n\n"No comment," Hughes said.\n',
        "No comment",
        stance="decline",
        entity="Carl Hughes",
    ),
    "health_inappropriate_to_comment": Case(
        "Two families are suing the Linwood Clinic over the deaths of their babies.\n\n"
        '"It would be inappropriate to comment while the case is before the courts," the clinic said.\n',
        "inappropriate to comment",
        stance="decline",
        entity="Linwood Clinic",
    ),
    "strike_not_getting_into_it": Case(
        "Nurses at four hospitals in Carrow walked out on Tuesday over pay.\n\n"
        '"I\'m not going to get into the details of the offer," Health Minister Ruth Achebe said.\n',
        "get into the details",
        stance="decline",
        entity="Ruth Achebe",
    ),
    "merger_nothing_further": Case(
        "Brightline Telecom and Arcos Media confirmed on Monday that they were in early talks about a merger.\n\n"
        '"We have nothing further to add at this stage," an Arcos spokesman said.\n',
        "nothing further to add",
        stance="decline",
        words="spokesman",
        entity="Arcos Media",
    ),
    "racing_matter_for_police": Case(
        "A man was arrested at Kelby Racecourse on Saturday after a horse was found drugged.\n\n"
        '"That is a matter for the police," the racecourse\'s chief executive, Ann Cole, said when asked about the'
        " arrest.\n",
        "matter for the police",
        stance="decline",
        entity="Ann Cole",
    ),
    "recall_neither_confirm_nor_deny": Case(
        "Pellam Motors is recalling 30,000 electric scooters after battery fires.\n\n"
        '"We can neither confirm nor deny that any riders were hurt," a Pellam spokeswoman said.\n',
        "neither confirm nor deny",
        stance="neither",
        words="spokeswoman",
        entity="Pellam",
    ),
    "science_looking_into_reports": Case(
        "Researchers outside the Halden Institute say images in its paper on a new battery material were"
        ' duplicated.\n\n"We are looking into the reports and will respond in due course," the institute said.\n',
        "looking into the reports",
        stance="neither",
        entity="Halden Institute",
    ),
    "weather_too_early": Case(
        "Storm Ilsa is moving north across the Baltic with winds of up to 140 km/h.\n\n"
        '"It is too early to say whether the storm will reach the coast," said Jana Holm, a forecaster at the'
        " National Weather Office.\n",
        "too early to say",
        stance="neither",
        entity="Jana Holm",
    ),
    "sport_i_can_confirm": Case(
        "Goalkeeper Sam Okafor has signed a new three-year contract with Dunmore Rovers.\n\n"
        '"I can confirm that I turned down offers from two clubs abroad," Okafor said.\n',
        "turned down offers",
        stance="confirm",
        entity="Sam Okafor",
    ),
    "strike_yes_that_is_correct": Case(
        'Asked whether the dockers had accepted the new pay offer, union secretary Bill Nkemelu said: "Yes, that is'
        ' correct. The strike is over."\n',
        "that is correct",
        stance="confirm",
        entity="Bill Nkemelu",
    ),
    "war_absolutely_not": Case(
        'Asked whether troops would be sent across the river, Defence Minister Oskar Lind replied: "Absolutely not."\n',
        "Absolutely not",
        stance="deny",
        entity="Oskar Lind",
    ),
    # -- rebuttals by the verb and its object, without a verb of denying
    "election_dismissed_as_fiction": Case(
        "A newspaper reported that the candidate Mirela Stan had taken money from a gambling firm.\n\n"
        "Stan dismissed the report as fiction.\n",
        "fiction",
        stance="deny",
        entity="Mirela Stan",
    ),
    "recall_rubbished_claims": Case(
        "Torvald Cars has been accused by a consumer group of hiding a fault in its brakes.\n\n"
        "The carmaker rubbished the claims on Tuesday.\n",
        "claims",
        stance="deny",
        entity="Torvald Cars",
    ),
    "health_poured_cold_water": Case(
        "The Ministry of Health poured cold water on reports that the flu vaccine would be made compulsory for"
        " teachers.\n",
        "made compulsory",
        stance="deny",
        words="Ministry of Health",
    ),
    "science_confirmed_the_discovery": Case(
        "Astronomers at the Orbis Observatory say they have found a tenth moon around Saturn.\n\n"
        "The International Astronomical Union confirmed the discovery on Friday.\n",
        "discovery",
        stance="confirm",
        entity="International Astronomical Union",
    ),
    "election_conceded": Case(
        "Mayor Lidia Varga conceded that she had lost the run-off to Adam Fekete.\n",
        "lost the run-off",
        stance="confirm",
        entity="Lidia Varga",
    ),
    # -- plain assertions, which must stay `assert`
    "central_bank_the_central_bank": Case(
        "The Reserve Bank of Halvia raised its main interest rate to 5.25 percent on Thursday.\n\n"
        "The central bank said inflation would fall back to its target next year.\n",
        "inflation would fall back",
        stance="assert",
        entity="Reserve Bank of Halvia",
    ),
    "strike_union_warned": Case(
        "The Transport Workers' Union warned that the strike would spread to the ports if talks failed.\n",
        "spread to the ports",
        stance="assert",
        entity="Transport Workers",
    ),
    "recall_press_release": Case(
        "HALDEN, Norway, May 4 - Fjordmat AS today announced a voluntary recall of its smoked salmon spread after a"
        ' supplier reported possible listeria contamination. "We are taking this step out of an abundance of'
        " caution,\" said Ingrid Sole, the company's head of quality.\n",
        "abundance of caution",
        stance="assert",
        entity="Ingrid Sole",
    ),
    # -- speakers through the document
    "health_pronoun": Case(
        "Dr Lena Vogt led the trial of the malaria vaccine in Tamale.\n\n"
        "She said the results were the best her team had seen in a decade.\n",
        "best her team had seen",
        stance="assert",
        entity="Lena Vogt",
    ),
    "airline_the_spokeswoman": Case(
        "Nadia Roux, a spokeswoman for Velora Airlines, said 40 flights had been cancelled because of the strike.\n\n"
        "The spokeswoman added that passengers would be offered refunds.\n",
        "offered refunds",
        stance="assert",
        entity="Nadia Roux",
    ),
    "strike_the_minister": Case(
        "Labour Minister Tomas Reyes met union leaders for six hours on Wednesday.\n\n"
        "The minister said a deal on pensions was close.\n",
        "deal on pensions",
        stance="assert",
        entity="Tomas Reyes",
    ),
    "sport_the_club": Case(
        "Kelsey Albion sacked its manager, Piet Mols, on Sunday after a 4-0 defeat.\n\n"
        "The club said a replacement would be named within a week.\n",
        "replacement would be named",
        stance="assert",
        entity="Kelsey Albion",
    ),
    "celebrity_the_singer": Case(
        "The singer Mara Quinn cancelled the rest of her European tour on Monday.\n\n"
        "The singer said she needed time to recover from a throat infection.\n",
        "needed time to recover",
        stance="assert",
        entity="Mara Quinn",
    ),
    "trial_the_judge": Case(
        "Judge Maria Kovac jailed the former banker Henrik Sand for six years on Thursday.\n\n"
        "The judge said he had shown no remorse for the savers he ruined.\n",
        "shown no remorse",
        stance="assert",
        entity="Maria Kovac",
    ),
    "weather_it_said": Case(
        "The National Weather Office issued a red warning for the east coast on Friday.\n\n"
        "It said gusts could reach 150 km/h overnight.\n",
        "gusts could reach",
        stance="assert",
        entity="National Weather Office",
    ),
    "science_the_agency": Case(
        "The Nordic Space Agency lost contact with its Helix probe on Tuesday.\n\n"
        "The agency said engineers were trying to restore the link.\n",
        "restore the link",
        stance="assert",
        entity="Nordic Space Agency",
    ),
    "war_live_blog_pronoun": Case(
        "09:15 - President Aida Kerimova has arrived in Dorsk.\n\n"
        "09:40 - She told troops the city would be rebuilt within a year.\n",
        "rebuilt within a year",
        stance="assert",
        entity="Aida Kerimova",
    ),
    "war_named_after_long_quote": Case(
        '"We have held the bridge for eleven days under constant fire, we have lost good men doing it, and we will'
        ' hold it for as long as it takes, whatever they throw at us next," said Major Elias Brandt, the commander'
        " of the garrison.\n",
        "held the bridge",
        stance="assert",
        entity="Elias Brandt",
    ),
    "trial_named_after_three_sentences": Case(
        "A jury in Halmstad found Corvex Pharma liable for misleading doctors about its painkiller.\n\n"
        '"The jury has spoken. We respect the verdict, though we disagree with it. We will study the judgment'
        " before deciding on an appeal,\" the company's general counsel, Irene Blake, said.\n",
        "respect the verdict",
        stance="assert",
        entity="Irene Blake",
    ),
    "sport_fumed_after_quote": Case(
        '"We were robbed in front of our own fans," fumed Dunmore Rovers manager Neil Carter after the 2-1 defeat.\n',
        "robbed",
        stance="assert",
        entity="Neil Carter",
    ),
    # -- relays: "X quoted Y as saying", a statement inside a quote
    "sport_quoted_as_saying": Case(
        "The newspaper Le Courrier quoted coach Henri Dalle as saying that the team would appeal the ban.\n",
        "appeal the ban",
        stance="assert",
        entity="Henri Dalle",
        via="Le Courrier",
    ),
    "central_bank_cited_as_saying": Case(
        "Radio Bloomfield cited Governor Ana Serra as saying that interest rates would stay high for longer.\n",
        "stay high for longer",
        stance="assert",
        entity="Ana Serra",
        via="Radio Bloomfield",
    ),
    "war_agency_quoted_an_official": Case(
        "The Orlan news agency quoted a military official as saying that the convoy had crossed the border at dawn.\n",
        "convoy had crossed",
        stance="assert",
        words="military official",
        unlinked=True,
        via="Orlan",
    ),
    "sport_told_me_inside_quote": Case(
        '"The referee told me the goal would stand," said captain Ella Ford after the match.\n',
        "goal would stand",
        stance="assert",
        words="referee",
        via="Ella Ford",
    ),
    "election_said_inside_quote": Case(
        '"The minister said the hospital would stay open, and two months later it closed," said opposition leader'
        " Karl Weiss.\n",
        "hospital would stay open",
        stance="assert",
        words="minister",
        via="Karl Weiss",
    ),
    # -- unnamed sources: anonymous and linked to nobody
    "merger_person_familiar": Case(
        "Verdant Bank is in talks to buy Harlow Savings, according to a person familiar with the matter.\n",
        "talks to buy",
        stance="assert",
        words="person familiar",
        source_type="anonymous",
        unlinked=True,
    ),
    "war_officials_on_condition_of_anonymity": Case(
        "Two officials who spoke on condition of anonymity said the rebels had withdrawn from Kessel overnight.\n",
        "withdrawn from Kessel",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
        not_cues=("spoke",),
    ),
    "sport_sources_close_to_the_player": Case(
        "Sources close to the striker Tomas Kral said he would join a club in Spain next season.\n",
        "join a club in Spain",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "election_official_not_authorised": Case(
        "The count in the capital will be repeated, a senior election official said, speaking on condition of"
        " anonymity because he was not authorised to brief the media.\n",
        "count in the capital",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
        not_cues=("speaking", "brief"),
    ),
    "central_bank_the_people_again": Case(
        "The Bank of Estmark is preparing to cut rates in June, three people with knowledge of the discussions"
        " said.\n\nThe people said the board would meet on Monday to agree the size of the cut.\n",
        "board would meet",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    "celebrity_an_insider": Case(
        "The actors Jade Rowe and Finn Carter have separated, an insider told Starlight magazine.\n",
        "have separated",
        stance="assert",
        source_type="anonymous",
        unlinked=True,
    ),
    # -- transcripts: the interviewer's questions are questions, the answers are the guest's
    "transcript_club_chairman": Case(
        "The following interview was broadcast by Bay Radio on Tuesday.\n\n"
        "INTERVIEWER: Did the club break the spending rules last season?\n\n"
        "DAVID OKORO: We followed every rule, and our accounts show it.\n",
        "followed every rule",
        stance="assert",
        entity="David Okoro",
        questions=("spending rules",),
    ),
    "transcript_minister_resign": Case(
        "This is a transcript of the minister's interview on Channel Six.\n\n"
        "REPORTER: Minister, are you going to resign over the flood defences?\n\n"
        "ANNA LOWE: I have the full confidence of the prime minister, and I will see this through.\n",
        "full confidence",
        stance="assert",
        entity="Anna Lowe",
        questions=("going to resign",),
    ),
    "transcript_governor_press_conference": Case(
        "Governor Paul Adebayo of the Bank of Tessaly took questions after the rate decision.\n\n"
        "ADEBAYO: Inflation is still too high, and we will act again if we have to.\n\n"
        "QUESTION: Will rates rise again in March?\n\n"
        "ADEBAYO: I am not going to pre-announce our decisions.\n",
        "pre-announce",
        stance="decline",
        entity="Paul Adebayo",
        questions=("rise again in March",),
    ),
    # -- the organization a description names, not the outlet or the club that came before it
    "planning_council_spokesman": Case(
        "The Harlow district council has refused planning permission for a new stand at Westbury Town's ground.\n\n"
        "A council spokesman said the stand would have blocked the light to forty homes.\n",
        "blocked the light",
        stance="assert",
        words="council spokesman",
        not_entity="Westbury",
    ),
    "gallery_denied_after_a_newspaper": Case(
        "The director of the Kelham Gallery was questioned by police about a forged painting, the Norbury Chronicle"
        " reported on Monday.\n\nThe gallery denied that its director had been questioned.\n",
        "its director had been questioned",
        stance="deny",
        entity="Kelham Gallery",
        not_entity="Chronicle",
    ),
    # -- the reporter's own legwork is no statement
    "merger_analysts_we_spoke_to": Case(
        "Analysts we spoke to expect the deal between Rivet Foods and Maple Dairy to close by June.\n\n"
        "The competition regulator said it would publish its review next month.\n",
        "publish its review",
        stance="assert",
        words="regulator",
        not_cues=("spoke",),
    ),
    "strike_commuters_we_talked_to": Case(
        "Commuters we talked to at Central Station were angry about the rail strike.\n\n"
        "The operator, Northline Rail, said 60 percent of trains would run on Thursday.\n",
        "60 percent of trains",
        stance="assert",
        entity="Northline Rail",
        not_cues=("talked",),
    ),
}

# Cases the pipeline does not read as written, each with why (strict: a fix turns them into failures to remove).
OPEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, {name: case.text for name, case in CASES.items()})


def check_extended(dossier: Dossier, name: str, case: Case) -> None:
    """``check_case``, and the speaker not linked to ``case.not_entity``, and ``case.questions`` read as questions
    (shared with the third battery)."""
    check_case(dossier, name, case)
    found = statements(dossier, name)
    described = [(s.speaker_text, speaker_name(dossier, s), s.stance_class, s.cue, s.content) for s in found]
    if case.not_entity is not None:
        linked = [speaker_name(dossier, s) or "" for s in found if case.said.casefold() in s.content.casefold()]
        assert not any(case.not_entity.casefold() in who.casefold() for who in linked), described
    for question in case.questions:
        asking = [s for s in found if question.casefold() in s.content.casefold()]
        assert all(s.stance_class == "other" for s in asking), described


@pytest.mark.parametrize("name", battery_params(CASES, OPEN))
def test_battery2(dossier: Dossier, name: str) -> None:
    check_extended(dossier, name, CASES[name])
