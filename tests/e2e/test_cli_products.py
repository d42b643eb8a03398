"""`nosto-gql products upsert` against the sandbox, configured only through the environment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nosto_gql.cli import main
from nosto_gql.sandbox import Sandbox

GOOD = {
    "product_id": "CLI-1",
    "name": "CLI product",
    "url": "https://shop.example.com/cli-1",
    "image_url": "https://cdn.example.com/cli-1.jpg",
    "price": "12.50",
    "price_currency_code": "eur",
    "availability": "InStock",
}


def test_upsert_json_array_file(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "products.json"
    file.write_text(json.dumps([GOOD, {**GOOD, "product_id": "CLI-2"}]))
    assert main(["products", "upsert", str(file)]) == 0
    assert "2 accepted, 0 rejected" in capsys.readouterr().out
    assert env.state.product("CLI-2") is not None


def test_upsert_jsonl_with_json_output(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "products.jsonl"
    file.write_text(json.dumps(GOOD) + "\n\n" + json.dumps({**GOOD, "product_id": "CLI-3"}) + "\n")
    assert main(["products", "upsert", "--json", str(file)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    # A .jsonl file is streamed: accepted products are counted, only the others listed.
    assert report["counts"]["accepted"] == 2 and report["products"] == []
    assert {"CLI-1", "CLI-3"} <= set(env.state.products)


def test_a_streamed_jsonl_file_is_validated_whole_before_anything_is_sent(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "products.jsonl"
    lines = [json.dumps({**GOOD, "product_id": f"S-{i}"}) for i in range(5)]
    lines[3] = json.dumps({**GOOD, "product_id": "S-3", "price": "12,50"})
    file.write_text("\n".join(lines))
    before = len(env.state.requests)
    assert main(["products", "upsert", str(file), "--json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["problems"][0]["where"] == "products[3] (product_id 'S-3').price"
    assert len(env.state.requests) == before

    file.write_text("\n".join([*lines[:3], "{not json"]))
    assert main(["products", "upsert", str(file)]) == 2
    assert "line 4" in capsys.readouterr().err
    assert len(env.state.requests) == before


def test_max_per_request_splits_the_upload(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    products = [{**GOOD, "product_id": f"M-{i}"} for i in range(5)]
    for name, text in [
        ("p.jsonl", "\n".join(json.dumps(p) for p in products)),
        ("p.json", json.dumps(products)),
    ]:
        file = tmp_path / name
        file.write_text(text)
        assert main(["products", "upsert", str(file), "--max-per-request", "2"]) == 0
        assert "5 accepted, 0 rejected, 0 failed, 0 not attempted in 3 request(s)" in (
            capsys.readouterr().out
        )
    with pytest.raises(SystemExit) as usage:  # argparse's usage error
        main(["products", "upsert", str(file), "--max-per-request", "0"])
    assert usage.value.code == 2
    assert "expected a whole number of 1 or more" in capsys.readouterr().err


def test_invalid_product_fails_before_sending(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps([{**GOOD, "categories": ["Home > Tents"]}]))
    before = len(env.state.requests)
    assert main(["products", "upsert", str(file)]) == 1
    err = capsys.readouterr().err
    assert "InvalidInputError" in err and "categories" in err
    assert len(env.state.requests) == before


def test_unreadable_file_is_a_usage_error(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.json").write_text("[{")
    assert main(["products", "upsert", str(tmp_path / "broken.json")]) == 2
    assert main(["products", "upsert", str(tmp_path / "missing.json")]) == 2
    capsys.readouterr()
    assert main(["products", "upsert", "--json", str(tmp_path / "missing.json")]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["type"] == "InputFileError"


def test_wrong_token_is_a_setup_error(
    env: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NOSTO_API_PRODUCTS_TOKEN", "wrong")
    file = tmp_path / "products.json"
    file.write_text(json.dumps([GOOD]))
    assert main(["products", "upsert", str(file)]) == 2
    assert "AuthenticationError" in capsys.readouterr().err


def test_missing_token_names_the_variable(
    env: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("NOSTO_API_PRODUCTS_TOKEN")
    file = tmp_path / "products.json"
    file.write_text(json.dumps([GOOD]))
    assert main(["products", "upsert", str(file)]) == 2  # a configuration problem
    assert "NOSTO_API_PRODUCTS_TOKEN" in capsys.readouterr().err


def test_json_output_reports_validation_errors_as_json(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps([{**GOOD, "price": -1}]))
    assert main(["products", "upsert", "--json", str(file)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["error"]["type"] == "InvalidInputError"
    assert "price" in report["error"]["problems"][0]["where"]


def test_jsonl_error_names_the_line_and_bom_is_accepted(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "products.jsonl"
    file.write_text(json.dumps(GOOD) + "\n{broken\n")
    assert main(["products", "upsert", str(file)]) == 2
    assert "line 2" in capsys.readouterr().err
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps([GOOD]).encode())
    assert main(["products", "upsert", str(bom)]) == 0


def test_ids_from_a_pretty_printed_product_and_a_jsonl_that_is_not_utf8(
    env: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env.load_products([GOOD])
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(GOOD, indent=2))
    assert main(["products", "discontinue", "--file", str(pretty), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [p["product_id"] for p in report["products"]] == [GOOD["product_id"]]
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes(json.dumps({**GOOD, "name": "Café"}, ensure_ascii=False).encode("latin-1"))
    assert main(["products", "upsert", str(latin1)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
