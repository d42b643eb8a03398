"""What to compile and where: from the command line or a pyproject's [tool.ariadne-codegen]."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._names import package_module_names
from ._problems import CodegenConfigError

# LocalDateTime is Nosto's zone-less timestamp: a naive datetime both ways (nosto_gql.scalars).
DEFAULT_SCALARS: dict[str, dict[str, str]] = {
    "LocalDateTime": {"type": "nosto_gql.scalars.LocalDateTime"}
}


@dataclass
class CodegenConfig:
    """What to compile and where the package goes."""

    schema_path: Path
    queries_path: Path
    package_name: str
    target_dir: Path
    client_name: str = "Client"
    scalars: dict[str, dict[str, str]] = field(default_factory=lambda: dict(DEFAULT_SCALARS))
    # Any other [tool.ariadne-codegen] settings, passed through unchanged.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def package_dir(self) -> Path:
        return self.target_dir / self.package_name

    @property
    def async_client_name(self) -> str:
        return f"Async{self.client_name}"

    @property
    def module_names(self) -> frozenset[str]:
        """The package's modules that are not an operation's result module."""
        return package_module_names(self.extra)


_SECTION = "[tool.ariadne-codegen]"
_STRING_KEYS = {
    "schema_path": "schema/nosto-apps.graphql",
    "queries_path": "queries",
    "target_package_name": "graphql_client",
    "target_package_path": ".",
    "client_name": "Client",
}
_OWN_KEYS = {*_STRING_KEYS, "scalars"}


def load_config(pyproject: Path) -> CodegenConfig:
    """Read ``[tool.ariadne-codegen]`` from a pyproject.toml; paths are relative to its folder.

    Raises `CodegenConfigError` when the file cannot be read, is not TOML, or has no such
    section: silently using defaults would compile something else than the user meant.
    """
    section = _read_section(pyproject)
    values: dict[str, str] = {}
    for key, default in _STRING_KEYS.items():
        value = section.get(key, default)
        if not isinstance(value, str):
            raise CodegenConfigError(f"{pyproject}: {_SECTION} {key} must be a string")
        values[key] = value
    scalars = section.get("scalars", {})
    if not isinstance(scalars, dict):
        raise CodegenConfigError(f"{pyproject}: {_SECTION} scalars must be a table")
    root = pyproject.resolve().parent
    return CodegenConfig(
        schema_path=root / values["schema_path"],
        queries_path=root / values["queries_path"],
        package_name=values["target_package_name"],
        target_dir=root / values["target_package_path"],
        client_name=values["client_name"],
        scalars={**DEFAULT_SCALARS, **scalars},
        extra={k: v for k, v in section.items() if k not in _OWN_KEYS},
    )


def _read_section(pyproject: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = pyproject.read_bytes()
    except FileNotFoundError as exc:
        raise CodegenConfigError(f"config file {pyproject} not found") from exc
    except OSError as exc:
        raise CodegenConfigError(f"cannot read config file {pyproject}: {exc.strerror}") from exc
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CodegenConfigError(f"{pyproject}: invalid TOML: not UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CodegenConfigError(f"{pyproject}: invalid TOML: {exc}") from exc
    tool = document.get("tool")
    section = tool.get("ariadne-codegen") if isinstance(tool, dict) else None
    if section is None:
        raise CodegenConfigError(f"{pyproject} has no {_SECTION} section")
    if not isinstance(section, dict):
        raise CodegenConfigError(f"{pyproject}: {_SECTION} must be a table")
    return section
