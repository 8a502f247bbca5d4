"""Polarity, relays of one outlet, party confirmation, centrality, provenance and slot contradictions, each on short
passages written for its construction (a merger, a trial, a war, an election, a court, a safety board)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from claims_support import article, dossier, entity, statement

from crosswire.claims.merge import conflicting
from crosswire.claims.propositions import Proposition
from crosswire.claims.slots import agent_contradictions, deed_roles, holder_contradictions, truth_contradictions
from crosswire.claims.stage import _polarized, build_claims
from crosswire.claims.stances import negative, stance_of
from crosswire.claims.verdicts import StanceRecord, centrality_of, provenance_of, verdict_of
from crosswire.claims.voices import outlet_key, relayed_outlet
from crosswire.model import Claim, ClaimStance, Evidence, Statement


def test_negative_sentences_are_read_from_their_words() -> None:
    assert negative("No talks are taking place")
    assert negative("I never bet on sports")
    assert negative("The company has not been considering an offer")
    assert negative("Ukraine wasn't involved in the attack")
    assert not negative("Without a doubt the court will rule on Monday")
    assert not negative("No doubt the merger will close")
    assert not negative("The army not only shelled the town but also cut the road")
    assert not negative("The rebels took the bridge, not the dam")
    assert not negative("The jury found him guilty")
    # "zero" as a determiner and "unaware" negate too, in a sports, a trial and a war story.
    assert negative("I want everyone to know Shohei had zero involvement in betting")
    assert negative("The minister said he was unaware of the payments to the contractor")
    assert negative("There is zero evidence that the army shelled the village")
    assert not negative("The attackers used a zero-day flaw in the bank's software")
    assert not negative("The central bank cut interest rates to zero")


def test_a_negative_relative_clause_leaves_the_sentence_positive() -> None:
    """A merger, a trial and a war story: the relative clause says something of a noun, not of the sentence."""
    assert not negative("Acme is in talks to buy Zenith, which did not comment")
    assert not negative("The streaming service that wouldn't require a cable subscription launches in April")
    assert not negative("Police arrested the driver, who has not been charged, on Monday")
    assert not negative("The rebels shelled a village that had never been hit before")
    assert negative("The army did not fire on protesters who had gathered in the square")
    assert negative("He said that it did not happen")
    assert negative("That is not true")


def _proposition(text: str, stance: str, article: str = "a1") -> Proposition:
    return Proposition(
        article=article,
        start=0,
        end=len(text),
        text=text,
        stance=stance,
        statement="s",
        source="e",
        source_text="x",
        source_type="person",
        root_key=f"root:{text}",
        party_key=f"party:{text}",
    )


def test_a_first_hand_negative_of_a_positive_claim_denies_it() -> None:
    members = [
        _proposition("Acme is in talks to buy Zenith", "reports"),
        _proposition("Acme is not in talks to buy Zenith", "confirms", "a2"),
        _proposition("No details of the price were given", "confirms", "a3"),
    ]
    # The denial says the same thing as the claim; the aside about the price says something else.
    vectors = np.array([[1.0, 0.0], [0.95, 0.31], [0.2, 0.98]], dtype=np.float32)
    stances = [member.stance for member in _polarized(members, vectors)]
    assert stances == ["reports", "denies", "confirms"]


def test_a_negative_claim_is_confirmed_by_its_negative_sources() -> None:
    members = [
        _proposition("The general did not order the strike", "confirms"),
        _proposition("The general never ordered the strike", "confirms", "a2"),
    ]
    vectors = np.array([[1.0, 0.0], [0.99, 0.1]], dtype=np.float32)
    assert [member.stance for member in _polarized(members, vectors)] == ["confirms", "confirms"]


def test_outlet_names_reduce_to_one_key() -> None:
    assert outlet_key("Tuesday's New York Times report") == outlet_key("the New York Times") == "new york times"
    assert outlet_key("The Wall Street Journal") == "wall street journal"


def test_relays_of_one_outlets_report_count_once() -> None:
    """Two sites relay one newspaper's report on a trial; their unnamed sources are that newspaper's word."""
    text_a = "The Ledger reported that the jury was bribed. Court officials said the jury was bribed by a lobbyist."
    text_b = "According to the Ledger, the jury was bribed. Two lawyers said the jury had been bribed by a lobbyist."
    first = article("a1", text_a, outlet="Site One")
    second = article("a2", text_b, outlet="Site Two")
    statements = [
        statement(
            first, 1, speaker_text="The Ledger", cue="reported", content="the jury was bribed", source_type="media"
        ),
        statement(
            first,
            2,
            speaker_text="Court officials",
            cue="said",
            content="the jury was bribed by a lobbyist",
            source_type="anonymous",
        ),
        statement(
            second, 1, speaker_text="the Ledger", cue="According to", content="the jury was bribed", source_type="media"
        ),
        statement(
            second,
            2,
            speaker_text="Two lawyers",
            cue="said",
            content="the jury had been bribed by a lobbyist",
            source_type="anonymous",
        ),
    ]
    assert relayed_outlet(first, statements[:2]) == "ledger"
    result = dossier([first, second], [entity("e-ledger", "The Ledger", "ORG")], statements)
    build_claims(result)
    bribed = [claim for claim in result.claims if "bribed" in claim.text]
    assert bribed
    assert max(claim.independent_sources for claim in bribed) == 1
    assert all(claim.verdict != "corroborated" for claim in bribed)


def _record(article_id: str, stance: str, root: str, party: str, source: str | None = None) -> StanceRecord:
    return StanceRecord(
        ClaimStance(source=source, source_text=source, article=article_id, stance=stance),  # type: ignore[arg-type]
        root,
        party,
        False,
        "2024-01-01",
        0,
        False,
    )


def test_the_party_itself_confirming_a_report_corroborates_it() -> None:
    """A regulator's fine reported by a newspaper and confirmed by the company fined."""
    records = [
        _record("a1", "reports", "outlet:gazette", "outlet:gazette"),
        _record("a2", "confirms", "e-acme", "e-acme", "e-acme"),
    ]
    assert verdict_of(records, frozenset({"e-acme", "e-regulator"}))[0] == "corroborated"
    # The same confirmation by a bystander leaves one confirming source: not corroborated.
    assert verdict_of(records, frozenset({"e-regulator"}))[0] != "corroborated"
    # The party's word alone is one source.
    assert verdict_of(records[1:], frozenset({"e-acme"}))[0] == "single-source"


def test_a_party_named_by_the_head_of_its_name_confirms_as_the_party() -> None:
    """ "the administration" for the Federal Aviation Administration, "the court" for the High Court, "the ministry"
    for the Defence Ministry: an unlinked source naming a party of the claim by its head noun is that party."""
    from crosswire.claims.verdicts import party_heads

    heads = party_heads(["Federal Aviation Administration", "FAA", "High Court", "Defence Ministry", "Acme"])
    assert heads == frozenset({"administration", "court", "ministry"})
    for source in ["the administration", "The court", "the ministry"]:
        records = [
            _record("a1", "reports", "outlet:gazette", "outlet:gazette"),
            _record("a2", "confirms", f"organization:{source.lower()}", f"organization:{source.lower()}"),
        ]
        records[1] = StanceRecord(
            ClaimStance(source=None, source_text=source, article="a2", stance="confirms"),
            *[getattr(records[1], name) for name in ("root_key", "party_key", "own_voice", "published", "sentence")],
            False,
        )
        assert verdict_of(records, frozenset({"e-party"}), heads)[0] == "corroborated"
        # Another body's word ("the union") is one confirming source among two: not corroborated.
        assert verdict_of(records, frozenset({"e-party"}), frozenset({"union"}))[0] == "unverified"


def test_centrality_counts_articles_and_parties_answering() -> None:
    background = [_record("a1", "reports", "outlet:x", "outlet:x")]
    central = [
        _record("a1", "reports", "outlet:x", "outlet:x"),
        _record("a2", "denies", "e-army", "e-army", "e-army"),
    ]
    assert centrality_of(central) > centrality_of(background)


def test_provenance_names_who_put_it_out_and_who_relayed_it() -> None:
    records = [_record("a2", "reports", "outlet:wire", "outlet:wire", "a local radio station")]
    chains = provenance_of(records, {"outlet:wire": "The Wire"}, {"a2": "Daily Bugle"})
    assert chains == ["The Wire → a local radio station (in Daily Bugle)"]


def test_two_holders_of_one_office_in_one_story_contradict() -> None:
    """A safety board's chair named differently by two articles of one story."""
    text_a = "Safety board chair Ann Lee said the bolts were missing. The Federal Safety Board opened an inquiry."
    text_b = "Tom Park, chairman of the Federal Safety Board, said the bolts were missing."
    first = article("a1", text_a, names={"Ann Lee": "e-lee"})
    second = article("a2", text_b, names={"Tom Park": "e-park"})
    people = [
        entity("e-lee", "Ann Lee", roles=["chair of the Federal Safety Board"]),
        entity("e-park", "Tom Park", roles=["chairman of the Federal Safety Board"]),
        entity("e-old", "Jo Bell", roles=["former chair of the Federal Safety Board"]),
    ]
    result = dossier([first, second], people, [])
    claims = [
        Claim(id="c1", text="the bolts were missing", evidence=[Evidence(article="a1", start=0, end=53)]),
        Claim(id="c2", text="the bolts were missing", evidence=[Evidence(article="a2", start=0, end=len(text_b))]),
    ]
    found = holder_contradictions(result, claims)
    assert len(found) == 1
    assert sorted(value.value for value in found[0].values) == ["Ann Lee", "Tom Park"]
    assert found[0].about in {"c1", "c2"}


def test_a_former_holder_or_another_story_is_no_contradiction() -> None:
    text_a = "Chair Ann Lee of the Federal Safety Board spoke."
    text_b = "Jo Bell, former chair of the Federal Safety Board, spoke."
    first = article("a1", text_a, names={"Ann Lee": "e-lee"})
    second = article("a2", text_b, names={"Jo Bell": "e-old"})
    people = [
        entity("e-lee", "Ann Lee", roles=["chair of the Federal Safety Board"]),
        entity("e-old", "Jo Bell", roles=["former chair of the Federal Safety Board"]),
    ]
    claims = [Claim(id="c1", text="spoke", evidence=[Evidence(article="a1", start=0, end=len(text_a))])]
    assert holder_contradictions(dossier([first, second], people, []), claims) == []


def _deed_story(text_a: str, text_b: str, names: dict[str, str], story_b: str = "story-1") -> tuple:
    first = article("a1", text_a, names=names)
    second = article("a2", text_b, names=names, story=story_b)
    people = [entity(entity_id, name, "ORG") for name, entity_id in names.items()]
    claims = [
        Claim(
            id="c1",
            text=text_a,
            stances=[ClaimStance(article="a1", stance="reports")],
            evidence=[Evidence(article="a1", start=0, end=len(text_a))],
        ),
        Claim(
            id="c2",
            text=text_b,
            stances=[ClaimStance(article="a2", stance="reports")],
            evidence=[Evidence(article="a2", start=0, end=len(text_b))],
        ),
    ]
    return dossier([first, second], people, []), claims


def test_two_culprits_of_one_deed_contradict_and_contest_each_other() -> None:
    """A war: one report blames one militia for blowing up a bridge, another blames the army (passive voice)."""
    names = {"Red Militia": "e-red", "Lukra bridge": "e-bridge", "national army": "e-army"}
    result, claims = _deed_story(
        "The Lukra bridge was blown up by the Red Militia overnight.",
        "Officials say the national army blew up the Lukra bridge.",
        names,
    )
    found, rivals = agent_contradictions(result, claims)
    assert len(found) == 1 and rivals == {"c1", "c2"}
    assert sorted(value.value for value in found[0].values) == ["Red Militia", "national army"]


def test_one_doer_or_two_stories_make_no_rivals() -> None:
    """An election won by one party, told twice; and the same deed in two different stories."""
    names = {"Green Party": "e-green", "Senate race": "e-race", "Blue Party": "e-blue"}
    result, claims = _deed_story(
        "The Green Party won the Senate race.", "Analysts say the Green Party won the Senate race easily.", names
    )
    assert agent_contradictions(result, claims) == ([], set())
    result, claims = _deed_story(
        "The Green Party won the Senate race.", "The Blue Party won the Senate race.", names, story_b="story-2"
    )
    assert agent_contradictions(result, claims) == ([], set())


def test_a_claim_confirmed_by_one_party_and_denied_by_another_contradicts() -> None:
    """A merger: the buyer's adviser confirms talks; the target denies them, in another article."""
    first = article("a1", "Talks are under way.")
    second = article("a2", "Talks are under way, no.")
    claim = Claim(
        id="c1",
        text="Talks are under way",
        stances=[
            ClaimStance(source="e-adviser", article="a1", stance="confirms"),
            ClaimStance(source="e-target", article="a2", stance="denies"),
        ],
    )
    found = truth_contradictions(dossier([first, second], [], []), [claim])
    assert len(found) == 1
    assert {value.value: value.articles for value in found[0].values} == {"confirmed": ["a1"], "denied": ["a2"]}
    # One party saying both (a quote merged with its own denial) is a stance change, not this slot.
    claim.stances[1].source = "e-adviser"
    assert truth_contradictions(dossier([first, second], [], []), [claim]) == []


def test_deed_roles_read_doers_in_active_and_passive_voice() -> None:
    """A sabotage: "X planted Y" and "Y were planted by X"; a denied deed has no doer."""
    names = {"Navy divers": "e-navy", "explosives": "e-bombs", "a pro-Ukrainian group": "e-group"}
    active = article("p1", "Navy divers planted the explosives.", names=names)
    assert deed_roles(active, 0, len(active.text)) == ({"e-navy"}, {"e-bombs"})
    passive = article("p2", "The explosives were planted by a pro-Ukrainian group.", names=names)
    assert deed_roles(passive, 0, len(passive.text)) == ({"e-group"}, {"e-bombs"})
    denied = article("p3", "Navy divers never planted the explosives.", names=names)
    assert deed_roles(denied, 0, len(denied.text)) is None


def test_propositions_naming_different_doers_conflict() -> None:
    """Two accounts of one deed with disjoint doers cannot be one claim; the same doer, or none named, can."""

    def proposition(agents: set[str]) -> Proposition:
        return Proposition("a", 0, 1, "x", "reports", None, None, None, "media", "k", "k", agents=frozenset(agents))

    assert conflicting(proposition({"e-navy"}), proposition({"e-group"}))
    assert not conflicting(proposition({"e-navy"}), proposition({"e-navy", "e-norway"}))
    assert not conflicting(proposition({"e-navy"}), proposition(set()))


def test_a_background_line_restating_a_named_source_adds_no_source() -> None:
    """A trial: a prosecutor says the defendant will plead guilty; another paper states it in its own voice, as
    background. The second line passes the prosecutor's word on: one source. Two background lines with nobody
    named behind them are still two outlets' word."""
    prosecutor = _record("a1", "confirms", "e-prosecutor", "e-prosecutor", "e-prosecutor")
    background = StanceRecord(
        ClaimStance(source=None, source_text="Courier", article="a2", stance="reports"),
        "outlet:courier",
        "outlet:courier",
        True,
        "2024-01-02",
        3,
        False,
        True,
    )
    assert verdict_of([prosecutor, background]) == ("single-source", 1)
    other = replace(background, root_key="outlet:ledger", party_key="outlet:ledger")
    other = replace(other, stance=ClaimStance(source=None, source_text="Ledger", article="a3", stance="reports"))
    assert verdict_of([background, other])[1] == 2


def test_an_attitude_reports_what_it_is_about_and_confirms_nothing() -> None:
    """ "Apple is striving to be the sole partner", "the ministry believes the talks will resume": verbs of wanting
    and belief are class "other"; even first-hand they give no word that something happened."""

    def said(stance_class: str) -> Statement:
        return Statement(
            id="s1",
            article="a1",
            start=0,
            end=10,
            speaker_text="Apple",
            source_type="organization",
            content="to be the sole partner",
            stance_class=stance_class,  # type: ignore[arg-type]
        )

    assert stance_of(said("other")) == "reports"
    assert stance_of(said("assert")) == "confirms"
    assert stance_of(said("deny")) == "denies"


def test_an_outlet_named_among_other_words_is_keyed_by_its_name() -> None:
    """A report is cited in many wordings; each is keyed by the outlet's name, a leading common noun aside."""
    key = outlet_key("Harbor Gazette")
    assert key == outlet_key("documents seen by the Harbor Gazette") == key
    assert outlet_key("a report in the Harbor Gazette on Friday") == key
    assert outlet_key("Emails seen by Harbor Gazette") == key
    assert outlet_key("BBC's Moscow correspondent") == "bbc"
    assert outlet_key("Reuters, citing Interfax") == "reuters"
    assert outlet_key("a statement to the stock exchange") == "statement stock exchange"
