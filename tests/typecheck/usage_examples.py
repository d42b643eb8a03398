"""Typical user code, type-checked by `make check` (mypy --strict), never executed.

If a change makes the generated API awkward to use under a type checker (e.g. input types that
only accept wire names), this file stops type-checking.
"""

from __future__ import annotations

from nosto_gql import AsyncNostoClient, NostoClient
from nosto_gql.apps import (
    InputEvent,
    InputItem,
    InputOrder,
    InputRecommenderParams,
    InputSessionParams,
    InteractionEventType,
    RelationModeEntity,
    ScoringModeType,
)


def best_sellers(client: NostoClient) -> list[str]:
    result = client.apps.toplist(
        hours=168, sort=ScoringModeType.BUYS, params=InputRecommenderParams(max_products=5)
    )
    toplist = result.recos.toplist if result.recos else None
    return [
        p.product_id for p in (toplist.primary if toplist else None) or [] if p and p.product_id
    ]


def visit(client: NostoClient) -> str | None:
    session_id = client.apps.new_session().new_session or ""
    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target="TENT-1")
        ),
    )
    placed = client.apps.place_order(
        id=session_id,
        order=InputOrder(
            number="1001", purchased_items=[InputItem(product_id="TENT-1", quantity=1)]
        ),
    ).place_order
    return placed.id if placed else None


async def product_name(client: AsyncNostoClient) -> str | None:
    product = (await client.apps.product_by_id(id="TENT-1")).product
    return product.name if product else None


def mistakes_the_type_checker_catches(client: NostoClient) -> None:
    # mypy --strict warns about unused ignores, so each line below must really be an error.
    InputRecommenderParams(max_product=5)  # type: ignore[call-arg]
    InputRecommenderParams(maxProducts=5)  # type: ignore[call-arg]
    client.apps.toplist(hours=1, sort=ScoringModeType.BUYS, params=None)  # type: ignore[arg-type]
    client.apps.new_session(referrer="https://x")  # type: ignore[call-arg]
    client.apps.toplist(hours="168", sort=ScoringModeType.BUYS)  # type: ignore[arg-type]


def lists_of_models_fit_nullable_item_lists(client: NostoClient) -> None:
    # list is invariant: these only type-check because inputs are generated as Sequence.
    items: list[InputItem] = [InputItem(product_id="TENT-1", quantity=1)]
    client.apps.place_order(id="cid", order=InputOrder(number="1", purchased_items=items))
    ids: list[str] = ["A", "B"]
    client.apps.related_products(product_ids=ids, relationship=RelationModeEntity.VIEWED_TOGETHER)


def rest_calls_with_plain_data_and_models(client: NostoClient) -> int:
    # Plain dicts and models both fit the REST calls, without casts.
    from datetime import datetime, timezone
    from decimal import Decimal

    from nosto_gql.models import AccountSettings, CurrencyFormat, ExchangeRate, Product
    from nosto_gql.rest import ItemStatus

    catalog: list[dict[str, object]] = [{"product_id": "A"}]
    client.products.upsert(catalog, partial=True, max_items_per_request=100).raise_for_errors()
    streamed = client.products.upsert_stream(
        lambda: iter([Product.model_construct()]), validate_first=True
    )
    client.rates.update({"USD": 1.08, "GBP": "0.85", "SEK": Decimal("11.42")})
    client.rates.update(
        {"EUR": ExchangeRate(rate=0.92, price_currency_code="EUR")},
        valid_until=datetime(2031, 1, 1, tzinfo=timezone.utc),
    )
    fmt = CurrencyFormat(
        currency_before_amount=True, currency_token="$", decimal_character=".", decimal_places=2
    )
    client.settings.update(
        AccountSettings(currencies={"USD": fmt}), currency_format_keys="snake_case"
    )
    client.email.blacklist(("a@example.com",))
    client.gdpr.redact("a@example.com")
    return streamed.count(ItemStatus.ACCEPTED)
