from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class PlaceOrderWithRecommendations(BaseModel):
    place_order: Optional["PlaceOrderWithRecommendationsPlaceOrder"] = Field(
        alias="placeOrder"
    )


class PlaceOrderWithRecommendationsPlaceOrder(BaseModel):
    id: Optional[str]
    pages: Optional["PlaceOrderWithRecommendationsPlaceOrderPages"]


class PlaceOrderWithRecommendationsPlaceOrderPages(BaseModel):
    for_order_page: Optional[
        list[Optional["PlaceOrderWithRecommendationsPlaceOrderPagesForOrderPage"]]
    ] = Field(alias="forOrderPage")


PlaceOrderWithRecommendationsPlaceOrderPagesForOrderPage = RecommendationSlot
PlaceOrderWithRecommendations.model_rebuild()
PlaceOrderWithRecommendationsPlaceOrder.model_rebuild()
PlaceOrderWithRecommendationsPlaceOrderPages.model_rebuild()
