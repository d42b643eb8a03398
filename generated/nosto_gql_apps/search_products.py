from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class SearchProducts(BaseModel):
    recos: Optional["SearchProductsRecos"]


class SearchProductsRecos(BaseModel):
    search: Optional["SearchProductsRecosSearch"]


SearchProductsRecosSearch = RecommendationSlot
SearchProducts.model_rebuild()
SearchProductsRecos.model_rebuild()
