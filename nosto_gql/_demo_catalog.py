"""The demo's product catalog: Nosto's sample payloads plus generated outdoor-store products.

Generated products are deterministic (fixed seed) so the demo prints the same thing every run.
"""

from __future__ import annotations

import json
import random
from importlib import resources
from typing import Any

SAMPLE_FILES = (
    "products-upsert-full.json",
    "products-upsert-minimal.json",
    "products-upsert-customer-group-variations.json",
)

# department path -> (product nouns, price range in EUR)
_DEPARTMENTS: dict[str, tuple[tuple[str, ...], tuple[int, int]]] = {
    "/Outdoor/Camping/Tents": (("Tent", "Shelter", "Tarp"), (60, 450)),
    "/Outdoor/Camping/Sleeping Bags": (("Sleeping Bag", "Quilt", "Liner"), (25, 320)),
    "/Outdoor/Camping/Cookware": (("Pot Set", "Kettle", "Stove", "Mug"), (9, 140)),
    "/Outdoor/Hiking/Backpacks": (("Backpack", "Daypack", "Hip Pack"), (30, 260)),
    "/Outdoor/Hiking/Footwear": (("Hiking Boot", "Trail Runner", "Approach Shoe"), (70, 230)),
    "/Clothing/Jackets": (("Rain Jacket", "Down Jacket", "Fleece"), (45, 380)),
}
_BRANDS = ("Trailhead", "Northwind", "Fjellkraft", "Summit & Co", "Lakeside")
_ADJECTIVES = ("Ultralight", "Alpine", "Classic", "Storm", "Explorer", "Compact", "Nordic")


def sample_products() -> list[dict[str, Any]]:
    """The products of Nosto's sample upsert payloads, as JSON objects."""
    products: list[dict[str, Any]] = []
    folder = resources.files("nosto_gql").joinpath("demo_data")
    for name in SAMPLE_FILES:
        products.extend(json.loads(folder.joinpath(name).read_text(encoding="utf-8")))
    return products


def generated_products(count: int, *, seed: int = 2024) -> list[dict[str, Any]]:
    """``count`` plausible products spread over a few departments."""
    rng = random.Random(seed)
    departments = list(_DEPARTMENTS)
    products = []
    for index in range(count):
        path = departments[index % len(departments)]
        nouns, (low, high) = _DEPARTMENTS[path]
        brand = rng.choice(_BRANDS)
        name = f"{brand} {rng.choice(_ADJECTIVES)} {rng.choice(nouns)}"
        product_id = f"GEN-{index + 1:04d}"
        slug = product_id.lower()
        price = round(rng.uniform(low, high), 2)
        parts = path.strip("/").split("/")
        products.append(
            {
                "product_id": product_id,
                "name": name,
                "url": f"https://shop.example.com/products/{slug}",
                "image_url": f"https://cdn.example.com/img/{slug}/main.jpg",
                "price": price,
                "list_price": round(price * rng.choice((1.0, 1.0, 1.15, 1.3)), 2),
                "price_currency_code": "EUR",
                # One in ten out of stock, so the demo shows they are not recommended.
                "availability": "OutOfStock" if rng.random() < 0.1 else "InStock",
                "categories": ["/" + "/".join(parts[: depth + 1]) for depth in range(len(parts))],
                "brand": brand,
                "description": f"{name} from {brand}'s {parts[-1].lower()} range.",
                "review_count": rng.randint(0, 250),
                "rating_value": round(rng.uniform(3.0, 5.0), 1),
            }
        )
    return products
