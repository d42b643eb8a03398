from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ValidationProblem


class RecordCategoryClick(BaseModel):
    record_analytics_event: Optional["RecordCategoryClickRecordAnalyticsEvent"] = Field(
        alias="recordAnalyticsEvent"
    )


class RecordCategoryClickRecordAnalyticsEvent(BaseModel):
    message: Optional[str]
    errors: Optional[list[Optional["RecordCategoryClickRecordAnalyticsEventErrors"]]]


RecordCategoryClickRecordAnalyticsEventErrors = ValidationProblem
RecordCategoryClick.model_rebuild()
RecordCategoryClickRecordAnalyticsEvent.model_rebuild()
