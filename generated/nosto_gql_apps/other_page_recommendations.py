from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class OtherPageRecommendations(BaseModel):
    update_session: Optional["OtherPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class OtherPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["OtherPageRecommendationsUpdateSessionPages"]


class OtherPageRecommendationsUpdateSessionPages(BaseModel):
    for_other_page: Optional[
        list[Optional["OtherPageRecommendationsUpdateSessionPagesForOtherPage"]]
    ] = Field(alias="forOtherPage")


OtherPageRecommendationsUpdateSessionPagesForOtherPage = RecommendationSlot
OtherPageRecommendations.model_rebuild()
OtherPageRecommendationsUpdateSession.model_rebuild()
OtherPageRecommendationsUpdateSessionPages.model_rebuild()
