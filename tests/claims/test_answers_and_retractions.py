"""An outlet taking back its own report, a denial of a deed's noun with its light verb, a deed agreed on terms and a
line counting with a number word: cases from a football transfer, a power cut, a rail strike, fishing talks and a
town council."""

from __future__ import annotations

from claims_support import article, dossier, statement

from crosswire.claims.propositions import extract
from crosswire.claims.stage import build_claims
from crosswire.model import Claim, Dossier

TRANSFER = (
    "Earlier today we reported that the striker Tomas Berg had signed for Harlow United. {retraction}"
    "Berg's agent said talks with several clubs were continuing."
)
OTHER = "Harlow United play their first home game of the season on Saturday against Vale, the club said."


def _transfer(retraction: str) -> Dossier:
    text = TRANSFER.format(retraction=retraction)
    tv = article("tv", text, story="s", outlet="Channel 4 Sport")
    club = article("club", OTHER, story="s", published="2024-05-07", outlet="Harlow Post")
    statements = [
        statement(
            tv, 0, speaker_text="we", cue="reported", content="the striker Tomas Berg had signed for Harlow United",
            source_type="unknown",
        ),
        statement(tv, 1, speaker_text="Berg's agent", cue="said", content="talks with several clubs were continuing"),
        statement(club, 0, speaker_text="the club", cue="said", content=OTHER.split(", the club")[0],
                  source_type="organization"),
    ]  # fmt: skip
    return dossier([tv, club], [], statements)


def _claim_at(result: Dossier, article_id: str, phrase: str) -> Claim:
    text = next(a.text for a in result.articles if a.id == article_id)
    (found,) = [
        c for c in result.claims if any(e.article == article_id and phrase in text[e.start : e.end] for e in c.evidence)
    ]
    return found


def test_an_outlets_retraction_denies_what_it_reported() -> None:
    for retraction in ("That report was wrong. ", "That was not correct, and we withdraw the report. "):
        result = _transfer(retraction)
        build_claims(result)
        signed = _claim_at(result, "tv", "had signed for Harlow United")
        assert {s.stance for s in signed.stances if s.article == "tv"} == {"denies"}
        assert signed.verdict == "denied"


def test_without_a_retraction_the_report_stands() -> None:
    result = _transfer("")
    build_claims(result)
    signed = _claim_at(result, "tv", "had signed for Harlow United")
    assert "denies" not in {s.stance for s in signed.stances} and signed.verdict != "denied"


def test_a_retraction_in_the_outlets_own_voice() -> None:
    """A power cut the paper dated and then took back: its own line is denied by it."""
    text = (
        "A power cut left 40,000 homes in the northern district without electricity on Monday. That information was "
        "incorrect. The grid operator said the cut hit a substation only."
    )
    paper = article("paper", text, story="s", outlet="Northern Echo", dates={"Monday": "2024-05-06"})
    other = article("radio", OTHER, story="s", outlet="Bay Radio")
    statements = [
        statement(paper, 0, speaker_text="The grid operator", cue="said", content="the cut hit a substation only",
                  source_type="organization"),
        statement(other, 0, speaker_text="the club", cue="said", content=OTHER.split(", the club")[0],
                  source_type="organization"),
    ]  # fmt: skip
    result = dossier([paper, other], [], statements)
    build_claims(result)
    cut = _claim_at(result, "paper", "40,000 homes")
    assert {s.stance for s in cut.stances if s.article == "paper"} == {"denies"}


def _strike(denial: str) -> Dossier:
    text = (
        "Union leaders said the rail operator and the drivers had agreed to a new pay deal for the summer. "
        f"The operator denied that {denial}."
    )
    wire = article("wire", text, story="s", outlet="Rail Wire")
    other = article(
        "local", "Commuters faced delays on Tuesday as drivers worked to rule, the operator said.", story="s"
    )
    statements = [
        statement(
            wire, 0, speaker_text="Union leaders", cue="said",
            content="the rail operator and the drivers had agreed to a new pay deal for the summer",
            source_type="organization",
        ),
        statement(wire, 1, speaker_text="The operator", cue="denied", content=f"that {denial}", stance="deny",
                  source_type="organization"),
        statement(other, 0, speaker_text="the operator", cue="said",
                  content="Commuters faced delays on Tuesday as drivers worked to rule", source_type="organization"),
    ]  # fmt: skip
    return dossier([wire, other], [], statements)


def test_a_denial_of_the_deeds_noun_with_its_light_verb_answers_the_line_before() -> None:
    result = _strike("any agreement had been reached")
    build_claims(result)
    deal = _claim_at(result, "wire", "had agreed to a new pay deal")
    assert {"reports", "denies"} <= {s.stance for s in deal.stances} or {"confirms", "denies"} <= {
        s.stance for s in deal.stances
    }
    assert deal.verdict in {"denied", "contested"}


def test_a_denial_of_another_noun_answers_nothing_before_it() -> None:
    """ "any payment had been made": the noun is not the line's deed."""
    result = _strike("any payment had been made")
    build_claims(result)
    deal = _claim_at(result, "wire", "had agreed to a new pay deal")
    assert "denies" not in {s.stance for s in deal.stances}


def test_a_deed_agreed_on_terms_is_read_from_its_subject() -> None:
    text = "The two governments have agreed in principle on a new fishing quota for the bay."
    talks = article("talks", text, outlet="Coast Times")
    agreed = statement(
        talks, 0, speaker_text="The two governments", cue="agreed", content="on a new fishing quota for the bay",
        stance="other", source_type="organization",
    )  # fmt: skip
    result = dossier([talks], [], [agreed])
    propositions, _ = extract(result.articles, result, {})
    assert any(
        p.text.startswith("The two governments have agreed in principle on a new fishing quota") for p in propositions
    )


def test_a_line_counting_with_a_number_word_is_check_worthy() -> None:
    text = "The town council met on a wet evening. The motion was carried by seven votes to three."
    council = article("council", text, outlet="Town Crier")
    propositions, _ = extract([council], dossier([council], [], []), {})
    assert [(p.text, p.tentative) for p in propositions if "seven votes" in p.text] == [
        ("The motion was carried by seven votes to three.", True)
    ]
