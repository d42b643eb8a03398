"""Page-type recommendation slots (`Session.pages`), configured the way a fresh Nosto account
with one or two slots per page type would be.

Each slot is a named recommender: its id is both the `divId` and the `resultId`, and send it
back as the event `ref` when a visitor clicks one of its products.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLResolveInfo

from . import _recommenders as recommenders
from ._context import RequestContext, context_of
from ._ranking import ProductFilter, RecoParams, Selection
from ._records import SessionRecord


@dataclass(frozen=True)
class PageScope:
    """The source object of `PageRequestEntity`: the session the page is shown to."""

    session: SessionRecord


@dataclass(frozen=True)
class PageRequest:
    """Everything a slot may base its products on."""

    context: RequestContext
    session: SessionRecord
    params: RecoParams
    # The page's subject: product id, category, search term, cart value or order number.
    subject: Any = None


SlotRecommender = Callable[[PageRequest], Selection]


@dataclass(frozen=True)
class Slot:
    slot_id: str
    title: str
    recommend: SlotRecommender


def _best_sellers(request: PageRequest) -> Selection:
    state = request.context.state
    return recommenders.toplist(state, by_buys=True, hours=None, params=request.params)


def _most_viewed(request: PageRequest) -> Selection:
    state = request.context.state
    return recommenders.toplist(state, by_buys=False, hours=None, params=request.params)


def _personalised(request: PageRequest) -> Selection:
    """Cross-sells of what the visitor viewed; most viewed products for a new visitor."""
    viewed = recommenders.session_history(request.session)
    selection = recommenders.related_to(request.context.state, viewed, request.params)
    return selection if selection.products else _most_viewed(request)


def _recently_viewed(request: PageRequest) -> Selection:
    viewed = [
        pid for pid in recommenders.session_history(request.session) if pid != request.subject
    ]
    return recommenders.history(request.context.state, viewed, request.params)


def _related_to_product(request: PageRequest) -> Selection:
    return recommenders.related_to(request.context.state, [str(request.subject)], request.params)


def _category_best_sellers(request: PageRequest) -> Selection:
    if not request.subject:
        return _best_sellers(request)
    params = RecoParams(
        max_products=request.params.max_products,
        variant_id=request.params.variant_id,
        include=ProductFilter.from_input({"categories": [str(request.subject)]}),
    )
    return recommenders.toplist(request.context.state, by_buys=True, hours=None, params=params)


def _search_matches(request: PageRequest) -> Selection:
    return recommenders.search(request.context.state, str(request.subject), request.params)


def _complete_the_cart(request: PageRequest) -> Selection:
    in_cart = recommenders.cart_product_ids(request.session)
    selection = recommenders.related_to(request.context.state, in_cart, request.params)
    return selection if selection.products else _best_sellers(request)


def _after_order(request: PageRequest) -> Selection:
    order = request.context.state._find_order(str(request.subject))
    bought = [str(item["productId"]) for item in order.items] if order else []
    selection = recommenders.related_to(request.context.state, bought, request.params)
    return selection if selection.products else _best_sellers(request)


PAGE_SLOTS: dict[str, tuple[Slot, ...]] = {
    "forFrontPage": (
        Slot("frontpage-nosto-1", "Best sellers", _best_sellers),
        Slot("frontpage-nosto-2", "Recommended for you", _personalised),
    ),
    "forProductPage": (
        Slot("productpage-nosto-1", "Related products", _related_to_product),
        Slot("productpage-nosto-2", "Recently viewed", _recently_viewed),
    ),
    "forCategoryPage": (
        Slot("categorypage-nosto-1", "Top sellers in this category", _category_best_sellers),
    ),
    "forSearchPage": (Slot("searchpage-nosto-1", "Matching products", _search_matches),),
    "forCartPage": (Slot("cartpage-nosto-1", "Complete your purchase", _complete_the_cart),),
    "forOrderPage": (Slot("thankyou-nosto-1", "You might also like", _after_order),),
    "forNotFoundPage": (Slot("notfound-nosto-1", "Popular products", _most_viewed),),
    "forLandingPage": (Slot("landingpage-nosto-1", "Best sellers", _best_sellers),),
    "forGeneralLayoutPage": (Slot("generallayout-nosto-1", "Recently viewed", _recently_viewed),),
    "forOtherPage": (Slot("otherpage-nosto-1", "Popular products", _most_viewed),),
}

# The argument that names each page's subject.
_SUBJECT_ARGUMENT = {
    "forProductPage": "product",
    "forCategoryPage": "category",
    "forSearchPage": "term",
    "forCartPage": "value",
    "forOrderPage": "value",
}


def _page_resolver(page: str) -> Callable[..., list[dict[str, Any]]]:
    def resolve(scope: PageScope, info: GraphQLResolveInfo, **args: Any) -> list[dict[str, Any]]:
        context = context_of(info)
        page_params = args.get("params") or {}
        wanted = page_params.get("slotIds")
        request = PageRequest(
            context=context,
            session=scope.session,
            params=RecoParams(variant_id=page_params.get("variantId")),
            subject=args.get(_SUBJECT_ARGUMENT.get(page, "")),
        )
        return [
            recommenders.result_payload(
                context,
                slot.recommend(request),
                result_id=slot.slot_id,
                title=slot.title,
                params=request.params,
            )
            for slot in PAGE_SLOTS[page]
            if wanted is None or slot.slot_id in wanted
        ]

    resolve.__name__ = f"resolve_{page}"
    return resolve


RESOLVERS = {"PageRequestEntity": {page: _page_resolver(page) for page in PAGE_SLOTS}}
