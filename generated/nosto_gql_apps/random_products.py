from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RandomProducts(BaseModel):
    recos: Optional["RandomProductsRecos"]


class RandomProductsRecos(BaseModel):
    random: Optional["RandomProductsRecosRandom"]


RandomProductsRecosRandom = RecommendationSlot
RandomProducts.model_rebuild()
RandomProductsRecos.model_rebuild()
