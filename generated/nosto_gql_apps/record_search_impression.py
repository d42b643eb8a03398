from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordSearchImpression(BaseModel):
    record_analytics_event: Optional["RecordSearchImpressionRecordAnalyticsEvent"] = (
        Field(alias="recordAnalyticsEvent")
    )


class RecordSearchImpressionRecordAnalyticsEvent(BaseModel):
    message: Optional[str]
    errors: Optional[list[Optional["RecordSearchImpressionRecordAnalyticsEventErrors"]]]


RecordSearchImpressionRecordAnalyticsEventErrors = ValidationProblem
RecordSearchImpression.model_rebuild()
RecordSearchImpressionRecordAnalyticsEvent.model_rebuild()
