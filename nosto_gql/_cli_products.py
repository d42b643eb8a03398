"""``nosto-gql products ...``: catalog uploads, discontinues and recrawls from files."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._cli_common import read_text, report_failure, report_nosto_error
from ._exceptions import NostoError

if TYPE_CHECKING:
    from ._client import NostoClient
    from .rest import BulkResult


def read_items(path: str) -> list[Any]:
    """A JSON array, a single JSON object, or JSON lines (one object per line); '-' is stdin."""
    text = read_text(path)
    if not path.endswith(".jsonl"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":  # anything but several documents, one per line
                raise ValueError(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        else:
            return list(document) if isinstance(document, list) else [document]
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} column {exc.colno}: {exc.msg}") from None
    return items


def read_ids(path: str) -> list[Any]:
    """Product ids from a JSON array, or one per line (plain or JSON: ``A``, ``"A"``, ``12``);
    objects stand for their ``product_id``, so a catalog file works too. '-' is stdin."""
    text = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        values = [_line_value(line.strip()) for line in text.splitlines() if line.strip()]
    else:
        values = document if isinstance(document, list) else [document]
    return [v.get("product_id", v) if isinstance(v, dict) else v for v in values]


def _line_value(line: str) -> Any:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return line
    return value if isinstance(value, (str, int, dict)) else line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    environment = "Reads NOSTO_API_PRODUCTS_TOKEN and NOSTO_API_BASE_URL from the environment."
    actions = parser.add_subparsers(dest="products_action", required=True)
    upsert = actions.add_parser(
        "upsert",
        help="create or update products (split under Nosto's 2 MB cap automatically)",
        description=environment,
    )
    upsert.add_argument("file", help="JSON array, JSON object or .jsonl file; '-' for stdin")
    upsert.add_argument(
        "--partial",
        action="store_true",
        help="allow partial updates (only product_id required), e.g. availability changes",
    )
    upsert.add_argument("--json", action="store_true", help="print the per-product result as JSON")
    discontinue = actions.add_parser(
        "discontinue",
        help="mark products Discontinued (removed from the catalog) by id",
        description=environment,
    )
    discontinue.add_argument("ids", nargs="*", metavar="ID", help="product ids")
    discontinue.add_argument(
        "--file",
        help="JSON array of ids, or one id per line (objects give their product_id); '-' for stdin",
    )
    discontinue.add_argument("--json", action="store_true", help="print the per-id result as JSON")
    recrawl = actions.add_parser(
        "recrawl",
        help="ask Nosto to re-crawl product pages (never resent: each costs a page load)",
        description=environment,
    )
    recrawl.add_argument(
        "file", help="JSON array or .jsonl of {product_id, url} objects; '-' for stdin"
    )
    recrawl.add_argument("--json", action="store_true", help="print the per-item result as JSON")


def _call(args: argparse.Namespace) -> Callable[[NostoClient], BulkResult]:
    """The client call to make, with its input read; OSError/ValueError for unusable files."""
    if args.products_action == "discontinue":
        ids = list(args.ids) or read_ids(args.file)
        return lambda client: client.products.discontinue(ids)
    items = read_items(args.file)
    if args.products_action == "recrawl":
        return lambda client: client.products.recrawl(items)
    return lambda client: client.products.upsert(items, partial=args.partial)


def run(args: argparse.Namespace) -> int:
    from ._client import NostoClient

    if args.products_action == "discontinue" and bool(args.ids) == (args.file is not None):
        message = "give product ids or --file FILE (not both)"
        report_failure(args.json, "UsageError", message, {})
        return 2
    try:
        call = _call(args)
    except (OSError, ValueError, RecursionError) as exc:
        problem = f"cannot read {args.file}: {exc}"
        report_failure(args.json, "InputFileError", problem, {})
        return 2
    try:
        with NostoClient.from_env() as client:
            result = call(client)
    except NostoError as exc:
        return report_nosto_error(args.json, exc)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "requests_sent": result.requests_sent,
                    "products": [
                        {"product_id": o.item_id, "status": o.status.value, "message": o.message}
                        for o in result.outcomes
                    ],
                },
                indent=2,
            )
        )
    else:
        print(
            f"{len(result.accepted)} accepted, {len(result.rejected)} rejected, "
            f"{len(result.failed)} failed, {len(result.not_attempted)} not attempted "
            f"in {result.requests_sent} request(s)"
        )
        for outcome in result.outcomes:
            if outcome.message:
                print(f"  {outcome.item_id}: {outcome.status.value}: {outcome.message}")
    return 0 if result.ok else 1
