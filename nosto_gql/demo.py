"""``make demo`` / ``nosto-gql demo``: the whole product against the embedded sandbox.

Starts the HTTPS sandbox, configures the account (settings, exchange rates) and uploads a catalog
through the REST adapter, walks a shopper's visit through the typed GraphQL operations, then
discontinues a product, checking every answer. Exit code 0 only when every step returned what it
should.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Protocol

from . import NostoClient
from ._demo_catalog import generated_products, sample_products
from .apps import (
    InputEvent,
    InputItem,
    InputOrder,
    InputPageParams,
    InputProductSort,
    InputRecommenderParams,
    InputSessionParams,
    InteractionEventType,
    ProductSortField,
    RelationModeEntity,
    ScoringModeType,
)

if TYPE_CHECKING:
    from .sandbox import SandboxState

FEATURED = "TENT-2P-100"  # from Nosto's full sample payload

# The demo shop sells in EUR and shows prices in USD and GBP too.
_EUR_FORMAT = {
    "currency_before_amount": False,
    "currency_token": "€",
    "decimal_character": ",",
    "grouping_separator": ".",
    "decimal_places": 2,
}
_SETTINGS: dict[str, Any] = {
    "title": "Trailhead Outdoor (demo)",
    "language_code": "en",
    "front_page_url": "https://shop.example.com/",
    "currency_code": "EUR",
    "use_exchange_rates": True,
    "currencies": {
        "EUR": _EUR_FORMAT,
        "USD": {**_EUR_FORMAT, "currency_before_amount": True, "currency_token": "$",
                "decimal_character": ".", "grouping_separator": ","},
        "GBP": {**_EUR_FORMAT, "currency_before_amount": True, "currency_token": "£",
                "decimal_character": ".", "grouping_separator": ","},
    },
}  # fmt: skip
_RATES = {"USD": 1.08, "GBP": 0.85}


class DemoCheckFailed(Exception):
    """A step's answer was not what the sandbox should have returned."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoCheckFailed(message)


class _Product(Protocol):
    product_id: str | None
    name: str | None
    price_text: str | None


def _product_line(product: Any) -> str:
    summary: _Product = product
    return f"{summary.product_id:<14} {summary.name or '?':<40} {summary.price_text or ''}"


def _ids(products: Sequence[Any] | None) -> list[str]:
    return [p.product_id for p in products or [] if p is not None and p.product_id]


@dataclass
class Demo:
    client: NostoClient
    catalog: list[dict[str, Any]]
    # What the sandbox stored, for the REST calls whose answers carry no data.
    sandbox_state: SandboxState | None = None
    lines: list[str] = field(default_factory=list)
    session_id: str = ""

    def say(self, text: str) -> None:
        self.lines.append(f"      {text}")

    # -- steps, in the order a shop would run them ------------------------------------------

    def update_settings(self) -> str:
        self.client.settings.update(_SETTINGS)
        if self.sandbox_state is not None:
            stored = self.sandbox_state.settings.get("currencies", {})
            expect(set(stored) == {"EUR", "USD", "GBP"}, f"formats not stored: {stored}")
        return "account settings: EUR primary, price formats for EUR, USD, GBP"

    def update_rates(self) -> str:
        until = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=1)
        self.client.rates.update(_RATES, valid_until=until)
        if self.sandbox_state is not None:
            active = self.sandbox_state.active_exchange_rates
            expect(active == _RATES, f"rates not applied: {active}")
        self.say(", ".join(f"1 EUR = {rate} {code}" for code, rate in _RATES.items()))
        return f"exchange rates valid until {until:%Y-%m-%d %H:%M}Z"

    def upsert_catalog(self) -> str:
        result = self.client.products.upsert(self.catalog)
        expect(result.ok, f"upsert not fully accepted: {result.rejected or result.failed}")
        return f"{len(result.accepted)} products upserted in {result.requests_sent} request(s)"

    def product_by_id(self) -> str:
        product = self.client.apps.product_by_id(id=FEATURED).product
        expect(product is not None and product.name is not None, "product missing")
        assert product is not None
        expect(product.price == 189.0, f"expected price 189.0, got {product.price}")
        self.say(_product_line(product))
        self.say(f"categories: {', '.join(c or '' for c in product.categories or [])}")
        return f"product {FEATURED} read back with typed fields"

    def list_products(self) -> str:
        page = self.client.apps.list_products(
            limit=5, offset=0, sort=InputProductSort(field=ProductSortField.PRICE, reverse=True)
        ).products
        products = [p for p in (page.products if page else None) or [] if p is not None]
        prices = [p.price or 0.0 for p in products]
        expect(len(products) == 5, f"expected a page of 5, got {len(products)}")
        expect(prices == sorted(prices, reverse=True), f"not sorted by price: {prices}")
        for product in products:
            self.say(_product_line(product))
        return "catalog listing, most expensive first"

    def new_session(self) -> str:
        session_id = self.client.apps.new_session(referer="https://www.example.com/").new_session
        expect(bool(session_id), "newSession returned no id")
        self.session_id = session_id or ""
        return f"new session {self.session_id}"

    def view_product(self) -> str:
        session = self.client.apps.product_page_recommendations(
            id=self.session_id, product_id=FEATURED
        ).update_session
        slots = (session.pages.for_product_page if session and session.pages else None) or []
        products = [p for slot in slots if slot for p in slot.primary or [] if p]
        expect(bool(products), "product page slots are empty")
        expect(FEATURED not in _ids(products), "a product page recommended itself")
        for slot in slots:
            if slot:
                listed = ", ".join(_ids(slot.primary)) or "(no products yet)"
                self.say(f"{slot.result_title or slot.result_id}: {listed}")
        return f"viewed {FEATURED}; product-page slots filled from the catalog"

    def front_page(self) -> str:
        session = self.client.apps.front_page_recommendations(
            id=self.session_id,
            params=InputSessionParams(
                event=InputEvent(
                    type_=InteractionEventType.VIEWED_PAGE, target="https://shop.example.com/"
                )
            ),
            page_params=InputPageParams(is_preview=False),
        ).update_session
        slots = (session.pages.for_front_page if session and session.pages else None) or []
        filled = [s for s in slots if s and s.primary]
        expect(bool(filled), "no front-page slot had products")
        for slot in filled:
            self.say(f"{slot.result_title or slot.result_id}: {', '.join(_ids(slot.primary)[:5])}")
        return f"front page: {len(filled)} slot(s) with recommendations"

    def place_order(self) -> str:
        order = InputOrder(
            number="DEMO-1001",
            order_status="paid",
            payment_provider="demo",
            purchased_items=[
                InputItem(
                    product_id=FEATURED,
                    sku_id=f"{FEATURED}-GRN",
                    name="Trailhead Two-Person Tent",
                    unit_price=189.0,
                    price_currency_code="EUR",
                    quantity=1,
                )
            ],
        )
        placed = self.client.apps.place_order(id=self.session_id, order=order).place_order
        expect(placed is not None and placed.id == self.session_id, "placeOrder lost the session")
        return "order DEMO-1001 placed"

    def toplists(self) -> str:
        for sort in (ScoringModeType.BUYS, ScoringModeType.VIEWS):
            slot = self.client.apps.toplist(
                hours=168, sort=sort, params=InputRecommenderParams(max_products=5)
            ).recos
            products = _ids(slot.toplist.primary if slot and slot.toplist else None)
            expect(bool(products), f"toplist by {sort.value} is empty")
            expect(products[0] == FEATURED, f"{FEATURED} should top {sort.value}: {products}")
            self.say(f"by {sort.value.lower()}: {', '.join(products)}")
        return f"toplists rank {FEATURED} first after the view and the order"

    def related(self) -> str:
        recos = self.client.apps.related_products(
            product_ids=[FEATURED],
            relationship=RelationModeEntity.VIEWED_TOGETHER,
            params=InputRecommenderParams(max_products=5),
        ).recos
        slot = recos.related if recos else None
        products = [p for p in (slot.primary if slot else None) or [] if p]
        expect(bool(products), "no related products")
        camping = [p for p in products if any("/Camping" in (c or "") for c in p.categories or [])]
        expect(bool(camping), "related products share no category with the tent")
        for product in products:
            self.say(_product_line(product))
        return f"{len(products)} products related to {FEATURED}"

    def search(self) -> str:
        recos = self.client.apps.search_products(
            term="tent", params=InputRecommenderParams(max_products=5)
        ).recos
        slot = recos.search if recos else None
        products = [p for p in (slot.primary if slot else None) or [] if p]
        expect(bool(products), "search for 'tent' found nothing")
        for product in products:
            text = " ".join([product.name or "", *(c or "" for c in product.categories or [])])
            expect("tent" in text.lower(), f"{product.product_id} does not match 'tent'")
            self.say(_product_line(product))
        return f"search 'tent': {len(products)} matching products"

    def discontinue(self) -> str:
        result = self.client.products.discontinue([FEATURED])
        expect(result.ok, f"discontinue not accepted: {result.summary()}")
        slot = self.client.apps.toplist(
            hours=168, sort=ScoringModeType.BUYS, params=InputRecommenderParams(max_products=5)
        ).recos
        products = _ids(slot.toplist.primary if slot and slot.toplist else None)
        expect(FEATURED not in products, f"{FEATURED} is still recommended: {products}")
        self.say(f"by buys now: {', '.join(products)}")
        return f"{FEATURED} discontinued and no longer recommended"

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("REST   settings.update", self.update_settings),
            ("REST   rates.update", self.update_rates),
            ("REST   products.upsert", self.upsert_catalog),
            ("GQL    product(id)", self.product_by_id),
            ("GQL    products(limit, sort)", self.list_products),
            ("GQL    newSession", self.new_session),
            ("GQL    updateSession (product page)", self.view_product),
            ("GQL    updateSession (front page)", self.front_page),
            ("GQL    placeOrder", self.place_order),
            ("GQL    recos.toplist", self.toplists),
            ("GQL    recos.related", self.related),
            ("GQL    recos.search", self.search),
            ("REST   products.discontinue", self.discontinue),
        ]


def run_demo(extra_products: int = 60, out: Any = None) -> int:
    """Run every step against a fresh sandbox; print results; 0 when all steps passed."""
    from .sandbox import Sandbox

    stream = out or sys.stdout
    catalog = sample_products() + generated_products(extra_products)
    failures = 0
    with Sandbox() as sandbox, sandbox.client() as client:
        print(f"nosto-gql demo against the sandbox at {sandbox.base_url}", file=stream)
        demo = Demo(client, catalog, sandbox_state=sandbox.state)
        steps = demo.steps()
        for title, step in steps:
            demo.lines.clear()
            try:
                summary = step()
                status = "ok  "
            except Exception as exc:  # every failure is reported, then counted
                failures += 1
                summary, status = f"{type(exc).__name__}: {exc}", "FAIL"
            print(f"[{status}] {title:<38} {summary}", file=stream)
            for line in demo.lines:
                print(line, file=stream)
    passed = len(steps) - failures
    print(f"\n{passed} passed, {failures} failed", file=stream)
    return 0 if failures == 0 else 1
