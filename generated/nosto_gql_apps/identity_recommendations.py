from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class IdentityRecommendations(BaseModel):
    identity: Optional["IdentityRecommendationsIdentity"]


class IdentityRecommendationsIdentity(BaseModel):
    email: Optional[str]
    recos: Optional["IdentityRecommendationsIdentityRecos"]


class IdentityRecommendationsIdentityRecos(BaseModel):
    history: Optional["IdentityRecommendationsIdentityRecosHistory"]


IdentityRecommendationsIdentityRecosHistory = RecommendationSlot
IdentityRecommendations.model_rebuild()
IdentityRecommendationsIdentity.model_rebuild()
IdentityRecommendationsIdentityRecos.model_rebuild()
