from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class CategoryPageRecommendations(BaseModel):
    update_session: Optional["CategoryPageRecommendationsUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class CategoryPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["CategoryPageRecommendationsUpdateSessionPages"] = Field(
        default=None
    )


class CategoryPageRecommendationsUpdateSessionPages(BaseModel):
    for_category_page: Optional[
        list[Optional["CategoryPageRecommendationsUpdateSessionPagesForCategoryPage"]]
    ] = Field(alias="forCategoryPage", default=None)


CategoryPageRecommendationsUpdateSessionPagesForCategoryPage = RecommendationSlot
CategoryPageRecommendations.model_rebuild()
CategoryPageRecommendationsUpdateSession.model_rebuild()
CategoryPageRecommendationsUpdateSessionPages.model_rebuild()
