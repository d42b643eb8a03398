"""nosto-gql: a typed Python client for Nosto's GraphQL and REST APIs.

Heavy or optional parts (generated operations, codegen, sandbox, CLI) import only when used.
"""

from ._client import AsyncNostoClient, NostoClient
from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    BulkUploadError,
    ConfigurationError,
    GraphQLError,
    GraphQLResponseError,
    InsecureURLError,
    InvalidInputError,
    MalformedResponseError,
    MissingTokenError,
    NostoError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    StreamInterruptedError,
    TransportError,
)
from ._facts import Availability, TokenFamily
from ._partial import with_errors, with_errors_async
from ._tokens import Tokens
from ._version import __version__

__all__ = [
    "APIStatusError",
    "AsyncNostoClient",
    "AuthenticationError",
    "Availability",
    "BadRequestError",
    "BulkUploadError",
    "ConfigurationError",
    "GraphQLError",
    "GraphQLResponseError",
    "InsecureURLError",
    "InvalidInputError",
    "MalformedResponseError",
    "MissingTokenError",
    "NostoClient",
    "NostoError",
    "NotFoundError",
    "PayloadTooLargeError",
    "RateLimitError",
    "RequestTimeoutError",
    "ServerError",
    "StreamInterruptedError",
    "TokenFamily",
    "Tokens",
    "TransportError",
    "__version__",
    "with_errors",
    "with_errors_async",
]
