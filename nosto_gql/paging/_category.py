"""Category merchandising (CM 1.0), following Nosto's batchToken page by page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, TypedDict

from typing_extensions import Unpack

from nosto_gql_apps.base_model import UNSET

from .._facts import CATEGORY_PAGE_LIMIT
from ._common import AsyncApps, SyncApps, async_apps, check_page_size, or_unset, sync_apps

if TYPE_CHECKING:
    from nosto_gql_apps.category_merchandising import CategoryMerchandising
    from nosto_gql_apps.enums import CurrencyParams, ImageVersionType, LookupParams
    from nosto_gql_apps.fragments import MerchandisingPage, ProductSummary
    from nosto_gql_apps.input_types import InputFilterParams, InputIncludeParams


class CategoryOptions(TypedDict, total=False):
    """Options of the category-merchandising helpers (all optional)."""

    page_size: int
    """Products per call, at most 250 (`CATEGORY_PAGE_LIMIT`, the default)."""
    by: LookupParams | None
    """BY_CID (default: ``session_id`` is Nosto's customer id) or BY_REF."""
    include: InputIncludeParams | None
    """Only products matching these conditions."""
    exclude: InputFilterParams | None
    """Leave out products matching these conditions."""
    image: ImageVersionType | None
    """Image version of the returned product images."""
    currency: CurrencyParams | None
    """Format prices in this currency."""
    preview: bool
    """Serve results without touching statistics."""
    add_attribution_parameters: bool
    """Append nosto_source=cmp&nosto=<resultId> to product URLs."""
    count_view: bool
    """Whether the first call counts as a category view (default True)."""


class _CategoryWalk:
    """One walk through a category-merchandising listing: the calls' arguments and where the
    walk is. Shared by the sync and the async helpers."""

    def __init__(self, session_id: str, category: str, options: CategoryOptions) -> None:
        check_page_size(options.get("page_size", CATEGORY_PAGE_LIMIT), CATEGORY_PAGE_LIMIT)
        self.session_id = session_id
        self.category = category
        self.options = options
        self.token: str | None = None
        self.started = False
        self.seen_tokens: set[str] = set()

    def call_arguments(self) -> dict[str, Any]:
        """The next `category_merchandising` call's arguments."""
        options = self.options
        return {
            "id": self.session_id,
            "category": self.category,
            "max_products": options.get("page_size", CATEGORY_PAGE_LIMIT),
            "batch_token": or_unset(self.token),
            "include": or_unset(options.get("include")),
            "exclude": or_unset(options.get("exclude")),
            "skip_vc_event": self.skip_vc_event,
            "add_attribution_parameters": options.get("add_attribution_parameters") or UNSET,
            "currency": or_unset(options.get("currency")),
            "image": or_unset(options.get("image")),
            "preview": options.get("preview", False),
            "by": or_unset(options.get("by")),
        }

    @property
    def skip_vc_event(self) -> bool:
        """Only the first call may count as a category view."""
        return self.started or not self.options.get("count_view", True)

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
    client: SyncApps, session_id: str, category: str, **options: Unpack[CategoryOptions]
) -> Iterator[MerchandisingPage]:
    """The pages of a category-merchandising listing (CM 1.0) for the session ``session_id``.

    Each page is the typed result of one `category_merchandising` call (``result_id``,
    ``batch_token``, ``total_primary_count``, ``primary``); the next page is fetched with the
    previous page's ``batch_token``, and the walk ends when a page has no products or no
    token. ``page_size`` is at most 250 (`CATEGORY_PAGE_LIMIT`). The first call counts as a
    category view unless ``count_view`` is false; later calls never do (skipVCEvent).
    ``include``/``exclude`` filter the listing; ``by`` is BY_CID (default) or BY_REF.
    """
    walk = _CategoryWalk(session_id, category, options)
    apps = sync_apps(client)
    while True:
        page = _category_page(apps.category_merchandising(**walk.call_arguments()))
        if page is not None and page.primary:
            yield page
        if not walk.advance(page):
            return


def iter_category(
    client: SyncApps, session_id: str, category: str, **options: Unpack[CategoryOptions]
) -> Iterator[ProductSummary]:
    """Every product of a category-merchandising listing, in its merchandised order.

    Same arguments as `iter_category_pages`, which it flattens. For click attribution you
    need the listing's result id: take it from `iter_category_pages` (``page.result_id``).
    """
    for page in iter_category_pages(client, session_id, category, **options):
        yield from (product for product in page.primary or [] if product is not None)


async def aiter_category_pages(
    client: AsyncApps, session_id: str, category: str, **options: Unpack[CategoryOptions]
) -> AsyncIterator[MerchandisingPage]:
    """Async twin of `iter_category_pages`."""
    walk = _CategoryWalk(session_id, category, options)
    apps = async_apps(client)
    while True:
        page = _category_page(await apps.category_merchandising(**walk.call_arguments()))
        if page is not None and page.primary:
            yield page
        if not walk.advance(page):
            return


async def aiter_category(
    client: AsyncApps, session_id: str, category: str, **options: Unpack[CategoryOptions]
) -> AsyncIterator[ProductSummary]:
    """Async twin of `iter_category`: ``async for product in aiter_category(...): ...``."""
    async for page in aiter_category_pages(client, session_id, category, **options):
        for product in page.primary or []:
            if product is not None:
                yield product


def _category_page(result: CategoryMerchandising) -> MerchandisingPage | None:
    recos = result.session.recos if result.session is not None else None
    return recos.category if recos is not None else None
