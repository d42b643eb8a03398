"""Recommenders over the sandbox state, and the `RecommenderResult` payload they produce.

Resolvers and page slots both call these, so a toplist is the same toplist wherever it shows.
The result ids are stable names of the recommender ("api-toplist-buys", "frontpage-nosto-1"):
a client sends them back as the event `ref` and the sandbox records the attribution.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from ._context import RequestContext
from ._mapping import recommended_product
from ._ranking import (
    Product,
    RecoParams,
    Selection,
    in_category,
    in_order_of,
    normalise_category,
    rank_by_counts,
    rank_related,
    rank_search,
    select,
    shuffled,
)
from ._records import SessionRecord
from ._state import SandboxState

# The period `scores.week` covers.
_WEEK = timedelta(days=7)


def toplist(
    state: SandboxState, *, by_buys: bool, hours: int | None, params: RecoParams
) -> Selection:
    """Best sellers (``by_buys``) or most viewed products of the last ``hours``."""
    since = state.now() - timedelta(hours=hours) if hours is not None else None
    counts = state.buy_counts(since) if by_buys else state.view_counts(since)
    return select(rank_by_counts(state._all_products(), counts), params)


def related_to(state: SandboxState, product_ids: Iterable[str], params: RecoParams) -> Selection:
    """Cross-sells: products sharing the most categories with the given ones."""
    seeds = [p for pid in product_ids if (p := state._product(pid)) is not None]
    return select(rank_related(state._all_products(), seeds), params)


def search(state: SandboxState, term: str, params: RecoParams) -> Selection:
    return select(rank_search(state._all_products(), term), params)


def random_pick(state: SandboxState, seed: str, params: RecoParams) -> Selection:
    return select(shuffled(state._all_products(), f"{state.random_seed}:{seed}"), params)


def live(state: SandboxState, params: RecoParams) -> Selection:
    """Products most recently viewed or bought by anyone, newest first."""
    recent = (event.product_id for event in state._recent_activity())
    return select(in_order_of(recent, _catalog(state)), params)


def history(
    state: SandboxState,
    viewed_newest_first: list[str],
    params: RecoParams,
    *,
    cart_ids: Iterable[str] = (),
    bought_ids: Iterable[str] = (),
) -> Selection:
    """Products the visitor viewed, newest first, optionally followed by their cross-sells."""
    skipped = set(cart_ids if params.skip_products_in_cart else ())
    skipped |= set(bought_ids if params.skip_bought_products else ())
    viewed = [pid for pid in viewed_newest_first if pid not in skipped]
    ranked: list[Product] = in_order_of(viewed, _catalog(state))
    if params.show_related_products:
        seeds = list(ranked)
        related = [
            p
            for p in rank_related(state._all_products(), seeds)
            if str(p.get("product_id")) not in skipped
        ]
        ranked = [*ranked, *related]
    return select(ranked, params)


def category_listing(
    state: SandboxState, category: str, params: RecoParams, *, offset: int
) -> Selection:
    """A category's products for merchandising, most viewed first, one page of them."""
    wanted = [normalise_category(category)]
    listed = [p for p in state._all_products() if in_category(p, wanted)]
    ranked = rank_by_counts(listed, state.view_counts())
    return select(ranked, params, offset=offset)


def session_history(session: SessionRecord) -> list[str]:
    """Viewed product ids of a session, newest first, each once."""
    return list(dict.fromkeys(reversed(session.viewed_product_ids)))


def cart_product_ids(session: SessionRecord) -> list[str]:
    return [str(item["productId"]) for item in session.cart if item.get("productId")]


def bought_product_ids(state: SandboxState, session: SessionRecord) -> list[str]:
    orders = [state._find_order(number) for number in session.order_numbers]
    return [
        str(item["productId"])
        for order in orders
        if order is not None
        for item in order.items
        if item.get("productId")
    ]


def _catalog(state: SandboxState) -> dict[str, Product]:
    return {str(p["product_id"]): p for p in state._all_products()}


def product_scores(state: SandboxState, product_id: str) -> dict[str, Any]:
    """The `scores` of a product: views and buys over the last week."""
    since = state.now() - _WEEK
    return {
        "week": {
            "views": float(state.view_counts(since).get(product_id, 0)),
            "buys": float(state.buy_counts(since).get(product_id, 0)),
        }
    }


def product_payload(
    context: RequestContext,
    product: Product,
    *,
    variant_id: str | None = None,
    url_params: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One `RecommendedProduct`, with its statistics computed only if selected."""
    state, product_id = context.state, str(product.get("product_id"))
    return recommended_product(
        product,
        variant_id=variant_id,
        url_params=url_params,
        scores=lambda _info: product_scores(state, product_id),
    )


def result_payload(
    context: RequestContext,
    selection: Selection,
    *,
    result_id: str,
    title: str | None = None,
    params: RecoParams,
    attribution: dict[str, str] | None = None,
    batch_token: str | None = None,
) -> dict[str, Any]:
    """A `RecommenderResult`; ``attribution`` parameters are appended to product URLs."""
    return {
        "primary": [
            product_payload(context, p, variant_id=params.variant_id, url_params=attribution)
            for p in selection.products
        ],
        "divId": result_id,
        "resultId": result_id,
        "resultTitle": title,
        # Unique per response, unlike resultId: it names this particular rendering.
        "resultToken": uuid.uuid4().hex,
        "totalPrimaryCount": selection.total,
        "batchToken": batch_token,
    }
