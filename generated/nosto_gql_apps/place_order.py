from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class PlaceOrder(BaseModel):
    place_order: Optional["PlaceOrderPlaceOrder"] = Field(alias="placeOrder")


class PlaceOrderPlaceOrder(BaseModel):
    id: Optional[str]


PlaceOrder.model_rebuild()
