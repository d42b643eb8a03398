from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class FrontPageRecommendations(BaseModel):
    update_session: Optional["FrontPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class FrontPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["FrontPageRecommendationsUpdateSessionPages"]


class FrontPageRecommendationsUpdateSessionPages(BaseModel):
    for_front_page: Optional[
        list[Optional["FrontPageRecommendationsUpdateSessionPagesForFrontPage"]]
    ] = Field(alias="forFrontPage")


FrontPageRecommendationsUpdateSessionPagesForFrontPage = RecommendationSlot
FrontPageRecommendations.model_rebuild()
FrontPageRecommendationsUpdateSession.model_rebuild()
FrontPageRecommendationsUpdateSessionPages.model_rebuild()
