"""Running the ASGI app with uvicorn on a background thread, over TLS.

The listening socket is bound before uvicorn starts, so port 0 yields a real free port that is
known before the first request, and start() returns only once the server accepts connections.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

# Every server thread's name starts with this, so a test can tell the sandbox's threads apart.
THREAD_NAME_PREFIX = "nosto-gql-sandbox"
_START_TIMEOUT_SECONDS = 15.0
_STOP_TIMEOUT_SECONDS = 10.0


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # An explicit IPPROTO_TCP is what makes asyncio set TCP_NODELAY on accepted connections;
    # without it every response waits ~40 ms on delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class ServerThread:
    """One uvicorn server on one daemon thread; start() and stop() are each called once."""

    def __init__(
        self, app: Any, *, host: str, port: int, certificate_file: str, log_level: str
    ) -> None:
        self._socket = bind_socket(host, port)
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(
            app,
            ssl_certfile=certificate_file,
            log_level=log_level,
            # None keeps uvicorn from reconfiguring the host application's logging.
            log_config=None,
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
            # Idle keep-alive connections must not hold up stop().
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name=f"{THREAD_NAME_PREFIX}:{self.port}:{id(self):x}",
            daemon=True,
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the sandbox server did not start; see the log for why")
            time.sleep(0.005)

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(_STOP_TIMEOUT_SECONDS)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(_STOP_TIMEOUT_SECONDS)
        self._socket.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()
