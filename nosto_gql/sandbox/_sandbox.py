"""`Sandbox`: a local HTTPS server that behaves like Nosto, for testing apps without an account."""

from __future__ import annotations

import secrets
import weakref
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .._facts import TokenFamily
from .._tokens import Tokens
from ._app import create_app
from ._catalog import Rejection, upsert_products
from ._records import Clock, system_clock
from ._server import ServerThread
from ._state import SandboxState
from ._tls import SandboxTLS, is_wildcard

if TYPE_CHECKING:
    from .. import AsyncNostoClient, NostoClient


def random_tokens() -> Tokens:
    """A fresh random token for every token family."""
    return Tokens(**{family.value: secrets.token_hex(32) for family in TokenFamily})


class Sandbox:
    """A stateful Nosto look-alike on loopback HTTPS, with its own throw-away CA.

    >>> with Sandbox() as sb:
    ...     client = sb.client()      # trusts sb.ca_file, sends sb.tokens to sb.base_url

    ``tokens`` defaults to a random token per family; ``clock`` (e.g. a `ManualClock`) decides
    session expiry and statistics windows; ``random_seed`` fixes the random recommender.
    ``state`` — the catalog, sessions, orders, statistics and request log — can be read (and
    `reset()`) before, during and after a run.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tokens: Tokens | None = None,
        clock: Clock | None = None,
        random_seed: int = 0,
        log_level: str = "warning",
    ) -> None:
        self.host = host
        self.tokens = tokens if tokens is not None else random_tokens()
        self.state = SandboxState(clock or system_clock, random_seed=random_seed)
        self._requested_port = port
        self._log_level = log_level
        self._tls: SandboxTLS | None = None
        self._server: ServerThread | None = None
        self._clients: weakref.WeakSet[NostoClient] = weakref.WeakSet()

    def __repr__(self) -> str:
        where = self.base_url if self.running else "stopped"
        return f"Sandbox({where}, tokens={self.tokens!r})"

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Create the CA, bind the port and serve on a background thread; returns self."""
        if self._server is not None:
            raise RuntimeError("this sandbox is already running")
        tls = SandboxTLS([self.host])
        try:
            server = ServerThread(
                create_app(self.state, self.tokens),
                host=self.host,
                port=self._requested_port,
                certificate_file=tls.cert_and_key_file,
                log_level=self._log_level,
            )
            server.start()
        except BaseException:
            tls.close()
            raise
        self._tls, self._server = tls, server
        return self

    def stop(self) -> None:
        """Stop serving, join the server thread and delete the CA files. Safe to call twice."""
        server, tls = self._server, self._tls
        self._server = self._tls = None
        # A client left open keeps a connection alive, which would hold up the server's
        # graceful shutdown; the sandbox made it, so the sandbox may close it.
        for client in list(self._clients):
            client.close()
        if server is not None:
            server.stop()
        if tls is not None:
            tls.close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    # -- where and how to connect -------------------------------------------------------------

    def _running_server(self) -> tuple[ServerThread, SandboxTLS]:
        if self._server is None or self._tls is None:
            raise RuntimeError("the sandbox is not running: use `with Sandbox() as sb` or start()")
        return self._server, self._tls

    @property
    def port(self) -> int:
        return self._running_server()[0].port

    @property
    def base_url(self) -> str:
        """``https://<host>:<port>``, to use as the client's base URL."""
        host = self.host
        if is_wildcard(host):
            # Listening on every interface; loopback is the address the certificate covers.
            host = "::1" if ":" in host else "127.0.0.1"
        host = f"[{host}]" if ":" in host else host
        return f"https://{host}:{self.port}"

    @property
    def ca_file(self) -> str:
        """Path of the PEM file of this run's CA; clients must trust it (`ca_file=`)."""
        return self._running_server()[1].ca_file

    def client(self, **options: Any) -> NostoClient:
        """A `NostoClient` wired to this sandbox; ``options`` go to its constructor."""
        from .. import NostoClient

        client = NostoClient(**self._wiring(options), **options)
        self._clients.add(client)
        return client

    def async_client(self, **options: Any) -> AsyncNostoClient:
        """An `AsyncNostoClient` wired to this sandbox; ``options`` go to its constructor."""
        from .. import AsyncNostoClient

        return AsyncNostoClient(**self._wiring(options), **options)

    def _wiring(self, options: dict[str, Any]) -> dict[str, Any]:
        """Tokens, base URL and CA file for a client, except what ``options`` set themselves
        (an ``http_client`` brings its own trust, so the CA file is left to it)."""
        wiring: dict[str, Any] = {"tokens": self.tokens, "base_url": self.base_url}
        if "http_client" not in options:
            wiring["ca_file"] = self.ca_file
        return {key: value for key, value in wiring.items() if key not in options}

    # -- seeding ------------------------------------------------------------------------------

    def load_products(self, products: Iterable[object]) -> list[Rejection]:
        """Add products in the REST upsert format, exactly as `/v1/products/upsert` would.

        Returns the rejected ones as ``(product_id, problems)``; the others are stored.
        """
        return upsert_products(self.state, products)
