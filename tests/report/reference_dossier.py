"""A hand-built dossier modelled on the reference story, with every stage's output filled in.

CIA director Burns meets SVR chief Naryshkin in Ankara on 14 November 2022: Kommersant reports it citing an unnamed
source, Altun confirms, the Kremlin neither confirms nor denies, a Turkish official declines to comment; the grain
deal "expires on Friday" in one report and rolls over "on Nov. 19" in another. A later story (the 2023 denial of
secret talks) is linked to it by a storyline. Offsets are computed from the texts, so they are right by construction.
"""

from __future__ import annotations

from crosswire.model import (
    Article,
    Claim,
    ClaimStance,
    Contradiction,
    ContradictionValue,
    Dossier,
    Entity,
    Event,
    Evidence,
    Mention,
    OutletCoverage,
    ParticipantRole,
    Statement,
    Story,
    Storyline,
    TimelineEntry,
    Timex,
)

SABAH = (
    "Russian and U.S. officials held unannounced talks in the Turkish capital Ankara on Monday, the Russian "
    "newspaper Kommersant reported, citing an unnamed source.\n\n"
    "A Turkish official initially declined to comment, while the Kremlin said it could neither confirm nor deny the "
    "report.\n\n"
    'However, Presidential Communications Director Fahrettin Altun confirmed the meeting. "We confirm that Türkiye '
    'hosted a meeting between the heads of the Russian and US intelligence agencies earlier today," Altun told the '
    "Associated Press.\n\n"
    "The report comes as the United Nations seeks to ensure the grain deal will roll over on Nov. 19."
)
MOSCOW_TIMES = (
    "The heads of Russian and U.S. intelligence held an unannounced meeting in the Turkish capital Ankara on Monday, "
    "the Russian Kommersant newspaper reported, the first high-level face-to-face talks since Moscow launched its "
    "invasion of Ukraine in late February.\n\n"
    "The head of Russia's Foreign Intelligence Service (SVR) Sergei Naryshkin arrived in Ankara on Monday to meet "
    "with CIA director William Burns, according to Reuters.\n\n"
    "A spokesperson for the White House's National Security Council confirmed the meeting, stressing that Burns was "
    '"not conducting negotiations of any kind."'
)
RT = (
    "Reports have circulated in Russian media about secret US-Russian talks hosted by Türkiye. The Kommersant daily "
    "reported, citing anonymous sources, that the un-announced meeting is allegedly being held on Monday in the "
    "Turkish capital Ankara.\n\n"
    "Türkiye emerged as a principal mediator during the Ukraine crisis. In late March, it hosted Russia-Ukraine "
    "talks.\n\n"
    "Ankara also helped the UN to launch the Black Sea Initiative. The agreement, which was signed in July, expires "
    "on Friday."
)
DENIAL = (
    "Kremlin spokesman Dmitry Peskov on Thursday again denied that Moscow and Washington had held secret talks over "
    "Ukraine, calling the reports a fabrication."
)

ENTITIES = {
    "person:william-burns": (
        "William Burns",
        "PERSON",
        ["William Burns", "Burns", "Bill Burns"],
        ["director of the CIA"],
    ),
    "person:sergei-naryshkin": (
        "Sergei Naryshkin",
        "PERSON",
        ["Sergei Naryshkin", "Naryshkin", "Sergey Naryshkin"],
        ["head of the Foreign Intelligence Service"],
    ),
    "person:fahrettin-altun": (
        "Fahrettin Altun",
        "PERSON",
        ["Fahrettin Altun", "Altun"],
        ["Presidential Communications Director"],
    ),
    "person:dmitry-peskov": ("Dmitry Peskov", "PERSON", ["Dmitry Peskov"], ["Kremlin spokesman"]),
    "org:kommersant": ("Kommersant", "ORG", ["Kommersant"], ["Russian newspaper"]),
    "org:kremlin": ("Kremlin", "ORG", ["Kremlin"], []),
    "org:reuters": ("Reuters", "ORG", ["Reuters"], []),
    "org:associated-press": ("Associated Press", "ORG", ["Associated Press"], []),
    "org:nsc": ("National Security Council", "ORG", ["National Security Council"], []),
    "org:svr": ("Foreign Intelligence Service", "ORG", ["Foreign Intelligence Service", "SVR"], []),
    "org:cia": ("CIA", "ORG", ["CIA"], []),
    "org:united-nations": ("United Nations", "ORG", ["United Nations", "UN"], []),
    "gpe:ankara": ("Ankara", "GPE", ["Ankara"], ["Turkish capital"]),
    "gpe:turkiye": ("Türkiye", "GPE", ["Türkiye"], []),
    "gpe:ukraine": ("Ukraine", "GPE", ["Ukraine"], []),
    "gpe:moscow": ("Moscow", "GPE", ["Moscow"], []),
}


def span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    surfaces = sorted(
        ((alias, entity_id, spec[1]) for entity_id, spec in ENTITIES.items() for alias in spec[2]),
        key=lambda item: -len(item[0]),
    )
    for alias, entity_id, label in surfaces:
        position = text.find(alias)
        while position >= 0:
            end = position + len(alias)
            boundary = (position == 0 or not text[position - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if boundary and not taken.intersection(range(position, end)):
                found.append(Mention(start=position, end=end, text=alias, entity=entity_id, label=label))
                taken.update(range(position, end))
            position = text.find(alias, end)
    return sorted(found, key=lambda m: m.start)


def _timex(text: str, piece: str, value: str, mod: str | None = None) -> Timex:
    start, end = span(text, piece)
    return Timex(start=start, end=end, text=piece, type="DATE", value=value, mod=mod)


def _statement(
    statement_id: str,
    article: str,
    text: str,
    whole: str,
    speaker: str | None,
    speaker_text: str,
    source_type: str,
    cue: str,
    content: str,
    stance_class: str,
    *,
    direct: bool = False,
    via: list[str] | None = None,
) -> Statement:
    start, end = span(text, whole)
    speaker_start, speaker_end = span(text, speaker_text, start)
    cue_start, cue_end = span(text, cue, start)
    content_start, content_end = span(text, content, start)
    return Statement.model_validate(
        {
            "id": statement_id,
            "article": article,
            "start": start,
            "end": end,
            "speaker": speaker,
            "speaker_text": speaker_text,
            "speaker_start": speaker_start,
            "speaker_end": speaker_end,
            "source_type": source_type,
            "cue": cue,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "content": content,
            "content_start": content_start,
            "content_end": content_end,
            "direct": direct,
            "stance_class": stance_class,
            "via": via or [],
        }
    )


def _evidence(article: str, text: str, piece: str) -> Evidence:
    start, end = span(text, piece)
    return Evidence(article=article, start=start, end=end)


def reference_dossier() -> Dossier:
    articles = [
        Article(
            id="sabah-ankara-talks",
            source="examples/sabah.html",
            url="https://www.dailysabah.example/ankara-talks",
            title="US, Russian officials hold unannounced talks in Ankara",
            outlet="Daily Sabah",
            published="2022-11-14",
            published_from="html",
            language="en",
            text=SABAH,
            story="story-ankara",
        ),
        Article(
            id="moscow-times-spy-chiefs",
            source="examples/moscow-times.txt",
            title="U.S. and Russian Spy Chiefs Hold Talks in Ankara",
            outlet="The Moscow Times",
            published="2022-11-14",
            published_from="text",
            language="en",
            text=MOSCOW_TIMES,
            story="story-ankara",
        ),
        Article(
            id="rt-secret-talks",
            source="examples/rt.txt",
            title="Sergei Naryshkin, head of Russia's Foreign Intelligence Service",
            outlet="RT",
            published="2022-11-14",
            published_from="story",
            language="en",
            text=RT,
            boilerplate=["Menu", "Home", "Russia & FSU", "Subscribe to RT newsletter", "Share this article"],
            story="story-ankara",
        ),
        Article(
            id="tass-denial-2023",
            source="examples/denial.jsonl",
            title='Moscow renews its denial of "secret talks" with Washington',
            outlet="TASS",
            published="2023-03-02T10:15:00+03:00",
            published_from="input",
            language="en",
            text=DENIAL,
            story="story-denial",
        ),
    ]
    for article in articles:
        article.mentions = _mentions(article.text)
    sabah, mt, rt, denial = articles
    sabah.timexes = [
        _timex(SABAH, "Monday", "2022-11-14"),
        _timex(SABAH, "earlier today", "2022-11-14"),
        _timex(SABAH, "Nov. 19", "2022-11-19"),
    ]
    mt.timexes = [
        _timex(MOSCOW_TIMES, "Monday", "2022-11-14"),
        _timex(MOSCOW_TIMES, "late February", "2022-02", "END"),
    ]
    rt.timexes = [
        _timex(RT, "Monday", "2022-11-14"),
        _timex(RT, "late March", "2022-03", "END"),
        _timex(RT, "July", "2022-07"),
        _timex(RT, "Friday", "2022-11-18"),
    ]
    denial.timexes = [_timex(DENIAL, "Thursday", "2023-03-02")]

    kommersant_sabah = (
        "Russian and U.S. officials held unannounced talks in the Turkish capital Ankara on Monday, the Russian "
        "newspaper Kommersant reported, citing an unnamed source."
    )
    statements = [
        _statement(
            "sabah-ankara-talks:s0",
            sabah.id,
            SABAH,
            kommersant_sabah,
            "org:kommersant",
            "the Russian newspaper Kommersant",
            "media",
            "reported",
            "Russian and U.S. officials held unannounced talks in the Turkish capital Ankara on Monday",
            "assert",
        ),
        _statement(
            "sabah-ankara-talks:s1",
            sabah.id,
            SABAH,
            "citing an unnamed source",
            None,
            "an unnamed source",
            "anonymous",
            "citing",
            "citing an unnamed source",
            "assert",
            via=["sabah-ankara-talks:s0"],
        ),
        _statement(
            "sabah-ankara-talks:s2",
            sabah.id,
            SABAH,
            "A Turkish official initially declined to comment",
            None,
            "A Turkish official",
            "person",
            "declined",
            "to comment",
            "decline",
        ),
        _statement(
            "sabah-ankara-talks:s3",
            sabah.id,
            SABAH,
            "the Kremlin said it could neither confirm nor deny the report",
            "org:kremlin",
            "the Kremlin",
            "organization",
            "said",
            "it could neither confirm nor deny the report",
            "neither",
        ),
        _statement(
            "sabah-ankara-talks:s4",
            sabah.id,
            SABAH,
            '"We confirm that Türkiye hosted a meeting between the heads of the Russian and US intelligence agencies '
            'earlier today," Altun told the Associated Press.',
            "person:fahrettin-altun",
            "Altun",
            "person",
            "told",
            "We confirm that Türkiye hosted a meeting between the heads of the Russian and US intelligence agencies "
            "earlier today",
            "confirm",
            direct=True,
        ),
        _statement(
            "moscow-times-spy-chiefs:s0",
            mt.id,
            MOSCOW_TIMES,
            "The heads of Russian and U.S. intelligence held an unannounced meeting in the Turkish capital Ankara on "
            "Monday, the Russian Kommersant newspaper reported",
            "org:kommersant",
            "the Russian Kommersant newspaper",
            "media",
            "reported",
            "The heads of Russian and U.S. intelligence held an unannounced meeting",
            "assert",
        ),
        _statement(
            "moscow-times-spy-chiefs:s1",
            mt.id,
            MOSCOW_TIMES,
            "Sergei Naryshkin arrived in Ankara on Monday to meet with CIA director William Burns, according to "
            "Reuters.",
            "org:reuters",
            "Reuters",
            "media",
            "according to",
            "Sergei Naryshkin arrived in Ankara on Monday to meet with CIA director William Burns",
            "assert",
        ),
        _statement(
            "moscow-times-spy-chiefs:s2",
            mt.id,
            MOSCOW_TIMES,
            "A spokesperson for the White House's National Security Council confirmed the meeting, stressing that "
            'Burns was "not conducting negotiations of any kind."',
            "org:nsc",
            "A spokesperson for the White House's National Security Council",
            "person",
            "confirmed",
            "the meeting",
            "confirm",
        ),
        _statement(
            "rt-secret-talks:s0",
            rt.id,
            RT,
            "The Kommersant daily reported, citing anonymous sources, that the un-announced meeting is allegedly being "
            "held on Monday in the Turkish capital Ankara.",
            "org:kommersant",
            "The Kommersant daily",
            "media",
            "reported",
            "the un-announced meeting is allegedly being held on Monday in the Turkish capital Ankara",
            "assert",
        ),
        _statement(
            "tass-denial-2023:s0",
            denial.id,
            DENIAL,
            DENIAL,
            "person:dmitry-peskov",
            "Kremlin spokesman Dmitry Peskov",
            "person",
            "denied",
            "Moscow and Washington had held secret talks over Ukraine",
            "deny",
        ),
    ]
    entities = []
    for entity_id, (name, kind, aliases, roles) in ENTITIES.items():
        seen = [a.id for a in articles if any(m.entity == entity_id for m in a.mentions)]
        count = sum(1 for a in articles for m in a.mentions if m.entity == entity_id)
        entities.append(
            Entity(id=entity_id, name=name, type=kind, aliases=aliases, roles=roles, articles=seen, mention_count=count)
        )

    meeting = Event(
        id="event-ankara-meeting",
        type="CONSULT",
        summary="CIA director Burns meets SVR chief Naryshkin in Ankara",
        participants=["person:william-burns", "person:sergei-naryshkin"],
        participant_roles=[
            ParticipantRole(entity="person:william-burns", role="actor"),
            ParticipantRole(entity="person:sergei-naryshkin", role="counterpart"),
            ParticipantRole(entity="gpe:turkiye", role="host"),
        ],
        location="gpe:ankara",
        date="2022-11-14",
        articles=[sabah.id, mt.id, rt.id],
        evidence=[
            Evidence(article=sabah.id, start=0, end=len(kommersant_sabah)),
            _evidence(mt.id, MOSCOW_TIMES, "Sergei Naryshkin arrived in Ankara on Monday to meet with CIA director"),
            _evidence(rt.id, RT, "the un-announced meeting is allegedly being held on Monday"),
        ],
    )
    grain = Event(
        id="event-grain-deal-renewal",
        type="AGREE",
        summary="Black Sea grain deal comes up for renewal",
        participants=["org:united-nations"],
        date="2022-W46",
        articles=[sabah.id, rt.id],
        evidence=[
            _evidence(sabah.id, SABAH, "the grain deal will roll over on Nov. 19"),
            _evidence(rt.id, RT, "The agreement, which was signed in July, expires on Friday."),
        ],
    )
    istanbul = Event(
        id="event-march-talks",
        type="CONSULT",
        summary="Türkiye hosts Russia–Ukraine talks",
        participants=["gpe:turkiye", "gpe:ukraine"],
        participant_roles=[ParticipantRole(entity="gpe:turkiye", role="host")],
        date="2022-03",
        articles=[rt.id],
        evidence=[_evidence(rt.id, RT, "In late March, it hosted Russia-Ukraine talks.")],
    )
    denial_event = Event(
        id="event-denial",
        type="REJECT",
        summary="Kremlin denies secret talks with Washington",
        participants=["person:dmitry-peskov"],
        date="2023-03-02",
        articles=[denial.id],
        evidence=[Evidence(article=denial.id, start=0, end=len(DENIAL))],
    )

    def stance(source: str | None, text: str, statement: Statement, kind: str) -> ClaimStance:
        return ClaimStance.model_validate(
            {
                "source": source,
                "source_text": text,
                "article": statement.article,
                "stance": kind,
                "statement": statement.id,
            }
        )

    by_id = {s.id: s for s in statements}
    met = Claim(
        id="claim-burns-met-naryshkin",
        text="Burns and Naryshkin met in Ankara on 14 November 2022",
        event=meeting.id,
        stances=[
            stance("org:kommersant", "Kommersant", by_id["sabah-ankara-talks:s0"], "reports"),
            stance(None, "an unnamed source", by_id["sabah-ankara-talks:s1"], "reports"),
            stance(None, "A Turkish official", by_id["sabah-ankara-talks:s2"], "declines"),
            stance("org:kremlin", "the Kremlin", by_id["sabah-ankara-talks:s3"], "neither"),
            stance("person:fahrettin-altun", "Altun", by_id["sabah-ankara-talks:s4"], "confirms"),
            stance("org:kommersant", "Kommersant", by_id["moscow-times-spy-chiefs:s0"], "reports"),
            stance("org:reuters", "Reuters", by_id["moscow-times-spy-chiefs:s1"], "reports"),
            stance("org:nsc", "National Security Council", by_id["moscow-times-spy-chiefs:s2"], "confirms"),
            stance("org:kommersant", "Kommersant", by_id["rt-secret-talks:s0"], "reports"),
        ],
        verdict="corroborated",
        independent_sources=3,
        origin="org:kommersant",
    )
    negotiating = Claim(
        id="claim-not-negotiating",
        text="Burns was not conducting negotiations of any kind",
        stances=[stance("org:nsc", "National Security Council", by_id["moscow-times-spy-chiefs:s2"], "confirms")],
        verdict="single-source",
        independent_sources=1,
        origin="org:nsc",
    )
    expiry = Claim(
        id="claim-grain-deal-expiry",
        text="The Black Sea grain deal runs out this week",
        event=grain.id,
        stances=[
            ClaimStance(source=None, source_text="Daily Sabah", article=sabah.id, stance="reports"),
            ClaimStance(source=None, source_text="RT", article=rt.id, stance="reports"),
        ],
        verdict="contested",
        independent_sources=2,
    )
    secret = Claim(
        id="claim-secret-talks",
        text="Moscow and Washington held secret talks over Ukraine",
        event=denial_event.id,
        stances=[stance("person:dmitry-peskov", "Dmitry Peskov", by_id["tass-denial-2023:s0"], "denies")],
        verdict="denied",
        independent_sources=1,
    )
    contradiction = Contradiction(
        id="contradiction-grain-expiry",
        about=expiry.id,
        kind="value",
        summary="When the Black Sea grain deal expires",
        values=[
            ContradictionValue(
                value="expires on Friday",
                articles=[rt.id],
                evidence=[_evidence(rt.id, RT, "expires on Friday")],
                first_published="2022-11-14",
            ),
            ContradictionValue(
                value="Nov. 19",
                articles=[sabah.id],
                evidence=[_evidence(sabah.id, SABAH, "roll over on Nov. 19")],
                first_published="2022-11-14",
            ),
        ],
    )
    ankara_story = Story(
        id="story-ankara",
        title="CIA chief Burns meets Russian spymaster Naryshkin in Ankara",
        articles=[sabah.id, mt.id, rt.id],
        start="2022-11-14",
        end="2022-11-14",
        coverage=[
            OutletCoverage(
                outlet="Daily Sabah",
                articles=[sabah.id],
                claims=[met.id, expiry.id],
                events=[meeting.id, grain.id],
                omitted_claims=[negotiating.id],
                omitted_events=[istanbul.id],
                exclusive_statements=["sabah-ankara-talks:s4"],
            ),
            OutletCoverage(
                outlet="The Moscow Times",
                articles=[mt.id],
                claims=[met.id, negotiating.id],
                events=[meeting.id],
                omitted_claims=[expiry.id],
                omitted_events=[grain.id, istanbul.id],
                exclusive_statements=["moscow-times-spy-chiefs:s2"],
            ),
            OutletCoverage(
                outlet="RT",
                articles=[rt.id],
                claims=[met.id, expiry.id],
                events=[meeting.id, grain.id, istanbul.id],
                omitted_claims=[negotiating.id],
            ),
        ],
    )
    denial_story = Story(
        id="story-denial",
        title="Moscow renews its denial of secret talks with Washington",
        articles=[denial.id],
        start="2023-03-02",
        end="2023-03-02",
    )
    timeline = [
        TimelineEntry(
            date="2022-03",
            event=istanbul.id,
            summary=istanbul.summary,
            articles=[rt.id],
            first_reported=rt.id,
            story=ankara_story.id,
        ),
        TimelineEntry(
            date="2022-11-14",
            event=meeting.id,
            summary=meeting.summary,
            articles=[sabah.id, mt.id, rt.id],
            first_reported=sabah.id,
            story=ankara_story.id,
        ),
        TimelineEntry(
            date="2022-11-14",
            claim=met.id,
            summary=met.text,
            articles=[sabah.id, mt.id, rt.id],
            first_reported=sabah.id,
            story=ankara_story.id,
        ),
        TimelineEntry(
            date="2022-W46",
            event=grain.id,
            summary=grain.summary,
            articles=[sabah.id, rt.id],
            first_reported=sabah.id,
            story=ankara_story.id,
        ),
        TimelineEntry(
            date="2023-03-02",
            claim=secret.id,
            summary=secret.text,
            articles=[denial.id],
            first_reported=denial.id,
            story=denial_story.id,
        ),
    ]
    return Dossier(
        articles=articles,
        entities=entities,
        statements=statements,
        events=[meeting, grain, istanbul, denial_event],
        claims=[met, negotiating, expiry, secret],
        contradictions=[contradiction],
        stories=[ankara_story, denial_story],
        storylines=[
            Storyline(
                id="storyline-us-russia",
                title="US–Russia spy-chief contacts",
                stories=[ankara_story.id, denial_story.id],
            )
        ],
        timeline=timeline,
    )
