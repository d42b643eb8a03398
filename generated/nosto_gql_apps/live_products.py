from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class LiveProducts(BaseModel):
    recos: Optional["LiveProductsRecos"]


class LiveProductsRecos(BaseModel):
    live: Optional["LiveProductsRecosLive"]


LiveProductsRecosLive = RecommendationSlot
LiveProducts.model_rebuild()
LiveProductsRecos.model_rebuild()
