from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class ProductPageRecommendations(BaseModel):
    update_session: Optional["ProductPageRecommendationsUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class ProductPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["ProductPageRecommendationsUpdateSessionPages"] = Field(
        default=None
    )


class ProductPageRecommendationsUpdateSessionPages(BaseModel):
    for_product_page: Optional[
        list[Optional["ProductPageRecommendationsUpdateSessionPagesForProductPage"]]
    ] = Field(alias="forProductPage", default=None)


ProductPageRecommendationsUpdateSessionPagesForProductPage = RecommendationSlot
ProductPageRecommendations.model_rebuild()
ProductPageRecommendationsUpdateSession.model_rebuild()
ProductPageRecommendationsUpdateSessionPages.model_rebuild()
