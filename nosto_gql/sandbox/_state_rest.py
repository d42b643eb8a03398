"""What the REST endpoints other than products leave behind: recrawl requests, the e-mail
blacklist, consents, GDPR requests, exchange rates and settings.

A base of `SandboxState` (same lock, same copy-on-read inspection rules); kept apart because
none of it takes part in the GraphQL world of catalog, sessions and orders.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from ._records import Clock, ExchangeRatesRecord

_T = TypeVar("_T")


class LockedState:
    """The clock, the lock and copy-on-read that every part of the sandbox's state shares."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        # Re-entrant because the server holds it for a whole request while resolvers call in.
        self.lock = threading.RLock()

    def now(self) -> datetime:
        """The sandbox's current time (from the injected clock)."""
        return self.clock()

    def _copy(self, value: _T) -> _T:
        with self.lock:
            return copy.deepcopy(value)


class RestEndpointState(LockedState):
    """The REST endpoints' records."""

    def _reset_rest_records(self) -> None:
        self._recrawl_requests: list[dict[str, Any]] = []
        self._blacklist: set[str] = set()
        self._consents: dict[str, bool] = {}
        self._gdpr_requests: list[dict[str, str]] = []
        self._exchange_rates: ExchangeRatesRecord | None = None
        self._settings: dict[str, Any] = {}

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

    def _store_exchange_rates(self, record: ExchangeRatesRecord) -> None:
        # Whether Nosto merges or replaces the stored set is unknown (REST.md 3.11); replacing
        # is what "send the current rates whenever they change" implies.
        with self.lock:
            self._exchange_rates = record

    def _update_settings(self, changes: Mapping[str, Any]) -> None:
        # A key left out keeps its value (REST.md 3.12: the Magento plugin relies on it).
        with self.lock:
            self._settings.update(copy.deepcopy(dict(changes)))
