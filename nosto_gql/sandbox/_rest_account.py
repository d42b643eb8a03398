"""Account-level REST endpoints: exchange rates, settings (REST.md 3.11-3.12) and the deprecated
legacy recommendations API (3.14).

Bodies are judged by the client's own payload models, so the sandbox and the client cannot
disagree about what is valid; where the models are lenient on purpose for Python callers (a bare
number for a rate, a `datetime` for ``valid_until``), the wire shape is checked first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._exceptions import InvalidInputError
from .._facts import (
    LEGACY_RECOMMENDATIONS_ELEMENTS_PARAM,
    LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR,
)
from ..models._errors import ModelT, validated
from ..models.rates import ExchangeRates
from ..models.settings import AccountSettings
from ._http import json_error, read_json
from ._ranking import RecoParams
from ._recommenders import toplist
from ._records import ExchangeRatesRecord
from ._state import SandboxState

# Nosto documents neither the size nor the shape of a legacy result; these are the sandbox's.
_LEGACY_RESULT_SIZE = 10
_LEGACY_PRODUCT_FIELDS = ("product_id", "name", "url", "image_url", "price", "price_currency_code")


async def _json_object(request: Request) -> dict[str, Any] | Response:
    payload = await read_json(request)
    if isinstance(payload, (Response, dict)):
        return payload
    return json_error(400, "bad_request", "The body must be a JSON object")


def _validated(model: type[ModelT], payload: Mapping[str, Any]) -> ModelT | Response:
    """The body as the client's model, or a 400 naming every problem as the client would."""
    try:
        return validated(model, payload, "body")
    except InvalidInputError as exc:
        return json_error(400, "bad_request", "; ".join(f"{w}: {m}" for w, m in exc.problems))


def _wire_shape_problem(payload: Mapping[str, Any]) -> str | None:
    """What the Python-side conveniences of `ExchangeRates` would wrongly let through."""
    rates = payload.get("rates")
    if isinstance(rates, dict):
        bare = [name for name, value in rates.items() if not isinstance(value, dict)]
        if bare:
            return f"rates.{bare[0]}: expected an object with rate and price_currency_code"
    valid_until = payload.get("valid_until")
    if valid_until is not None and not isinstance(valid_until, str):
        return "valid_until: expected an ISO-8601 string such as 2030-01-31T00:00:00Z"
    return None


async def exchange_rates_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /exchangerates: store the rates with their expiry (replacing the previous set)."""
    payload = await _json_object(request)
    if isinstance(payload, Response):
        return payload
    problem = _wire_shape_problem(payload)
    if problem is not None:
        return json_error(400, "bad_request", problem)
    model = _validated(ExchangeRates, payload)
    if isinstance(model, Response):
        return model
    rates = {name: rate.model_dump(mode="json") for name, rate in model.rates.items()}
    state._store_exchange_rates(ExchangeRatesRecord(rates, model.valid_until, state.now()))
    return JSONResponse({})


async def settings_endpoint(request: Request, state: SandboxState) -> Response:
    """PUT /settings: merge the given keys into the account's settings, as sent.

    Currency formats are accepted in either key casing, since which one Nosto reads is in doubt
    (REST.md 5.4); `sb.state.settings` keeps the casing that arrived, so a test can check it.
    """
    payload = await _json_object(request)
    if isinstance(payload, Response):
        return payload
    model = _validated(AccountSettings, payload)
    if isinstance(model, Response):
        return model
    state._update_settings(payload)
    return JSONResponse({})


async def legacy_recommendations_endpoint(request: Request, state: SandboxState) -> Response:
    """GET /recommendations?elements=a,b: best sellers per requested slot.

    Nosto never documented this API's response; the sandbox answers
    ``{"<slot id>": {"products": [...]}}`` so that code written against it has something real to
    read, and its tests should not depend on the exact shape.
    """
    raw = request.query_params.get(LEGACY_RECOMMENDATIONS_ELEMENTS_PARAM, "")
    elements = [e for e in raw.split(LEGACY_RECOMMENDATIONS_ELEMENTS_SEPARATOR) if e.strip()]
    if not elements:
        return json_error(400, "bad_request", "Give at least one slot id in ?elements=")
    with state.lock:
        params = RecoParams(max_products=_LEGACY_RESULT_SIZE)
        chosen = toplist(state, by_buys=True, hours=None, params=params).products
        products = [{k: p[k] for k in _LEGACY_PRODUCT_FIELDS if k in p} for p in chosen]
    return JSONResponse({element: {"products": products} for element in elements})
