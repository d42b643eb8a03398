from __future__ import annotations

import argparse
import io
import json
import re
import ssl
import threading
import time
from pathlib import Path

import httpx
import pytest
from sandbox_helpers import product

from nosto_gql import TokenFamily
from nosto_gql.cli import build_parser
from nosto_gql.sandbox import _cli


def _parse(*argv: str) -> argparse.Namespace:
    # The options are declared by the top-level CLI, so `nosto-gql --help` never imports the
    # server; parse them there.
    return build_parser().parse_args(["sandbox", *argv])


def test_defaults() -> None:
    args = _parse()
    assert (args.host, args.port, args.seed) == ("127.0.0.1", 0, None)


def test_serves_seeded_products_and_prints_how_to_connect(tmp_path: Path) -> None:
    seed = tmp_path / "catalog.json"
    seed.write_text(json.dumps([product("SEEDED"), {"product_id": "BROKEN"}]))
    out = io.StringIO()
    stop = threading.Event()
    exit_codes: list[int] = []
    runner = threading.Thread(
        target=lambda: exit_codes.append(_cli.run(_parse("--seed", str(seed)), stop=stop, out=out))
    )
    runner.start()
    try:
        deadline = time.monotonic() + 10
        while "export NOSTO_API_REC_TOKEN" not in out.getvalue():
            assert time.monotonic() < deadline, out.getvalue()
            time.sleep(0.01)
        printed = out.getvalue()
        exports = dict(re.findall(r"^export (\w+)=(\S+)$", printed, re.MULTILINE))
        assert set(exports) >= {"NOSTO_API_BASE_URL", *(f.env_var for f in TokenFamily)}
        assert "SSL_CERT_FILE" in printed
        assert "Loaded 1 products" in printed
        context = ssl.create_default_context(cafile=exports["NOSTO_CA_FILE"])
        response = httpx.post(
            exports["NOSTO_API_BASE_URL"] + "/v1/graphql",
            json={"query": '{ product(id: "SEEDED") { productId } }'},
            auth=("", exports["NOSTO_API_APPS_TOKEN"]),
            verify=context,
        )
        assert response.json() == {"data": {"product": {"productId": "SEEDED"}}}
    finally:
        stop.set()
        runner.join(10)
    assert exit_codes == [0]
    assert "sandbox stopped" in out.getvalue()


def test_a_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for port in ("99999", "-1", "http"):
        with pytest.raises(SystemExit) as exit_info:
            _parse("--port", port)
        assert exit_info.value.code == 2
        assert "expected a port from 0 to 65535" in capsys.readouterr().err


def test_an_unusable_seed_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli.run(_parse("--seed", str(tmp_path / "missing.json"))) == 2
    assert "cannot read" in capsys.readouterr().err
    not_a_list = tmp_path / "one.json"
    not_a_list.write_text("{}")
    assert _cli.run(_parse("--seed", str(not_a_list))) == 2
    assert "must hold a JSON array" in capsys.readouterr().err
