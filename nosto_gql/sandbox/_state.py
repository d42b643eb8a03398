"""What the sandbox remembers: catalog, sessions, orders, statistics and the request log.

Every mutation happens under one re-entrant lock, taken by the server for a whole request, so a
GraphQL document sees and leaves a consistent state.

Two faces, kept apart by name:
- the public inspection API (`products`, `orders`, `product()`, `find_order()` ...) hands out
  copies, so a test reading `sb.state` can never race the server thread or corrupt its data;
- the underscore methods are the sandbox's own: they return and change the live records and are
  called by the resolvers and endpoints with `lock` held.
"""

from __future__ import annotations

import copy
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from ._records import (
    Clock,
    OrderRecord,
    ProductEvent,
    RequestRecord,
    SessionRecord,
    new_customer_id,
    system_clock,
)
from ._state_rest import RestEndpointState

# Enough history to debug a long interactive run without letting the log grow without bound.
REQUEST_LOG_SIZE = 10_000


class SandboxState(RestEndpointState):
    """The sandbox's memory, and the inspection API exposed as ``Sandbox.state``.

    Every public property and method returns a copy (or an immutable value). `reset()` forgets
    everything, which lets one running sandbox serve many isolated tests.
    """

    def __init__(self, clock: Clock = system_clock, *, random_seed: int = 0) -> None:
        super().__init__(clock)
        self.random_seed = random_seed
        self._reset_unlocked()

    def _reset_unlocked(self) -> None:
        self._products: dict[str, dict[str, Any]] = {}
        self._sessions: dict[str, SessionRecord] = {}
        self._session_ids_by_reference: dict[str, str] = {}
        self._orders: dict[str, OrderRecord] = {}
        self._views: list[ProductEvent] = []
        self._buys: list[ProductEvent] = []
        self._identities: dict[str, dict[str, str]] = {}
        self._categories: dict[str, dict[str, Any]] = {}
        self._analytics_events: list[dict[str, Any]] = []
        self._reset_rest_records()
        self._requests: deque[RequestRecord] = deque(maxlen=REQUEST_LOG_SIZE)

    def reset(self) -> None:
        """Forget every product, session, order, statistic and logged request."""
        with self.lock:
            self._reset_unlocked()

    # -- inspection API: copies only ----------------------------------------------------------

    @property
    def products(self) -> dict[str, dict[str, Any]]:
        """The catalog in REST upsert form (as the client sends it), keyed by product id."""
        return self._copy(self._products)

    @property
    def sessions(self) -> dict[str, SessionRecord]:
        """Every session ever created (expired ones included), keyed by Nosto customer id."""
        return self._copy(self._sessions)

    @property
    def orders(self) -> dict[str, OrderRecord]:
        """Placed orders keyed by order number."""
        return self._copy(self._orders)

    @property
    def duplicate_orders(self) -> dict[str, int]:
        """Order numbers that `placeOrder` received more than once, with how many times.

        Empty in a healthy run: a client that resends an order double-counts the sale.
        """
        with self.lock:
            return {n: o.times_placed for n, o in self._orders.items() if o.times_placed > 1}

    @property
    def views(self) -> tuple[ProductEvent, ...]:
        """Product views that count towards statistics (ignored traffic is not here)."""
        with self.lock:
            return tuple(self._views)

    @property
    def buys(self) -> tuple[ProductEvent, ...]:
        """Purchased order lines that count towards statistics."""
        with self.lock:
            return tuple(self._buys)

    @property
    def identities(self) -> dict[str, dict[str, str]]:
        """Identity attributes keyed by e-mail address."""
        return self._copy(self._identities)

    @property
    def categories(self) -> dict[str, dict[str, Any]]:
        """Categories stored by `upsertCategories`, keyed by id."""
        return self._copy(self._categories)

    @property
    def analytics_events(self) -> list[dict[str, Any]]:
        """Events recorded by `recordAnalyticsEvent`, oldest first."""
        return self._copy(self._analytics_events)

    @property
    def requests(self) -> tuple[RequestRecord, ...]:
        """The most recent requests answered, oldest first."""
        with self.lock:
            return tuple(self._requests)

    def product(self, product_id: str) -> dict[str, Any] | None:
        """A copy of one stored product, or None."""
        return self._copy(self._products.get(product_id))

    def all_products(self) -> list[dict[str, Any]]:
        """Copies of every stored product, in insertion order."""
        return self._copy(list(self._products.values()))

    def session(self, session_id: str) -> SessionRecord | None:
        """A copy of one session (expired or not), or None."""
        return self._copy(self._sessions.get(session_id))

    def find_session(self, by: str | None, session_id: str) -> SessionRecord | None:
        """A copy of the live session that ``session_id`` names (``by``: "BY_CID" or "BY_REF"),
        or None when it is unknown or has expired."""
        with self.lock:
            return copy.deepcopy(self._find_session(by, session_id, create=False))

    def find_order(self, identifier: str) -> OrderRecord | None:
        """A copy of the order whose number, or else whose external reference, is ``identifier``."""
        return self._copy(self._find_order(identifier))

    def identity(self, email: str) -> dict[str, str] | None:
        """A copy of the attributes stored for ``email`` (case-insensitive), or None."""
        return self._copy(self._identity(email))

    def view_count(self, product_id: str) -> int:
        """How many counted views a product has."""
        with self.lock:
            return sum(1 for view in self._views if view.product_id == product_id)

    def buy_count(self, product_id: str) -> int:
        """How many counted order lines bought the product."""
        with self.lock:
            return sum(1 for buy in self._buys if buy.product_id == product_id)

    def view_counts(self, since: datetime | None = None) -> Counter[str]:
        """Views per product id, optionally only those at or after ``since``."""
        with self.lock:
            return _count(self._views, since)

    def buy_counts(self, since: datetime | None = None) -> Counter[str]:
        """Buys per product id, optionally only those at or after ``since``."""
        with self.lock:
            return _count(self._buys, since)

    # -- the sandbox's own: live records, called with the lock held ---------------------------

    def _product(self, product_id: str) -> dict[str, Any] | None:
        return self._products.get(product_id)

    def _all_products(self) -> list[dict[str, Any]]:
        return list(self._products.values())

    def _store_product(self, product: dict[str, Any]) -> None:
        """Insert or replace one already validated product."""
        with self.lock:
            self._products[str(product["product_id"])] = product

    def _category(self, category_id: str) -> dict[str, Any] | None:
        return self._categories.get(category_id)

    def _store_category(self, category: dict[str, Any]) -> None:
        with self.lock:
            self._categories[str(category["id"])] = category

    def _redact(self, email: str) -> None:
        """Forget the address's identity and consent, and strip it from sessions and orders."""
        wanted = email.casefold()
        with self.lock:
            self._gdpr_requests.append({"kind": "redact", "email": email})
            self._identities.pop(wanted, None)
            self._consents.pop(wanted, None)
            holders: list[SessionRecord | OrderRecord] = [
                *self._sessions.values(),
                *self._orders.values(),
            ]
            for holder in holders:
                if str(holder.customer.get("email", "")).casefold() == wanted:
                    holder.customer = {}
                    # The shop's customer reference identifies the person too.
                    if isinstance(holder, SessionRecord) and holder.customer_reference:
                        reference = holder.customer_reference
                        # The reference may have moved on to a newer session: leave that one.
                        if self._session_ids_by_reference.get(reference) == holder.id:
                            del self._session_ids_by_reference[reference]
                        holder.customer_reference = None

    def _record_view(self, event: ProductEvent) -> None:
        with self.lock:
            self._views.append(event)

    def _record_buy(self, event: ProductEvent) -> None:
        with self.lock:
            self._buys.append(event)

    def _recent_activity(self) -> list[ProductEvent]:
        """Views and buys, newest first: what the live recommender shows."""
        with self.lock:
            return sorted([*self._views, *self._buys], key=lambda e: e.at, reverse=True)

    def _create_session(
        self, *, referer: str | None = None, customer_reference: str | None = None
    ) -> SessionRecord:
        now = self.now()
        with self.lock:
            session = SessionRecord(
                id=new_customer_id(),
                created_at=now,
                last_activity=now,
                referer=referer,
                customer_reference=customer_reference,
            )
            self._sessions[session.id] = session
            if customer_reference is not None:
                self._session_ids_by_reference[customer_reference] = session.id
            return session

    def _find_session(
        self, by: str | None, session_id: str, *, create: bool
    ) -> SessionRecord | None:
        """The live session that ``session_id`` names, or None when unknown or expired.

        ``by`` is the LookupParams value; None means BY_CID, as Nosto assumes. With ``create``,
        an unknown or lapsed customer reference (BY_REF) starts a fresh session for it, which
        is how merchant-side ids are used: the merchant never calls newSession for them.
        """
        now = self.now()
        with self.lock:
            if by == "BY_REF":
                found_id = self._session_ids_by_reference.get(session_id)
                session = self._sessions.get(found_id) if found_id else None
                if session is not None and not session.expired_at(now):
                    return session
                return self._create_session(customer_reference=session_id) if create else None
            session = self._sessions.get(session_id)
            if session is None or session.expired_at(now):
                return None
            return session

    def _link_customer_reference(self, session: SessionRecord, reference: str) -> None:
        """Make ``reference`` (BY_REF) name ``session`` from now on."""
        with self.lock:
            session.customer_reference = reference
            self._session_ids_by_reference[reference] = session.id

    def _touch(self, session: SessionRecord) -> None:
        """Restart the session's idle timer."""
        session.last_activity = self.now()

    def _sessions_of_email(self, email: str) -> list[SessionRecord]:
        """Sessions whose customer gave ``email``, oldest first."""
        wanted = email.casefold()
        with self.lock:
            return [
                s
                for s in self._sessions.values()
                if str(s.customer.get("email", "")).casefold() == wanted
            ]

    def _find_order(self, identifier: str) -> OrderRecord | None:
        with self.lock:
            order = self._orders.get(identifier)
            if order is not None:
                return order
            return next((o for o in self._orders.values() if o.reference == identifier), None)

    def _store_order(self, order: OrderRecord) -> OrderRecord:
        """Keep ``order``, or, when its number is known already, count one more placing of the
        stored order and return that one (the first placing's details stay)."""
        with self.lock:
            stored = self._orders.get(order.number)
            if stored is None:
                self._orders[order.number] = order
                return order
            stored.times_placed += 1
            return stored

    def _identity(self, email: str) -> dict[str, str] | None:
        return self._identities.get(email.casefold())

    def _upsert_identity(self, email: str, attributes: Mapping[str, str]) -> dict[str, str]:
        with self.lock:
            stored = self._identities.setdefault(email.casefold(), {})
            stored.update(attributes)
            return stored

    def _record_analytics_event(self, event: dict[str, Any]) -> None:
        with self.lock:
            self._analytics_events.append(event)

    def _log_request(self, record: RequestRecord) -> None:
        with self.lock:
            self._requests.append(record)


def _count(events: Iterable[ProductEvent], since: datetime | None) -> Counter[str]:
    return Counter(e.product_id for e in events if since is None or e.at >= since)
