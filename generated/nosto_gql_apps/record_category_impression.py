from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordCategoryImpression(BaseModel):
    record_analytics_event: Optional["RecordCategoryImpressionRecordAnalyticsEvent"] = (
        Field(alias="recordAnalyticsEvent")
    )


class RecordCategoryImpressionRecordAnalyticsEvent(BaseModel):
    message: Optional[str]
    errors: Optional[
        list[Optional["RecordCategoryImpressionRecordAnalyticsEventErrors"]]
    ]


RecordCategoryImpressionRecordAnalyticsEventErrors = ValidationProblem
RecordCategoryImpression.model_rebuild()
RecordCategoryImpressionRecordAnalyticsEvent.model_rebuild()
