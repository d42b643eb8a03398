"""Walk long listings page by page with constant memory: the catalog and category merchandising.

    from nosto_gql.paging import iter_products, iter_category

    for product in iter_products(client, filter=InputProductFilter(categories=["/Shoes"])):
        ...                                   # every product of the catalog listing
    for product in iter_category(client, session_id, "/Outdoor/Camping"):
        ...                                   # a category in its merchandised order

Each helper is a generator that holds one page at a time, so a listing of any length costs the
memory of one page. The async twins (`aiter_products`, `aiter_category`, `aiter_category_pages`)
take an `AsyncNostoClient` and are consumed with ``async for``.

The catalog listing (`products`) can reach at most 10 000 products by paging
(`nosto_gql._facts.PRODUCTS_LISTING_CAP`): `iter_products` stops there with a
`ListingCapWarning`, or raises `ListingCapError` with ``strict=True``; narrow the filter (e.g. one
category at a time) to see further. Category merchandising follows Nosto's `batchToken` and asks
for at most 250 products per call, as Nosto's own PHP SDK does.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, TypeVar, Union

from nosto_gql_apps.base_model import UNSET, UnsetType

from ._client import AsyncNostoClient, NostoClient
from ._exceptions import NostoError
from ._facts import CATEGORY_PAGE_LIMIT, PRODUCTS_LISTING_CAP

if TYPE_CHECKING:
    from nosto_gql_apps.async_client import AsyncAppsClient
    from nosto_gql_apps.category_merchandising import CategoryMerchandising
    from nosto_gql_apps.client import AppsClient
    from nosto_gql_apps.enums import CurrencyParams, ImageVersionType, LookupParams
    from nosto_gql_apps.fragments import MerchandisingPage, ProductSummary
    from nosto_gql_apps.input_types import (
        InputFilterParams,
        InputIncludeParams,
        InputProductFilter,
        InputProductSort,
    )

__all__ = [
    "CATEGORY_PAGE_LIMIT",
    "ListingCapError",
    "ListingCapWarning",
    "aiter_category",
    "aiter_category_pages",
    "aiter_products",
    "iter_category",
    "iter_category_pages",
    "iter_products",
]


_T = TypeVar("_T")

SyncApps = Union[NostoClient, "AppsClient"]
AsyncApps = Union[AsyncNostoClient, "AsyncAppsClient"]


class ListingCapWarning(UserWarning):
    """The catalog listing stopped at Nosto's paging cap: more products may match."""


class ListingCapError(NostoError):
    """Raised instead of `ListingCapWarning` when `iter_products` is called with strict=True."""


def _cap_message(yielded: int) -> str:
    return (
        f"stopped after {yielded} products: the catalog listing can page over at most "
        f"{PRODUCTS_LISTING_CAP} products, so more may match. Narrow the filter (e.g. one "
        "category at a time) to reach the rest."
    )


def _reached_cap(yielded: int, strict: bool) -> None:
    if strict:
        raise ListingCapError(_cap_message(yielded))
    # stacklevel 3: past this helper and the generator, to the loop that consumes it.
    warnings.warn(_cap_message(yielded), ListingCapWarning, stacklevel=3)


def _check_page_size(page_size: int, most: int) -> None:
    if isinstance(page_size, bool) or not isinstance(page_size, int):
        raise TypeError(f"page_size must be an int, not {type(page_size).__name__}")
    if not 1 <= page_size <= most:
        raise ValueError(f"page_size must be between 1 and {most}, got {page_size}")


def _sync_apps(client: SyncApps) -> AppsClient:
    return client.apps if isinstance(client, NostoClient) else client


def _async_apps(client: AsyncApps) -> AsyncAppsClient:
    return client.apps if isinstance(client, AsyncNostoClient) else client


# -- catalog listing ------------------------------------------------------------------------


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
    _check_page_size(page_size, PRODUCTS_LISTING_CAP)
    apps = _sync_apps(client)
    offset = 0
    while True:
        limit = min(page_size, PRODUCTS_LISTING_CAP - offset)
        if limit <= 0:
            _reached_cap(offset, strict)
            return
        result = apps.list_products(
            limit=limit,
            offset=offset,
            sort=_or_unset(sort),
            filter_=_or_unset(filter),
        )
        page = (result.products.products if result.products else None) or []
        yield from (product for product in page if product is not None)
        if len(page) < limit:
            return
        offset += limit


async def aiter_products(
    client: AsyncApps,
    *,
    page_size: int = 100,
    sort: InputProductSort | None = None,
    filter: InputProductFilter | None = None,
    strict: bool = False,
) -> AsyncIterator[ProductSummary]:
    """Async twin of `iter_products`: ``async for product in aiter_products(aclient): ...``."""
    _check_page_size(page_size, PRODUCTS_LISTING_CAP)
    apps = _async_apps(client)
    offset = 0
    while True:
        limit = min(page_size, PRODUCTS_LISTING_CAP - offset)
        if limit <= 0:
            _reached_cap(offset, strict)
            return
        result = await apps.list_products(
            limit=limit,
            offset=offset,
            sort=_or_unset(sort),
            filter_=_or_unset(filter),
        )
        page = (result.products.products if result.products else None) or []
        for product in page:
            if product is not None:
                yield product
        if len(page) < limit:
            return
        offset += limit


# -- category merchandising -----------------------------------------------------------------


class _CategoryWalk:
    """One walk through a category-merchandising listing: the calls' arguments and where the
    walk is. Shared by the sync and the async helpers."""

    def __init__(
        self,
        *,
        session_id: str,
        category: str,
        page_size: int,
        by: LookupParams | None,
        include: InputIncludeParams | None,
        exclude: InputFilterParams | None,
        image: ImageVersionType | None,
        currency: CurrencyParams | None,
        preview: bool,
        add_attribution_parameters: bool,
        count_view: bool,
    ) -> None:
        _check_page_size(page_size, CATEGORY_PAGE_LIMIT)
        self.session_id = session_id
        self.category = category
        self.page_size = page_size
        self.by = by
        self.include = include
        self.exclude = exclude
        self.image = image
        self.currency = currency
        self.preview = preview
        self.add_attribution_parameters = add_attribution_parameters
        self.count_view = count_view
        self.token: str | None = None
        self.started = False
        self.seen_tokens: set[str] = set()

    def fetch(self, apps: AppsClient) -> MerchandisingPage | None:
        result = apps.category_merchandising(
            id=self.session_id,
            category=self.category,
            max_products=self.page_size,
            batch_token=_or_unset(self.token),
            include=_or_unset(self.include),
            exclude=_or_unset(self.exclude),
            skip_vc_event=self.skip_vc_event,
            add_attribution_parameters=self.add_attribution_parameters or UNSET,
            currency=_or_unset(self.currency),
            image=_or_unset(self.image),
            preview=self.preview,
            by=_or_unset(self.by),
        )
        return _category_page(result)

    async def afetch(self, apps: AsyncAppsClient) -> MerchandisingPage | None:
        result = await apps.category_merchandising(
            id=self.session_id,
            category=self.category,
            max_products=self.page_size,
            batch_token=_or_unset(self.token),
            include=_or_unset(self.include),
            exclude=_or_unset(self.exclude),
            skip_vc_event=self.skip_vc_event,
            add_attribution_parameters=self.add_attribution_parameters or UNSET,
            currency=_or_unset(self.currency),
            image=_or_unset(self.image),
            preview=self.preview,
            by=_or_unset(self.by),
        )
        return _category_page(result)

    @property
    def skip_vc_event(self) -> bool:
        """Only the first call may count as a category view."""
        return self.started or not self.count_view

    def advance(self, page: MerchandisingPage | None) -> bool:
        """Take in one page; True when another page should be fetched."""
        self.started = True
        token = page.batch_token if page is not None else None
        has_products = page is not None and any(p is not None for p in page.primary or [])
        # A token seen before would loop forever: treat it as the end of the listing.
        if not has_products or not token or token in self.seen_tokens:
            return False
        self.seen_tokens.add(token)
        self.token = token
        return True


def iter_category_pages(
    client: SyncApps,
    session_id: str,
    category: str,
    *,
    page_size: int = CATEGORY_PAGE_LIMIT,
    by: LookupParams | None = None,
    include: InputIncludeParams | None = None,
    exclude: InputFilterParams | None = None,
    image: ImageVersionType | None = None,
    currency: CurrencyParams | None = None,
    preview: bool = False,
    add_attribution_parameters: bool = False,
    count_view: bool = True,
) -> Iterator[MerchandisingPage]:
    """The pages of a category-merchandising listing (CM 1.0) for the session ``session_id``.

    Each page is the typed result of one `category_merchandising` call (``result_id``,
    ``batch_token``, ``total_primary_count``, ``primary``); the next page is fetched with the
    previous page's ``batch_token``, and the walk ends when a page has no products or no
    token. ``page_size`` is at most 250 (`CATEGORY_PAGE_LIMIT`). The first call counts as a
    category view unless ``count_view`` is false; later calls never do (skipVCEvent).
    ``include``/``exclude`` filter the listing; ``by`` is BY_CID (default) or BY_REF.
    """
    walk = _CategoryWalk(
        session_id=session_id,
        category=category,
        page_size=page_size,
        by=by,
        include=include,
        exclude=exclude,
        image=image,
        currency=currency,
        preview=preview,
        add_attribution_parameters=add_attribution_parameters,
        count_view=count_view,
    )
    apps = _sync_apps(client)
    while True:
        page = walk.fetch(apps)
        if page is not None and page.primary:
            yield page
        if not walk.advance(page):
            return


def iter_category(
    client: SyncApps,
    session_id: str,
    category: str,
    *,
    page_size: int = CATEGORY_PAGE_LIMIT,
    by: LookupParams | None = None,
    include: InputIncludeParams | None = None,
    exclude: InputFilterParams | None = None,
    image: ImageVersionType | None = None,
    currency: CurrencyParams | None = None,
    preview: bool = False,
    add_attribution_parameters: bool = False,
    count_view: bool = True,
) -> Iterator[ProductSummary]:
    """Every product of a category-merchandising listing, in its merchandised order.

    Same arguments as `iter_category_pages`, which it flattens. For click attribution you
    need the listing's result id: take it from `iter_category_pages` (``page.result_id``).
    """
    for page in iter_category_pages(
        client,
        session_id,
        category,
        page_size=page_size,
        by=by,
        include=include,
        exclude=exclude,
        image=image,
        currency=currency,
        preview=preview,
        add_attribution_parameters=add_attribution_parameters,
        count_view=count_view,
    ):
        yield from (product for product in page.primary or [] if product is not None)


async def aiter_category_pages(
    client: AsyncApps,
    session_id: str,
    category: str,
    *,
    page_size: int = CATEGORY_PAGE_LIMIT,
    by: LookupParams | None = None,
    include: InputIncludeParams | None = None,
    exclude: InputFilterParams | None = None,
    image: ImageVersionType | None = None,
    currency: CurrencyParams | None = None,
    preview: bool = False,
    add_attribution_parameters: bool = False,
    count_view: bool = True,
) -> AsyncIterator[MerchandisingPage]:
    """Async twin of `iter_category_pages`."""
    walk = _CategoryWalk(
        session_id=session_id,
        category=category,
        page_size=page_size,
        by=by,
        include=include,
        exclude=exclude,
        image=image,
        currency=currency,
        preview=preview,
        add_attribution_parameters=add_attribution_parameters,
        count_view=count_view,
    )
    apps = _async_apps(client)
    while True:
        page = await walk.afetch(apps)
        if page is not None and page.primary:
            yield page
        if not walk.advance(page):
            return


async def aiter_category(
    client: AsyncApps,
    session_id: str,
    category: str,
    *,
    page_size: int = CATEGORY_PAGE_LIMIT,
    by: LookupParams | None = None,
    include: InputIncludeParams | None = None,
    exclude: InputFilterParams | None = None,
    image: ImageVersionType | None = None,
    currency: CurrencyParams | None = None,
    preview: bool = False,
    add_attribution_parameters: bool = False,
    count_view: bool = True,
) -> AsyncIterator[ProductSummary]:
    """Async twin of `iter_category`: ``async for product in aiter_category(...): ...``."""
    async for page in aiter_category_pages(
        client,
        session_id,
        category,
        page_size=page_size,
        by=by,
        include=include,
        exclude=exclude,
        image=image,
        currency=currency,
        preview=preview,
        add_attribution_parameters=add_attribution_parameters,
        count_view=count_view,
    ):
        for product in page.primary or []:
            if product is not None:
                yield product


def _or_unset(value: _T | None) -> _T | UnsetType:
    return UNSET if value is None else value


def _category_page(result: CategoryMerchandising) -> MerchandisingPage | None:
    recos = result.session.recos if result.session is not None else None
    return recos.category if recos is not None else None
