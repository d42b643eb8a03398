"""The catalog listing (`products`), page by page, up to Nosto's paging cap."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from .._exceptions import NostoError
from .._facts import PRODUCTS_LISTING_CAP
from ._common import AsyncApps, SyncApps, async_apps, check_page_size, or_unset, sync_apps

if TYPE_CHECKING:
    from nosto_gql_apps.fragments import ProductSummary
    from nosto_gql_apps.input_types import InputProductFilter, InputProductSort
    from nosto_gql_apps.list_products import ListProducts


class ListingCapWarning(UserWarning):
    """The catalog listing stopped at Nosto's paging cap: more products may match."""


class ListingCapError(NostoError):
    """Raised instead of `ListingCapWarning` when `iter_products` is called with strict=True."""


class _ListingWalk:
    """Where a walk through the listing is; shared by the sync and the async helper."""

    def __init__(
        self,
        page_size: int,
        sort: InputProductSort | None,
        filter: InputProductFilter | None,
        strict: bool,
    ) -> None:
        check_page_size(page_size, PRODUCTS_LISTING_CAP)
        self.page_size, self.sort, self.filter, self.strict = page_size, sort, filter, strict
        self.offset = 0
        self.limit = 0

    def next_arguments(self) -> dict[str, Any] | None:
        """The next call's arguments, or None at the cap (after warning or raising)."""
        self.limit = min(self.page_size, PRODUCTS_LISTING_CAP - self.offset)
        if self.limit <= 0:
            message = (
                f"stopped after {self.offset} products: the catalog listing can page over at "
                f"most {PRODUCTS_LISTING_CAP} products, so more may match. Narrow the filter "
                "(e.g. one category at a time) to reach the rest."
            )
            if self.strict:
                raise ListingCapError(message)
            # stacklevel 4: past this method and the generator, to the loop that consumes it.
            warnings.warn(message, ListingCapWarning, stacklevel=4)
            return None
        return {
            "limit": self.limit,
            "offset": self.offset,
            "sort": or_unset(self.sort),
            "filter_": or_unset(self.filter),
        }

    def take(self, result: ListProducts) -> tuple[list[ProductSummary], bool]:
        """The page's products, and whether another page should be fetched."""
        page = (result.products.products if result.products else None) or []
        self.offset += self.limit
        return [product for product in page if product is not None], len(page) == self.limit


def iter_products(
    client: SyncApps,
    *,
    page_size: int = 100,
    sort: InputProductSort | None = None,
    filter: InputProductFilter | None = None,
    strict: bool = False,
) -> Iterator[ProductSummary]:
    """Every product of the catalog listing (`products`), fetched ``page_size`` at a time.

    ``sort`` and ``filter`` are the listing's own (`InputProductSort`, `InputProductFilter`).
    At Nosto's 10 000-product paging cap the iteration stops with a `ListingCapWarning`, or
    raises `ListingCapError` when ``strict`` is true (after yielding the products it reached).
    ``client`` is a `NostoClient` or a generated `AppsClient`.
    """
    walk = _ListingWalk(page_size, sort, filter, strict)
    apps = sync_apps(client)
    while (arguments := walk.next_arguments()) is not None:
        products, more = walk.take(apps.list_products(**arguments))
        yield from products
        if not more:
            return


async def aiter_products(
    client: AsyncApps,
    *,
    page_size: int = 100,
    sort: InputProductSort | None = None,
    filter: InputProductFilter | None = None,
    strict: bool = False,
) -> AsyncIterator[ProductSummary]:
    """Async twin of `iter_products`: ``async for product in aiter_products(aclient): ...``."""
    walk = _ListingWalk(page_size, sort, filter, strict)
    apps = async_apps(client)
    while (arguments := walk.next_arguments()) is not None:
        products, more = walk.take(await apps.list_products(**arguments))
        for product in products:
            yield product
        if not more:
            return
