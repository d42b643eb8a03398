from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InteractionEventType


class CategoryMerchandisingClick(BaseModel):
    update_session: Optional["CategoryMerchandisingClickUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class CategoryMerchandisingClickUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    events: Optional[
        list[Optional["CategoryMerchandisingClickUpdateSessionEvents"]]
    ] = Field(default=None)


class CategoryMerchandisingClickUpdateSessionEvents(BaseModel):
    type_: Optional[InteractionEventType] = Field(alias="type", default=None)
    target: Optional[str] = Field(default=None)


CategoryMerchandisingClick.model_rebuild()
CategoryMerchandisingClickUpdateSession.model_rebuild()
