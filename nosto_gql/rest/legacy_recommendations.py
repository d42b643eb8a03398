"""The deprecated legacy recommendations API (API_REC, ``client.legacy_recommendations``),
REST.md 3.14.

Nosto documents only ``GET /recommendations?elements=<slot id>``; its parameters beyond that and
its response format are unknown, so the result is returned as the decoded JSON, untyped. New code
should use the GraphQL ``recos`` queries (``client.apps``), which are typed and current.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

from .._errors_map import json_document
from .._exceptions import InvalidInputError
from .._facts import (
    LEGACY_RECOMMENDATIONS,
    LEGACY_RECOMMENDATIONS_ELEMENTS_PARAM,
    LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR,
)
from .._json import NOT_UTF8, is_utf8
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models._fields import got
from ..models.validation import check_container

DEPRECATION_MESSAGE = (
    "Nosto's legacy recommendations API (API_REC) is deprecated; use the GraphQL recos queries "
    "instead, e.g. client.apps.toplist(...) or client.apps.related_products(...) with an "
    "API_APPS token"
)


def _warn() -> None:
    # stacklevel 3: the warning points at the caller of get(), not at this module.
    warnings.warn(DEPRECATION_MESSAGE, DeprecationWarning, stacklevel=3)


def legacy_recommendations_request(elements: Iterable[str]) -> RequestSpec:
    """The checked request for the given slot (element) ids; repeats are sent once."""
    check_container(elements, "slot ids", where="elements")
    unique: dict[str, None] = {}
    problems: list[tuple[str, str]] = []
    for index, element in enumerate(elements):
        if not isinstance(element, str) or not element.strip():
            problems.append((f"elements[{index}]", f"expected a slot id; got {got(element)}"))
        elif not is_utf8(element):
            problems.append((f"elements[{index}]", NOT_UTF8))
        elif any(c.isspace() or c == LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR for c in element):
            problems.append(
                (f"elements[{index}]", f"a slot id has no spaces or commas; got {got(element)}")
            )
        else:
            unique.setdefault(element, None)
    if problems:
        raise InvalidInputError(f"{len(problems)} slot id(s) are invalid", problems)
    if not unique:
        raise InvalidInputError(
            "no slot ids: name at least one element, e.g. ['frontpage-nosto-1']",
            [("elements", "expected at least one slot id")],
        )
    separator = LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR
    params = {LEGACY_RECOMMENDATIONS_ELEMENTS_PARAM: separator.join(unique)}
    return RequestSpec.to(LEGACY_RECOMMENDATIONS, params=params)


class LegacyRecommendationsAPI:
    """The deprecated API_REC recommendations endpoint over the synchronous transport."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def get(self, elements: Iterable[str]) -> Any:
        """Deprecated: recommendations for the given slot (element) ids, as decoded JSON.

        Emits `DeprecationWarning`; use the GraphQL recos queries in ``client.apps`` instead.
        Slot ids are sent comma-separated in one ``elements`` query parameter (Nosto documents
        only the single-id form); repeats are sent once. A body that is not JSON
        raises `MalformedResponseError`.
        """
        _warn()
        response = self._transport.send(legacy_recommendations_request(elements))
        return json_document(response, "legacy recommendations response")


class AsyncLegacyRecommendationsAPI:
    """The deprecated API_REC endpoint over the asynchronous transport; see
    `LegacyRecommendationsAPI`."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def get(self, elements: Iterable[str]) -> Any:
        """Deprecated: recommendations for slot ids, as JSON; see `LegacyRecommendationsAPI.get`."""
        _warn()
        response = await self._transport.send(legacy_recommendations_request(elements))
        return json_document(response, "legacy recommendations response")
