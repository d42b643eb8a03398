"""Validate bulk-call input and encode each item as the JSON that goes on the wire.

Two shapes: the whole input at once (``encoded_*``: every problem raised together, nothing sent
when anything is bad) and one product at a time (`encode_product`, for streaming uploads, which
report a bad item instead of raising). Pure functions; no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from pydantic import TypeAdapter, ValidationError

from .._exceptions import InvalidInputError
from .._json import compact_json
from ..models import validate_products
from ..models._fields import AbsoluteUrl, Identifier, got

# Streaming needs one product's problems returned rather than raised (validate_item); and one
# check, for every bulk call, that the input is a collection and not a single item.
from ..models.validation import (
    PARTIAL_HINT,
    ProductInput,
    check_container,
    item_label,
    usable_id,
    validate_item,
)
from ._bulk import Encoded, check_item_sizes, size_problem

RecrawlItem: TypeAlias = Mapping[str, Any] | tuple[str | int, str]
"""``{"product_id": ..., "url": ...}`` or ``(product_id, url)``."""

Problem: TypeAlias = tuple[str, str]
"""``(location, message)``, as in `InvalidInputError.problems`."""

_SHORTEN = "shorten it (e.g. description, image lists)"


@dataclass(frozen=True)
class Envelope:
    """What encloses the items of one request body."""

    prefix: bytes = b"["
    suffix: bytes = b"]"

    @property
    def overhead(self) -> int:
        return len(self.prefix) + len(self.suffix)


ARRAY = Envelope()
RECRAWL_ENVELOPE = Envelope(b'{"products":[', b"]}")

_IDENTIFIER: TypeAdapter[str] = TypeAdapter(Identifier)
_URL: TypeAdapter[str] = TypeAdapter(AbsoluteUrl)


def checked_max_items(max_items_per_request: object) -> int | None:
    """The per-request item limit, or `InvalidInputError` naming the argument."""
    value = max_items_per_request
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
        return value
    raise InvalidInputError(
        f"max_items_per_request must be a positive int or None; got {got(value)}",
        [("max_items_per_request", f"expected a positive int or None; got {got(value)}")],
    )


def encoded_products(
    products: Iterable[ProductInput], *, partial: bool, max_bytes: int
) -> list[Encoded]:
    # Everything is validated and measured before the first request: bad input must not
    # half-send a catalog. (A repeated id is refused, so the models are the input, in order.)
    models = validate_products(products, partial=partial)
    encoded: list[Encoded] = []
    problems: list[Problem] = []
    for index, model in enumerate(models):
        try:
            encoded.append(Encoded(model.product_id, model.to_payload_json(), index))
        except InvalidInputError as exc:
            problems.append((item_label(index, model.product_id), str(exc)))
    if problems:
        raise InvalidInputError(
            f"{len(problems)} of {len(models)} products cannot be sent", problems
        )
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=ARRAY.overhead, hint=_SHORTEN)
    return encoded


@dataclass(frozen=True)
class EncodedProduct:
    """One product read by a streaming upload: its id and JSON, or what is wrong with it.

    ``problems`` locate each problem in the input (``products[3] (product_id 'X').price``), as
    `InvalidInputError` lists them; ``label`` is the part of those locations that names the
    item, which an `ItemOutcome` carries in its id and index instead.
    """

    item_id: str
    encoded: bytes | None
    problems: tuple[Problem, ...] = ()
    # A required field was missing from a full product (the partial-update hint applies).
    missing_field: bool = False
    label: str = ""

    def invalid_message(self, *, partial: bool) -> str:
        """The problems relative to the item (``price: ...``), for its `ItemOutcome`."""
        problems = "; ".join(
            f"{field}: {what}" if (field := self._field(where)) else what
            for where, what in self.problems
        )
        return problems + partial_hint(missing_field=self.missing_field, partial=partial)

    def _field(self, where: str) -> str:
        if not self.label or not where.startswith(self.label):
            return where
        return where[len(self.label) :].removeprefix(".")


def partial_hint(*, missing_field: bool, partial: bool) -> str:
    """The advice appended when full products lack required fields (as `upsert` words it)."""
    return PARTIAL_HINT if missing_field and not partial else ""


def encode_product(index: int, item: object, *, partial: bool, max_bytes: int) -> EncodedProduct:
    """Validate and encode the product at ``index`` of a stream, measuring it against the cap."""
    model, problems, missing = validate_item(index, item, partial)
    if model is None:
        raw_id = usable_id(item)
        item_id = f"products[{index}]" if raw_id is None else str(raw_id)
        return EncodedProduct(item_id, None, tuple(problems), missing, item_label(index, raw_id))
    try:
        encoded = model.to_payload_json()
    except InvalidInputError as exc:
        where = item_label(index, model.product_id)
        return EncodedProduct(model.product_id, None, ((where, str(exc)),), label=where)
    too_big = size_problem(encoded, max_bytes=max_bytes, overhead=ARRAY.overhead)
    if too_big:
        where = item_label(index, model.product_id)
        problem = (where, f"{too_big}; {_SHORTEN}")
        return EncodedProduct(model.product_id, None, (problem,), label=where)
    return EncodedProduct(model.product_id, encoded)


def _check(adapter: TypeAdapter[str], value: object) -> tuple[str | None, str | None]:
    """The validated value, or the message saying why it is not valid."""
    try:
        return adapter.validate_python(value), None
    except ValidationError as exc:
        return None, "; ".join(str(error["msg"]) for error in exc.errors())


def encoded_ids(product_ids: Iterable[str | int], *, max_bytes: int) -> list[Encoded]:
    """Ids as JSON strings, first occurrence of each kept; every bad one named by its index."""
    check_container(product_ids, "product ids")
    problems: list[Problem] = []
    seen: set[str] = set()
    encoded: list[Encoded] = []
    count = 0
    for index, raw in enumerate(product_ids):
        count += 1
        product_id, problem = _check(_IDENTIFIER, raw)
        if product_id is None:
            problems.append((f"product_ids[{index}]", problem or "invalid"))
        elif product_id not in seen:
            seen.add(product_id)
            encoded.append(Encoded(product_id, compact_json(product_id), index))
    if problems:
        raise InvalidInputError(f"{len(problems)} of {count} product ids are invalid", problems)
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=ARRAY.overhead)
    return encoded


def _recrawl_fields(index: int, item: object) -> tuple[object, object, list[Problem]]:
    """The raw product id and url of one item, or the problems with its shape."""
    where = f"items[{index}]"
    if isinstance(item, Mapping):
        unknown = sorted(str(key) for key in item if key not in ("product_id", "url"))
        problems = [
            (f"{where}.{key}", "unknown field; expected product_id and url") for key in unknown
        ]
        problems += [
            (f"{where}.{key}", "missing") for key in ("product_id", "url") if key not in item
        ]
        return item.get("product_id"), item.get("url"), problems
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return item[0], item[1], []
    expected = "expected a mapping with product_id and url, or a (product_id, url) pair"
    return None, None, [(where, f"{expected}; got {got(item)}")]


def encoded_recrawl(items: Iterable[RecrawlItem], *, max_bytes: int) -> list[Encoded]:
    """Recrawl items as JSON objects; an exact repeat of an earlier item is dropped."""
    check_container(items, "recrawl items")
    if isinstance(items, tuple) and len(items) == 2 and isinstance(items[1], str):
        # One (product_id, url) pair rather than a list of them.
        raise InvalidInputError(
            "expected a list of recrawl items; got a single (product_id, url) pair: wrap it in "
            "a list"
        )
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    encoded: list[Encoded] = []
    count = bad = 0
    for index, item in enumerate(items):
        count += 1
        raw_id, raw_url, found = _recrawl_fields(index, item)
        if found:
            bad += 1
            problems += found
            continue
        product_id, id_problem = _check(_IDENTIFIER, raw_id)
        url, url_problem = _check(_URL, raw_url)
        where = f"items[{index}]" + (f" (product_id {got(product_id)})" if product_id else "")
        if product_id is None or url is None:
            bad += 1
            if id_problem:
                problems.append((f"{where}.product_id", id_problem))
            if url_problem:
                problems.append((f"{where}.url", url_problem))
        elif (product_id, url) not in seen:
            seen.add((product_id, url))
            body = compact_json({"product_id": product_id, "url": url})
            encoded.append(Encoded(product_id, body, index))
    if problems:
        raise InvalidInputError(f"{bad} of {count} recrawl items are invalid", problems)
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=RECRAWL_ENVELOPE.overhead)
    return encoded
