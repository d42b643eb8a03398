from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def product_dict() -> Callable[..., dict[str, Any]]:
    """A valid minimal product as a dict; keyword arguments override or add keys."""

    def make(**overrides: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "product_id": "MUG-330",
            "name": "Enamel Camp Mug",
            "url": "https://shop.example.com/products/mug",
            "image_url": "https://cdn.example.com/img/mug.jpg",
            "price": 14.9,
            "price_currency_code": "EUR",
            "availability": "InStock",
        }
        data.update(overrides)
        return data

    return make
