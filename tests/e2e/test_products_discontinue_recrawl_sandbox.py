"""`products.discontinue` / `products.recrawl` (and their CLI commands) against the sandbox over
real TLS: discontinued products leave the recommendations, recrawls are recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nosto_gql import AuthenticationError, NostoClient, Tokens
from nosto_gql.apps import InputRecommenderParams, ScoringModeType
from nosto_gql.cli import main
from nosto_gql.sandbox import Sandbox


def _toplist_ids(client: NostoClient) -> list[str]:
    top = client.apps.toplist(
        hours=168, sort=ScoringModeType.BUYS, params=InputRecommenderParams(max_products=200)
    )
    toplist = top.recos.toplist if top.recos else None
    return [
        p.product_id for p in (toplist.primary if toplist else None) or [] if p and p.product_id
    ]


def _search_ids(client: NostoClient, term: str) -> list[str]:
    found = client.apps.search_products(term=term)
    search = found.recos.search if found.recos else None
    return [p.product_id for p in (search.primary if search else None) or [] if p and p.product_id]


def test_discontinued_products_stop_being_recommended(
    sandbox: Sandbox, client: NostoClient, catalog: list[dict[str, object]]
) -> None:
    assert {"TENT-2P-100", "GEN-0001"} <= set(_toplist_ids(client))
    assert "TENT-2P-100" in _search_ids(client, "Trailhead")

    result = client.products.discontinue(["TENT-2P-100", "GEN-0001", "TENT-2P-100", "NO-SUCH"])

    assert result.ok and result.requests_sent == 1
    assert [o.item_id for o in result.outcomes] == ["TENT-2P-100", "GEN-0001", "NO-SUCH"]
    after = _toplist_ids(client)
    assert "TENT-2P-100" not in after and "GEN-0001" not in after and "GEN-0002" in after
    assert "TENT-2P-100" not in _search_ids(client, "Trailhead")
    product = sandbox.state.product("TENT-2P-100")
    assert product is not None and product["availability"] == "Discontinued"


def test_discontinue_in_several_requests(
    sandbox: Sandbox, client: NostoClient, catalog: list[dict[str, object]]
) -> None:
    from nosto_gql.rest import ProductsAPI

    ids = [f"GEN-{i:04d}" for i in range(1, 31)]
    result = ProductsAPI(client.transport, max_bytes=60).discontinue(ids)
    assert result.ok and result.requests_sent > 1
    assert not set(ids) & set(_toplist_ids(client))


def test_recrawl_requests_are_recorded(sandbox: Sandbox, client: NostoClient) -> None:
    result = client.products.recrawl(
        [
            {"product_id": "TENT-2P-100", "url": "https://shop.example.com/tent"},
            ("MUG-330", "https://shop.example.com/mug"),
            (42, "http://shop.example.com/42"),
        ]
    )
    assert result.ok and result.requests_sent == 1
    assert sandbox.state.recrawl_requests == [
        {"product_id": "TENT-2P-100", "url": "https://shop.example.com/tent"},
        {"product_id": "MUG-330", "url": "https://shop.example.com/mug"},
        {"product_id": "42", "url": "http://shop.example.com/42"},
    ]


async def test_async_discontinue_and_recrawl(sandbox: Sandbox, client: NostoClient) -> None:
    async with sandbox.async_client() as async_client:
        assert (await async_client.products.discontinue(["A"])).ok
        assert (await async_client.products.recrawl([("A", "https://shop.example.com/a")])).ok
    assert sandbox.state.recrawl_requests == [
        {"product_id": "A", "url": "https://shop.example.com/a"}
    ]


def test_wrong_token_family_is_an_authentication_error(sandbox: Sandbox) -> None:
    # The APPS token in the PRODUCTS slot: a real token, of the wrong family.
    wrong = Tokens(products=sandbox.tokens.apps)
    with NostoClient(tokens=wrong, base_url=sandbox.base_url, ca_file=sandbox.ca_file) as client:
        with pytest.raises(AuthenticationError):
            client.products.discontinue(["TENT-2P-100"])
        with pytest.raises(AuthenticationError):
            client.products.recrawl([("TENT-2P-100", "https://shop.example.com/tent")])
    assert sandbox.state.recrawl_requests == []


# -- CLI ---------------------------------------------------------------------------------------


def test_cli_discontinue_ids_and_file(
    env: Sandbox,
    catalog: list[dict[str, object]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["products", "discontinue", "TENT-2P-100", "MUG-330"]) == 0
    assert "2 accepted" in capsys.readouterr().out
    ids = tmp_path / "ids.txt"
    ids.write_text("GEN-0001\n\n12\n")
    assert main(["products", "discontinue", "--json", "--file", str(ids)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and [p["product_id"] for p in report["products"]] == ["GEN-0001", "12"]
    for product_id in ("TENT-2P-100", "MUG-330", "GEN-0001"):
        product = env.state.product(product_id)
        assert product is not None and product["availability"] == "Discontinued"


def test_cli_discontinue_usage_and_validation_errors(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["products", "discontinue"]) == 2
    assert "UsageError" in capsys.readouterr().err
    ids = tmp_path / "ids.json"
    ids.write_text(json.dumps(["A", " "]))
    before = len(env.state.requests)
    assert main(["products", "discontinue", "--json", "--file", str(ids)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["error"]["problems"][0]["where"] == "product_ids[1]"
    assert len(env.state.requests) == before


def test_cli_recrawl_jsonl(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "recrawl.jsonl"
    file.write_text(
        json.dumps({"product_id": "A", "url": "https://shop.example.com/a"})
        + "\n"
        + json.dumps({"product_id": "B", "url": "https://shop.example.com/b"})
        + "\n"
    )
    assert main(["products", "recrawl", str(file)]) == 0
    assert "2 accepted" in capsys.readouterr().out
    assert [r["product_id"] for r in env.state.recrawl_requests] == ["A", "B"]


def test_cli_recrawl_bad_url_and_wrong_token(
    env: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "recrawl.json"
    file.write_text(json.dumps([{"product_id": "A", "url": "shop.example.com/a"}]))
    assert main(["products", "recrawl", str(file)]) == 1
    assert "items[0] (product_id 'A').url" in capsys.readouterr().err
    file.write_text(json.dumps([{"product_id": "A", "url": "https://shop.example.com/a"}]))
    monkeypatch.setenv("NOSTO_API_PRODUCTS_TOKEN", "wrong")
    assert main(["products", "recrawl", str(file)]) == 2
    assert "AuthenticationError" in capsys.readouterr().err
    assert env.state.recrawl_requests == []
