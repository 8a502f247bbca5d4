"""Claims: merging across articles, stances, origin, independence and every verdict, on cases written for them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claims_support import article, dossier, entity, statement

from crosswire.claims.merge import conflicting
from crosswire.claims.propositions import Proposition, extract
from crosswire.claims.reactions import is_reaction
from crosswire.claims.stage import build_claims
from crosswire.claims.stances import stance_of
from crosswire.model import Claim, Dossier, Statement

HARBOUR = "harbour"


def _claim_with(result: Dossier, words: str) -> Claim:
    found = [claim for claim in result.claims if any(words in s.source_text or "" for s in claim.stances)]
    found = found or [claim for claim in result.claims if words.lower() in claim.text.lower()]
    assert found, f"no claim mentions {words!r}: {[c.text for c in result.claims]}"
    return found[0]


def _claim_about(result: Dossier, words: str) -> Claim:
    found = [claim for claim in result.claims if words.lower() in claim.text.lower()]
    assert found, f"no claim text has {words!r}: {[c.text for c in result.claims]}"
    return found[0]


def _port_story() -> Dossier:
    """The mayor's office says the harbour will close; a paper reports it first citing an unnamed official; the port
    authority confirms; a union declines; the operator denies a separate claim."""
    people = [
        entity("e-herald", "Coastal Herald", "ORG"),
        entity("e-harbour", "Pelican Harbour", "LOC"),
        entity("e-vance", "Maria Vance", roles=["spokesperson of the Port Authority"]),
        entity("e-authority", "Port Authority", "ORG"),
        entity("e-union", "Dockers Union", "ORG"),
        entity("e-operator", "Bayline Ferries", "ORG"),
        entity("e-marsh", "Joe Marsh"),
    ]
    names = {
        "Coastal Herald": "e-herald",
        "Pelican Harbour": "e-harbour",
        "Maria Vance": "e-vance",
        "Port Authority": "e-authority",
        "Dockers Union": "e-union",
        "Bayline Ferries": "e-operator",
        "Joe Marsh": "e-marsh",
    }
    first = article(
        "a1",
        "The Coastal Herald reported, citing an unnamed official, that Pelican Harbour will close to cargo ships "
        "for two years of repairs. The Dockers Union declined to comment.",
        published="2024-05-06",
        outlet="Coastal Herald",
        names=names,
    )
    second = article(
        "a2",
        "Port Authority spokesperson Maria Vance confirmed that Pelican Harbour is going to shut to cargo vessels "
        "for two years of repair work. Bayline Ferries denied that its passenger routes would be cancelled.",
        published="2024-05-07",
        outlet="Daily Ledger",
        names=names,
    )
    third = article(
        "a3",
        "Pelican Harbour will be closed to cargo ships for two years while it is repaired, the Port Authority "
        "said in a statement. Ferry captain Joe Marsh said that passenger routes would be cancelled next spring.",
        published="2024-05-07",
        outlet="Evening Wire",
        names=names,
    )
    s1 = statement(
        first,
        0,
        speaker_text="The Coastal Herald",
        cue="reported",
        content="that Pelican Harbour will close to cargo ships for two years of repairs",
        speaker="e-herald",
        source_type="media",
    )
    s2 = statement(
        first,
        1,
        speaker_text="an unnamed official",
        cue="citing",
        content="that Pelican Harbour will close to cargo ships for two years of repairs",
        source_type="anonymous",
        via=[s1.id],
    )
    s3 = statement(
        first, 2, speaker_text="The Dockers Union", cue="declined", content="to comment", speaker="e-union",
        source_type="organization", stance="decline",
    )  # fmt: skip
    s4 = statement(
        second,
        0,
        speaker_text="Maria Vance",
        cue="confirmed",
        content="that Pelican Harbour is going to shut to cargo vessels for two years of repair work",
        speaker="e-vance",
        stance="confirm",
    )
    s5 = statement(
        second,
        1,
        speaker_text="Bayline Ferries",
        cue="denied",
        content="that its passenger routes would be cancelled",
        speaker="e-operator",
        source_type="organization",
        stance="deny",
    )
    s6 = statement(
        third,
        0,
        speaker_text="the Port Authority",
        cue="said",
        content="Pelican Harbour will be closed to cargo ships for two years while it is repaired",
        speaker="e-authority",
        source_type="organization",
    )
    s7 = statement(
        third,
        1,
        speaker_text="Joe Marsh",
        cue="said",
        content="that passenger routes would be cancelled next spring",
        speaker="e-marsh",
    )
    return dossier([first, second, third], people, [s1, s2, s3, s4, s5, s6, s7])


def test_paraphrases_across_articles_are_one_claim_with_every_article() -> None:
    result = _port_story()
    build_claims(result)
    closure = _claim_about(result, "cargo")
    assert {stance.article for stance in closure.stances} == {"a1", "a2", "a3"}
    assert sum("cargo" in claim.text for claim in result.claims) == 1


def test_stances_relay_origin_and_independence() -> None:
    result = _port_story()
    build_claims(result)
    closure = _claim_about(result, "cargo")
    by_source = {stance.source_text: stance.stance for stance in closure.stances}
    assert by_source["The Coastal Herald"] == "reports"
    assert by_source["an unnamed official"] == "reports"
    assert by_source["Maria Vance"] == "confirms"
    assert by_source["the Port Authority"] == "confirms"
    # The union's refusal is a reaction attached to the claim of its own article.
    assert by_source["The Dockers Union"] == "declines"
    # The Herald and the official it cites count once; Vance and the Port Authority are separate sources.
    assert closure.independent_sources == 3
    assert closure.origin == "e-herald"
    assert closure.verdict == "corroborated"
    assert closure.evidence and all(e.end > e.start for e in closure.evidence)


def test_confirmation_and_denial_make_a_contested_claim() -> None:
    result = _port_story()
    build_claims(result)
    routes = _claim_about(result, "passenger routes")
    stances = sorted(stance.stance for stance in routes.stances)
    assert stances == ["confirms", "denies"]
    assert routes.verdict == "contested"


def test_denied_single_source_and_unverified() -> None:
    names = {"Nova Labs": "e-nova", "Tom Reyes": "e-reyes", "Signal Post": "e-post", "Metro Times": "e-metro"}
    people = [
        entity("e-nova", "Nova Labs", "ORG"),
        entity("e-reyes", "Tom Reyes"),
        entity("e-post", "Signal Post", "ORG"),
        entity("e-metro", "Metro Times", "ORG"),
    ]
    one = article(
        "b1",
        "Nova Labs denied that its chief scientist had resigned over the vaccine trial. "
        "Tom Reyes said that the city council will vote on the new budget in a special session.",
        story="s-b",
        names=names,
    )
    two = article(
        "b2",
        "The Signal Post reported that a satellite launch was delayed by a fuel leak at the coastal site.",
        story="s-c",
        names=names,
    )
    three = article(
        "b3",
        "The Metro Times reported that the satellite launch had been postponed because fuel leaked at the coastal "
        "site.",
        story="s-c",
        names=names,
    )
    statements = [
        statement(
            one, 0, speaker_text="Nova Labs", cue="denied", speaker="e-nova", source_type="organization",
            content="that its chief scientist had resigned over the vaccine trial", stance="deny",
        ),
        statement(
            one, 1, speaker_text="Tom Reyes", cue="said", speaker="e-reyes",
            content="that the city council will vote on the new budget in a special session",
        ),
        statement(
            two, 0, speaker_text="The Signal Post", cue="reported", speaker="e-post", source_type="media",
            content="that a satellite launch was delayed by a fuel leak at the coastal site",
        ),
        statement(
            three, 0, speaker_text="The Metro Times", cue="reported", speaker="e-metro", source_type="media",
            content="that the satellite launch had been postponed because fuel leaked at the coastal site",
        ),
    ]  # fmt: skip
    result = dossier([one, two, three], people, statements)
    build_claims(result)
    assert _claim_about(result, "chief scientist").verdict == "denied"
    budget = _claim_about(result, "budget")
    assert budget.verdict == "single-source" and budget.independent_sources == 1
    launch = _claim_about(result, "satellite launch")
    # Two outlets report it, nobody confirms it: not corroborated, not single-source.
    assert {stance.article for stance in launch.stances} == {"b2", "b3"}
    assert launch.verdict == "unverified" and launch.independent_sources == 2


def test_near_duplicate_articles_do_not_count_twice() -> None:
    result = _port_story()
    copy = result.articles[2].model_copy(update={"id": "a3-copy", "duplicate_of": "a3"})
    result.articles.append(copy)
    for item in [s for s in result.statements if s.article == "a3"]:
        result.statements.append(item.model_copy(update={"id": item.id + "-copy", "article": "a3-copy"}))
    build_claims(result)
    closure = _claim_about(result, "cargo")
    assert "a3-copy" not in {stance.article for stance in closure.stances}
    assert closure.independent_sources == 3


def test_different_dates_keep_claims_apart() -> None:
    names = {"Lena Ortiz": "e-ortiz"}
    one = article(
        "d1",
        "Lena Ortiz said that the summit will open on June 3 in Lisbon.",
        names=names,
        dates={"June 3": "2024-06-03"},
    )
    two = article(
        "d2",
        "Lena Ortiz said that the summit will open on June 5 in Lisbon.",
        names=names,
        dates={"June 5": "2024-06-05"},
    )
    statements = [
        statement(one, 0, speaker_text="Lena Ortiz", cue="said", speaker="e-ortiz",
                  content="that the summit will open on June 3 in Lisbon"),
        statement(two, 0, speaker_text="Lena Ortiz", cue="said", speaker="e-ortiz",
                  content="that the summit will open on June 5 in Lisbon"),
    ]  # fmt: skip
    result = dossier([one, two], [entity("e-ortiz", "Lena Ortiz")], statements)
    build_claims(result)
    summit = [claim for claim in result.claims if "summit" in claim.text]
    assert len(summit) == 2
    assert sorted(claim.date for claim in summit) == ["2024-06-03", "2024-06-05"]


def test_reactions_and_relays() -> None:
    result = _port_story()
    by_id = {s.id: s for s in result.statements}
    assert is_reaction(by_id["a1:s2"])  # declined to comment
    assert not is_reaction(by_id["a2:s0"])
    assert stance_of(by_id["a1:s0"], frozenset({"a1:s0"})) == "reports"
    assert stance_of(by_id["a3:s0"]) == "confirms"
    neither = by_id["a2:s1"].model_copy(update={"stance_class": "neither", "content": "the report"})
    assert is_reaction(neither) and stance_of(neither) == "neither"


def test_empty_dossier_has_no_claims() -> None:
    result = Dossier()
    build_claims(result)
    assert result.claims == [] and result.contradictions == []


def test_rival_doers_of_one_deed_stay_two_claims() -> None:
    """A war: two officials blame two different forces for one bridge; worded alike, they are rival accounts."""
    names = {"Mara Voss": "e-voss", "Red Militia": "e-red", "national army": "e-army", "Lukra bridge": "e-bridge"}
    one = article("w1", "Mara Voss said the Red Militia blew up the Lukra bridge overnight.", names=names)
    two = article("w2", "Mara Voss said the national army blew up the Lukra bridge overnight.", names=names)
    statements = [
        statement(one, 0, speaker_text="Mara Voss", cue="said", speaker="e-voss",
                  content="the Red Militia blew up the Lukra bridge overnight"),
        statement(two, 0, speaker_text="Mara Voss", cue="said", speaker="e-voss",
                  content="the national army blew up the Lukra bridge overnight"),
    ]  # fmt: skip
    people = [entity("e-voss", "Mara Voss"), *(entity(i, n, "ORG") for n, i in names.items() if i != "e-voss")]
    result = dossier([one, two], people, statements)
    build_claims(result)
    bridge = [claim for claim in result.claims if "bridge" in claim.text]
    assert len(bridge) == 2
    assert {claim.verdict for claim in bridge} == {"contested"}


def test_a_long_denial_of_a_named_report_is_a_reaction() -> None:
    """A trial: the defence calls the newspaper's story false at length; spelling the claim out makes a proposition."""

    def denial(content: str) -> Statement:
        return Statement(id="t1:s0", article="t1", start=0, end=1, content=content, stance_class="deny")

    assert is_reaction(denial("the Herald report, published on its website late on Friday, as pure invention"))
    assert is_reaction(denial("the story laid out by the newspaper was totally false and complete fiction"))
    assert not is_reaction(denial("the report that the judge had met the defendant before the trial was false"))
    assert not is_reaction(denial("the allegations of the judge's bias in the case are nonsense, the court said"))


def test_a_verdict_on_something_said_elsewhere_is_a_reaction() -> None:
    """A pronoun judged true or false answers a claim made elsewhere ("It is frivolous fabrication and of course just
    nonsense"); a judgement that spells its claim out, or goes on to say something of its own, is a proposition. A
    war, a trial, a merger, sport."""

    def said(content: str, stance_class: str = "deny") -> Statement:
        return Statement(id="t1:s0", article="t1", start=0, end=1, content=content, stance_class=stance_class)

    assert is_reaction(said("It is frivolous fabrication and of course just nonsense"))
    assert is_reaction(said("That's not true."))
    assert is_reaction(said("“This is an absolute lie,”"))
    assert is_reaction(said("it was entirely accurate", "confirm"))
    assert not is_reaction(said("It is false that the board approved the merger"))
    assert not is_reaction(said("It is wrong because the referee had already blown the whistle"))
    assert not is_reaction(said("It is a sad day for the club and its supporters"))
    # An assertion is no answer: "it is true" said in passing is left to the claim it belongs to.
    assert not is_reaction(said("It is true the troops were withdrawn from the bridge last night", "assert"))


def test_a_claim_put_in_the_negative_is_confirmed_by_those_saying_it() -> None:
    """ "The coach said the striker is not injured" puts forward a negative claim; "denied that the striker is
    injured" would deny the positive one. Reading denials off negative words must not turn the sources of a
    negative claim into its deniers (a sports story and a trial story)."""
    people = [
        entity("e-coach", "Anna Berg"),
        entity("e-club", "Rovers FC", "ORG"),
        entity("e-court", "the court clerk"),
        entity("e-lawyer", "Paul Dent"),
    ]
    names = {"Anna Berg": "e-coach", "Rovers FC": "e-club", "Paul Dent": "e-lawyer"}
    one = article("n1", "Anna Berg said the striker is not injured and will not miss the final.", names=names)
    two = article("n2", "Rovers FC said the striker is not injured and will not miss the final on Sunday.", names=names)
    three = article(
        "n3", "Paul Dent said the defendant did not leave the country before the hearing.", story="s-t", names=names
    )
    four = article(
        "n4", "Paul Dent denied the defendant did not leave the country before the hearing.", story="s-t", names=names
    )
    statements = [
        statement(
            one, 0, speaker_text="Anna Berg", cue="said", speaker="e-coach", stance="deny",
            content="the striker is not injured and will not miss the final",
        ),
        statement(
            two, 0, speaker_text="Rovers FC", cue="said", speaker="e-club", source_type="organization",
            stance="deny", content="the striker is not injured and will not miss the final on Sunday",
        ),
        statement(
            three, 0, speaker_text="Paul Dent", cue="said", speaker="e-lawyer", stance="deny",
            content="the defendant did not leave the country before the hearing",
        ),
        statement(
            four, 0, speaker_text="Paul Dent", cue="denied", speaker="e-lawyer", stance="deny",
            content="the defendant did not leave the country before the hearing",
        ),
    ]  # fmt: skip
    result = dossier([one, two, three, four], people, statements)
    build_claims(result)
    striker = _claim_about(result, "striker")
    assert {stance.stance for stance in striker.stances} == {"confirms"}
    assert striker.verdict == "corroborated"
    defendant = _claim_about(result, "defendant")
    by_article = {stance.article: stance.stance for stance in defendant.stances}
    # "said ... did not" puts the negative forward; "denied ..." keeps the denial its verb makes.
    assert by_article == {"n3": "confirms", "n4": "denies"}


def test_a_party_saying_it_did_not_do_something_denies_it() -> None:
    """ "I never sold the shares" / "said it had not paid the fine": a negative about the speaker itself is its
    denial of the claim that it did, even when nobody puts that claim forward in the positive."""
    people = [entity("e-ray", "Tom Ray"), entity("e-mill", "Northmill", "ORG")]
    names = {"Tom Ray": "e-ray", "Northmill": "e-mill"}
    one = article("p1", "“I never sold the shares before the announcement,” Tom Ray said.", names=names)
    two = article("p2", "Tom Ray said he never sold the shares before the announcement was made.", names=names)
    statements = [
        statement(
            one, 0, speaker_text="Tom Ray", cue="said", speaker="e-ray", stance="deny",
            content="I never sold the shares before the announcement",
        ),
        statement(
            two, 0, speaker_text="Tom Ray", cue="said", speaker="e-ray", stance="deny",
            content="he never sold the shares before the announcement was made",
        ),
    ]  # fmt: skip
    result = dossier([one, two], people, statements)
    build_claims(result)
    shares = _claim_about(result, "shares")
    assert {stance.stance for stance in shares.stances} == {"denies"}


def test_a_party_answers_the_claim_being_reported_rather_than_an_equally_close_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Between two lines of its article about as close to a reaction, a party's "declined to comment" answers the
    one other outlets report too (a merger story: the bid, not the firm's store count)."""
    import numpy as np

    from crosswire.claims import stage
    from crosswire.claims.propositions import Proposition, Reaction

    def proposition(article_id: str, sentence: int, text: str) -> Proposition:
        return Proposition(
            article=article_id, start=0, end=len(text), text=text, stance="reports", statement=None, source=None,
            source_text=None, source_type="media", root_key=article_id, party_key=article_id, sentence=sentence,
        )  # fmt: skip

    propositions = [
        proposition("r1", 0, "Harlow Foods is in talks to buy Pemberton."),
        proposition("r1", 1, "Harlow Foods runs 300 stores."),
        proposition("r2", 0, "Harlow Foods is in talks to acquire Pemberton."),
    ]
    unit = np.eye(3, 384, dtype=np.float32)
    vectors = np.stack([unit[0], unit[1], unit[0]])
    # The reaction's context is a little closer to the store line (the sentence just before it) than to the bid.
    context = 0.70 * unit[0] + 0.72 * unit[1]
    monkeypatch.setattr(stage, "encode_cached", lambda texts, cache, prefer=None: np.stack([context for _ in texts]))
    statement_ = Statement(
        id="r1:s0", article="r1", start=0, end=10, speaker=None, speaker_text="Harlow Foods", speaker_start=0,
        speaker_end=5, source_type="organization", cue="declined", cue_start=0, cue_end=3, content="to comment",
        content_start=0, content_end=3, direct=False, stance_class="decline", via=[],
    )  # fmt: skip
    reaction = Reaction("r1", statement_, "declines", None, "Harlow Foods", "e", "e", "context", 2)
    claim_of = {0: 0, 1: 1, 2: 0}
    attached = stage._attach([reaction], propositions, vectors, claim_of, {"r1": "s", "r2": "s"}, {"s"}, None)
    assert list(attached) == [0]


def test_a_list_of_days_is_no_rival_date() -> None:
    """An aircraft: one paper lists the three earlier flights a warning light came on (three days), another dates the
    same finding against the day of the accident. Neither gives one day as the answer to "when", so they are one
    claim; and the day of "Dec. 7" is part of a date, not a figure that could disagree with another."""
    one = article(
        "f1",
        "The plane's pressurization warning light had come on during three earlier flights, on Dec. 7, Jan. 3 "
        "and Jan. 4.",
        dates={"Dec. 7": "2023-12-07", "Jan. 3": "2024-01-03", "Jan. 4": "2024-01-04"},
        outlet="Courier",
    )
    two = article(
        "f2",
        "The plane's pressurization warning light had come on during three earlier flights before Friday's accident.",
        dates={"Friday": "2024-01-05"},
        outlet="Tribune",
    )
    result = dossier([one, two], [], [])
    propositions, _ = extract(result.articles, result, {})
    assert [proposition.numbers for proposition in propositions] == [frozenset(), frozenset()]
    assert not conflicting(*propositions)
    build_claims(result)
    light = [claim for claim in result.claims if "warning light" in claim.text]
    assert len(light) == 1
    assert {stance.article for stance in light[0].stances} == {"f1", "f2"}


def test_a_short_clause_with_its_own_predicate_is_no_reaction() -> None:
    """A war: "Both governments have concluded the blasts were deliberate" puts forward that the blasts were
    deliberate; "confirmed the attack" or "the report" only point back at a claim."""

    def confirmation(content: str) -> Statement:
        return Statement(id="w1:s0", article="w1", start=0, end=1, content=content, stance_class="confirm")

    assert not is_reaction(confirmation("the blasts were deliberate"))
    assert not is_reaction(confirmation("the ferry had sunk near the pier"))
    assert is_reaction(confirmation("the attack on Friday"))
    assert is_reaction(confirmation("the report"))


def test_a_reaction_names_what_it_answers() -> None:
    """A non-answer or denial that spells out its object is read for it, in any domain; a bare one names nothing."""
    from crosswire.claims.reactions import reaction_object

    # A war, a merger, a trial, sport.
    assert reaction_object("he could neither confirm nor deny reports of troops massing near the border") == (
        "troops massing near the border"
    )
    assert reaction_object("declined to comment on the merger talks with Pemberton") == "merger talks with Pemberton"
    assert reaction_object("that it could neither confirm nor deny a report that the jury had reached a verdict") == (
        "jury had reached a verdict"
    )
    assert reaction_object("would not confirm the club had sacked its manager") == "club had sacked its manager"
    assert reaction_object('the league "neither confirms nor denies" such talks are taking place') == (
        "talks are taking place"
    )
    assert reaction_object("declined to comment") == ""
    assert reaction_object("denied the report") == ""
    assert reaction_object("the Hersh report, published on Substack, as complete fiction") == ""


def test_a_reaction_that_names_its_object_answers_it_wherever_it_was_said(monkeypatch: pytest.MonkeyPatch) -> None:
    """A trial: "the court would neither confirm nor deny reports of a plea deal" answers the plea deal, said early in
    the article, not the line about the judge just before the reaction."""
    import numpy as np

    from crosswire.claims import stage
    from crosswire.claims.propositions import Proposition, Reaction

    def proposition(sentence: int, text: str) -> Proposition:
        return Proposition(
            article="t1", start=0, end=len(text), text=text, stance="reports", statement=None, source=None,
            source_text=None, source_type="media", root_key="t1", party_key="t1", sentence=sentence,
        )  # fmt: skip

    propositions = [
        proposition(0, "The defendant has agreed a plea deal with prosecutors."),
        proposition(5, "The judge adjourned the hearing until Monday."),
    ]
    unit = np.eye(3, 384, dtype=np.float32)
    vectors = np.stack([unit[0], unit[1]])
    queries: list[str] = []

    def encode(texts: list[str], cache: object, prefer: str | None = None) -> np.ndarray:
        queries.extend(texts)
        # The object named reads like the plea deal; the sentences around the reaction like the hearing.
        return np.stack([unit[0] if "plea deal" in text else unit[1] for text in texts])

    monkeypatch.setattr(stage, "encode_cached", encode)
    content = "it would neither confirm nor deny reports of a plea deal"
    statement_ = Statement(
        id="t1:s3", article="t1", start=0, end=10, speaker=None, speaker_text="The court", speaker_start=0,
        speaker_end=5, source_type="organization", cue="said", cue_start=0, cue_end=3, content=content,
        content_start=0, content_end=3, direct=False, stance_class="neither", via=[],
    )  # fmt: skip
    context = "The judge adjourned the hearing. The court said it would neither confirm nor deny reports."
    reaction = Reaction("t1", statement_, "neither", None, "The court", "c", "c", context, 6, about="plea deal")
    attached = stage._attach([reaction], propositions, vectors, {0: 0, 1: 1}, {"t1": "s"}, {"s"}, None)
    assert list(attached) == [0]
    assert queries == ["plea deal"]
    bare = Reaction("t1", statement_, "declines", None, "The court", "c", "c", context, 6)
    assert list(stage._attach([bare], propositions, vectors, {0: 0, 1: 1}, {"t1": "s"}, {"s"}, None)) == [1]


def test_an_article_telling_an_answer_to_a_reported_claim_reports_that_claim() -> None:
    """A trial, a war and a merger: "denied a newspaper report that ...", "called the allegations that ... false", a
    denial beside another outlet's report: the article passes the claim on (``reports``) as well as the answer. A bare
    denial tells of no claim made by anyone; and the article's relay adds no independent source."""
    people = [
        entity("e-mayor", "Ivan Holt"),
        entity("e-army", "Northern Army", "ORG"),
        entity("e-harlow", "Harlow Foods", "ORG"),
        entity("e-ledger", "Financial Ledger", "ORG"),
        entity("e-club", "Rovers FC", "ORG"),
    ]
    names = {
        "Ivan Holt": "e-mayor",
        "Northern Army": "e-army",
        "Harlow Foods": "e-harlow",
        "Financial Ledger": "e-ledger",
        "Rovers FC": "e-club",
    }
    trial = article(
        "d1", "Ivan Holt denied a newspaper report that he had taken bribes from a local builder.", names=names
    )
    war = article(
        "d2",
        "The Northern Army said allegations that its troops had shelled the border village were false.",
        story="s-war",
        names=names,
    )
    merger = article(
        "d3",
        "The Financial Ledger reported that discussions between the two grocers were at an early stage. "
        "Harlow Foods said it was not in talks to buy its smaller rival Pemberton Stores.",
        story="s-deal",
        names=names,
    )
    sport = article(
        "d4", "Rovers FC denied that its coach had agreed to join a rival club in the summer.", story="s-sport",
        names=names,
    )  # fmt: skip
    statements = [
        statement(
            trial, 0, speaker_text="Ivan Holt", cue="denied", speaker="e-mayor", stance="deny",
            content="a newspaper report that he had taken bribes from a local builder",
        ),
        statement(
            war, 0, speaker_text="The Northern Army", cue="said", speaker="e-army", source_type="organization",
            stance="deny", content="allegations that its troops had shelled the border village were false",
        ),
        statement(
            merger, 0, speaker_text="The Financial Ledger", cue="reported", speaker="e-ledger", source_type="media",
            content="that discussions between the two grocers were at an early stage",
        ),
        statement(
            merger, 1, speaker_text="Harlow Foods", cue="said", speaker="e-harlow", source_type="organization",
            stance="deny", content="it was not in talks to buy its smaller rival Pemberton Stores",
        ),
        statement(
            sport, 0, speaker_text="Rovers FC", cue="denied", speaker="e-club", source_type="organization",
            stance="deny", content="that its coach had agreed to join a rival club in the summer",
        ),
    ]  # fmt: skip
    result = dossier([trial, war, merger, sport], people, statements)
    build_claims(result)
    for words, article_id in [("bribes", "d1"), ("shelled", "d2"), ("in talks", "d3")]:
        claim = _claim_about(result, words)
        stances = sorted(stance.stance for stance in claim.stances if stance.article == article_id)
        assert stances == ["denies", "reports"], (words, claim.stances)
        assert claim.verdict == "denied" and claim.independent_sources == 0
    coach = _claim_about(result, "coach")
    assert [stance.stance for stance in coach.stances] == ["denies"]


def test_a_quote_told_round_its_speaker_puts_forward_its_own_words() -> None:
    """A merger and a war: a direct quote in two pieces round its attribution gives the quoted words, not "the
    spokeswoman said in a statement"; a quote told in one piece is left whole."""
    text = (
        "“Northgate is absolutely not in talks with Pemberton about a merger,” spokeswoman Ada Quill said in a "
        "statement. “It does not make the slightest bit of sense.” The army said the bridge was destroyed."
    )
    item = article("m1", text, names={"Northgate": "e-north", "Pemberton": "e-pem", "Ada Quill": "e-quill"})
    people = [
        entity("e-north", "Northgate", "ORG"),
        entity("e-pem", "Pemberton", "ORG"),
        entity("e-quill", "Ada Quill"),
    ]
    quote = statement(
        item,
        0,
        speaker_text="spokeswoman Ada Quill",
        cue="said",
        content=text[: text.index(" The army")],
        speaker="e-quill",
        stance="deny",
        direct=True,
    )
    propositions, _ = extract([item], dossier([item], people, [quote]), {})
    texts = [proposition.text for proposition in propositions if proposition.statement == quote.id]
    assert texts[0] == "Northgate is absolutely not in talks with Pemberton about a merger"
    assert all("said in a statement" not in text for text in texts)
    assert any(text.startswith("It does not make the slightest bit of sense") for text in texts)


def test_one_quoted_sentence_broken_by_its_speaker_stays_whole() -> None:
    """A trial and sport: a sentence broken by its attribution ("'The verdict,' the lawyer said, 'will be appealed.'")
    gives no piece of itself as a claim; a quote before "said the coach" is cut before the cue."""
    text = "“The verdict in this case,” lawyer Tom Reyes said, “will be appealed within the week.” The court rose."
    item = article("t1", text, names={"Tom Reyes": "e-reyes"})
    broken = statement(
        item, 0, speaker_text="lawyer Tom Reyes", cue="said", content=text[: text.index(" The court")],
        speaker="e-reyes", direct=True,
    )  # fmt: skip
    propositions, _ = extract([item], dossier([item], [entity("e-reyes", "Tom Reyes")], [broken]), {})
    assert [p.text for p in propositions if p.statement == broken.id] == [
        "The verdict in this case,” lawyer Tom Reyes said, “will be appealed within the week."
    ]
    text = "“We will beat Harlow Town on Saturday,” said coach Lena Ortiz after training. Fans cheered."
    item = article("s1", text, names={"Lena Ortiz": "e-ortiz", "Harlow Town": "e-harlow"})
    cut = statement(
        item, 0, speaker_text="coach Lena Ortiz", cue="said", content=text[: text.index(" Fans")],
        speaker="e-ortiz", direct=True,
    )  # fmt: skip
    people = [entity("e-ortiz", "Lena Ortiz"), entity("e-harlow", "Harlow Town", "ORG")]
    propositions, _ = extract([item], dossier([item], people, [cut]), {})
    assert [p.text for p in propositions if p.statement == cut.id] == ["We will beat Harlow Town on Saturday"]


def test_a_number_in_a_name_is_no_figure() -> None:
    """An aircraft type, a flight, a legal section or a mission names a thing; it counts nothing, so two reports of one
    grounding, one naming the "Boeing 737 MAX 9" and one giving "more than 170" planes, do not give rival figures.
    A figure stays a figure: a count, a score after a team's name, a sum."""
    one = article(
        "g1",
        "The regulator was temporarily grounding certain Boeing 737 MAX 9 aircraft until they were inspected.",
        outlet="Courier",
        names={"Boeing": "org:boeing"},
    )
    two = article(
        "g2",
        "On Saturday, the regulator grounded more than 170 planes.",
        outlet="Tribune",
        dates={"Saturday": "2024-01-06"},
    )
    result = dossier([one, two], [], [])
    propositions, _ = extract(result.articles, result, {})
    assert [proposition.numbers for proposition in propositions] == [frozenset(), frozenset({"170"})]
    assert not conflicting(*propositions)
    for text, name, figures in [
        ("Alaska Airlines Flight 1282 lost a door plug at 16,000 feet.", "Alaska Airlines", {"16000"}),
        ("The court read Section 230 as shielding the platform from 12 suits.", "Section", {"12"}),
        ("The Dodgers beat the Giants 5-3 in front of 40,000 fans.", "Dodgers", {"5", "3", "40000"}),
        ("Officers said Brigade 47 had lost 30 tanks near the river.", "Brigade", {"30"}),
    ]:
        item = article("n1", text, names={name: "org:x"})
        found, _ = extract([item], dossier([item], [], []), {})
        assert set().union(*(proposition.numbers for proposition in found)) == figures, text


def test_a_day_something_is_measured_against_does_not_date_it() -> None:
    """A warning light "in the weeks before Friday's accident" and the same light "during a Dec. 7 flight" are not two
    answers to "when": Friday only anchors the first. A vote: "two days after the Jan. 5 vote" does not date the walkout
    either, while "on Jan. 7" does."""
    one = article(
        "a1",
        "The plane's warning light had come on during three flights in the weeks before Friday's accident.",
        dates={"Friday": "2024-01-05"},
    )
    two = article("a2", "The plane's warning light had come on during a Dec. 7 flight.", dates={"Dec. 7": "2023-12-07"})
    three = article(
        "a3",
        "The opposition walked out of parliament two days after the Jan. 5 vote, and again on Jan. 7.",
        dates={"Jan. 5": "2024-01-05", "Jan. 7": "2024-01-07"},
    )
    four = article("a4", "Rebels shelled the town since Monday's truce, the army says.", dates={"Monday": "2024-01-01"})
    result = dossier([one, two, three, four], [], [])
    propositions, _ = extract(result.articles, result, {})
    dates = {proposition.article: proposition.dates for proposition in propositions}
    assert dates == {
        "a1": frozenset(),
        "a2": frozenset({"2023-12-07"}),
        "a3": frozenset({"2024-01-07"}),
        "a4": frozenset(),
    }
    assert not conflicting(propositions[0], propositions[1])


def test_a_statement_in_a_relative_clause_leaves_the_sentence_the_narrators() -> None:
    """Sport: "the league has been pressing to punish" sits in a relative clause of the narrator's sentence about the
    club's appeal; the sentence stays the article's own line. A sentence that is the statement stays the statement's."""
    text = (
        "The club is also expected to appeal the ban of Rossi over two tackles, which the league has been "
        "pressing to punish. The coach said the players had done nothing wrong."
    )
    item = article("r1", text, names={"Rossi": "person:rossi"})
    pressing = statement(
        item, 0, speaker_text="the league", cue="pressing", content="to punish", source_type="organization"
    )
    said = statement(item, 1, speaker_text="The coach", cue="said", content="the players had done nothing wrong")
    result = dossier([item], [], [pressing, said])
    propositions, _ = extract(result.articles, result, {})
    own = [proposition.text for proposition in propositions if proposition.statement is None]
    assert own == [text.split(". ")[0] + "."]


def test_a_quoted_he_no_one_in_the_quote_names_is_the_person_the_article_is_about() -> None:
    """A trial: "He lied to the board for years," the prosecutor said, in an article about Dan Marlow, reads as "Dan
    Marlow lied to the board for years". A war: when two people lead the count alike, "he" stays as it is."""
    text = (
        "Dan Marlow went on trial on Monday. Marlow, a former chief executive, denies the charges. "
        "\u201cHe lied to the board for years,\u201d the prosecutor Ann Reyes said."
    )
    people = {"Dan Marlow": "person:marlow", "Marlow,": "person:marlow", "Ann Reyes": "person:reyes"}
    item = article("t1", text, names=people)
    quote = statement(
        item,
        0,
        speaker_text="Ann Reyes",
        speaker="person:reyes",
        cue="said",
        content="He lied to the board for years,",
        direct=True,
    )
    entities = [entity("person:marlow", "Dan Marlow"), entity("person:reyes", "Ann Reyes")]
    propositions, _ = extract([item], dossier([item], entities, [quote]), {})
    quoted = [proposition for proposition in propositions if proposition.statement == quote.id]
    assert [proposition.text for proposition in quoted] == ["Dan Marlow lied to the board for years"]
    assert "person:marlow" in quoted[0].entities

    text = (
        "General Ivo Kral met General Petr Vlk at the border. Kral and Vlk agreed to a truce. "
        "\u201cHe will pull his troops back,\u201d an aide said."
    )
    generals = {"Ivo Kral": "person:kral", "Kral": "person:kral", "Petr Vlk": "person:vlk", "Vlk": "person:vlk"}
    item = article("w1", text, names=generals)
    quote = statement(item, 0, speaker_text="an aide", cue="said", content="He will pull his troops back,", direct=True)
    entities = [entity("person:kral", "Ivo Kral"), entity("person:vlk", "Petr Vlk")]
    propositions, _ = extract([item], dossier([item], entities, [quote]), {})
    assert [p.text for p in propositions if p.statement == quote.id] == ["He will pull his troops back"]


def test_a_content_that_is_a_relative_clause_is_no_proposition() -> None:
    """A merger and a trial: "Responding to the filing, which alleged that the board hid losses, the company said
    ..." -- a statement whose content is the relative clause on its object is about that antecedent, so it puts
    forward no claim; the clause's own statement ("which alleged that ...") carries what it says."""
    text = (
        "Responding to the filing, which alleged that the board had hidden losses for years, Norvik Holdings said it"
        " would contest every count."
    )
    item = article("m1", text, names={"Norvik Holdings": "e-norvik"})
    relative = "which alleged that the board had hidden losses for years"
    responding = statement(
        item, 0, speaker_text="Norvik Holdings", cue="Responding", content=relative, speaker="e-norvik",
        source_type="organization",
    )  # fmt: skip
    alleged = statement(
        item, 1, speaker_text="which", cue="alleged", content="that the board had hidden losses for years",
    )  # fmt: skip
    found, _ = extract(
        [item], dossier([item], [entity("e-norvik", "Norvik Holdings", "ORG")], [responding, alleged]), {}
    )
    assert [p.statement for p in found if "hidden losses" in p.text] == [alleged.id]


def test_a_persons_they_is_not_the_person() -> None:
    """Diplomacy and sport: "Peskov said they were held at the US' initiative" puts forward that THEY (the talks)
    were, not that Peskov was; an organization's "they" ("Norvik said they would contest every count") is still the
    organization, and a person's "he" still the person."""
    text = "Kremlin spokesman Dmitry Peskov said they were held at the initiative of the United States side."
    item = article("d1", text, names={"Dmitry Peskov": "e-peskov"})
    said = statement(
        item, 0, speaker_text="Kremlin spokesman Dmitry Peskov", cue="said",
        content="they were held at the initiative of the United States side", speaker="e-peskov",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [entity("e-peskov", "Dmitry Peskov")], [said]), {})
    assert [p.text for p in found if p.statement == said.id] == [
        "they were held at the initiative of the United States side"
    ]
    text = "Norvik Holdings said they would contest every count of the indictment in court."
    item = article("n1", text, names={"Norvik Holdings": "e-norvik"})
    said = statement(
        item, 0, speaker_text="Norvik Holdings", cue="said", content="they would contest every count of the indictment",
        speaker="e-norvik", source_type="organization",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [entity("e-norvik", "Norvik Holdings", "ORG")], [said]), {})
    assert [p.text for p in found if p.statement == said.id] == [
        "Norvik Holdings would contest every count of the indictment"
    ]


def test_a_pronoun_that_cannot_be_the_source_is_someone_else() -> None:
    """A war and a trial: "According to local media, he told the ministers that the allies would not send tanks" --
    an outlet is never "he", so the negative is asserted by the outlet (it reports it), not a denial the source makes
    of a claim about itself; a person's own "he never ..." still denies."""
    text = "According to local media, he told the ministers that the allies would not send more tanks this year."
    item = article("w1", text, names={})
    relayed = statement(
        item, 0, speaker_text="local media", cue="According to", stance="deny", source_type="media",
        content="he told the ministers that the allies would not send more tanks this year",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [], [relayed]), {})
    assert found and all(p.stance != "denies" or p.asserted is not None for p in found)
    text = "The defendant Mark Ellison said he never signed the loan documents at the bank."
    item = article("t2", text, names={"Mark Ellison": "e-ellison"})
    own = statement(
        item, 0, speaker_text="The defendant Mark Ellison", cue="said", stance="deny", speaker="e-ellison",
        content="he never signed the loan documents at the bank",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [entity("e-ellison", "Mark Ellison")], [own]), {})
    assert [(p.stance, p.asserted) for p in found] == [("denies", None)]


def test_a_reflexive_phrase_or_a_bare_question_is_no_proposition() -> None:
    """Diplomacy and industry: "Turkey presented itself as a mediator ..." and "asked whether the plant would close"
    put forward nothing to check."""
    text = (
        "Turkey has presented itself as a mediator between the two warring sides since the invasion began. The union"
        " asked whether the plant in Sunderland would close before the end of the year."
    )
    item = article("r1", text, names={"Turkey": "e-turkey"})
    presented = statement(
        item, 0, speaker_text="Turkey", cue="presented", speaker="e-turkey", source_type="organization",
        content="itself as a mediator between the two warring sides since the invasion began",
    )  # fmt: skip
    asked = statement(
        item, 1, speaker_text="The union", cue="asked",
        content="whether the plant in Sunderland would close before the end of the year",
    )  # fmt: skip
    found, _ = extract([item], dossier([item], [entity("e-turkey", "Turkey", "GPE")], [presented, asked]), {})
    assert not [p.text for p in found if p.statement in {presented.id, asked.id}]


@pytest.mark.parametrize(
    "content",
    [
        "any of the claims brought forth by Olsen",
        "all of the allegations made by the prosecutor",
        "some of the reports about the troop movements",
    ],
)
def test_a_denial_of_some_or_all_of_the_claims_answers_them_and_is_no_claim(content: str) -> None:
    item = article("a1", f"The tour denied {content}.")
    denial = statement(item, 0, speaker_text="The tour", cue="denied", content=content, stance="deny")
    assert is_reaction(denial)


def test_an_outlets_report_counts_once_however_it_is_cited() -> None:
    """A product launch: the outlet's own article quotes unnamed people, one site cites "a report in" it, another
    "documents seen by" it. All three pass on one report: one independent source, whose origin is the outlet."""
    people = [entity("e-vantor", "Vantor", "ORG"), entity("e-courier", "Tech Courier", "ORG")]
    names = {"Vantor": "e-vantor", "Tech Courier": "e-courier"}
    claim = "Vantor is preparing to launch a folding phone with a larger battery in September"
    own = article("p1", f"{claim}, two people familiar with the plans said.", outlet="Tech Courier", names=names)
    cited = article(
        "p2", f"{claim}, according to a report in the Tech Courier on Monday.", outlet="Gadget Wire", names=names
    )
    seen = article("p3", f"{claim}, documents seen by the Tech Courier show.", outlet="Byte Daily", names=names)
    statements = [
        statement(own, 0, speaker_text="two people familiar with the plans", cue="said", source_type="anonymous",
                  content=claim),
        statement(cited, 0, speaker_text="a report in the Tech Courier on Monday", cue="according to",
                  speaker="e-courier", source_type="media", content=claim),
        statement(seen, 0, speaker_text="documents seen by the Tech Courier", cue="show", speaker="e-courier",
                  source_type="media", content=claim),
    ]  # fmt: skip
    result = dossier([own, cited, seen], people, statements)
    build_claims(result)
    launch = _claim_about(result, "folding phone")
    assert {stance.article for stance in launch.stances} == {"p1", "p2", "p3"}
    assert launch.independent_sources == 1, launch.stances
    assert launch.origin == "e-courier"


def test_a_party_s_denial_told_by_its_spokesperson_denies_the_clause() -> None:
    """Politics: "Senator Ruth Okafor has denied a newspaper report that she accepted gifts from a lobbyist, her
    spokesman said" puts forward the senator's denial of the gifts, not a claim that a denial was made; "she" is the
    senator. A reporter telling of the same denial only reports it."""
    people = [entity("e-okafor", "Ruth Okafor"), entity("e-gazette", "Capital Gazette", "ORG")]
    names = {"Ruth Okafor": "e-okafor", "Capital Gazette": "e-gazette"}
    report = article(
        "g1", "Ruth Okafor accepted expensive gifts from a tobacco lobbyist last year, the Capital Gazette reported.",
        outlet="Capital Gazette", names=names,
    )  # fmt: skip
    content = (
        "Senator Ruth Okafor has denied a newspaper report that she accepted expensive gifts from a tobacco lobbyist"
    )
    answer = article("g2", f"{content} last year, her spokesman said.", outlet="Evening Wire", names=names)
    statements = [
        statement(report, 0, speaker_text="the Capital Gazette", cue="reported", speaker="e-gazette",
                  source_type="media", content=report.text.split(", the Capital")[0]),
        statement(answer, 0, speaker_text="her spokesman", cue="said", content=f"{content} last year"),
    ]  # fmt: skip
    result = dossier([report, answer], people, statements)
    build_claims(result)
    gifts = _claim_about(result, "gifts")
    assert [stance.stance for stance in gifts.stances if stance.statement == "g2:s0"] == ["denies"], gifts.stances
    assert not any("has denied" in claim.text for claim in result.claims)
    assert gifts.verdict == "denied"


def _told(text: str, sentence: int = 0) -> Proposition:
    return Proposition(
        article="a1", start=0, end=len(text), text=text, stance="reports", statement=None, source=None,
        source_text=None, source_type="media", root_key="a1", party_key="a1", sentence=sentence,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("refusal", "deed"),
    [
        ("The government would not pay any ransom", "Hackers have demanded a ransom of 5 million dollars"),
        ("The club refuses to sell its captain", "Rovers made an offer for the club's captain"),
        ("The ministry will not extend the deadline", "The regulator missed the deadline for the merger review"),
    ],
)
def test_a_refusal_is_not_one_claim_with_a_deed(refusal: str, deed: str) -> None:
    assert conflicting(_told(refusal), _told(deed, 1))
    assert conflicting(_told(deed, 1), _told(refusal))


@pytest.mark.parametrize(
    ("refusal", "other"),
    [
        ("The government would not pay any ransom", "The government will pay the ransom"),
        ("The club refuses to sell its captain", "The club plans to sell its captain"),
        ("Burns would not discuss a settlement", "Burns is not negotiating a settlement"),
    ],
)
def test_a_refusal_may_answer_an_intent_or_another_negative(refusal: str, other: str) -> None:
    assert not conflicting(_told(refusal), _told(other, 1))


def test_a_denial_told_alone_goes_to_the_claim_it_denies() -> None:
    """A claim made of one denial ("the bank denied that it had been warned") joins the claim it denies, told with
    more words elsewhere in the story; a denial of something else stays where it is."""

    import numpy as np

    from crosswire.claims import answers

    unit = np.eye(3, 384, dtype=np.float32)
    propositions = [
        _told("The bank had been warned about the flaw in January"),
        replace(_told("The bank had been warned", 1), stance="denies"),
        replace(_told("The striker had failed a drug test", 2), stance="denies"),
    ]
    vectors = np.stack([unit[0], 0.9 * unit[0] + 0.3 * unit[1], unit[2]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = answers.denials_to_their_claims(propositions, vectors, [[0], [1], [2]], {"a1": "s"})
    assert groups == [[0, 1], [2]]


def test_a_refusal_told_alone_does_not_deny_the_deed_it_resembles() -> None:
    """ "The government would not pay any ransom", a negative claim on its own, is no denial of "hackers demanded a
    ransom", however close the two embed."""
    import numpy as np

    from crosswire.claims import answers

    unit = np.eye(2, 384, dtype=np.float32)
    propositions = [
        _told("Hackers have demanded a ransom of 5 million dollars"),
        replace(_told("The government would not pay any ransom", 1), stance="denies"),
    ]
    vectors = np.stack([unit[0], unit[0]])
    assert answers.denials_to_their_claims(propositions, vectors, [[0], [1]], {"a1": "s"}) == [[0], [1]]


def test_a_denial_of_any_such_thing_answers_the_line_just_before_it() -> None:
    """ "Sources said the club had promised the coach a bonus. The club denied that any payment had been promised":
    the denial answers the line before it, the noun after "any" generalising over what that line names; a line
    further back, or one lacking the denial's other words, is not what it answers."""
    import numpy as np

    from crosswire.claims import answers

    unit = np.eye(4, 384, dtype=np.float32)
    propositions = [
        replace(_told("The club had promised the coach a bonus of a million euros", 1)),
        replace(_told("The club had signed a new goalkeeper on Monday", 0)),
        replace(_told("any payment had been promised", 2), stance="denies"),
        replace(_told("any goalkeeper had been injured", 5), stance="denies"),
    ]
    vectors = np.stack([unit[0], unit[1], unit[2], unit[3]])
    groups = answers.denials_to_their_claims(propositions, vectors, [[0], [1], [2], [3]], {"a1": "s"})
    assert groups == [[0, 2], [1], [3]]


def test_a_denial_merged_among_lines_that_do_not_say_what_it_denies_goes_to_the_line_before_it() -> None:
    """ "The striker said hundreds of tickets had been wrongly cancelled. The club denied that any valid ticket had been
    cancelled, saying every ticket had been checked twice": the denial, merged with the club's own next clause, goes to
    the striker's line; a denial merged with a line that says what it denies stays."""
    import numpy as np

    from crosswire.claims import answers

    unit = np.eye(4, 384, dtype=np.float32)
    propositions = [
        _told("Hundreds of tickets from the east stand had been wrongly cancelled", 1),
        replace(_told("any valid ticket had been cancelled", 2), stance="denies"),
        _told("Every ticket had been checked twice by stewards", 2),
        _told("The court fined the company 2 million euros", 4),
        replace(_told("The court fined the company", 5), stance="denies"),
    ]
    vectors = np.stack([unit[0], unit[1], unit[1], unit[2], unit[3]])
    groups = answers.denials_to_their_claims(propositions, vectors, [[0], [1, 2], [3, 4]], {"a1": "s"})
    assert groups == [[0, 1], [2], [3, 4]]


def test_a_line_on_the_deed_just_told_joins_its_claim() -> None:
    """ "Harlow Foods has offered to buy Pemberton ... The offer was made on Friday": more of one offer. A line opening
    on a noun that names no deed of the line before it ("The company ...") stays its own claim."""
    from crosswire.claims import answers
    from crosswire.claims.predicates import stem

    def line(text: str, sentence: int, deed: set[str]) -> Proposition:
        return replace(_told(text, sentence), deed=frozenset(stem(word) for word in deed))

    propositions = [
        line("Harlow Foods has offered to buy Pemberton for 2 billion euros", 0, {"offered", "buy", "euros"}),
        line("The offer was made on Friday", 1, {"made", "friday"}),
        line("The company runs 300 stores", 2, {"runs", "stores"}),
        line("Rebels attacked the convoy near the border", 3, {"attacked", "convoy", "border"}),
        line("The attack killed four soldiers", 4, {"killed", "soldiers"}),
    ]
    assert answers.told_of_again(propositions, [[0], [1], [2], [3], [4]]) == [[0, 1], [2], [3, 4]]


@pytest.mark.parametrize(
    ("one", "other", "apart"),
    [
        ("Two people have died in the wildfire", "Police confirmed that three people died in the fire", True),
        ("Four soldiers were killed in the ambush", "The ambush killed six soldiers near the border", True),
        ("The club sold two players in January", "Two players were sold by the club in January", False),
        ("Two people have died in the wildfire", "Three homes burned on the ridge", False),
    ],
)
def test_a_thing_counted_two_ways_in_words_is_not_one_claim(one: str, other: str, apart: bool) -> None:
    assert conflicting(_told(one), _told(other, 1)) is apart
