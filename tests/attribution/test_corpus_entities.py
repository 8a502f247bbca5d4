"""The corpus's entities with their lookup indexes: a speaker looked up among every entity of the corpus ("the
hospital" of another report, a surname alone) gets the same entity whether the links read a plain dict (each lookup
scans it) or the corpus stage's :class:`CorpusEntities` (each index built once), and a change to the entities is
seen by the next lookup."""

from __future__ import annotations

from crosswire.attribution.corpus_entities import CorpusEntities, indexed
from crosswire.attribution.speaker_descriptions import by_description, by_name_head
from crosswire.attribution.speaker_names import by_surname
from crosswire.model import Article, Entity, Mention


def _entities(*named: tuple[str, str, str]) -> dict[str, Entity]:
    return {key: Entity(id=key, name=name, type=kind) for key, name, kind in named}


def _article(text: str, names: dict[str, str]) -> Article:
    """An article whose mentions are the given names, each linked to its entity id where it first occurs."""
    mentions = [
        Mention(start=text.index(name), end=text.index(name) + len(name), text=name, entity=key, label="ORG")
        for name, key in names.items()
    ]
    return Article(id="a1", source="a1.txt", text=text, mentions=mentions)


CORPUS = (
    ("e1", "St Brennan Hospital", "ORG"),
    ("e2", "Harwick Port Authority", "ORG"),
    ("e3", "Northfield Children's Hospital", "ORG"),
    ("e4", "Lena Okonjo", "PERSON"),
    ("e5", "Tomas Okonjo", "PERSON"),
    ("e6", "Idris Vale", "PERSON"),
    ("e7", "Brennan Hospital Trust", "ORG"),
)


def test_a_description_finds_the_one_entity_of_the_corpus_by_its_head_noun_either_way() -> None:
    # a local report names only "Brennan" and "the hospital": the hospital of the wire's report, not Northfield's
    text = "Patients from Brennan were moved overnight.\n\nThe hospital said the ward would reopen on Monday."
    article = _article(text, {"Brennan": "e0"})
    start = text.index("The hospital")
    plain = _entities(*CORPUS)
    assert by_name_head(article, start, "hospital", plain) == "e1"
    assert by_name_head(article, start, "hospital", CorpusEntities(plain)) == "e1"
    # two hospitals of that word: nobody
    both = _entities(*CORPUS, ("e8", "Brennan Valley Hospital", "ORG"))
    assert by_name_head(article, start, "hospital", both) is None
    assert by_name_head(article, start, "hospital", CorpusEntities(both)) is None


def test_a_surname_alone_is_the_one_person_of_the_corpus_so_named_either_way() -> None:
    text = "The match was abandoned after the storm.\n\nVale said the pitch was flooded."
    article = Article(id="a2", source="a2.txt", text=text)
    start = text.index("Vale")
    for entities in (_entities(*CORPUS), CorpusEntities(_entities(*CORPUS))):
        assert by_surname(article, "Vale", start, entities) == "e6"
        # two people of the corpus are called Okonjo: neither is chosen
        assert by_surname(article, "Okonjo", start, entities) is None


def test_a_company_noun_is_never_the_public_body_that_spoke_before_either_way() -> None:
    text = "The Harwick Port Authority fined the shipper.\n\nThe company said it would appeal the fine."
    article = _article(text, {"Harwick Port Authority": "e2"})
    start = text.index("The company")
    for entities in (_entities(*CORPUS), CorpusEntities(_entities(*CORPUS))):
        assert by_description(article, start, "The company", [], [], entities) is None


def test_an_index_is_built_once_and_dropped_when_the_entities_change() -> None:
    built: list[int] = []

    def names(entities: object) -> set[str]:
        assert isinstance(entities, dict)
        built.append(len(entities))
        return {entity.name for entity in entities.values()}

    entities = CorpusEntities(_entities(*CORPUS))
    assert indexed(entities, names) == indexed(entities, names)
    assert built == [7]
    entities["e9"] = Entity(id="e9", name="Calder Ferries", type="ORG")
    assert "Calder Ferries" in indexed(entities, names)
    del entities["e9"]
    entities.update(_entities(("e10", "Ostrava Steelworks", "ORG")))
    assert "Calder Ferries" not in indexed(entities, names)
    assert "Ostrava Steelworks" in indexed(entities, names)
    assert built == [7, 8, 8]
    entities |= _entities(("e11", "Tarn Valley Water", "ORG"))
    assert "Tarn Valley Water" in indexed(entities, names)
    assert built == [7, 8, 8, 9]
    # a plain dict keeps nothing: each lookup builds its index
    plain = _entities(*CORPUS)
    indexed(plain, names)
    indexed(plain, names)
    assert built == [7, 8, 8, 9, 7, 7]
