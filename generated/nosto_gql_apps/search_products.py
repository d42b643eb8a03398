from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class SearchProducts(BaseModel):
    recos: Optional["SearchProductsRecos"] = Field(default=None)


class SearchProductsRecos(BaseModel):
    search: Optional["SearchProductsRecosSearch"] = Field(default=None)


SearchProductsRecosSearch = RecommendationSlot
SearchProducts.model_rebuild()
SearchProductsRecos.model_rebuild()
