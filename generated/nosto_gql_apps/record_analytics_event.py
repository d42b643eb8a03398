from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordAnalyticsEvent(BaseModel):
    record_analytics_event: Optional["RecordAnalyticsEventRecordAnalyticsEvent"] = (
        Field(alias="recordAnalyticsEvent")
    )


class RecordAnalyticsEventRecordAnalyticsEvent(BaseModel):
    message: Optional[str]
    errors: Optional[list[Optional["RecordAnalyticsEventRecordAnalyticsEventErrors"]]]


RecordAnalyticsEventRecordAnalyticsEventErrors = ValidationProblem
RecordAnalyticsEvent.model_rebuild()
RecordAnalyticsEventRecordAnalyticsEvent.model_rebuild()
