"""Resolvers for sessions: newSession, updateSession, session, placeOrder, the Session type and
the account's segments."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLResolveInfo

from .._facts import looks_like_bot
from ._context import FetchError, RequestContext, context_of
from ._mapping import nosto_timestamp
from ._pages import PageScope
from ._records import OrderRecord, ProductEvent, SessionEvent, SessionRecord
from ._resolvers_recos import RecoScope

logger = logging.getLogger("nosto_gql.sandbox")

# Nosto's wording for an unknown identifier, as in "Unable to find order matching identifier".
UNKNOWN_SESSION = "Unable to find session matching identifier"

_CUSTOMER_FIELDS = (
    "customerReference",
    "email",
    "firstName",
    "lastName",
    "marketingPermission",
)
_ITEM_FIELDS = ("productId", "skuId", "name", "unitPrice", "priceCurrencyCode", "quantity")


@dataclass(frozen=True)
class SessionView:
    """The source object of `Session`: a session plus the events this call dispatched."""

    session: SessionRecord
    call_events: tuple[SessionEvent, ...] = ()


@dataclass(frozen=True)
class Segment:
    segment_id: str
    name: str
    applies_to: Callable[[SessionRecord], bool]


# Rules simple enough to steer from a test: log in, fill the cart or buy to change segments.
SEGMENTS = (
    Segment("5a497a000000000000000001", "All visitors", lambda s: True),
    Segment("5a497a000000000000000002", "Logged-in customers", lambda s: bool(s.customer)),
    Segment("5a497a000000000000000003", "Shoppers with a full cart", lambda s: bool(s.cart)),
    Segment("5a497a000000000000000004", "Buyers", lambda s: bool(s.order_numbers)),
)


def _segment_payload(segment: Segment) -> dict[str, str]:
    return {"id": segment.segment_id, "name": segment.name}


def _items(raw_items: list[dict[str, Any] | None] | None) -> list[dict[str, Any]]:
    return [
        {key: item.get(key) for key in _ITEM_FIELDS} for item in raw_items or [] if item is not None
    ]


def _find_session(
    context: RequestContext, by: str | None, session_id: str, *, create: bool
) -> SessionRecord:
    session = context.state._find_session(by, session_id, create=create)
    if session is None:
        raise FetchError(UNKNOWN_SESSION)
    return session


def _apply_customer(
    context: RequestContext, session: SessionRecord, customer: dict[str, Any] | None
) -> None:
    if not customer:
        return
    if customer.get("doNotTrack") is not None:
        session.do_not_track = bool(customer["doNotTrack"])
    session.customer.update(
        {key: customer[key] for key in _CUSTOMER_FIELDS if customer.get(key) is not None}
    )
    reference = customer.get("customerReference")
    if reference:
        # The reference merges this visitor's sessions: BY_REF look-ups now find this one.
        context.state._link_customer_reference(session, str(reference))


def _counts_towards_statistics(context: RequestContext, session: SessionRecord) -> bool:
    return not context.ignore_statistics and not session.do_not_track


def _record_event(
    context: RequestContext, session: SessionRecord, event: dict[str, Any]
) -> SessionEvent | None:
    if not event.get("type"):
        return None
    recorded = SessionEvent(
        type=event["type"],
        target=event.get("target"),
        at=context.now,
        target_fragment=event.get("targetFragment"),
        ref=event.get("ref"),
        ref_type=event.get("refType"),
    )
    session.events.append(recorded)
    if recorded.type == "VIEWED_PRODUCT" and recorded.target:
        session.viewed_product_ids.append(recorded.target)
        if _counts_towards_statistics(context, session):
            context.state._record_view(
                ProductEvent(recorded.target, session.id, recorded.at, ref=recorded.ref)
            )
    return recorded


def _refuse_bots(context: RequestContext) -> None:
    if looks_like_bot(context.user_agent):
        raise FetchError(
            "Request rejected by bot detection: send a realistic User-Agent "
            f"(got {context.user_agent!r})"
        )


def resolve_new_session(_root: None, info: GraphQLResolveInfo, **args: Any) -> str:
    context = context_of(info)
    _refuse_bots(context)
    session = context.state._create_session(referer=args.get("referer"))
    _apply_customer(context, session, args.get("customer"))
    return session.id


def resolve_update_session(_root: None, info: GraphQLResolveInfo, **args: Any) -> SessionView:
    context = context_of(info)
    _refuse_bots(context)
    by = args.get("by")
    session = _find_session(context, by, args["id"], create=by == "BY_REF")
    params = args.get("params") or {}
    if params.get("cart") is not None:
        # Nosto expects the full cart every time, so the cart is replaced, never merged.
        session.cart = _items(params["cart"].get("items"))
    _apply_customer(context, session, params.get("customer"))
    events: list[SessionEvent] = []
    if params.get("event") and not params.get("skipEvents"):
        recorded = _record_event(context, session, params["event"])
        events.extend([recorded] if recorded else [])
    context.state._touch(session)
    return SessionView(session, tuple(events))


def resolve_session(_root: None, info: GraphQLResolveInfo, **args: Any) -> SessionView:
    # A look-up is not visitor activity, so it does not extend the session's life.
    return SessionView(_find_session(context_of(info), args.get("by"), args["id"], create=False))


def resolve_place_order(_root: None, info: GraphQLResolveInfo, **args: Any) -> SessionView:
    """Record the order and one buy per purchased line.

    Every call is recorded, including one that repeats an order number already placed: the
    order is kept once (the first call's details), its `OrderRecord.times_placed` goes up, the
    repeat is logged as a warning and listed in `SandboxState.duplicate_orders`, and the
    repeated call's lines are counted as buys again — as Nosto would count a conversion it
    received twice. A client that resends placeOrder after a lost response therefore shows up
    in its own tests instead of being hidden (nosto-gql never resends placeOrder).
    """
    context = context_of(info)
    by = args.get("by")
    session = _find_session(context, by, args["id"], create=by == "BY_REF")
    params = args.get("params") or {}
    order_input = params.get("order") or {}
    number = order_input.get("number")
    if not number:
        raise FetchError("order.number is required")
    _apply_customer(context, session, params.get("customer"))
    context.state._touch(session)
    now = context.now
    placed = OrderRecord(
        number=number,
        session_id=session.id,
        placed_at=now,
        reference=order_input.get("ref"),
        customer=dict(session.customer),
        items=_items(order_input.get("purchasedItems")),
    )
    if order_input.get("orderStatus"):
        placed.statuses.append(
            {
                "date": nosto_timestamp(now),
                "orderStatus": order_input["orderStatus"],
                "paymentProvider": order_input.get("paymentProvider"),
            }
        )
    stored = context.state._store_order(placed)
    if stored.times_placed > 1:
        logger.warning(
            "placeOrder received order number %r %d times (request %s); its buys are counted again",
            number,
            stored.times_placed,
            context.request_id,
        )
    if number not in session.order_numbers:
        session.order_numbers.append(number)
    if _counts_towards_statistics(context, session):
        for item in placed.items:
            if item.get("productId"):
                context.state._record_buy(
                    ProductEvent(
                        str(item["productId"]),
                        session.id,
                        now,
                        order_number=number,
                        quantity=item.get("quantity") or 1,
                    )
                )
    return SessionView(session)


def resolve_session_recos(view: SessionView, info: GraphQLResolveInfo, **args: Any) -> RecoScope:
    return RecoScope(
        preview=args["preview"],
        session=view.session,
        add_attribution=bool(args.get("addAttributionParameters")),
    )


def resolve_segments(_root: None, info: GraphQLResolveInfo) -> dict[str, Any]:
    return {"segments": [_segment_payload(s) for s in SEGMENTS]}


RESOLVERS: dict[str, dict[str, Callable[..., Any]]] = {
    "query": {"session": resolve_session, "segments": resolve_segments},
    "mutation": {
        "newSession": resolve_new_session,
        "updateSession": resolve_update_session,
        "placeOrder": resolve_place_order,
    },
    "Session": {
        "id": lambda view, _info: view.session.id,
        "cart": lambda view, _info: {"items": view.session.cart},
        "customer": lambda view, _info: view.session.customer or None,
        "events": lambda view, _info: [
            {"target": e.target, "type": e.type} for e in view.call_events
        ],
        "segments": lambda view, _info: [
            _segment_payload(s) for s in SEGMENTS if s.applies_to(view.session)
        ],
        "pages": lambda view, _info: PageScope(view.session),
        "recos": resolve_session_recos,
    },
}
