"""Compile and check GraphQL operations against the Nosto schema (needs the `codegen` extra)."""

from ._generate import CodegenConfig, load_config, render_package, stale_files, write_package
from ._validate import OperationProblem, validate_operations

__all__ = [
    "CodegenConfig",
    "OperationProblem",
    "load_config",
    "render_package",
    "stale_files",
    "validate_operations",
    "write_package",
]
