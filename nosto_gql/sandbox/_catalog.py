"""Checking upserted products with the client's own models, and merging them into the catalog.

What a product field may hold (types, URLs, currencies, availability, category paths, the 0-5
rating range, unknown keys, skus *or* variations ...) is decided in one place, `nosto_gql.models`:
every item is validated as a `ProductUpdate`, so the sandbox accepts exactly what the client
would send, and stores the normalised payload the client would send (`to_payload()`: e.g.
``"14.90"`` becomes ``14.9``, ``http://schema.org/InStock`` becomes ``InStock``).

The sandbox adds only what a server knows and a client cannot (PRODUCT_MODEL.md 2-4):
- a product it has never seen must carry every field of `_facts.PRODUCT_REQUIRED_FIELDS`;
- a product it knows may be sent partially — the `{product_id, availability: "Discontinued"}`
  shape integrations use to delete products is the common case — and the given fields are
  merged over the stored ones.
JSON ``null``, ``""``, ``[]`` and ``{}`` count as "not given", as the client leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from pydantic import ValidationError

from .._facts import PRODUCT_REQUIRED_FIELDS
from ..models import ProductUpdate
from ..models._errors import describe_errors
from ._state import SandboxState

# The `field` of a problem with the product as a whole (not an object, skus with variations).
WHOLE_PRODUCT = "product"
_MISSING = "is missing"


class Problem(NamedTuple):
    """Why a product was rejected: ``field`` is the JSON path (``skus[0].id``), or "product"
    for the product as a whole; ``detail`` says what is wrong with it."""

    field: str
    detail: str

    def message_for(self, name: str) -> str:
        """The message, calling the field ``name`` (e.g. its GraphQL name)."""
        if self.field == WHOLE_PRODUCT:
            return self.detail
        if self.detail == _MISSING:
            # Nosto's own wording for a missing field (REST.md 1.5: "image_url is missing").
            return f"{name} {_MISSING}"
        return f"{name}: {self.detail}"

    @property
    def message(self) -> str:
        """The message as the upsert endpoint reports it, e.g. ``price: expected a number``."""
        return self.message_for(self.field)

    def __str__(self) -> str:
        return self.message


class Rejection(NamedTuple):
    """A product an upsert did not store: its id ("" when it has no usable one) and why."""

    product_id: str
    problems: list[Problem]


def _problems(exc: ValidationError) -> list[Problem]:
    problems = []
    # describe_errors yields one (location, message) per error, in the order of errors().
    described = describe_errors(exc, ProductUpdate)
    for error, (location, message) in zip(exc.errors(include_url=False), described, strict=True):
        field = location.removeprefix(".") or WHOLE_PRODUCT
        problems.append(Problem(field, _MISSING if error["type"] == "missing" else message))
    return problems


def _usable_id(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ""
    return str(value) if str(value).strip() else ""


def check_product(raw: object) -> tuple[str, dict[str, Any] | None, list[Problem]]:
    """Validate one upserted item on its own, as the client would.

    Returns ``(product_id, payload, problems)``; ``payload`` is the normalised product, None
    exactly when ``problems`` is not empty.
    """
    if not isinstance(raw, dict):
        return "", None, [Problem(WHOLE_PRODUCT, "product must be a JSON object")]
    given = {key: value for key, value in raw.items() if value is not None}
    try:
        model = ProductUpdate.model_validate(given)
    except ValidationError as exc:
        return _usable_id(given.get("product_id")), None, _problems(exc)
    return model.product_id, model.to_payload(), []


def merge_product(
    raw: object, known: Callable[[str], dict[str, Any] | None]
) -> tuple[str, dict[str, Any] | None, list[Problem]]:
    """Check one upserted item and merge it over the stored product ``known(product_id)``.

    Returns ``(product_id, merged_product, problems)``; ``merged_product`` is None exactly when
    ``problems`` is not empty. Every problem is reported at once: the field errors, and, for a
    product never seen before, each required field it lacks.
    """
    product_id, payload, problems = check_product(raw)
    stored = known(product_id) if product_id else None
    if stored is None and isinstance(raw, dict):
        present = payload if payload is not None else raw
        already = {p.field for p in problems}
        problems += [
            Problem(field, _MISSING)
            for field in PRODUCT_REQUIRED_FIELDS
            if field not in already and present.get(field) in (None, "", [], {})
        ]
    if problems or payload is None:
        return product_id, None, problems
    return product_id, {**(stored or {}), **payload}, []


def upsert_products(state: SandboxState, items: Iterable[object]) -> list[Rejection]:
    """Store every valid item (merged over the stored product) and return the rejected ones.

    Items are judged one by one, in order, so a later item of the same batch sees an earlier
    one as known. The single path for `/v1/products/upsert` and `Sandbox.load_products`.
    """
    rejected = []
    with state.lock:
        for raw in items:
            product_id, merged, problems = merge_product(raw, state._product)
            if merged is None:
                rejected.append(Rejection(product_id, problems))
            else:
                state._store_product(merged)
    return rejected
