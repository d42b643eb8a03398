from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class GeneralLayoutRecommendations(BaseModel):
    update_session: Optional["GeneralLayoutRecommendationsUpdateSession"] = Field(
        alias="updateSession"
    )


class GeneralLayoutRecommendationsUpdateSession(BaseModel):
    id: Optional[str]
    pages: Optional["GeneralLayoutRecommendationsUpdateSessionPages"]


class GeneralLayoutRecommendationsUpdateSessionPages(BaseModel):
    for_general_layout_page: Optional[
        list[
            Optional[
                "GeneralLayoutRecommendationsUpdateSessionPagesForGeneralLayoutPage"
            ]
        ]
    ] = Field(alias="forGeneralLayoutPage")


GeneralLayoutRecommendationsUpdateSessionPagesForGeneralLayoutPage = RecommendationSlot
GeneralLayoutRecommendations.model_rebuild()
GeneralLayoutRecommendationsUpdateSession.model_rebuild()
GeneralLayoutRecommendationsUpdateSessionPages.model_rebuild()
