"""Errors survive pickling and copying (process pools, task queues) with all their details."""

from __future__ import annotations

import copy
import pickle

import pytest

from nosto_gql import (
    GraphQLError,
    GraphQLResponseError,
    InvalidInputError,
    MalformedResponseError,
    MissingTokenError,
    NostoError,
    ServerError,
    TokenFamily,
)

ERRORS: list[NostoError] = [
    GraphQLResponseError([GraphQLError("m", path=("a",))], data={"a": None}, request_id="r"),
    ServerError("down", status_code=503, request_id="r", retry_after=2.0),
    MalformedResponseError("bad", request_id="r", body="<html>"),
    MissingTokenError(TokenFamily.APPS),
    InvalidInputError("bad input", [("products[0].price", "expected >= 0")]),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("clone", [lambda e: pickle.loads(pickle.dumps(e)), copy.copy])
def test_error_round_trips(error: NostoError, clone: object) -> None:
    restored = clone(error)  # type: ignore[operator]
    assert type(restored) is type(error)
    assert str(restored) == str(error)
    assert restored.__dict__ == error.__dict__
