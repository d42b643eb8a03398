"""REST resources for the non-GraphQL token families."""

from ._bulk import BulkResult, BulkUploadError, ItemOutcome, ItemStatus
from .products import AsyncProductsAPI, ProductsAPI

__all__ = [
    "AsyncProductsAPI",
    "BulkResult",
    "BulkUploadError",
    "ItemOutcome",
    "ItemStatus",
    "ProductsAPI",
]
