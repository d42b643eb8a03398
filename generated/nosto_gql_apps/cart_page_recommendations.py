from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class CartPageRecommendations(BaseModel):
    update_session: Optional["CartPageRecommendationsUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class CartPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["CartPageRecommendationsUpdateSessionPages"] = Field(default=None)


class CartPageRecommendationsUpdateSessionPages(BaseModel):
    for_cart_page: Optional[
        list[Optional["CartPageRecommendationsUpdateSessionPagesForCartPage"]]
    ] = Field(alias="forCartPage", default=None)


CartPageRecommendationsUpdateSessionPagesForCartPage = RecommendationSlot
CartPageRecommendations.model_rebuild()
CartPageRecommendationsUpdateSession.model_rebuild()
CartPageRecommendationsUpdateSessionPages.model_rebuild()
