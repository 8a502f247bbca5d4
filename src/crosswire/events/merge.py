"""The ``events`` corpus stage: every article's event mentions merged into ``dossier.events``.

Each non-negated mention (:mod:`crosswire.events.mentions`) becomes an item with canonical participants (the
entity of the mention at each participant span), a location entity and a date:

- the mention's TIMEX3 value, re-read from the article's current time expressions when it was underspecified at
  the time ("XXXX-WXX-1" becomes "2022-11-14" once the corpus stage has dated the article);
- ``PAST_REF`` (a completed event told in the simple past with no time expression) becomes the article's
  publication day, and stays null when the article has no date. Any other tense leaves the date null: "have met"
  or "will meet" says nothing about the reporting day.

Items are merged into events when they have the same type, compatible dates (the same value, one coarser value
containing the other, or one missing; never two different values of the same precision), no conflicting places,
and a link: a shared canonical participant, or the same place inside one story. An item without a date must bring
no participant the event lacks ("the Ukrainian and Russian ministers" met in another meeting than "Russian and US
officials"). Items are taken most specific first (date and place, then date, then the rest), and an item that
links two events merges them when they are compatible with each other.

Two more rules keep events honest:

- an article that reports an event and denies the same kind of event between the same parties ("former officials
  held talks with Lavrov" ... "Lavrov has not conducted any negotiations") does not count as reporting it;
- a mention that names no entity and no place ("the meeting was hosted by the country's intelligence
  organization") is evidence for the nearest event of its type in the same article, and makes no event on its own.

Event ids hash the first evidence (article id, offset, type), so they are stable across runs on the same input.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from crosswire.context import Context
from crosswire.entities.coref import (
    AGE_DESCRIPTION,
    GROUP_DISTANCE,
    GROUP_NOUNS,
    MAX_GROUP,
    group_reference,
    resolve_group,
    resolve_reference,
)
from crosswire.entities.gender import Gender, read_genders
from crosswire.events.lexicon import lexicon
from crosswire.events.mentions import PAST_REF
from crosswire.events.participants import PERSONAL_PRONOUNS
from crosswire.model import (
    Article,
    Dossier,
    Entity,
    Event,
    EventMention,
    EventSpan,
    Evidence,
    ParticipantRole,
)
from crosswire.time.values import could_be, parse_value, to_range

# Roles that say more than "took part": kept whenever any report gives them.
MARKED_ROLES = ("host", "mediator")
# Granularities from finest to coarsest, to pick an event's most precise date.
_UNITS = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
_SHAPE = re.compile(r"[0-9X]")


@dataclass
class Item:
    """One mention ready to merge: canonical ids instead of spans."""

    article: str
    position: int  # the article's place in the dossier
    story: str | None
    mention: EventMention
    date: str | None
    parties: dict[str, str]  # entity id -> role, in order of appearance
    location: str | None

    @property
    def type(self) -> str:
        return self.mention.type

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.position, self.mention.start, self.mention.trigger_start)

    @property
    def bare(self) -> bool:
        return not self.parties and self.location is None


@dataclass
class Cluster:
    type: str
    items: list[Item] = field(default_factory=list)

    @property
    def parties(self) -> set[str]:
        return {p for item in self.items for p in item.parties}

    @property
    def locations(self) -> set[str]:
        return {item.location for item in self.items if item.location is not None}

    @property
    def dates(self) -> set[str]:
        return {item.date for item in self.items if item.date is not None}

    @property
    def stories(self) -> set[str]:
        return {item.story for item in self.items if item.story is not None}


# --- dates ---------------------------------------------------------------------------------------------------


def resolve_date(mention: EventMention, article: Article) -> str | None:
    """The mention's date as the article's current time expressions and publication date give it."""
    value = mention.date
    if value is None:
        return None
    if value == PAST_REF:
        return article.published[:10] if article.published else None
    if "X" in value:
        for timex in article.timexes:
            if mention.start <= timex.start and timex.end <= mention.end:
                day = timex.value.split("T", 1)[0]
                if "X" not in day and could_be(value, day):
                    return day
    return value


def _unit(value: str) -> str | None:
    try:
        return to_range(value)[2]
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Same value, one containing the other, or one missing; never two different values of one precision."""
    if a is None or b is None or a == b:
        return True
    if "X" in a or "X" in b:
        if _SHAPE.sub("9", a) == _SHAPE.sub("9", b):
            return all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True))
        pattern, value = (a, b) if "X" in a else (b, a)
        parsed = parse_value(value)
        if "X" not in value and parsed is not None and parsed.is_plain_day:
            return could_be(pattern, value)
        return True  # one side too vague to tell
    try:
        first_a, last_a, unit_a = to_range(a)
        first_b, last_b, unit_b = to_range(b)
    except ValueError:
        return False
    if unit_a == unit_b:
        return False
    return (first_a <= first_b and last_b <= last_a) or (first_b <= first_a and last_a <= last_b)


def _precision(value: str) -> tuple[int, int]:
    unit = _unit(value)
    return (1 if "X" in value else 0, _UNITS.index(unit) if unit in _UNITS else len(_UNITS))


def best_date(values: Iterable[str]) -> str | None:
    """The most precise date the reports give (the most frequent among equally precise ones)."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (_precision(v), -counts[v], v))


# --- items ---------------------------------------------------------------------------------------------------


def _sense_group(trigger: str, event_type: str) -> str:
    groups = lexicon().sense_group
    word = trigger.lower()
    for form in (word, word.rstrip("s"), word[:-2], word[:-3], word[:-1]):
        if form in groups:
            return groups[form]
    return event_type


def _items(
    article: Article,
    position: int,
    mentions: Iterable[EventMention],
    entities: Mapping[str, Entity] | None = None,
    genders: Mapping[str, Gender] | None = None,
) -> list[Item]:
    at = {(m.start, m.end): m.entity for m in article.mentions if m.entity}
    items: list[Item] = []
    for mention in mentions:
        parties: dict[str, str] = {}
        for span in mention.participants:
            entity = at.get((span.start, span.end))
            if entity is not None and entity not in parties:
                parties[entity] = span.role or "actor"
        # A personal pronoun ("police arrested him") or a description by age ("the 24-year-old signed") is the
        # person it refers to, never another party of its own clause ("the judge sentenced him" is not the judge):
        # resolved once the named parties are known.
        for span in mention.participants:
            referring = span.text.lower() in PERSONAL_PRONOUNS or AGE_DESCRIPTION.match(span.text)
            if referring and (span.start, span.end) not in at:
                entity = resolve_reference(article, span.start, span.end, entities, genders, exclude=list(parties))
                if entity is not None:
                    parties[entity] = span.role or "actor"
        location = at.get((mention.location.start, mention.location.end)) if mention.location else None
        # A plural description ("the two clubs agreed a fee", "both sides signed a ceasefire") is the parties of
        # its kind the text just named, when they are exactly as many as it counts.
        for span in mention.participants:
            if (span.start, span.end) not in at:
                exclude = [*parties, *([location] if location else [])]
                group = resolve_group(article, span.start, span.end, entities, exclude=exclude)
                for entity in group or _sides_just_told(article, span, items, exclude, entities):
                    parties[entity] = span.role or "actor"
        location = at.get((mention.location.start, mention.location.end)) if mention.location else None
        parties.pop(location or "", None)
        items.append(
            Item(
                article=article.id,
                position=position,
                story=article.story,
                mention=mention,
                date=resolve_date(mention, article),
                parties=parties,
                location=location,
            )
        )
    return items


def _sides_just_told(
    article: Article,
    span: EventSpan,
    before: Sequence[Item],
    exclude: Sequence[str],
    entities: Mapping[str, Entity] | None,
) -> list[str]:
    """The sides of the event the article told just before a plural description that names more candidates than
    it counts ("Qatar hosted talks between the United States and the Taliban in Doha, where the two sides signed a
    deal": the two sides of the talks, not their host), when they are exactly as many and of the kind its noun
    names ("the two companies" after countries is nobody)."""
    reference = group_reference(article.text[span.start : span.end])
    if reference is None or entities is None:
        return []
    count, head = reference
    labels = GROUP_NOUNS[head]
    for item in reversed(before):
        if item.article != article.id or item.mention.negated or item.mention.trigger_start > span.start:
            continue
        if span.start - item.mention.trigger_end > GROUP_DISTANCE:
            break
        sides = [e for e, role in item.parties.items() if role in ("actor", "counterpart") and e not in exclude]
        if any(e not in entities or entities[e].type not in labels for e in sides):
            break
        if (count is None and 2 <= len(sides) <= MAX_GROUP) or len(sides) == count:
            return sides
        break
    return []


def _date_from_the_article(items: list[Item]) -> list[Item]:
    """An undated report in the simple past ("The judge sentenced him") is dated by the report of the same type its
    article told just before with a date of its own ("he was jailed on Wednesday"), before the publication day."""
    for n, item in enumerate(items):
        if item.mention.date != PAST_REF or item.mention.negated:
            continue
        for before in reversed(items[:n]):
            if before.type == item.type and not before.mention.negated and before.mention.date not in (None, PAST_REF):
                item.date = before.date
                break
    return items


def _denied(item: Item, denials: Sequence[Item]) -> bool:
    """Whether the item's own article denies the same kind of event between the same parties."""
    group = _sense_group(item.mention.trigger, item.type)
    for denial in denials:
        if denial.type != item.type or _sense_group(denial.mention.trigger, denial.type) != group:
            continue
        if set(denial.parties) & set(item.parties) and dates_compatible(denial.date, item.date):
            return True
    return False


# --- merging -------------------------------------------------------------------------------------------------


def _fits(cluster: Cluster, item: Item) -> bool:
    """Whether the item may join the cluster at all: type, dates and places agree."""
    if cluster.type != item.type:
        return False
    if not all(dates_compatible(item.date, d) for d in cluster.dates):
        return False
    return item.location is None or not cluster.locations or item.location in cluster.locations


def _link(cluster: Cluster, item: Item) -> int:
    """How strongly the item is tied to the cluster (0: not at all)."""
    shared = len(set(item.parties) & cluster.parties)
    same_place = item.location is not None and item.location in cluster.locations
    same_story = item.story is not None and item.story in cluster.stories
    if item.date is None and shared and not same_place and not set(item.parties) <= cluster.parties:
        return 0  # undated, and it names someone else too: maybe another meeting of the same people
    if shared:
        return 2 * shared + (1 if same_place else 0)
    if same_place and same_story:
        return 1
    return 0


def _compatible(a: Cluster, b: Cluster) -> bool:
    if a.type != b.type:
        return False
    if not all(dates_compatible(x, y) for x in a.dates for y in b.dates):
        return False
    return not (a.locations and b.locations and not a.locations & b.locations)


def _specificity(item: Item) -> int:
    return 0 if item.date is not None and item.location is not None else 1 if item.date is not None else 2


def cluster_items(items: Sequence[Item]) -> list[Cluster]:
    """Merge items into clusters (see the module docstring for the rules)."""
    clusters: list[Cluster] = []
    for item in sorted((i for i in items if not i.bare), key=lambda i: (_specificity(i), i.key)):
        linked = [(score, c) for c in clusters if _fits(c, item) and (score := _link(c, item)) > 0]
        if not linked:
            clusters.append(Cluster(item.type, [item]))
            continue
        linked.sort(key=lambda pair: -pair[0])
        target = linked[0][1]
        target.items.append(item)
        for _, other in linked[1:]:
            if other is not target and _compatible(target, other) and _fits(target, item):
                target.items.extend(other.items)
                clusters.remove(other)
    for item in sorted((i for i in items if i.bare), key=lambda i: i.key):
        home = _nearest(clusters, item)
        if home is not None:
            home.items.append(item)
    return clusters


def _nearest(clusters: Sequence[Cluster], item: Item) -> Cluster | None:
    """The event of the item's type its article told about last before it (else first after it)."""
    best: tuple[tuple[int, int], Cluster] | None = None
    for cluster in clusters:
        if not _fits(cluster, item):
            continue
        for other in cluster.items:
            if other.article != item.article:
                continue
            distance = item.mention.start - other.mention.start
            rank = (0, distance) if distance >= 0 else (1, -distance)
            if best is None or rank < best[0]:
                best = (rank, cluster)
    return best[1] if best else None


# --- events --------------------------------------------------------------------------------------------------


def _roles(items: Sequence[Item]) -> dict[str, str]:
    """Entity id -> role, in order of first appearance: a marked role if any report gives it, else the most told."""
    told: dict[str, Counter[str]] = {}
    for item in items:
        for entity, role in item.parties.items():
            told.setdefault(entity, Counter())[role] += 1
    roles: dict[str, str] = {}
    for entity, counts in told.items():
        marked = [r for r in MARKED_ROLES if r in counts]
        roles[entity] = marked[0] if marked else counts.most_common(1)[0][0]
    return roles


def _names(ids: Sequence[str], entities: dict[str, Entity]) -> str:
    names = [entities[i].name if i in entities else i for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summarize(
    event_type: str,
    roles: dict[str, str],
    location: str | None,
    entities: dict[str, Entity],
    trigger_forms: Sequence[str] = (),
) -> str:
    """One readable line: "William Burns and Sergei Naryshkin met in Ankara, hosted by Türkiye". ``trigger_forms``
    are the lexicon's own forms for the event's trigger, when it has any ("{a} sentenced {b}")."""
    lex = lexicon()

    def with_role(*wanted: str) -> list[str]:
        return [e for e, r in roles.items() if r in wanted]

    doers = with_role("actor")
    others = with_role("counterpart", "target")
    people = [e for e in doers + others if entities.get(e) is not None and entities[e].type == "PERSON"]
    if people:
        # Name the people when the reports do; their countries and agencies are in ``participants``. A side with
        # nobody named keeps its organization ("West Yorkshire Police arrested Derek Holloway").
        doers = [e for e in doers if e in people] or doers
        others = [e for e in others if e in people] or others
    if not doers and others and event_type in ("CONSULT", "AGREE", "COOPERATE"):
        doers, others = others, []
    forms = list(trigger_forms) or lex.summary.get(event_type, [])
    if doers and forms:
        if others:
            text = forms[0].format(a=_names(doers, entities), b=_names(others, entities))
        elif len(doers) > 1 and len(forms) > 2:
            text = forms[1].format(a=_names(doers, entities))
        else:
            text = forms[-1].format(a=_names(doers, entities))
    else:
        noun = lex.type_nouns.get(event_type, event_type.title())
        text = f"{noun} involving {_names(others, entities)}" if others else noun
    if location is not None and location in entities:
        text += f" in {entities[location].name}"
    for role, word in (("host", "hosted"), ("mediator", "mediated")):
        marked = with_role(role)
        if marked:
            text += f", {word} by {_names(marked, entities)}"
    return text


def _trigger_forms(items: Sequence[Item]) -> tuple[str, ...]:
    """The summary forms the lexicon gives the verb of the first report naming the most parties ("sentenced" ->
    "{a} sentenced {b}"), if any."""
    verbs = lexicon().verbs
    told = max(items, key=lambda i: len(i.parties))
    word = told.mention.trigger.lower()
    for form in (word, word[:-1], word[:-2], word[:-3], word[:-2] + "e" if len(word) > 3 else word):
        sense = verbs.get(form)
        if sense is not None and sense.type == told.type:
            return sense.summary
    return ()


def event_id(item: Item) -> str:
    digest = hashlib.sha1(f"{item.article}\x00{item.mention.start}\x00{item.type}".encode()).hexdigest()
    return f"event-{digest[:12]}"


def build_event(cluster: Cluster, entities: dict[str, Entity], order: dict[str, int]) -> Event:
    items = sorted(cluster.items, key=lambda i: i.key)
    roles = _roles(items)
    locations = Counter(i.location for i in items if i.location is not None)
    location = min(locations, key=lambda loc: (-locations[loc], loc)) if locations else None
    evidence: list[Evidence] = []
    for item in items:
        found = Evidence(article=item.article, start=item.mention.start, end=item.mention.end)
        if found not in evidence:
            evidence.append(found)
    articles = sorted({i.article for i in items}, key=lambda a: order.get(a, len(order)))
    return Event(
        id=event_id(items[0]),
        type=cluster.type,
        summary=summarize(cluster.type, roles, location, entities, _trigger_forms(items)),
        participants=list(roles),
        participant_roles=[ParticipantRole(entity=e, role=r) for e, r in roles.items()],
        location=location,
        date=best_date(cluster.dates),
        articles=articles,
        evidence=evidence,
    )


def events_of(articles: Sequence[Article], entities: Sequence[Entity]) -> list[Event]:
    """The merged events of these articles (the stage without the dossier)."""
    items: list[Item] = []
    by_id = {e.id: e for e in entities}
    genders = read_genders(articles)
    for position, article in enumerate(articles):
        told = _date_from_the_article(_items(article, position, article.event_mentions, by_id, genders))
        denials = [i for i in told if i.mention.negated]
        items += [i for i in told if not i.mention.negated and not _denied(i, denials)]
    order = {a.id: n for n, a in enumerate(articles)}
    events = [build_event(c, by_id, order) for c in cluster_items(items)]
    events.sort(key=lambda e: (order.get(e.evidence[0].article, len(order)), e.evidence[0].start, e.id))
    return events


def merge_events(dossier: Dossier, context: Context | None = None) -> None:
    """Fill ``dossier.events`` from every article's event mentions."""
    dossier.events = events_of(dossier.articles, dossier.entities)
