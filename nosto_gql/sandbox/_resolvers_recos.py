"""Resolvers of the raw recommender types: RecoQueryEntity (root `recos`), RecoRequestEntity
(`Session.recos`), OrderRecoEntity and IdentityRecoEntity."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLResolveInfo

from . import _recommenders as recommenders
from ._context import FetchError, RequestContext, context_of
from ._ranking import RecoParams, RecoParamsError, Selection, normalise_category
from ._records import SessionEvent, SessionRecord


@dataclass(frozen=True)
class RecoScope:
    """The source object of the recommender types: who the recommendations are for."""

    preview: bool
    session: SessionRecord | None = None
    add_attribution: bool = False
    # Seeds of the order and identity recommenders.
    order_product_ids: tuple[str, ...] = ()
    identity_history: tuple[str, ...] = ()


def reco_params(raw: dict[str, Any] | None) -> RecoParams:
    try:
        return RecoParams.from_input(raw)
    except RecoParamsError as problem:
        raise FetchError(str(problem)) from None


def _respond(
    scope: RecoScope,
    info: GraphQLResolveInfo,
    selection: Selection,
    params: RecoParams,
    result_id: str,
    *,
    merchandising: bool = False,
    batch_token: str | None = None,
) -> dict[str, Any]:
    attribution = None
    if scope.add_attribution:
        # nosto_source=cmp is what the docs show for merchandising listings; other results
        # only carry the result id.
        attribution = {"nosto_source": "cmp"} if merchandising else {}
        attribution["nosto"] = result_id
    return recommenders.result_payload(
        context_of(info),
        selection,
        result_id=result_id,
        params=params,
        attribution=attribution,
        batch_token=batch_token,
    )


def resolve_toplist(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    hours, by_buys = args["hours"], args["sort"] == "BUYS"
    if hours <= 0:
        raise FetchError("hours must be a positive number of hours")
    params = reco_params(args["params"])
    selection = recommenders.toplist(
        context_of(info).state, by_buys=by_buys, hours=hours, params=params
    )
    result_id = "api-toplist-buys" if by_buys else "api-toplist-views"
    return _respond(scope, info, selection, params, result_id)


def resolve_random(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    params = reco_params(args["params"])
    # Seeded per session so one visitor sees a stable pick and different visitors differ.
    seed = scope.session.id if scope.session else "anonymous"
    selection = recommenders.random_pick(context_of(info).state, seed, params)
    return _respond(scope, info, selection, params, "api-random")


def resolve_related(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    params = reco_params(args["params"])
    product_ids = [str(pid) for pid in args["productIds"] if pid is not None]
    selection = recommenders.related_to(context_of(info).state, product_ids, params)
    return _respond(scope, info, selection, params, "api-related")


def resolve_search(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    params = reco_params(args["params"])
    selection = recommenders.search(context_of(info).state, args["term"], params)
    return _respond(scope, info, selection, params, "api-search")


def resolve_live(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    params = reco_params(args["params"])
    selection = recommenders.live(context_of(info).state, params)
    return _respond(scope, info, selection, params, "api-live")


def resolve_history(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    params = reco_params(args["params"])
    state = context_of(info).state
    if scope.session is None:
        viewed, cart, bought = list(scope.identity_history), [], []
    else:
        viewed = recommenders.session_history(scope.session)
        cart = recommenders.cart_product_ids(scope.session)
        bought = recommenders.bought_product_ids(state, scope.session)
    selection = recommenders.history(state, viewed, params, cart_ids=cart, bought_ids=bought)
    return _respond(scope, info, selection, params, "api-history")


def resolve_order_related(
    scope: RecoScope, info: GraphQLResolveInfo, **args: Any
) -> dict[str, Any]:
    params = reco_params(args["params"])
    selection = recommenders.related_to(context_of(info).state, scope.order_product_ids, params)
    return _respond(scope, info, selection, params, "api-order-related")


def _encode_batch_token(category: str, offset: int) -> str:
    raw = json.dumps({"category": category, "offset": offset}).encode()
    return base64.urlsafe_b64encode(raw).decode()


def _decode_batch_token(token: str, category: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
        offset = int(data["offset"])
        same_category = normalise_category(data["category"]) == normalise_category(category)
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise FetchError("Invalid batchToken") from None
    if not same_category or offset < 0:
        raise FetchError("batchToken belongs to another category listing")
    return offset


def resolve_category(scope: RecoScope, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    """Category merchandising (CM 1.0): one page of a category, most viewed first."""
    context: RequestContext = context_of(info)
    category: str = args["category"]
    params = reco_params(
        {
            "minProducts": args.get("minProducts"),
            "maxProducts": args.get("maxProducts"),
            "include": args.get("include"),
            "exclude": args.get("exclude"),
        }
    )
    skip_pages = args.get("skipPages") or 0
    if skip_pages < 0:
        raise FetchError("skipPages must not be negative")
    token = args.get("batchToken")
    offset = _decode_batch_token(token, category) if token else skip_pages * params.max_products
    selection = recommenders.category_listing(context.state, category, params, offset=offset)
    next_offset = offset + len(selection.products)
    next_token = (
        _encode_batch_token(category, next_offset) if next_offset < selection.total else None
    )
    if scope.session is not None and not args.get("skipVCEvent") and not scope.preview:
        scope.session.events.append(
            SessionEvent(type="VIEWED_CATEGORY", target=category, at=context.now)
        )
    result_id = f"cm-{normalise_category(category).replace('/', '-')}"
    return _respond(
        scope, info, selection, params, result_id, merchandising=True, batch_token=next_token
    )


_RAW_RECOMMENDERS: dict[str, Callable[..., Any]] = {
    "toplist": resolve_toplist,
    "random": resolve_random,
    "related": resolve_related,
    "search": resolve_search,
    "live": resolve_live,
}


def resolve_root_recos(_root: None, info: GraphQLResolveInfo, **args: Any) -> RecoScope:
    return RecoScope(preview=args["preview"])


RESOLVERS: dict[str, dict[str, Callable[..., Any]]] = {
    "query": {"recos": resolve_root_recos},
    "RecoQueryEntity": dict(_RAW_RECOMMENDERS),
    "RecoRequestEntity": {
        **_RAW_RECOMMENDERS,
        "history": resolve_history,
        "category": resolve_category,
    },
    "OrderRecoEntity": {"related": resolve_order_related},
    "IdentityRecoEntity": {"history": resolve_history},
}
