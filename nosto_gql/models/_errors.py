"""Turn pydantic's `ValidationError` into (location, message) problems that point at the fix."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .._exceptions import InvalidInputError
from ._fields import got

__all__ = ["describe_errors", "format_location", "suggest_key", "validated"]

ModelT = TypeVar("ModelT", bound=BaseModel)

# Fields whose next location part is a mapping key, shown as ['LOYAL'] rather than .LOYAL.
_KEYED_FIELDS = frozenset({"variations", "custom_fields"})

# A full stop that ends a sentence, not the one in "e.g. 'EUR'".
_SENTENCE_END = re.compile(r"\.(?:\s+(?=[A-Z])|$)")

# Names people reach for that difflib would not map (other platforms' or HTML tagging's words).
_ALIASES = {
    "id": "product_id",
    "sku_id": "id",
    "title": "name",
    "currency": "price_currency_code",
    "currency_code": "price_currency_code",
    "stock": "inventory_level",
    "quantity": "inventory_level",
    "qty": "inventory_level",
    "images": "alternate_image_urls",
    "tags": "tag1",
    "category": "categories",
    "rating": "rating_value",
    "reviews": "review_count",
    "cost": "supplier_cost",
    "ean": "gtin",
    "upc": "gtin",
    "manufacturer": "brand",
}


def suggest_key(key: str, valid: Iterable[str]) -> str | None:
    """The valid key closest to a misspelled one (``imageUrl`` -> ``image_url``), if any."""
    choices = list(valid)
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower().replace("-", "_")
    snake = snake.replace(" ", "_")
    if snake in choices:
        return snake
    alias = _ALIASES.get(snake)
    if alias in choices:
        return alias
    close = difflib.get_close_matches(snake, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def format_location(loc: Iterable[int | str]) -> str:
    """``('skus', 0, 'price')`` -> ``.skus[0].price``; mapping keys as ``.variations['B2B']``."""
    text = ""
    key_next = False
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            key_next = False
        elif part == "[key]":  # pydantic's marker for a bad mapping key; the key is already shown
            continue
        elif key_next:
            text += f"[{part!r}]"
            key_next = False
        else:
            text += f".{part}"
            key_next = part in _KEYED_FIELDS
    return text


def _submodel(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    info = model.model_fields.get(name)
    stack: list[Any] = [info.annotation] if info is not None else []
    while stack:
        candidate = stack.pop()
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        stack.extend(get_args(candidate))
    return None


def _owner_and_field(
    root: type[BaseModel], loc: tuple[int | str, ...]
) -> tuple[type[BaseModel], str | None]:
    # Walk ('skus', 0, 'price') down to (Sku, 'price'): a nested model field is followed by an
    # index or key, then by a field of the nested model.
    model, index = root, 0
    while index < len(loc):
        part = loc[index]
        if not isinstance(part, str):
            break
        nested = _submodel(model, part)
        if nested is not None and index + 2 < len(loc):
            model, index = nested, index + 2
            continue
        return model, part
    return model, None


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def _message(error: ErrorDetails, model: type[BaseModel], field: str | None) -> str:
    kind = error["type"]
    value = error.get("input")
    context: dict[str, Any] = dict(error.get("ctx") or {})
    is_key = error["loc"][-1:] == ("[key]",)
    prefix = "mapping key: " if is_key else ""
    if kind.startswith("nosto_"):
        return prefix + error["msg"]
    if kind == "missing":
        info = model.model_fields.get(field or "")
        if info is None or not info.description:
            return "required field is missing"
        return f"required field is missing (expected: {_first_sentence(info.description)})"
    if kind == "extra_forbidden":
        suggestion = suggest_key(field or "", model.model_fields)
        if suggestion is not None:
            return f"unknown key {field!r}; did you mean {suggestion!r}?"
        elsewhere = (
            "; shop-specific attributes go in custom_fields"
            if "custom_fields" in model.model_fields
            else ""
        )
        return f"unknown key {field!r}: not a field of {model.__name__}{elsewhere}"
    if kind == "greater_than_equal":
        return f"expected a value >= {context['ge']:g}; got {got(value)}"
    if kind == "less_than_equal":
        return f"expected a value <= {context['le']:g}; got {got(value)}"
    if kind == "list_type":
        hint = f" (wrap a single value in a list: [{value!r}])" if isinstance(value, str) else ""
        return f"expected a list; got {got(value)}{hint}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected an object (a mapping); got {got(value)}"
    if kind == "string_type":
        return f"{prefix}expected a string; got {got(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number; got {got(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number; got {got(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false; got {got(value)}"
    if kind == "finite_number":
        return f"expected a finite number; got {got(value)}"
    return f"{prefix}{error['msg']}; got {got(value)}"


def describe_errors(exc: ValidationError, root: type[BaseModel]) -> list[tuple[str, str]]:
    """One (location suffix, message) per error; the suffix is ``""`` for the object itself."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        model, field = _owner_and_field(root, loc)
        problems.append((format_location(loc), _message(error, model, field)))
    return problems


def validated(model: type[ModelT], data: object, what: str, root: str = "") -> ModelT:
    """``data`` as ``model``, or one `InvalidInputError` naming every bad field.

    A model is validated again: model_copy(update=...), model_construct() and in-place changes
    skip pydantic's checks.
    """
    if isinstance(data, BaseModel):
        data = data.model_dump(warnings=False)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            (f"{root}{where}".lstrip(".") or root or "body", message)
            for where, message in describe_errors(exc, model)
        ]
        raise InvalidInputError(f"invalid {what}; nothing was sent", problems) from None
