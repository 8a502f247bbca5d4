"""Writing the dossier: ``dossier.json`` (the contract) and ``dossier.html`` (for people)."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from crosswire.model import Dossier
from crosswire.report.html import iter_html
from crosswire.report.stream import iter_dossier_json

# The mode of the dossier files before the umask: SQLite's for the store file (0644), so the store and its dossier are
# readable by the same people (0644 under the usual umask 022, 0600 under 077).
FILE_MODE = 0o644
# How many pieces are joined for one write.
_BATCH = 1024


def _umask() -> int:
    # The process umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomically(path: Path, content: Iterable[str]) -> None:
    # A reader (or a crash) never sees half a dossier: write a sibling file, then rename over the old one.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the dossier gets the store's mode instead (FILE_MODE minus the umask).
        if hasattr(os, "fchmod"):  # POSIX; Windows files have no such mode bits
            os.fchmod(handle, FILE_MODE & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            # Written a batch of pieces at a time: neither file is ever one string in memory, and the page's hundreds
            # of thousands of small pieces cost a few hundred writes instead of one each.
            batch: list[str] = []
            for piece in content:
                batch.append(piece)
                if len(batch) == _BATCH:
                    stream.write("".join(batch))
                    batch.clear()
            stream.write("".join(batch))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _dossier_frozen() -> Iterator[None]:
    # Writing makes hundreds of thousands of short-lived objects, so the cyclic garbage collector runs many times, and
    # each older-generation pass walked the whole dossier (millions of objects on a big corpus), none of it garbage:
    # about a sixth of the step on 300 articles, growing faster than the corpus. Frozen objects are never scanned;
    # what writing itself leaves in cycles is still collected. A caller's own freeze is left as it is.
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_dossier(dossier: Dossier, out_dir: Path) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out_dir / "dossier.json", out_dir / "dossier.html"
    with _dossier_frozen():
        _write_atomically(json_path, chain(iter_dossier_json(dossier), ["\n"]))
        _write_atomically(html_path, iter_html(dossier))
    return json_path, html_path
