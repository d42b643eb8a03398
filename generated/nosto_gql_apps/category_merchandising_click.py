from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InteractionEventType


class CategoryMerchandisingClick(BaseModel):
    update_session: Optional["CategoryMerchandisingClickUpdateSession"] = Field(
        alias="updateSession"
    )


class CategoryMerchandisingClickUpdateSession(BaseModel):
    id: Optional[str]
    events: Optional[list[Optional["CategoryMerchandisingClickUpdateSessionEvents"]]]


class CategoryMerchandisingClickUpdateSessionEvents(BaseModel):
    type_: Optional[InteractionEventType] = Field(alias="type")
    target: Optional[str]


CategoryMerchandisingClick.model_rebuild()
CategoryMerchandisingClickUpdateSession.model_rebuild()
