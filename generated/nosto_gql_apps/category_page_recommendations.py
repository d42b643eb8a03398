from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class CategoryPageRecommendations(BaseModel):
    update_session: Optional["CategoryPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class CategoryPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["CategoryPageRecommendationsUpdateSessionPages"]


class CategoryPageRecommendationsUpdateSessionPages(BaseModel):
    for_category_page: Optional[
        list[Optional["CategoryPageRecommendationsUpdateSessionPagesForCategoryPage"]]
    ] = Field(alias="forCategoryPage")


CategoryPageRecommendationsUpdateSessionPagesForCategoryPage = RecommendationSlot
CategoryPageRecommendations.model_rebuild()
CategoryPageRecommendationsUpdateSession.model_rebuild()
CategoryPageRecommendationsUpdateSessionPages.model_rebuild()
