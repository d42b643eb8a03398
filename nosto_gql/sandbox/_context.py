"""What a resolver knows about the request it serves, and how it reports a failure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphql import GraphQLResolveInfo

from ._state import SandboxState


class FetchError(Exception):
    """A resolver failure, reported as a graphql-java DataFetchingException with the field null.

    The message is Nosto's own wording where it is known (e.g. "Unable to find order matching
    identifier"); the engine prefixes the "Exception while fetching data (/path) : " part.
    """


@dataclass(frozen=True)
class RequestContext:
    """Per-request facts that resolvers need besides their arguments."""

    state: SandboxState
    request_id: str
    # Traffic marked with X-Nosto-Ignore works normally but leaves statistics untouched.
    ignore_statistics: bool = False
    user_agent: str = ""

    @property
    def now(self) -> datetime:
        return self.state.now()


def context_of(info: GraphQLResolveInfo) -> RequestContext:
    context: Any = info.context
    if not isinstance(context, RequestContext):  # pragma: no cover - wiring error
        raise TypeError("the sandbox schema must be executed with a RequestContext")
    return context
