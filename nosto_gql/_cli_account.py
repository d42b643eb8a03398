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
from collections.abc import Callable
from typing import Any

from ._cli_common import (
    EXIT_USAGE,
    InputFileError,
    PlannedCall,
    add_json_flag,
    environment_epilog,
    read_text,
    report_failure,
    send_planned,
)
from ._facts import SETTINGS_CURRENCY_FORMAT_KEYS


def add_rates_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``update`` to the ``rates`` command."""
    parser.description = "Exchange rates for shops that show prices in several currencies."
    parser.epilog = environment_epilog("RATES")
    actions = parser.add_subparsers(dest="rates_action", required=True)
    update = actions.add_parser(
        "update",
        help="send the exchange rates from the primary currency to the others",
        description="Sends the rates that convert prices in the catalog's primary currency into "
        "the shop's other currencies (the primary currency itself is not sent). Give a JSON "
        'file, either Nosto\'s body {"rates": {...}, "valid_until": ...} or a plain mapping '
        '{"USD": 1.08, "GBP": 0.85}, or --rate CODE=RATE options. Every rate is checked first '
        "(above 0, ISO-4217 code, one per currency); an empty set is refused.",
        epilog=environment_epilog("RATES"),
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
    add_json_flag(update)


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``update`` to the ``settings`` command."""
    parser.description = "Account settings: title, language, front page, currencies."
    parser.epilog = environment_epilog("SETTINGS")
    actions = parser.add_subparsers(dest="settings_action", required=True)
    update = actions.add_parser(
        "update",
        help="update account settings from a JSON file (keys left out stay unchanged)",
        description="Sends the settings in FILE with PUT /settings: title, language_code, "
        "front_page_url, currency_code, currencies (price format per currency), "
        "default_variant_id, use_exchange_rates. Keys left out are not sent. Every value is "
        "checked first.",
        epilog=environment_epilog("SETTINGS"),
    )
    update.add_argument("file", metavar="FILE", help="JSON object; '-' for stdin")
    update.add_argument(
        "--currency-format-keys",
        choices=["camelCase", "snake_case"],
        default=None,
        help="spelling of the keys inside each currency format: camelCase (the current PHP "
        f"SDK's) or snake_case (older SDKs'); default {SETTINGS_CURRENCY_FORMAT_KEYS}; either "
        "is accepted in FILE",
    )
    add_json_flag(update)


def add_legacy_recommendations_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the deprecated ``legacy-recommendations`` command."""
    parser.description = (
        "DEPRECATED: fetch recommendations from Nosto's legacy API (API_REC) for slot ids and "
        "print the JSON Nosto returns. Use the GraphQL recos operations instead."
    )
    parser.epilog = environment_epilog("REC")
    parser.add_argument("elements", nargs="+", metavar="SLOT_ID", help="recommendation slot ids")
    add_json_flag(parser)


def _read_json(path: str) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        message = f"cannot read {path}: line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise InputFileError(message) from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        raise InputFileError(f"cannot read {path}: {exc}") from None


def _parse_rate_options(options: list[str]) -> dict[str, str]:
    rates: dict[str, str] = {}
    for option in options:
        code, equals, rate = option.partition("=")
        if not equals or not code.strip():
            raise ValueError(f"--rate {option!r}: expected CODE=RATE, e.g. USD=1.08")
        code = code.strip()
        if code.upper() in (known.upper() for known in rates):
            raise ValueError(f"--rate {code} is given twice; keep one")
        rates[code] = rate.strip()
    return rates


def _planned_rates(args: argparse.Namespace) -> PlannedCall:
    """ValueError/OSError for input that cannot be read; validation happens in the client."""
    if bool(args.rate) == (args.file is not None):
        raise ValueError("give a FILE or --rate CODE=RATE options (not both)")
    document = _read_json(args.file) if args.file is not None else _parse_rate_options(args.rate)
    is_body = isinstance(document, dict) and isinstance(document.get("rates"), dict)
    body: dict[str, Any] = dict(document) if is_body else {"rates": document}
    if args.valid_until is not None:
        if body.get("valid_until") is not None:
            raise ValueError("valid_until is both in the file and given with --valid-until")
        body["valid_until"] = args.valid_until
    count = len(body["rates"]) if isinstance(body["rates"], dict) else 0
    return PlannedCall(
        send=lambda client: client.rates.update(body),
        summary=f"sent {count} exchange rate(s)",
        report={"action": "rates update", "rates_sent": count},
    )


def _planned_settings(args: argparse.Namespace) -> PlannedCall:
    settings = _read_json(args.file)
    keys = args.currency_format_keys
    return PlannedCall(
        send=lambda client: client.settings.update(settings, currency_format_keys=keys),
        summary="settings updated",
        report={
            "action": "settings update",
            "currency_format_keys": keys or SETTINGS_CURRENCY_FORMAT_KEYS,
        },
    )


def run_rates(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql rates update``."""
    return _run(args, _planned_rates)


def run_settings(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql settings update``."""
    return _run(args, _planned_settings)


def _run(args: argparse.Namespace, plan: Callable[[argparse.Namespace], PlannedCall]) -> int:
    try:
        planned = plan(args)
    except InputFileError as exc:
        report_failure(args.json, "InputFileError", str(exc), {})
        return EXIT_USAGE
    except ValueError as exc:
        report_failure(args.json, "UsageError", str(exc), {})
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
