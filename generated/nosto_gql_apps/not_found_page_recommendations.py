from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class NotFoundPageRecommendations(BaseModel):
    update_session: Optional["NotFoundPageRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class NotFoundPageRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["NotFoundPageRecommendationsUpdateSessionPages"]


class NotFoundPageRecommendationsUpdateSessionPages(BaseModel):
    for_not_found_page: Optional[
        list[Optional["NotFoundPageRecommendationsUpdateSessionPagesForNotFoundPage"]]
    ] = Field(alias="forNotFoundPage")


NotFoundPageRecommendationsUpdateSessionPagesForNotFoundPage = RecommendationSlot
NotFoundPageRecommendations.model_rebuild()
NotFoundPageRecommendationsUpdateSession.model_rebuild()
NotFoundPageRecommendationsUpdateSessionPages.model_rebuild()
