from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class ProductPageRecommendations(BaseModel):
    update_session: Optional["ProductPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class ProductPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["ProductPageRecommendationsUpdateSessionPages"]


class ProductPageRecommendationsUpdateSessionPages(BaseModel):
    for_product_page: Optional[
        list[Optional["ProductPageRecommendationsUpdateSessionPagesForProductPage"]]
    ] = Field(alias="forProductPage")


ProductPageRecommendationsUpdateSessionPagesForProductPage = RecommendationSlot
ProductPageRecommendations.model_rebuild()
ProductPageRecommendationsUpdateSession.model_rebuild()
ProductPageRecommendationsUpdateSessionPages.model_rebuild()
