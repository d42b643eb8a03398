from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RecentlyViewed(BaseModel):
    session: Optional["RecentlyViewedSession"] = Field(default=None)


class RecentlyViewedSession(BaseModel):
    id: Optional[str] = Field(default=None)
    recos: Optional["RecentlyViewedSessionRecos"] = Field(default=None)


class RecentlyViewedSessionRecos(BaseModel):
    history: Optional["RecentlyViewedSessionRecosHistory"] = Field(default=None)


RecentlyViewedSessionRecosHistory = RecommendationSlot
RecentlyViewed.model_rebuild()
RecentlyViewedSession.model_rebuild()
RecentlyViewedSessionRecos.model_rebuild()
