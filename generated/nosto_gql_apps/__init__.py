import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base_client import NostoBaseClient
    from .base_model import BaseModel
    from .client import AppsClient
    from .enums import (
        AnalyticEventType,
        CurrencyParams,
        ImageVersionType,
        InteractionEventType,
        LookupParams,
        ProductSortField,
        RefType,
        RelationModeEntity,
        ScoringModeType,
    )
    from .fragments import ProductSummary, RecommendationSlot, RecommendationSlotPrimary
    from .front_page_recommendations import (
        FrontPageRecommendations,
        FrontPageRecommendationsUpdateSession,
        FrontPageRecommendationsUpdateSessionPages,
        FrontPageRecommendationsUpdateSessionPagesForFrontPage,
    )
    from .input_types import (
        InputAnalyticEventPropertiesInputEntity,
        InputAttributeParams,
        InputCart,
        InputCategoryClickInputEntity,
        InputCategoryEventMetadataInputEntity,
        InputCategoryImpressionInputEntity,
        InputCustomerInfoEntity,
        InputEvent,
        InputFilterParams,
        InputIdentity,
        InputIdentityAttribute,
        InputIncludeParams,
        InputItem,
        InputKeyValuePairInput,
        InputOrder,
        InputOrderStatusParams,
        InputPageParams,
        InputPlaceOrderParams,
        InputPriceParams,
        InputProduct,
        InputProductFilter,
        InputProductSort,
        InputRecommenderParams,
        InputRecordAnalyticsEventParams,
        InputSearchClickInputEntity,
        InputSearchEventMetadataInputEntity,
        InputSearchImpressionInputEntity,
        InputSessionParams,
        InputSku,
        InputStockParams,
        InputUgcImage,
        InputVendorCategoryEntity,
    )
    from .list_products import (
        ListProducts,
        ListProductsProducts,
        ListProductsProductsProducts,
    )
    from .new_session import NewSession
    from .place_order import PlaceOrder, PlaceOrderPlaceOrder
    from .product_by_id import (
        ProductById,
        ProductByIdProduct,
        ProductByIdProductAttributes,
        ProductByIdProductSkus,
    )
    from .product_page_recommendations import (
        ProductPageRecommendations,
        ProductPageRecommendationsUpdateSession,
        ProductPageRecommendationsUpdateSessionPages,
        ProductPageRecommendationsUpdateSessionPagesForProductPage,
    )
    from .related_products import (
        RelatedProducts,
        RelatedProductsRecos,
        RelatedProductsRecosRelated,
    )
    from .search_products import (
        SearchProducts,
        SearchProductsRecos,
        SearchProductsRecosSearch,
    )
    from .toplist import Toplist, ToplistRecos, ToplistRecosToplist
    from .update_session import (
        UpdateSession,
        UpdateSessionUpdateSession,
        UpdateSessionUpdateSessionCart,
        UpdateSessionUpdateSessionCartItems,
        UpdateSessionUpdateSessionCustomer,
        UpdateSessionUpdateSessionEvents,
    )
_LAZY_IMPORTS = {
    "AnalyticEventType": ".enums",
    "AppsClient": ".client",
    "BaseModel": ".base_model",
    "CurrencyParams": ".enums",
    "FrontPageRecommendations": ".front_page_recommendations",
    "FrontPageRecommendationsUpdateSession": ".front_page_recommendations",
    "FrontPageRecommendationsUpdateSessionPages": ".front_page_recommendations",
    "FrontPageRecommendationsUpdateSessionPagesForFrontPage": ".front_page_recommendations",
    "ImageVersionType": ".enums",
    "InputAnalyticEventPropertiesInputEntity": ".input_types",
    "InputAttributeParams": ".input_types",
    "InputCart": ".input_types",
    "InputCategoryClickInputEntity": ".input_types",
    "InputCategoryEventMetadataInputEntity": ".input_types",
    "InputCategoryImpressionInputEntity": ".input_types",
    "InputCustomerInfoEntity": ".input_types",
    "InputEvent": ".input_types",
    "InputFilterParams": ".input_types",
    "InputIdentity": ".input_types",
    "InputIdentityAttribute": ".input_types",
    "InputIncludeParams": ".input_types",
    "InputItem": ".input_types",
    "InputKeyValuePairInput": ".input_types",
    "InputOrder": ".input_types",
    "InputOrderStatusParams": ".input_types",
    "InputPageParams": ".input_types",
    "InputPlaceOrderParams": ".input_types",
    "InputPriceParams": ".input_types",
    "InputProduct": ".input_types",
    "InputProductFilter": ".input_types",
    "InputProductSort": ".input_types",
    "InputRecommenderParams": ".input_types",
    "InputRecordAnalyticsEventParams": ".input_types",
    "InputSearchClickInputEntity": ".input_types",
    "InputSearchEventMetadataInputEntity": ".input_types",
    "InputSearchImpressionInputEntity": ".input_types",
    "InputSessionParams": ".input_types",
    "InputSku": ".input_types",
    "InputStockParams": ".input_types",
    "InputUgcImage": ".input_types",
    "InputVendorCategoryEntity": ".input_types",
    "InteractionEventType": ".enums",
    "ListProducts": ".list_products",
    "ListProductsProducts": ".list_products",
    "ListProductsProductsProducts": ".list_products",
    "LookupParams": ".enums",
    "NewSession": ".new_session",
    "NostoBaseClient": ".base_client",
    "PlaceOrder": ".place_order",
    "PlaceOrderPlaceOrder": ".place_order",
    "ProductById": ".product_by_id",
    "ProductByIdProduct": ".product_by_id",
    "ProductByIdProductAttributes": ".product_by_id",
    "ProductByIdProductSkus": ".product_by_id",
    "ProductPageRecommendations": ".product_page_recommendations",
    "ProductPageRecommendationsUpdateSession": ".product_page_recommendations",
    "ProductPageRecommendationsUpdateSessionPages": ".product_page_recommendations",
    "ProductPageRecommendationsUpdateSessionPagesForProductPage": ".product_page_recommendations",
    "ProductSortField": ".enums",
    "ProductSummary": ".fragments",
    "RecommendationSlot": ".fragments",
    "RecommendationSlotPrimary": ".fragments",
    "RefType": ".enums",
    "RelatedProducts": ".related_products",
    "RelatedProductsRecos": ".related_products",
    "RelatedProductsRecosRelated": ".related_products",
    "RelationModeEntity": ".enums",
    "ScoringModeType": ".enums",
    "SearchProducts": ".search_products",
    "SearchProductsRecos": ".search_products",
    "SearchProductsRecosSearch": ".search_products",
    "Toplist": ".toplist",
    "ToplistRecos": ".toplist",
    "ToplistRecosToplist": ".toplist",
    "UpdateSession": ".update_session",
    "UpdateSessionUpdateSession": ".update_session",
    "UpdateSessionUpdateSessionCart": ".update_session",
    "UpdateSessionUpdateSessionCartItems": ".update_session",
    "UpdateSessionUpdateSessionCustomer": ".update_session",
    "UpdateSessionUpdateSessionEvents": ".update_session",
}


def __getattr__(name: str) -> object:
    """Import the module a generated name lives in, the first time it is used."""
    module_name = _LAZY_IMPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AnalyticEventType",
    "AppsClient",
    "BaseModel",
    "CurrencyParams",
    "FrontPageRecommendations",
    "FrontPageRecommendationsUpdateSession",
    "FrontPageRecommendationsUpdateSessionPages",
    "FrontPageRecommendationsUpdateSessionPagesForFrontPage",
    "ImageVersionType",
    "InputAnalyticEventPropertiesInputEntity",
    "InputAttributeParams",
    "InputCart",
    "InputCategoryClickInputEntity",
    "InputCategoryEventMetadataInputEntity",
    "InputCategoryImpressionInputEntity",
    "InputCustomerInfoEntity",
    "InputEvent",
    "InputFilterParams",
    "InputIdentity",
    "InputIdentityAttribute",
    "InputIncludeParams",
    "InputItem",
    "InputKeyValuePairInput",
    "InputOrder",
    "InputOrderStatusParams",
    "InputPageParams",
    "InputPlaceOrderParams",
    "InputPriceParams",
    "InputProduct",
    "InputProductFilter",
    "InputProductSort",
    "InputRecommenderParams",
    "InputRecordAnalyticsEventParams",
    "InputSearchClickInputEntity",
    "InputSearchEventMetadataInputEntity",
    "InputSearchImpressionInputEntity",
    "InputSessionParams",
    "InputSku",
    "InputStockParams",
    "InputUgcImage",
    "InputVendorCategoryEntity",
    "InteractionEventType",
    "ListProducts",
    "ListProductsProducts",
    "ListProductsProductsProducts",
    "LookupParams",
    "NewSession",
    "NostoBaseClient",
    "PlaceOrder",
    "PlaceOrderPlaceOrder",
    "ProductById",
    "ProductByIdProduct",
    "ProductByIdProductAttributes",
    "ProductByIdProductSkus",
    "ProductPageRecommendations",
    "ProductPageRecommendationsUpdateSession",
    "ProductPageRecommendationsUpdateSessionPages",
    "ProductPageRecommendationsUpdateSessionPagesForProductPage",
    "ProductSortField",
    "ProductSummary",
    "RecommendationSlot",
    "RecommendationSlotPrimary",
    "RefType",
    "RelatedProducts",
    "RelatedProductsRecos",
    "RelatedProductsRecosRelated",
    "RelationModeEntity",
    "ScoringModeType",
    "SearchProducts",
    "SearchProductsRecos",
    "SearchProductsRecosSearch",
    "Toplist",
    "ToplistRecos",
    "ToplistRecosToplist",
    "UpdateSession",
    "UpdateSessionUpdateSession",
    "UpdateSessionUpdateSessionCart",
    "UpdateSessionUpdateSessionCartItems",
    "UpdateSessionUpdateSessionCustomer",
    "UpdateSessionUpdateSessionEvents",
]


if TYPE_CHECKING:
    from .async_client import AsyncAppsClient

_LAZY_IMPORTS["AsyncAppsClient"] = ".async_client"
__all__ += ["AsyncAppsClient"]
