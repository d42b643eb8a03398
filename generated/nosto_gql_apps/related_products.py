from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RelatedProducts(BaseModel):
    recos: Optional["RelatedProductsRecos"]


class RelatedProductsRecos(BaseModel):
    related: Optional["RelatedProductsRecosRelated"]


RelatedProductsRecosRelated = RecommendationSlot
RelatedProducts.model_rebuild()
RelatedProductsRecos.model_rebuild()
