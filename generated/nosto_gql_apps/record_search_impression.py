from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordSearchImpression(BaseModel):
    record_analytics_event: Optional["RecordSearchImpressionRecordAnalyticsEvent"] = (
        Field(alias="recordAnalyticsEvent", default=None)
    )


class RecordSearchImpressionRecordAnalyticsEvent(BaseModel):
    message: Optional[str] = Field(default=None)
    errors: Optional[
        list[Optional["RecordSearchImpressionRecordAnalyticsEventErrors"]]
    ] = Field(default=None)


RecordSearchImpressionRecordAnalyticsEventErrors = ValidationProblem
RecordSearchImpression.model_rebuild()
RecordSearchImpressionRecordAnalyticsEvent.model_rebuild()
