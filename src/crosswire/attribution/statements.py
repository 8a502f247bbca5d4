"""Corpus stage of "who said what": link each statement's speaker to a canonical entity, gather the statements.

The per-article stage (:mod:`crosswire.attribution.finder`) records the speaker's words and offsets; entity ids only
exist once :mod:`crosswire.entities.canonical` has run, so the link happens here, in this order of evidence:

1. **anonymous and document sources** stay unlinked (``speaker`` null, ``speaker_text`` kept): nobody is named; a
   document named with its author ("a statement from the company") is linked as the author's words would be.
2. **a name inside the speaker span** — the PERSON mention that heads it ("CNN correspondent Natasha Bertrand" ->
   Bertrand; a person after "of"/"for"/"to" is a dependent, not the speaker: "an aide to President Putin" is not
   Putin, "the sister of photojournalist Luke Somers" is not Somers; nor is a possessor, whether with "'s" or a
   bare apostrophe: "Woods' agent, Mark Steinberg" is Steinberg; nor a name modifying the speaker's: "Boko Haram
   leader Abubakar Shekau" is Shekau), else the organization or outlet ("the Russian newspaper Kommersant" ->
   Kommersant), but not a place that people or a role belong to ("Kansas City police", "the mayor of Iguala");
   a surname alone the recogniser missed ("Hershberger said") is the one person named so in full before it.
3. **a pronoun or a role noun** — "he", "she", "the spokesperson" resolve through
   :func:`crosswire.entities.coref.resolve_reference`, with the corpus's roles and the sexes the articles give
   people (:mod:`crosswire.entities.gender`: "she" is never a man known as one); a relative pronoun ("Dan Olsen, who
   said ...") is linked as the noun its clause modifies. A role held for a person ("his lawyer", "Okafor's lawyer")
   is only a holder the article named for that person, else an anonymous source (its ``speaker_text`` still the
   words its offsets mark).
4. **an unnamed role noun with an organization** — "the NSC spokesperson" speaks for the NSC.
5. **"the official said" after an organization's statement** — the official speaks for the organization that
   spoke just before (within :data:`~crosswire.attribution.speaker_descriptions.ORG_FALLBACK_DISTANCE`
   characters): "the White House said ... the official
   said". **"the outlet reports"** likewise refers to the outlet that reported just before.

A linked entity also settles the source type the words left open (a PERSON entity is a person).

This module holds that order and the stage; each kind of evidence is read in its own module: names inside the
phrase (:mod:`crosswire.attribution.speaker_names`), pronouns (:mod:`crosswire.attribution.speaker_pronouns`), role
nouns and whom a role is held for (:mod:`crosswire.attribution.speaker_roles`), definite descriptions of an
organization or outlet ("the company", "the agency", "the magazine": :mod:`crosswire.attribution.speaker_descriptions`).
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.attribution.corpus_entities import CorpusEntities
from crosswire.attribution.document_authors import document_author
from crosswire.attribution.outlet_relays import called_outlets, relay_outlets
from crosswire.attribution.sources import RELATIVE_PRONOUNS, SPOKES_NOUNS
from crosswire.attribution.speaker_descriptions import ORG_FALLBACK_DISTANCE, by_description, is_body
from crosswire.attribution.speaker_names import (
    INDEFINITE,
    alias_index,
    before_target,
    by_alias,
    by_premodified_noun,
    by_surname,
    head_person,
    linked_inside,
    named_org,
    names_a_person,
    relative_tail,
    role_named,
)
from crosswire.attribution.speaker_pronouns import GROUP_PRONOUNS, pronoun_link
from crosswire.attribution.speaker_roles import possessed_role, role_holder, role_span, spoken_for
from crosswire.context import Context
from crosswire.entities.coref import AGE_DESCRIPTION, PRONOUNS, resolve_reference
from crosswire.entities.gender import Gender, read_genders
from crosswire.model import Article, Dossier, Entity, Statement


def _link_one(
    article: Article,
    statement: Statement,
    entities: dict[str, Entity],
    previous: Sequence[Statement],
    aliases: dict[str, str],
    genders: dict[str, Gender],
) -> str | None:
    if statement.speaker_start is None or statement.speaker_end is None:
        return None
    if statement.source_type in {"anonymous", "document"}:
        # "according to a statement from the company": the author speaks, else nobody named does
        author = document_author(article, statement)
        return _link_one(article, author, entities, previous, aliases, genders) if author else None
    start, end = statement.speaker_start, statement.speaker_end
    phrase = article.text[start:end].strip()
    if phrase.lower() not in RELATIVE_PRONOUNS:
        end = relative_tail(article, start, end)
        phrase = article.text[start:end].strip()
    cut = before_target(article, start, end)
    if cut is None:
        return None
    end, phrase = cut, article.text[start:cut].strip()
    mentions = linked_inside(article, start, end)
    person = head_person(article, statement, mentions) or role_named(article, end, mentions)
    if person is not None:
        return person.entity
    said = [(s.content_start, s.content_end) for s in [*previous, statement] if s.content_start is not None]
    if phrase.lower() in PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS:
        return pronoun_link(article, statement, phrase.lower(), entities, previous, said, genders)
    if AGE_DESCRIPTION.match(phrase):
        # "The 24-year-old signed a five-year contract": the person just named, described by age
        return resolve_reference(article, start, end, entities, genders)
    role = role_span(article, start, end)
    possessed = possessed_role(article, start, phrase, entities, genders)
    if possessed is None:
        # "the prime minister's spokesman": the spokesman of a role, not a holder of its first role noun
        speaks_for = spoken_for(article, start, phrase, previous, entities)
        if speaks_for is not None:
            return speaks_for or None
    if role is not None and not INDEFINITE.match(phrase):
        # "the spokesperson" is somebody named before; "a CIA spokesperson" is a new, unnamed one
        found = role_holder(article, role, possessed, entities, genders, mentions)
        if found is not None:
            return found
    if possessed is not None:
        # "his lawyer", whom the article does not name: an unnamed source (see link_article). "Putin's spokesman" and
        # "her spokeswoman", whom it does not name: the principal's word, as "a Shell spokesman" is Shell's, since a
        # spokesperson's job is to speak for the one they serve; a lawyer speaks for a client in their own name
        if phrase.split()[-1].lower() in SPOKES_NOUNS:
            return possessed
        return spoken_for(article, start, phrase, previous, entities) or None
    found = by_description(article, start, phrase, mentions, previous, entities) or by_premodified_noun(
        article, start, phrase, entities
    )
    if found is not None:
        return found
    found = named_org(article, start, end, phrase, mentions)
    if found is not None:
        return found
    # no name inside the phrase could speak: a name the recogniser missed or cut short may ("the Dutch blog
    # iCulture", "The Hollywood Reporter" with "Hollywood" tagged a place), never a person the rules above set aside
    # ("the sister of photojournalist Luke Somers")
    people = [m for m in mentions if m.label == "PERSON"]
    missed = "".join(
        " " if any(m.start <= i < m.end for m in people) else ch for i, ch in enumerate(article.text[start:end], start)
    )
    found = by_alias(missed, aliases, frozenset(m.text for m in mentions)) or (
        None if mentions else by_surname(article, phrase, start, entities)
    )
    if found is not None:
        return found
    if (role is not None and not names_a_person(phrase)) or statement.source_type == "media":
        # "a spokesman said" speaks for the organization that spoke before; a named person does not
        wanted = "media" if statement.source_type == "media" else "organization"
        for earlier in reversed(previous):
            if earlier.speaker and earlier.source_type == wanted and start - earlier.end <= ORG_FALLBACK_DISTANCE:
                return earlier.speaker
    return None


def _mark_unnamed_holder(
    article: Article, statement: Statement, entities: dict[str, Entity], genders: dict[str, Gender]
) -> None:
    """ "He will plead not guilty, his lawyer said", with no lawyer of his named: an anonymous source. Its
    ``speaker_text`` stays the words at ``speaker_start:speaker_end`` ("his lawyer"), as every offset of the dossier
    indexes its article's text."""
    if statement.speaker or statement.speaker_start is None or statement.source_type not in {"person", "unknown"}:
        return
    phrase = (statement.speaker_text or "").strip()
    if possessed_role(article, statement.speaker_start, phrase, entities, genders) is not None:
        statement.source_type = "anonymous"


def link_article(
    article: Article,
    entities: dict[str, Entity],
    aliases: dict[str, str] | None = None,
    genders: dict[str, Gender] | None = None,
) -> None:
    """Set ``speaker`` on every statement of one article (in text order, so fallbacks see earlier statements).
    ``genders`` defaults to what this article alone says about its people."""
    done: list[Statement] = []
    aliases = alias_index(entities) if aliases is None else aliases
    genders = read_genders([article]) if genders is None else genders
    by_span: dict[tuple[int, int], str | None] = {}
    for statement in sorted(article.statements, key=lambda s: s.start):
        key = (statement.speaker_start or -1, statement.speaker_end or -1)
        if key in by_span:
            statement.speaker = by_span[key]
        else:
            statement.speaker = _link_one(article, statement, entities, done, aliases, genders)
            by_span[key] = statement.speaker
        entity = entities.get(statement.speaker) if statement.speaker else None
        _mark_unnamed_holder(article, statement, entities, genders)
        if entity is not None and statement.source_type in {"unknown", "person", "organization", "document"}:
            statement.source_type = "person" if entity.type == "PERSON" else "organization"
        elif statement.source_type == "media" and is_body(entity):
            statement.source_type = "organization"  # "the agency" that is the Food and Drug Administration
        done.append(statement)
    called_outlets(article)
    relay_outlets(article, entities)


def link_statements(dossier: Dossier, context: Context) -> None:
    """The corpus stage: link speakers to entities and gather every article's statements into the dossier."""
    # the corpus's entities, with the indexes the links look them up in built once for the whole corpus
    entities = CorpusEntities((entity.id, entity) for entity in dossier.entities)
    aliases = alias_index(entities)
    # every article's evidence counts: "Mrs Ruiz" in one report settles "she said" in another
    genders = read_genders(dossier.articles)
    gathered: list[Statement] = []
    for article in dossier.articles:
        link_article(article, entities, aliases, genders)
        gathered.extend(article.statements)
    dossier.statements = gathered
