"""Events read on unseen stories of a transfer saga, a trial, an earthquake and a rate decision: a force of nature is
no party, a sentence is an event, the place of a meeting hung on the person met is the meeting's, a dateline names
no party, a pronoun participant is the person it refers to and never another party of its clause, and a report
without a date takes the date its article gave the same kind of event just before. Short passages, many domains."""

from __future__ import annotations

import pytest

from attribution.passages_support import analyze_passages, passage_events
from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.events.mentions import find_event_mentions
from crosswire.model import Article, Dossier, Event, EventMention
from crosswire.time.timex import find_timexes


def run(text: str, published: str = "2024-05-10") -> list[EventMention]:
    article = Article(id="t", source="t.txt", text=text, published=published)
    find_mentions(article, Context())
    find_timexes(article, Context())
    find_event_mentions(article, Context())
    return article.event_mentions


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 7.1 earthquake struck the coast of Chile on Monday.",
        "A powerful typhoon struck Luzon on Tuesday.",
        "The wildfire threatened the town of Paradise on Friday.",
    ],
)
def test_a_force_of_nature_is_no_party(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels struck an army base in Goma on Monday.",
        # "fire" and "wave" are weapons and attacks too, not only nature
        "Artillery fire struck the village of Kamyanka on Monday.",
        "A wave of drones struck Odesa on Monday.",
    ],
)
def test_people_and_weapons_that_strike_still_attack(text: str) -> None:
    assert [m.type for m in run(text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A court in Istanbul sentenced Selim Kaya to five years on Tuesday.", "Selim Kaya"),
        ("A judge in Ohio jailed Mark Dunn for contempt on Friday.", "Mark Dunn"),
    ],
)
def test_a_sentence_is_coercion_of_the_person_sentenced(text: str, target: str) -> None:
    found = [m for m in run(text) if m.type == "COERCE"]
    assert len(found) == 1 and not found[0].negated
    assert {p.text: p.role for p in found[0].participants}.get(target) == "target"


def test_the_place_hung_on_the_person_met_is_the_meetings() -> None:
    text = "The oil minister met Shell chief executive Wael Sawan in Brasilia on Monday."
    found = [m for m in run(text) if m.type == "CONSULT"]
    assert len(found) == 1 and found[0].location is not None and found[0].location.text == "Brasilia"


def test_a_dateline_names_no_party() -> None:
    found = run("GENEVA, Switzerland — A senior diplomat was detained on Monday.")
    assert [m.type for m in found] == ["COERCE"]
    assert not {p.text for p in found[0].participants} & {"GENEVA", "Switzerland"}


@pytest.mark.parametrize(
    ("text", "giver", "receiver"),
    [
        ("Norway sent a team of 40 doctors to Gaza on Monday.", "Norway", "Gaza"),
        ("Turkey delivered tents and blankets to Syria on Friday.", "Turkey", "Syria"),
    ],
)
def test_relief_sent_is_aid(text: str, giver: str, receiver: str) -> None:
    found = [m for m in run(text) if m.type == "AID"]
    assert len(found) == 1, [(m.type, m.trigger) for m in run(text)]
    assert {p.text: p.role for p in found[0].participants} == {giver: "actor", receiver: "target"}


def test_a_team_of_something_else_is_no_aid() -> None:
    assert [m.type for m in run("The firm sent a team of lawyers to Geneva on Monday.")] == []


PASSAGES = {
    "court": (
        "A former bank clerk was jailed for four years on Wednesday, 2024-05-08, after a jury convicted him of theft."
        " Tom Reyes, 41, had denied the charges. Judge Helen Marsh sentenced him and said he had abused his post.\n"
    ),
    "signing": (
        "Harbour City have signed the Danish goalkeeper Kasper Holm from Midtjylland. The 29-year-old signed a"
        " three-year contract at the club's ground.\n"
    ),
    "protest": (
        "Maria Lopez, a union leader, led the march through Madrid on Thursday. Madrid Police arrested her near the"
        " ministry after officers were pushed back.\n"
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    return analyze_passages(tmp_path_factory, PASSAGES)


def _names(dossier: Dossier, event: Event) -> dict[str, str]:
    names = {e.id: e.name for e in dossier.entities}
    return {names.get(r.entity, r.entity): r.role for r in event.participant_roles}


def test_a_pronoun_is_the_person_it_refers_to_never_the_other_party(dossier: Dossier) -> None:
    court = passage_events(dossier, "court", "COERCE")
    assert court, [(e.type, e.summary) for e in dossier.events]
    roles = _names(dossier, court[0])
    assert roles.get("Tom Reyes") == "target" and roles.get("Helen Marsh") == "actor", roles
    protest = passage_events(dossier, "protest", "COERCE")
    assert protest and _names(dossier, protest[0]).get("Maria Lopez") == "target"
    assert protest[0].summary.startswith("Madrid Police detained Maria Lopez"), protest[0].summary


def test_a_report_without_a_date_takes_the_date_its_article_just_gave(dossier: Dossier) -> None:
    court = passage_events(dossier, "court", "COERCE")
    assert len(court) == 1 and court[0].date == "2024-05-08", [(e.summary, e.date) for e in court]
    assert court[0].summary.startswith("Helen Marsh sentenced Tom Reyes"), court[0].summary


def test_a_contract_signed_is_an_agreement_of_the_person_described_by_age(dossier: Dossier) -> None:
    signed = passage_events(dossier, "signing", "AGREE")
    assert len(signed) == 1, [(e.type, e.summary) for e in dossier.events]
    assert _names(dossier, signed[0]).get("Kasper Holm") == "actor"
