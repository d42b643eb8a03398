"""`client.email` and `client.gdpr` against the sandbox over real TLS: state changes are visible
in `sb.state`, and only the API_EMAIL token opens these endpoints."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from nosto_gql import AuthenticationError, NostoClient, TokenFamily, Tokens
from nosto_gql.apps import (
    InputCustomerInfoEntity,
    InputItem,
    InputOrder,
    InputSessionParams,
)
from nosto_gql.sandbox import Sandbox


def test_blacklist_and_unblacklist(sandbox: Sandbox, client: NostoClient) -> None:
    client.email.blacklist(["A@x.com", "b@y.org", "a@x.com"])
    assert sandbox.state.blacklist == {"a@x.com", "b@y.org"}
    client.email.unblacklist(["b@y.org", "never@listed.com"])
    assert sandbox.state.blacklist == {"a@x.com"}


def test_consent_with_an_encoded_address(sandbox: Sandbox, client: NostoClient) -> None:
    client.email.set_consent("jo+news@x.com", True)
    client.email.set_consent("ann@x.com", True)
    client.email.set_consent("ann@x.com", False)
    assert sandbox.state.consents == {"jo+news@x.com": True, "ann@x.com": False}


def test_takeout_is_recorded_per_call(sandbox: Sandbox, client: NostoClient) -> None:
    client.gdpr.takeout("a@x.com")
    client.gdpr.takeout("a@x.com")
    assert sandbox.state.gdpr_requests == [{"kind": "takeout", "email": "a@x.com"}] * 2


def test_redact_forgets_identity_and_consent(sandbox: Sandbox, client: NostoClient) -> None:
    sandbox.state._upsert_identity("a@x.com", {"first_name": "Ann"})
    sandbox.state._upsert_identity("b@x.com", {"first_name": "Bo"})
    client.email.set_consent("a@x.com", True)
    client.gdpr.redact("A@x.com")
    assert set(sandbox.state.identities) == {"b@x.com"}
    assert sandbox.state.consents == {}
    assert sandbox.state.gdpr_requests == [{"kind": "redact", "email": "A@x.com"}]


def test_inspection_returns_copies(sandbox: Sandbox, client: NostoClient) -> None:
    client.email.set_consent("a@x.com", True)
    client.gdpr.takeout("a@x.com")
    sandbox.state.consents.clear()
    sandbox.state.gdpr_requests.clear()
    assert sandbox.state.consents == {"a@x.com": True}
    assert len(sandbox.state.gdpr_requests) == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.email.blacklist(["a@x.com"]),
        lambda c: c.email.unblacklist(["a@x.com"]),
        lambda c: c.email.set_consent("a@x.com", True),
        lambda c: c.gdpr.takeout("a@x.com"),
        lambda c: c.gdpr.redact("a@x.com"),
    ],
)
def test_another_familys_token_is_refused(
    sandbox: Sandbox, call: Callable[[NostoClient], None]
) -> None:
    wrong = Tokens(email=sandbox.tokens.get(TokenFamily.PRODUCTS))
    client = NostoClient(tokens=wrong, base_url=sandbox.base_url, ca_file=sandbox.ca_file)
    with client, pytest.raises(AuthenticationError, match="API_PRODUCTS token"):
        call(client)
    assert sandbox.state.blacklist == frozenset()
    assert sandbox.state.consents == {}
    assert sandbox.state.gdpr_requests == []


def test_async_client(sandbox: Sandbox) -> None:
    async def run() -> None:
        async with sandbox.async_client() as client:
            await client.email.blacklist(["a@x.com"])
            await client.email.set_consent("a@x.com", False)
            await client.gdpr.redact("a@x.com")

    asyncio.run(run())
    assert sandbox.state.blacklist == {"a@x.com"}
    assert sandbox.state.gdpr_requests == [{"kind": "redact", "email": "a@x.com"}]


def _shopper_who_ordered(client: NostoClient, email: str, first_name: str, order: str) -> str:
    """A session that logged in with ``email`` (updateSession) and placed order ``order`` as
    that customer (placeOrder), both through the typed GraphQL client; its Nosto customer id."""
    session_id = client.apps.new_session().new_session or ""
    customer = InputCustomerInfoEntity(
        email=email,
        first_name=first_name,
        last_name="Shopper",
        customer_reference=f"crm-{first_name.lower()}",
    )
    client.apps.update_session(
        id=session_id, params=InputSessionParams(customer=customer, skip_events=True)
    )
    client.apps.place_order(
        id=session_id,
        order=InputOrder(number=order, purchased_items=[InputItem(product_id="P-1", quantity=1)]),
        customer=customer,
    )
    return session_id


def test_redact_clears_the_address_from_sessions_and_orders(
    sandbox: Sandbox, client: NostoClient
) -> None:
    ann = _shopper_who_ordered(client, "ann@x.com", "Ann", order="A-1")
    bo = _shopper_who_ordered(client, "bo@x.com", "Bo", order="B-1")
    assert sandbox.state.orders["A-1"].customer["email"] == "ann@x.com"  # there to be redacted

    client.gdpr.redact("Ann@X.com")  # addresses match case-insensitively

    sessions, orders = sandbox.state.sessions, sandbox.state.orders
    assert sessions[ann].customer == {} and orders["A-1"].customer == {}
    # The shop's customer reference identified Ann too: it no longer finds her session.
    assert sessions[ann].customer_reference is None
    assert sandbox.state.find_session("BY_REF", "crm-ann") is None
    assert sandbox.state.find_session("BY_REF", "crm-bo") is not None
    assert "ann@x.com" not in repr(sessions).casefold() + repr(orders).casefold()
    details = client.apps.session_details(id=ann).session
    assert details is not None and details.customer is None
    # Only Ann's customer data went: her order itself and Bo's details are untouched.
    assert [item["productId"] for item in orders["A-1"].items] == ["P-1"]
    bo_customer = {
        "email": "bo@x.com",
        "firstName": "Bo",
        "lastName": "Shopper",
        "customerReference": "crm-bo",
    }
    assert sessions[bo].customer == bo_customer and orders["B-1"].customer == bo_customer
