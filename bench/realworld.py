"""Real stories, every layer: ``crosswire analyze`` over realworld-dev, scored by the set's own ``score.py``.

The 45 pages are analysed together (stories and cross-article layers need the whole pile), then the gold is scored
three times: on all seven stories, on the tuning part and on the frozen part. The frozen part is two whole stories
(:data:`FROZEN`) that no rule is written against: their pages and gold are not read while developing, so their
score says how a rule carries over to a story nobody tuned for, as the held-out set of other stories will.

    .venv/bin/python bench/realworld.py [--dossier DOSSIER.json] [--part all|tuning|frozen] [--failures]

``--dossier`` scores an existing dossier instead of analysing; ``--failures`` prints the failed checks of the
chosen part (never of the frozen part unless asked for by name).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "realworld-dev"
CROSSWIRE = Path(sys.executable).with_name("crosswire")

# Two whole stories, chosen before any rule was written against this set: a plane crash in a war and a ceasefire.
FROZEN: frozenset[str] = frozenset({"s3", "s6"})
STORIES: tuple[str, ...] = tuple(f"s{n}" for n in range(1, 8))
PARTS: dict[str, frozenset[str]] = {
    "all": frozenset(STORIES),
    "tuning": frozenset(STORIES) - FROZEN,
    "frozen": FROZEN,
}
LAYERS = ("articles", "dates", "entities", "statements", "events", "claims", "contradictions", "stories")

_STORY_OF_FILE = re.compile(r"\b(s[1-7])-")
_SCORE_LINE = re.compile(r"^(\w+): (\d+)/(\d+)$")


def _forms(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [form for item in value for form in _forms(item)] if isinstance(value, list) else []


def _story_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for page in sorted((DATA / "articles").glob("s*-*.txt")):
        story = page.name.split("-", 1)[0]
        texts[story] = texts.get(story, "") + "\n" + page.read_text(encoding="utf-8", errors="replace").casefold()
    return texts


def _stories_of(item: object, texts: dict[str, str]) -> set[str]:
    """The stories a gold item speaks of: by the files it names; an entity, by the stories whose pages name it."""
    text = json.dumps(item)
    found = set(_STORY_OF_FILE.findall(text))
    if found or not isinstance(item, dict) or "forms" not in item:
        return found
    forms = [form.casefold() for form in _forms(item["forms"])]
    return {story for story, pages in texts.items() if any(form in pages for form in forms)}


def part_gold(gold: dict, stories: frozenset[str]) -> dict:
    """The gold restricted to the items of the given stories (an item naming several stories needs all of them)."""
    texts = _story_texts()
    kept: dict = {}
    for key, value in gold.items():
        if isinstance(value, list):
            kept[key] = [item for item in value if _stories_of(item, texts) <= stories]
        elif isinstance(value, dict):
            kept[key] = {k: [i for i in v if _stories_of(i, texts) <= stories] for k, v in value.items()}
        else:
            kept[key] = value
    return kept


def score(dossier: Path, stories: frozenset[str], failures: bool = False) -> dict[str, tuple[int, int]]:
    """Run the set's scorer on ``dossier`` against the gold of ``stories``; return ``{layer: (passed, total)}``."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="crosswire-realworld-") as folder:
        shutil.copy(DATA / "score.py", folder)
        Path(folder, "gold.json").write_text(json.dumps(part_gold(gold, stories)), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(Path(folder, "score.py")), str(dossier), "--quiet"],
            capture_output=True,
            text=True,
            check=False,
        )
    results: dict[str, tuple[int, int]] = {}
    for line in run.stdout.splitlines():
        match = _SCORE_LINE.match(line.strip())
        if match:
            results[match[1]] = (int(match[2]), int(match[3]))
        elif failures and line.startswith("FAIL"):
            print(line)
    if "realworld" not in results:
        raise RuntimeError(f"the realworld scorer printed no total:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return results


def analyse(out: Path) -> Path:
    """``crosswire analyze`` over the 45 pages into ``out``; return the dossier's path."""
    subprocess.run(
        [str(CROSSWIRE), "analyze", str(DATA / "articles"), "--out", str(out), "--fresh"],
        check=True,
        capture_output=True,
    )
    return out / "dossier.json"


def measure(dossier: Path | None = None) -> dict[str, float]:
    """Shares of checks passed per layer, for every part: keys like ``frozen.statements`` and ``all.total``."""
    with tempfile.TemporaryDirectory(prefix="crosswire-realworld-out-") as out:
        path = dossier or analyse(Path(out))
        figures: dict[str, float] = {}
        for part, stories in PARTS.items():
            for layer, (passed, total) in score(path, stories).items():
                name = "total" if layer == "realworld" else layer
                figures[f"{part}.{name}"] = passed / total if total else 1.0
                figures[f"{part}.{name}.passed"] = passed
                figures[f"{part}.{name}.checks"] = total
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossier", type=Path, help="score this dossier.json instead of analysing")
    parser.add_argument("--part", choices=sorted(PARTS), help="print the failed checks of this part")
    parser.add_argument("--failures", action="store_true", help="with --part: print its failed checks")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skip: {DATA} not found")
        return 0
    with tempfile.TemporaryDirectory(prefix="crosswire-realworld-out-") as out:
        dossier = args.dossier or analyse(Path(out))
        if args.part and args.failures:
            score(dossier, PARTS[args.part], failures=True)
        figures = measure(dossier)
    print(f"{'layer':<16}" + "".join(f"{part:>16}" for part in PARTS))
    for layer in (*LAYERS, "total"):
        cells = []
        for part in PARTS:
            passed, checks = figures.get(f"{part}.{layer}.passed", 0), figures.get(f"{part}.{layer}.checks", 0)
            cells.append(f"{int(passed)}/{int(checks)} {figures.get(f'{part}.{layer}', 0):.2f}".rjust(16))
        print(f"{layer:<16}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
