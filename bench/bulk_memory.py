"""Peak memory of a catalog upload, streamed (`upsert_stream`) vs validated whole (`upsert`).

Run with ``.venv/bin/python bench/bulk_memory.py [COUNT ...]``. Prints peaks and ratios, never
asserts. Budget (DESIGN.md): a streamed upload is bounded by one request (~2 MB body, held a
few times over while it is joined and sent), whatever the catalog size; `upsert` grows with it.
Peaks are Python allocations traced by tracemalloc, against a mock transport (no network).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from functools import partial

import httpx

from nosto_gql import NostoClient, Tokens
from nosto_gql.rest import BulkSummary, ItemStatus, ProductsAPI


def _catalog(count: int) -> Iterator[dict[str, object]]:
    for i in range(count):
        yield {
            "product_id": f"P{i}",
            "name": f"Product {i}",
            "url": f"https://shop.example.com/p/{i}",
            "image_url": f"https://cdn.example.com/p/{i}.jpg",
            "price": 10.0 + i % 100,
            "price_currency_code": "EUR",
            "availability": "InStock",
            "categories": ["/outdoor", "/outdoor/tents"],
            "description": "A sturdy product for every season. " * 4,
        }


def _peak_mb(upload: Callable[[], BulkSummary]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        result = upload()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.ok and result.count(ItemStatus.ACCEPTED) > 0
    return peak / 1e6


def main(counts: list[int]) -> None:
    api = ProductsAPI(
        NostoClient(
            tokens=Tokens(products="bench"),
            http_client=httpx.Client(
                transport=httpx.MockTransport(lambda request: httpx.Response(200, json={}))
            ),
        ).transport
    )
    print(f"{'products':>10} {'streamed MB':>12} {'upsert MB':>10} {'ratio':>7}")
    for count in counts:
        # The generators are made here but read only inside the traced upload.
        streamed = _peak_mb(partial(api.upsert_stream, _catalog(count)))
        whole = _peak_mb(partial(api.upsert, _catalog(count)))
        print(f"{count:>10} {streamed:>12.1f} {whole:>10.1f} {streamed / whole:>7.2f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 50_000])
