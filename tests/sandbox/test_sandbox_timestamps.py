"""Date-times are parsed by one explicit ISO-8601 parser, the same on Python 3.10 and later."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nosto_gql._timestamps import (
    InvalidTimestamp,
    parse_date_time,
    parse_local_date_time,
)

STATUS = """mutation S($n: String!, $date: LocalDateTime!) {
  updateStatus(number: $n, params: { orderStatus: "shipped", statusDate: $date }) {
    statuses { date }
  }
}"""
PLACE = """mutation O($id: String!) {
  placeOrder(by: BY_CID, id: $id, params: { order: { number: "T-1", purchasedItems: [] } }) { id }
}"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2011-12-03T10:17", datetime(2011, 12, 3, 10, 17)),
        ("2011-12-03T10:17:30", datetime(2011, 12, 3, 10, 17, 30)),
        # One fraction digit: datetime.fromisoformat refuses it on Python 3.10.
        ("2024-01-01T10:17:30.5", datetime(2024, 1, 1, 10, 17, 30, 500_000)),
        ("2024-01-01T10:17:30.12", datetime(2024, 1, 1, 10, 17, 30, 120_000)),
        ("2024-01-01T10:17:30.123456789", datetime(2024, 1, 1, 10, 17, 30, 123_456)),
        ("2024-01-01t10:17:30", datetime(2024, 1, 1, 10, 17, 30)),
    ],
)
def test_local_date_times_of_every_iso_form_are_read(text: str, expected: datetime) -> None:
    assert parse_local_date_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-01",
        "2024-01-01 10:17:30",
        "20240101T101730",
        "2024-01-01T10",
        "2024-01-01T10:17:30.",
        "2024-01-01T10:17:30.1234567890",
        "2024-13-01T10:17:30",
        "2024-02-30T10:17:30",
        "2024-01-01T24:00:00",
        "2024-01-01T10:17:60",
        "yesterday",
        "",
    ],
)
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(InvalidTimestamp):
        parse_local_date_time(text)


@pytest.mark.parametrize("text", ["2024-01-01T10:17:30Z", "2024-01-01T10:17:30.5+02:00"])
def test_a_local_date_time_with_a_zone_is_refused_saying_so(text: str) -> None:
    with pytest.raises(InvalidTimestamp, match="time zone"):
        parse_local_date_time(text)


def test_a_date_time_may_carry_a_zone_where_one_is_allowed() -> None:
    assert parse_date_time("2024-05-01T10:00:00Z") == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)
    assert parse_date_time("2024-05-01T10:00:00.5-03:30").utcoffset() == -timedelta(
        hours=3, minutes=30
    )
    assert parse_date_time("2024-05-01T10:00").tzinfo is None
    with pytest.raises(InvalidTimestamp):
        parse_date_time("2024-05-01T10:00:00+0200")


def test_status_dates_accept_a_short_fraction_and_are_kept_as_sent(api) -> None:
    api.data(PLACE, {"id": api.new_session()})
    data = api.data(STATUS, {"n": "T-1", "date": "2024-01-01T10:17:30.5"})
    assert data["updateStatus"]["statuses"][-1] == {"date": "2024-01-01T10:17:30.5"}


@pytest.mark.parametrize("inline", [False, True])
def test_a_status_date_with_a_zone_is_a_validation_error_that_says_why(api, inline) -> None:
    api.data(PLACE, {"id": api.new_session()})
    if inline:
        body = api.graphql(
            """mutation { updateStatus(number: "T-1", params: {
                 orderStatus: "shipped", statusDate: "2024-01-01T10:17:30Z" }) { number } }"""
        )
    else:
        body = api.graphql(STATUS, {"n": "T-1", "date": "2024-01-01T10:17:30+02:00"})
    assert "data" not in body
    (error,) = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert "time zone" in error["message"]


def test_analytics_timestamps_use_the_same_parser(api, sandbox) -> None:
    record = """mutation R($id: String!, $params: InputRecordAnalyticsEventParams!) {
      recordAnalyticsEvent(id: $id, by: BY_CID, params: $params) { errors { field message } }
    }"""
    session_id = api.new_session()
    click = {"type": "SEARCH", "searchClick": {"productId": "A", "metadata": {"query": "x"}}}
    for timestamp, ok in [
        ("2024-05-01T10:00:00.5Z", True),
        ("2024-05-01T10:00:00", True),
        ("2024-05-01", False),
        (None, False),
    ]:
        params = {**click, "timestamp": timestamp}
        errors = api.data(record, {"id": session_id, "params": params})["recordAnalyticsEvent"]
        assert (errors["errors"] == []) == ok, (timestamp, errors)
        if not ok:
            assert errors["errors"][0]["field"] == "timestamp"
    assert len(sandbox.state.analytics_events) == 2


def test_a_manual_clock_needs_an_aware_start() -> None:
    from datetime import datetime

    from nosto_gql.sandbox import ManualClock

    with pytest.raises(ValueError, match="timezone-aware"):
        ManualClock(datetime(2024, 1, 1))
