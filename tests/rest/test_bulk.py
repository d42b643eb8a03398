"""Splitting bulk uploads under the size cap and reporting each item's outcome."""

from __future__ import annotations

import json

import pytest

from nosto_gql import BadRequestError, InvalidInputError, ServerError
from nosto_gql._json import compact_json
from nosto_gql.rest import (
    BulkResult,
    BulkSummary,
    BulkUploadError,
    ItemOutcome,
    ItemStatus,
    StreamedBulkResult,
)
from nosto_gql.rest._bulk import Batch, Encoded, batch_outcomes, plan_batches


def _items(*sizes: int) -> list[Encoded]:
    # A JSON string of exactly `size` bytes: the quotes count.
    return [Encoded(f"p{i}", compact_json("x" * (size - 2)), i) for i, size in enumerate(sizes)]


def test_batches_are_valid_json_arrays_in_input_order() -> None:
    batches = list(plan_batches(_items(10, 10, 10), max_bytes=1000))
    assert [b.item_ids for b in batches] == [("p0", "p1", "p2")]
    assert json.loads(batches[0].body) == ["x" * 8] * 3


def test_body_exactly_at_the_cap_fits_and_one_byte_more_splits() -> None:
    # "[" + 10 + "," + 10 + "]" = 23 bytes
    assert [b.item_ids for b in plan_batches(_items(10, 10), max_bytes=23)] == [("p0", "p1")]
    assert [b.item_ids for b in plan_batches(_items(10, 10), max_bytes=22)] == [("p0",), ("p1",)]
    for batch in plan_batches(_items(10, 10, 10, 10, 10), max_bytes=30):
        assert len(batch.body) <= 30


def test_max_items_also_splits() -> None:
    batches = plan_batches(_items(5, 5, 5), max_bytes=1000, max_items=2)
    assert [b.item_ids for b in batches] == [("p0", "p1"), ("p2",)]


def test_single_item_over_the_cap_is_named() -> None:
    with pytest.raises(InvalidInputError, match="p1: serialised size 52 > 40"):
        list(plan_batches(_items(5, 50), max_bytes=40))


def test_empty_input_plans_no_request() -> None:
    assert list(plan_batches([], max_bytes=100)) == []


def _batch(*ids: str) -> Batch:
    return Batch(tuple(ids), b"[]")


def test_has_errors_rejects_listed_products_and_accepts_the_rest() -> None:
    error = BadRequestError(
        "bad",
        status_code=400,
        request_id="r",
        body={
            "type": "has_errors",
            "message": "Some products failed",
            "errors": [{"product_id": "b", "errors": "image_url is missing"}],
        },
    )
    outcomes, may_continue = batch_outcomes(_batch("a", "b", "c"), error)
    assert may_continue
    assert outcomes == [
        ItemOutcome("a", ItemStatus.ACCEPTED),
        ItemOutcome("b", ItemStatus.REJECTED, "image_url is missing"),
        ItemOutcome("c", ItemStatus.ACCEPTED),
    ]


def test_has_errors_naming_unknown_products_fails_the_whole_batch() -> None:
    error = BadRequestError(
        "bad",
        status_code=400,
        request_id="r",
        body={"type": "has_errors", "errors": [{"product_id": "zzz", "errors": "?"}]},
    )
    outcomes, may_continue = batch_outcomes(_batch("a", "b"), error)
    assert not may_continue
    assert {o.status for o in outcomes} == {ItemStatus.FAILED}


def test_other_failures_mark_the_batch_failed_and_stop() -> None:
    error = ServerError("down", status_code=503, request_id="r")
    outcomes, may_continue = batch_outcomes(_batch("a", "b"), error)
    assert not may_continue
    assert {o.status for o in outcomes} == {ItemStatus.FAILED}


def test_result_summary_and_raise_for_errors() -> None:
    result = BulkResult(
        outcomes=[
            ItemOutcome("a", ItemStatus.ACCEPTED),
            ItemOutcome("b", ItemStatus.REJECTED, "price must be >= 0"),
            ItemOutcome("c", ItemStatus.NOT_ATTEMPTED),
        ]
    )
    assert not result.ok
    assert [o.item_id for o in result.rejected] == ["b"]
    with pytest.raises(BulkUploadError, match="1 accepted, 1 rejected, 1 not attempted") as info:
        result.raise_for_errors()
    assert "b: price must be >= 0" in str(info.value)
    assert BulkResult([ItemOutcome("a", ItemStatus.ACCEPTED)]).raise_for_errors().ok


# -- results: one summary, two shapes ------------------------------------------------------------

MIXED = [
    ItemOutcome("a", ItemStatus.ACCEPTED, index=0),
    ItemOutcome("b", ItemStatus.INVALID, "price: expected a value >= 0; got -1", 1),
    ItemOutcome("c", ItemStatus.ACCEPTED, index=2),
    ItemOutcome("d", ItemStatus.FAILED, "Nosto is down (HTTP 503)", 3),
]


def _filled(result: BulkSummary) -> BulkSummary:
    result.add(MIXED)
    return result


@pytest.mark.parametrize("result", [BulkResult(), StreamedBulkResult()], ids=type)
def test_both_results_answer_the_summary_the_same_way(result: BulkSummary) -> None:
    _filled(result)
    assert [result.count(status) for status in ItemStatus] == [2, 0, 1, 1, 0]
    assert result.problems == [MIXED[1], MIXED[3]]
    assert not result.ok
    expected = "2 accepted, 1 invalid, 1 failed; first: b: price: expected a value >= 0; got -1"
    assert result.summary() == expected
    assert repr(result) == f"<{type(result).__name__}: {expected}; 0 requests>"
    with pytest.raises(BulkUploadError) as info:
        result.raise_for_errors()
    # Whatever the call, the error's result lists what was not accepted.
    assert info.value.result is result and info.value.result.problems == result.problems


def test_a_streamed_result_is_not_a_bulk_result_and_keeps_no_accepted_outcome() -> None:
    streamed = _filled(StreamedBulkResult())
    listed = _filled(BulkResult())
    # Siblings: code written for every item's outcome cannot be handed a streamed result.
    assert not isinstance(streamed, BulkResult) and not isinstance(listed, StreamedBulkResult)
    assert not hasattr(streamed, "accepted")
    assert listed.outcomes == MIXED and listed.accepted == [MIXED[0], MIXED[2]]
    assert listed.invalid == [MIXED[1]] and listed.failed == [MIXED[3]]


def test_counts_follow_the_outcomes_given_and_added() -> None:
    result = BulkResult([ItemOutcome("a", ItemStatus.REJECTED, "no")], requests_sent=1)
    result.add([ItemOutcome("b", ItemStatus.ACCEPTED)])
    assert result.count(ItemStatus.REJECTED) == result.count(ItemStatus.ACCEPTED) == 1
    assert result.requests_sent == 1 and result.error is None


def test_an_unread_rest_of_input_is_not_ok_even_with_no_problem() -> None:
    streamed = StreamedBulkResult(unread_input=True)
    streamed.add([ItemOutcome("a", ItemStatus.ACCEPTED)])
    assert not streamed.ok and streamed.problems == []
    assert streamed.summary() == "1 accepted; the rest of the input was not read"
