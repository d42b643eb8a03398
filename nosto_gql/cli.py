"""The ``nosto-gql`` command. Each subcommand imports what it needs only when it runs.

Exit codes: 0 success; 1 the command ran and found problems (invalid or stale operations, a
failed demo step, an API error); 2 wrong usage or configuration; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import keyword
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from .codegen import CodegenConfig

from ._cli_common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, int_in_range

# The shell convention for a command stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """The command line cannot work as given; reported with exit code 2."""


def _require_codegen() -> None:
    """generate and check need ariadne-codegen (and tomli before Python 3.11)."""
    needed = ["ariadne_codegen"] + (["tomli"] if sys.version_info < (3, 11) else [])
    for name in needed:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            raise UsageError(
                f"this command needs the codegen extra ({name} is not installed): "
                "pip install 'nosto-gql[codegen]'"
            ) from exc


def _codegen_config(args: argparse.Namespace) -> CodegenConfig:
    from ._schema import bundled_schema_path
    from .codegen import CodegenConfig, CodegenConfigError, check_target, load_config

    try:
        if args.config:
            config = load_config(Path(args.config))
        elif args.queries and args.package:
            config = CodegenConfig(
                schema_path=bundled_schema_path(),
                queries_path=Path(args.queries),
                package_name=args.package,
                target_dir=Path(args.target),
            )
        else:
            raise UsageError("give --config FILE, or --queries DIR and --package NAME")
        if args.schema:
            config.schema_path = Path(args.schema)
        if not config.schema_path.is_file():
            raise UsageError(f"schema file {config.schema_path} not found")
        if not config.queries_path.exists():
            raise UsageError(f"queries path {config.queries_path} not found")
        if not config.package_name.isidentifier() or keyword.iskeyword(config.package_name):
            raise UsageError(
                f"--package {config.package_name!r} is not a valid Python package name"
            )
        check_target(config)
    except CodegenConfigError as exc:
        raise UsageError(str(exc)) from exc
    return config


def _codegen_command(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Configuration errors become usage errors (exit 2); problems in the schema or the
    operations are printed as ``file:line:col: message`` (exit 1)."""

    def handler(args: argparse.Namespace) -> int:
        _require_codegen()
        from .codegen import CodegenConfigError, CodegenProblems

        try:
            return run(args)
        except CodegenConfigError as exc:
            raise UsageError(str(exc)) from exc
        except CodegenProblems as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
            return EXIT_PROBLEMS

    return handler


@_codegen_command
def _cmd_generate(args: argparse.Namespace) -> int:
    from .codegen import (
        CodegenProblems,
        check_replaceable,
        load_schema,
        render_package,
        validate_operations,
        write_package,
    )

    config = _codegen_config(args)
    check_replaceable(config, force=args.force)
    problems = validate_operations(
        load_schema(config.schema_path),
        [config.queries_path],
        exclude=[config.package_dir],
        module_names=config.module_names,
    )
    if problems:
        raise CodegenProblems(problems)
    package = write_package(config, render_package(config), force=args.force)
    print(f"generated {package} (sync {config.client_name}, async {config.async_client_name})")
    return EXIT_OK


@_codegen_command
def _cmd_check(args: argparse.Namespace) -> int:
    from .codegen import (
        CodegenProblems,
        load_schema,
        render_package,
        stale_files,
        validate_operations,
    )

    if args.extra_queries and not (args.config or args.package):
        # Validate-only: files against the schema, no package to compare.
        from ._schema import bundled_schema_path

        paths = [Path(q) for q in args.extra_queries]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise UsageError(f"not found: {', '.join(missing)}")
        schema_path = Path(args.schema) if args.schema else bundled_schema_path()
        if not schema_path.is_file():
            raise UsageError(f"schema file {schema_path} not found")
        problems = validate_operations(load_schema(schema_path), paths)
        if problems:
            raise CodegenProblems(problems)
        print(f"ok: {', '.join(args.extra_queries)} valid")
        return EXIT_OK
    config = _codegen_config(args)
    query_paths = [Path(q) for q in args.extra_queries] or [config.queries_path]
    problems = validate_operations(
        load_schema(config.schema_path),
        query_paths,
        exclude=[config.package_dir],
        module_names=config.module_names,
    )
    if problems:
        raise CodegenProblems(problems)
    if args.extra_queries:
        print(f"ok: {', '.join(args.extra_queries)} valid (package not compared)")
        return EXIT_OK
    stale = stale_files(config, render_package(config))
    if stale:
        print(
            f"{config.package_dir} is stale relative to {config.schema_path.name} and "
            f"{config.queries_path}: {', '.join(stale)}\nrun `nosto-gql generate` (or "
            "`make generate`) and commit the result",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"ok: operations valid, {config.package_dir} up to date")
    return EXIT_OK


def _sandbox_installed() -> bool:
    return all(importlib.util.find_spec(name) for name in ("starlette", "uvicorn", "trustme"))


def _cmd_sandbox(args: argparse.Namespace) -> int:
    if not _sandbox_installed():
        return _sandbox_extra_missing(args)
    from .sandbox import _cli

    exit_code: int = _cli.run(args)
    return exit_code


def _sandbox_extra_missing(args: argparse.Namespace) -> int:
    print(
        "nosto-gql: the sandbox needs the extra: pip install 'nosto-gql[sandbox]'", file=sys.stderr
    )
    return EXIT_USAGE


def _cmd_demo(args: argparse.Namespace) -> int:
    if not _sandbox_installed():
        return _sandbox_extra_missing(args)
    from .demo import run_demo

    exit_code: int = run_demo(extra_products=args.products)
    return exit_code


def _add_codegen_options(parser: argparse.ArgumentParser, *, writes: bool = False) -> None:
    parser.add_argument("--config", help="pyproject.toml with a [tool.ariadne-codegen] section")
    parser.add_argument("--queries", help="directory of .graphql operation files")
    parser.add_argument("--package", help="name of the Python package to generate")
    parser.add_argument("--target", default=".", help="directory to put the package in")
    parser.add_argument("--schema", help="schema SDL file (default: the bundled API_APPS schema)")
    if writes:
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the package folder even if it exists and has no "
            ".nosto-gql-generated marker (i.e. nosto-gql did not write it); its files are lost",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nosto-gql", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"nosto-gql {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate", help="compile .graphql operations into a typed sync+async package"
    )
    _add_codegen_options(generate, writes=True)
    generate.set_defaults(handler=_cmd_generate)

    check = commands.add_parser(
        "check", help="validate operations and fail when a generated package is stale"
    )
    _add_codegen_options(check)
    check.add_argument(
        "extra_queries", nargs="*", help="only validate these files/directories (no stale check)"
    )
    check.set_defaults(handler=_cmd_check)

    sandbox = commands.add_parser("sandbox", help="run the local HTTPS Nosto sandbox")
    # Declared here, not in nosto_gql.sandbox, so building the parser never imports the server.
    sandbox.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sandbox.add_argument(
        "--port",
        type=int_in_range(0, 65535, "a port"),
        default=0,
        help="port to listen on (default: a random free port)",
    )
    sandbox.add_argument(
        "--seed",
        metavar="FILE",
        type=Path,
        help="JSON array of products in the REST upsert format to load before serving",
    )
    sandbox.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log level (default: warning)",
    )
    sandbox.set_defaults(handler=_cmd_sandbox)

    products = commands.add_parser("products", help="catalog uploads (API_PRODUCTS)")
    from . import _cli_products

    _cli_products.add_arguments(products)
    products.set_defaults(handler=_cli_products.run)

    from . import _cli_email

    email = commands.add_parser("email", help="triggered-e-mail blacklist, consent (API_EMAIL)")
    _cli_email.add_email_arguments(email)
    email.set_defaults(handler=_cli_email.run_email)
    gdpr = commands.add_parser("gdpr", help="GDPR data export and erasure requests (API_EMAIL)")
    _cli_email.add_gdpr_arguments(gdpr)
    gdpr.set_defaults(handler=_cli_email.run_gdpr)

    from . import _cli_account

    rates = commands.add_parser("rates", help="exchange rates for multi-currency shops (API_RATES)")
    _cli_account.add_rates_arguments(rates)
    rates.set_defaults(handler=_cli_account.run_rates)
    settings = commands.add_parser("settings", help="account settings (API_SETTINGS)")
    _cli_account.add_settings_arguments(settings)
    settings.set_defaults(handler=_cli_account.run_settings)
    legacy = commands.add_parser(
        "legacy-recommendations", help="DEPRECATED legacy recommendations API (API_REC)"
    )
    _cli_account.add_legacy_recommendations_arguments(legacy)
    legacy.set_defaults(handler=_cli_account.run_legacy_recommendations)

    from . import _cli_schema

    _cli_schema.add_arguments(commands)

    demo = commands.add_parser("demo", help="run the typed operations against the sandbox")
    demo.add_argument("--products", type=int, default=60, help="generated products to add")
    demo.set_defaults(handler=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        print(f"nosto-gql: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # What had been sent stays sent; each command's --help says what a rerun does.
        print("nosto-gql: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`... | head`): nothing more can be written, and a traceback
        # about it would only hide the output that was read.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
