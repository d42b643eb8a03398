"""`nosto-gql email ...` and `nosto-gql gdpr ...` against the sandbox over TLS, configured only
through the environment, as a user's shell would be."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from nosto_gql.cli import main
from nosto_gql.sandbox import Sandbox

# One call of every command, each with a valid address.
EVERY_COMMAND = [
    ["email", "blacklist", "a@x.com"],
    ["email", "unblacklist", "a@x.com"],
    ["email", "consent", "a@x.com", "grant"],
    ["gdpr", "takeout", "a@x.com"],
    ["gdpr", "redact", "a@x.com"],
]


def _nothing_recorded(sandbox: Sandbox) -> bool:
    state = sandbox.state
    return not state.blacklist and not state.consents and not state.gdpr_requests


def test_blacklist_addresses_then_unblacklist_from_a_file(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["email", "blacklist", "ann@x.com", "bo@y.org", "ann@x.com"]) == 0
    assert "blacklisted 2 address(es)" in capsys.readouterr().out
    assert env.state.blacklist == {"ann@x.com", "bo@y.org"}
    file = tmp_path / "allow.txt"
    file.write_text("bo@y.org\r\n\r\n  never@listed.com  \r\n")
    assert main(["email", "unblacklist", "--file", str(file)]) == 0
    assert "removed 2 address(es) from the blacklist" in capsys.readouterr().out
    assert env.state.blacklist == {"ann@x.com"}


def test_json_output_says_what_was_sent(env: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["email", "blacklist", "--json", "a@x.com", "b@x.com", "a@x.com"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"ok": True, "action": "blacklist", "addresses_sent": 2}
    assert main(["email", "consent", "--json", "a@x.com", "revoke"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"ok": True, "action": "consent", "email": "a@x.com", "granted": False}
    assert main(["gdpr", "takeout", "--json", "a@x.com"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True,
        "action": "takeout",
        "email": "a@x.com",
    }


def test_addresses_from_stdin_and_from_a_json_array(
    env: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\ufeffa@x.com\n\nb@x.com\n"))
    assert main(["email", "blacklist", "--file", "-"]) == 0
    assert "blacklisted 2 address(es)" in capsys.readouterr().out
    assert env.state.blacklist == {"a@x.com", "b@x.com"}
    file = tmp_path / "addresses.json"
    file.write_text(json.dumps(["c@x.com", "a@x.com"], indent=2))
    assert main(["email", "unblacklist", "--json", "--file", str(file)]) == 0
    assert json.loads(capsys.readouterr().out)["addresses_sent"] == 2
    assert env.state.blacklist == {"b@x.com"}


def test_an_invalid_address_is_named_and_nothing_is_sent(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(env.state.requests)
    assert main(["email", "blacklist", "a@x.com", "not-an-address", "b@x.com"]) == 1
    err = capsys.readouterr().err
    assert "InvalidInputError" in err and "emails[1]" in err
    file = tmp_path / "addresses.json"
    file.write_text(json.dumps(["a@x.com", 42, "b c@x.com"]))
    assert main(["email", "unblacklist", "--json", "--file", str(file)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["error"]["type"] == "InvalidInputError"
    assert [p["where"] for p in report["error"]["problems"]] == ["emails[1]", "emails[2]"]
    assert main(["gdpr", "redact", "--json", "ann@"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["problems"][0]["where"] == "email"
    assert len(env.state.requests) == before
    assert _nothing_recorded(env)


def test_consent_grant_and_revoke(env: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["email", "consent", "jo+news@x.com", "grant"]) == 0
    assert main(["email", "consent", "ann@x.com", "grant"]) == 0
    assert main(["email", "consent", "ann@x.com", "revoke"]) == 0
    assert "marketing permission revoked for ann@x.com" in capsys.readouterr().out
    assert env.state.consents == {"jo+news@x.com": True, "ann@x.com": False}


def test_takeout_and_redact_reach_the_sandbox(
    env: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["email", "consent", "ann@x.com", "grant"]) == 0
    assert main(["gdpr", "takeout", "ann@x.com"]) == 0
    assert "within 24 hours" in capsys.readouterr().out
    assert main(["gdpr", "redact", "ann@x.com"]) == 0
    assert env.state.gdpr_requests == [
        {"kind": "takeout", "email": "ann@x.com"},
        {"kind": "redact", "email": "ann@x.com"},
    ]
    assert env.state.consents == {}  # the redaction forgot the address


@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=lambda argv: "-".join(argv[:2]))
def test_a_missing_token_is_a_setup_error_naming_the_variable(
    env: Sandbox,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("NOSTO_API_EMAIL_TOKEN")
    before = len(env.state.requests)
    assert main(argv) == 2
    assert "NOSTO_API_EMAIL_TOKEN" in capsys.readouterr().err
    assert main([*argv, "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["type"] == "MissingTokenError"
    assert len(env.state.requests) == before


@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=lambda argv: "-".join(argv[:2]))
def test_another_familys_token_is_refused_as_a_setup_error(
    env: Sandbox,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NOSTO_API_EMAIL_TOKEN", env.tokens.products or "")
    assert main([*argv, "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["type"] == "AuthenticationError" and "API_PRODUCTS token" in error["message"]
    assert env.state.requests[-1].status == 401
    assert _nothing_recorded(env)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["email"], "blacklist"),
        (["email", "blacklist"], "triggered e-mails"),
        (["email", "unblacklist"], "again"),
        (["email", "consent"], "marketing permission"),
        (["gdpr"], "24 hours"),
        (["gdpr", "takeout"], "never resent"),
        (["gdpr", "redact"], "24 hours"),
    ],
)
def test_help_explains_the_call_and_exits_0(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())  # undo argparse's line wrapping
    assert says in help_text and "NOSTO_API_EMAIL_TOKEN" in help_text


def test_usage_errors_exit_2_and_send_nothing(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "addresses.txt"
    file.write_text("a@x.com\n")
    before = len(env.state.requests)
    assert main(["email", "blacklist", "b@x.com", "--file", str(file)]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["email", "unblacklist", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["type"] == "UsageError"
    assert main(["email", "blacklist", "--file", str(tmp_path / "missing.txt")]) == 2
    assert "InputFileError" in capsys.readouterr().err
    (tmp_path / "broken.json").write_text('[\n"a@x.com",\n')
    assert main(["email", "blacklist", "--json", "--file", str(tmp_path / "broken.json")]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["type"] == "InputFileError" and "line 3" in error["message"]
    with pytest.raises(SystemExit) as exit_info:  # argparse's own usage errors
        main(["email", "consent", "a@x.com", "maybe"])
    assert exit_info.value.code == 2
    assert len(env.state.requests) == before
    assert _nothing_recorded(env)


def test_an_empty_file_sends_nothing(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "empty.txt"
    file.write_text("\n\n")
    before = len(env.state.requests)
    assert main(["email", "blacklist", "--file", str(file)]) == 0
    assert "nothing sent" in capsys.readouterr().out
    assert len(env.state.requests) == before
