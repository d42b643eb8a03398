"""API tokens, one per family, kept out of every repr, str and log line."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from ._exceptions import ConfigurationError, MissingTokenError
from ._facts import TokenFamily


@dataclass(frozen=True)
class Tokens:
    """The API tokens of one Nosto account. Give only those you have; each is optional.

    ``repr()`` shows which families are configured, never the secrets.
    """

    apps: str | None = field(default=None, repr=False)
    products: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)
    rates: str | None = field(default=None, repr=False)
    settings: str | None = field(default=None, repr=False)
    omnichannel: str | None = field(default=None, repr=False)
    rec: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and not isinstance(value, str):
                raise ConfigurationError(
                    f"Tokens.{f.name} must be a str (the token as Nosto shows it), "
                    f"got {type(value).__name__}"
                )
            if value is not None and value.strip() != value:
                # A trailing newline from `cat token.txt` makes a valid token look invalid.
                object.__setattr__(self, f.name, value.strip())
            if getattr(self, f.name) == "":
                object.__setattr__(self, f.name, None)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Tokens:
        """Read every ``NOSTO_API_<FAMILY>_TOKEN`` variable that is set."""
        env = os.environ if environ is None else environ
        return cls(**{family.value: env.get(family.env_var) for family in TokenFamily})

    def get(self, family: TokenFamily) -> str | None:
        """The token for ``family``, or None when it was not given."""
        value: str | None = getattr(self, family.value)
        return value

    def require(self, family: TokenFamily) -> str:
        """The token for ``family``; raises `MissingTokenError` naming the env var when absent."""
        token = self.get(family)
        if token is None:
            raise MissingTokenError(family)
        if not (token.isascii() and token.isprintable()):
            # Checked here, not when the tokens are read, so a broken token of a family this
            # program never uses cannot stop it. In a header it could only fail later.
            raise ConfigurationError(
                f"the {family.token_name} token holds characters a token never has (a line "
                "break, a control or non-ASCII character); copy it again from Nosto's admin"
            )
        return token

    @property
    def families(self) -> frozenset[TokenFamily]:
        """The families that have a token."""
        return frozenset(f for f in TokenFamily if self.get(f) is not None)

    def __repr__(self) -> str:
        configured = ", ".join(sorted(f.value for f in self.families)) or "none"
        return f"Tokens(<configured: {configured}>)"

    __str__ = __repr__
