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
import threading
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from ._records import (
    Clock,
    ExchangeRatesRecord,
    OrderRecord,
    ProductEvent,
    RequestRecord,
    SessionRecord,
    new_customer_id,
    system_clock,
)

_T = TypeVar("_T")

# Enough history to debug a long interactive run without letting the log grow without bound.
REQUEST_LOG_SIZE = 10_000


class SandboxState:
    """The sandbox's memory, and the inspection API exposed as ``Sandbox.state``.

    Every public property and method returns a copy (or an immutable value). `reset()` forgets
    everything, which lets one running sandbox serve many isolated tests.
    """

    def __init__(self, clock: Clock = system_clock, *, random_seed: int = 0) -> None:
        self.clock = clock
        self.random_seed = random_seed
        # Re-entrant because the server holds it for a whole request while resolvers call in.
        self.lock = threading.RLock()
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
        self._recrawl_requests: list[dict[str, Any]] = []
        self._blacklist: set[str] = set()
        self._consents: dict[str, bool] = {}
        self._gdpr_requests: list[dict[str, str]] = []
        self._exchange_rates: ExchangeRatesRecord | None = None
        self._settings: dict[str, Any] = {}
        self._requests: deque[RequestRecord] = deque(maxlen=REQUEST_LOG_SIZE)

    def reset(self) -> None:
        """Forget every product, session, order, statistic and logged request."""
        with self.lock:
            self._reset_unlocked()

    def now(self) -> datetime:
        """The sandbox's current time (from the injected clock)."""
        return self.clock()

    # -- inspection API: copies only ----------------------------------------------------------

    def _copy(self, value: _T) -> _T:
        with self.lock:
            return copy.deepcopy(value)

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
    def recrawl_requests(self) -> list[dict[str, Any]]:
        """Items asked to be recrawled through `/products/recrawl`, oldest first."""
        return self._copy(self._recrawl_requests)

    @property
    def blacklist(self) -> frozenset[str]:
        """Addresses on the triggered-e-mail blacklist (case-folded)."""
        with self.lock:
            return frozenset(self._blacklist)

    @property
    def consents(self) -> dict[str, bool]:
        """Marketing permission set through the consent endpoint, by case-folded address."""
        return self._copy(self._consents)

    @property
    def gdpr_requests(self) -> list[dict[str, str]]:
        """GDPR requests received, oldest first: ``{"kind": "takeout"|"redact", "email": ...}``."""
        return self._copy(self._gdpr_requests)

    @property
    def exchange_rates(self) -> ExchangeRatesRecord | None:
        """The rates last sent to ``/exchangerates`` with their expiry, or None."""
        return self._copy(self._exchange_rates)

    @property
    def active_exchange_rates(self) -> dict[str, float]:
        """Rate per target currency code that applies now; empty once ``valid_until`` passed."""
        with self.lock:
            record = self._exchange_rates
            if record is None or not record.active_at(self.now()):
                return {}
            return {r["price_currency_code"]: r["rate"] for r in record.rates.values()}

    @property
    def settings(self) -> dict[str, Any]:
        """Account settings as sent to ``PUT /settings``, later keys overriding earlier ones."""
        return self._copy(self._settings)

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

    def _record_recrawl(self, items: Iterable[dict[str, Any]]) -> None:
        with self.lock:
            self._recrawl_requests.extend(items)

    def _change_blacklist(self, emails: Iterable[str], *, add: bool) -> None:
        with self.lock:
            for email in emails:
                if add:
                    self._blacklist.add(email.casefold())
                else:
                    self._blacklist.discard(email.casefold())

    def _set_consent(self, email: str, granted: bool) -> None:
        with self.lock:
            self._consents[email.casefold()] = granted

    def _record_takeout(self, email: str) -> None:
        with self.lock:
            self._gdpr_requests.append({"kind": "takeout", "email": email})

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
                        self._session_ids_by_reference.pop(holder.customer_reference, None)
                        holder.customer_reference = None

    def _store_exchange_rates(self, record: ExchangeRatesRecord) -> None:
        # Whether Nosto merges or replaces the stored set is unknown (REST.md 3.11); replacing
        # is what "send the current rates whenever they change" implies.
        with self.lock:
            self._exchange_rates = record

    def _update_settings(self, changes: Mapping[str, Any]) -> None:
        # A key left out keeps its value (REST.md 3.12: the Magento plugin relies on it).
        with self.lock:
            self._settings.update(copy.deepcopy(dict(changes)))

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
