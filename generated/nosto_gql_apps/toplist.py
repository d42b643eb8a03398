from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class Toplist(BaseModel):
    recos: Optional["ToplistRecos"]


class ToplistRecos(BaseModel):
    toplist: Optional["ToplistRecosToplist"]


ToplistRecosToplist = RecommendationSlot
Toplist.model_rebuild()
ToplistRecos.model_rebuild()
