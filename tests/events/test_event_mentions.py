"""Event mentions on sentences written for them, through the real per-article stages (parse, entities, time)."""

from __future__ import annotations

import pytest

from crosswire.context import Context
from crosswire.entities.mentions import find_mentions
from crosswire.events.lexicon import lexicon
from crosswire.events.mentions import PAST_REF, find_event_mentions
from crosswire.model import Article, EventMention
from crosswire.pipeline import ARTICLE_STAGES
from crosswire.time.timex import find_timexes


def run(text: str, published: str | None = "2022-11-16") -> list[EventMention]:
    article = Article(id="t", source="t.txt", text=text, published=published)
    find_mentions(article, Context())
    find_timexes(article, Context())
    find_event_mentions(article, Context())
    return article.event_mentions


def of_type(mentions: list[EventMention], event_type: str) -> EventMention:
    found = [m for m in mentions if m.type == event_type]
    assert len(found) == 1, [(m.type, m.trigger, m.negated) for m in mentions]
    return found[0]


def parties(mention: EventMention) -> dict[str, str | None]:
    return {p.text: p.role for p in mention.participants}


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        ("Vladimir Putin met Xi Jinping in Beijing.", "CONSULT", "met"),
        ("The foreign ministers of Armenia and Azerbaijan held talks in Washington.", "CONSULT", "talks"),
        ("Israel and Hamas agreed to a ceasefire.", "AGREE", "agreed"),
        ("Armenia and Azerbaijan signed a peace treaty.", "AGREE", "treaty"),
        ("Russia rejected the Ukrainian peace proposal.", "REJECT", "rejected"),
        ("Ukraine accused Russia of war crimes.", "ACCUSE", "accused"),
        ("The European Union imposed sanctions on Belarus.", "SANCTION", "sanctions"),
        ("Russia released Brittney Griner.", "RELEASE", "released"),
        ("Russian forces shelled Kharkiv.", "ASSAULT", "shelled"),
        ("North Korea threatened South Korea.", "THREATEN", "threatened"),
        ("Germany urged Iran to end the crackdown.", "DEMAND", "urged"),
        ("Thousands of Serbians protested in Belgrade.", "PROTEST", "protested"),
        ("France backed Sweden's bid to join NATO.", "SUPPORT", "backed"),
        ("The United States sent weapons to Ukraine.", "AID", "sent"),
        ("Japan cooperated with South Korea on missile defence.", "COOPERATE", "cooperated"),
        ("Russian police detained Alexei Navalny.", "COERCE", "detained"),
        ("Russia deployed troops to the border.", "MOBILIZE", "deployed"),
        ("Russia withdrew its forces from Kherson.", "RETREAT", "withdrew"),
        ("The United States lifted sanctions on Venezuela.", "CONCEDE", "lifted"),
        ("Ukraine asked Germany for tanks.", "REQUEST", "asked"),
    ],
)
def test_each_supported_type_has_a_trigger(text: str, event_type: str, trigger: str) -> None:
    mention = of_type(run(text), event_type)
    assert mention.trigger == trigger and not mention.negated
    assert event_type in lexicon().summary


def test_every_lexicon_type_is_documented() -> None:
    lex = lexicon()
    types = {s.type for s in lex.verbs.values()} | {s.type for s in lex.nouns.values()}
    assert types <= set(lex.summary) and types <= set(lex.type_nouns)


@pytest.mark.parametrize(
    "text",
    [
        "The company met the deadline for the report.",
        "The Kremlin refused to comment on the report.",
        "Sanctions relief is on the table.",
        "The talk lasted an hour.",
        "Lavrov's meetings with political experts were exchanges of views.",
        "Support independent journalism today.",
        "The prime minister signed the decree.",
    ],
)
def test_sense_constraints_keep_non_events_out(text: str) -> None:
    assert run(text) == []


def test_light_verb_participants_location_and_date() -> None:
    text = "Russian and U.S. officials held unannounced talks in the Turkish capital Ankara on Nov. 14, 2022."
    mention = of_type(run(text), "CONSULT")
    assert mention.trigger == "talks" and not mention.negated
    assert parties(mention) == {"Russian": "actor", "U.S.": "actor"}
    assert mention.location is not None and mention.location.text == "Ankara"
    assert mention.date == "2022-11-14"
    assert text[mention.start : mention.end] == text.rstrip(".") + "." or mention.end == len(text)


def test_participant_span_is_the_entity_mention_span() -> None:
    text = "CIA director William Burns met Sergei Naryshkin on Nov. 14, 2022."
    article = Article(id="t", source="t.txt", text=text)
    find_mentions(article, Context())
    find_timexes(article, Context())
    find_event_mentions(article, Context())
    mention = of_type(article.event_mentions, "CONSULT")
    spans = {(m.start, m.end) for m in article.mentions}
    assert parties(mention) == {"William Burns": "actor", "Sergei Naryshkin": "counterpart"}
    assert all((p.start, p.end) in spans for p in mention.participants)


def test_host_of_a_meeting_between_two_sides() -> None:
    text = "Türkiye hosted a meeting between the heads of the Russian and US intelligence agencies on Nov. 14, 2022."
    mention = of_type(run(text), "CONSULT")
    assert parties(mention) == {"Türkiye": "host", "Russian": "actor", "US": "actor"}
    assert mention.date == "2022-11-14"


def test_hosted_by_in_the_passive_and_in_a_reduced_relative() -> None:
    passive = of_type(run("The talks were hosted by Qatar in Doha."), "CONSULT")
    assert parties(passive) == {"Qatar": "host"}
    assert passive.location is not None and passive.location.text == "Doha"
    relative = of_type(run("Reports circulated about secret US-Russian talks hosted by Türkiye."), "CONSULT")
    assert parties(relative)["Türkiye"] == "host"


def test_purpose_clause_takes_place_and_time_from_the_motion_verb() -> None:
    text = "Sergei Naryshkin arrived in Ankara on Nov. 14, 2022 to meet with CIA director William Burns."
    mention = of_type(run(text), "CONSULT")
    assert parties(mention) == {"Sergei Naryshkin": "actor", "William Burns": "counterpart"}
    assert mention.location is not None and mention.location.text == "Ankara"
    assert mention.date == "2022-11-14" and not mention.negated


def test_date_attached_to_the_trigger_clause_wins() -> None:
    text = "Officials said on Nov. 16, 2022 that the two envoys met in Vienna in October 2021."
    mention = of_type(run(text), "CONSULT")
    assert mention.date == "2021-10"


def test_simple_past_without_a_date_is_past_ref_and_perfect_is_not() -> None:
    assert of_type(run("Officials from Iran and Iraq met in Baghdad."), "CONSULT").date == PAST_REF
    assert of_type(run("Officials from Iran and Iraq have met in Baghdad."), "CONSULT").date is None
    assert of_type(run("The meeting in Baghdad was attended by Iran and Iraq."), "CONSULT").date == PAST_REF


@pytest.mark.parametrize(
    "text",
    [
        "Putin did not meet Zelensky in Istanbul.",
        "Lavrov has not conducted any negotiations with Washington.",
        "The Kremlin denied holding talks with Washington.",
        "Moscow renewed its denial of the talks with Washington.",
        "Putin would meet Zelensky in Istanbul.",
        "Putin will meet Zelensky in Istanbul.",
        "Putin plans to meet Zelensky in Istanbul.",
        "Putin refused to meet Zelensky in Istanbul.",
        "Washington pressed Moscow to release Paul Whelan.",
        "Russia remains ready to conduct negotiations with the West.",
        "No talks were held between Moscow and Kyiv.",
        "Sullivan commented on the news that US representatives had held negotiations with Russia.",
    ],
)
def test_negated_denied_and_hypothetical_mentions_are_negated(text: str) -> None:
    mentions = [m for m in run(text) if m.type in ("CONSULT", "RELEASE")]
    assert mentions and all(m.negated for m in mentions), [(m.type, m.trigger, m.negated) for m in mentions]


def test_a_condition_is_no_report() -> None:
    mentions = run("If Putin meets Zelensky in Istanbul next week, the war could end.")
    assert [m for m in mentions if not m.negated] == []


def test_scare_quoted_trigger_is_not_a_report() -> None:
    mentions = run('Moscow dismissed the story of "secret talks" with Washington.')
    assert [m for m in mentions if m.type == "CONSULT" and not m.negated] == []


def test_each_mention_keeps_its_own_sentence_as_evidence() -> None:
    text = "Iran and Iraq held talks in Baghdad.\n\nLater, Egypt accused Israel of delays."
    mentions = run(text)
    consult, accuse = of_type(mentions, "CONSULT"), of_type(mentions, "ACCUSE")
    assert text[consult.start : consult.end] == "Iran and Iraq held talks in Baghdad."
    assert text[accuse.start : accuse.end] == "Later, Egypt accused Israel of delays."
    assert text[accuse.trigger_start : accuse.trigger_end] == "accused"


def test_stage_is_declared_after_time_with_its_needs() -> None:
    names = [s.name for s in ARTICLE_STAGES]
    stage = ARTICLE_STAGES[names.index("event_mentions")]
    assert names.index("event_mentions") > names.index("time")
    assert stage.needs == {"parse", "mentions", "timexes"} and stage.adds == {"event_mentions"}


def test_charges_and_indictments_are_accusations_of_their_target() -> None:
    """A trial: the one charged is the target, also in the passive and behind an apposition naming someone else."""
    charged = of_type(
        run("Ippei Mizuhara, the former translator of Shohei Ohtani, has been charged with bank fraud."), "ACCUSE"
    )
    assert parties(charged) == {"Mizuhara": "target"} or set(parties(charged)) == {"Ippei Mizuhara"}
    indicted = of_type(run("A federal grand jury indicted the former mayor of Springfield."), "ACCUSE")
    assert "A federal grand jury" in parties(indicted)


def test_a_charge_in_another_sense_is_no_accusation() -> None:
    assert not [m for m in run("The bank charged customers a fee for the transfer.") if m.type == "ACCUSE"]


def test_phone_calls_are_consultations_between_the_callers() -> None:
    """Diplomacy by phone: a light verb with "phone conversation", and the verb "phoned"."""
    call = of_type(run("Foreign Minister Mevlut Cavusoglu had a phone conversation with Sergey Lavrov."), "CONSULT")
    assert parties(call).get("Sergey Lavrov") == "counterpart"
    phoned = of_type(run("Joe Biden phoned Recep Tayyip Erdogan on Tuesday."), "CONSULT")
    assert len(phoned.participants) == 2
    # A "call for" something is a demand, not a conversation.
    assert not [m for m in run("The union renewed its call for higher wages.") if m.type == "CONSULT"]


def test_the_last_time_they_met_gives_the_date_of_that_time() -> None:
    """Background told through "the last time": the copula's date is the meeting's date, not the article's."""
    met = of_type(
        run("The last time the Russian and American delegations met in Geneva was on Jan. 10, 2022."), "CONSULT"
    )
    assert met.date == "2022-01-10"
    # Without such a date, a relative clause on "time" lends none.
    assert of_type(run("The day the ministers met in Oslo was cold."), "CONSULT").date != "2022-01-10"
