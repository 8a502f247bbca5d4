"""The corpus's entities by id, with the indexes the speaker links look them up in, each built once per run.

A speaker that no name of its article settles is looked for among every entity of the corpus ("the museum" is the
one "... Museum" of the story's other reports, "Hershberger" the one person of that surname, "the company" never a
public body). Scanning every entity for each such speaker grew with the square of the corpus (the statements stage
took 9.8 CPU s of the driver's serial part on 1,683 FNC-1 bodies); the corpus stage hands the links a
:class:`CorpusEntities` instead of a plain dict, and each lookup's index is built from it the first time it is asked
for. A plain dict (one article linked alone, a test) gets the same index built for the one lookup, so both read the
same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from crosswire.model import Entity

T = TypeVar("T")
Index = Callable[[Mapping[str, Entity]], T]


class CorpusEntities(dict[str, Entity]):
    """Entities by id that keep the indexes built over them; any change to which entities it holds drops them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indexes: dict[Callable[..., object], object] = {}

    def __setitem__(self, key: str, value: Entity) -> None:
        self.indexes.clear()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.indexes.clear()
        super().__delitem__(key)

    def __ior__(self, other: Any) -> CorpusEntities:  # type: ignore[override,misc]
        self.indexes.clear()
        super().update(other)
        return self

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.indexes.clear()
        super().update(*args, **kwargs)

    def pop(self, *args: Any) -> Any:
        self.indexes.clear()
        return super().pop(*args)

    def popitem(self) -> tuple[str, Entity]:
        self.indexes.clear()
        return super().popitem()

    def setdefault(self, key: str, default: Entity) -> Entity:
        self.indexes.clear()
        return super().setdefault(key, default)

    def clear(self) -> None:
        self.indexes.clear()
        super().clear()


def indexed(entities: Mapping[str, Entity], build: Index[T]) -> T:
    """``build(entities)``, kept with the entities when they are a :class:`CorpusEntities` (built once, then read)."""
    if not isinstance(entities, CorpusEntities):
        return build(entities)
    if build not in entities.indexes:
        entities.indexes[build] = build(entities)
    return cast(T, entities.indexes[build])
