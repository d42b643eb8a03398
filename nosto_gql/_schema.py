"""Where the bundled API_APPS schema lives at run time.

`make generate` copies schema/nosto-apps.graphql into the generated package (as
nosto-apps.sdl, an extension no operation loader reads), so an installed wheel carries the exact
schema its typed operations were compiled against. In a source checkout the repository file is
used directly.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

REPO_SCHEMA_FILE_NAME = "nosto-apps.graphql"
# The copy inside every generated package. Not .graphql/.graphqls/.gql: ariadne-codegen and
# `nosto-gql generate` read those as operations when a queries folder contains the package.
PACKAGED_SCHEMA_FILE_NAME = "nosto-apps.sdl"
GENERATED_PACKAGE = "nosto_gql_apps"
_REPO_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / REPO_SCHEMA_FILE_NAME


def bundled_schema_path() -> Path:
    """The file of the schema nosto-gql ships with (the repository's, in a source checkout)."""
    if _REPO_SCHEMA.is_file():
        return _REPO_SCHEMA
    return Path(str(resources.files(GENERATED_PACKAGE).joinpath(PACKAGED_SCHEMA_FILE_NAME)))


@functools.lru_cache(maxsize=1)
def bundled_schema_sdl() -> str:
    """The SDL text of the schema nosto-gql ships with."""
    return bundled_schema_path().read_text(encoding="utf-8")
