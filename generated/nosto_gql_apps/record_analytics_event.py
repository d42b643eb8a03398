from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordAnalyticsEvent(BaseModel):
    record_analytics_event: Optional["RecordAnalyticsEventRecordAnalyticsEvent"] = (
        Field(alias="recordAnalyticsEvent", default=None)
    )


class RecordAnalyticsEventRecordAnalyticsEvent(BaseModel):
    message: Optional[str] = Field(default=None)
    errors: Optional[
        list[Optional["RecordAnalyticsEventRecordAnalyticsEventErrors"]]
    ] = Field(default=None)


RecordAnalyticsEventRecordAnalyticsEventErrors = ValidationProblem
RecordAnalyticsEvent.model_rebuild()
RecordAnalyticsEventRecordAnalyticsEvent.model_rebuild()
