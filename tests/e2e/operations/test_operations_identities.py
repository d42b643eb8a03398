"""Identities: upsertIdentity, identity look-up and the identity's history recommendations."""

from __future__ import annotations

import pytest

from nosto_gql import GraphQLResponseError, NostoClient
from nosto_gql.apps import (
    InputCustomerInfoEntity,
    InputEvent,
    InputIdentityAttribute,
    InputSessionParams,
    InteractionEventType,
)
from nosto_gql.sandbox import Sandbox


def attributes(identity: object) -> dict[str, str | None]:
    return {
        a.name: a.value
        for a in getattr(identity, "attributes", None) or []
        if a is not None and a.name is not None
    }


def test_upsert_identity_then_look_it_up(client: NostoClient, sandbox: Sandbox) -> None:
    created = client.apps.upsert_identity(
        email="ada@example.com",
        attributes=[
            InputIdentityAttribute(name="loyalty-tier", value="Gold"),
            InputIdentityAttribute(name="newsletter", value="weekly"),
        ],
    ).upsert_identity
    assert created and created.email == "ada@example.com"
    assert attributes(created) == {"loyalty-tier": "Gold", "newsletter": "weekly"}

    # Same-named attributes are overwritten, others kept.
    updated = client.apps.upsert_identity(
        email="ada@example.com",
        attributes=[InputIdentityAttribute(name="loyalty-tier", value="Platinum")],
    ).upsert_identity
    assert attributes(updated) == {"loyalty-tier": "Platinum", "newsletter": "weekly"}

    found = client.apps.identity_by_email(email="ada@example.com").identity
    assert found and found.email == "ada@example.com"
    assert attributes(found) == {"loyalty-tier": "Platinum", "newsletter": "weekly"}
    assert sandbox.state.identity("ada@example.com") == attributes(found)


def test_unknown_identity_and_invalid_email_are_errors(client: NostoClient) -> None:
    with pytest.raises(GraphQLResponseError) as unknown:
        client.apps.identity_by_email(email="nobody@example.com")
    assert unknown.value.errors[0].path == ("identity",)
    with pytest.raises(GraphQLResponseError) as invalid:
        client.apps.upsert_identity(email="not-an-email")
    assert invalid.value.errors[0].path == ("upsertIdentity",)


def test_identity_recommendations_come_from_its_sessions_history(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.upsert_identity(email="grace@example.com")
    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            customer=InputCustomerInfoEntity(email="grace@example.com"),
            event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target="GEN-0004"),
        ),
    )
    client.apps.product_page_recommendations(id=session_id, product_id="GEN-0010")
    result = client.apps.identity_recommendations(email="grace@example.com").identity
    assert result and result.email == "grace@example.com"
    assert result.recos and result.recos.history
    viewed = [p.product_id for p in result.recos.history.primary or [] if p]
    assert viewed == ["GEN-0010", "GEN-0004"]
