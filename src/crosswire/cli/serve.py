"""``crosswire serve``: run the web server (``crosswire.web``) over a store with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Annotated

import typer

from crosswire.cli.console import err, exit_codes
from crosswire.errors import UsageError

DEFAULT_DB = "sqlite:///crosswire.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Seconds a --workers process may take to start (import the app, open the store) or to answer a health check.
WORKER_STARTUP_TIMEOUT = 120


# More server processes than this only multiply memory: a request is a few milliseconds of CPU.
MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    """One server process per core this process may use (reads are CPU-bound: one process runs one at a time)."""
    from crosswire.engine import default_workers as cores

    return min(cores(), MAX_DEFAULT_WORKERS)


def _in_memory(url: str) -> bool:
    """A SQLite store in memory: every process would have its own, so it is served by one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return False  # create_app names the problem
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    """Fail with one line now, rather than with uvicorn's log, when the address cannot be bound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"cannot resolve --host {host!r} ({exc.strerror}); use e.g. 127.0.0.1") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}); pass another --port or --host"
            ) from None


def serve(
    db: Annotated[
        str, typer.Option("--db", help="SQLAlchemy URL of the store, e.g. sqlite:///build/demo/crosswire.db.")
    ] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Anything but loopback exposes the API to the network.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1024, help="Largest request body POST /api/articles accepts, in bytes.")
    ] = 10_000_000,
    max_records: Annotated[
        int, typer.Option("--max-records", min=1, help="Most article records in one POST /api/articles.")
    ] = 100,
    max_text: Annotated[
        int, typer.Option("--max-text", min=1, help="Longest text or html of one posted record, in characters.")
    ] = 1_000_000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name the server answers to besides IP addresses and localhost (repeatable); "
            "--host NAME adds NAME.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Server processes, each with its own connections to the store (default: the number of cores; "
            "1 for an in-memory store).",
        ),
    ] = None,
) -> None:
    """Serve the dossier pages, their JSON twins and the REST API (docs at /docs) over a store."""

    with exit_codes():
        import uvicorn

        from crosswire.web import Limits, create_app
        from crosswire.web.app import APP_FACTORY, CONFIG_ENV, app_config
        from crosswire.web.guard import is_ip
        from crosswire.web.protocol import UVICORN_OPTIONS

        _check_port(host, port)
        names = [*(allow_host or []), *([host] if not is_ip(host) else [])]
        limits = Limits(max_body_bytes=max_body, max_records=max_records, max_text_chars=max_text)
        # Opened here first in any case: a bad URL fails with one line, and the schema is migrated once.
        app = create_app(db, limits, allowed_hosts=names)
        processes = 1 if _in_memory(db) else (workers or default_workers())
        if not _is_loopback(host):
            err.print(
                f"crosswire: listening on {host}: anyone who can reach it can read the store and add articles",
                markup=False,
            )
        where = f"[{host}]" if ":" in host else host
        many = f", {processes} worker processes" if processes > 1 else ""
        err.print(f"crosswire: serving {db} at http://{where}:{port}/ (API docs at /docs{many})", markup=False)
        if processes == 1:
            uvicorn.run(app, host=host, port=port, log_level="warning", **UVICORN_OPTIONS)
            return
        app.state.service.close()
        os.environ[CONFIG_ENV] = app_config(db, limits, names)
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            workers=processes,
            # A worker imports the whole app before it first answers its supervisor: on a busy machine that takes
            # longer than uvicorn's default 5 s, and a worker not answering in time is killed and started again.
            timeout_worker_healthcheck=WORKER_STARTUP_TIMEOUT,
            host=host,
            port=port,
            log_level="warning",
            **UVICORN_OPTIONS,
        )
