"""``nosto-gql email ...`` and ``nosto-gql gdpr ...``: the API_EMAIL calls from a shell.

Building the parser imports nothing heavy (this module needs only the exceptions); the client is
imported when a command runs. Exit codes as for ``products`` (see `_cli_common`).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ._cli_common import (
    EXIT_USAGE,
    PlannedCall,
    add_json_flag,
    environment_epilog,
    read_text,
    report_failure,
    send_planned,
)

ENVIRONMENT = environment_epilog("EMAIL", "an address is invalid")
ADDRESS_CHECK = (
    "Every address is checked before anything is sent (one @, no whitespace); an invalid one is "
    "named by its position, emails[i] counting from 0 (blank lines are not counted), and then "
    "nothing is sent."
)
NOTHING_SENT = "no addresses: nothing sent"


def read_addresses(path: str) -> list[Any]:
    """Addresses from a file ('-' is stdin): one per line, blank lines ignored, surrounding
    whitespace (a CRLF's carriage return) stripped; or a JSON array."""
    text = read_text(path)
    if text.lstrip().startswith("["):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        return list(document)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _add_address_list(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("addresses", nargs="*", metavar="ADDRESS", help="e-mail addresses")
    parser.add_argument(
        "--file",
        help="one address per line (blank lines ignored) or a JSON array; '-' for stdin",
    )
    add_json_flag(parser)


def add_email_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``blacklist``, ``unblacklist`` and ``consent`` to the ``email`` command."""
    parser.description = "The triggered-e-mail blacklist and marketing consent."
    parser.epilog = ENVIRONMENT
    actions = parser.add_subparsers(dest="email_action", required=True)
    blacklist = actions.add_parser(
        "blacklist",
        help="stop Nosto's triggered e-mails (abandoned cart, order follow-up...) to addresses",
        description="Adds the addresses to the account's blacklist: Nosto sends them no more "
        "triggered e-mails (cart abandonment, order follow-up, 'we miss you'). Repeats are sent "
        f"once. {ADDRESS_CHECK}",
        epilog=ENVIRONMENT,
    )
    _add_address_list(blacklist)
    unblacklist = actions.add_parser(
        "unblacklist",
        help="allow Nosto's triggered e-mails to addresses again",
        description="Removes the addresses from the account's blacklist, so Nosto's triggered "
        f"e-mails reach them again. {ADDRESS_CHECK}",
        epilog=ENVIRONMENT,
    )
    _add_address_list(unblacklist)
    consent = actions.add_parser(
        "consent",
        help="grant or revoke an address's e-mail marketing permission",
        description="Sets the address's marketing permission at Nosto, overriding what the "
        "shop's customer tagging reported (e.g. when a newsletter subscription changes "
        "elsewhere).",
        epilog=ENVIRONMENT,
    )
    consent.add_argument("address", metavar="ADDRESS", help="e-mail address")
    consent.add_argument(
        "state", choices=["grant", "revoke"], help="grant or revoke marketing permission"
    )
    add_json_flag(consent)


def add_gdpr_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``takeout`` and ``redact`` to the ``gdpr`` command."""
    parser.description = (
        "GDPR requests for one e-mail address. Both are asynchronous at Nosto: accepted now, "
        "finished within 24 hours."
    )
    parser.epilog = ENVIRONMENT
    actions = parser.add_subparsers(dest="gdpr_action", required=True)
    takeout = actions.add_parser(
        "takeout",
        help="ask Nosto to export an address's personal data (async, within 24 h)",
        description="Asks Nosto to export the personal data it holds for the address. The "
        "request is queued and finishes within 24 hours; if Nosto knows the address, a "
        "notification e-mail is sent when the export is done. Each request starts another "
        "export, so one that may have reached Nosto is never resent: after a timeout or a 5xx "
        "the command fails instead of retrying, and the export may still have been queued.",
        epilog=ENVIRONMENT,
    )
    takeout.add_argument("address", metavar="ADDRESS", help="e-mail address")
    add_json_flag(takeout)
    redact = actions.add_parser(
        "redact",
        help="ask Nosto to erase an address's personal data (async, within 24 h)",
        description="Asks Nosto to erase (redact) all personal data it holds for the address. "
        "The request is queued and finishes within 24 hours; if Nosto knows the address, a "
        "notification e-mail is sent when it is done. Retried on temporary failures: erasing "
        "twice is harmless.",
        epilog=ENVIRONMENT,
    )
    redact.add_argument("address", metavar="ADDRESS", help="e-mail address")
    add_json_flag(redact)


def _planned_blacklist_change(args: argparse.Namespace) -> PlannedCall:
    """OSError/ValueError/RecursionError when the file cannot be read."""
    addresses = list(args.addresses) or read_addresses(args.file)
    # What the client sends: repeats once (invalid entries stop the call before this matters),
    # and no request at all for an empty file.
    sent = len(dict.fromkeys(a for a in addresses if isinstance(a, str)))
    report = {"action": args.email_action, "addresses_sent": sent}
    if args.email_action == "blacklist":
        done = f"blacklisted {sent} address(es): no more triggered e-mails to them"
        return PlannedCall(
            lambda client: client.email.blacklist(addresses), done if sent else NOTHING_SENT, report
        )
    done = f"removed {sent} address(es) from the blacklist"
    return PlannedCall(
        lambda client: client.email.unblacklist(addresses), done if sent else NOTHING_SENT, report
    )


def _planned_consent(args: argparse.Namespace) -> PlannedCall:
    address: str = args.address
    granted = args.state == "grant"
    return PlannedCall(
        send=lambda client: client.email.set_consent(address, granted),
        summary=f"marketing permission {'granted' if granted else 'revoked'} for {address}",
        report={"action": "consent", "email": address, "granted": granted},
    )


def _planned_gdpr_request(args: argparse.Namespace) -> PlannedCall:
    address: str = args.address
    if args.gdpr_action == "takeout":
        return PlannedCall(
            send=lambda client: client.gdpr.takeout(address),
            summary=f"takeout requested for {address}: Nosto exports the data within 24 hours",
            report={"action": "takeout", "email": address},
        )
    return PlannedCall(
        send=lambda client: client.gdpr.redact(address),
        summary=f"redaction requested for {address}: Nosto erases the data within 24 hours",
        report={"action": "redact", "email": address},
    )


def run_email(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql email ...``."""
    if args.email_action == "consent":
        return send_planned(args.json, _planned_consent(args))
    if bool(args.addresses) == (args.file is not None):
        report_failure(args.json, "UsageError", "give addresses or --file FILE (not both)", {})
        return EXIT_USAGE
    try:
        planned = _planned_blacklist_change(args)
    except (OSError, ValueError, RecursionError) as exc:
        report_failure(args.json, "InputFileError", f"cannot read {args.file}: {exc}", {})
        return EXIT_USAGE
    return send_planned(args.json, planned)


def run_gdpr(args: argparse.Namespace) -> int:
    """Handler of ``nosto-gql gdpr ...``."""
    return send_planned(args.json, _planned_gdpr_request(args))
