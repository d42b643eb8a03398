"""ISO-8601 date-times as Nosto reads them, parsed the same way on every supported Python.

`datetime.fromisoformat` accepts more on Python 3.11 than on 3.10 (``10:17:30.5``, a ``Z``, the
basic format ...), which would make what the client accepts (``valid_until``) and what the sandbox
answers depend on the Python running them. The
accepted forms are spelled out here instead, following Java's ``ISO_LOCAL_DATE_TIME`` (which
graphql-java's LocalDateTime uses): ``YYYY-MM-DDTHH:MM[:SS[.fraction]]``, a fraction of 1 to 9
digits, ``T`` in either case.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(?P<zone>[Zz]|[+-]\d{2}:\d{2})?"
)
_EXAMPLE = "2011-12-03T10:17:30"


class InvalidTimestamp(ValueError):
    """Text that is not an ISO-8601 date-time of the accepted form; the message says why."""


def _zone(text: str) -> timezone:
    if text in ("Z", "z"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def parse_date_time(text: str, *, zone_allowed: bool = True) -> datetime:
    """``YYYY-MM-DDTHH:MM[:SS[.fraction]]`` with an optional zone, ``Z`` or ``+HH:MM``.

    The result is time-zone aware exactly when the text carries a zone. Digits beyond
    microseconds are dropped.
    """
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        examples = f"{_EXAMPLE} or {_EXAMPLE}.250+02:00" if zone_allowed else _EXAMPLE
        raise InvalidTimestamp(
            f"{text!r} is not an ISO-8601 date and time; expected e.g. {examples}"
        )
    year, month, day, hour, minute, second, fraction = match.groups()[:7]
    try:
        zone = _zone(match["zone"]) if match["zone"] else None
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=zone,
        )
    except ValueError as problem:
        raise InvalidTimestamp(f"{text!r} is not a valid date and time: {problem}") from None


def parse_local_date_time(text: str) -> datetime:
    """A LocalDateTime: `parse_date_time` without a zone. A zone is refused, naming the fix."""
    parsed = parse_date_time(text, zone_allowed=False)
    if parsed.tzinfo is not None:
        raise InvalidTimestamp(
            f"{text!r} carries a time zone, which a LocalDateTime cannot; "
            f"send the local time without it, e.g. {_EXAMPLE}"
        )
    return parsed
