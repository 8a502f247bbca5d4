"""``dossier.json`` a piece at a time: the same bytes as :meth:`Dossier.to_json`, without the whole text in memory.

The dossier's top level is written from a copy with every list emptied (pydantic writes it, so keys, order and
escaping are its own); each list is then filled in one item at a time, each item serialised by pydantic as well.
Indented output nests every item's lines under its list, as a whole-dossier dump would.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from crosswire.model import Dossier


def _list_fields(dossier: Dossier) -> list[tuple[str, list[BaseModel]]]:
    found = []
    for name, field in Dossier.model_fields.items():
        value = getattr(dossier, name)
        if isinstance(value, list):
            found.append((field.alias or name, value))
    return found


def _items(items: list[BaseModel], indent: int | None) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    if indent is None:
        yield "["
        for index, item in enumerate(items):
            yield ("," if index else "") + item.model_dump_json(by_alias=True)
        yield "]"
        return
    pad = " " * (2 * indent)
    yield "[\n"
    for index, item in enumerate(items):
        text = item.model_dump_json(by_alias=True, indent=indent)
        # JSON strings hold no raw newline, so every newline here is between two lines of the item.
        yield (",\n" if index else "") + pad + text.replace("\n", "\n" + pad)
    yield "\n" + " " * indent + "]"


def iter_dossier_json(dossier: Dossier, *, indent: int | None = 2) -> Iterator[str]:
    """Pieces whose concatenation is ``dossier.to_json(indent=indent)``."""
    lists = _list_fields(dossier)
    skeleton = dossier.model_copy(
        update={name: [] for name in Dossier.model_fields if isinstance(getattr(dossier, name), list)}
    )
    rest = skeleton.to_json(indent=indent)
    separator = ": " if indent is not None else ":"
    for key, items in lists:
        marker = f'"{key}"{separator}[]'
        before, found, rest = rest.partition(marker)
        if not found:  # pragma: no cover - the skeleton always holds every list, empty
            raise AssertionError(f"dossier JSON without {key!r}")
        yield before + marker[: -len("[]")]
        yield from _items(items, indent)
    yield rest
