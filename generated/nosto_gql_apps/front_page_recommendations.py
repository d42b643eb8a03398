from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class FrontPageRecommendations(BaseModel):
    update_session: Optional["FrontPageRecommendationsUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class FrontPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    pages: Optional["FrontPageRecommendationsUpdateSessionPages"] = Field(default=None)


class FrontPageRecommendationsUpdateSessionPages(BaseModel):
    for_front_page: Optional[
        list[Optional["FrontPageRecommendationsUpdateSessionPagesForFrontPage"]]
    ] = Field(alias="forFrontPage", default=None)


FrontPageRecommendationsUpdateSessionPagesForFrontPage = RecommendationSlot
FrontPageRecommendations.model_rebuild()
FrontPageRecommendationsUpdateSession.model_rebuild()
FrontPageRecommendationsUpdateSessionPages.model_rebuild()
