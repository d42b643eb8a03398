"""``nosto-gql schema pull`` and ``nosto-gql schema diff``.

Building the parser imports nothing heavy; the handlers import `nosto_gql.schema_tools` (and,
for a live pull, the client) only when they run.

Exit codes: ``pull`` 0 written, 1 Nosto's answer was an error or not a schema, 2 setup problem
(no or refused API_APPS token, non-https base URL, unreadable file); ``diff`` 0 no breaking change,
1 breaking changes found, 2 a schema file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ._cli_common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def add_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``schema pull`` / ``schema diff`` to the top-level subparsers (``add_subparsers()``)."""
    schema = commands.add_parser(
        "schema",
        help="pull the live API_APPS schema, diff schemas",
        description="Fetch the live API_APPS schema as SDL, or compare two versions of a schema.",
    )
    actions = schema.add_subparsers(dest="schema_action", required=True)

    pull = actions.add_parser(
        "pull",
        help="fetch the live API_APPS schema by introspection and print it as SDL",
        description="Introspects POST /v1/graphql with NOSTO_API_APPS_TOKEN (NOSTO_API_BASE_URL "
        "and NOSTO_CA_FILE are honoured) and writes the schema as SDL.",
    )
    pull.add_argument("--out", metavar="FILE", help="write the SDL to FILE (default: stdout)")
    pull.add_argument(
        "--from-file",
        metavar="JSON",
        help="convert a saved introspection result instead of calling Nosto",
    )
    pull.add_argument(
        "--sort", action="store_true", help="sort types and fields by name (stable diffs)"
    )
    pull.set_defaults(handler=run_pull)

    diff = actions.add_parser(
        "diff",
        help="report breaking, dangerous and safe changes between two schemas",
        description="OLD and NEW are SDL files or introspection JSON files. One line per change: "
        "BREAKING (an existing operation may fail), DANGEROUS (it may behave differently), "
        "SAFE (it cannot tell). Exit code 1 when a change is breaking.",
    )
    diff.add_argument("old", help="the schema before (SDL or introspection JSON)")
    diff.add_argument("new", help="the schema after (SDL or introspection JSON)")
    diff.add_argument("--json", action="store_true", help="print the changes as one JSON object")
    diff.set_defaults(handler=run_diff)


def run_pull(args: argparse.Namespace) -> int:
    from ._exceptions import AuthenticationError, ConfigurationError, NostoError
    from .schema_tools import SchemaSourceError, load_introspection_file, print_sdl, pull_sdl

    try:
        if args.from_file:
            sdl = print_sdl(load_introspection_file(Path(args.from_file)), sort=args.sort)
        else:
            from ._client import NostoClient

            with NostoClient.from_env() as client:
                sdl = pull_sdl(client, sort=args.sort)
    except (SchemaSourceError, ConfigurationError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except AuthenticationError as exc:  # a wrong or wrong-family token: setup, as in `products`
        return _fail(f"{type(exc).__name__}: {exc}", EXIT_USAGE)
    except NostoError as exc:
        return _fail(f"{type(exc).__name__}: {exc}", EXIT_PROBLEMS)
    if not args.out:
        sys.stdout.write(sdl)
        return EXIT_OK
    try:
        Path(args.out).write_text(sdl, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}", EXIT_USAGE)
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    from .schema_tools import SchemaSourceError, diff_schemas, has_breaking, load_schema, summarize

    try:
        old, new = load_schema(Path(args.old)), load_schema(Path(args.new))
    except SchemaSourceError as exc:
        if args.json:
            error = {"type": "SchemaSourceError", "message": str(exc)}
            print(json.dumps({"ok": False, "error": error}))
            return EXIT_USAGE
        return _fail(str(exc), EXIT_USAGE)
    changes = diff_schemas(old, new)
    counts = summarize(changes)
    breaking = has_breaking(changes)
    if args.json:
        report = {
            "ok": not breaking,
            "counts": counts,
            "changes": [change.to_dict() for change in changes],
        }
        print(json.dumps(report, indent=2))
    else:
        for change in changes:
            print(change)
        summary = ", ".join(f"{count} {level}" for level, count in counts.items())
        print(f"{summary} change(s)" if changes else "no changes", file=sys.stderr)
    return EXIT_PROBLEMS if breaking else EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"nosto-gql: {message}", file=sys.stderr)
    return code
