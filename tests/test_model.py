"""The typed objects: validation of published dates, what dossier.json holds, and JSON round trips."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from crosswire.model import (
    SCHEMA,
    Article,
    Claim,
    ClaimStance,
    Dossier,
    InputFailure,
    Mention,
    Story,
    Timex,
    normalize_published,
)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        (None, None),
        ("", None),
        ("2022-11-14", "2022-11-14"),
        (" 2022-11-14 ", "2022-11-14"),
        ("2022-11-14T10:30", "2022-11-14T10:30"),
        ("2022-11-14T10:30:00Z", "2022-11-14T10:30:00Z"),
        ("2022-11-15T09:20:00+03:00", "2022-11-15T09:20:00+03:00"),
        ("2022-11-14 10:30:00.250+0530", "2022-11-14 10:30:00.250+0530"),
        (dt.date(2022, 11, 14), "2022-11-14"),
        (dt.datetime(2022, 11, 14, 18, 5, tzinfo=dt.UTC), "2022-11-14T18:05:00+00:00"),
    ],
)
def test_normalize_published_keeps_precision(given_value: object, expected: str | None) -> None:
    assert normalize_published(given_value) == expected


@pytest.mark.parametrize(
    "bad", ["14 November 2022", "2022-13-01", "2022-02-30", "2022-11-14T25:00", "yesterday", "2022/11/14", "20221114"]
)
def test_normalize_published_refuses_what_is_not_iso(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_published(bad)
    with pytest.raises(ValidationError):
        Article(id="a", source="a.txt", published=bad)


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Article(id="a", source="a.txt", headline="not a field")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Dossier.model_validate({"schema": SCHEMA, "articles": [], "surprise": []})


def test_internal_fields_stay_out_of_the_json() -> None:
    article = Article(
        id="a", source="a.html", raw="<p>x</p>", raw_format="html", verbatim=True, layers=["clean"], input_hash="h"
    )
    data = json.loads(Dossier(articles=[article]).to_json())
    assert data["schema"] == SCHEMA
    for internal in ("raw", "raw_format", "verbatim", "layers", "input_hash"):
        assert internal not in data["articles"][0]


def test_dossier_article_lookup() -> None:
    dossier = Dossier(articles=[Article(id="a", source="a.txt"), Article(id="b", source="b.txt")])
    found = dossier.article("b")
    assert found is not None and found.source == "b.txt"
    assert dossier.article("zz") is None


def test_dossier_schema_is_written_under_its_contract_name() -> None:
    data = json.loads(Dossier().to_json())
    assert data["schema"] == "crosswire/dossier@1"
    assert "schema_" not in data
    assert Dossier.from_json(Dossier().to_json()).schema_ == SCHEMA


def test_datetime_with_second_offset_round_trips() -> None:
    moment = dt.datetime(2022, 11, 14, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, seconds=17)))
    dossier = Dossier(articles=[Article(id="a", source="a.txt", published=moment)])
    assert Dossier.from_json(dossier.to_json()) == dossier


# --- round trip over generated articles ------------------------------------------------------------------------------

_offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))
_published = st.one_of(
    st.none(),
    st.dates().map(dt.date.isoformat),
    st.builds(lambda moment, zone: moment.replace(tzinfo=zone).isoformat(), st.datetimes(), _offsets),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
)
_text = st.text()
_optional_text = st.one_of(st.none(), st.text())


@st.composite
def articles(draw: st.DrawFn, article_id: str) -> Article:
    text = draw(_text)
    timexes = []
    if text:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start, len(text)))
        timexes.append(Timex(start=start, end=end, text=text[start:end], type="DATE", value="2022-11-14"))
    return Article(
        id=article_id,
        source=draw(st.text(min_size=1)),
        url=draw(_optional_text),
        title=draw(_optional_text),
        outlet=draw(_optional_text),
        author=draw(_optional_text),
        published=draw(_published),
        published_from=draw(st.sampled_from([None, "input", "html", "header", "text", "story"])),
        language=draw(st.sampled_from([None, "en", "de", "ru"])),
        text=text,
        boilerplate=draw(st.lists(st.text(), max_size=4)),
        story=draw(_optional_text),
        duplicate_of=draw(_optional_text),
        timexes=timexes,
        mentions=[Mention(start=0, end=0, text="", label="PERSON")] if draw(st.booleans()) else [],
    )


@st.composite
def dossiers(draw: st.DrawFn) -> Dossier:
    count = draw(st.integers(0, 3))
    items = [draw(articles(f"a{index}")) for index in range(count)]
    return Dossier(
        articles=items,
        claims=[Claim(id="c1", text=draw(st.text()), stances=[ClaimStance(article="a0", stance="reports")])]
        if items
        else [],
        stories=[Story(id="s1", title=draw(st.text()), articles=[a.id for a in items])],
        errors=[InputFailure(source=draw(st.text()), error=draw(st.text()))],
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_dossier_json_round_trips(dossier: Dossier) -> None:
    text = dossier.to_json()
    again = Dossier.from_json(text)
    assert again == dossier
    assert again.to_json() == text
    assert Dossier.from_json(dossier.to_json(indent=None)) == dossier


def test_instances_given_every_field_share_one_set_of_field_names() -> None:
    data = {"start": 0, "end": 5, "text": "Paris", "entity": None, "label": "GPE"}
    first, second = Mention.model_validate(data), Mention.model_validate(dict(data))
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_fields_set == set(Mention.model_fields)
    # Assigning a field cannot change what another instance reports as set; a copy has its own set.
    first.entity = "gpe:paris"
    assert second.model_fields_set == set(Mention.model_fields)
    assert first.model_copy().__pydantic_fields_set__ is not first.__pydantic_fields_set__
    # An instance given only some fields keeps its own set, so ``exclude_unset`` still means what it says.
    partial = Mention(start=0, end=5, text="Paris", label="GPE")
    assert partial.model_fields_set == {"start", "end", "text", "label"}
    partial.entity = "gpe:paris"
    assert partial.model_dump(exclude_unset=True)["entity"] == "gpe:paris"
    assert second.model_fields_set == set(Mention.model_fields)
