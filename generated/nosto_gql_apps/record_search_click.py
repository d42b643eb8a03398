from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordSearchClick(BaseModel):
    record_analytics_event: Optional["RecordSearchClickRecordAnalyticsEvent"] = Field(
        alias="recordAnalyticsEvent"
    )


class RecordSearchClickRecordAnalyticsEvent(BaseModel):
    message: Optional[str]
    errors: Optional[list[Optional["RecordSearchClickRecordAnalyticsEventErrors"]]]


RecordSearchClickRecordAnalyticsEventErrors = ValidationProblem
RecordSearchClick.model_rebuild()
RecordSearchClickRecordAnalyticsEvent.model_rebuild()
