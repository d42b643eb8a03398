"""What the REST subcommands (``products``, ``email``, ``gdpr`` ...) share: reading an input file
or stdin, and reporting a failure the same way, as text on stderr or as ``{"ok": false, ...}``.

Exit codes: 0 success; 1 the call ran and Nosto (or local validation) found problems; 2 a setup
problem: wrong usage, an unreadable file, a missing, wrong-family or refused token.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._exceptions import (
    AuthenticationError,
    BulkUploadError,
    ConfigurationError,
    InvalidInputError,
    NostoError,
)

if TYPE_CHECKING:
    from ._client import NostoClient

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class InputFileError(ValueError):
    """An input file (or stdin) that cannot be used: missing, unreadable, or not JSON."""


def environment_epilog(family: str, invalid_input: str = "the input failed validation") -> str:
    """The ``--help`` epilog of a REST command: the environment it reads and its exit codes."""
    return (
        f"Reads NOSTO_API_{family}_TOKEN, NOSTO_API_BASE_URL and NOSTO_CA_FILE from the "
        f"environment. Exit codes: 0 Nosto accepted the request; 1 {invalid_input} (nothing "
        "sent) or Nosto answered with an error; 2 wrong usage, an unreadable file, or a missing "
        "or refused token."
    )


def int_in_range(low: int, high: int | None, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (no upper bound if None);
    anything else is a usage error naming the range."""
    wanted = f"{what} from {low} to {high}" if high is not None else f"{what} of {low} or more"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {wanted}; got {text!r}")
        return value

    return parse


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` option every REST command shares."""
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"ok": true, ...} or {"ok": false, "error": {...}} on stdout',
    )


def read_text(path: str) -> str:
    """The file's text ('-' is stdin), without a leading byte-order mark."""
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    # Spreadsheet exports often start with a byte-order mark.
    return text.removeprefix("\ufeff")


def report_failure(as_json: bool, kind: str, message: str, details: dict[str, Any]) -> None:
    """Print a failure: ``{"ok": false, "error": {"type", "message", **details}}`` on stdout
    with ``--json`` (so scripts parse one shape whatever happened), else a line on stderr."""
    if as_json:
        print(json.dumps({"ok": False, "error": {"type": kind, "message": message, **details}}))
    else:
        print(f"nosto-gql: {kind}: {message}", file=sys.stderr)


def report_nosto_error(as_json: bool, error: NostoError) -> int:
    """Report ``error`` (listing every problem of an `InvalidInputError`) and return the exit
    code: 2 for setup problems, 1 for everything else."""
    details: dict[str, Any] = {}
    if isinstance(error, InvalidInputError):
        details["problems"] = [{"where": w, "problem": p} for w, p in error.problems]
    if isinstance(error, BulkUploadError):
        # What reached Nosto before the upload stopped, so a rerun can be planned.
        details["result"] = error.result.summary()
    report_failure(as_json, type(error).__name__, str(error), details)
    # A missing, wrong or refused token is a setup problem, like a bad base URL.
    setup_problem = isinstance(error, ConfigurationError | AuthenticationError)
    return EXIT_USAGE if setup_problem else EXIT_PROBLEMS


@dataclass(frozen=True)
class PlannedCall:
    """One call with its input already read, and how to report that Nosto accepted it."""

    send: Callable[[NostoClient], None]
    summary: str  # the line printed without --json
    report: dict[str, Any]  # the fields printed with --json, after "ok": true


def send_planned(as_json: bool, planned: PlannedCall, *, quiet: bool = False) -> int:
    """Make the call with a client from the environment and report the outcome; the exit code.

    ``quiet`` leaves printing a success to the caller (e.g. to print a result instead).
    """
    from ._client import NostoClient

    try:
        with NostoClient.from_env() as client:
            planned.send(client)
    except NostoError as exc:
        return report_nosto_error(as_json, exc)
    if quiet:
        return EXIT_OK
    if as_json:
        print(json.dumps({"ok": True, **planned.report}, indent=2))
    else:
        print(planned.summary)
    return EXIT_OK
