"""API_EMAIL: the triggered-e-mail blacklist, marketing consent (``client.email``) and GDPR
takeout/redact requests (``client.gdpr``), REST.md 3.6-3.10."""

from __future__ import annotations

from collections.abc import Iterable

from .. import _facts
from .._exceptions import InvalidInputError
from .._facts import (
    EMAIL_BLACKLIST_ADD,
    EMAIL_BLACKLIST_ADD_OP,
    EMAIL_BLACKLIST_OP_PARAM,
    EMAIL_BLACKLIST_REMOVE,
    EMAIL_BLACKLIST_REMOVE_OP,
    EMAIL_CONSENT,
    GDPR_REDACT,
    GDPR_TAKEOUT,
    Endpoint,
    email_path_segment,
)
from .._json import NOT_UTF8, is_utf8
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models.validation import check_container
from ._bulk import Encoded, plan_batches


def email_problem(email: object) -> str | None:
    """Why ``email`` is not an address Nosto takes, or None when it is (the sandbox applies
    the same rule)."""
    if not isinstance(email, str):
        return f"expected a string, got {type(email).__name__}"
    if any(c.isspace() for c in email):
        return "contains whitespace or a line break"
    if not is_utf8(email):
        return NOT_UTF8
    if email.count("@") != 1 or email.startswith("@") or email.endswith("@"):
        return "expected one @ between a local part and a domain"
    return None


def _checked(email: object, where: str = "email") -> str:
    problem = email_problem(email)
    if problem is None and isinstance(email, str):
        return email
    problem = problem or "invalid"
    raise InvalidInputError(f"invalid e-mail address: {where}: {problem}", [(where, problem)])


def _blacklist_requests(emails: Iterable[str], op: str, endpoint: Endpoint) -> list[RequestSpec]:
    """The requests for a blacklist change, each body under the payload cap; none for no
    addresses."""
    check_container(emails, "e-mail addresses")
    problems: list[tuple[str, str]] = []
    unique: dict[str, None] = {}
    count = 0
    for index, email in enumerate(emails):
        count += 1
        problem = email_problem(email)
        if problem is not None:
            problems.append((f"emails[{index}]", problem))
        else:
            unique.setdefault(email, None)
    if problems:
        raise InvalidInputError(
            f"{len(problems)} of {count} e-mail addresses are invalid", problems
        )
    return [
        RequestSpec.to(
            endpoint,
            content=body,
            content_type="text/plain; charset=utf-8",
            params={EMAIL_BLACKLIST_OP_PARAM: op},
        )
        for body in _bodies_under_cap(unique)
    ]


def _bodies_under_cap(emails: Iterable[str]) -> list[bytes]:
    """One address a line, split so that no body passes the cap (read when called)."""
    lines = (Encoded(email, email.encode()) for email in emails)
    batches = plan_batches(
        lines, max_bytes=_facts.MAX_PAYLOAD_BYTES, prefix=b"", suffix=b"", separator=b"\n"
    )
    return [batch.body for batch in batches]


def _email_path(endpoint: Endpoint, email: str, **segments: str) -> str:
    return endpoint.path.format(email=email_path_segment(_checked(email)), **segments)


def _email_request(endpoint: Endpoint, email: str) -> RequestSpec:
    return RequestSpec.to(endpoint, path=_email_path(endpoint, email))


def _consent_request(email: str, granted: bool) -> RequestSpec:
    if not isinstance(granted, bool):
        raise InvalidInputError("granted must be True or False", [("granted", "expected a bool")])
    path = _email_path(EMAIL_CONSENT, email, state="true" if granted else "false")
    # The SDK sends an empty body typed application/json (REST.md 3.8).
    return RequestSpec.to(EMAIL_CONSENT, path=path, content=b"", content_type="application/json")


class EmailAPI:
    """API_EMAIL blacklist and consent over the synchronous transport."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def blacklist(self, emails: Iterable[str]) -> None:
        """Stop Nosto's triggered e-mails (abandoned cart, order follow-up...) to these addresses.

        Every address is checked first (one ``@``, no whitespace; `InvalidInputError` names
        ``emails[i]``, nothing is sent); repeats are sent once; no addresses, no request. A list
        too long for one request under Nosto's 2 MB cap goes in several; if one fails, the ones
        before it were applied, and repeating the whole call is harmless.
        """
        for spec in _blacklist_requests(emails, EMAIL_BLACKLIST_ADD_OP, EMAIL_BLACKLIST_ADD):
            self._transport.send(spec)

    def unblacklist(self, emails: Iterable[str]) -> None:
        """Allow triggered e-mails to these addresses again; checked like `blacklist`."""
        for spec in _blacklist_requests(emails, EMAIL_BLACKLIST_REMOVE_OP, EMAIL_BLACKLIST_REMOVE):
            self._transport.send(spec)

    def set_consent(self, email: str, granted: bool) -> None:
        """Grant (True) or revoke (False) the address's marketing permission."""
        self._transport.send(_consent_request(email, granted))


class AsyncEmailAPI:
    """API_EMAIL blacklist and consent over the asynchronous transport; see `EmailAPI`."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def blacklist(self, emails: Iterable[str]) -> None:
        """Stop triggered e-mails to these addresses; see `EmailAPI.blacklist`."""
        for spec in _blacklist_requests(emails, EMAIL_BLACKLIST_ADD_OP, EMAIL_BLACKLIST_ADD):
            await self._transport.send(spec)

    async def unblacklist(self, emails: Iterable[str]) -> None:
        """Allow triggered e-mails again; see `EmailAPI.unblacklist`."""
        for spec in _blacklist_requests(emails, EMAIL_BLACKLIST_REMOVE_OP, EMAIL_BLACKLIST_REMOVE):
            await self._transport.send(spec)

    async def set_consent(self, email: str, granted: bool) -> None:
        """Grant or revoke marketing permission; see `EmailAPI.set_consent`."""
        await self._transport.send(_consent_request(email, granted))


class GdprAPI:
    """GDPR requests (API_EMAIL) over the synchronous transport. Both are asynchronous at Nosto:
    they enqueue work that finishes within 24 hours."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def takeout(self, email: str) -> None:
        """Ask for an export of the address's personal data. Each call starts another export,
        so a request that may have reached Nosto is never resent."""
        self._transport.send(_email_request(GDPR_TAKEOUT, email))

    def redact(self, email: str) -> None:
        """Ask Nosto to erase the address's personal data (retried: erasing twice is harmless)."""
        self._transport.send(_email_request(GDPR_REDACT, email))


class AsyncGdprAPI:
    """GDPR requests over the asynchronous transport; see `GdprAPI`."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def takeout(self, email: str) -> None:
        """Ask for a data export (never resent); see `GdprAPI.takeout`."""
        await self._transport.send(_email_request(GDPR_TAKEOUT, email))

    async def redact(self, email: str) -> None:
        """Ask Nosto to erase the address's personal data; see `GdprAPI.redact`."""
        await self._transport.send(_email_request(GDPR_REDACT, email))
