"""A throwaway PostgreSQL server for the tests: ``initdb`` in a temporary folder, run by ``pg_ctl`` as an unprivileged
user on a unix socket only (no TCP port), stopped and removed at the end of the session.

As root, the server runs as ``nobody`` (PostgreSQL refuses to run as root); otherwise as the current user. Where
the binaries are absent (``make postgresql`` installs Debian's ``postgresql``), tests that need it are skipped.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_USER = "nobody"
_counter = itertools.count()


def postgres_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's versioned folder (newest first)."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SERVER_USER, "--", *command]


class PostgresServer:
    def __init__(self, bindir: Path, base: Path) -> None:
        self.bindir, self.base = bindir, base
        self.data, self.socket, self.log = base / "data", base / "socket", base / "server.log"

    def url(self, database: str) -> str:
        return f"postgresql://crosswire@/{database}?host={self.socket}"

    def new_database(self) -> str:
        """A fresh empty database on the server; returns its SQLAlchemy URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(host=str(self.socket), user="crosswire", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def running_postgres(bindir: Path) -> Iterator[PostgresServer]:
    base = Path(tempfile.mkdtemp(prefix="crosswire-pg-"))
    server = PostgresServer(bindir, base)
    server.socket.mkdir()
    if os.geteuid() == 0:
        for path in (base, server.socket):
            shutil.chown(path, SERVER_USER)
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "cwd": base}
    try:
        subprocess.run(
            _as_server_user(
                [str(bindir / "initdb"), "-D", str(server.data), "-U", "crosswire", "--auth=trust", "--no-sync",
                 "-E", "UTF8", "--locale=C"]
            ),
            **quiet,  # type: ignore[call-overload]
        )  # fmt: skip
        subprocess.run(
            _as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(server.data), "-l", str(server.log), "-w", "-t", "60", "-o",
                 f"-k {server.socket} -c listen_addresses='' -F -c max_connections=60", "start"]
            ),
            **quiet,  # type: ignore[call-overload]
        )  # fmt: skip
        yield server
    finally:
        if (server.data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user([str(bindir / "pg_ctl"), "-D", str(server.data), "-m", "fast", "-w", "stop"]),
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=base,
            )
        shutil.rmtree(base, ignore_errors=True)
