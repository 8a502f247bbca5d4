"""Short stories written for the sixth and seventh unseen rounds (tests/stories_written/*.jsonl, JSON Lines article
records as the contract reads them), each told by three or four differently styled outlets: wire copy with a dateline, a
broadcaster, a local paper, a press release. The expectations were written down before the pipeline ever read the
stories; each test checks one of them, layer by layer. Those the pipeline does not meet yet are marked ``xfail``
(strict, so a fix shows) with what goes wrong, so the file is the round's open list as well as its guard.

- a merger under a regulator's review (Nordhavn / Rotterlink, the European Commission),
- a ferry captain's manslaughter verdict (two outlets give two sentences),
- a ransomware attack on a hospital network (the hackers' claim relayed and denied),
- a pilots' strike ended by a deal a minister brokered (two outlets give two pay rises);

and, for the seventh round, in domains unlike both the real stories and those: a data breach at a bank (a radio
transcript, a relayed national paper), an election recount (a live blog with time stamps), a drug trial result (an
unnamed doctor, the company's denial, a broadcaster's transcript).

The eighth round wrote three more, again before any run, in domains unlike all of those: a football club takeover (a
bid given in pounds two ways, the club declining, the fan group's statement denying a relayed report), a wildfire
evacuation (a death toll revised a day later, the fire service relaying the police, homes destroyed given two ways),
and ceasefire talks in a war (a state news agency's claim denied by the other side, an unnamed diplomat telling a
broadcaster, a host that could neither confirm nor deny, a live blog with 24-hour time stamps, the first day of the
ceasefire given two ways).

The ninth round wrote three more, before any run, in domains unlike all of those: a chemical plant explosion (the
injured and the evacuated given two ways, the operator's release, a regulator declining and confirming, a union the
operator contradicts on safety warnings), a central bank's rate decision (a newspaper's leak citing people familiar,
denied and then confirmed by the bank's decision, economists' forecasts that are no facts, a live blog with 24-hour
time stamps, the board's vote given two ways) and a doping case in athletics (the athlete's denial, a unit and a
federation declining during proceedings, a lab result relayed from a newspaper, the ban given as three and four
years). After the first run one verb of the explosion story was changed ("warned" to "alerted", four times), because
the seventh round's ``_claims_with(dossier, "warned")`` reads every claim of the folder; and the test that no death
toll is given two ways was narrowed to the explosion's own contradictions, as it was meant.

The tenth round (a river flood, a stadium vote, a museum theft), the eleventh (a food recall, a mayor's corruption
arrest, a rocket that failed to reach orbit) and the twelfth (a mine collapse, a diplomat expelled, a leaked exam)
are described where their tests begin, at the end of the file. After the
eleventh round's first run the eighth round's "no time stamp is a speaker or a claim" was narrowed to the ceasefire's
own articles, as it was meant (the mayor's live blog has its own test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.model import Claim, Contradiction, Dossier, Entity, Statement

STORIES = Path(__file__).parent / "stories_written"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze([str(STORIES)], tmp_path_factory.mktemp("written-stories")).dossier


def _entity(dossier: Dossier, alias: str) -> Entity:
    found = [e for e in dossier.entities if alias in e.aliases]
    assert len(found) == 1, (alias, [(e.name, e.type) for e in found])
    return found[0]


def _said(dossier: Dossier, article: str, speaker_text: str) -> list[Statement]:
    found = [s for s in dossier.statements if s.article == article and s.speaker_text == speaker_text]
    assert found, [(s.speaker_text, s.content) for s in dossier.statements if s.article == article]
    return found


def _speaker(dossier: Dossier, statement: Statement) -> str | None:
    return next((e.name for e in dossier.entities if e.id == statement.speaker), None)


def _claims_with(dossier: Dossier, *words: str) -> list[Claim]:
    return [c for c in dossier.claims if all(word.lower() in c.text.lower() for word in words)]


def _figures(dossier: Dossier, *values: str) -> bool:
    """Whether one contradiction sets these values against each other."""
    return any({v.value for v in c.values} >= set(values) for c in dossier.contradictions)


def _figures_given(dossier: Dossier, *numbers: str) -> bool:
    """Whether one contradiction sets values giving these numbers against each other ("about 310,000 customers")."""
    return any(all(any(number in v.value for v in c.values) for number in numbers) for c in dossier.contradictions)


def _by(dossier: Dossier, article: str, name: str) -> list[Statement]:
    """The statements of an article whose speaker is the entity ``name``."""
    return [s for s in dossier.statements if s.article == article and _speaker(dossier, s) == name]


def _timex(dossier: Dossier, article: str, text: str) -> set[str | None]:
    found = next(a for a in dossier.articles if a.id == article)
    return {t.value for t in found.timexes if t.text == text}


# --- stories -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        *["merger-", "ferry-", "hack-", "strike-", "breach-", "recount-", "trial-", "takeover-", "ceasefire-"],
        "wildfire-",
    ],
)
def test_each_story_is_one_story(dossier: Dossier, prefix: str) -> None:
    stories = {a.story for a in dossier.articles if a.id.startswith(prefix)}
    assert len(stories) == 1, stories


# --- the merger under review ---------------------------------------------------------------------------------------


def test_merger_companies_are_organizations_one_each(dossier: Dossier) -> None:
    assert _entity(dossier, "Nordhavn").type == "ORG"
    rotterlink = _entity(dossier, "Rotterlink")
    assert rotterlink.type == "ORG" and "Rotterlink B.V." in rotterlink.aliases
    assert _entity(dossier, "FNV Havens").type == "ORG"


def test_merger_refusals_decline(dossier: Dossier) -> None:
    (rotterlink,) = _said(dossier, "merger-wire", "Rotterlink")
    assert rotterlink.stance_class == "decline" and _speaker(dossier, rotterlink) == "Rotterlink"
    (marchetti,) = _said(dossier, "merger-radio", "Commission spokesperson Lea Marchetti")
    assert marchetti.stance_class == "decline" and _speaker(dossier, marchetti) == "Lea Marchetti"


def test_merger_spokeswoman_denies_for_her_company(dossier: Dossier) -> None:
    (denial,) = _said(dossier, "merger-local", "A Nordhavn spokeswoman")
    assert denial.stance_class == "deny" and _speaker(dossier, denial) == "Nordhavn"


def test_merger_mayor_with_a_particle_in_his_name_speaks(dossier: Dossier) -> None:
    (mayor,) = _said(dossier, "merger-local", "Rotterdam's mayor, Jan de Vries")
    assert _speaker(dossier, mayor) == "Jan de Vries"


def test_merger_jobs_at_risk_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures(dossier, "800 jobs", "1,200 jobs")


def test_merger_relative_days_read_against_each_publication_day(dossier: Dossier) -> None:
    assert _timex(dossier, "merger-wire", "Wednesday") == {"2025-03-12"}
    assert _timex(dossier, "merger-local", "Thursday") == {"2025-03-13"}
    assert _timex(dossier, "merger-radio", "Friday") == {"2025-03-14"}
    assert _timex(dossier, "merger-radio", "last week") == {"2025-W10"}


def test_no_dateline_is_a_speaker_or_a_claim(dossier: Dossier) -> None:
    datelines = (
        "BRUSSELS",
        "COPENHAGEN",
        "MADRID",
        "PIRAEUS",
        "DUBLIN",
        "PORT ALBANY",
        "CAMBRIDGE",
        "BOSTON",
        "LONDON",
    )
    datelines += ("KINGSMERE", "LARCH CREEK", "KAMLOOPS", "GENEVA")
    assert not [s.speaker_text for s in dossier.statements if (s.speaker_text or "").startswith(datelines)]
    assert not [c.text for c in dossier.claims if c.text.startswith(datelines)]


def test_merger_official_telling_a_broadcaster_is_an_anonymous_source(dossier: Dossier) -> None:
    told = [s for s in dossier.statements if s.article == "merger-radio" and s.cue == "told"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)


def test_merger_offer_is_one_claim_the_spokeswoman_denies(dossier: Dossier) -> None:
    """The offer and "the offer was made ... last week" are one claim, which the spokeswoman's denial answers. Its
    sources are a newspaper citing unnamed people and an unnamed official, who only report: reported and denied, it is
    "denied" or "contested" (the verdict rules make it "denied"; the real stories' gold accepts both readings)."""
    (offer,) = _claims_with(dossier, "offered to sell")
    assert offer.verdict in {"contested", "denied"}
    nordhavn = _entity(dossier, "Nordhavn").id
    assert any(s.stance == "denies" and s.source == nordhavn for s in offer.stances)
    assert {"reports", "denies"} <= {s.stance for s in offer.stances}
    assert not _claims_with(dossier, "offer was made")


# --- the ferry verdict ---------------------------------------------------------------------------------------------


def test_ferry_lawyer_named_after_his_client_is_the_speaker(dossier: Dossier) -> None:
    (lawyer,) = _said(dossier, "ferry-wire", "Varelas's lawyer, Petros Kallis")
    assert _speaker(dossier, lawyer) == "Petros Kallis"


def test_ferry_courts_are_not_places_and_the_company_is_the_owner(dossier: Dossier) -> None:
    for statement in [
        *_said(dossier, "ferry-wire", "A Greek court"),
        *_said(dossier, "ferry-tv", "the court in Piraeus"),
    ]:
        assert _speaker(dossier, statement) not in {"Greek", "Piraeus"}
    (company,) = _said(dossier, "ferry-wire", "The company")
    assert _speaker(dossier, company) == "Cyclades Lines"


def test_ferry_spokesmen_and_mayor(dossier: Dossier) -> None:
    (owner,) = _said(dossier, "ferry-local", "A Cyclades Lines spokesman")
    assert owner.stance_class == "decline" and _speaker(dossier, owner) == "Cyclades Lines"
    (mayor,) = _said(dossier, "ferry-local", "The mayor of Naxos, Giorgos Lianos")
    assert _speaker(dossier, mayor) == "Giorgos Lianos"
    (coast_guard,) = _said(dossier, "ferry-tv", "The coast guard's spokesman, Commander Yannis Petrou")
    assert _speaker(dossier, coast_guard) == "Yannis Petrou"


def test_ferry_captain_denies_the_drinking_claim(dossier: Dossier) -> None:
    (drinking,) = _claims_with(dossier, "drinking before the voyage")
    denials = [s for s in drinking.stances if s.stance == "denies"]
    assert [s.source for s in denials] == [_entity(dossier, "Nikos Varelas").id]


def test_ferry_drinking_claim_is_contested(dossier: Dossier) -> None:
    (drinking,) = _claims_with(dossier, "drinking before the voyage")
    assert drinking.verdict == "contested"


def test_ferry_sentence_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures(dossier, "eight years", "ten years")


def test_ferry_verdict_day(dossier: Dossier) -> None:
    assert _timex(dossier, "ferry-wire", "Thursday") == {"2025-06-05"}
    assert _timex(dossier, "ferry-local", "Thursday") == {"2025-06-05"}


# --- the hospital hack ---------------------------------------------------------------------------------------------


def test_hack_group_behind_the_attack_is_not_its_victim(dossier: Dossier) -> None:
    (group,) = _said(dossier, "hack-local", "The group behind the attack on Riverside Health")
    assert _speaker(dossier, group) != "Riverside Health"


def test_hack_broadcaster_is_the_broadcasting_outlet(dossier: Dossier) -> None:
    (broadcaster,) = _said(dossier, "hack-local", "the broadcaster")
    assert _speaker(dossier, broadcaster) == "Valley Broadcasting"


def test_hack_premiers_spokesman_is_not_the_hospital(dossier: Dossier) -> None:
    (spokesman,) = _said(dossier, "hack-local", "The premier's spokesman")
    assert _speaker(dossier, spokesman) != "Riverside Health"


def test_hack_hospital_declines_on_the_ransom_and_the_agency_confirms(dossier: Dossier) -> None:
    (hospital,) = _said(dossier, "hack-tv", "Riverside Health")
    assert hospital.stance_class == "decline"
    (agency,) = _said(dossier, "hack-tv", "The Canadian Centre for Cyber Security")
    assert agency.stance_class == "confirm"


def test_hack_hospital_denies_that_records_were_taken(dossier: Dossier) -> None:
    hospital = _entity(dossier, "Riverside Health").id
    (records,) = _claims_with(dossier, "records")
    assert any(s.stance == "denies" and s.source == hospital for s in records.stances)


def test_hack_ransom_demand_is_not_denied_by_a_refusal_to_pay(dossier: Dossier) -> None:
    (ransom,) = _claims_with(dossier, "demanded a ransom")
    assert ransom.verdict != "denied"


def test_hack_days(dossier: Dossier) -> None:
    assert _timex(dossier, "hack-tv", "Saturday") == {"2025-09-13"}
    assert _timex(dossier, "hack-tv", "Monday") == {"2025-09-15"}
    assert _timex(dossier, "hack-release", "September 13") == {"2025-09-13"}


# --- the airline strike --------------------------------------------------------------------------------------------


def test_strike_union_ministry_and_spokesman(dossier: Dossier) -> None:
    (union,) = _said(dossier, "strike-wire", "the union")
    assert _speaker(dossier, union) == "SEPLA"
    (ministry,) = _said(dossier, "strike-paper", "The labour ministry")
    assert ministry.stance_class == "deny" and _speaker(dossier, ministry) != "Skyra"
    (spokesman,) = _said(dossier, "strike-wire", "The prime minister's spokesman")
    assert _speaker(dossier, spokesman) not in {"Skyra", "Ana Ruiz"}


def test_strike_minister_is_a_person_not_her_title(dossier: Dossier) -> None:
    assert _entity(dossier, "Ana Ruiz").type == "PERSON"
    assert not [e for e in dossier.entities if e.name == "Labour"]


def test_strike_airline_declines_and_union_leader_speaks(dossier: Dossier) -> None:
    (airline,) = _said(dossier, "strike-paper", "A Skyra spokeswoman")
    assert airline.stance_class == "decline" and _speaker(dossier, airline) == "Skyra"
    (leader,) = _said(dossier, "strike-paper", "SEPLA's general secretary, Javier Molina")
    assert _speaker(dossier, leader) == "Javier Molina"
    assert _timex(dossier, "strike-paper", "Monday") == {"2025-11-03"}


def test_strike_pay_rise_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures(dossier, "9 percent", "11 percent")


def test_strike_deal_brokered_by_the_minister_on_sunday(dossier: Dossier) -> None:
    ruiz = _entity(dossier, "Ana Ruiz").id
    deals = [e for e in dossier.events if e.type == "AGREE" and "strike-wire" in e.articles]
    assert any(ruiz in e.participants and e.date == "2025-11-02" for e in deals), [(e.summary, e.date) for e in deals]


def test_strike_deal_is_between_the_airline_and_the_union(dossier: Dossier) -> None:
    parties = {_entity(dossier, "Skyra").id, _entity(dossier, "SEPLA").id}
    deals = [e for e in dossier.events if e.type == "AGREE" and "strike-wire" in e.articles]
    assert any(parties <= set(e.participants) for e in deals)


def test_strike_state_aid_is_one_claim_the_ministry_denies(dossier: Dossier) -> None:
    """The government sources' claim and the ministry's denial "that any aid had been promised" are one claim.
    Unnamed sources only report, so reported and denied it is "denied" (or "contested", as the gold accepts)."""
    (aid,) = _claims_with(dossier, "promised")
    assert aid.verdict in {"contested", "denied"}
    assert {"reports", "denies"} <= {s.stance for s in aid.stances}


# --- round 7: a data breach at a bank ------------------------------------------------------------------------------
# Written before the pipeline read tests/stories_written/bank_breach.jsonl: wire copy, the bank's release, a radio
# transcript with speaker labels, a local paper relaying a national one; the number of customers given two ways.


def test_breach_bank_and_supplier_are_organizations(dossier: Dossier) -> None:
    assert _entity(dossier, "Kestrel Bank").type == "ORG"
    assert _entity(dossier, "Vantix Systems").type == "ORG"
    assert not [e for e in dossier.entities if e.name in {"PRESENTER", "NIAMH WALSH"}]


def test_breach_supplier_declines_twice(dossier: Dossier) -> None:
    (wire,) = _said(dossier, "breach-wire", "The software supplier, Vantix Systems")
    assert wire.stance_class == "decline" and _speaker(dossier, wire) == "Vantix Systems"
    (local,) = _by(dossier, "breach-local", "Vantix Systems")
    assert local.stance_class == "decline"


def test_breach_regulator_confirms(dossier: Dossier) -> None:
    regulator = _by(dossier, "breach-wire", "Data Protection Commission")
    assert "confirm" in {s.stance_class for s in regulator}


def test_breach_spokesman_denies_for_the_bank_and_minister_speaks(dossier: Dossier) -> None:
    (spokesman,) = _said(dossier, "breach-radio", "A Kestrel Bank spokesman")
    assert spokesman.stance_class == "deny" and _speaker(dossier, spokesman) == "Kestrel Bank"
    (minister,) = _said(dossier, "breach-radio", "The finance minister, Declan Hughes")
    assert _speaker(dossier, minister) == "Declan Hughes"


def test_breach_people_telling_the_broadcaster_are_anonymous(dossier: Dossier) -> None:
    told = [s for s in dossier.statements if s.article == "breach-radio" and s.cue == "told"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)


def test_breach_relayed_newspaper_is_media(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "breach-local" and s.cue == "according to"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_breach_warning_claim_is_denied_by_the_bank(dossier: Dossier) -> None:
    (warned,) = _claims_with(dossier, "warned")
    bank = _entity(dossier, "Kestrel Bank").id
    assert any(s.stance == "denies" and s.source == bank for s in warned.stances)
    assert warned.verdict in {"denied", "contested"}


def test_breach_customers_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "310,000", "420,000")


def test_breach_days(dossier: Dossier) -> None:
    assert _timex(dossier, "breach-wire", "Tuesday") == {"2026-02-10"}
    assert _timex(dossier, "breach-wire", "Saturday") == {"2026-02-07"}
    assert _timex(dossier, "breach-radio", "January") == {"2026-01"}
    assert _timex(dossier, "breach-local", "Wednesday") == {"2026-02-11"}


# --- round 7: an election recount ----------------------------------------------------------------------------------
# tests/stories_written/election_recount.jsonl: wire copy, a liveblog with time stamps, a broadcaster; the winning
# margin given two ways, and the challenger's allegation denied by the election board.


def test_recount_candidates_are_people(dossier: Dossier) -> None:
    assert _entity(dossier, "Ruth Okafor").type == "PERSON"
    assert _entity(dossier, "Daniel Reyes").type == "PERSON"


def test_recount_challenger_campaign_manager_and_clerk(dossier: Dossier) -> None:
    assert _by(dossier, "recount-wire", "Daniel Reyes")
    (manager,) = _said(dossier, "recount-live", "Reyes's campaign manager, Tom Ferris")
    assert _speaker(dossier, manager) == "Tom Ferris"
    clerk = _by(dossier, "recount-live", "Maria Lopez")
    assert "decline" in {s.stance_class for s in clerk}


def test_recount_county_officials_are_anonymous_and_the_blog_relayed_is_media(dossier: Dossier) -> None:
    (officials,) = _said(dossier, "recount-wire", "county officials")
    assert officials.source_type == "anonymous"
    relayed = [s for s in dossier.statements if s.article == "recount-tv" and s.cue == "according to"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_recount_mayors_office_referring_questions_declines(dossier: Dossier) -> None:
    (office,) = _said(dossier, "recount-tv", "Okafor's office")
    assert office.stance_class == "decline"


@pytest.mark.xfail(
    strict=True,
    reason="claims: the wire gives the margin in a participle after the officials' cue (', county officials said, "
    "putting her margin at 97 votes'), which is in no proposition; read as a clause of its own, with a margin as the "
    "figure of a win, it is 0.39 alike to the blog's 'has won by 112 votes', under the 0.4 a figure's own deed asks "
    "(tried in the tenth round, not kept)",
)
def test_recount_margin_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "97 votes", "112 votes")


def test_recount_rejected_ballots_claim_is_contested(dossier: Dossier) -> None:
    (rejected,) = _claims_with(dossier, "wrongly rejected")
    assert rejected.verdict == "contested"
    assert {"confirms", "denies"} <= {s.stance for s in rejected.stances}


def test_recount_no_time_stamp_is_a_claim(dossier: Dossier) -> None:
    assert not [c.text for c in dossier.claims if c.text[:1].isdigit() and "p.m." in c.text[:12]]


def test_recount_days(dossier: Dossier) -> None:
    assert _timex(dossier, "recount-wire", "Wednesday") == {"2026-05-20"}
    assert _timex(dossier, "recount-tv", "Thursday") == {"2026-05-21"}


# --- round 7: a drug trial result ----------------------------------------------------------------------------------
# tests/stories_written/drug_trial.jsonl: the company's release, wire copy, a health news site with an unnamed
# source and the company's denial, a broadcaster transcript; the effect size given two ways.


def test_trial_company_is_one_organization(dossier: Dossier) -> None:
    company = _entity(dossier, "Veridane Therapeutics")
    assert company.type == "ORG" and "Veridane" in company.aliases


def test_trial_regulator_declines_and_experts_speak(dossier: Dossier) -> None:
    (regulator,) = _said(dossier, "trial-wire", "The Food and Drug Administration")
    assert regulator.stance_class == "decline"
    assert _by(dossier, "trial-wire", "Samuel Ortiz")
    assert _by(dossier, "trial-release", "Helen Cho")
    assert _by(dossier, "trial-tv", "Alzheimer's Association")


def test_trial_chief_executive_telling_the_broadcaster_is_named(dossier: Dossier) -> None:
    (ceo,) = _said(dossier, "trial-tv", "Veridane's chief executive, Mark Ellison")
    assert _speaker(dossier, ceo) == "Mark Ellison" and ceo.source_type == "person"


def test_trial_doctor_telling_the_site_is_anonymous(dossier: Dossier) -> None:
    told = [s for s in dossier.statements if s.article == "trial-health" and s.cue == "told"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)


@pytest.mark.xfail(
    strict=True,
    reason="claims: the unnamed doctor's line on two deaths is merged by the identity model into the "
    "trial-result claim (one drug, one trial): no claim tells of the deaths, and the company's denial lands on a "
    "clause of its own (the test also reads every claim of the folder with 'died', the wildfire's among them)",
)
def test_trial_deaths_claim_is_denied_by_the_company(dossier: Dossier) -> None:
    (deaths,) = _claims_with(dossier, "died")
    company = _entity(dossier, "Veridane Therapeutics").id
    assert any(s.stance == "denies" and s.source == company for s in deaths.stances)
    assert deaths.verdict in {"denied", "contested"}


def test_trial_effect_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "31 percent", "27 percent")


def test_trial_days(dossier: Dossier) -> None:
    assert _timex(dossier, "trial-wire", "Monday") == {"2026-09-14"}
    assert _timex(dossier, "trial-health", "Monday") == {"2026-09-14"}
    assert _timex(dossier, "trial-tv", "next year") == {"2027"}


# --- round 8: a football club takeover -----------------------------------------------------------------------------
# Written before the pipeline read tests/stories_written/football_takeover.jsonl: wire copy relaying a broadcaster and
# a newspaper, the fan group's own statement, a local paper, a sports radio transcript; the bid given in pounds two
# ways (120 million pounds / £150 million), the club declining, the fan group denying it backed the bid.


def test_takeover_bidder_club_and_fan_group_are_organizations(dossier: Dossier) -> None:
    assert _entity(dossier, "Brandt Sports Group").type == "ORG"
    assert _entity(dossier, "Kingsmere Athletic").type == "ORG"
    assert _entity(dossier, "Kingsmere Supporters' Trust").type == "ORG"


def test_takeover_club_declines_twice(dossier: Dossier) -> None:
    (club,) = _said(dossier, "takeover-wire", "Kingsmere Athletic")
    assert club.stance_class == "decline" and _speaker(dossier, club) == "Kingsmere Athletic"
    (spokesman,) = _said(dossier, "takeover-local", "A club spokesman")
    assert spokesman.stance_class == "decline" and _speaker(dossier, spokesman) == "Kingsmere Athletic"


def test_takeover_people_familiar_are_anonymous_and_the_chairman_telling_a_broadcaster_is_named(
    dossier: Dossier,
) -> None:
    (people,) = _said(dossier, "takeover-wire", "two people familiar with the talks")
    assert people.source_type == "anonymous" and people.speaker is None
    (hale,) = _said(dossier, "takeover-wire", "Brandt's chairman, Marcus Hale")
    assert _speaker(dossier, hale) == "Marcus Hale" and hale.source_type == "person"
    assert _by(dossier, "takeover-radio", "Marcus Hale")


def test_takeover_relayed_newspaper_is_media_and_the_league_confirms(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "takeover-wire" and s.cue == "according to"]
    assert relayed and all(s.source_type == "media" for s in relayed)
    (league,) = _said(dossier, "takeover-wire", "The English Football League")
    assert league.stance_class == "confirm"


def test_takeover_fan_group_chair_and_manager_speak(dossier: Dossier) -> None:
    (chair,) = _said(dossier, "takeover-local", "the trust's chair, Sarah Lyle")
    assert _speaker(dossier, chair) == "Sarah Lyle"
    (manager,) = _said(dossier, "takeover-radio", "The club's manager, Joe Barrow")
    assert _speaker(dossier, manager) == "Joe Barrow"
    assert not [e for e in dossier.entities if e.name in {"PRESENTER", "REPORTER", "ANCHOR", "CORRESPONDENT"}]


def test_takeover_backing_claim_is_denied_by_the_fan_group(dossier: Dossier) -> None:
    """The newspaper's report relayed by the wire, the trust's statement and the local paper's denial are one claim."""
    (backing,) = _claims_with(dossier, "backing")
    trust = _entity(dossier, "Kingsmere Supporters' Trust").id
    assert any(s.stance == "denies" and s.source == trust for s in backing.stances)
    assert backing.verdict in {"denied", "contested"}


def test_takeover_bid_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "120 million", "150 million")


# --- round 8: a wildfire evacuation --------------------------------------------------------------------------------
# tests/stories_written/wildfire_evacuation.jsonl: wire copy (the fire service relaying the police), a local paper, a
# broadcaster's transcript, the fire service's update; the death toll revised from two to three a day later (an
# update, no contradiction), the homes destroyed given as 140 and 200 for the same Monday (a contradiction).


def test_wildfire_fire_service_relays_the_police(dossier: Dossier) -> None:
    # "..., the fire service said on Monday, citing police": the police's statement, relayed through the service's
    # (the contract's ``via`` lists what a statement was relayed through, so it is on the police's statement).
    (service,) = _said(dossier, "wildfire-wire", "the BC Wildfire Service")
    assert _speaker(dossier, service) == "BC Wildfire Service"
    relayed = [s for s in dossier.statements if s.article == "wildfire-wire" and service.id in s.via]
    assert relayed and all("police" in s.speaker_text.lower() for s in relayed)


def test_wildfire_police_and_people_speak(dossier: Dossier) -> None:
    assert _by(dossier, "wildfire-wire", "Royal Canadian Mounted Police")
    (chief,) = _said(dossier, "wildfire-tv", "Fire chief Karen Moss")
    assert _speaker(dossier, chief) == "Karen Moss"
    (mayor,) = _said(dossier, "wildfire-local", "Mayor Linda Okoye")
    assert _speaker(dossier, mayor) == "Linda Okoye"


def test_wildfire_police_spokesman_declines(dossier: Dossier) -> None:
    (spokesman,) = _said(dossier, "wildfire-tv", "An RCMP spokesman")
    assert spokesman.stance_class == "decline"


def test_wildfire_resident_is_anonymous(dossier: Dossier) -> None:
    (resident,) = _said(dossier, "wildfire-local", "A resident who asked not to be named")
    assert resident.source_type == "anonymous" and resident.speaker is None


def test_wildfire_power_line_claim_is_denied_by_the_power_company(dossier: Dossier) -> None:
    (cause,) = _claims_with(dossier, "power line")
    hydro = _entity(dossier, "Interior Hydro").id
    assert any(s.stance == "denies" and s.source == hydro for s in cause.stances)
    assert cause.verdict in {"denied", "contested"}


def test_wildfire_homes_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "140 homes", "200 homes")


def test_wildfire_revised_toll_is_no_contradiction(dossier: Dossier) -> None:
    """Two dead on Monday, three by Wednesday: the toll rose, nobody gave it two ways. (The wildfire's own
    contradictions: the tenth round's museum theft gives its paintings as two and three.)"""
    wildfire = [
        c for c in dossier.contradictions if any(a.startswith("wildfire-") for v in c.values for a in v.articles)
    ]
    assert not any({"two", "three"} <= {v.value.lower().split()[0] for v in c.values} for c in wildfire)


# --- round 8: ceasefire talks in a war -----------------------------------------------------------------------------
# tests/stories_written/ceasefire_talks.jsonl: wire copy relaying a state news agency, a radio transcript with an
# unnamed diplomat, a live blog with 24-hour time stamps relaying Reuters, a newspaper of the denying side; the
# ceasefire's first day given as Friday and as Sunday.


def test_ceasefire_state_agency_relays_and_the_other_side_denies(dossier: Dossier) -> None:
    (agency,) = [s for s in dossier.statements if s.article == "ceasefire-wire" and s.cue == "reported"]
    assert agency.source_type == "media"
    (kestria,) = _said(dossier, "ceasefire-wire", "Kestria")
    assert kestria.stance_class == "deny"
    (voss,) = _said(dossier, "ceasefire-wire", "Kestrian government spokeswoman Irina Voss")
    assert _speaker(dossier, voss) == "Irina Voss"


def test_ceasefire_host_neither_confirms_nor_denies(dossier: Dossier) -> None:
    (host,) = _said(dossier, "ceasefire-wire", "Switzerland's foreign ministry")
    assert host.stance_class == "neither"


def test_ceasefire_diplomat_and_presidency_official_are_anonymous(dossier: Dossier) -> None:
    (diplomat,) = _said(dossier, "ceasefire-radio", "A Western diplomat close to the talks")
    assert diplomat.source_type == "anonymous" and diplomat.speaker is None
    (official,) = [
        s for s in dossier.statements if s.article == "ceasefire-paper" and "presidency" in (s.speaker_text or "")
    ]
    assert official.source_type == "anonymous" and official.speaker is None
    assert _by(dossier, "ceasefire-radio", "Alexei Markov")


def test_ceasefire_live_blog_relays_reuters_and_non_answers_decline(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "ceasefire-live" and s.cue == "according to"]
    assert relayed and all(s.source_type == "media" for s in relayed)
    (ministry,) = _said(dossier, "ceasefire-live", "Dravonia's defence ministry")
    assert ministry.stance_class == "decline"
    un = [s for s in dossier.statements if s.article == "ceasefire-live" and s.speaker_text == "The United Nations"]
    assert "decline" in {s.stance_class for s in un}


def test_ceasefire_agreement_claim_is_reported_and_denied(dossier: Dossier) -> None:
    agreed = [c for c in _claims_with(dossier, "ceasefire") if "agree" in c.text.lower()]
    assert len(agreed) == 1, [c.text for c in agreed]
    kestria = _entity(dossier, "Kestria").id
    assert any(s.stance == "denies" and s.source == kestria for s in agreed[0].stances)
    assert agreed[0].verdict in {"denied", "contested"}


def test_ceasefire_start_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures(dossier, "2026-10-09", "2026-10-11")


def test_ceasefire_no_time_stamp_is_a_speaker_or_a_claim(dossier: Dossier) -> None:
    """The live blog's own (narrowed in the eleventh round to the ceasefire's articles, as it was meant: it read every
    statement of the folder, and the mayor's live blog, a story of its own, has its own test)."""
    _no_opening_read(dossier, (), ("ceasefire-",))


# --- round 8: days read against each publication day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "text", "value"),
    [
        ("takeover-wire", "Tuesday", "2026-03-17"),
        ("takeover-wire", "Monday", "2026-03-16"),
        ("takeover-local", "Tuesday", "2026-03-17"),
        ("wildfire-wire", "Monday", "2026-07-20"),
        ("wildfire-wire", "Sunday", "2026-07-19"),
        ("wildfire-local", "Friday", "2026-07-24"),
        ("wildfire-update", "Wednesday", "2026-07-22"),
        ("ceasefire-wire", "Friday", "2026-10-09"),
        ("ceasefire-radio", "Sunday", "2026-10-11"),
        ("ceasefire-paper", "yesterday", "2026-10-06"),
        ("ceasefire-paper", "Thursday", "2026-10-08"),
    ],
)
def test_round8_days(dossier: Dossier, article: str, text: str, value: str) -> None:
    assert _timex(dossier, article, text) == {value}


# --- round 9: written stories of three more domains ----------------------------------------------------------------
# Written before the pipeline read them, in domains no earlier round covers: a chemical plant explosion
# (tests/stories_written/chemical_blast.jsonl: wire copy with a dateline relaying the Financial Times, the operator's
# statement, a broadcaster's transcript with an unnamed fire official, a local paper; the injured given as 23 and 31,
# the evacuated as about 1,500 and 2,000, a union's warnings the operator denies, a regulator declining and
# confirming), a central bank's rate decision (rate_decision.jsonl: a newspaper's leak citing people familiar, the
# bank's denial in wire copy, the bank's release, a live blog with 24-hour time stamps; economists' forecasts that
# are no facts, the board's vote given as five to two and six to one) and a doping case in athletics
# (doping_case.jsonl: a newspaper's lab result, the athlete's denial in wire copy relaying it, a broadcaster's and a
# local paper's report of the ban, given as three years and four years).


def _claims_at(dossier: Dossier, article: str, phrase: str) -> list[Claim]:
    """The claims with evidence in ``article`` whose span holds ``phrase``."""
    found = next(a for a in dossier.articles if a.id == article)
    return [
        c
        for c in dossier.claims
        if any(e.article == article and phrase in found.text[e.start : e.end] for e in c.evidence)
    ]


def _one_claim_at(dossier: Dossier, *places: tuple[str, str]) -> Claim:
    """The one claim holding every ``(article, phrase)`` place (:func:`_claims_at`)."""
    claims = {c.id: c for article, phrase in places for c in _claims_at(dossier, article, phrase)}
    assert len(claims) == 1, [c.text for c in claims.values()]
    return next(iter(claims.values()))


def _stances_of(claim: Claim, source: str) -> set[str]:
    return {s.stance for s in claim.stances if s.source == source}


@pytest.mark.parametrize(
    "prefix",
    [
        "blast-",
        "rates-",
        "doping-",
    ],
)
def test_round9_each_story_is_one_story(dossier: Dossier, prefix: str) -> None:
    _one_story(dossier, prefix)


def _one_story(dossier: Dossier, prefix: str) -> None:
    stories = {a.story for a in dossier.articles if a.id.startswith(prefix)}
    assert len(stories) == 1, stories


def test_round9_no_dateline_or_time_stamp_is_a_speaker_or_a_claim(dossier: Dossier) -> None:
    _no_opening_read(
        dossier, ("ELDERFORD", "FROSTAD", "PARIS", "PRESENTER", "REPORTER"), ("blast-", "rates-", "doping-")
    )


def _no_opening_read(dossier: Dossier, openings: tuple[str, ...], prefixes: tuple[str, ...]) -> None:
    """No dateline, transcript label or time stamp of these articles is a speaker or opens a claim."""
    statements = [s for s in dossier.statements if s.article.startswith(prefixes)]
    assert not [s.speaker_text for s in statements if (s.speaker_text or "").startswith(openings)]
    assert not [s.speaker_text for s in statements if (s.speaker_text or "")[:2].isdigit()]
    claims = [c for c in dossier.claims if any(e.article.startswith(prefixes) for e in c.evidence)]
    assert not [c.text for c in claims if c.text.startswith(openings)]
    assert not [c.text for c in claims if c.text[:2].isdigit() and c.text[2:3] == ":"]


# --- round 9: a chemical plant explosion ---------------------------------------------------------------------------


def test_blast_operator_union_and_regulator_are_organizations(dossier: Dossier) -> None:
    halvex = _entity(dossier, "Halvex Chemicals")
    assert halvex.type == "ORG" and "Halvex" in halvex.aliases
    assert _entity(dossier, "Unite").type == "ORG"
    assert _entity(dossier, "Health and Safety Executive").type == "ORG"


def test_blast_people_speak(dossier: Dossier) -> None:
    assert _by(dossier, "blast-release", "Robert Ainsley")
    assert _by(dossier, "blast-local", "Dave Carver")
    assert _by(dossier, "blast-local", "Margaret Hobbs")


def test_blast_regulator_declines_on_the_cause_and_confirms_the_visit(dossier: Dossier) -> None:
    (spokeswoman,) = _said(dossier, "blast-tv", "A spokeswoman for the Health and Safety Executive")
    assert spokeswoman.stance_class == "decline" and _speaker(dossier, spokeswoman) == "Health and Safety Executive"
    (regulator,) = _said(dossier, "blast-local", "The Health and Safety Executive")
    assert regulator.stance_class == "confirm"


def test_blast_fire_official_is_anonymous_and_the_relayed_paper_is_media(dossier: Dossier) -> None:
    told = [s for s in dossier.statements if s.article == "blast-tv" and s.cue == "told"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)
    relayed = [s for s in dossier.statements if s.article == "blast-wire" and s.cue == "according to"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_blast_operator_denies_the_union_warnings(dossier: Dossier) -> None:
    """The union's claim (told by the broadcaster and the local paper), the operator's denial that it had been warned
    and its statement that it received no warning are one claim, confirmed by the union and denied by the operator."""
    warned = _one_claim_at(
        dossier, ("blast-tv", "faulty pressure valve"), ("blast-local", "denied that it had been alerted")
    )
    assert "denies" in _stances_of(warned, _entity(dossier, "Halvex Chemicals").id)
    assert warned.verdict == "contested"


@pytest.mark.xfail(
    strict=True,
    reason="claims: the statement's own line 'Three of our colleagues lost their lives' (a clause before 'and we "
    "offer ...') is read now, but only as a tentative line that joins no claim (cosine 0.30 with the wire's 'killed "
    "three workers and injured 23 people'); and a company's own release speaks in its own voice as 'reports'",
)
def test_blast_deaths_confirmed_by_police_and_operator(dossier: Dossier) -> None:
    (deaths,) = _claims_at(dossier, "blast-release", "lost their lives")
    assert "confirms" in _stances_of(deaths, _entity(dossier, "Halvex Chemicals").id)
    assert deaths.verdict == "corroborated"


def test_blast_injured_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "23 people", "31 people")


def test_blast_evacuated_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "1,500", "2,000")


def test_blast_deaths_given_one_way_are_no_contradiction(dossier: Dossier) -> None:
    blast = [c for c in dossier.contradictions if any(a.startswith("blast-") for v in c.values for a in v.articles)]
    assert not any(any("three" in v.value.lower() for v in c.values) for c in blast if c.kind == "value")


# --- round 9: a central bank's rate decision -----------------------------------------------------------------------


def test_rates_bank_is_one_organization_and_people_speak(dossier: Dossier) -> None:
    assert _entity(dossier, "Central Bank of Estavia").type == "ORG"
    assert _by(dossier, "rates-live", "Miriam Solberg")
    assert _by(dossier, "rates-live", "Anna Berg")
    (lind,) = _said(dossier, "rates-wire", "bank spokesman Tomas Lind")
    assert _speaker(dossier, lind) == "Tomas Lind"


def test_rates_leak_is_anonymous_and_the_bank_declines_then_denies(dossier: Dossier) -> None:
    (people,) = _said(dossier, "rates-paper", "people familiar with the matter")
    assert people.source_type == "anonymous" and people.speaker is None
    (declined,) = _said(dossier, "rates-paper", "A spokesman for the bank")
    assert declined.stance_class == "decline" and _speaker(dossier, declined) == "Central Bank of Estavia"
    (denied,) = _said(dossier, "rates-wire", "The Central Bank of Estavia")
    assert denied.stance_class == "deny"


def test_rates_wire_relays_the_newspaper(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "rates-wire" and s.cue == "reported"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_rates_leak_denied_then_confirmed_by_the_decision(dossier: Dossier) -> None:
    """The leak (the paper's people familiar), the bank's Tuesday denial and its Thursday decision are one claim: the
    bank denies, then confirms it (a stance contradiction of one party), and the claim is not "denied": the party
    that denied it did what was reported."""
    rise = _one_claim_at(dossier, ("rates-paper", "half a percentage point"), ("rates-release", "0.5 percentage"))
    bank = _entity(dossier, "Central Bank of Estavia").id
    assert {"denies", "confirms"} <= _stances_of(rise, bank)
    assert rise.verdict != "denied"
    assert any(c.kind == "stance" and c.about == rise.id for c in dossier.contradictions)


def test_rates_forecasts_are_no_contradiction_of_the_decision(dossier: Dossier) -> None:
    """Economists' quarter point (4.0 percent) and an economist's 4.5 percent by the summer are forecasts: they do not
    give the decided rate another way."""
    assert not _figures_given(dossier, "4.25 percent", "4.0 percent")
    assert not _figures_given(dossier, "4.25 percent", "4.5 percent")


def test_rates_vote_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "five votes", "six votes")


# --- round 9: a doping case in athletics ---------------------------------------------------------------------------


def test_doping_athlete_and_unit(dossier: Dossier) -> None:
    assert _entity(dossier, "Ana Moreau").type == "PERSON"
    assert _entity(dossier, "Athletics Integrity Unit").type == "ORG"


def test_doping_athlete_denies(dossier: Dossier) -> None:
    moreau = _by(dossier, "doping-wire", "Ana Moreau")
    assert "deny" in {s.stance_class for s in moreau}


def test_doping_unit_and_federation_decline_during_proceedings(dossier: Dossier) -> None:
    (unit,) = _said(dossier, "doping-paper", "The Athletics Integrity Unit")
    assert unit.stance_class == "decline"
    (unit_again,) = _said(dossier, "doping-wire", "The Athletics Integrity Unit")
    assert unit_again.stance_class == "decline"
    (federation,) = _said(dossier, "doping-wire", "The French athletics federation")
    assert federation.stance_class == "decline"


def test_doping_newspaper_relayed_is_media(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "doping-wire" and s.speaker_text == "Sportblad"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_doping_lawyer_and_coach_speak(dossier: Dossier) -> None:
    (lawyer,) = _said(dossier, "doping-tv", "Moreau's lawyer, Claire Dubois")
    assert _speaker(dossier, lawyer) == "Claire Dubois" and lawyer.source_type == "person"
    assert _by(dossier, "doping-local", "Luc Ferrand")


@pytest.mark.xfail(
    strict=True,
    reason="stories: the newspaper's lab result (June) and the unit's confirmation (September) are in two stories, "
    "so two claims; claims: the athlete's denial 'that she had taken a banned substance' is a claim of its own",
)
def test_doping_positive_test_confirmed_by_the_unit_and_denied_by_the_athlete(dossier: Dossier) -> None:
    """The newspaper's lab result (relayed by the wire) and the unit's confirmation that the sample contained
    trenbolone are one claim; the athlete denies it (her denial answers the report), so it is contested."""
    positive = _one_claim_at(dossier, ("doping-paper", "tested positive"), ("doping-local", "had contained trenbolone"))
    assert "confirms" in _stances_of(positive, _entity(dossier, "Athletics Integrity Unit").id)
    assert "denies" in _stances_of(positive, _entity(dossier, "Ana Moreau").id)
    assert positive.verdict == "contested"


def test_doping_ban_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "three years", "four years")


# --- round 9: days read against each publication day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "text", "value"),
    [
        ("blast-wire", "Monday", "2027-04-05"),
        ("blast-tv", "Monday", "2027-04-05"),
        ("blast-local", "Tuesday", "2027-04-06"),
        ("blast-wire", "2023", "2023"),
        ("rates-paper", "Thursday", "2027-02-04"),
        ("rates-wire", "Tuesday", "2027-02-02"),
        ("rates-wire", "Thursday", "2027-02-04"),
        ("rates-wire", "this week", "2027-W05"),
        ("rates-release", "today", "2027-02-04"),
        ("rates-release", "18 March 2027", "2027-03-18"),
        ("rates-live", "Tuesday", "2027-02-02"),
        ("doping-paper", "May", "2027-05"),
        ("doping-wire", "Thursday", "2027-06-10"),
        ("doping-tv", "Tuesday", "2027-09-14"),
        ("doping-local", "Tuesday", "2027-09-14"),
        ("doping-tv", "next year", "2028"),
    ],
)
def test_round9_days(dossier: Dossier, article: str, text: str, value: str) -> None:
    assert _timex(dossier, article, text) == {value}


# --- round 10: a river flood, a council's stadium vote, a museum theft ---------------------------------------------
#
# The tenth round wrote three more stories, before any run, in domains unlike all of those: a river flood (a live page
# with time stamps, a broadcaster's transcript withdrawing its own report that a dam had burst, wire copy, the dam
# operator's release denying the mayor's charge; the evacuated given as 8,000 and 6,000, the floodgates opened on
# Saturday night or early on Sunday), a city council's vote on a stadium loan (a local paper, the club's release, a
# radio transcript relaying the paper and the council's denial of the club's "agreed in principle", a feed item; the
# vote given as seven to four and eight to three, a loan and a cost that are two figures, not one given two ways) and a
# theft of paintings from a museum (wire copy, the museum's release, a broadcaster withdrawing its report of an arrest,
# an art blog relaying a newspaper's ransom report the museum denies; three paintings or two, worth 30 or 45 million).


@pytest.mark.parametrize(
    "prefix",
    [
        "flood-",
        "stadium-",
        "theft-",
    ],
)
def test_round10_each_story_is_one_story(dossier: Dossier, prefix: str) -> None:
    _one_story(dossier, prefix)


def test_round10_no_dateline_label_or_time_stamp_is_a_speaker_or_a_claim(dossier: Dossier) -> None:
    openings = ("CASTELNUOVO", "ALDERMARK,", "ANCHOR", "PRESENTER", "REPORTER")
    _no_opening_read(dossier, openings, ("flood-", "stadium-", "theft-"))


# --- round 10: a river flood ---------------------------------------------------------------------------------------


def test_flood_mayor_and_chief_executive_speak(dossier: Dossier) -> None:
    assert _by(dossier, "flood-live", "Paola Ricci")
    assert _by(dossier, "flood-release", "Marco Bellini")


def test_flood_operator_declines_then_denies_the_mayors_charge(dossier: Dossier) -> None:
    """The mayor's charge (the live page, and the wire's "has accused the company") and the operator's denial "that the
    floodgates were opened without warning" are one claim; the operator declined on Sunday and denies on Monday, so
    the claim is contested."""
    (declined,) = _said(dossier, "flood-live", "Alpenhydro")
    assert declined.stance_class == "decline" and _speaker(dossier, declined) == "Alpenhydro"
    charge = _one_claim_at(dossier, ("flood-live", "without warning"), ("flood-release", "without warning"))
    assert "denies" in _stances_of(charge, _entity(dossier, "Alpenhydro").id)
    assert charge.verdict == "contested"


def test_flood_withdrawn_report_of_a_burst_dam_is_denied(dossier: Dossier) -> None:
    """The broadcaster withdraws its own report that the dam had burst; the operator and the agency say it is intact.
    What is left of the report is denied, never corroborated."""
    burst = _claims_at(dossier, "flood-tv", "had burst")
    assert burst and all(c.verdict == "denied" for c in burst)


def test_flood_evacuated_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "8,000", "6,000")


def test_flood_gates_opened_on_two_days_is_a_contradiction(dossier: Dossier) -> None:
    """The wire and the release date the opening of the floodgates Saturday night (16 October), the mayor early on
    Sunday (17 October)."""
    assert _figures(dossier, "2027-10-16", "2027-10-17")


# --- round 10: a council's stadium vote ----------------------------------------------------------------------------


def test_stadium_people_speak_and_the_leader_declines(dossier: Dossier) -> None:
    assert _by(dossier, "stadium-paper", "Helen Marsh")
    assert _by(dossier, "stadium-release", "Gordon Pike")
    (leader,) = _said(dossier, "stadium-paper", "The council leader, Sandra Okafor")
    assert leader.stance_class == "decline" and _speaker(dossier, leader) == "Sandra Okafor"


def test_stadium_radio_relays_the_paper(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "stadium-radio" and s.cue == "reported"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_stadium_lease_agreed_in_principle_and_denied_is_one_contested_claim(dossier: Dossier) -> None:
    """The club's "agreed in principle on a 40-year lease" and the council's denial "that any agreement has been
    reached ... on a lease" are one claim, contested."""
    lease = _one_claim_at(dossier, ("stadium-release", "agreed in principle"), ("stadium-radio", "any agreement"))
    assert "denies" in {s.stance for s in lease.stances}
    assert lease.verdict == "contested"


def test_stadium_vote_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "seven votes", "eight votes")


def test_stadium_loan_and_cost_are_two_figures_not_one(dossier: Dossier) -> None:
    """The loan (120 million pounds) and the stadium's cost (135 million pounds) are two things."""
    assert not _figures_given(dossier, "120 million", "135 million")


# --- round 10: a museum theft --------------------------------------------------------------------------------------


def test_theft_people_speak_and_the_museum_declines(dossier: Dossier) -> None:
    assert _by(dossier, "theft-wire", "Tom Claes")
    assert _by(dossier, "theft-release", "Els Verhoeven")
    (museum,) = _said(dossier, "theft-wire", "The museum")
    assert museum.stance_class == "decline" and _speaker(dossier, museum) == "Aldermark City Museum"


def test_theft_confirmed_by_the_museum_is_corroborated(dossier: Dossier) -> None:
    """The police (through the wire) and the museum (its release) tell of the theft: two sources, corroborated."""
    (stolen,) = _claims_at(dossier, "theft-release", "were stolen")
    assert "confirms" in _stances_of(stolen, _entity(dossier, "Aldermark City Museum").id)
    assert stolen.verdict == "corroborated"


def test_theft_paintings_and_value_given_two_ways_are_contradictions(dossier: Dossier) -> None:
    assert _figures_given(dossier, "three paintings", "two paintings")
    assert _figures_given(dossier, "30 million", "45 million")


def test_theft_withdrawn_report_of_an_arrest_is_denied(dossier: Dossier) -> None:
    arrested = _claims_at(dossier, "theft-tv", "had been arrested")
    assert arrested and all(c.verdict == "denied" for c in arrested)


@pytest.mark.xfail(
    strict=True,
    reason="claims: the blog's 'The museum denied ...' is the Aldermark City Museum's now, but the denial 'that it had "
    "received any ransom demand' stays a claim of its own, as the report it answers names no ransom ('are asking "
    "for 2 million euros to return them')",
)
def test_theft_ransom_relayed_from_a_paper_is_denied_by_the_museum(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "theft-blog" and s.cue == "reported"]
    assert relayed and all(s.source_type == "media" for s in relayed)
    (ransom,) = _claims_at(dossier, "theft-blog", "2 million euros")
    assert "denies" in _stances_of(ransom, _entity(dossier, "Aldermark City Museum").id)
    assert ransom.verdict in {"denied", "contested"}


def test_round10_speakers_the_museum_the_council_spokesman_and_the_dealers(dossier: Dossier) -> None:
    """Attribution on the tenth round's blog and radio (the attribution part of the museum test above): the blog's
    "The museum denied" is the museum the wire names, never the newspaper whose report it answers; the radio's "A
    council spokesman" speaks for no club; "Dealers we spoke to" tells the blog's own legwork, no statement."""
    (museum,) = _said(dossier, "theft-blog", "The museum")
    assert museum.stance_class == "deny" and _speaker(dossier, museum) == "Aldermark City Museum"
    (spokesman,) = _said(dossier, "stadium-radio", "A council spokesman")
    assert _speaker(dossier, spokesman) != "Harlow Bay Rovers"
    assert not [s for s in dossier.statements if s.article == "theft-blog" and s.cue == "spoke"]


# --- round 10: days read against each publication day --------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "text", "value"),
    [
        ("flood-live", "Friday", "2027-10-15"),
        ("flood-wire", "Monday", "2027-10-18"),
        ("flood-wire", "Sunday", "2027-10-17"),
        ("stadium-radio", "Wednesday", "2027-06-09"),
        ("stadium-radio", "next month", "2027-07"),
        ("stadium-paper", "2030", "2030"),
        ("theft-wire", "Sunday", "2027-02-28"),
        ("theft-blog", "Tuesday", "2027-03-02"),
    ],
)
def test_round10_days(dossier: Dossier, article: str, text: str, value: str) -> None:
    assert _timex(dossier, article, text) == {value}


# --- round 11: three more written stories ---------------------------------------------------------------------------
# Written, with these expectations, before the pipeline first read them, in domains no earlier round used:
# tests/stories_written/cheese_recall.jsonl (a food recall: wire copy, the maker's release, a regional paper with a
# former worker's word the maker denies, a recall feed item correcting itself), mayor_arrest.jsonl (a mayor's
# corruption arrest: wire copy, a national paper's live blog with 24-hour time stamps, a broadcaster's transcript and a
# regional paper relaying the live blog's paper, a council that neither confirms nor denies) and launch_failure.jsonl
# (a rocket that failed to reach orbit: wire copy, the maker's release, a space news site with an unnamed engineer the
# maker denies, a broadcaster's transcript withdrawing its own report, an analyst's estimate).


@pytest.mark.parametrize(
    "prefix",
    [
        "recall-",
        "mayor-",
        "launch-",
    ],
)
def test_round11_each_story_is_one_story(dossier: Dossier, prefix: str) -> None:
    stories = {a.story for a in dossier.articles if a.id.startswith(prefix)}
    assert len(stories) == 1, stories


@pytest.mark.parametrize(
    ("openings", "prefixes"),
    [
        (
            ("CARDIFF", "LISBON", "OSLO", "PRESENTER", "REPORTER", "Update", "Product"),
            ("recall-", "mayor-", "launch-"),
        ),
        (
            ("COPIAPO", "BRENHOLM", "TARSK", "WEXMOOR", "PRESENTER", "REPORTER", "Correction"),
            ("mine-", "envoy-", "exam-"),
        ),
    ],
)
def test_rounds11_12_no_dateline_label_or_time_stamp_is_a_speaker_or_a_claim(
    dossier: Dossier, openings: tuple[str, ...], prefixes: tuple[str, ...]
) -> None:
    """Rounds 11 and 12 (the twelfth round's stories are at the end of the file)."""
    _no_opening_read(dossier, openings, prefixes)


# --- round 11: a food recall ---------------------------------------------------------------------------------------


def test_recall_shops_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The agency (through the wire) gives 310 shops, the maker's release 240."""
    assert _figures_given(dossier, "310 shops", "240 shops")


def test_recall_former_worker_claim_is_denied_by_the_maker(dossier: Dossier) -> None:
    """A former worker (unnamed) tells the paper inspectors found listeria in July; the maker denies that listeria had
    been found at the site before this month: one claim, which the maker denies."""
    found = _one_claim_at(dossier, ("recall-paper", "inspectors had found listeria"))
    assert "denies" in _stances_of(found, _entity(dossier, "Brannock Creamery").id)
    assert found.verdict in {"denied", "contested"}


def test_recall_feed_correction_denies_its_own_earlier_item(dossier: Dossier) -> None:
    """'An earlier version of this item said the cheese had been sold in Scotland. That was incorrect': the feed takes
    its own report back."""
    scotland = _claims_at(dossier, "recall-feed", "sold in Scotland")
    assert scotland and all(c.verdict == "denied" for c in scotland)


def test_recall_hedged_line_is_no_confirmation(dossier: Dossier) -> None:
    """'may also have been sold at farmers' markets': a possibility the agency raises, relayed by the feed; nobody
    confirms it."""
    markets = _claims_at(dossier, "recall-feed", "farmers' markets")
    assert markets and all("confirms" not in {s.stance for s in c.stances} for c in markets)
    assert all(c.verdict in {"single-source", "unverified"} for c in markets)


def test_recall_admissions_revised_are_no_contradiction(dossier: Dossier) -> None:
    """Seven admitted by Tuesday, nine by Wednesday ('two more than it reported on Tuesday'): the count rose."""
    recall = [c for c in dossier.contradictions if any(a.startswith("recall-") for v in c.values for a in v.articles)]
    assert not any({"seven", "nine"} <= {v.value.lower().split()[0] for v in c.values} for c in recall)


# --- round 11: a mayor's corruption arrest -------------------------------------------------------------------------


def test_mayor_bribes_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The prosecutors' statement (the wire) gives 180,000 euros, the live blog's prosecutors 250,000."""
    assert _figures_given(dossier, "180,000", "250,000")


@pytest.mark.xfail(
    strict=True,
    reason="claims: the lawyer's 'He has never accepted a cent from anyone' is a negative claim of its own (the "
    "quote's 'he' is her client, not her, so it is no party's negative about itself), and 'Mendonça denies any "
    "wrongdoing' names no deed: neither reaches the prosecutors' claim of the bribes",
)
def test_mayor_bribery_confirmed_by_prosecutors_and_denied_for_the_mayor(dossier: Dossier) -> None:
    """The prosecutors confirm he is suspected of taking bribes; his lawyer says he never accepted a cent: the claim of
    the bribes is contested, with a denial on it."""
    bribes = _claims_at(dossier, "mayor-live", "250,000 euros in bribes")
    assert bribes
    assert any("denies" in {s.stance for s in c.stances} and c.verdict == "contested" for c in bribes)


def test_mayor_cash_relayed_from_one_paper_is_one_source(dossier: Dossier) -> None:
    """The live blog's police sources, relayed by the broadcaster and the regional paper from that paper: one
    independent source, not corroborated."""
    cash = _one_claim_at(dossier, ("mayor-live", "40,000 euros"), ("mayor-tv", "40,000 euros"))
    assert cash.independent_sources == 1
    assert cash.verdict in {"single-source", "unverified"}
    relayed = [s for s in dossier.statements if s.article == "mayor-paper" and s.cue == "reported"]
    assert relayed and all(s.source_type == "media" for s in relayed)


def test_mayor_arrest_day_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The wire: arrested on Tuesday (2028-02-08); the regional paper: at his home on Monday (2028-02-07)."""
    assert _figures(dossier, "2028-02-07", "2028-02-08")


def test_mayor_council_neither_confirms_nor_denies(dossier: Dossier) -> None:
    """'The town council would neither confirm nor deny that Mendonça had signed the building contracts himself': a
    neither-nor on that claim, which nobody confirms."""
    (signed,) = _claims_at(dossier, "mayor-tv", "signed the building contracts")
    assert "neither" in {s.stance for s in signed.stances}
    assert signed.verdict not in {"corroborated", "denied"}


# --- round 11: a rocket that failed to reach orbit -----------------------------------------------------------------


def test_launch_shutdown_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The company's flight data (the wire) gives 45 seconds early, its release 38."""
    assert _figures_given(dossier, "45 seconds", "38 seconds")


def test_launch_engineer_claim_is_anonymous_and_denied(dossier: Dossier) -> None:
    told = [s for s in dossier.statements if s.article == "launch-site" and s.cue == "told"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)
    valve = _one_claim_at(dossier, ("launch-site", "failed two ground tests"))
    assert "denies" in _stances_of(valve, _entity(dossier, "Orbitra").id)
    assert valve.verdict in {"denied", "contested"}


def test_launch_broadcaster_withdraws_its_explosion_report(dossier: Dossier) -> None:
    """'on Thursday we said that the Skarv-2 rocket had exploded over the sea. It did not explode.'"""
    exploded = _claims_at(dossier, "launch-tv", "had exploded")
    assert exploded and all(c.verdict == "denied" for c in exploded)


def test_launch_failure_confirmed_by_the_maker(dossier: Dossier) -> None:
    """'Orbitra confirms that its Skarv-2 rocket failed to reach orbit': the maker's confirmation of the failure the
    wire tells (from the maker), one claim."""
    failed = _one_claim_at(
        dossier, ("launch-release", "failed to reach orbit"), ("launch-wire", "failed to reach orbit")
    )
    assert "confirms" in _stances_of(failed, _entity(dossier, "Orbitra").id)
    assert failed.verdict in {"corroborated", "single-source"}


def test_launch_analyst_estimate_is_no_contradiction_of_the_insured_sum(dossier: Dossier) -> None:
    """'could reach 700 million crowns' is an estimate of a payout, not the insured 610 million given another way."""
    assert not _figures_given(dossier, "610 million", "700 million")


# --- round 12: three more written stories ---------------------------------------------------------------------------
# Written, with these expectations, before the pipeline first read them, in domains no earlier round used:
# tests/stories_written/mine_collapse.jsonl (a copper mine's collapse and rescue: wire copy, a broadcaster's live page
# with 24-hour time stamps, a regional paper correcting itself, a broadcaster's transcript; the trapped count revised
# from 14 to 17, the collapse dated Monday and late on Sunday, a rescue that "could take until Friday if ...", a union's
# word the operator denies, a denial of explosives nobody said were used), diplomat_expelled.jsonl (a diplomat expelled
# for spying: wire copy, the other state's news agency, a broadcaster's transcript with government sources, an op-ed
# that only relays; 72 or 48 hours to leave, the photographs dated Sunday and Saturday, a retaliation promised on a
# condition, a summons two outlets relay from one agency) and exam_leak.jsonl (a university's leaked exam: the
# university's statement, a regional paper with an unnamed lecturer, a radio transcript withdrawing its own report, a
# feed item relaying the paper; a chat group of about 400 or 250, a resit on 2 or 9 June, the students who sat the exam
# as another figure, a denial of hackers nobody named).


def _story_contradictions(dossier: Dossier, prefix: str) -> list[Contradiction]:
    return [c for c in dossier.contradictions if any(a.startswith(prefix) for v in c.values for a in v.articles)]


def _gives(contradiction: Contradiction, *forms: str) -> bool:
    """Whether a value of ``contradiction`` gives a number in one of ``forms`` ("14", "fourteen")."""
    return any(form in v.value.lower() for v in contradiction.values for form in forms)


@pytest.mark.parametrize("prefix", ["mine-", "envoy-", "exam-"])
def test_round12_each_story_is_one_story(dossier: Dossier, prefix: str) -> None:
    stories = {a.story for a in dossier.articles if a.id.startswith(prefix)}
    assert len(stories) == 1, stories


# --- round 12: a mine collapse and its rescue ----------------------------------------------------------------------


def test_mine_people_speak_and_the_operator_declines(dossier: Dossier) -> None:
    assert _by(dossier, "mine-wire", "Carolina Vidal")
    (aldana,) = [s for s in _said(dossier, "mine-wire", "Minera Aldana") if s.cue == "declined"]
    assert aldana.stance_class == "decline" and _speaker(dossier, aldana) == "Minera Aldana"


def test_mine_trapped_count_revised_upward_is_no_contradiction(dossier: Dossier) -> None:
    """14 trapped on Monday, 17 once the ministry counted three contractors ("raised ... to 17, from the 14 it gave on
    Monday"): the count was revised, not given two ways."""
    mine = _story_contradictions(dossier, "mine-")
    assert not [c for c in mine if _gives(c, "14", "fourteen") and _gives(c, "17", "seventeen")]


def test_mine_collapse_day_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The ministry (the wire): the tunnel collapsed on Monday (2028-04-10); the paper's workers: late on Sunday."""
    assert _figures(dossier, "2028-04-09", "2028-04-10")


def test_mine_union_claim_is_denied_by_the_operator(dossier: Dossier) -> None:
    cracks = _one_claim_at(dossier, ("mine-live", "cracks in the tunnel roof"))
    assert "denies" in _stances_of(cracks, _entity(dossier, "Minera Aldana").id)
    assert cracks.verdict in {"denied", "contested"}


def test_mine_denial_of_what_nobody_claimed_stands_alone(dossier: Dossier) -> None:
    """Nobody in the pile says explosives were used: the operator's denial is a claim of its own, denied, and lands on
    no other claim (the collapse is not denied)."""
    (explosives,) = _claims_at(dossier, "mine-live", "explosives were used")
    assert {s.stance for s in explosives.stances} == {"denies"}
    assert explosives.verdict == "denied"
    aldana = _entity(dossier, "Minera Aldana").id
    collapse = _claims_at(dossier, "mine-wire", "a tunnel collapsed")
    assert collapse and all("denies" not in _stances_of(c, aldana) for c in collapse)


def test_mine_paper_correction_takes_back_state_ownership(dossier: Dossier) -> None:
    """'An earlier version of this article said the mine was owned by the state copper company. It is owned by
    Minera Aldana': the paper takes its own report back, so what is left of it is denied."""
    state = _claims_at(dossier, "mine-paper", "owned by the state")
    assert state and all(c.verdict == "denied" for c in state)


def test_mine_conditional_rescue_day_is_no_contradiction(dossier: Dossier) -> None:
    """'could take until Friday if the rock ... stayed stable' is a forecast on a condition: no rival day of the
    rescue the broadcaster tells on Thursday, and nobody corroborates it."""
    assert not _figures(dossier, "2028-04-13", "2028-04-14")
    friday = _claims_at(dossier, "mine-wire", "could take until Friday")
    assert all(c.verdict != "corroborated" for c in friday)


# --- round 12: a diplomat expelled ---------------------------------------------------------------------------------


def test_envoy_refusals_decline(dossier: Dossier) -> None:
    (embassy,) = _said(dossier, "envoy-wire", "Norvask's embassy")
    assert embassy.stance_class == "decline"
    ministry = _said(dossier, "envoy-tv", "The foreign ministry")
    assert [s for s in ministry if s.stance_class == "decline"]


def test_envoy_spying_claim_denied_by_the_other_state_is_contested(dossier: Dossier) -> None:
    """The Veldorian ministry says on the record that the diplomat photographed warships; Norvask's ministry says he
    never did: contested, with Norvask's denial on it."""
    seen = _claims_at(dossier, "envoy-wire", "photographing warships")
    assert seen
    assert any(
        any(s.stance == "denies" and s.article == "envoy-agency" for s in c.stances) and c.verdict == "contested"
        for c in seen
    )


def test_envoy_summons_relayed_from_one_agency_is_one_source(dossier: Dossier) -> None:
    """The wire and the op-ed both relay NTA on the summons: one independent source, not corroborated."""
    summons = _one_claim_at(
        dossier, ("envoy-wire", "summoned Veldoria's ambassador"), ("envoy-oped", "summoned our ambassador")
    )
    assert summons.independent_sources == 1
    assert summons.verdict in {"single-source", "unverified"}


@pytest.mark.xfail(
    strict=True,
    reason="claims: the wire gives the 72 hours in a participle after the cue (', the Veldorian foreign ministry "
    "said on Tuesday, giving him 72 hours to leave the country'), which is in no proposition, as the "
    "recount's margin is",
)
def test_envoy_time_to_leave_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    assert _figures_given(dossier, "72 hours", "48 hours")


def test_envoy_photographs_day_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The wire: seen photographing warships on Sunday (2028-10-01); the broadcaster: on Saturday afternoon."""
    assert _figures(dossier, "2028-09-30", "2028-10-01")


def test_envoy_conditional_retaliation_is_its_own_unconfirmed_claim(dossier: Dossier) -> None:
    """'Norvask would expel a Veldorian diplomat in response if the decision was not reversed' is a threat on a
    condition: not Veldoria's expulsion, and confirmed by nobody."""
    threat = _claims_at(dossier, "envoy-agency", "would expel a Veldorian diplomat")
    expelled = {c.id for c in _claims_at(dossier, "envoy-wire", "has expelled a Norvaskan diplomat")}
    assert threat and expelled
    assert not {c.id for c in threat} & expelled
    assert all(c.verdict in {"single-source", "unverified"} for c in threat)


def test_envoy_second_expulsion_from_government_sources_is_not_corroborated(dossier: Dossier) -> None:
    second = _claims_at(dossier, "envoy-tv", "second Norvaskan diplomat")
    assert second and all(c.verdict in {"single-source", "unverified"} for c in second)
    told = [s for s in dossier.statements if s.article == "envoy-tv" and s.speaker_text == "government sources"]
    assert told and all(s.source_type == "anonymous" and s.speaker is None for s in told)


# --- round 12: a university's leaked exam --------------------------------------------------------------------------


def test_exam_leak_confirmed_by_the_university_and_found_by_the_paper_is_corroborated(dossier: Dossier) -> None:
    leak = _one_claim_at(dossier, ("exam-release", "were shared online"), ("exam-paper", "shared in a messaging group"))
    assert "confirms" in _stances_of(leak, _entity(dossier, "University of Wexmoor").id)
    assert leak.verdict == "corroborated"


def test_exam_denial_of_hackers_nobody_named_stands_alone(dossier: Dossier) -> None:
    (hackers,) = _claims_at(dossier, "exam-release", "by hackers")
    assert {s.stance for s in hackers.stances} == {"denies"}
    assert hackers.verdict == "denied"
    university = _entity(dossier, "University of Wexmoor").id
    leak = _claims_at(dossier, "exam-release", "were shared online")
    assert leak and all("denies" not in _stances_of(c, university) for c in leak)


def test_exam_lecturer_is_anonymous_and_unanswered(dossier: Dossier) -> None:
    """The unnamed lecturer's word on a member of staff: anonymous, single-source, denied by nobody; the university
    would not comment."""
    lecturer = [s for s in dossier.statements if s.article == "exam-paper" and "member of" in s.content]
    assert lecturer and all(s.source_type == "anonymous" and s.speaker is None for s in lecturer)
    staff = _one_claim_at(dossier, ("exam-paper", "member of the department's staff"))
    assert not {s.stance for s in staff.stances} & {"denies", "confirms"}
    assert staff.verdict in {"single-source", "unverified"}
    (comment,) = _said(dossier, "exam-paper", "The university")
    assert comment.stance_class == "decline"


@pytest.mark.xfail(
    strict=True,
    reason="claims: 'a messaging group with about 400 students' and 'a group chat with 250 members' count other "
    "nouns, and the lines are 0.48 alike with other verbs (shared, posted); reading a group's count as "
    "its members was tried, still under the 0.5 two lines without a shared deed ask",
)
def test_exam_group_size_given_two_ways_and_the_students_who_sat_it_are_another_figure(dossier: Dossier) -> None:
    assert _figures_given(dossier, "400", "250")
    assert not _figures_given(dossier, "180", "400")
    assert not _figures_given(dossier, "180", "250")


def test_exam_resit_day_given_two_ways_is_a_contradiction(dossier: Dossier) -> None:
    """The university's statement: set again on 2 June; the feed, quoting the university: on 9 June."""
    assert _figures(dossier, "2028-06-02", "2028-06-09")


def test_exam_radio_correction_takes_back_its_cancelled_exams_report(dossier: Dossier) -> None:
    cancelled = _claims_at(dossier, "exam-radio", "had been cancelled")
    assert cancelled and all(c.verdict == "denied" for c in cancelled)


def test_exam_feed_relays_the_paper_as_one_source(dossier: Dossier) -> None:
    relayed = [s for s in dossier.statements if s.article == "exam-feed" and "Evening Post" in (s.speaker_text or "")]
    assert relayed and all(s.source_type == "media" for s in relayed)
    group = _one_claim_at(dossier, ("exam-feed", "about 400 students"), ("exam-paper", "about 400 students"))
    confirmed = "confirms" in _stances_of(group, _entity(dossier, "University of Wexmoor").id)
    assert group.independent_sources == 1 + confirmed
