"""Client settings that every request shares, checked once when the client is built."""

from __future__ import annotations

import platform
import ssl
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from ._exceptions import ConfigurationError, InsecureURLError
from ._facts import DEFAULT_BASE_URL, looks_like_bot
from ._tokens import Tokens
from ._version import __version__

# Nosto's SDK uses 10 s connect and response timeouts; bulk uploads get longer reads because a
# 2 MB body can take Nosto a while to accept.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2


def default_user_agent() -> str:
    """A real User-Agent: Nosto's bot detection rejects empty ones and anything saying "bot"."""
    python = ".".join(platform.python_version_tuple()[:2])
    return f"nosto-gql/{__version__} python/{python} httpx/{httpx.__version__}"


def checked_base_url(base_url: str) -> str:
    """The base URL without a trailing slash; refuses anything a token must not be sent to."""
    if not isinstance(base_url, str):
        raise ConfigurationError(f"base_url must be a str, not {type(base_url).__name__}")
    # A trailing newline is what `export NOSTO_API_BASE_URL=$(cat file)` leaves behind.
    base_url = base_url.strip()
    parts = urlsplit(base_url)
    if parts.scheme != "https":
        raise InsecureURLError(
            f"base_url must start with https:// (got scheme {parts.scheme!r}): Nosto revokes "
            "any token that reaches it over plain http. For local testing use the HTTPS "
            "sandbox (nosto_gql.sandbox.Sandbox)."
        )
    if not parts.hostname:
        raise ConfigurationError(f"base_url {base_url!r} has no host name.")
    if parts.username or parts.password:
        raise ConfigurationError("base_url must not contain credentials; pass tokens= instead.")
    if parts.query or parts.fragment:
        raise ConfigurationError(f"base_url {base_url!r} must not have a query or fragment.")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
        httpx.URL(base_url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise ConfigurationError(f"base_url {base_url!r} is not a valid URL: {exc}") from None
    if any(char.isspace() for char in base_url):
        raise ConfigurationError(f"base_url {base_url!r} must not contain whitespace.")
    return base_url.rstrip("/")


def ssl_context_for(ca_file: str | None) -> ssl.SSLContext | bool:
    """Verification settings: the system/certifi trust store, or only the given CA bundle."""
    if ca_file is None:
        return True
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(
            f"ca_file {ca_file!r} is not a readable PEM bundle: {exc}"
        ) from exc


@dataclass(frozen=True)
class ClientConfig:
    """Everything the transport needs to know about the account and the connection."""

    tokens: Tokens
    base_url: str = DEFAULT_BASE_URL
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = DEFAULT_MAX_RETRIES
    user_agent: str = field(default_factory=default_user_agent)
    # Adds `X-Nosto-Ignore: True`, keeping this client's traffic out of Nosto's statistics.
    ignore_traffic: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.tokens, Tokens):
            # Checked here because a dict or str would otherwise be printed by repr().
            raise ConfigurationError(
                f"tokens must be a nosto_gql.Tokens, e.g. Tokens(apps=...), not "
                f"{type(self.tokens).__name__}"
            )
        object.__setattr__(self, "base_url", checked_base_url(self.base_url))
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int):
            raise ConfigurationError("max_retries must be an int >= 0.")
        if self.max_retries < 0:
            raise ConfigurationError("max_retries must be >= 0.")
        if looks_like_bot(self.user_agent):
            raise ConfigurationError(
                f"user_agent {self.user_agent!r} would be rejected by Nosto's bot detection "
                "(empty, or containing 'bot'); use a realistic one"
            )
        if not self.user_agent.isascii():
            raise ConfigurationError("user_agent must be ASCII (HTTP header values are).")
        if not self.user_agent.isprintable():
            raise ConfigurationError(
                "user_agent must be one line of printable text (no newline or control "
                f"characters); got {self.user_agent!r}"
            )


def as_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """Accept seconds or an httpx.Timeout; None means the default, never 'wait forever'."""
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ConfigurationError(f"timeout must be a number of seconds > 0, got {timeout!r}")
    return httpx.Timeout(float(timeout))
