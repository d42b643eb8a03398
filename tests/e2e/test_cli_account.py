"""`nosto-gql rates update`, `settings update` and `legacy-recommendations` against the sandbox
over TLS, configured only through the environment."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from reference_samples import require_samples

from nosto_gql.cli import main
from nosto_gql.sandbox import Sandbox

pytestmark = pytest.mark.usefixtures("pinned_now")


def test_rates_from_nostos_sample_file(env: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    sample = require_samples() / "exchangerates.json"
    assert main(["rates", "update", str(sample)]) == 0
    assert "sent 3 exchange rate(s)" in capsys.readouterr().out
    assert env.state.active_exchange_rates == {"SEK": 11.42, "USD": 1.08, "GBP": 0.85}


def test_rates_from_options_with_an_expiry_as_json(
    env: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["rates", "update", "--rate", "USD=1.08", "--rate", "GBP=0.85"]
    assert main([*argv, "--valid-until", "2031-01-01T02:00:00+02:00", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True,
        "action": "rates update",
        "rates_sent": 2,
    }
    record = env.state.exchange_rates
    assert record is not None and record.valid_until is not None
    assert record.valid_until.isoformat() == "2031-01-01T00:00:00+00:00"


def test_a_plain_mapping_from_stdin(
    env: Sandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"USD": "1.08"}'))
    assert main(["rates", "update", "-"]) == 0
    assert env.state.active_exchange_rates == {"USD": 1.08}


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["--rate", "USD=0"], "rates.USD.rate"),
        (["--rate", "DOLLARS=1.1"], "rates.DOLLARS.price_currency_code"),
        (["--rate", "USD=1.1", "--valid-until", "2031-01-01T00:00:00"], "valid_until"),
        (["--rate", "USD=1.1", "--valid-until", "2001-01-01T00:00:00Z"], "valid_until"),
    ],
)
def test_bad_rates_exit_1_naming_the_field_and_send_nothing(
    env: Sandbox, capsys: pytest.CaptureFixture[str], argv: list[str], where: str
) -> None:
    assert main(["rates", "update", *argv, "--json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["type"] == "InvalidInputError"
    assert [p["where"] for p in error["problems"]] == [where]
    assert env.state.exchange_rates is None
    assert not [r for r in env.state.requests if r.path == "/exchangerates"]


@pytest.mark.parametrize(
    "argv",
    [
        [],  # neither a file nor --rate
        ["file.json", "--rate", "USD=1"],  # both
        ["--rate", "USD"],  # not CODE=RATE
        ["--rate", "USD=1", "--rate", "usd=2"],  # one currency twice
        ["missing.json"],
    ],
)
def test_usage_and_unreadable_input_exit_2(
    env: Sandbox, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(["rates", "update", *argv]) == 2
    assert capsys.readouterr().err.startswith("nosto-gql: ")


def test_expiry_in_the_file_and_as_an_option_is_a_usage_error(env: Sandbox, tmp_path: Path) -> None:
    file = tmp_path / "rates.json"
    body = {"rates": {"USD": {"rate": 1.1, "price_currency_code": "USD"}}}
    file.write_text(json.dumps({**body, "valid_until": "2031-01-01T00:00:00Z"}))
    assert main(["rates", "update", str(file), "--valid-until", "2032-01-01T00:00:00Z"]) == 2


def test_settings_sample_files_with_each_casing(
    env: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = require_samples()
    assert main(["settings", "update", str(samples / "settings.json")]) == 0
    assert env.state.settings["currencies"]["USD"]["currencyToken"] == "$"
    legacy = str(samples / "settings-legacy-snake-case.json")
    assert main(["settings", "update", legacy, "--currency-format-keys", "snake_case"]) == 0
    assert env.state.settings["currencies"]["EUR"]["currency_token"] == "€"


def test_bad_settings_exit_1_and_a_wrong_token_exits_2(
    env: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "settings.json"
    file.write_text('{"titel": "Shop"}')
    assert main(["settings", "update", str(file), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["error"]["problems"]
    assert problems[0]["problem"] == "unknown key 'titel'; did you mean 'title'?"
    file.write_text('{"title": "Shop"}')
    monkeypatch.setenv("NOSTO_API_SETTINGS_TOKEN", env.tokens.rates or "")
    assert main(["settings", "update", str(file)]) == 2
    assert "AuthenticationError" in capsys.readouterr().err
    assert env.state.settings == {}


def test_legacy_recommendations_print_the_json_and_warn(
    env: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["legacy-recommendations", "frontpage-nosto-1"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"frontpage-nosto-1": {"products": []}}
    assert "deprecated" in captured.err
    assert main(["legacy-recommendations", "a,b"]) == 1  # a comma cannot be in a slot id


@pytest.mark.parametrize(
    "command", [["rates"], ["rates", "update"], ["settings", "update"], ["legacy-recommendations"]]
)
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "NOSTO_API_" in capsys.readouterr().out
