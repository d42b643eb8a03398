"""Compile .graphql operations into a typed package (sync + async) with ariadne-codegen.

ariadne-codegen writes one client per run, so the package is rendered twice into a scratch
directory (sync, then async) and assembled. Rendering is pure: it returns the files as bytes,
which lets `check` compare them with what is on disk, and `write_package` replace the target
whole (no stale module survives a deleted operation).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._schema import SCHEMA_FILE_NAME

_TEMPLATES = Path(__file__).parent / "templates"
_PLUGIN = "nosto_gql.codegen._plugin.NostoCodegenPlugin"

# LocalDateTime is Nosto's zone-less timestamp; pydantic reads and writes it as ISO-8601.
DEFAULT_SCALARS: dict[str, dict[str, str]] = {"LocalDateTime": {"type": "datetime.datetime"}}


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


_OWN_KEYS = {
    "schema_path",
    "queries_path",
    "target_package_name",
    "target_package_path",
    "client_name",
    "scalars",
}


def load_config(pyproject: Path) -> CodegenConfig:
    """Read ``[tool.ariadne-codegen]`` from a pyproject.toml; paths are relative to its folder."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    with pyproject.open("rb") as fh:
        section = tomllib.load(fh).get("tool", {}).get("ariadne-codegen", {})
    root = pyproject.resolve().parent
    return CodegenConfig(
        schema_path=root / section.get("schema_path", "schema/nosto-apps.graphql"),
        queries_path=root / section.get("queries_path", "queries"),
        package_name=section.get("target_package_name", "graphql_client"),
        target_dir=root / section.get("target_package_path", "."),
        client_name=section.get("client_name", "Client"),
        scalars={**DEFAULT_SCALARS, **section.get("scalars", {})},
        extra={k: v for k, v in section.items() if k not in _OWN_KEYS},
    )


def _ariadne_section(config: CodegenConfig, scratch: Path, *, async_client: bool) -> dict[str, Any]:
    flavour = "async_base_client" if async_client else "base_client"
    section: dict[str, Any] = {
        "include_comments": "none",
        "convert_to_snake_case": True,
        "lazy_imports": True,
        **config.extra,
        "schema_path": str(config.schema_path),
        "queries_path": str(config.queries_path),
        "target_package_name": config.package_name,
        "target_package_path": str(scratch),
        "scalars": config.scalars,
        "async_client": async_client,
        "client_name": config.async_client_name if async_client else config.client_name,
        "client_file_name": "async_client" if async_client else "client",
        "base_client_name": "AsyncNostoBaseClient" if async_client else "NostoBaseClient",
        "base_client_file_path": str(_TEMPLATES / f"{flavour}.py.tmpl"),
        "base_client_module_name": flavour,
        "multipart_uploads": False,
        "plugins": [*config.extra.get("plugins", []), _PLUGIN],
    }
    if not async_client:
        section["nosto_async_client_name"] = config.async_client_name
    return {"tool": {"ariadne-codegen": section}}


def render_package(config: CodegenConfig) -> dict[str, bytes]:
    """The generated package as {relative path: content}. Deterministic for the same input."""
    from ariadne_codegen.main import client as ariadne_client

    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="nosto-gql-codegen-") as tmp:
        for async_client in (False, True):
            scratch = Path(tmp) / ("async" if async_client else "sync")
            scratch.mkdir()
            # ariadne-codegen reports progress on stdout; our CLI prints its own summary.
            with contextlib.redirect_stdout(io.StringIO()):
                section = _ariadne_section(config, scratch, async_client=async_client)
                ariadne_client(section)  # type: ignore[no-untyped-call]
            package = scratch / config.package_name
            for path in sorted(package.rglob("*.py")):
                name = path.relative_to(package).as_posix()
                if async_client and name not in ("async_client.py", "async_base_client.py"):
                    continue
                files[name] = path.read_bytes()
    files[SCHEMA_FILE_NAME] = config.schema_path.read_bytes()
    files["py.typed"] = b""
    return dict(sorted(files.items()))


def stale_files(config: CodegenConfig, rendered: dict[str, bytes]) -> list[str]:
    """Paths (relative to the package) that differ from, or are missing in, or extra on disk."""
    package = config.package_dir
    on_disk = (
        {
            p.relative_to(package).as_posix()
            for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        if package.is_dir()
        else set()
    )
    problems = [
        name
        for name, content in rendered.items()
        if name not in on_disk or (package / name).read_bytes() != content
    ]
    problems += sorted(on_disk - rendered.keys())
    return problems


def write_package(config: CodegenConfig, rendered: dict[str, bytes]) -> Path:
    """Replace the package directory with the rendered files."""
    package = config.package_dir
    staging = package.with_name(package.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    for name, content in rendered.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    shutil.rmtree(package, ignore_errors=True)
    staging.rename(package)
    return package
