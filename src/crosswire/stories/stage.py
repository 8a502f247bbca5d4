"""The ``stories`` corpus stage: ``articles[].story``, ``dossier.stories`` and ``dossier.storylines``.

Runs after near-duplicates, publication dates and canonical entities, because clustering reads all three. How
articles are placed (and why the result is incremental and order independent) is in
:mod:`crosswire.stories.clustering`; how stories of one developing affair close in
time are joined is in :mod:`crosswire.stories.developing`; how stories are linked into storylines is in
:mod:`crosswire.stories.storylines`.

Each run recomputes every story's title, start and end from its current members, so they follow the store as it
grows while ids and memberships stay put.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from crosswire.context import Context
from crosswire.model import Article, Dossier, Story, Storyline
from crosswire.nlp.embeddings import embed_ahead
from crosswire.stories.clustering import Clustering, Params, StoryState, canonical_key, centrality, cluster
from crosswire.stories.developing import join_developing
from crosswire.stories.features import (
    LEAD_BATCH,
    LEAD_ENCODER,
    StoryItem,
    day_iso,
    item_from_article,
    lead_embeddings,
    lead_texts,
    parse_day,
    timex_day,
)
from crosswire.stories.storylines import StoryProfile, entity_weights, group_storylines, storyline_id

TITLE_CHARS = 120
# A headline's length in words: fewer is a label ("Nord Stream 1"), more is a paragraph.
HEADLINE_WORDS = (4, 30)
_WORD = re.compile(r"[\w'’-]+")
_NOT_HEADLINE = re.compile(r"\.(?:txt|html?)$|^\s*(?:home|news|latest|world|business)\b.*\bnews\s*$", re.IGNORECASE)
STORYLINE_TITLE_ENTITIES = 3


def _fallback_title(article: Article) -> str:
    """The first line of the text, cut at a word: for articles that came without a title."""
    line = next((ln.strip() for ln in article.text.splitlines() if ln.strip()), article.id)
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def headline_like(title: str) -> bool:
    """Whether a title states something, like a headline ("Shell denies report of BP takeover talks"), rather than
    naming a site section, a topic or a file ("Nation & World News", "Nord Stream 1", "s4-ajc.txt")."""
    words = _WORD.findall(title)
    if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] or _NOT_HEADLINE.search(title):
        return False
    # A headline has at least one word in lower case or a verb form; a topic label is all capitalised nouns.
    return any(word[:1].islower() for word in words[1:]) or any(word.lower().endswith(("s", "ed")) for word in words)


def _title(clustering: Clustering, state: StoryState, articles: dict[str, Article]) -> str:
    """The headline of the member closest to the story's centroid (the most typical report) that reads like one;
    else that member's title."""
    ranked = [member for _, member in centrality(clustering, state)]
    for member in ranked:
        title = articles[member].title
        if title and headline_like(title):
            return str(title)
    for member in ranked:
        if articles[member].title:
            return str(articles[member].title)
    titled = [m for m in state.members if articles[m].title]
    return str(articles[titled[0]].title) if titled else _fallback_title(articles[state.founder])


def _article_day(article: Article) -> int | None:
    return parse_day(article.published) if article.published else timex_day(article)


def build_stories(clustering: Clustering, articles: dict[str, Article], items: dict[str, StoryItem]) -> list[Story]:
    """One :class:`Story` per cluster, ordered by start (undated last), then id."""
    stories: list[Story] = []
    for state in clustering.stories.values():
        members = sorted(state.members, key=lambda m: canonical_key(items[m]))
        days = [d for d in (_article_day(articles[m]) for m in members) if d is not None]
        stories.append(
            Story(
                id=state.id,
                title=_title(clustering, state, articles),
                articles=members,
                start=day_iso(min(days)) if days else None,
                end=day_iso(max(days)) if days else None,
            )
        )
    stories.sort(key=lambda s: (s.start is None, s.start or "", s.id))
    return stories


def build_storylines(
    clustering: Clustering, stories: list[Story], articles: dict[str, Article], names: dict[str, str]
) -> list[Storyline]:
    """Link stories into storylines (see :mod:`crosswire.stories.storylines`)."""
    n_words = clustering.features.n_words
    profiles: list[StoryProfile] = []
    for story in stories:
        state = clustering.stories[story.id]
        entities: Counter[str] = Counter()
        for member in state.voters or state.members:
            entities.update({m.entity for m in articles[member].mentions if m.entity})
        words = {col: weight for col, weight in state.centroid.items() if col < n_words}
        profiles.append(StoryProfile(id=story.id, entities=entities, words=words))
    idf = entity_weights(profiles)
    by_id = {p.id: p for p in profiles}
    titles = {s.id: s.title for s in stories}
    storylines: list[Storyline] = []
    for group in group_storylines(profiles):
        # The entities the group's stories share most, rare ones first among equals: what ties them together.
        spread: Counter[str] = Counter()
        for sid in group:
            spread.update(by_id[sid].entities.keys())
        ranked = sorted(
            (e for e, n in spread.items() if n > 1 and e in names),
            key=lambda e: (-spread[e] * idf[e], e),
        )
        top = [names[e] for e in ranked[:STORYLINE_TITLE_ENTITIES]]
        # Named by the headline of its largest story: what happened, not a list of the places it happened in.
        largest = max(group, key=lambda sid: (len(clustering.stories[sid].members), sid == group[0]))
        title = titles[largest] if headline_like(titles[largest]) else ", ".join(top) if top else titles[group[0]]
        storylines.append(Storyline(id=storyline_id(group[0]), title=title, stories=group))
    return storylines


# The stage's name in the pipeline, under which the per-article workers' leads come back (``Context.chosen``).
STAGE = "stories"


def start_lead_embeddings(dossier: Dossier, context: Context) -> Callable[[], None]:
    """The leads :func:`cluster_stories` will embed, sent to ``context.corpus_start`` now (its ``prepare``, see
    ``crosswire.pipeline.CorpusStage``); what it returns waits for their vectors and puts them in
    ``context.vector_cache``, where the stage reads them.

    A lead depends on the article's title, text and duplicate mark alone, so the leads are embedded while the driver
    runs the stages before this one (canonical entities, statements); they go out in the pieces the stage would send
    (:func:`crosswire.nlp.embeddings.embed_ahead`), so the vectors are the same.
    """
    if context.vector_cache is None or not dossier.articles or not Params().embedding_weight:
        return lambda: None
    leads = lead_texts([item_from_article(article) for article in dossier.articles], context.chosen.get(STAGE))
    return embed_ahead(list(leads.values()), context.vector_cache, context.corpus_start, LEAD_ENCODER, LEAD_BATCH)


def cluster_stories(dossier: Dossier, context: Context | None = None, params: Params | None = None) -> None:
    """Corpus stage: give every article a story, and fill ``dossier.stories`` and ``dossier.storylines``."""
    if not dossier.articles:
        dossier.stories, dossier.storylines = [], []
        return
    params = params or Params()
    articles = {a.id: a for a in dossier.articles}
    items = [item_from_article(a) for a in dossier.articles]
    # The leads' embeddings come from the store's cache when an earlier run embedded them (stored articles do); the
    # others are embedded now, together, on the engine's workers.
    embeddings = (
        lead_embeddings(
            items,
            getattr(context, "vector_cache", None),
            getattr(context, "corpus_map", None),
            getattr(context, "chosen", {}).get(STAGE),
        )
        if params.embedding_weight
        else None
    )
    clustering = cluster(items, params, embeddings)
    join_developing(clustering, articles, {e.id: e.type for e in dossier.entities}, params)
    for article in dossier.articles:
        article.story = clustering.assignment.get(article.id)
    stories = build_stories(clustering, articles, {i.id: i for i in items})
    names = {e.id: e.name for e in dossier.entities}
    dossier.stories = stories
    dossier.storylines = build_storylines(clustering, stories, articles, names)
