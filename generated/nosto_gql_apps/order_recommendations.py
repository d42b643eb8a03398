from typing import Optional

from .base_model import BaseModel
from .fragments import RecommendationSlot


class OrderRecommendations(BaseModel):
    order: Optional["OrderRecommendationsOrder"]


class OrderRecommendationsOrder(BaseModel):
    number: Optional[str]
    recos: Optional["OrderRecommendationsOrderRecos"]


class OrderRecommendationsOrderRecos(BaseModel):
    related: Optional["OrderRecommendationsOrderRecosRelated"]


OrderRecommendationsOrderRecosRelated = RecommendationSlot
OrderRecommendations.model_rebuild()
OrderRecommendationsOrder.model_rebuild()
OrderRecommendationsOrderRecos.model_rebuild()
