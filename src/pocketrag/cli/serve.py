"""`pocketrag serve`: the API and chat page in one uvicorn process."""

from __future__ import annotations

import errno
import os
import socket
import sys

import typer

from pocketrag.cli.app import app, settings_of


def port_in_use(host: str, port: int) -> bool:
    """True when another process listens on host:port. Checked before anything loads, so a
    busy port is one clear sentence instead of a start-up log ending in a raw [Errno 98]."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return False  # uvicorn reports an unusable host itself
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


@app.command()
def serve(
    ctx: typer.Context,
    host: str | None = typer.Option(None, help="Address to listen on [default: 0.0.0.0]."),
    port: int | None = typer.Option(
        None, help="Port [default: $PORT or $POCKETRAG_PORT, else 8000]."
    ),
    read_only: bool = typer.Option(
        False, "--read-only", help="Serve a pre-built index; refuse uploads and deletes."
    ),
    log_level: str = typer.Option("info", help="uvicorn log level."),
) -> None:
    """Serve the HTTP API and the chat page (open http://HOST:PORT/ in a browser)."""
    import uvicorn

    from pocketrag.api.app import create_app
    from pocketrag.api.edge_errors import JsonErrorH11Protocol
    from pocketrag.api.site_guard import access_rule
    from pocketrag.heap import limit_malloc_arenas

    if "MALLOC_ARENA_MAX" not in os.environ:  # an explicit setting wins
        limit_malloc_arenas(2)  # before any worker thread exists (docs/CONFIGURATION.md)
    # Worker threads (ranking, tokenising) hold the GIL for up to the switch interval
    # (5 ms by default) at a time; a shorter one keeps /health and token streaming
    # responsive while questions are being worked on.
    sys.setswitchinterval(0.001)

    settings = settings_of(ctx)
    overrides = {"host": host, "port": port, "read_only": True if read_only else None}
    settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
    if port_in_use(settings.host, settings.port):
        typer.echo(
            f"Error: port {settings.port} is already in use on {settings.host} (another "
            f"pocketrag or another server?). Choose another: pocketrag serve --port "
            f"{settings.port + 1}",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(
        f"pocketrag serving on http://{settings.host}:{settings.port}/ "
        f"(index: {(settings.database_url and 'PostgreSQL') or settings.sqlite_path}"
        f"{', read-only' if settings.read_only else ''}"
        f"{f', replicated to {settings.replica_url}' if settings.replica_url else ''})",
        err=True,
    )
    typer.echo(access_rule(settings), err=True)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        http=JsonErrorH11Protocol,  # unparseable requests get a JSON 400 too
        workers=1,  # one process: the model and the index are loaded once (memory budget)
        log_level=log_level,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=10,
        access_log=log_level == "debug",
    )
