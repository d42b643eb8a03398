"""REST resources for the non-GraphQL token families, and what their bulk calls report."""

from .._exceptions import BulkUploadError

# What bulk calls (client.products.*) report: a BulkSummary, of one of two kinds.
from ._bulk import (
    BulkResult,
    BulkSummary,
    ItemOutcome,
    ItemStatus,
    StreamedBulkResult,
    StreamInterruptedError,
)

# Resources: one module per token family, each sync and async.
from .email import AsyncEmailAPI, AsyncGdprAPI, EmailAPI, GdprAPI
from .products import AsyncProductsAPI, ProductsAPI

__all__ = [
    "AsyncEmailAPI",
    "AsyncGdprAPI",
    "AsyncProductsAPI",
    "BulkResult",
    "BulkSummary",
    "BulkUploadError",
    "EmailAPI",
    "GdprAPI",
    "ItemOutcome",
    "ItemStatus",
    "ProductsAPI",
    "StreamInterruptedError",
    "StreamedBulkResult",
]
