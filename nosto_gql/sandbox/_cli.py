"""``nosto-gql sandbox``: run the sandbox in the foreground until Ctrl-C.

It prints the shell lines that point `NostoClient.from_env()` (and other HTTPS tools) at it.
"""

from __future__ import annotations

import argparse
import json
import shlex
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from .._facts import BASE_URL_ENV_VAR, CA_FILE_ENV_VAR, TokenFamily
from ._sandbox import Sandbox

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class SeedFileError(Exception):
    """The --seed file cannot be used; reported with exit code 2, like any unusable input."""


def _read_seed(path: Path) -> list[Any]:
    try:
        products = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise SeedFileError(f"cannot read {path}: {problem}") from None
    if not isinstance(products, list):
        raise SeedFileError(f"{path} must hold a JSON array of products")
    return products


def connection_lines(sandbox: Sandbox) -> list[str]:
    """The `export` lines for a shell, one per setting, tokens included."""
    settings = {
        BASE_URL_ENV_VAR: sandbox.base_url,
        CA_FILE_ENV_VAR: sandbox.ca_file,
        **{
            family.env_var: token
            for family in TokenFamily
            if (token := sandbox.tokens.get(family)) is not None
        },
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in settings.items()]


def run(
    args: argparse.Namespace,
    *,
    stop: threading.Event | None = None,
    out: TextIO | None = None,
) -> int:
    """Serve until Ctrl-C, SIGTERM, or ``stop`` is set (the latter for embedding and tests)."""
    out = out or sys.stdout
    try:
        products = _read_seed(args.seed) if args.seed else []
    except SeedFileError as problem:
        print(f"nosto-gql sandbox: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        # The sandbox prints its tokens and takes any request: on a shared network that is
        # everyone's sandbox.
        print(
            f"nosto-gql sandbox: warning: listening on {args.host}, not only on this machine; "
            "anyone who can reach it can use it",
            file=sys.stderr,
        )
    sandbox = Sandbox(host=args.host, port=args.port, log_level=args.log_level)
    rejected = sandbox.load_products(products)
    for product_id, problems in rejected:
        reason = ", ".join(p.message for p in problems)
        print(f"seed: skipped product {product_id or '(no id)'}: {reason}", file=sys.stderr)
    stop = stop or threading.Event()
    try:
        sandbox.start()
    except OSError as problem:
        print(
            f"nosto-gql sandbox: cannot listen on {args.host}:{args.port}: {problem}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        loaded = len(products) - len(rejected)
        lines = [
            f"Nosto sandbox listening on {sandbox.base_url} (Ctrl-C to stop)",
            f"CA certificate: {sandbox.ca_file}",
            *([f"Loaded {loaded} products from {args.seed}"] if args.seed else []),
            "",
            "# Paste into a shell; NostoClient.from_env() then talks to the sandbox:",
            *connection_lines(sandbox),
            "",
            "# Other HTTPS clients must trust the CA as well, e.g. `curl --cacert "
            f"{shlex.quote(sandbox.ca_file)}`, or SSL_CERT_FILE={shlex.quote(sandbox.ca_file)} "
            "for Python's ssl/httpx (it replaces the system CA bundle for that process).",
        ]
        print("\n".join(lines), file=out, flush=True)
        _serve_until(stop)
    finally:
        sandbox.stop()
    print("sandbox stopped", file=out, flush=True)
    return EXIT_OK


def _serve_until(stop: threading.Event) -> None:
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = None
    if in_main_thread:

        def on_sigterm(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        # A timed wait keeps the main thread responsive to Ctrl-C on every platform.
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
