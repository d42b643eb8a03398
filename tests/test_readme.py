"""The README's GraphQL examples are valid against the bundled schema."""

from __future__ import annotations

import re
from pathlib import Path

from graphql import build_schema, parse, validate

from nosto_gql._schema import bundled_schema_sdl

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_graphql_blocks_validate() -> None:
    blocks = re.findall(r"```graphql\n(.*?)```", README.read_text(), flags=re.DOTALL)
    assert blocks, "the README shows at least one operation"
    schema = build_schema(bundled_schema_sdl())
    for block in blocks:
        source = "\n".join(
            line[3:] if line.startswith("   ") else line for line in block.splitlines()
        )
        assert validate(schema, parse(source)) == [], source
