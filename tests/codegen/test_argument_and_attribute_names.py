"""Variables and selections whose Python names would break the generated package are reported
where they are written; the names ariadne-codegen handles itself compile and work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ariadne_codegen.utils import process_name

from nosto_gql.cli import EXIT_OK, EXIT_PROBLEMS, main
from nosto_gql.codegen._names import argument_name_of, attribute_name_of


def _compile(tmp_path: Path, source: str, command: str = "generate") -> int:
    (tmp_path / "q").mkdir(exist_ok=True)
    (tmp_path / "q" / "ops.graphql").write_text(source)
    return main([command, "--queries", str(tmp_path / "q"), "--package", "mine",
                 "--target", str(tmp_path)])  # fmt: skip


def _uses(*variables: str) -> str:
    """An operation of the bundled schema that uses each (Boolean) variable."""
    declared = ", ".join(f"${name}: Boolean!" for name in variables)
    conditions = [f"@include(if: ${name})" for name in variables[0::2]]
    skips = [f"@skip(if: ${name})" for name in variables[1::2]]
    assert len(variables) <= 4
    outer = " ".join([*conditions[:1], *skips[:1]])
    inner = " ".join([*conditions[1:], *skips[1:]])
    return f"query Q({declared}) {{\n  segments {outer} {{ segments {inner} {{ id }} }}\n}}\n"


NAMES = [
    *("productId", "product_id", "_1", "_", "__", "class", "Class", "self", "list", "id"),
    *("schema", "copy", "model_dump", "__typename", "HTMLParser", "tags1", "URL2Go", "x_Y"),
]


@pytest.mark.parametrize("name", NAMES)
def test_python_names_follow_ariadne_codegen(name: str) -> None:
    assert argument_name_of(name) == process_name(name, convert_to_snake_case=True)
    if name != "__typename":
        assert attribute_name_of(name) == process_name(
            name,
            convert_to_snake_case=True,
            trim_leading_underscore=True,
            handle_pydantic_resrved_field_names=True,
        )


@pytest.mark.parametrize(
    ("source", "where", "message"),
    [
        (_uses("self"), "1:9", "variable $self would become argument self (the method's own)"),
        (_uses("Self"), "1:9", "variable $Self would become argument self (the method's own)"),
        (
            _uses("productId", "product_id"),
            "1:31",
            "variables $productId and $product_id both become argument product_id",
        ),
        (_uses("class", "class_"), "1:27", "variables $class and $class_ both become argument"),
        (_uses("_1"), "1:9", "variable $_1 would become argument 1, not a Python name"),
        # Found in the generated method: its body calls the module's gql().
        (
            _uses("gql"),
            "1:9",
            "variable $gql becomes argument gql of q(), which clashes with `gql` as used in the "
            "method body",
        ),
        (
            'query Q { product(id: "x") { productId product_id: name } }\n',
            "1:40",
            "productId and product_id both become attribute product_id of the result",
        ),
        (
            'query Q { product(id: "x") { ...Ids } }\n'
            "fragment Ids on RecommendedProduct { product_id: name productId }\n",
            "2:55",
            "product_id and productId both become attribute product_id",
        ),
        (
            'query Q { product(id: "x") { id: productId '
            "... on RecommendedProduct { _id: url } } }\n",
            "1:72",
            "id and _id both become attribute id",
        ),
        ('query Q { product(id: "x") { _1: name } }\n', "1:30", "_1 would become attribute 1"),
        (
            'query Q($x: Boolean!) { product(id: "x") { ... @include(if: $x) { name } } }\n',
            "1:44",
            "inline fragment without a type condition",
        ),
    ],
)
@pytest.mark.parametrize("command", ["generate", "check"])
def test_names_that_break_the_package_are_located(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    source: str,
    where: str,
    message: str,
) -> None:
    assert _compile(tmp_path, source, command) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"ops.graphql:{where}: {message}" in err, err
    assert not (tmp_path / "mine").exists()


PROBE = """
import httpx
from nosto_gql import MalformedResponseError, NostoClient, Tokens
from mine import Client

replies = [{"segments": {"segments": [{"id": "s"}]}}, {"segments": {"segments": [{}]}}]
def server(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": replies.pop(0)})

http = httpx.Client(transport=httpx.MockTransport(server))
nosto = NostoClient(tokens=Tokens(apps="x"), http_client=http)
client = Client(nosto.transport)
result = client.q(query=True, variables=False, data=True, response=False)
print(result.segments.segments[0].id)
try:
    client.q(query=True, variables=False, data=True, response=False)
except MalformedResponseError:
    print("malformed")
"""


def test_variables_named_like_the_method_locals_work(tmp_path: Path) -> None:
    # ariadne-codegen renames its locals (_query, _variables, ...) when an argument takes
    # their name; the method must still hand the response to parse_result.
    assert _compile(tmp_path, _uses("query", "variables", "data", "response")) == EXIT_OK
    client = (tmp_path / "mine" / "client.py").read_text()
    assert "model_validate" not in client and "self.parse_result(Q, _response)" in client
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["s", "malformed"]


def test_keyword_and_builtin_variables_get_an_underscore(tmp_path: Path) -> None:
    assert _compile(tmp_path, _uses("class", "list", "in")) == EXIT_OK
    probe = "import inspect, mine; print(*inspect.signature(mine.Client.q).parameters)"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["self", "class_", "list_", "in_"]
