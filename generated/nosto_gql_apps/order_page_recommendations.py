from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class OrderPageRecommendations(BaseModel):
    update_session: Optional["OrderPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class OrderPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["OrderPageRecommendationsUpdateSessionPages"]


class OrderPageRecommendationsUpdateSessionPages(BaseModel):
    for_order_page: Optional[
        list[Optional["OrderPageRecommendationsUpdateSessionPagesForOrderPage"]]
    ] = Field(alias="forOrderPage")


OrderPageRecommendationsUpdateSessionPagesForOrderPage = RecommendationSlot
OrderPageRecommendations.model_rebuild()
OrderPageRecommendationsUpdateSession.model_rebuild()
OrderPageRecommendationsUpdateSessionPages.model_rebuild()
