from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecommendationSlot


class OrderRecommendations(BaseModel):
    order: Optional["OrderRecommendationsOrder"] = Field(default=None)


class OrderRecommendationsOrder(BaseModel):
    number: Optional[str] = Field(default=None)
    recos: Optional["OrderRecommendationsOrderRecos"] = Field(default=None)


class OrderRecommendationsOrderRecos(BaseModel):
    related: Optional["OrderRecommendationsOrderRecosRelated"] = Field(default=None)


OrderRecommendationsOrderRecosRelated = RecommendationSlot
OrderRecommendations.model_rebuild()
OrderRecommendationsOrder.model_rebuild()
OrderRecommendationsOrderRecos.model_rebuild()
