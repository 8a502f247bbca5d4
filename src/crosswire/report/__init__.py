"""Writing the dossier: ``dossier.json`` (the contract) and ``dossier.html`` (for people)."""

from __future__ import annotations

import functools
import gc
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from crosswire.model import Dossier
from crosswire.report.html import iter_html
from crosswire.report.stream import iter_dossier_json

if TYPE_CHECKING:
    from crosswire.context import CorpusStart

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
    temporary = _write_sibling(path, content)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_sibling(path: Path, content: Iterable[str]) -> str:
    """``content`` written into a new hidden file beside ``path`` (not in place yet): its path."""
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
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


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


def write_dossier(dossier: Dossier, out_dir: Path, page: PendingPage | None = None) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths. With ``page`` (the same
    dossier's page, rendered elsewhere: :func:`start_page`), ``dossier.html`` is that page, put in place once
    ``dossier.json`` is written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out_dir / "dossier.json", out_dir / "dossier.html"
    try:
        with _dossier_frozen():
            _write_atomically(json_path, chain(iter_dossier_json(dossier), ["\n"]))
            if page is None:
                _write_atomically(html_path, iter_html(dossier))
    except BaseException:
        if page is not None:
            page.discard()
        raise
    if page is not None:
        page.place(html_path)
    return json_path, html_path


def render_page(dossier: bytes, out_dir: str) -> str:
    """``dossier.html`` of the pickled ``dossier``, written into a hidden file in ``out_dir`` (not in place yet): its
    path. What an engine's worker runs for :func:`start_page`."""
    # Pickled by start_page, in this run's driver. Without the collector: unpickling makes every object of the dossier,
    # and each of its passes would walk all those made so far (a third of the time), none of them garbage.
    gc.disable()
    try:
        loaded: Dossier = pickle.loads(dossier)
    finally:
        gc.enable()
    with _dossier_frozen():
        return _write_sibling(Path(out_dir) / "dossier.html", iter_html(loaded))


@dataclass
class PendingPage:
    """A ``dossier.html`` being rendered elsewhere; :meth:`place` waits for it and puts it in place."""

    wait: Callable[[], list[str]]

    def place(self, path: Path) -> None:
        temporary = self.wait()[0]
        try:
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def discard(self) -> None:
        """Wait for the page and delete it (the run failed before it could be put in place)."""
        with suppress(Exception):
            Path(self.wait()[0]).unlink(missing_ok=True)


def start_page(dossier: Dossier, out_dir: Path, start: CorpusStart) -> PendingPage:
    """Start rendering ``dossier.html`` for ``dossier`` on ``start`` (an engine's workers, which must see
    ``out_dir``): the driver saves the corpus and writes ``dossier.json`` meanwhile, and :func:`write_dossier` puts
    the page in place. The dossier is pickled now, so changing it afterwards does not change the page."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with _dossier_frozen():
        blob = pickle.dumps(dossier, protocol=pickle.HIGHEST_PROTOCOL)
    return PendingPage(start(functools.partial(render_page, out_dir=str(out_dir)), [blob]))
