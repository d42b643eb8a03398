"""Compile and check GraphQL operations against the Nosto schema (needs the `codegen` extra)."""

from ._config import CodegenConfig, load_config
from ._generate import render_package
from ._problems import CodegenConfigError, CodegenProblems, OperationProblem
from ._validate import load_schema, operation_files, validate_operations
from ._write import (
    MARKER_FILE_NAME,
    check_replaceable,
    check_target,
    stale_files,
    write_package,
)

__all__ = [
    "MARKER_FILE_NAME",
    "CodegenConfig",
    "CodegenConfigError",
    "CodegenProblems",
    "OperationProblem",
    "check_replaceable",
    "check_target",
    "load_config",
    "load_schema",
    "operation_files",
    "render_package",
    "stale_files",
    "validate_operations",
    "write_package",
]
