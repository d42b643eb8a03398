"""Where the bundled API_APPS schema lives at run time.

`make generate` copies schema/nosto-apps.graphql into the generated package, so an installed
wheel carries the exact schema its typed operations were compiled against. In a source checkout
the repository file is used directly.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

SCHEMA_FILE_NAME = "nosto-apps.graphql"
GENERATED_PACKAGE = "nosto_gql_apps"
_REPO_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / SCHEMA_FILE_NAME


def bundled_schema_path() -> Path:
    """The file of the schema nosto-gql ships with (the repository's, in a source checkout)."""
    if _REPO_SCHEMA.is_file():
        return _REPO_SCHEMA
    return Path(str(resources.files(GENERATED_PACKAGE).joinpath(SCHEMA_FILE_NAME)))


@functools.lru_cache(maxsize=1)
def bundled_schema_sdl() -> str:
    """The SDL text of the schema nosto-gql ships with."""
    return bundled_schema_path().read_text(encoding="utf-8")
