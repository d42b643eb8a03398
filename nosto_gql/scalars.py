"""Python types for the custom scalars of Nosto's schema, used by generated code.

``LocalDateTime`` is a date and time *without* a zone (Nosto sends and expects text such as
``2024-05-01T12:30:00``). It maps to a naive `datetime` both ways; an aware datetime is refused,
because silently dropping its zone would shift the time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer


def _naive(value: datetime) -> datetime:
    if value.tzinfo is not None:
        raise ValueError(
            "LocalDateTime has no time zone: pass a naive datetime in the shop's local time "
            "(e.g. value.astimezone(shop_zone).replace(tzinfo=None))"
        )
    return value


LocalDateTime = Annotated[
    datetime,
    AfterValidator(_naive),
    PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json"),
]
