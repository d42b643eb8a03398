from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class LandingPageRecommendations(BaseModel):
    update_session: Optional["LandingPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class LandingPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["LandingPageRecommendationsUpdateSessionPages"]


class LandingPageRecommendationsUpdateSessionPages(BaseModel):
    for_landing_page: Optional[
        list[Optional["LandingPageRecommendationsUpdateSessionPagesForLandingPage"]]
    ] = Field(alias="forLandingPage")


LandingPageRecommendationsUpdateSessionPagesForLandingPage = RecommendationSlot
LandingPageRecommendations.model_rebuild()
LandingPageRecommendationsUpdateSession.model_rebuild()
LandingPageRecommendationsUpdateSessionPages.model_rebuild()
