"""Who is who, a second battery: short passages of a merger, a trial, a war, a recall, sport, health, science, an
election and the weather, written with the entities a careful reader expects before the pipeline first ran on them
(see ``battery_support``; the first run's score is in docs/entities.md). Besides the constructions of the first
battery, these hold company head nouns on names the tagger does not know ("Bremer Appliances", "Tallender Bank"),
a company's distinctive word used alone ("Castellan denied"), names after a live blog's time stamp and a dateline,
places after "to", bodies of an organization ("The Board of Governors of the Westmark Reserve Bank"), and persons
whose surnames are company nouns ("Oliver Banks"). Names differ between passages so that none meet by chance.
"""

from __future__ import annotations

import pytest
from battery_support import NOT_PERSON, ORG, Case, Ent, G, P, analyse_pile, check, marked

from crosswire.model import Dossier

CASES: dict[str, Case] = {
    # -- mergers and deals: a company head noun decides the type, the distinctive word alone is the company
    "merger_bank_short_name": Case(
        "Tallender Bank agreed on Monday to buy Pellham Insurance for 3 billion euros. Tallender said the deal would "
        "create the country's largest lender.\n",
        (Ent("Tallender Bank", ORG, "Tallender Bank", same=("Tallender",)), Ent("Pellham Insurance", ORG)),
    ),
    "merger_airlines_chief": Case(
        "Corsa Airlines will merge with a smaller rival, the carrier said on Tuesday. Corsa Airlines chief executive "
        "Henrik Vos will lead the combined company.\n",
        (Ent("Corsa Airlines", ORG, "Corsa Airlines"), Ent("Henrik Vos", P, "Henrik Vos", role="chief executive")),
    ),
    "deal_sold_to_company": Case(
        "Ardent Systems sold its chip unit to Fennor Semiconductors for 900 million dollars on Wednesday.\n",
        (Ent("Ardent Systems", ORG), Ent("Fennor Semiconductors", ORG)),
    ),
    "shares_unknown_company": Case(
        "Zentrix shares jumped 20 percent on Tuesday after the software maker won a government contract.\n",
        (Ent("Zentrix", ORG),),
    ),
    # -- trials
    "trial_company_fined": Case(
        "Dransfield Chemicals was fined 2 million pounds on Friday over a leak that poisoned a river. Judge Alan "
        "Petrie said Dransfield had ignored repeated warnings.\n",
        (
            Ent("Dransfield Chemicals", ORG, "Dransfield Chemicals", same=("Dransfield",)),
            Ent("Alan Petrie|Judge Alan Petrie", P, "Alan Petrie", role="judge"),
        ),
    ),
    "trial_witness_manager": Case(
        "A former accountant at Greywater Holdings told the court on Wednesday that she had been ordered to shred "
        "invoices. Lena Kowalczyk said her manager, Paul Dekker, gave the order.\n",
        (
            Ent("Greywater Holdings", ORG),
            Ent("Lena Kowalczyk", P, "Lena Kowalczyk"),
            Ent("Paul Dekker", P, "Paul Dekker", role="manager"),
        ),
    ),
    "trial_surname_company_noun": Case(
        "Police charged Oliver Banks, 34, with fraud on Monday. Banks was released on bail.\n",
        (Ent("Oliver Banks", P, "Oliver Banks", same=("Banks",)),),
    ),
    "trial_barrister_chambers": Case(
        "Ruth Chambers, the barrister for the family, said the inquest had been a whitewash.\n",
        (Ent("Ruth Chambers", P, "Ruth Chambers", role="barrister"),),
    ),
    # -- war
    "war_general_river": Case(
        "General Viktor Sarov, commander of the northern front, said his forces had pushed back to the Dresa River. "
        "Sarov gave no figures for casualties.\n",
        (Ent("Viktor Sarov|General Viktor Sarov", P, "Viktor Sarov", role="commander", same=("Sarov",)),),
        never=(("Dresa River", NOT_PERSON),),
    ),
    "war_refugees_to_city": Case(
        "Thousands of refugees fled to Lviv overnight, the United Nations said on Saturday.\n",
        (Ent("Lviv", G), Ent("United Nations", ORG)),
    ),
    "war_red_cross_committee": Case(
        "The International Committee of the Red Cross said on Sunday that its staff had reached the besieged town "
        "of Orlan.\n",
        (Ent("International Committee of the Red Cross", ORG, "International Committee of the Red Cross"),),
    ),
    # -- recalls
    "recall_appliances_surname_word": Case(
        "Bremer Appliances is recalling 40,000 toasters after reports of fires. Bremer said customers should stop "
        "using them at once.\n",
        (Ent("Bremer Appliances", ORG, "Bremer Appliances", same=("Bremer",)),),
    ),
    "recall_motors_spokeswoman": Case(
        "Sandor Motors recalled 120,000 cars over faulty brakes, the National Highway Safety Agency said on Thursday. "
        "A Sandor Motors spokeswoman, Julia Marsden, said no crashes had been reported.\n",
        (
            Ent("Sandor Motors", ORG, "Sandor Motors"),
            Ent("National Highway Safety Agency", ORG),
            Ent("Julia Marsden", P, "Julia Marsden", role="spokeswoman"),
        ),
    ),
    "recall_pharmaceuticals_possessive": Case(
        "Vantrel Pharmaceuticals withdrew a batch of blood-pressure pills on Monday. Vantrel's head of quality, Omar "
        "Haddad, said patients should keep taking their medicine.\n",
        (
            Ent("Vantrel Pharmaceuticals", ORG, "Vantrel Pharmaceuticals", same=("Vantrel",)),
            Ent("Omar Haddad", P, "Omar Haddad", role="head of quality"),
        ),
    ),
    "recall_company_denied": Case(
        "Castellan Foods recalled its peanut butter after 30 people fell ill. Castellan denied that it had been "
        "warned about the contamination.\n",
        (Ent("Castellan Foods", ORG, "Castellan Foods", same=("Castellan",)),),
    ),
    # -- sport
    "sport_striker_two_clubs": Case(
        "Striker Tomas Ridley scored twice as Ashdown United beat Millbrook Athletic 3-1 on Saturday. Ridley has "
        "scored 14 goals this season.\n",
        (
            Ent("Tomas Ridley", P, "Tomas Ridley", role="striker", same=("Ridley",)),
            Ent("Ashdown United", ORG),
            Ent("Millbrook Athletic", ORG),
        ),
    ),
    "sport_tennis_flew_to": Case(
        "The Spanish tennis player Lucia Moreno flew to Melbourne on Monday. Moreno, 22, said her knee had healed.\n",
        (Ent("Lucia Moreno", P, "Lucia Moreno", same=("Moreno",)), Ent("Melbourne", G)),
        never=(("Spanish", "PERSON|ORG|GPE"),),
    ),
    "sport_federation_bans": Case(
        "The International Rowing Federation banned the Danish rower Kasper Holm for two years on Wednesday. The "
        "federation said Holm had missed three drug tests.\n",
        (Ent("International Rowing Federation", ORG), Ent("Kasper Holm", P, "Kasper Holm", same=("Holm",))),
        never=(("federation", "*"),),
    ),
    # -- health
    "health_trust_director": Case(
        "Northgate Hospital Trust cancelled 300 operations this week because of a strike. The trust's medical "
        "director, Sarah Okonjo, said urgent cases would still be treated.\n",
        (
            Ent("Northgate Hospital Trust", ORG),
            Ent("Sarah Okonjo", P, "Sarah Okonjo", role="medical director"),
        ),
    ),
    "health_service_country": Case(
        "Health officials in Tamale, Ghana, confirmed 40 cases of cholera on Friday. Ghana Health Service director "
        "Kwame Asante said wells had been contaminated.\n",
        (
            Ent("Tamale", G),
            Ent("Ghana", G),
            Ent("Ghana Health Service", ORG),
            Ent("Kwame Asante", P, "Kwame Asante", role="director"),
        ),
    ),
    # -- science
    "science_institute_director": Case(
        "Researchers at the Halden Institute of Technology said their battery could charge in five minutes. The "
        "institute's director, Mikael Strand, said it would be made in Sweden from 2028.\n",
        (
            Ent("Halden Institute of Technology", ORG),
            Ent("Mikael Strand", P, "Mikael Strand", role="director"),
            Ent("Sweden", G),
        ),
        never=(("institute", "*"),),
    ),
    "science_agency_acronym": Case(
        "The European Space Agency (ESA) will launch its Hera probe on Thursday. ESA engineers said the weather in "
        "Kourou was good.\n",
        (Ent("European Space Agency", ORG, "European Space Agency", same=("ESA",)), Ent("Kourou", G)),
    ),
    "science_university_professor": Case(
        "Astronomers at the University of Tarnow found water vapour on a planet 120 light years away. Professor "
        "Irena Wolska said the finding would be checked next year.\n",
        (
            Ent("University of Tarnow", ORG),
            Ent("Irena Wolska|Professor Irena Wolska", P, "Irena Wolska", role="professor"),
        ),
    ),
    # -- elections
    "election_party_leader": Case(
        "The Green Alliance won 14 seats in Sunday's election, its best result. Party leader Sofia Lindqvist said "
        "she was ready to join a coalition.\n",
        (Ent("Green Alliance", ORG), Ent("Sofia Lindqvist", P, "Sofia Lindqvist", role="leader")),
    ),
    "election_commission_of_country": Case(
        "The Electoral Commission of Kenya said turnout was 64 percent. Its chairman, Peter Mwangi, said counting "
        "would finish on Friday.\n",
        (
            Ent("Electoral Commission of Kenya|Electoral Commission", ORG),
            Ent("Peter Mwangi", P, "Peter Mwangi", role="chairman"),
        ),
    ),
    "election_flew_to_state": Case(
        "The candidate flew to Nevada on Monday, hoping to win over the state's young voters.\n",
        (Ent("Nevada", G),),
    ),
    # -- weather
    "weather_storm_to_cities": Case(
        "Storm Dara brought heavy rain to Cork and Limerick on Monday, and forecasters warned of flooding along the "
        "Shannon.\n",
        (Ent("Cork", G), Ent("Limerick", G)),
        never=(("Dara", NOT_PERSON), ("Storm Dara", NOT_PERSON), ("Shannon", NOT_PERSON)),
    ),
    "weather_heat_agency": Case(
        "Temperatures reached 46C in Cordoba on Tuesday, the national weather agency AEMET said.\n",
        (Ent("Cordoba", G), Ent("AEMET", ORG)),
    ),
    "weather_hurricane_landfall": Case(
        "Hurricane Lorna made landfall near Corpus Christi, Texas, on Wednesday, the National Hurricane Center said.\n",
        (Ent("Corpus Christi", G), Ent("Texas", G), Ent("National Hurricane Center", ORG)),
        never=(("Lorna", NOT_PERSON), ("Hurricane Lorna", NOT_PERSON)),
    ),
    # -- live blogs and datelines: a name after a time stamp or a dateline is a mention
    "live_blog_time_stamp_company": Case(
        "11:02 Trelawny Energy says its refinery in Milford Haven will stay shut until Friday.\n\n"
        "11:20 Unions at the site said 200 workers had been sent home.\n",
        (Ent("Trelawny Energy", ORG, "Trelawny Energy"), Ent("Milford Haven", G)),
    ),
    "live_blog_time_stamp_bank": Case(
        "09:30 GMT The Central Bank of Lunaria has raised its main rate by half a point.\n\n"
        "09:41 GMT The bank's governor, Ilse Maran, said inflation was still too high.\n",
        (
            Ent("Central Bank of Lunaria", ORG, "Central Bank of Lunaria"),
            Ent("Ilse Maran", P, "Ilse Maran", role="governor"),
        ),
    ),
    "dateline_city_date_agency": Case(
        "BRASILIA, June 4 (Reuters) - Brazil's environment minister, Marina Costa, said deforestation in the Amazon "
        "fell by a third last year.\n",
        (
            Ent("BRASILIA|Brasilia", G, "Brasilia"),
            Ent("Brazil", G),
            Ent("Reuters", ORG),
            Ent("Marina Costa", P, "Marina Costa", role="environment minister"),
        ),
        never=(("Amazon", NOT_PERSON),),
    ),
    # -- bodies of an organization: the board or committee "of" an organization is that organization's mention
    "part_of_board_of_governors": Case(
        "The Board of Governors of the Westmark Reserve Bank kept rates at 3 percent on Thursday. The Westmark "
        "Reserve Bank said inflation was falling.\n",
        (Ent("Westmark Reserve Bank", ORG, "Westmark Reserve Bank"),),
        never=(("Board of Governors of the Westmark Reserve Bank", "*"), ("Board of Governors", "*")),
    ),
    "part_of_audit_committee": Case(
        "The Audit Committee of Hensley Foods found that sales had been overstated for three years. Hensley Foods "
        "said its finance director had resigned.\n",
        (Ent("Hensley Foods", ORG, "Hensley Foods"),),
        never=(("Audit Committee of Hensley Foods", "*"), ("Audit Committee", "*")),
    ),
    # -- a person after "to" stays a person
    "person_after_to": Case(
        "The award was handed to Amara Nwosu at a ceremony in Accra on Saturday.\n",
        (Ent("Amara Nwosu", P, "Amara Nwosu"), Ent("Accra", G)),
    ),
}

# What the pipeline still gets wrong, each with its cause (strict: a fix makes the test fail until its mark goes).
OPEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyse_pile(CASES, tmp_path_factory)


@pytest.mark.parametrize("name", marked(CASES, OPEN))
def test_battery(dossier: Dossier, name: str) -> None:
    check(CASES, dossier, name)
