from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class SearchPageRecommendations(BaseModel):
    update_session: Optional["SearchPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class SearchPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["SearchPageRecommendationsUpdateSessionPages"]


class SearchPageRecommendationsUpdateSessionPages(BaseModel):
    for_search_page: Optional[
        list[Optional["SearchPageRecommendationsUpdateSessionPagesForSearchPage"]]
    ] = Field(alias="forSearchPage")


SearchPageRecommendationsUpdateSessionPagesForSearchPage = RecommendationSlot
SearchPageRecommendations.model_rebuild()
SearchPageRecommendationsUpdateSession.model_rebuild()
SearchPageRecommendationsUpdateSessionPages.model_rebuild()
