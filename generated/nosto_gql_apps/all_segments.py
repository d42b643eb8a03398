from typing import Optional

from .base_model import BaseModel


class AllSegments(BaseModel):
    segments: Optional["AllSegmentsSegments"]


class AllSegmentsSegments(BaseModel):
    segments: Optional[list[Optional["AllSegmentsSegmentsSegments"]]]


class AllSegmentsSegmentsSegments(BaseModel):
    id: Optional[str]
    name: Optional[str]


AllSegments.model_rebuild()
AllSegmentsSegments.model_rebuild()
