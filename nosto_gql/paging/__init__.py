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

from .._facts import CATEGORY_PAGE_LIMIT
from ._category import (
    CategoryOptions,
    aiter_category,
    aiter_category_pages,
    iter_category,
    iter_category_pages,
)
from ._listing import ListingCapError, ListingCapWarning, aiter_products, iter_products

__all__ = [
    "CATEGORY_PAGE_LIMIT",
    "CategoryOptions",
    "ListingCapError",
    "ListingCapWarning",
    "aiter_category",
    "aiter_category_pages",
    "aiter_products",
    "iter_category",
    "iter_category_pages",
    "iter_products",
]
