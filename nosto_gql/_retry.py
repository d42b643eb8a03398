"""When to try a request again, decided in one place for the sync and the async transport."""

from __future__ import annotations

import email.utils
import random
import ssl
import time
from dataclasses import dataclass

import httpx

# Statuses that say "not processed, try later". Retried only for idempotent requests: a 502 or
# 504 can arrive after the server has already acted.
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

# Raised before a single byte reached the server, so a retry cannot duplicate anything.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, honouring Retry-After up to ``max_delay``."""

    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0

    def should_retry_error(self, error: Exception, *, attempt: int, idempotent: bool) -> bool:
        """Retry a transport error if the request surely was not sent, or sending twice is safe.

        A certificate that fails verification fails the same way next time: never retried.
        """
        if attempt >= self.max_retries or not isinstance(error, httpx.TransportError):
            return False
        if _is_certificate_failure(error):
            return False
        return idempotent or isinstance(error, _NOT_SENT_ERRORS)

    def should_retry_status(self, status_code: int, *, attempt: int, idempotent: bool) -> bool:
        """Retry a throttling/unavailable status, only when sending twice is safe."""
        return attempt < self.max_retries and idempotent and status_code in RETRYABLE_STATUSES

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt + 1`` (full jitter)."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return random.uniform(0, ceiling)

    def delay_after(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait after a retryable status; None means "do not retry".

        A Retry-After longer than ``max_delay`` is not shortened: retrying before the server
        asked would be refused again, so the error goes to the caller instead.
        """
        retry_after = retry_after_seconds(response)
        if retry_after is None:
            return self.backoff(attempt)
        return retry_after if retry_after <= self.max_delay else None


def _is_certificate_failure(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(
            seen
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds (delta or HTTP date), or None when absent/unreadable."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
