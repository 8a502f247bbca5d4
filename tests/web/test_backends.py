"""End to end on each backend: ``analyze`` into a store on SQLite and on PostgreSQL, then ``serve`` over it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from crosswire.analyze import analyze
from crosswire.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_corpus import records


def test_analyze_then_serve(db_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "articles.jsonl"
    corpus = records()
    inputs.write_text("\n".join(json.dumps(r) for r in corpus[:-1]) + "\n", encoding="utf-8")
    result = analyze([str(inputs)], tmp_path / "out", db_url=db_url, workers=1)
    assert len(result.dossier.articles) == len(corpus) - 1

    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        page = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()
        assert page["total"] == len(corpus) - 1
        assert [a["id"] for a in page["items"]] == [a.id for a in result.dossier.articles[3:6]]
        served = client.get("/dossier.json").json()
        written = json.loads(result.json_path.read_text(encoding="utf-8"))
        assert served == written
        story = result.dossier.stories[0]
        in_story = client.get("/api/articles", params={"story": story.id}).json()
        assert {a["id"] for a in in_story["items"]} == set(story.articles)
        # Paged corpus objects come straight from the store, in dossier order.
        entities = client.get("/api/entities", params={"limit": 2, "offset": 1}).json()
        assert entities["total"] == len(written["entities"])
        assert entities["items"] == written["entities"][1:3]
        assert client.get(f"/api/stories/{story.id}").json() == written["stories"][0]
        assert client.get("/api/claims/no-such-claim").status_code == 404
        # Filters that cross objects are SQL over the stored links, on either backend: the dossier's answer.
        entity = written["entities"][0]
        expected = [
            a["id"]
            for a in written["articles"]
            if a["id"] in entity["articles"] or any(m.get("entity") == entity["id"] for m in a["mentions"])
        ]
        mentioning = client.get("/api/articles", params={"entity": entity["id"], "limit": 500}).json()
        assert [a["id"] for a in mentioning["items"]] == expected and expected
        members = set(story.articles) | {a["id"] for a in written["articles"] if a.get("story") == story.id}
        expected = [c["id"] for c in written["claims"] if any(s["article"] in members for s in c["stances"])]
        claims = client.get("/api/claims", params={"story": story.id, "limit": 500}).json()
        assert [c["id"] for c in claims["items"]] == expected
        assert claims["total"] == len(expected)

        added = client.post("/api/articles", json=corpus[-1])
        assert added.status_code == 200, added.text
        assert added.json()["analysed"] == [corpus[-1]["id"]]
        assert client.get("/api/articles").json()["total"] == len(corpus)
        assert client.get(f"/api/articles/{corpus[-1]['id']}").status_code == 200
