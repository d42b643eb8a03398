"""Pure ranking over the sandbox catalog: ranking, filtering and result sizing.

Everything here is a pure function of the products and statistics handed in, so the results
are deterministic: ties are always broken by product id and the random recommender is seeded.
Only products whose availability is InStock are ever recommended, as in Nosto.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._facts import Availability

# Nosto does not document the default size of a result; ten fills a typical carousel.
DEFAULT_MAX_PRODUCTS = 10

Product = Mapping[str, Any]

_WORD = re.compile(r"\w+")
# How much a term matching in each field counts towards a search result's rank.
_SEARCH_FIELD_WEIGHTS = (("name", 4), ("brand", 3), ("categories", 2), ("description", 1))


class RecoParamsError(ValueError):
    """Recommender parameters that cannot be honoured (e.g. a negative product count)."""


def normalise_category(path: str) -> str:
    """``"/Outdoor/Camping/"`` and ``"outdoor/camping"`` name the same category."""
    return "/".join(part.strip() for part in path.strip().strip("/").split("/")).casefold()


def product_categories(product: Product) -> frozenset[str]:
    return frozenset(normalise_category(c) for c in product.get("categories") or [])


def in_category(product: Product, wanted: Iterable[str]) -> bool:
    # A filter on a category also matches its subcategories, so "/Outdoor" finds tents even
    # when the merchant listed only the deepest path.
    own = product_categories(product)
    return any(c == w or c.startswith(w + "/") for w in wanted for c in own)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _field_words(product: Product, field: str) -> set[str]:
    value = product.get(field)
    texts = value if isinstance(value, list) else [value] if value else []
    return {word for text in texts for word in words(str(text))}


def _word_matches(term_word: str, field_words: set[str]) -> bool:
    # Prefix matching lets "tent" find "tents" without a stemmer; short words must match whole.
    if term_word in field_words:
        return True
    return len(term_word) >= 3 and any(w.startswith(term_word) for w in field_words)


def search_score(product: Product, term: str) -> tuple[int, int]:
    """(distinct term words found, weighted score); (0, 0) means no match."""
    found, score = set(), 0
    for field, weight in _SEARCH_FIELD_WEIGHTS:
        field_words = _field_words(product, field)
        for word in set(words(term)):
            if _word_matches(word, field_words):
                found.add(word)
                score += weight
    return len(found), score


def _is_discounted(product: Product) -> bool:
    price, list_price = product.get("price"), product.get("list_price")
    return price is not None and list_price is not None and list_price > price


def _folded(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in values or () if v is not None)


@dataclass(frozen=True)
class ProductFilter:
    """The conditions of an `include` or `exclude` input; unset ones are None."""

    brands: frozenset[str] | None = None
    categories: tuple[str, ...] | None = None
    product_ids: frozenset[str] | None = None
    tags: tuple[tuple[str, frozenset[str]], ...] = ()
    custom_fields: tuple[tuple[str, frozenset[str]], ...] = ()
    discounted: bool | None = None
    price_min: float | None = None
    price_max: float | None = None
    rating: float | None = None
    reviews: int | None = None
    search: str | None = None
    stock_min: int | None = None
    stock_max: int | None = None

    @classmethod
    def from_input(cls, raw: Mapping[str, Any] | None) -> ProductFilter | None:
        if not raw:
            return None
        price = raw.get("price") or {}
        stock = raw.get("stock") or {}
        return cls(
            brands=_folded(raw["brands"]) if raw.get("brands") is not None else None,
            categories=tuple(normalise_category(c) for c in raw["categories"] if c)
            if raw.get("categories") is not None
            else None,
            product_ids=frozenset(str(i) for i in raw["productIds"] if i is not None)
            if raw.get("productIds") is not None
            else None,
            tags=tuple(
                (f"tag{n}", _folded(raw[f"tags{n}"]))
                for n in (1, 2, 3)
                if raw.get(f"tags{n}") is not None
            ),
            custom_fields=tuple(
                (str(entry.get("attribute")), _folded(entry.get("values")))
                for entry in raw.get("customFields") or []
                if entry and entry.get("attribute")
            ),
            discounted=raw.get("discounted"),
            price_min=price.get("min"),
            price_max=price.get("max"),
            rating=raw.get("rating"),
            reviews=raw.get("reviews"),
            search=raw.get("search") or None,
            stock_min=stock.get("min"),
            stock_max=stock.get("max"),
        )

    def conditions(self, product: Product) -> list[bool]:
        """Whether ``product`` meets each condition that is set, in a fixed order."""
        results: list[bool] = []
        if self.brands is not None:
            results.append(str(product.get("brand") or "").casefold() in self.brands)
        if self.categories is not None:
            results.append(in_category(product, self.categories))
        if self.product_ids is not None:
            results.append(str(product.get("product_id")) in self.product_ids)
        for key, wanted in self.tags:
            results.append(bool(_folded(product.get(key)) & wanted))
        fields = {
            k.casefold(): str(v).casefold() for k, v in (product.get("custom_fields") or {}).items()
        }
        for attribute, values in self.custom_fields:
            results.append(fields.get(attribute.casefold()) in values)
        if self.discounted is not None:
            results.append(_is_discounted(product) == self.discounted)
        price = product.get("price")
        if self.price_min is not None:
            results.append(price is not None and price >= self.price_min)
        if self.price_max is not None:
            results.append(price is not None and price <= self.price_max)
        if self.rating is not None:
            results.append((product.get("rating_value") or 0) >= self.rating)
        if self.reviews is not None:
            results.append((product.get("review_count") or 0) >= self.reviews)
        if self.search is not None:
            results.append(search_score(product, self.search)[0] > 0)
        stock = product.get("inventory_level")
        if self.stock_min is not None:
            results.append(stock is not None and stock >= self.stock_min)
        if self.stock_max is not None:
            results.append(stock is not None and stock <= self.stock_max)
        return results


@dataclass(frozen=True)
class RecoParams:
    """An `InputRecommenderParams` value, checked."""

    min_products: int = 0
    max_products: int = DEFAULT_MAX_PRODUCTS
    include: ProductFilter | None = None
    exclude: ProductFilter | None = None
    variant_id: str | None = None
    show_related_products: bool = False
    skip_products_in_cart: bool = False
    skip_bought_products: bool = False

    @classmethod
    def from_input(cls, raw: Mapping[str, Any] | None) -> RecoParams:
        raw = raw or {}
        min_products = raw.get("minProducts")
        max_products = raw.get("maxProducts")
        min_products = 0 if min_products is None else min_products
        max_products = DEFAULT_MAX_PRODUCTS if max_products is None else max_products
        if min_products < 0 or max_products < 0:
            raise RecoParamsError("minProducts and maxProducts must not be negative")
        if min_products > max_products:
            raise RecoParamsError(
                f"minProducts ({min_products}) must not exceed maxProducts ({max_products})"
            )
        # The exclude filter's `discounted` means "leave out discounted" only when true.
        exclude = ProductFilter.from_input(raw.get("exclude"))
        if exclude is not None and exclude.discounted is False:
            exclude = ProductFilter(**{**exclude.__dict__, "discounted": None})
        return cls(
            min_products=min_products,
            max_products=max_products,
            include=ProductFilter.from_input(raw.get("include")),
            exclude=exclude,
            variant_id=raw.get("variantId"),
            show_related_products=bool(raw.get("showRelatedProducts")),
            skip_products_in_cart=bool(raw.get("skipProductsInCart")),
            skip_bought_products=bool(raw.get("skipBoughtProducts")),
        )

    def admits(self, product: Product) -> bool:
        """True when ``product`` may be recommended under these parameters."""
        if product.get("availability") != Availability.IN_STOCK.value:
            return False
        if self.include is not None and not all(self.include.conditions(product)):
            return False
        return not (self.exclude is not None and any(self.exclude.conditions(product)))


@dataclass(frozen=True)
class Selection:
    """The products of one result and how many qualified before the size limit."""

    products: list[Product]
    total: int


def select(ranked: Iterable[Product], params: RecoParams, *, offset: int = 0) -> Selection:
    """Keep the admissible products of ``ranked``, in order, and cut to the wanted size.

    A result that cannot reach ``minProducts`` comes back empty: Nosto hides such a slot rather
    than show a half-filled one.
    """
    admitted = [p for p in ranked if params.admits(p)]
    page = admitted[offset : offset + params.max_products]
    if len(page) < params.min_products:
        page = []
    return Selection(page, len(admitted))


def _by_id(products: Iterable[Product]) -> list[Product]:
    return sorted(products, key=lambda p: str(p.get("product_id")))


def rank_by_counts(products: Iterable[Product], counts: Mapping[str, int]) -> list[Product]:
    """Most counted first; products never counted follow, so a new catalog is not empty."""
    return sorted(_by_id(products), key=lambda p: -counts.get(str(p.get("product_id")), 0))


def rank_related(products: Iterable[Product], seeds: Sequence[Product]) -> list[Product]:
    """Products sharing categories with ``seeds``, most shared first, seeds left out."""
    seed_ids = {str(s.get("product_id")) for s in seeds}
    seed_categories = frozenset().union(*(product_categories(s) for s in seeds))
    scored = [
        (len(product_categories(p) & seed_categories), p)
        for p in _by_id(products)
        if str(p.get("product_id")) not in seed_ids
    ]
    return [p for shared, p in sorted(scored, key=lambda pair: -pair[0]) if shared > 0]


def rank_search(products: Iterable[Product], term: str) -> list[Product]:
    """Products matching words of ``term`` in name, brand, categories or description."""
    scored = [(search_score(p, term), p) for p in _by_id(products)]
    matching = [(score, p) for score, p in scored if score[0] > 0]
    return [p for score, p in sorted(matching, key=lambda pair: (-pair[0][0], -pair[0][1]))]


def shuffled(products: Iterable[Product], seed: str) -> list[Product]:
    """A random order that is the same for the same seed and catalog."""
    ordered = _by_id(products)
    random.Random(seed).shuffle(ordered)
    return ordered


def in_order_of(product_ids: Iterable[str], catalog: Mapping[str, Product]) -> list[Product]:
    """The known products among ``product_ids``, first occurrence wins."""
    unique = dict.fromkeys(product_ids)
    return [catalog[pid] for pid in unique if pid in catalog]
