"""Writing the dossier: ``dossier.json`` (the contract) and ``dossier.html`` (for people)."""

from __future__ import annotations

import gc
import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
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


def _temporary(path: Path) -> tuple[int, str]:
    """A new sibling file of ``path`` to write it in (its descriptor and name), with the dossier's mode."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    # mkstemp makes the file private (0600); the dossier gets the store's mode instead (FILE_MODE minus the umask).
    if hasattr(os, "fchmod"):  # POSIX; Windows files have no such mode bits
        try:
            os.fchmod(handle, FILE_MODE & ~_umask())
        except BaseException:
            os.close(handle)
            Path(temporary).unlink(missing_ok=True)
            raise
    return handle, temporary


def _write_pieces(handle: int, content: Iterable[str]) -> None:
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


def _write_atomically(path: Path, content: Iterable[str]) -> None:
    # A reader (or a crash) never sees half a dossier: write a sibling file, then rename over the old one.
    handle, temporary = _temporary(path)
    try:
        _write_pieces(handle, content)
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
    return DossierWriter(dossier, out_dir).finish()


class DossierWriter:
    """Writes ``dossier.json`` and ``dossier.html`` into ``out_dir``, both at :meth:`finish`, each atomically.

    With ``fork`` (where the OS can), the page is rendered from the moment the writer is made, by a child process
    forked from this one (the dossier is shared with it, copy on write), on another core: the caller goes on
    meanwhile (saving the store), and :meth:`finish` writes ``dossier.json`` here while the page is still being
    rendered. The dossier must not change until :meth:`finish`. The child writes a temporary file that only
    :meth:`finish` renames into place, so nothing appears before it (a failure in between leaves no page), and if the
    child fails the page is rendered here, where its error is raised. Fork only a process whose other threads, if any,
    the child needs nothing from (it renders and exits; it never logs, prints or touches the store).
    """

    def __init__(self, dossier: Dossier, out_dir: Path, *, fork: bool = False) -> None:
        self.dossier = dossier
        self.json_path, self.html_path = out_dir / "dossier.json", out_dir / "dossier.html"
        # CPU seconds of the child that rendered the page (known after :meth:`finish`).
        self.child_cpu = 0.0
        self._child: tuple[int, str] | None = None
        if fork and hasattr(os, "fork") and hasattr(os, "wait4"):
            # Any trouble here (the folder cannot be made or written) is left for finish to raise.
            with suppress(OSError):
                out_dir.mkdir(parents=True, exist_ok=True)
                self._child = _render_in_child(dossier, self.html_path)

    def finish(self) -> tuple[Path, Path]:
        """Write ``dossier.json``, wait for the page (or render it here) and put both in place; return their paths."""
        self.json_path.parent.mkdir(parents=True, exist_ok=True)
        with _dossier_frozen():
            _write_atomically(self.json_path, chain(iter_dossier_json(self.dossier), ["\n"]))
            child = self._child
            if child is not None:
                # Interrupted while waiting, the child is still this writer's for abandon() to stop and reap.
                rendered = self._wait(child[0])
                self._child = None
                try:
                    if rendered:
                        os.replace(child[1], self.html_path)
                        return self.json_path, self.html_path
                except BaseException:
                    Path(child[1]).unlink(missing_ok=True)
                    raise
                Path(child[1]).unlink(missing_ok=True)
            _write_atomically(self.html_path, iter_html(self.dossier))
        return self.json_path, self.html_path

    def abandon(self) -> None:
        """Stop the child, if one is still rendering, and remove its file (a no-op after :meth:`finish`)."""
        child, self._child = self._child, None
        if child is not None:
            with suppress(OSError):
                os.kill(child[0], signal.SIGKILL)
            with suppress(OSError):
                os.waitpid(child[0], 0)
            Path(child[1]).unlink(missing_ok=True)

    def _wait(self, pid: int) -> bool:
        _, status, usage = os.wait4(pid, 0)
        self.child_cpu = usage.ru_utime + usage.ru_stime
        return os.waitstatus_to_exitcode(status) == 0


def _render_in_child(dossier: Dossier, html_path: Path) -> tuple[int, str]:
    """Fork a child that writes the page into a new temporary file; return its process id and the file's name."""
    handle, temporary = _temporary(html_path)
    try:
        # Objects that exist now are never scanned by the child's garbage collector (nor by this process's until it
        # unfreezes them), so neither process writes into the other's pages for it.
        with _dossier_frozen():
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child, which leaves through os._exit
                code = 1
                try:
                    _write_pieces(handle, iter_html(dossier))
                    code = 0
                finally:
                    os._exit(code)
    except BaseException:
        os.close(handle)
        Path(temporary).unlink(missing_ok=True)
        raise
    os.close(handle)
    return pid, temporary
