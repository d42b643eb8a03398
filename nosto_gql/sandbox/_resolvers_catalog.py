"""Resolvers for the catalog: product, products, updateProducts and upsertCategories."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLResolveInfo
from pydantic import ValidationError

from .._facts import PRODUCTS_LISTING_CAP
from ..models._base import PayloadModel
from ..models._errors import describe_errors
from ..models._fields import AbsoluteUrl
from . import _recommenders as recommenders
from ._catalog import Problem, merge_product
from ._context import FetchError, context_of
from ._mapping import input_field_path, recommended_product, rest_product
from ._ranking import in_category, normalise_category

UNKNOWN_PRODUCT = "Unable to find product matching identifier"


def resolve_product(_root: None, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    context = context_of(info)
    product = context.state._product(args["id"])
    if product is None:
        raise FetchError(UNKNOWN_PRODUCT)
    return recommenders.product_payload(context, product)


def resolve_products(_root: None, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    """The catalog listing: every stored product whatever its availability (it is a catalog
    check, not a recommendation), by product id unless sorted; unpriced products come last."""
    context = context_of(info)
    limit, offset = args["limit"], args.get("offset") or 0
    if limit < 0 or offset < 0:
        raise FetchError("limit and offset must not be negative")
    if offset + limit > PRODUCTS_LISTING_CAP:
        raise FetchError(
            f"offset + limit must not exceed {PRODUCTS_LISTING_CAP}; "
            "filter the listing more narrowly to reach further products"
        )
    products = sorted(context.state._all_products(), key=lambda p: str(p["product_id"]))
    categories = (args.get("filter") or {}).get("categories")
    if categories is not None:
        wanted = [normalise_category(c) for c in categories if c]
        products = [p for p in products if in_category(p, wanted)]
    sort = args.get("sort") or {}
    if sort.get("field") == "PRICE":
        priced = [p for p in products if p.get("price") is not None]
        unpriced = [p for p in products if p.get("price") is None]
        priced.sort(key=lambda p: float(p["price"]), reverse=bool(sort.get("reverse")))
        products = priced + unpriced
    page = products[offset : offset + limit]
    return {"products": [recommenders.product_payload(context, p) for p in page]}


class _UgcImage(PayloadModel):
    """An `InputUgcImage`: a URL, checked like every product URL."""

    url: AbsoluteUrl


def _ugc_images(raw: list[Any] | None) -> tuple[list[dict[str, Any]], list[Problem]]:
    images: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for index, image in enumerate(raw or []):
        try:
            images.append(_UgcImage.model_validate(image or {}).to_payload())
        except ValidationError as exc:
            for where, message in describe_errors(exc, _UgcImage):
                problems.append(Problem(f"ugcImages[{index}]{where}", message))
    return images, problems


def resolve_update_products(_root: None, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    """Per-product outcome inside the data: accepted products are stored, rejected ones not.
    Only products the catalog already has can be updated (an unknown id is a per-item error).

    Each product is checked and merged exactly like a REST upsert item (`merge_product`); the
    problems name the `InputProduct` field, e.g. ``imageUrl``. ``ugcImages`` (from an older
    revision of the docs) has no REST counterpart: its URLs are checked and kept with the
    product as ``ugc_images``.
    """
    state = context_of(info).state
    results = []
    for raw in args["products"]:
        given = {key: value for key, value in (raw or {}).items() if value is not None}
        product_id = given.get("productId")
        if product_id and state._product(str(product_id)) is None:
            # InputProduct has no name or availability, so it cannot describe a new product:
            # say so, instead of asking for fields the caller has no way to send.
            message = (
                f"unknown product {product_id}: updateProducts changes existing products; "
                "create it with the products API (upsert) first"
            )
            results.append(
                {
                    "errors": [{"field": "productId", "message": message}],
                    "data": recommended_product(rest_product(given)),
                }
            )
            continue
        ugc_images, ugc_problems = _ugc_images(given.pop("ugcImages", None))
        rest = rest_product(given)
        product_id, merged, problems = merge_product(rest, state._product)
        problems = [*problems, *ugc_problems]
        if merged is not None and not problems:
            if ugc_images:
                merged["ugc_images"] = ugc_images
            state._store_product(merged)
        shown = merged if not problems and merged else {**rest, "product_id": product_id or None}
        errors = []
        for problem in problems:
            field = input_field_path(problem.field)
            errors.append({"field": field, "message": problem.message_for(field)})
        results.append({"errors": errors, "data": recommended_product(shown)})
    return {"result": results}


_CATEGORY_FIELDS = ("id", "name", "parentId", "urlPath", "fullName", "available")


def resolve_upsert_categories(_root: None, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    state = context_of(info).state
    results: list[dict[str, Any]] = []
    for raw in args["categories"]:
        given = {k: v for k, v in (raw or {}).items() if v is not None}
        errors: list[dict[str, str]] = []
        stored = state._category(str(given["id"])) if given.get("id") else None
        if not given.get("id"):
            errors.append({"field": "id", "message": "id is missing"})
        elif stored is None and not given.get("name"):
            errors.append({"field": "name", "message": "name is missing"})
        if errors:
            results.append({"errors": errors, "category": None})
            continue
        category = {"available": True, **(stored or {}), **given}
        state._store_category(category)
        results.append({"errors": [], "category": {k: category.get(k) for k in _CATEGORY_FIELDS}})
    return {"categoryResult": results}


RESOLVERS: dict[str, dict[str, Callable[..., Any]]] = {
    "query": {"product": resolve_product, "products": resolve_products},
    "mutation": {
        "updateProducts": resolve_update_products,
        "upsertCategories": resolve_upsert_categories,
    },
}
