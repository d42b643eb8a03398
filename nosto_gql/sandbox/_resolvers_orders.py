"""Resolvers for orders, identities and analytics events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLResolveInfo

from .._timestamps import InvalidTimestamp, parse_date_time
from . import _recommenders as recommenders
from ._context import FetchError, context_of
from ._mapping import nosto_timestamp
from ._records import OrderRecord
from ._resolvers_recos import RecoScope
from ._resolvers_sessions import UNKNOWN_SESSION

# The message Nosto sends for an unknown order (NOTES.md 2, Error shapes).
UNKNOWN_ORDER = "Unable to find order matching identifier"
UNKNOWN_IDENTITY = "Unable to find identity matching identifier"

# Which payload field each analytics event type allows.
_ANALYTICS_PAYLOADS = {
    "SEARCH": ("searchImpression", "searchClick"),
    "CATEGORY": ("categoryImpression", "categoryClick"),
}


def resolve_order(_root: None, info: GraphQLResolveInfo, **args: Any) -> OrderRecord:
    order = context_of(info).state._find_order(args["id"])
    if order is None:
        raise FetchError(UNKNOWN_ORDER)
    return order


def resolve_update_status(_root: None, info: GraphQLResolveInfo, **args: Any) -> OrderRecord:
    context = context_of(info)
    order = context.state._find_order(args["number"])
    if order is None or order.number != args["number"]:
        raise FetchError(UNKNOWN_ORDER)
    params = args.get("params") or {}
    if not params.get("orderStatus"):
        raise FetchError("params.orderStatus is required")
    order.statuses.append(
        {
            "date": params.get("statusDate") or nosto_timestamp(context.now),
            "orderStatus": params["orderStatus"],
            "paymentProvider": params.get("paymentProvider"),
        }
    )
    return order


def resolve_order_recos(order: OrderRecord, info: GraphQLResolveInfo, **args: Any) -> RecoScope:
    bought = tuple(str(i["productId"]) for i in order.items if i.get("productId"))
    return RecoScope(preview=args["preview"], order_product_ids=bought)


@dataclass(frozen=True)
class IdentityView:
    """The source object of `IdentityEntity`."""

    email: str
    attributes: dict[str, str]


def _identity_view(email: str, attributes: dict[str, str]) -> IdentityView:
    return IdentityView(email, dict(attributes))


def resolve_identity(_root: None, info: GraphQLResolveInfo, **args: Any) -> IdentityView:
    attributes = context_of(info).state._identity(args["email"])
    if attributes is None:
        raise FetchError(UNKNOWN_IDENTITY)
    return _identity_view(args["email"], attributes)


def resolve_upsert_identity(_root: None, info: GraphQLResolveInfo, **args: Any) -> IdentityView:
    identity = args.get("identity") or {}
    email = identity.get("email") or ""
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain):
        raise FetchError("identity.email must be an e-mail address")
    attributes = {}
    for attribute in identity.get("attributes") or []:
        if not attribute or not attribute.get("name"):
            raise FetchError("every identity attribute needs a name")
        attributes[str(attribute["name"])] = str(attribute.get("value") or "")
    stored = context_of(info).state._upsert_identity(email, attributes)
    return _identity_view(email, stored)


def resolve_identity_recos(
    identity: IdentityView, info: GraphQLResolveInfo, **args: Any
) -> RecoScope:
    sessions = context_of(info).state._sessions_of_email(identity.email)
    viewed = [pid for s in reversed(sessions) for pid in recommenders.session_history(s)]
    return RecoScope(preview=args["preview"], identity_history=tuple(dict.fromkeys(viewed)))


def _analytics_problems(params: dict[str, Any]) -> list[dict[str, str]]:
    problems: list[dict[str, str]] = []

    def problem(field: str, message: str) -> None:
        problems.append({"field": field, "message": message})

    event_type = params.get("type")
    if event_type is None:
        problem("type", "type is missing")
    timestamp = params.get("timestamp")
    if timestamp is None:
        problem("timestamp", "timestamp is missing")
    else:
        try:
            parse_date_time(timestamp)
        except InvalidTimestamp as invalid:
            problem("timestamp", f"timestamp: {invalid}")
    given = [
        k
        for k in ("searchImpression", "searchClick", "categoryImpression", "categoryClick")
        if params.get(k) is not None
    ]
    allowed = _ANALYTICS_PAYLOADS.get(str(event_type), ())
    if len(given) != 1:
        problem(
            "params",
            "exactly one of searchImpression, searchClick, categoryImpression, "
            "categoryClick must be given",
        )
    elif event_type is not None and given[0] not in allowed:
        problem(given[0], f"{given[0]} does not match type {event_type}")
    for kind in given:
        payload = params[kind]
        if kind.endswith("Click") and not payload.get("productId"):
            problem(f"{kind}.productId", "productId is missing")
        if kind.endswith("Impression") and not payload.get("productIds"):
            problem(f"{kind}.productIds", "productIds must list the products shown")
        metadata = payload.get("metadata") or {}
        if kind.startswith("category") and not (
            metadata.get("category") or metadata.get("categoryId")
        ):
            problem(f"{kind}.metadata", "metadata needs category or categoryId")
        if kind.startswith("search") and not metadata.get("query"):
            problem(f"{kind}.metadata.query", "query is missing")
    return problems


def resolve_record_analytics_event(
    _root: None, info: GraphQLResolveInfo, **args: Any
) -> dict[str, Any]:
    """Validation problems come back inside the data, like Nosto's catalog mutations."""
    context = context_of(info)
    by = args.get("by")
    session = context.state._find_session(by, args["id"], create=by == "BY_REF")
    if session is None:
        raise FetchError(UNKNOWN_SESSION)
    params = args["params"]
    problems = _analytics_problems(params)
    if problems:
        return {"message": "Event not recorded: invalid input", "errors": problems}
    context.state._record_analytics_event(
        {
            "session_id": session.id,
            "recorded_at": context.now,
            "ignored_traffic": context.ignore_statistics,
            **params,
        }
    )
    context.state._touch(session)
    return {"message": "Event recorded", "errors": []}


RESOLVERS: dict[str, dict[str, Callable[..., Any]]] = {
    "query": {"order": resolve_order, "identity": resolve_identity},
    "mutation": {
        "updateStatus": resolve_update_status,
        "upsertIdentity": resolve_upsert_identity,
        "recordAnalyticsEvent": resolve_record_analytics_event,
    },
    "OrderEntity": {"recos": resolve_order_recos},
    "IdentityEntity": {
        "attributes": lambda identity, _info: [
            {"name": name, "value": value} for name, value in identity.attributes.items()
        ],
        "recos": resolve_identity_recos,
    },
}
