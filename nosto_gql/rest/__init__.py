"""REST resources for the non-GraphQL token families."""

from .._exceptions import BulkUploadError
from ._bulk import BulkResult, ItemOutcome, ItemStatus, StreamedBulkResult
from .email import AsyncEmailAPI, AsyncGdprAPI, EmailAPI, GdprAPI
from .products import AsyncProductsAPI, ProductsAPI

__all__ = [
    "AsyncEmailAPI",
    "AsyncGdprAPI",
    "AsyncProductsAPI",
    "BulkResult",
    "BulkUploadError",
    "EmailAPI",
    "GdprAPI",
    "ItemOutcome",
    "ItemStatus",
    "ProductsAPI",
    "StreamedBulkResult",
]
