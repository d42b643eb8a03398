"""REST resources for the non-GraphQL token families, and what their bulk calls report."""

from .._exceptions import BulkUploadError, StreamInterruptedError

# What bulk calls (client.products.*) report: a BulkSummary, of one of two kinds.
from ._results import (
    BulkResult,
    BulkSummary,
    ItemOutcome,
    ItemStatus,
    StreamedBulkResult,
)

# Resources: one module per token family, each sync and async.
from .account import AsyncRatesAPI, AsyncSettingsAPI, RatesAPI, SettingsAPI
from .email import AsyncEmailAPI, AsyncGdprAPI, EmailAPI, GdprAPI
from .legacy_recommendations import AsyncLegacyRecommendationsAPI, LegacyRecommendationsAPI
from .products import AsyncProductsAPI, ProductsAPI

__all__ = [
    "AsyncEmailAPI",
    "AsyncGdprAPI",
    "AsyncLegacyRecommendationsAPI",
    "AsyncProductsAPI",
    "AsyncRatesAPI",
    "AsyncSettingsAPI",
    "BulkResult",
    "BulkSummary",
    "BulkUploadError",
    "EmailAPI",
    "GdprAPI",
    "ItemOutcome",
    "ItemStatus",
    "LegacyRecommendationsAPI",
    "ProductsAPI",
    "RatesAPI",
    "SettingsAPI",
    "StreamInterruptedError",
    "StreamedBulkResult",
]
