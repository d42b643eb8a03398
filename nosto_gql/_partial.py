"""`(result, errors)` instead of an exception, for callers who handle partial data inline."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from typing_extensions import ParamSpec

from ._exceptions import GraphQLError, GraphQLResponseError

P = ParamSpec("P")
T = TypeVar("T")


def with_errors(
    call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
) -> tuple[T | None, list[GraphQLError]]:
    """Run a typed GraphQL call; return ``(result, [])``, or ``(partial, errors)`` when the
    response carried GraphQL errors. Every other error is still raised.

    >>> result, errors = with_errors(client.apps.product_by_id, id="TENT-1")
    """
    try:
        return call(*args, **kwargs), []
    except GraphQLResponseError as error:
        return error.partial, error.errors


async def with_errors_async(
    call: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
) -> tuple[T | None, list[GraphQLError]]:
    """`with_errors` for the async client: ``await with_errors_async(client.apps.x, ...)``."""
    try:
        return await call(*args, **kwargs), []
    except GraphQLResponseError as error:
        return error.partial, error.errors
