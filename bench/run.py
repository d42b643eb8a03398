"""`make bench`: what nosto-gql costs on top of raw httpx, measured in the same run.

Prints ratios, never asserts: the budgets below are read by people, not enforced by tests.
- typed call: `client.apps.product_by_id` vs the same request bytes POSTed with plain httpx
  (json.loads of the answer, no validation), both against the sandbox over TLS on one pooled
  connection (budget: <= 1.15x). The sandbox runs in this process, so its work is in both.
- import: `import nosto_gql` on top of `import httpx, pydantic` (budget: <= +50 ms).
"""

from __future__ import annotations

import json
import ssl
import statistics
import subprocess
import sys
import time

import httpx

from nosto_gql import NostoClient
from nosto_gql._transport import basic_auth_header
from nosto_gql.sandbox import Sandbox

ROUNDS, CALLS = 5, 200


def _typed_request_body(client: NostoClient) -> bytes:
    """The exact bytes the typed call sends, so both sides ask the server for the same work."""
    seen: list[bytes] = []

    def capture(request: httpx.Request) -> httpx.Response:
        seen.append(request.content)
        return httpx.Response(200, json={"data": {"product": None}})

    spy = NostoClient(
        tokens=client.tokens, http_client=httpx.Client(transport=httpx.MockTransport(capture))
    )
    spy.apps.product_by_id(id="B-1")
    return seen[0]


def _best_import_seconds(statement: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    with Sandbox() as sb, sb.client() as client:
        client.products.upsert(
            [
                {
                    "product_id": "B-1",
                    "name": "Bench product",
                    "url": "https://shop.example.com/b-1",
                    "image_url": "https://cdn.example.com/b-1.jpg",
                    "price": 10.0,
                    "price_currency_code": "EUR",
                    "availability": "InStock",
                }
            ]
        )
        raw = httpx.Client(verify=ssl.create_default_context(cafile=sb.ca_file))
        headers = {
            "Authorization": basic_auth_header(sb.tokens.apps or ""),
            "Content-Type": "application/json",
            "User-Agent": "bench",
        }
        body = _typed_request_body(client)

        def raw_call() -> None:
            response = raw.post(f"{sb.base_url}/v1/graphql", content=body, headers=headers)
            response.raise_for_status()
            json.loads(response.content)

        def typed_call() -> None:
            client.apps.product_by_id(id="B-1")

        typed_call(), raw_call()  # warm up connections and lazy imports
        raw_times, typed_times = [], []
        for _ in range(ROUNDS):
            for fn, sink in ((raw_call, raw_times), (typed_call, typed_times)):
                started = time.perf_counter()
                for _ in range(CALLS):
                    fn()
                sink.append((time.perf_counter() - started) / CALLS)
        raw.close()
    raw_ms, typed_ms = statistics.median(raw_times) * 1e3, statistics.median(typed_times) * 1e3
    print(
        f"typed call   {typed_ms:7.3f} ms  raw httpx {raw_ms:7.3f} ms"
        f"  ratio {typed_ms / raw_ms:.2f}x  (budget 1.15x)"
    )

    base = _best_import_seconds("import httpx, pydantic")
    ours = _best_import_seconds("import httpx, pydantic, nosto_gql")
    print(
        f"import       +{(ours - base) * 1e3:6.1f} ms over httpx+pydantic "
        f"({ours / base:.2f}x)  (budget +50 ms)"
    )


if __name__ == "__main__":
    main()
