"""The events corpus stage: merging event mentions within and across articles, on articles built for each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.events.mentions import PAST_REF
from crosswire.events.merge import dates_compatible, events_of, merge_events, resolve_date
from crosswire.model import Article, Dossier, Entity, Event, EventMention, EventSpan, Mention, Timex
from crosswire.pipeline import CORPUS_STAGES
from crosswire.store import Store

ENTITIES = [
    Entity(id="person:william-burns", name="William Burns", type="PERSON"),
    Entity(id="person:sergei-naryshkin", name="Sergei Naryshkin", type="PERSON"),
    Entity(id="gpe:united-states", name="United States", type="GPE"),
    Entity(id="gpe:russia", name="Russia", type="GPE"),
    Entity(id="gpe:ukraine", name="Ukraine", type="GPE"),
    Entity(id="gpe:turkey", name="Türkiye", type="GPE"),
    Entity(id="gpe:ankara", name="Ankara", type="GPE"),
    Entity(id="gpe:istanbul", name="Istanbul", type="GPE"),
]
_IDS = {e.name: e.id for e in ENTITIES}


class Builder:
    """An article whose text is built sentence by sentence, with mentions and event mentions at real offsets."""

    def __init__(self, article_id: str, published: str | None = "2022-11-14", story: str | None = "story-1") -> None:
        self.article = Article(id=article_id, source=f"{article_id}.txt", published=published, story=story)

    def say(
        self,
        sentence: str,
        event_type: str = "CONSULT",
        trigger: str = "met",
        parties: dict[str, str] | None = None,
        place: str | None = None,
        date: str | None = None,
        negated: bool = False,
        timex: tuple[str, str] | None = None,
    ) -> Builder:
        text = self.article.text + (" " if self.article.text else "")
        start = len(text)
        text += sentence
        self.article.text = text

        def mention(name: str, label: str = "GPE") -> EventSpan:
            at = text.index(name, start)
            self.article.mentions.append(
                Mention(start=at, end=at + len(name), text=name, entity=_IDS.get(name), label=label)
            )
            return EventSpan(start=at, end=at + len(name), text=name)

        spans = []
        for name, role in (parties or {}).items():
            span = mention(name, "PERSON" if " " in name else "GPE")
            spans.append(span.model_copy(update={"role": role}))
        location = mention(place).model_copy(update={"role": "location"}) if place else None
        if timex is not None:
            at = text.index(timex[0], start)
            self.article.timexes.append(
                Timex(start=at, end=at + len(timex[0]), text=timex[0], type="DATE", value=timex[1])
            )
        at = text.index(trigger, start)
        self.article.event_mentions.append(
            EventMention(
                type=event_type,
                trigger=trigger,
                trigger_start=at,
                trigger_end=at + len(trigger),
                start=start,
                end=len(text),
                participants=spans,
                location=location,
                date=date,
                negated=negated,
            )
        )
        return self


def events(*builders: Builder) -> list[Event]:
    return events_of([b.article for b in builders], ENTITIES)


def test_same_meeting_told_two_ways_merges_across_articles() -> None:
    first = Builder("a1").say(
        "William Burns met Sergei Naryshkin in Ankara on Monday.",
        parties={"William Burns": "actor", "Sergei Naryshkin": "counterpart"},
        place="Ankara",
        date="2022-11-14",
    )
    second = Builder("a2").say(
        "Officials of the United States and Russia held talks in Ankara.",
        trigger="talks",
        parties={"United States": "actor", "Russia": "actor"},
        place="Ankara",
        date=PAST_REF,
    )
    (event,) = events(first, second)
    assert event.type == "CONSULT" and event.date == "2022-11-14" and event.location == "gpe:ankara"
    assert event.articles == ["a1", "a2"]
    assert set(event.participants) == {
        _IDS[n] for n in ("William Burns", "Sergei Naryshkin", "United States", "Russia")
    }
    assert [(e.article, e.start) for e in event.evidence] == [("a1", 0), ("a2", 0)]


def test_same_people_meeting_on_different_days_stay_apart() -> None:
    people = {"William Burns": "actor", "Sergei Naryshkin": "counterpart"}
    first = Builder("a1").say("William Burns met Sergei Naryshkin on Monday.", parties=people, date="2022-11-14")
    second = Builder("a2").say("William Burns met Sergei Naryshkin again.", parties=people, date="2022-11-21")
    found = events(first, second)
    assert sorted(e.date or "" for e in found) == ["2022-11-14", "2022-11-21"]


def test_coarser_date_containing_the_day_merges_within_one_article() -> None:
    people = {"William Burns": "actor", "Sergei Naryshkin": "counterpart"}
    article = (
        Builder("a1")
        .say("William Burns met Sergei Naryshkin on Monday.", parties=people, date="2022-11-14")
        .say(
            "William Burns talked with Sergei Naryshkin in November.", trigger="talked", parties=people, date="2022-11"
        )
    )
    (event,) = events(article)
    assert event.date == "2022-11-14" and len(event.evidence) == 2


def test_different_places_never_merge() -> None:
    people = {"William Burns": "actor", "Sergei Naryshkin": "counterpart"}
    first = Builder("a1").say("William Burns met Sergei Naryshkin in Ankara.", parties=people, place="Ankara")
    second = Builder("a2").say("William Burns met Sergei Naryshkin in Istanbul.", parties=people, place="Istanbul")
    assert len(events(first, second)) == 2


def test_undated_mention_with_an_extra_party_is_another_meeting() -> None:
    dated = Builder("a1").say(
        "Türkiye hosted Russia and the United States on Monday.",
        trigger="hosted",
        parties={"Türkiye": "host", "Russia": "actor", "United States": "actor"},
        date="2022-11-14",
    )
    undated = Builder("a2").say(
        "Türkiye once hosted Russia and Ukraine.",
        trigger="hosted",
        parties={"Türkiye": "host", "Russia": "actor", "Ukraine": "actor"},
    )
    assert len(events(dated, undated)) == 2
    subset = Builder("a3").say("Russia sent its spy chief to the talks.", trigger="talks", parties={"Russia": "actor"})
    (event,) = [e for e in events(dated, subset) if "a3" in e.articles]
    assert event.articles == ["a1", "a3"]


def test_same_place_merges_only_inside_one_story() -> None:
    people = {"William Burns": "actor"}
    first = Builder("a1", story="s1").say("William Burns met officials in Ankara.", parties=people, place="Ankara")
    same = Builder("a2", story="s1").say("Talks took place in Ankara.", trigger="Talks", place="Ankara")
    other = Builder("a3", story="s2").say("Talks took place in Ankara.", trigger="Talks", place="Ankara")
    found = events(first, same, other)
    assert sorted(e.articles for e in found) == [["a1", "a2"], ["a3"]]


def test_negated_mentions_make_no_event() -> None:
    article = Builder("a1").say(
        "William Burns did not meet Sergei Naryshkin.",
        trigger="meet",
        parties={"William Burns": "actor", "Sergei Naryshkin": "counterpart"},
        negated=True,
    )
    assert events(article) == []


def test_an_article_denying_the_talks_it_reports_does_not_report_them() -> None:
    article = (
        Builder("a1", published=None)
        .say("NBC said officials held talks with Russia in April.", trigger="talks", parties={"Russia": "counterpart"})
        .say("Russia has not conducted any negotiations.", trigger="negotiations", parties={"Russia": "actor"})
    )
    article.article.event_mentions[1] = article.article.event_mentions[1].model_copy(update={"negated": True})
    assert events(article) == []
    # Denying negotiations is not denying a meeting: "met" is another kind of consultation.
    met = Builder("a2").say("William Burns met Russia's spy chief.", parties={"William Burns": "actor"})
    met.say("William Burns is not conducting negotiations.", trigger="negotiations", parties={"William Burns": "actor"})
    met.article.event_mentions[1] = met.article.event_mentions[1].model_copy(update={"negated": True})
    assert len(events(met)) == 1


def test_a_mention_naming_nobody_is_evidence_for_the_event_before_it() -> None:
    article = (
        Builder("a1")
        .say("Türkiye hosted Burns and Naryshkin.", trigger="hosted", parties={"Türkiye": "host"}, date="2022-11-14")
        .say("The meeting was hosted by the intelligence service.", trigger="meeting", date=PAST_REF)
    )
    (event,) = events(article)
    assert len(event.evidence) == 2
    assert events(Builder("a2").say("The meeting was hosted by the intelligence service.", trigger="meeting")) == []


def test_publication_day_stands_in_only_for_a_completed_event() -> None:
    past = Builder("a1").say(
        "Russia met Ukraine.", parties={"Russia": "actor", "Ukraine": "counterpart"}, date=PAST_REF
    )
    assert events(past)[0].date == "2022-11-14"
    undated = Builder("a2", published=None).say("Russia met Ukraine.", parties={"Russia": "actor"}, date=PAST_REF)
    assert events(undated)[0].date is None
    no_tense = Builder("a3").say("Russia has met Ukraine.", parties={"Russia": "actor"})
    assert events(no_tense)[0].date is None


def test_underspecified_date_is_read_again_from_the_resolved_timex() -> None:
    builder = Builder("a1").say(
        "Russia met Ukraine on Monday.", parties={"Russia": "actor"}, date="XXXX-WXX-1", timex=("Monday", "2022-11-14")
    )
    mention = builder.article.event_mentions[0]
    assert resolve_date(mention, builder.article) == "2022-11-14"
    builder.article.timexes[0] = builder.article.timexes[0].model_copy(update={"value": "2022-11-15"})
    assert resolve_date(mention, builder.article) == "XXXX-WXX-1"  # a Tuesday is not "Monday"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2022-11-14", "2022-11-14", True),
        ("2022-11-14", None, True),
        ("2022-11", "2022-11-14", True),
        ("2022", "2022-11", True),
        ("2022-11-14", "2022-11-15", False),
        ("2022-10", "2022-11", False),
        ("2022-10", "2022-11-14", False),
        ("XXXX-WXX-1", "2022-11-14", True),
        ("XXXX-WXX-2", "2022-11-14", False),
        ("XXXX-04", "2023-04", True),
        ("XXXX-04", "2023-05", False),
    ],
)
def test_date_compatibility(a: str, b: str | None, expected: bool) -> None:
    assert dates_compatible(a, b) is expected
    assert dates_compatible(b, a) is expected if b is not None else True


def test_roles_summary_and_host() -> None:
    article = Builder("a1").say(
        "Türkiye hosted a meeting of William Burns and Sergei Naryshkin in Ankara.",
        trigger="meeting",
        parties={"Türkiye": "host", "William Burns": "actor", "Sergei Naryshkin": "actor"},
        place="Ankara",
        date="2022-11-14",
    )
    (event,) = events(article)
    roles = {r.entity: r.role for r in event.participant_roles}
    assert roles == {"gpe:turkey": "host", "person:william-burns": "actor", "person:sergei-naryshkin": "actor"}
    assert event.summary == "William Burns and Sergei Naryshkin met in Ankara, hosted by Türkiye"


def test_ids_are_stable_and_follow_the_first_evidence() -> None:
    def corpus() -> list[Builder]:
        people = {"William Burns": "actor", "Sergei Naryshkin": "counterpart"}
        return [
            Builder("a1").say("Russia met Ukraine.", parties={"Russia": "actor", "Ukraine": "actor"}, date="2022-03"),
            Builder("a2").say("William Burns met Sergei Naryshkin.", parties=people, date="2022-11-14"),
        ]

    first, second = events(*corpus()), events(*corpus())
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == 2 and all(e.id.startswith("event-") for e in first)
    # Another article joining an event later does not rename it.
    late = Builder("a3").say(
        "William Burns met Sergei Naryshkin.", parties={"William Burns": "actor"}, date="2022-11-14"
    )
    third = events(*corpus(), late)
    assert {e.id for e in third} == {e.id for e in first}


def test_stage_fills_the_dossier_and_runs_after_stories() -> None:
    article = Builder("a1").say("Russia met Ukraine.", parties={"Russia": "actor", "Ukraine": "actor"})
    dossier = Dossier(articles=[article.article], entities=ENTITIES)
    merge_events(dossier, None)
    assert [e.type for e in dossier.events] == ["CONSULT"]
    names = [s.name for s in CORPUS_STAGES]
    assert names.index("events") > names.index("stories")
    assert CORPUS_STAGES[names.index("events")].adds == {"events"}


def test_event_mentions_are_stored_and_reused(tmp_path: Path) -> None:
    article = Builder("a1").say(
        "William Burns met Sergei Naryshkin in Ankara.", parties={"William Burns": "actor"}, place="Ankara"
    )
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        store.save_articles([article.article])
        (loaded,) = list(store.iter_articles())
    assert loaded.event_mentions == article.article.event_mentions
    assert "event_mentions" not in loaded.model_dump()  # kept out of dossier.json


# --- the seeds (../shared/seeds; skipped where absent) ----------------------------------------------------------

_SEEDS: dict[str, Dossier] = {}


@pytest.fixture
def seeds(seeds_dir: Path, tmp_path: Path) -> Dossier:
    from crosswire.analyze import analyze

    if "seeds" not in _SEEDS:
        _SEEDS["seeds"] = analyze([str(seeds_dir)], tmp_path / "out").dossier
    return _SEEDS["seeds"]


def _seed(dossier: Dossier, prefix: str) -> str:
    return next(a.id for a in dossier.articles if Path(a.source).name.startswith(prefix))


def _entity(dossier: Dossier, alias: str) -> str:
    return next(e.id for e in dossier.entities if alias in e.aliases)


def test_seeds_ankara_meeting_is_one_consult_event(seeds: Dossier) -> None:
    burns, naryshkin = _entity(seeds, "Bill Burns"), _entity(seeds, "Sergey Naryshkin")
    assert _entity(seeds, "William Burns") == burns and _entity(seeds, "Sergei Naryshkin") == naryshkin
    found = [e for e in seeds.events if burns in e.participants or naryshkin in e.participants]
    assert len(found) == 1, [e.summary for e in found]
    (event,) = found
    assert event.type == "CONSULT" and event.date == "2022-11-14"
    assert {burns, naryshkin} <= set(event.participants)
    assert event.location == _entity(seeds, "Ankara")
    assert {_seed(seeds, "001"), _seed(seeds, "002")} <= set(event.articles)
    for evidence in event.evidence:
        article = seeds.article(evidence.article)
        assert article is not None and 0 <= evidence.start < evidence.end <= len(article.text)


def test_seeds_denial_article_yields_no_consult_event(seeds: Dossier) -> None:
    denial = _seed(seeds, "003")
    assert [e.summary for e in seeds.events if e.type == "CONSULT" and denial in e.articles] == []


def test_seeds_events_have_unique_ids_and_no_no_comment_rejections(seeds: Dossier) -> None:
    ids = [e.id for e in seeds.events]
    assert ids and len(ids) == len(set(ids))
    for event in seeds.events:
        assert event.articles and event.evidence and event.summary
        for evidence in event.evidence:
            article = seeds.article(evidence.article)
            assert article is not None
            # "the Kremlin refused to comment on the story" (002) is no rejection of anything.
            assert not (event.type == "REJECT" and "refused to comment" in article.text[evidence.start : evidence.end])
