from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RecentlyViewed(BaseModel):
    session: Optional["RecentlyViewedSession"]


class RecentlyViewedSession(BaseModel):
    id: Optional[str]
    recos: Optional["RecentlyViewedSessionRecos"]


class RecentlyViewedSessionRecos(BaseModel):
    history: Optional["RecentlyViewedSessionRecosHistory"]


RecentlyViewedSessionRecosHistory = RecommendationSlot
RecentlyViewed.model_rebuild()
RecentlyViewedSession.model_rebuild()
RecentlyViewedSessionRecos.model_rebuild()
