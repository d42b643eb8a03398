"""The sandbox's record types and clocks: what one session, order, event or request looks like.

`SandboxState` (in `_state`) stores these; the inspection API hands out copies of them.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from .._facts import SESSION_TTL

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current time, in UTC."""
    return datetime.now(timezone.utc)


class ManualClock:
    """A clock that moves only when told to: pass it as ``Sandbox(clock=...)`` to test expiry.

    ``clock.advance(minutes=31)`` makes every session that has been idle since then lapse.
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.utcoffset() is None:
            # Nosto's times are instants; a naive start could not be compared with them.
            raise ValueError(
                "ManualClock needs a timezone-aware start, e.g. "
                "datetime(2024, 1, 1, tzinfo=timezone.utc)"
            )
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
    """An order placed through `placeOrder`, with its status history.

    ``times_placed`` counts every `placeOrder` call that carried this order number; more than 1
    means the order was sent again (the first call's details are the ones kept).
    """

    number: str
    session_id: str
    placed_at: datetime
    reference: str | None = None
    customer: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    times_placed: int = 1


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


def new_customer_id() -> str:
    """A fresh Nosto customer id: 24 lower-case hex digits, like Nosto's 2c.cId values."""
    return secrets.token_hex(12)


@dataclass
class ExchangeRatesRecord:
    """The rates last received through ``POST /exchangerates``, keyed by their name as sent."""

    rates: dict[str, dict[str, Any]]
    valid_until: datetime | None
    received_at: datetime

    def active_at(self, moment: datetime) -> bool:
        """Whether Nosto would still apply these rates at ``moment`` (not yet expired)."""
        return self.valid_until is None or moment < self.valid_until
