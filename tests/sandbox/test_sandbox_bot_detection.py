"""Session mutations from an empty or bot-like User-Agent are rejected, as Nosto does."""

from __future__ import annotations

import pytest
from sandbox_helpers import SandboxHTTP


@pytest.mark.parametrize("user_agent", ["", "Googlebot/2.1", "my-crawler BOT"])
@pytest.mark.parametrize(
    "document", ["mutation { newSession }", 'mutation { updateSession(id: "x") { id } }']
)
def test_bot_like_user_agent_cannot_use_sessions(
    api: SandboxHTTP, user_agent: str, document: str
) -> None:
    body = api.graphql(document, headers={"User-Agent": user_agent})
    (error,) = body["errors"]
    assert "bot detection" in error["message"]
    assert error["errorType"] == "DataFetchingException"
    assert list(body["data"].values()) == [None]


def test_realistic_user_agent_is_served(api: SandboxHTTP) -> None:
    body = api.graphql("mutation { newSession }", headers={"User-Agent": "Mozilla/5.0 shop"})
    assert "errors" not in body and body["data"]["newSession"]


def test_queries_are_not_subject_to_bot_detection(api: SandboxHTTP) -> None:
    body = api.graphql("{ segments { segments { id } } }", headers={"User-Agent": ""})
    assert "errors" not in body
