"""Validate many products at once, or one at a time for streaming, with errors that name each item.

Both entry points take `Product` / `ProductUpdate` instances or plain mappings. A mapping is
validated as a `Product`, or as a `ProductUpdate` when ``partial=True``; a model is taken as it is
(it was validated when built), so a `ProductUpdate` passed explicitly is a partial on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, TypeAlias, overload

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json

from .._exceptions import InvalidInputError
from ._errors import describe_errors
from ._fields import got
from .product import Product, ProductUpdate

__all__ = ["iter_validated", "to_payloads", "to_payloads_json", "validate_products"]

AnyProduct: TypeAlias = Product | ProductUpdate
ProductInput: TypeAlias = Product | ProductUpdate | Mapping[str, Any]

# Appended when full products lack required fields: the fix may be to mean a partial update.
PARTIAL_HINT = "; to send only some fields, use ProductUpdate or partial=True"


def usable_id(item: object) -> str | int | None:
    """The item's product id when it has a usable one (a non-blank string or an int), even if
    the item is otherwise invalid; else None."""
    if isinstance(item, BaseModel):
        product_id = getattr(item, "product_id", None)
    else:
        product_id = item.get("product_id") if isinstance(item, Mapping) else None
    if (isinstance(product_id, str) and product_id.strip()) or (
        isinstance(product_id, int) and not isinstance(product_id, bool)
    ):
        return product_id
    return None


def item_label(index: int, product_id: str | int | None) -> str:
    """``products[3] (product_id 'ABC')``: the position, and the id when there is one."""
    if product_id is None:
        return f"products[{index}]"
    return f"products[{index}] (product_id {got(product_id)})"


def _label(index: int, item: Any) -> str:
    return item_label(index, usable_id(item))


def check_container(items: object, what: str = "products", where: str | None = None) -> None:
    """Refuse what is not a collection of items before iterating it: a single product (a dict
    or a model) would yield its keys or fields, and None or a number cannot be iterated.
    ``where`` names the argument in the error's problems."""
    if isinstance(items, Iterable) and not isinstance(items, (Mapping, BaseModel, str, bytes)):
        return
    if isinstance(items, (Mapping, BaseModel, str, bytes)):
        problem = f"got a single {type(items).__name__}: wrap it in a list"
    elif callable(getattr(items, "__aiter__", None)):
        problem = (
            "got an async iterable: collect it into a list, or stream it with "
            "AsyncNostoClient's products.upsert_stream"
        )
    else:
        problem = f"got {got(items)}"
    raise InvalidInputError(
        f"expected an iterable of {what} (e.g. a list); {problem}",
        [(where, problem)] if where else [],
    )


def validate_item(
    index: int, item: object, partial: bool
) -> tuple[AnyProduct | None, list[tuple[str, str]], bool]:
    """The model, or the problems found in the item (and whether any was a missing field).

    The one-item step shared by `validate_products`, `iter_validated` and streaming uploads;
    ``index`` is the item's position, used to name it in problems.
    """
    label = _label(index, item)
    if isinstance(item, (Product, ProductUpdate)):
        # Validated again: model_copy(update=...), model_construct() and in-place changes to
        # its lists skip validation, and a NaN price would make the whole body invalid JSON.
        model_type = type(item)
        try:
            data = item.model_dump(exclude_unset=True, warnings=False)
            return model_type.model_validate(data), [], False
        except ValidationError as exc:
            found = [(label + where, what) for where, what in describe_errors(exc, model_type)]
            return None, found, False
    if not isinstance(item, Mapping):
        problem = (
            f"expected a Product, a ProductUpdate or a mapping of product fields; "
            f"got {type(item).__name__}"
        )
        return None, [(label, problem)], False
    model: type[AnyProduct] = ProductUpdate if partial else Product
    try:
        return model.model_validate(item if isinstance(item, dict) else dict(item)), [], False
    except ValidationError as exc:
        missing = any(error["type"] == "missing" for error in exc.errors())
        found = [(label + where, what) for where, what in describe_errors(exc, model)]
        return None, found, missing


@overload
def validate_products(
    items: Iterable[Product | Mapping[str, Any]], *, partial: Literal[False] = ...
) -> list[Product]: ...
@overload
def validate_products(
    items: Iterable[ProductInput], *, partial: bool = ...
) -> list[AnyProduct]: ...
def validate_products(
    items: Iterable[ProductInput], *, partial: bool = False
) -> list[Product] | list[AnyProduct]:
    """Validate every item; return the models, or raise one `InvalidInputError` with all problems.

    Each problem is ``(location, message)`` with locations such as
    ``products[3] (product_id 'ABC').skus[0].price``. A product id that appears twice is a problem
    too (which of the two would win is up to Nosto). Never raises pydantic's `ValidationError`.
    """
    check_container(items)
    models: list[AnyProduct] = []
    problems: list[tuple[str, str]] = []
    first_seen: dict[str, int] = {}
    bad_items = 0
    any_missing = False
    index = -1
    for index, item in enumerate(items):
        model, found, missing = validate_item(index, item, partial)
        any_missing = any_missing or missing
        if model is None:
            bad_items += 1
            problems.extend(found)
            continue
        earlier = first_seen.setdefault(model.product_id, index)
        if earlier != index:
            bad_items += 1
            problems.append(
                (_label(index, model), f"duplicate product_id; also at products[{earlier}]")
            )
        models.append(model)
    if problems:
        hint = PARTIAL_HINT if any_missing and not partial else ""
        raise InvalidInputError(
            f"{bad_items} of {index + 1} products failed validation{hint}", problems
        )
    return models


def iter_validated(items: Iterable[ProductInput], *, partial: bool = False) -> Iterator[AnyProduct]:
    """Yield validated models one at a time, for streaming uploads with bounded memory.

    Raises `InvalidInputError` at the first bad item, naming it and listing all of its problems;
    the items before it have been yielded already. Duplicate ids are not looked for (that would
    need memory proportional to the catalog).
    """
    check_container(items)
    for index, item in enumerate(items):
        model, problems, missing = validate_item(index, item, partial)
        if model is None:
            hint = PARTIAL_HINT if missing and not partial else ""
            raise InvalidInputError(f"{_label(index, item)} failed validation{hint}", problems)
        yield model


def to_payloads(items: Iterable[AnyProduct]) -> list[dict[str, Any]]:
    """The JSON array for ``/v1/products/upsert``: each model's `to_payload()`, in order."""
    return [item.to_payload() for item in items]


def to_payloads_json(items: Iterable[AnyProduct]) -> bytes:
    """`to_payloads()` as one compact JSON array, ready to be a request body."""
    return to_json(to_payloads(items))
