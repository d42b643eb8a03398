"""An embedded HTTPS sandbox that behaves like Nosto's API, for testing apps locally.

    from nosto_gql.sandbox import Sandbox
    with Sandbox() as sb:
        client = sb.client()

Needs the ``sandbox`` extra (starlette, uvicorn, trustme); `import nosto_gql` never loads it.
"""

from __future__ import annotations

from ._records import (
    ManualClock,
    OrderRecord,
    ProductEvent,
    RequestRecord,
    SessionEvent,
    SessionRecord,
)
from ._sandbox import Sandbox, random_tokens
from ._state import SandboxState

__all__ = [
    "ManualClock",
    "OrderRecord",
    "ProductEvent",
    "RequestRecord",
    "Sandbox",
    "SandboxState",
    "SessionEvent",
    "SessionRecord",
    "random_tokens",
]
