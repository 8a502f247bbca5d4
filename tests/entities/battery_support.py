"""The machinery of the entity batteries: passages with the entities a careful reader expects, analysed as one pile
through the same code path as ``crosswire analyze``, and the dossier's entities checked against them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from crosswire.analyze import analyze
from crosswire.model import Dossier, Entity


@dataclass(frozen=True)
class Ent:
    """An entity the passage names: ``form`` is a surface form it holds ("A|B": either), ``type`` its type
    ("ORG|FAC": either), ``name`` its canonical name, ``role`` a phrase one of its roles holds, ``same`` the other
    forms the same entity holds."""

    form: str
    type: str | None = None
    name: str | None = None
    role: str | None = None
    same: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    text: str
    ents: tuple[Ent, ...] = ()
    never: tuple[tuple[str, str], ...] = ()  # (form, types it must not be: "PERSON|ORG", or "*" for any entity)
    distinct: tuple[tuple[str, str], ...] = ()  # two forms held by two different entities
    not_named: tuple[tuple[str, str], ...] = ()  # (form, canonical name the entity holding it must not have)


P, ORG, G = "PERSON", "ORG", "GPE"
NOT_PERSON = "PERSON"


def analyse_pile(cases: dict[str, Case], tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    """Every passage as one article (its file named after the case), analysed as one pile."""
    folder = tmp_path_factory.mktemp("battery")
    for name, case in cases.items():
        (folder / f"{name}.txt").write_text(case.text, encoding="utf-8")
    return analyze([str(folder)], tmp_path_factory.mktemp("out"), verbatim=True).dossier


def _passage_entities(dossier: Dossier, name: str) -> list[Entity]:
    wanted = next(a.id for a in dossier.articles if Path(a.source).stem == name)
    return [e for e in dossier.entities if wanted in e.articles]


def _holds(entity: Entity, form: str) -> bool:
    """The entity holds one of the alternatives of ``form`` as a surface form, a leading "the" aside."""
    forms = {alias.removeprefix("the ").removeprefix("The ") for alias in entity.aliases}
    return any(alternative in forms for alternative in form.split("|"))


def check(cases: dict[str, Case], dossier: Dossier, name: str) -> None:
    """The passage ``name``'s entities in the dossier are those its case expects."""
    case = cases[name]
    entities = _passage_entities(dossier, name)
    shown = [(e.name, e.type, e.aliases, e.roles) for e in entities]
    for expected in case.ents:
        holding = [e for e in entities if _holds(e, expected.form)]
        assert len(holding) == 1, (expected.form, shown)
        entity = holding[0]
        if expected.type is not None:
            assert entity.type in expected.type.split("|"), (expected.form, entity.type, shown)
        if expected.name is not None:
            assert entity.name == expected.name, (expected.form, entity.name, shown)
        if expected.role is not None:
            assert any(expected.role in role.casefold() for role in entity.roles), (expected.form, entity.roles)
        for other in expected.same:
            assert _holds(entity, other), (expected.form, other, shown)
    for form, types in case.never:
        wrong = [e for e in entities if _holds(e, form) and (types == "*" or e.type in types.split("|"))]
        assert not wrong, (form, types, shown)
    for first, second in case.distinct:
        a = [e.id for e in entities if _holds(e, first)]
        b = [e.id for e in entities if _holds(e, second)]
        assert a and b and set(a).isdisjoint(b), (first, second, shown)
    for form, canonical in case.not_named:
        assert not [e for e in entities if _holds(e, form) and e.name == canonical], (form, shown)


def marked(cases: dict[str, Case], still_open: dict[str, str]) -> list[object]:
    """The cases' parameters, each a strict ``xfail`` while it is still open."""
    params: list[object] = []
    for name in cases:
        marks = [pytest.mark.xfail(strict=True, reason=still_open[name])] if name in still_open else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params
