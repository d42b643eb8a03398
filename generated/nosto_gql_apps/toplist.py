from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class Toplist(BaseModel):
    recos: Optional["ToplistRecos"] = Field(default=None)


class ToplistRecos(BaseModel):
    toplist: Optional["ToplistRecosToplist"] = Field(default=None)


ToplistRecosToplist = RecommendationSlot
Toplist.model_rebuild()
ToplistRecos.model_rebuild()
