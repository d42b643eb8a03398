"""``nosto-gql products ...``: catalog uploads, discontinues and recrawls from files."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ._cli_common import (
    InputFileError,
    add_json_flag,
    environment_epilog,
    int_in_range,
    read_text,
    report_failure,
    report_nosto_error,
)
from ._exceptions import NostoError

if TYPE_CHECKING:
    from ._client import NostoClient
    from .rest import BulkSummary


def read_items(path: str) -> list[Any]:
    """A JSON array, a single JSON object, or JSON lines (one object per line); '-' is stdin."""
    text = read_text(path)
    if not path.endswith(".jsonl"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":  # anything but several documents, one per line
                raise InputFileError(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        else:
            return list(document) if isinstance(document, list) else [document]
    # "\n" only, as a file iterates: a JSON string may hold U+2028, which splitlines() splits on.
    return list(_json_lines(enumerate(text.split("\n"), start=1)))


def iter_jsonl(path: str) -> Iterator[Any]:
    """The objects of a JSON-lines file, read lazily (blank lines skipped); `InputFileError`
    names the first line that is not JSON."""
    with open(path, encoding="utf-8-sig", errors="strict") as lines:
        yield from _json_lines(_numbered(lines))


def _json_lines(lines: Iterable[tuple[int, str]]) -> Iterator[Any]:
    """The value of each non-blank numbered line; `InputFileError` names a line that is not
    JSON."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"line {number} column {exc.colno}: {exc.msg}") from None


def _numbered(lines: Iterator[str]) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        number += 1
        try:
            line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise InputFileError(f"line {number}: not UTF-8 text ({exc.reason})") from None
        yield number, line


def read_ids(path: str) -> list[Any]:
    """Product ids from a JSON array, or one per line (plain text, or a JSON string or object:
    ``A``, ``"A"``, ``12``); objects stand for their ``product_id``, so a catalog file works too.
    A plain line is the id exactly as written (``-0`` stays ``-0``). '-' is stdin."""
    text = read_text(path)
    try:
        document = json.loads(text) if text.lstrip()[:1] in ("[", "{", '"') else None
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":  # several documents, one per line: read line by line
            raise InputFileError(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        document = None
    if isinstance(document, list):
        values = document
    elif document is not None:
        values = [document]
    else:
        values = [_line_value(line.strip()) for line in text.split("\n") if line.strip()]
    return [v.get("product_id", v) if isinstance(v, dict) else v for v in values]


def _line_value(line: str) -> Any:
    if not line.startswith(('"', "{")):
        return line
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return line
    return value if isinstance(value, (str, dict)) else line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    epilog = environment_epilog("PRODUCTS", "an item failed validation").replace(
        "0 Nosto accepted the request", "0 Nosto accepted every item"
    )
    parser.description = "Keep Nosto's copy of the catalog in sync (API_PRODUCTS)."
    parser.epilog = epilog
    actions = parser.add_subparsers(dest="products_action", required=True)
    upsert = actions.add_parser(
        "upsert",
        help="create or update products (split under Nosto's 2 MB cap automatically)",
        description="Creates or updates the products in FILE. Every product is validated "
        "before anything is sent; requests are split under Nosto's 2 MB cap; the result says "
        "per product whether it was accepted, rejected by Nosto (with its message), failed or "
        "not attempted.",
        epilog=epilog,
    )
    upsert.add_argument(
        "file",
        help="JSON array, JSON object or .jsonl file; '-' for stdin. A .jsonl file is read "
        "twice (validated whole, then sent), so memory stays at one request for any size; "
        "repeated ids are only caught in a JSON array (finding them in a stream would take "
        "memory in proportion to the catalog)",
    )
    upsert.add_argument(
        "--partial",
        action="store_true",
        help="allow partial updates (only product_id required), e.g. availability changes",
    )
    add_json_flag(upsert)
    _add_max_per_request(upsert)
    discontinue = actions.add_parser(
        "discontinue",
        help="mark products Discontinued (removed from the catalog) by id",
        description="Marks the products Discontinued at once (for products removed from the "
        "catalog; upsert OutOfStock for ones merely sold out). Ids Nosto does not know are "
        "accepted.",
        epilog=epilog,
    )
    discontinue.add_argument("ids", nargs="*", metavar="ID", help="product ids")
    discontinue.add_argument(
        "--file",
        help="JSON array of ids, or one id per line (objects give their product_id); '-' for stdin",
    )
    add_json_flag(discontinue)
    _add_max_per_request(discontinue)
    recrawl = actions.add_parser(
        "recrawl",
        help="ask Nosto to re-crawl product pages (never resent: each costs a page load)",
        description="Asks Nosto's crawler to re-read each product page. Each item costs your "
        "shop one page load, so a request that may have reached Nosto is never resent.",
        epilog=epilog,
    )
    recrawl.add_argument(
        "file",
        help="JSON array or .jsonl of {product_id, url} objects, or Nosto's own body "
        "{\"products\": [...]}; '-' for stdin",
    )
    add_json_flag(recrawl)
    _add_max_per_request(recrawl)


def _add_max_per_request(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-per-request",
        type=int_in_range(1, None),
        metavar="N",
        help="also cap the items per request (requests always stay under Nosto's 2 MB)",
    )


def _call(args: argparse.Namespace) -> Callable[[NostoClient], BulkSummary]:
    """The client call to make, with its input read; OSError/ValueError for unusable files."""
    if args.products_action == "discontinue":
        ids = list(args.ids) or read_ids(args.file)
        return lambda client: client.products.discontinue(
            ids, max_items_per_request=args.max_per_request
        )
    limit = args.max_per_request
    if args.products_action == "upsert" and _streamable(args.file):
        path = args.file
        # Two passes over the file: everything is validated before the first request (nothing
        # is sent if a product is bad) and memory stays at one request whatever the file's size.
        return lambda client: client.products.upsert_stream(
            lambda: iter_jsonl(path),
            validate_first=True,
            partial=args.partial,
            max_items_per_request=limit,
        )
    items = read_items(args.file)
    if args.products_action == "recrawl":
        items = _unwrapped_recrawl(items)
        return lambda client: client.products.recrawl(items, max_items_per_request=limit)
    return lambda client: client.products.upsert(
        items, partial=args.partial, max_items_per_request=limit
    )


def _unwrapped_recrawl(items: list[Any]) -> list[Any]:
    """Nosto's own recrawl body, ``{"products": [...]}``, stands for its items."""
    if len(items) == 1 and isinstance(items[0], dict) and set(items[0]) == {"products"}:
        wrapped = items[0]["products"]
        if isinstance(wrapped, list):
            return wrapped
    return items


def _streamable(path: str) -> bool:
    """A JSON-lines file on disk (stdin cannot be read twice)."""
    return path != "-" and path.endswith(".jsonl") and os.path.isfile(path)


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
    except (OSError, InputFileError) as exc:  # met while a streamed upload read the file
        report_failure(args.json, "InputFileError", f"cannot read {args.file}: {exc}", {})
        return 2
    from .rest import BulkResult, ItemStatus

    counts = {status.value: result.count(status) for status in ItemStatus}
    # Every item, except after a streamed upload (a .jsonl file), which keeps only the items
    # not accepted so that memory stays bounded; their number is in counts either way.
    listed_all = isinstance(result, BulkResult)
    outcomes = result.outcomes if isinstance(result, BulkResult) else result.problems
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "requests_sent": result.requests_sent,
                    "counts": counts,
                    "products_listed": "all" if listed_all else "not_accepted",
                    "products": [
                        {"product_id": o.item_id, "status": o.status.value, "message": o.message}
                        for o in outcomes
                    ],
                },
                indent=2,
            )
        )
    else:
        listed = ", ".join(
            f"{n} {status.replace('_', ' ')}"
            for status, n in counts.items()
            if n or status != "invalid"  # invalid only happens when streaming
        )
        print(f"{listed} in {result.requests_sent} request(s)")
        for outcome in outcomes:
            if outcome.message:
                print(f"  {outcome.item_id}: {outcome.status.value}: {outcome.message}")
    return 0 if result.ok else 1
