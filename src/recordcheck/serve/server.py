"""Run the coaching page: uvicorn on 127.0.0.1 only, no access log, the pipeline loaded first.

The socket is bound here, before uvicorn starts, so a port already in use
is reported as one plain sentence, and tests can ask for port 0 (any free
port) and learn which one they got.
"""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable

import uvicorn

from recordcheck.engine import NoteChecker
from recordcheck.run import RunOptions
from recordcheck.serve.app import make_app

HOST = "127.0.0.1"  # this computer only: never reachable from the network


class PortInUse(OSError):
    """The port is taken; the message says which and what to do."""


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port (0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise PortInUse(
            f"port {port} on {HOST} is already in use; choose another with --port"
        ) from None
    sock.listen(64)
    return sock


def page_address(sock: socket.socket) -> str:
    return f"http://{HOST}:{sock.getsockname()[1]}/"


def make_server(checker: NoteChecker, options: RunOptions | None = None) -> uvicorn.Server:
    """A uvicorn server for the page that logs no requests (so no note text, ever)."""
    config = uvicorn.Config(
        make_app(checker, options),
        access_log=False,
        log_level="warning",
        log_config=None,
        server_header=False,
        lifespan="off",
    )
    return uvicorn.Server(config)


def serve(
    checker: NoteChecker,
    sock: socket.socket,
    options: RunOptions | None = None,
    *,
    open_browser: bool = False,
    ready: Callable[[str], object] = print,
) -> None:
    """Serve on ``sock`` until interrupted (Ctrl-C)."""
    server = make_server(checker, options)
    address = page_address(sock)

    def announce() -> None:
        ready(address)
        if open_browser:
            webbrowser.open(address)

    starter = threading.Thread(target=_when_started, args=(server, announce), daemon=True)
    starter.start()
    server.run(sockets=[sock])


def _when_started(server: uvicorn.Server, then: Callable[[], None]) -> None:
    import time

    while not server.started and not server.should_exit:
        time.sleep(0.05)
    if server.started:
        then()
