from typing import Optional

from .base_model import BaseModel


class SessionSegments(BaseModel):
    session: Optional["SessionSegmentsSession"]


class SessionSegmentsSession(BaseModel):
    segments: Optional[list[Optional["SessionSegmentsSessionSegments"]]]


class SessionSegmentsSessionSegments(BaseModel):
    id: Optional[str]


SessionSegments.model_rebuild()
SessionSegmentsSession.model_rebuild()
