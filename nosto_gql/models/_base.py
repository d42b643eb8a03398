"""The base of every payload model: strict keys, lax values, and Nosto's omission rules."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticSerializationError, to_json

from .._exceptions import InvalidInputError
from .._json import NOT_UTF8

__all__ = ["PayloadModel", "prune"]

_MAYBE_EMPTY = (str, list, dict)


def prune(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the values the PHP SDK omits (PRODUCT_MODEL.md 1.3), in nested objects too.

    ``None`` is already gone (``exclude_none``); here ``""``, ``[]`` and ``{}`` go too, while
    ``0``, ``0.0``, ``False`` and ``"0"`` stay.
    """
    # Truthy values pass on the first test, so the common case costs one comparison. The nested
    # keys are named rather than discovered: walking every value measured half again as slow.
    out = {
        key: value for key, value in data.items() if value or value.__class__ not in _MAYBE_EMPTY
    }
    skus = out.get("skus")
    if skus:
        out["skus"] = [prune(sku) for sku in skus]
    variations = out.get("variations")
    if variations:
        out["variations"] = {key: prune(value) for key, value in variations.items()}
    custom_fields = out.get("custom_fields")
    if custom_fields:
        # Values are validated strings here, so falsy means "".
        kept = {key: value for key, value in custom_fields.items() if value}
        if kept:
            out["custom_fields"] = kept
        else:
            del out["custom_fields"]
    return out


class PayloadModel(BaseModel):
    """Shared configuration of the payload models (not public).

    Unknown keys are errors (a typo such as ``imageUrl`` must not vanish silently), numbers are
    accepted where text is expected (ids, GTINs, custom field values), and assignments are
    validated so a model cannot drift into an invalid state after construction.
    """

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        validate_assignment=True,
    )

    def to_payload(self) -> dict[str, Any]:
        """This object as Nosto's JSON expects it: snake_case keys, empty values omitted.

        Dates become ``YYYY-MM-DD``, availability its string value, prices JSON numbers.
        """
        return prune(self.model_dump(mode="json", exclude_none=True))

    def to_payload_json(self) -> bytes:
        """`to_payload()` as compact UTF-8 JSON, e.g. to measure it against the 2 MB cap.

        Raises `InvalidInputError` for text that cannot be UTF-8 (the one thing field
        validation lets through that JSON cannot carry).
        """
        try:
            return to_json(self.to_payload())
        except PydanticSerializationError:
            raise InvalidInputError(f"a field {NOT_UTF8}") from None
