from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class AllSegments(BaseModel):
    segments: Optional["AllSegmentsSegments"] = Field(default=None)


class AllSegmentsSegments(BaseModel):
    segments: Optional[list[Optional["AllSegmentsSegmentsSegments"]]] = Field(
        default=None
    )


class AllSegmentsSegmentsSegments(BaseModel):
    id: Optional[str] = Field(default=None)
    name: Optional[str] = Field(default=None)


AllSegments.model_rebuild()
AllSegmentsSegments.model_rebuild()
