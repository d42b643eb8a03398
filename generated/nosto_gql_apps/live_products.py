from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class LiveProducts(BaseModel):
    recos: Optional["LiveProductsRecos"] = Field(default=None)


class LiveProductsRecos(BaseModel):
    live: Optional["LiveProductsRecosLive"] = Field(default=None)


LiveProductsRecosLive = RecommendationSlot
LiveProducts.model_rebuild()
LiveProductsRecos.model_rebuild()
