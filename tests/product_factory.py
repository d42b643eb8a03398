"""Complete products in the REST upsert format, for every suite that needs a valid one."""

from __future__ import annotations

from typing import Any


def product(product_id: str, **fields: Any) -> dict[str, Any]:
    """A valid full product with id ``product_id``; ``fields`` add or override fields."""
    return {
        "product_id": product_id,
        "name": f"Product {product_id}",
        "url": f"https://shop.example.com/p/{product_id}",
        "image_url": f"https://cdn.example.com/{product_id}.jpg",
        "availability": "InStock",
        "price": 10.0,
        "price_currency_code": "EUR",
        **fields,
    }
