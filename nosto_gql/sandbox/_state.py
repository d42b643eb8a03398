"""What the sandbox remembers: catalog, sessions, orders, statistics and the request log.

Every mutation happens under one re-entrant lock, taken by the server for a whole request, so a
GraphQL document sees and leaves a consistent state. Everything the inspection API hands out is
a copy: a test reading `sb.state` can never race the server thread or corrupt its data.
"""

from __future__ import annotations

import copy
import secrets
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from .._facts import SESSION_TTL

Clock = Callable[[], datetime]
_T = TypeVar("_T")

# Enough history to debug a long interactive run without letting the log grow without bound.
REQUEST_LOG_SIZE = 10_000


def system_clock() -> datetime:
    """The current time, in UTC."""
    return datetime.now(timezone.utc)


class ManualClock:
    """A clock that moves only when told to: pass it as ``Sandbox(clock=...)`` to test expiry.

    ``clock.advance(minutes=31)`` makes every session that has been idle since then lapse.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2024, 1, 1, tzinfo=timezone.utc)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        """Move forward by ``delta`` and/or ``timedelta(**parts)``; returns the new time."""
        step = (delta or timedelta()) + timedelta(**parts)
        if step < timedelta():
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._now += step
            return self._now


@dataclass(frozen=True)
class ProductEvent:
    """A recorded product view or buy, the raw material of toplists and live recommenders."""

    product_id: str
    session_id: str | None
    at: datetime
    # The resultId the visitor came from (event `ref`): what attribution is computed from.
    ref: str | None = None
    order_number: str | None = None
    quantity: int = 1


@dataclass(frozen=True)
class SessionEvent:
    """One interaction reported on a session through `updateSession`."""

    type: str
    target: str | None
    at: datetime
    target_fragment: str | None = None
    ref: str | None = None
    ref_type: str | None = None


@dataclass
class SessionRecord:
    """A visitor session as Nosto keeps it (keyed by the Nosto customer id)."""

    id: str
    created_at: datetime
    last_activity: datetime
    customer_reference: str | None = None
    referer: str | None = None
    cart: list[dict[str, Any]] = field(default_factory=list)
    customer: dict[str, Any] = field(default_factory=dict)
    events: list[SessionEvent] = field(default_factory=list)
    # Product ids in viewing order, oldest first; repeats kept so the history is the real one.
    viewed_product_ids: list[str] = field(default_factory=list)
    order_numbers: list[str] = field(default_factory=list)
    do_not_track: bool = False

    def expired_at(self, now: datetime) -> bool:
        """True once the session has been idle longer than Nosto keeps sessions."""
        return now - self.last_activity > SESSION_TTL


@dataclass
class OrderRecord:
    """An order placed through `placeOrder`, with its status history."""

    number: str
    session_id: str
    placed_at: datetime
    reference: str | None = None
    customer: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class RequestRecord:
    """One request the sandbox answered. Holds no credentials, only what helps debugging."""

    request_id: str
    method: str
    path: str
    status: int
    at: datetime
    token_family: str | None = None
    ignored_traffic: bool = False
    user_agent: str | None = None
    operation_name: str | None = None


def _new_customer_id() -> str:
    # Nosto's 2c.cId values are 24 lower-case hex digits.
    return secrets.token_hex(12)


class SandboxState:
    """The sandbox's memory, and the inspection API exposed as ``Sandbox.state``.

    Read-only properties (`products`, `sessions`, `orders`, `views`, `buys`, `requests`...)
    return copies. `reset()` forgets everything, which lets one running sandbox serve many
    isolated tests.
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
        self._requests: deque[RequestRecord] = deque(maxlen=REQUEST_LOG_SIZE)

    def reset(self) -> None:
        """Forget every product, session, order, statistic and logged request."""
        with self.lock:
            self._reset_unlocked()

    def now(self) -> datetime:
        """The sandbox's current time (from the injected clock)."""
        return self.clock()

    # -- inspection API -----------------------------------------------------------------------

    def _copy(self, value: _T) -> _T:
        with self.lock:
            return copy.deepcopy(value)

    @property
    def products(self) -> dict[str, dict[str, Any]]:
        """The catalog in REST upsert form, keyed by product id."""
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
    def requests(self) -> tuple[RequestRecord, ...]:
        """The most recent requests answered, oldest first."""
        with self.lock:
            return tuple(self._requests)

    def view_count(self, product_id: str) -> int:
        """How many counted views a product has."""
        with self.lock:
            return sum(1 for view in self._views if view.product_id == product_id)

    def buy_count(self, product_id: str) -> int:
        """How many counted order lines bought the product."""
        with self.lock:
            return sum(1 for buy in self._buys if buy.product_id == product_id)

    def session(self, session_id: str) -> SessionRecord | None:
        """A copy of one session, or None."""
        with self.lock:
            return copy.deepcopy(self._sessions.get(session_id))

    # -- catalog ------------------------------------------------------------------------------

    def product(self, product_id: str) -> dict[str, Any] | None:
        """The stored product (not a copy: callers hold the lock and must not mutate it)."""
        return self._products.get(product_id)

    def all_products(self) -> list[dict[str, Any]]:
        """Every stored product in insertion order (not copies)."""
        return list(self._products.values())

    def store_products(self, products: Iterable[dict[str, Any]]) -> None:
        """Insert or replace already validated products."""
        with self.lock:
            for product in products:
                self._products[str(product["product_id"])] = product

    def store_category(self, category: dict[str, Any]) -> None:
        with self.lock:
            self._categories[str(category["id"])] = category

    def record_recrawl(self, items: Iterable[dict[str, Any]]) -> None:
        with self.lock:
            self._recrawl_requests.extend(items)

    # -- statistics ---------------------------------------------------------------------------

    def record_view(self, event: ProductEvent) -> None:
        with self.lock:
            self._views.append(event)

    def record_buy(self, event: ProductEvent) -> None:
        with self.lock:
            self._buys.append(event)

    def view_counts(self, since: datetime | None = None) -> Counter[str]:
        """Views per product id, optionally only those at or after ``since``."""
        with self.lock:
            return _count(self._views, since)

    def buy_counts(self, since: datetime | None = None) -> Counter[str]:
        """Buys per product id, optionally only those at or after ``since``."""
        with self.lock:
            return _count(self._buys, since)

    def recent_activity(self) -> list[ProductEvent]:
        """Views and buys, newest first: what the live recommender shows."""
        with self.lock:
            return sorted([*self._views, *self._buys], key=lambda e: e.at, reverse=True)

    # -- sessions -----------------------------------------------------------------------------

    def create_session(
        self, *, referer: str | None = None, customer_reference: str | None = None
    ) -> SessionRecord:
        now = self.now()
        with self.lock:
            session = SessionRecord(
                id=_new_customer_id(),
                created_at=now,
                last_activity=now,
                referer=referer,
                customer_reference=customer_reference,
            )
            self._sessions[session.id] = session
            if customer_reference is not None:
                self._session_ids_by_reference[customer_reference] = session.id
            return session

    def find_session(
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
                return self.create_session(customer_reference=session_id) if create else None
            session = self._sessions.get(session_id)
            if session is None or session.expired_at(now):
                return None
            return session

    def link_customer_reference(self, session: SessionRecord, reference: str) -> None:
        """Make ``reference`` (BY_REF) name ``session`` from now on."""
        with self.lock:
            session.customer_reference = reference
            self._session_ids_by_reference[reference] = session.id

    def touch(self, session: SessionRecord) -> None:
        """Restart the session's idle timer."""
        session.last_activity = self.now()

    # -- orders and identities ----------------------------------------------------------------

    def find_order(self, identifier: str) -> OrderRecord | None:
        """The order whose number, or else whose external reference, is ``identifier``."""
        with self.lock:
            order = self._orders.get(identifier)
            if order is not None:
                return order
            return next((o for o in self._orders.values() if o.reference == identifier), None)

    def store_order(self, order: OrderRecord) -> None:
        with self.lock:
            self._orders[order.number] = order

    def identity(self, email: str) -> dict[str, str] | None:
        return self._identities.get(email.casefold())

    def upsert_identity(self, email: str, attributes: Mapping[str, str]) -> dict[str, str]:
        with self.lock:
            stored = self._identities.setdefault(email.casefold(), {})
            stored.update(attributes)
            return stored

    def sessions_of_email(self, email: str) -> list[SessionRecord]:
        """Sessions whose customer gave ``email``, oldest first."""
        wanted = email.casefold()
        with self.lock:
            return [
                s
                for s in self._sessions.values()
                if str(s.customer.get("email", "")).casefold() == wanted
            ]

    def record_analytics_event(self, event: dict[str, Any]) -> None:
        with self.lock:
            self._analytics_events.append(event)

    # -- request log --------------------------------------------------------------------------

    def log_request(self, record: RequestRecord) -> None:
        with self.lock:
            self._requests.append(record)


def _count(events: Iterable[ProductEvent], since: datetime | None) -> Counter[str]:
    return Counter(e.product_id for e in events if since is None or e.at >= since)
