"""Writing the dossier: ``dossier.json`` (the contract) and ``dossier.html`` (for people)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from crosswire.model import Dossier
from crosswire.report.html import render_html

# The mode of new files before the umask, as for the store SQLite creates: 0644 under the usual umask 022.
FILE_MODE = 0o666


def _umask() -> int:
    # The process umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomically(path: Path, content: str) -> None:
    # A reader (or a crash) never sees half a dossier: write a sibling file, then rename over the old one.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the dossier gets the mode any new file gets (0666 minus the umask),
        # like the store beside it, so whoever may read the store may read its dossier.
        if hasattr(os, "fchmod"):  # POSIX; Windows files have no such mode bits
            os.fchmod(handle, FILE_MODE & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_dossier(dossier: Dossier, out_dir: Path) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out_dir / "dossier.json", out_dir / "dossier.html"
    _write_atomically(json_path, dossier.to_json() + "\n")
    _write_atomically(html_path, render_html(dossier))
    return json_path, html_path
