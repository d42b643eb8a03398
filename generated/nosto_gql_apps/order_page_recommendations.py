from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class OrderPageRecommendations(BaseModel):
    update_session: Optional["OrderPageRecommendationsUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class OrderPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["OrderPageRecommendationsUpdateSessionPages"] = Field(default=None)


class OrderPageRecommendationsUpdateSessionPages(BaseModel):
    for_order_page: Optional[
        list[Optional["OrderPageRecommendationsUpdateSessionPagesForOrderPage"]]
    ] = Field(alias="forOrderPage", default=None)


OrderPageRecommendationsUpdateSessionPagesForOrderPage = RecommendationSlot
OrderPageRecommendations.model_rebuild()
OrderPageRecommendationsUpdateSession.model_rebuild()
OrderPageRecommendationsUpdateSessionPages.model_rebuild()
