"""Values and type names added to Nosto's schema later must not break a deployed client."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from nosto_gql import NostoClient, Tokens
from nosto_gql.apps import InputOrderStatusParams, InteractionEventType, ScoringModeType
from nosto_gql.cli import main


def _client(body: dict[str, object]) -> NostoClient:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json=body))
    return NostoClient(tokens=Tokens(apps="a"), http_client=httpx.Client(transport=transport))


def test_unknown_enum_value_from_the_server_is_kept_and_flagged() -> None:
    body = {
        "data": {
            "updateSession": {
                "id": "c",
                "cart": None,
                "customer": None,
                "events": [
                    {"type": "VIEWED_PRODUCT", "target": "A"},
                    {"type": "VIEWED_WISHLIST", "target": "B"},
                ],
            }
        }
    }
    session = _client(body).apps.update_session(id="c").update_session
    assert session is not None and session.events is not None
    known, new = (event.type_ for event in session.events if event)
    assert known is InteractionEventType.VIEWED_PRODUCT and not known.is_unknown
    assert new == "VIEWED_WISHLIST" and new.is_unknown
    assert isinstance(new, InteractionEventType)


def test_known_members_still_compare_and_print_as_their_value() -> None:
    assert ScoringModeType.BUYS == "BUYS"
    assert str(ScoringModeType.BUYS) == "BUYS"
    assert ScoringModeType("BUYS") is ScoringModeType.BUYS


def test_local_date_time_refuses_a_zone_and_sends_none() -> None:
    with pytest.raises(ValidationError, match="no time zone"):
        InputOrderStatusParams(status_date=datetime(2024, 5, 1, tzinfo=timezone.utc))
    params = InputOrderStatusParams(status_date=datetime(2024, 5, 1, 9, 30))
    dumped = params.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert dumped == {"statusDate": "2024-05-01T09:30:00"}


def test_unknown_typename_is_accepted(tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "ops.graphql").write_text(
        "query Product($id: String!) { product(id: $id) { __typename productId } }\n"
    )
    args = ["--queries", str(queries), "--package", "evolving", "--target", str(tmp_path)]
    assert main(["generate", *args]) == 0
    probe = (
        "from evolving.product import Product;"
        "p = Product.model_validate("
        "{'product': {'__typename': 'CatalogProductV2', 'productId': 'A'}});"
        "print(p.product.typename__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "CatalogProductV2"


def test_unknown_enum_value_is_refused_before_sending() -> None:
    from nosto_gql import InvalidInputError
    from nosto_gql.apps import InputEvent, InputSessionParams

    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200, json={}))
    client = NostoClient(tokens=Tokens(apps="a"), http_client=httpx.Client(transport=transport))
    typo = InputSessionParams(event=InputEvent(type_="VEIWED_PRODUCT", target="A"))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="VEIWED_PRODUCT") as info:
        client.apps.update_session(id="c", params=typo)
    assert info.value.problems[0][0] == "$params.event.type_"
    with pytest.raises(InvalidInputError, match="buys"):
        client.apps.toplist(hours=1, sort=ScoringModeType("buys"))
    assert sent == []
