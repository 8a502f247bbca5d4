"""The eleventh round's claims mechanisms: an outlet taking back its own report in other words ("An earlier version
of this item said ...", "A correction: on Monday we said that ... It did not ..."), a retracted line set apart from
the other lines merged with it, a party whose confirmation came days after its denial, a denial answering a line two
sentences back in a story one article tells, a live page's time stamp cut from a claim. Cases from a zoo, a bridge, a
bakery chain, a wage deal, a pipeline leak and a court."""

from __future__ import annotations

from dataclasses import replace

from claims_support import article, dossier, statement

from crosswire.claims.clauses import dateline_cut
from crosswire.claims.propositions import Proposition
from crosswire.claims.stage import _taken_back_apart, build_claims
from crosswire.claims.verdicts import StanceRecord, verdict_of
from crosswire.model import Claim, ClaimStance, Dossier

OTHER = "The zoo opens again on Saturday with a new aviary for parrots, the zoo's director said."


def _claims_at(result: Dossier, article_id: str, phrase: str) -> list[Claim]:
    text = next(a.text for a in result.articles if a.id == article_id)
    return [
        c for c in result.claims if any(e.article == article_id and phrase in text[e.start : e.end] for e in c.evidence)
    ]


def _feed(source: str, report: str, after: str) -> Dossier:
    """A feed item telling what ``source`` said, then ``after``; another article of the story beside it."""
    text = f"{source} said {report}. {after}Visitors were asked to check the zoo's website."
    feed = article("feed", text, story="s", outlet="City Alerts")
    other = article("radio", OTHER, story="s", outlet="Bay Radio")
    statements = [
        statement(feed, 0, speaker_text=source, cue="said", content=report, source_type="unknown"),
        statement(other, 0, speaker_text="the zoo's director", cue="said", content=OTHER.split(", the zoo's")[0]),
    ]
    return dossier([feed, other], [], statements)


def test_an_earlier_version_of_the_item_taken_back_is_denied() -> None:
    result = _feed(
        "An earlier version of this item", "the zoo's two tigers had escaped from their enclosure",
        "That was incorrect, and the item has been changed. ",
    )  # fmt: skip
    build_claims(result)
    escaped = _claims_at(result, "feed", "had escaped")
    assert escaped and all(c.verdict == "denied" for c in escaped)


def test_what_the_outlet_said_and_then_negates_is_denied() -> None:
    """ "A correction: on Monday we said that the bridge had collapsed. It did not collapse." """
    result = _feed("A correction: on Monday we", "the footbridge over the canal had collapsed", "It did not collapse. ")
    build_claims(result)
    collapsed = _claims_at(result, "feed", "had collapsed")
    assert collapsed and all(c.verdict == "denied" for c in collapsed)


def test_a_negative_of_another_deed_takes_nothing_back() -> None:
    result = _feed("A correction: on Monday we", "the footbridge over the canal had collapsed", "It did not rain. ")
    build_claims(result)
    collapsed = _claims_at(result, "feed", "had collapsed")
    assert collapsed and all(c.verdict != "denied" for c in collapsed)


def test_without_a_retraction_what_we_said_is_a_report() -> None:
    """ "On Monday we said ..." needs a retraction or a negative to be taken back (an earlier version of the item
    named as what said it is taken back by the naming: tests/claims/test_conditions_and_hedges.py)."""
    result = _feed("On Monday we", "the zoo's two tigers had escaped from their enclosure", "")
    build_claims(result)
    escaped = _claims_at(result, "feed", "had escaped")
    assert escaped and all(c.verdict != "denied" for c in escaped)


def _line(article_id: str, text: str, stance: str) -> Proposition:
    return Proposition(
        article=article_id, start=0, end=len(text), text=text, stance=stance, statement=None, source=None,
        source_text=None, source_type="unknown", root_key=f"outlet:{article_id}", party_key=f"outlet:{article_id}",
    )  # fmt: skip


def test_a_retracted_line_is_set_apart_from_what_it_was_merged_with() -> None:
    """The broadcaster's withdrawn "the rocket had exploded" is no word on the wire's "the second stage shut down
    early": the retraction denies the line taken back, not the claim it was merged into."""
    before = [
        _line("wire", "The second stage shut down 45 seconds early", "reports"),
        _line("tv", "The rocket had exploded over the sea", "reports"),
        _line("site", "The launch pad was damaged", "reports"),
    ]
    after = [before[0], replace(before[1], stance="denies"), before[2]]
    assert _taken_back_apart(before, after, [[0, 1], [2]]) == [[0], [1], [2]]
    # nothing taken back, or only lines taken back: the claims stay as they are
    assert _taken_back_apart(before, before, [[0, 1], [2]]) == [[0, 1], [2]]
    assert _taken_back_apart(before, after, [[1], [0, 2]]) == [[1], [0, 2]]


def _record(article_id: str, stance: str, party: str, published: str) -> StanceRecord:
    return StanceRecord(
        ClaimStance(source=party, source_text=party, article=article_id, stance=stance),  # type: ignore[arg-type]
        party, party, False, published, 0, False,
    )  # fmt: skip


def test_a_party_that_confirms_days_after_its_denial_has_the_last_word() -> None:
    """A bakery chain denies on Monday that it will close 40 shops and announces the closures on Thursday: its last
    word stands, the claim is not denied. The other way round, or on one day, the denial counts."""
    leak = _record("paper", "reports", "outlet:paper", "2025-03-02")
    denied = _record("wire", "denies", "e-chain", "2025-03-03")
    confirmed = _record("release", "confirms", "e-chain", "2025-03-06")
    assert verdict_of([leak, denied, confirmed], frozenset({"e-chain"}))[0] == "corroborated"
    assert verdict_of([leak, replace(denied, published="2025-03-07"), confirmed])[0] == "denied"
    assert verdict_of([leak, replace(denied, published="2025-03-06"), confirmed])[0] == "denied"
    assert verdict_of([leak, replace(denied, published=None), confirmed])[0] == "denied"


# (speaker, cue, source type, stance class, content) of each line of a story one article tells
Line = tuple[str, str, str, str, str]


def _one_article(text: str, lines: list[Line], phrase: str) -> Claim:
    """The one claim at ``phrase`` of a story one paper tells, its statements read from ``lines``."""
    paper = article("paper", text, story="s-paper", outlet="City Paper")
    statements = [
        statement(paper, number, speaker_text=speaker, cue=cue, source_type=kind, stance=stance, content=content)
        for number, (speaker, cue, kind, stance, content) in enumerate(lines)
    ]
    result = dossier([paper], [], statements)
    build_claims(result)
    (found,) = _claims_at(result, "paper", phrase)
    return found


def test_a_denial_two_sentences_on_answers_the_line_in_a_story_of_one_article() -> None:
    """A pipeline leak one site tells: the operator's "any" denial answers the worker's line two sentences back."""
    text = (
        "A worker told the site that a pressure sensor on the pipeline had failed three inspections in May. "
        "The firm kept pumping anyway, the worker said. "
        "The operator denied that any inspection of the sensor had failed."
    )
    lines: list[Line] = [
        ("A worker", "told", "anonymous", "assert",
         "that a pressure sensor on the pipeline had failed three inspections in May"),
        ("the worker", "said", "anonymous", "assert", "The firm kept pumping anyway"),
        ("The operator", "denied", "organization", "deny", "that any inspection of the sensor had failed"),
    ]  # fmt: skip
    failed = _one_article(text, lines, "failed three inspections")
    assert "denies" in {s.stance for s in failed.stances}
    assert failed.verdict in {"denied", "contested"}


def test_a_live_pages_time_stamp_is_cut_from_the_line() -> None:
    for line in (
        "10:12 Police officers have been searching the town hall since dawn",
        "14:30 GMT - The court adjourned the hearing until Friday",
        "9:05 a.m. The minister arrived at the courthouse with her lawyers",
    ):
        cut = dateline_cut(line)
        assert cut and line[cut:][:1].isupper(), line
    assert dateline_cut("3:1 was the final score in the derby on Sunday") == 0
    assert dateline_cut("Police officers searched the town hall at 10:12 on Monday") == 0


def test_one_deed_dated_two_ways_is_one_claim() -> None:
    """A dock strike's end the union dates Friday and a radio's source Sunday: one agreement, dated two ways (a
    contradiction), and the employer's denial answers both."""
    union = "The dockers' union and the port operator have agreed to end the strike at the container terminal on Friday"
    radio = "the two sides had agreed in principle to end the strike at the container terminal on Sunday"
    first = article(
        "wire", f"{union}, the union said. The port operator denied that any deal had been reached.", story="s",
        outlet="Harbour Wire", published="2025-09-01", dates={"Friday": "2025-09-05"},
    )  # fmt: skip
    second = article(
        "radio", f"A negotiator told the station that {radio}.", story="s", outlet="Port Radio",
        published="2025-09-02", dates={"Sunday": "2025-09-07"},
    )  # fmt: skip
    statements = [
        statement(first, 0, speaker_text="the union", cue="said", content=union, source_type="organization"),
        statement(first, 1, speaker_text="The port operator", cue="denied", stance="deny",
                  content="that any deal had been reached", source_type="organization"),
        statement(second, 0, speaker_text="A negotiator", cue="told", content=f"that {radio}",
                  source_type="anonymous"),
    ]  # fmt: skip
    result = dossier([first, second], [], statements)
    build_claims(result)
    assert any({v.value for v in c.values} == {"2025-09-05", "2025-09-07"} for c in result.contradictions)
    agreed = [c for c in result.claims if "strike" in c.text]
    assert len(agreed) == 1, [c.text for c in agreed]
    assert len({e.article for e in agreed[0].evidence}) == 2


def test_a_neither_nor_spelling_its_clause_out_is_a_claim_left_open() -> None:
    """ "The club would neither confirm nor deny that its coach had signed a new contract": a claim of its own, which
    nobody confirms, not an answer pinned on another claim of the article."""
    text = (
        "The club sold 12,000 season tickets for the new stadium by Friday, its ticket office said. "
        "The club would neither confirm nor deny that its coach had signed a new three-year contract."
    )
    lines: list[Line] = [
        ("its ticket office", "said", "organization", "assert",
         "The club sold 12,000 season tickets for the new stadium by Friday"),
        ("The club", "neither confirm nor deny", "organization", "neither",
         "that its coach had signed a new three-year contract"),
    ]  # fmt: skip
    signed = _one_article(text, lines, "signed a new three-year contract")
    assert "neither" in {s.stance for s in signed.stances}
    assert signed.verdict == "unverified"
    tickets = _one_article(text, lines, "season tickets")
    assert "neither" not in {s.stance for s in tickets.stances}


def test_a_denial_right_after_a_line_telling_its_deed_again_answers_it() -> None:
    """A source tells of a minister's resignation; the ministry denies, in the next sentence, that the minister had
    resigned on Friday: their deed and words are one."""
    text = (
        "A senior official told the paper that the transport minister had resigned over the rail contracts. "
        "The ministry denied that the minister had resigned on Friday."
    )
    lines: list[Line] = [
        ("A senior official", "told", "anonymous", "assert",
         "that the transport minister had resigned over the rail contracts"),
        ("The ministry", "denied", "organization", "deny", "that the minister had resigned on Friday"),
    ]  # fmt: skip
    resigned = _one_article(text, lines, "resigned over the rail contracts")
    assert "denies" in {s.stance for s in resigned.stances}


def test_rival_accounts_told_two_ways_stay_two_claims() -> None:
    """Two lines dating a bridge's sabotage two ways join, unless they name other doers ("the militia blew up the
    bridge on Friday" / "army engineers blew up the bridge on Sunday"): rival accounts stay apart."""
    import numpy as np

    from crosswire.claims.stage import _told_two_ways

    militia = replace(_line("wire", "The militia blew up the bridge on Friday", "reports"), agents=frozenset({"e-m"}))
    army = replace(_line("radio", "Army engineers blew up the bridge on Sunday", "reports"), agents=frozenset({"e-a"}))
    vectors = np.ones((2, 4), dtype=np.float32) / 2.0  # alike as wholes
    assert _told_two_ways([militia, army], vectors, [[0], [1]], [(0, 1)]) == [[0], [1]]
    same = replace(army, agents=frozenset({"e-m"}))
    assert _told_two_ways([militia, same], vectors, [[0], [1]], [(0, 1)]) == [[0, 1]]
