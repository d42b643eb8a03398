"""The base of generated enums: values the client does not know yet are kept, not refused.

Nosto can add an enum value at any time; a deployed client must keep working when one arrives.
Such a value becomes a member created on the fly (its name is the value itself), equal to the
string it came as, and ``member.is_unknown`` is True.
"""

from __future__ import annotations

import enum
from typing import Any


class NostoEnum(str, enum.Enum):
    """A GraphQL enum that tolerates values added to the schema after this client was built."""

    @classmethod
    def _missing_(cls, value: Any) -> NostoEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value the schema this client was generated from does not list."""
        return self._name_ not in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)
