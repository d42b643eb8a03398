"""`NostoClient` and `AsyncNostoClient`: one object per account, one sub-client per family."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._config import DEFAULT_MAX_RETRIES, ClientConfig, as_timeout, default_user_agent
from ._facts import BASE_URL_ENV_VAR, CA_FILE_ENV_VAR, DEFAULT_BASE_URL, TokenFamily
from ._tokens import Tokens
from ._transport import AsyncTransport, QueryParams, RequestSpec, Transport

if TYPE_CHECKING:
    import gql
    from typing_extensions import Self

    from nosto_gql_apps.async_client import AsyncAppsClient
    from nosto_gql_apps.client import AppsClient

    from .rest.account import AsyncRatesAPI, AsyncSettingsAPI, RatesAPI, SettingsAPI
    from .rest.email import AsyncEmailAPI, AsyncGdprAPI, EmailAPI, GdprAPI
    from .rest.legacy_recommendations import (
        AsyncLegacyRecommendationsAPI,
        LegacyRecommendationsAPI,
    )
    from .rest.products import AsyncProductsAPI, ProductsAPI

TransportT = TypeVar("TransportT", Transport, AsyncTransport)
HttpClientT = TypeVar("HttpClientT", httpx.Client, httpx.AsyncClient)


class _ClientBase(Generic[TransportT, HttpClientT]):
    """Configuration shared by the sync and async facades; only the transport differs."""

    transport: TransportT

    def __init__(
        self,
        *,
        tokens: Tokens | None = None,
        base_url: str | None = None,
        ca_file: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        user_agent: str | None = None,
        ignore_traffic: bool = False,
        http_client: HttpClientT | None = None,
    ) -> None:
        config = ClientConfig(
            tokens=Tokens() if tokens is None else tokens,
            base_url=DEFAULT_BASE_URL if base_url is None else base_url,
            timeout=as_timeout(timeout),
            max_retries=max_retries,
            user_agent=user_agent or default_user_agent(),
            ignore_traffic=ignore_traffic,
        )
        self.transport = self._make_transport(config, ca_file, http_client)

    def _make_transport(
        self, config: ClientConfig, ca_file: str | None, http_client: HttpClientT | None
    ) -> TransportT:
        raise NotImplementedError

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """Tokens from ``NOSTO_API_<FAMILY>_TOKEN``, base URL from ``NOSTO_API_BASE_URL``,
        CA bundle from ``NOSTO_CA_FILE``; keyword arguments override them."""
        env = os.environ if environ is None else environ
        settings: dict[str, Any] = {
            "tokens": Tokens.from_env(env),
            "base_url": env.get(BASE_URL_ENV_VAR) or DEFAULT_BASE_URL,
            "ca_file": env.get(CA_FILE_ENV_VAR) or None,
        }
        return cls(**{**settings, **kwargs})

    @property
    def tokens(self) -> Tokens:
        return self.transport.config.tokens

    def __repr__(self) -> str:
        base_url = self.transport.config.base_url
        return f"{type(self).__name__}(base_url={base_url!r}, tokens={self.tokens!r})"


class NostoClient(_ClientBase[Transport, httpx.Client]):
    """Synchronous client for one Nosto account.

    >>> client = NostoClient(tokens=Tokens(apps="...", products="..."))
    >>> client.apps.toplist(hours=168, sort=ScoringModeType.BUYS)   # typed GraphQL
    >>> client.products.upsert([...])                              # REST

    Other options: ``base_url``, ``ca_file`` (trust only this CA bundle), ``timeout`` (seconds
    or `httpx.Timeout`), ``max_retries``, ``user_agent``, ``ignore_traffic`` (keep calls out of
    Nosto's statistics) and ``http_client`` (your own `httpx.Client`). A token is sent only to
    its own family's endpoints and only over https. Use the client as a context manager (or
    call `close()`) to release its connections.
    """

    def _make_transport(
        self, config: ClientConfig, ca_file: str | None, http_client: httpx.Client | None
    ) -> Transport:
        return Transport(config, ca_file=ca_file, http_client=http_client)

    @functools.cached_property
    def apps(self) -> AppsClient:
        """Typed GraphQL operations (API_APPS), generated from the bundled queries."""
        from nosto_gql_apps.client import AppsClient

        return AppsClient(self.transport)

    @functools.cached_property
    def products(self) -> ProductsAPI:
        """Catalog upserts (API_PRODUCTS)."""
        from .rest.products import ProductsAPI

        return ProductsAPI(self.transport)

    @functools.cached_property
    def email(self) -> EmailAPI:
        """Triggered-e-mail blacklist and marketing consent (API_EMAIL)."""
        from .rest.email import EmailAPI

        return EmailAPI(self.transport)

    @functools.cached_property
    def gdpr(self) -> GdprAPI:
        """GDPR takeout and redact requests (API_EMAIL)."""
        from .rest.email import GdprAPI

        return GdprAPI(self.transport)

    @functools.cached_property
    def rates(self) -> RatesAPI:
        """Exchange rates for multi-currency shops (API_RATES)."""
        from .rest.account import RatesAPI

        return RatesAPI(self.transport)

    @functools.cached_property
    def settings(self) -> SettingsAPI:
        """Account settings: title, languages, currencies and their formats (API_SETTINGS)."""
        from .rest.account import SettingsAPI

        return SettingsAPI(self.transport)

    @functools.cached_property
    def legacy_recommendations(self) -> LegacyRecommendationsAPI:
        """Deprecated legacy recommendations (API_REC); prefer the GraphQL recos in `apps`."""
        from .rest.legacy_recommendations import LegacyRecommendationsAPI

        return LegacyRecommendationsAPI(self.transport)

    def request(
        self,
        family: TokenFamily,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        params: QueryParams | None = None,
        idempotent: bool = False,
    ) -> httpx.Response:
        """Call any endpoint with the same auth, retries and errors as the typed calls."""
        spec = RequestSpec(
            family, method, path, idempotent, json, content, content_type, headers, params
        )
        return self.transport.send(spec)

    def graphql(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        *,
        content_type: str = "application/json",
        validate: bool = True,
    ) -> dict[str, Any]:
        """Run any GraphQL document (API_APPS) and return its ``data``.

        The document (and variables) are validated against the bundled schema first
        (``validate=False`` skips that). ``content_type="application/graphql"`` sends the bare
        document, for operations without variables. Queries may be retried, mutations never.
        """
        from ._dynamic import graphql_spec
        from ._graphql import parse_response

        spec = graphql_spec(
            document, variables, operation_name, content_type=content_type, validate=validate
        )
        return parse_response(self.transport.send(spec))

    def gql_client(self, **options: Any) -> gql.Client:
        """A `gql.Client` sending through this client's transport, validating with the bundled
        schema; ``options`` go to ``gql.Client`` (see `nosto_gql.dynamic`)."""
        from .dynamic import gql_client

        return gql_client(self.transport, **options)

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncNostoClient(_ClientBase[AsyncTransport, httpx.AsyncClient]):
    """Asynchronous twin of `NostoClient`; every call is awaited."""

    def _make_transport(
        self, config: ClientConfig, ca_file: str | None, http_client: httpx.AsyncClient | None
    ) -> AsyncTransport:
        return AsyncTransport(config, ca_file=ca_file, http_client=http_client)

    @functools.cached_property
    def apps(self) -> AsyncAppsClient:
        """Typed GraphQL operations (API_APPS), generated from the bundled queries."""
        from nosto_gql_apps.async_client import AsyncAppsClient

        return AsyncAppsClient(self.transport)

    @functools.cached_property
    def products(self) -> AsyncProductsAPI:
        """Catalog upserts (API_PRODUCTS)."""
        from .rest.products import AsyncProductsAPI

        return AsyncProductsAPI(self.transport)

    @functools.cached_property
    def email(self) -> AsyncEmailAPI:
        """Triggered-e-mail blacklist and marketing consent (API_EMAIL)."""
        from .rest.email import AsyncEmailAPI

        return AsyncEmailAPI(self.transport)

    @functools.cached_property
    def gdpr(self) -> AsyncGdprAPI:
        """GDPR takeout and redact requests (API_EMAIL)."""
        from .rest.email import AsyncGdprAPI

        return AsyncGdprAPI(self.transport)

    @functools.cached_property
    def rates(self) -> AsyncRatesAPI:
        """Exchange rates for multi-currency shops (API_RATES)."""
        from .rest.account import AsyncRatesAPI

        return AsyncRatesAPI(self.transport)

    @functools.cached_property
    def settings(self) -> AsyncSettingsAPI:
        """Account settings: title, languages, currencies and their formats (API_SETTINGS)."""
        from .rest.account import AsyncSettingsAPI

        return AsyncSettingsAPI(self.transport)

    @functools.cached_property
    def legacy_recommendations(self) -> AsyncLegacyRecommendationsAPI:
        """Deprecated legacy recommendations (API_REC); prefer the GraphQL recos in `apps`."""
        from .rest.legacy_recommendations import AsyncLegacyRecommendationsAPI

        return AsyncLegacyRecommendationsAPI(self.transport)

    async def request(
        self,
        family: TokenFamily,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        params: QueryParams | None = None,
        idempotent: bool = False,
    ) -> httpx.Response:
        """Call any endpoint with the same auth, retries and errors as the typed calls."""
        spec = RequestSpec(
            family, method, path, idempotent, json, content, content_type, headers, params
        )
        return await self.transport.send(spec)

    async def graphql(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        *,
        content_type: str = "application/json",
        validate: bool = True,
    ) -> dict[str, Any]:
        """Run any GraphQL document (API_APPS), return its ``data``; see `NostoClient.graphql`."""
        from ._dynamic import graphql_spec
        from ._graphql import parse_response

        spec = graphql_spec(
            document, variables, operation_name, content_type=content_type, validate=validate
        )
        return parse_response(await self.transport.send(spec))

    def gql_client(self, **options: Any) -> gql.Client:
        """A `gql.Client` with an async transport on this client's; use ``async with`` or
        ``await ....execute_async(...)`` (see `nosto_gql.dynamic`)."""
        from .dynamic import async_gql_client

        return async_gql_client(self.transport, **options)

    async def aclose(self) -> None:
        await self.transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
