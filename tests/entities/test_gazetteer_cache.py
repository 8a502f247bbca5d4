"""The city table kept in the cache folder: read back equal to the one built, rebuilt when the file is damaged."""

from __future__ import annotations

import pytest

from crosswire.entities import gazetteer


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_CACHE_DIR", str(tmp_path))
    gazetteer._city_tables.cache_clear()
    yield tmp_path
    gazetteer._city_tables.cache_clear()


def test_the_kept_table_is_the_built_one(fresh_cache):
    built = gazetteer._cities()
    kept = list(fresh_cache.glob("gazetteer-cities-*.json"))
    assert len(kept) == 1
    gazetteer._city_tables.cache_clear()
    read = gazetteer._cities()
    assert read == built
    assert list(read) == list(built)
    assert gazetteer.city("Kiev") == gazetteer.city("Kyiv")
    assert gazetteer.city("Kyiv") is not None


def test_a_damaged_file_is_built_again(fresh_cache):
    gazetteer._cities()
    (path,) = fresh_cache.glob("gazetteer-cities-*.json")
    path.write_text('{"places": [["Nowhere", "1"]], "keys": ["nowhere", "elsewhere"], "index": [0]}')
    gazetteer._city_tables.cache_clear()
    table = gazetteer._cities()
    assert "nowhere" not in table
    assert table[gazetteer.fold("Toronto")].name == "Toronto"


def test_an_unwritable_folder_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CROSSWIRE_CACHE_DIR", str(blocker / "cache"))
    gazetteer._city_tables.cache_clear()
    try:
        assert gazetteer.city("Toronto") is not None
    finally:
        gazetteer._city_tables.cache_clear()
