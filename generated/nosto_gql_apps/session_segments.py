from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class SessionSegments(BaseModel):
    session: Optional["SessionSegmentsSession"] = Field(default=None)


class SessionSegmentsSession(BaseModel):
    segments: Optional[list[Optional["SessionSegmentsSessionSegments"]]] = Field(
        default=None
    )


class SessionSegmentsSessionSegments(BaseModel):
    id: Optional[str] = Field(default=None)


SessionSegments.model_rebuild()
SessionSegmentsSession.model_rebuild()
