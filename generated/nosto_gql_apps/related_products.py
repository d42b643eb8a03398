from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class RelatedProducts(BaseModel):
    recos: Optional["RelatedProductsRecos"] = Field(default=None)


class RelatedProductsRecos(BaseModel):
    related: Optional["RelatedProductsRecosRelated"] = Field(default=None)


RelatedProductsRecosRelated = RecommendationSlot
RelatedProducts.model_rebuild()
RelatedProductsRecos.model_rebuild()
