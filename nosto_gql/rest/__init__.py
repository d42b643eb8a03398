"""REST resources for the non-GraphQL token families."""

from .._exceptions import BulkUploadError
from ._bulk import BulkResult, ItemOutcome, ItemStatus
from .products import AsyncProductsAPI, ProductsAPI

__all__ = [
    "AsyncProductsAPI",
    "BulkResult",
    "BulkUploadError",
    "ItemOutcome",
    "ItemStatus",
    "ProductsAPI",
]
