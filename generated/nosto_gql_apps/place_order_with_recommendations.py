from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class PlaceOrderWithRecommendations(BaseModel):
    place_order: Optional["PlaceOrderWithRecommendationsPlaceOrder"] = Field(
        alias="placeOrder", default=None
    )


class PlaceOrderWithRecommendationsPlaceOrder(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["PlaceOrderWithRecommendationsPlaceOrderPages"] = Field(
        default=None
    )


class PlaceOrderWithRecommendationsPlaceOrderPages(BaseModel):
    for_order_page: Optional[
        list[Optional["PlaceOrderWithRecommendationsPlaceOrderPagesForOrderPage"]]
    ] = Field(alias="forOrderPage", default=None)


PlaceOrderWithRecommendationsPlaceOrderPagesForOrderPage = RecommendationSlot
PlaceOrderWithRecommendations.model_rebuild()
PlaceOrderWithRecommendationsPlaceOrder.model_rebuild()
PlaceOrderWithRecommendationsPlaceOrderPages.model_rebuild()
