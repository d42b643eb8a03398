"""``nosto-gql rates update``, ``nosto-gql settings update`` and the deprecated
``nosto-gql legacy-recommendations``: account configuration from a shell.

Building the parser imports nothing heavy; the client and models are imported when a command
runs. Exit codes as for every REST subcommand (see `_cli_common`).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from typing import Any

from ._cli_common import (
    EXIT_USAGE,
    PlannedCall,
    read_text,
    report_failure,
    send_planned,
)

_EXIT_CODES = (
    "Exit codes: 0 Nosto accepted the request; 1 the input failed validation (nothing sent) or "
    "Nosto answered with an error; 2 wrong usage, an unreadable file, or a missing or refused "
    "token."
)


def _environment(family: str) -> str:
    return (
        f"Reads NOSTO_API_{family}_TOKEN, NOSTO_API_BASE_URL and NOSTO_CA_FILE from the "
        f"environment. {_EXIT_CODES}"
    )


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"ok": true, ...} or {"ok": false, "error": {...}} on stdout',
    )


def add_rates_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``update`` to the ``rates`` command."""
    parser.description = "Exchange rates for shops that show prices in several currencies."
    parser.epilog = _environment("RATES")
    actions = parser.add_subparsers(dest="rates_action", required=True)
    update = actions.add_parser(
        "update",
        help="send the exchange rates from the primary currency to the others",
        description="Sends the rates that convert prices in the catalog's primary currency into "
        "the shop's other currencies (the primary currency itself is not sent). Give a JSON "
        'file, either Nosto\'s body {"rates": {...}, "valid_until": ...} or a plain mapping '
        '{"USD": 1.08, "GBP": 0.85}, or --rate CODE=RATE options. Every rate is checked first '
        "(above 0, ISO-4217 code, one per currency); an empty set is refused.",
        epilog=_environment("RATES"),
    )
    update.add_argument("file", nargs="?", metavar="FILE", help="JSON file; '-' for stdin")
    update.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="CODE=RATE",
        help="one rate, e.g. --rate USD=1.08 (repeat for more)",
    )
    update.add_argument(
        "--valid-until",
        metavar="TIMESTAMP",
        help="when Nosto stops applying the rates (and hides secondary-currency prices): an "
        "ISO-8601 time with its offset, e.g. 2030-01-31T00:00:00Z; sent as UTC",
    )
    _add_json_flag(update)


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``update`` to the ``settings`` command."""
    parser.description = "Account settings: title, language, front page, currencies."
    parser.epilog = _environment("SETTINGS")
    actions = parser.add_subparsers(dest="settings_action", required=True)
    update = actions.add_parser(
        "update",
        help="update account settings from a JSON file (keys left out stay unchanged)",
        description="Sends the settings in FILE with PUT /settings: title, language_code, "
        "front_page_url, currency_code, currencies (price format per currency), "
        "default_variant_id, use_exchange_rates. Keys left out are not sent. Every value is "
        "checked first.",
        epilog=_environment("SETTINGS"),
    )
    update.add_argument("file", metavar="FILE", help="JSON object; '-' for stdin")
    update.add_argument(
        "--currency-format-keys",
        choices=["camelCase", "snake_case"],
        default="camelCase",
        help="spelling of the keys inside each currency format: camelCase (the current PHP "
        "SDK's, default) or snake_case (older SDKs'); either is accepted in FILE",
    )
    _add_json_flag(update)


def add_legacy_recommendations_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the deprecated ``legacy-recommendations`` command."""
    parser.description = (
        "DEPRECATED: fetch recommendations from Nosto's legacy API (API_REC) for slot ids and "
        "print the JSON Nosto returns. Use the GraphQL recos operations instead."
    )
    parser.epilog = _environment("REC")
    parser.add_argument("elements", nargs="+", metavar="SLOT_ID", help="recommendation slot ids")
    _add_json_flag(parser)


def _read_json(path: str) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None


def _parse_rate_options(options: list[str]) -> dict[str, str]:
    rates: dict[str, str] = {}
    for option in options:
        code, equals, rate = option.partition("=")
        if not equals or not code.strip():
            raise ValueError(f"--rate {option!r}: expected CODE=RATE, e.g. USD=1.08")
        rates[code.strip()] = rate.strip()
    return rates


def _planned_rates(args: argparse.Namespace) -> PlannedCall:
    """ValueError/OSError for input that cannot be read; validation happens in the client."""
    from .models.rates import ExchangeRates
    from .rest.account import validated_body

    if bool(args.rate) == (args.file is not None):
        raise ValueError("give a FILE or --rate CODE=RATE options (not both)")
    document = _read_json(args.file) if args.file is not None else _parse_rate_options(args.rate)
    valid_until = args.valid_until
    if isinstance(document, dict) and "rates" in document:
        if valid_until is not None and document.get("valid_until") is not None:
            raise ValueError("valid_until is both in the file and given with --valid-until")
        rates_input: Any = {**document, "valid_until": valid_until or document.get("valid_until")}
    else:
        rates_input = {"rates": document, "valid_until": valid_until}

    def send(client: Any) -> None:
        # Validated here (not in `_planned_rates`'s caller) so problems are reported like any
        # other `InvalidInputError`: exit 1, each field named.
        client.rates.update(validated_body(ExchangeRates, rates_input, "exchange rates", ""))

    count = len(rates_input["rates"]) if isinstance(rates_input.get("rates"), dict) else 0
    return PlannedCall(
        send=send,
        summary=f"sent {count} exchange rate(s)",
        report={"action": "rates update", "rates_sent": count},
    )


def _planned_settings(args: argparse.Namespace) -> PlannedCall:
    settings = _read_json(args.file)
    keys = args.currency_format_keys
    return PlannedCall(
        send=lambda client: client.settings.update(settings, currency_format_keys=keys),
        summary="settings updated",
        report={"action": "settings update", "currency_format_keys": keys},
    )


def run_rates(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql rates update``."""
    try:
        planned = _planned_rates(args)
    except (OSError, ValueError, RecursionError) as exc:
        report_failure(args.json, "InputError", str(exc), {})
        return EXIT_USAGE
    return send_planned(args.json, planned)


def run_settings(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql settings update``."""
    try:
        planned = _planned_settings(args)
    except (OSError, ValueError, RecursionError) as exc:
        report_failure(args.json, "InputFileError", f"cannot read {args.file}: {exc}", {})
        return EXIT_USAGE
    return send_planned(args.json, planned)


def run_legacy_recommendations(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql legacy-recommendations``: prints Nosto's JSON."""
    result: dict[str, Any] = {}

    def send(client: Any) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DeprecationWarning)
            result["value"] = client.legacy_recommendations.get(args.elements)
        for warning in caught:
            print(f"nosto-gql: warning: {warning.message}", file=sys.stderr)

    planned = PlannedCall(send=send, summary="", report={})
    code = send_planned(args.json, planned, quiet=True)
    if code == 0:
        value = result["value"]
        print(json.dumps({"ok": True, "result": value} if args.json else value, indent=2))
    return code
