"""Hand-built dossiers for the claims tests: articles, entities and statements with offsets found in the text."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import Article, Dossier, Entity, Mention, Statement, Timex


def entity(entity_id: str, name: str, kind: str = "PERSON", roles: list[str] | None = None) -> Entity:
    return Entity(id=entity_id, name=name, type=kind, aliases=[name], roles=roles or [])


def article(
    article_id: str,
    text: str,
    *,
    story: str = "story-1",
    published: str | None = "2024-05-06",
    outlet: str | None = None,
    names: dict[str, str] | None = None,
    dates: dict[str, str] | None = None,
) -> Article:
    """An article whose mentions (``names``: surface → entity id) and DATE timexes (``dates``: surface → value) are
    located by searching the text."""
    mentions = []
    for surface, entity_id in (names or {}).items():
        start = 0
        while (start := text.find(surface, start)) >= 0:
            mentions.append(Mention(start=start, end=start + len(surface), text=surface, entity=entity_id, label="X"))
            start += len(surface)
    timexes = []
    for surface, value in (dates or {}).items():
        start = text.find(surface)
        assert start >= 0, surface
        timexes.append(Timex(start=start, end=start + len(surface), text=surface, type="DATE", value=value))
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        story=story,
        published=published,
        outlet=outlet,
        mentions=sorted(mentions, key=lambda m: m.start),
        timexes=timexes,
    )


def statement(
    item: Article,
    number: int,
    *,
    speaker_text: str,
    cue: str,
    content: str,
    speaker: str | None = None,
    source_type: str = "person",
    stance: str = "assert",
    via: list[str] | None = None,
    direct: bool = False,
) -> Statement:
    """A statement over the sentence holding ``content``; offsets are found in the article's text."""
    content_start = item.text.index(content)
    speaker_start = item.text.index(speaker_text)
    occurrences = [i for i in range(len(item.text)) if item.text.startswith(cue, i)]
    assert occurrences, cue
    cue_start = min(occurrences, key=lambda i: abs(i - speaker_start))
    start = min(content_start, speaker_start, cue_start)
    end = max(content_start + len(content), speaker_start + len(speaker_text), cue_start + len(cue))
    return Statement(
        id=f"{item.id}:s{number}",
        article=item.id,
        start=start,
        end=end,
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(speaker_text),
        source_type=source_type,  # type: ignore[arg-type]
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_start + len(cue),
        content=content,
        content_start=content_start,
        content_end=content_start + len(content),
        direct=direct,
        stance_class=stance,  # type: ignore[arg-type]
        via=via or [],
    )


def dossier(articles: list[Article], entities: list[Entity], statements: list[Statement]) -> Dossier:
    return Dossier(articles=articles, entities=entities, statements=statements)


def seed_article_id(dossier: Dossier, prefix: str) -> str:
    """The id of the seed article whose file name starts with ``prefix``."""
    return next(a.id for a in dossier.articles if Path(a.source).name.startswith(prefix))
