from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class PlaceOrder(BaseModel):
    place_order: Optional["PlaceOrderPlaceOrder"] = Field(
        alias="placeOrder", default=None
    )


class PlaceOrderPlaceOrder(BaseModel):
    id: Optional[str] = Field(default=None)


PlaceOrder.model_rebuild()
