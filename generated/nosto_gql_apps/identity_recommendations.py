from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class IdentityRecommendations(BaseModel):
    identity: Optional["IdentityRecommendationsIdentity"] = Field(default=None)


class IdentityRecommendationsIdentity(BaseModel):
    email: Optional[str] = Field(default=None)
    recos: Optional["IdentityRecommendationsIdentityRecos"] = Field(default=None)


class IdentityRecommendationsIdentityRecos(BaseModel):
    history: Optional["IdentityRecommendationsIdentityRecosHistory"] = Field(
        default=None
    )


IdentityRecommendationsIdentityRecosHistory = RecommendationSlot
IdentityRecommendations.model_rebuild()
IdentityRecommendationsIdentity.model_rebuild()
IdentityRecommendationsIdentityRecos.model_rebuild()
