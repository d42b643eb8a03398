from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class CartPageRecommendations(BaseModel):
    update_session: Optional["CartPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class CartPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["CartPageRecommendationsUpdateSessionPages"]


class CartPageRecommendationsUpdateSessionPages(BaseModel):
    for_cart_page: Optional[
        list[Optional["CartPageRecommendationsUpdateSessionPagesForCartPage"]]
    ] = Field(alias="forCartPage")


CartPageRecommendationsUpdateSessionPagesForCartPage = RecommendationSlot
CartPageRecommendations.model_rebuild()
CartPageRecommendationsUpdateSession.model_rebuild()
CartPageRecommendationsUpdateSessionPages.model_rebuild()
