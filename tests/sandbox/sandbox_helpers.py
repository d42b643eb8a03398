"""Helpers shared by the sandbox tests (a module of its own: `conftest` is not importable
by name when several test folders have one)."""

from __future__ import annotations

import ssl
from typing import Any

import httpx
from product_factory import product

from nosto_gql.sandbox import Sandbox

__all__ = ["SandboxHTTP", "product"]


class SandboxHTTP:
    """A plain httpx client for the sandbox, speaking as each token family."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.ssl_context = ssl.create_default_context(cafile=sandbox.ca_file)
        self.http = httpx.Client(base_url=sandbox.base_url, verify=self.ssl_context)

    def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """POST a document with the API_APPS token; returns the JSON body (asserting HTTP 200)."""
        response = self.http.post(
            "/v1/graphql",
            json={"query": query, "variables": variables or {}},
            auth=("", self.sandbox.tokens.apps or ""),
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        """Like `graphql`, but asserts there were no errors and returns ``data``."""
        body = self.graphql(query, variables, **kw)
        assert "errors" not in body, body
        return body["data"]

    def upsert(self, products: list[dict[str, Any]]) -> httpx.Response:
        return self.http.post(
            "/v1/products/upsert", json=products, auth=("", self.sandbox.tokens.products or "")
        )

    def new_session(self) -> str:
        session_id: str = self.data("mutation { newSession }")["newSession"]
        return session_id

    def view(self, session_id: str, product_id: str, **kw: Any) -> None:
        self.data(
            """mutation View($id: String!, $product: String!) {
                 updateSession(by: BY_CID, id: $id,
                               params: { event: { type: VIEWED_PRODUCT, target: $product } }) { id }
               }""",
            {"id": session_id, "product": product_id},
            **kw,
        )
