from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RandomProducts(BaseModel):
    recos: Optional["RandomProductsRecos"] = Field(default=None)


class RandomProductsRecos(BaseModel):
    random: Optional["RandomProductsRecosRandom"] = Field(default=None)


RandomProductsRecosRandom = RecommendationSlot
RandomProducts.model_rebuild()
RandomProductsRecos.model_rebuild()
