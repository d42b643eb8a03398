"""Resolvers for the catalog: product, products, updateProducts and upsertCategories."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLResolveInfo

from .._facts import PRODUCTS_LISTING_CAP
from . import _recommenders as recommenders
from ._catalog import Problem, merge_product
from ._context import FetchError, context_of
from ._mapping import recommended_product
from ._ranking import in_category, normalise_category

UNKNOWN_PRODUCT = "Unable to find product matching identifier"

# GraphQL InputProduct / InputSku field -> REST upsert key, so both paths share one validator.
_PRODUCT_KEYS = {
    "productId": "product_id",
    "url": "url",
    "imageUrl": "image_url",
    "priceCurrencyCode": "price_currency_code",
    "price": "price",
    "ugcImages": "ugc_images",
}
_SKU_KEYS = {
    "id": "id",
    "name": "name",
    "availability": "availability",
    "price": "price",
    "listPrice": "list_price",
    "imageUrl": "image_url",
}
_REST_TO_GRAPHQL = {rest: gql for gql, rest in {**_SKU_KEYS, **_PRODUCT_KEYS}.items()}


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


def _rest_product(raw: dict[str, Any]) -> dict[str, Any]:
    product = {_PRODUCT_KEYS[k]: v for k, v in raw.items() if k in _PRODUCT_KEYS}
    if raw.get("skus") is not None:
        product["skus"] = [
            {_SKU_KEYS[k]: v for k, v in sku.items() if k in _SKU_KEYS} if sku else sku
            for sku in raw["skus"]
        ]
    return product


def _graphql_field(rest_field: str) -> str:
    head, dot, rest = rest_field.partition(".")
    name, bracket, index = head.partition("[")
    return (
        _REST_TO_GRAPHQL.get(name, name)
        + bracket
        + index
        + dot
        + (_graphql_field(rest) if rest else "")
    )


def _error_entities(problems: list[Problem]) -> list[dict[str, str]]:
    return [{"field": _graphql_field(p.field), "message": p.message} for p in problems]


def resolve_update_products(_root: None, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    """Per-product outcome inside the data: accepted products are stored, rejected ones not."""
    context = context_of(info)
    results = []
    for raw in args["products"]:
        rest = _rest_product(raw or {})
        product_id, merged, problems = merge_product(rest, context.state.product)
        if merged is not None:
            context.state.store_products([merged])
        shown = merged if merged is not None else {**rest, "product_id": product_id or None}
        results.append({"errors": _error_entities(problems), "data": recommended_product(shown)})
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
