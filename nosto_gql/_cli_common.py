"""What the REST subcommands (``products``, ``email``, ``gdpr`` ...) share: reading an input file
or stdin, and reporting a failure the same way, as text on stderr or as ``{"ok": false, ...}``.

Exit codes: 0 success; 1 the call ran and Nosto (or local validation) found problems; 2 a setup
problem: wrong usage, an unreadable file, a missing, wrong-family or refused token.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ._exceptions import (
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NostoError,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
    details = {}
    if isinstance(error, InvalidInputError):
        details["problems"] = [{"where": w, "problem": p} for w, p in error.problems]
    report_failure(as_json, type(error).__name__, str(error), details)
    # A missing, wrong or refused token is a setup problem, like a bad base URL.
    setup_problem = isinstance(error, ConfigurationError | AuthenticationError)
    return EXIT_USAGE if setup_problem else EXIT_PROBLEMS
