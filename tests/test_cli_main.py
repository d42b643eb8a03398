"""How `nosto-gql` ends when the user or the shell stops it: no traceback, a shell's exit code."""

from __future__ import annotations

import argparse
import io

import pytest

from nosto_gql import _cli_account
from nosto_gql.cli import EXIT_INTERRUPTED, main


def _raising(exc: BaseException):  # type: ignore[no-untyped-def]
    def handler(args: argparse.Namespace) -> int:
        raise exc

    return handler


def test_ctrl_c_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_cli_account, "run_rates", _raising(KeyboardInterrupt()))
    assert main(["rates", "update", "--rate", "USD=1"]) == EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == "nosto-gql: interrupted\n"


def test_a_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cli_account, "run_rates", _raising(BrokenPipeError()))
    out = io.StringIO()
    monkeypatch.setattr("os.dup2", lambda fd, fd2: None)  # leave the test's stdout alone
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr(out, "fileno", lambda: 1, raising=False)
    assert main(["rates", "update", "--rate", "USD=1"]) == 1
