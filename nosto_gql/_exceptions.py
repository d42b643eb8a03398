"""The exceptions nosto-gql raises. Catch `NostoError` to catch them all.

    NostoError
    ├── ConfigurationError          the client was set up in a way that cannot work
    │   ├── InsecureURLError        a base URL that is not https
    │   └── MissingTokenError       no token for the family an endpoint needs
    ├── InvalidInputError           input rejected locally, before anything was sent
    ├── BulkUploadError             a bulk call did not accept every item (see .result)
    │   └── StreamInterruptedError  a streaming upload stopped by its input or on_outcome
    ├── TransportError              the request did not get an HTTP response
    │   └── RequestTimeoutError     ... because a timeout expired
    ├── APIStatusError              Nosto answered with a non-2xx status
    │   ├── BadRequestError         400
    │   ├── AuthenticationError     401 / 403: wrong, revoked or wrong-family token
    │   ├── NotFoundError           404
    │   ├── PayloadTooLargeError    413: body over Nosto's 2 MB cap
    │   ├── RateLimitError          429
    │   └── ServerError             5xx
    ├── MalformedResponseError      a 2xx response whose body is not what the API promises
    └── GraphQLResponseError        a GraphQL response carrying `errors` (partial data kept)

No message, repr or traceback produced here contains a token: errors carry the request id,
status and Nosto's message, never request headers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._facts import TokenFamily
    from .rest import BulkSummary


class NostoError(Exception):
    """Base class of every error nosto-gql raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take keyword-only arguments, which the default pickling (re-calling
        # __init__ with .args) cannot supply; rebuild from the state instead, so errors cross
        # process boundaries (multiprocessing, task queues) and copy.copy() works.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[NostoError], args: tuple[Any, ...], state: dict[str, Any]) -> NostoError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(NostoError):
    """The client was configured in a way that cannot work; nothing was sent."""


class InsecureURLError(ConfigurationError):
    """A base URL other than https: a token sent over http is revoked by Nosto."""


class MissingTokenError(ConfigurationError):
    """The endpoint needs a token of a family the client was not given."""

    def __init__(self, family: TokenFamily) -> None:
        self.family = family
        super().__init__(
            f"No {family.token_name} token configured: pass Tokens({family.value}=...) "
            f"or set the environment variable {family.env_var}."
        )


class InvalidInputError(NostoError):
    """Input failed local validation; nothing was sent.

    ``problems`` lists each problem as (location, message), location naming the item and field.
    """

    def __init__(self, message: str, problems: Sequence[tuple[str, str]] = ()) -> None:
        self.problems = list(problems)
        details = "".join(f"\n  - {where}: {what}" for where, what in self.problems)
        super().__init__(message + details)


class BulkUploadError(NostoError):
    """A bulk call did not accept every item; ``result`` (a `BulkSummary`) says what happened."""

    def __init__(self, message: str, *, result: BulkSummary) -> None:
        self.result = result
        super().__init__(message)


class StreamInterruptedError(BulkUploadError):
    """A streaming upload stopped part-way by something other than Nosto: an exception from the
    input or from ``on_outcome`` (chained as ``__cause__``), or an input read twice
    (``validate_first``) that changed between the passes. ``result`` (a `StreamedBulkResult`)
    says what reached Nosto before it stopped."""


class TransportError(NostoError):
    """The request got no HTTP response (connection refused, TLS failure, reset...)."""


class RequestTimeoutError(TransportError):
    """A connect, read, write or pool timeout expired."""


class APIStatusError(NostoError):
    """Nosto answered with a non-2xx HTTP status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.request_id = request_id
        self.body = body
        # Seconds the server asked the client to wait (Retry-After), if it said.
        self.retry_after = retry_after
        suffix = f" (HTTP {status_code}, request id {request_id or 'not given'})"
        super().__init__(message + suffix)


class BadRequestError(APIStatusError):
    """HTTP 400: Nosto rejected the request body."""


class AuthenticationError(APIStatusError):
    """HTTP 401/403: the token is wrong, revoked, or of another family."""


class NotFoundError(APIStatusError):
    """HTTP 404: no such endpoint or resource."""


class PayloadTooLargeError(APIStatusError):
    """HTTP 413: the body exceeded Nosto's size cap."""


class RateLimitError(APIStatusError):
    """HTTP 429: Nosto asked the client to slow down."""


class ServerError(APIStatusError):
    """HTTP 5xx: a failure on Nosto's side; quote the request id to Nosto support."""


class MalformedResponseError(NostoError):
    """A successful status, but the body is not what the API promises (not JSON, wrong shape)."""

    def __init__(self, message: str, *, request_id: str | None = None, body: Any = None) -> None:
        self.request_id = request_id
        self.body = body
        super().__init__(f"{message} (request id {request_id or 'not given'})")


@dataclass(frozen=True)
class GraphQLError:
    """One entry of a GraphQL response's ``errors`` list (graphql-java shape, as Nosto sends)."""

    message: str
    path: tuple[str | int, ...] | None = None
    locations: tuple[tuple[int, int], ...] | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict)
    error_type: str | None = None


class GraphQLResponseError(NostoError):
    """The GraphQL response carried ``errors``; no data is lost.

    ``data`` is the raw ``data`` object as received (or None). ``partial`` is the operation's
    typed result built from it, with every field under an error's path read as null; it is None
    when the response had no data, or for untyped calls.
    """

    def __init__(
        self,
        errors: Sequence[GraphQLError],
        *,
        data: Any = None,
        request_id: str | None = None,
        partial: Any = None,
    ) -> None:
        self.errors = list(errors)
        self.data = data
        self.request_id = request_id
        self.partial = partial
        first = self.errors[0].message if self.errors else "unknown error"
        more = f" (+{len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(f"{first}{more} (request id {request_id or 'not given'})")
