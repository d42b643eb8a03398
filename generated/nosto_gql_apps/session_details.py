from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerDetails, LineItem


class SessionDetails(BaseModel):
    session: Optional["SessionDetailsSession"] = Field(default=None)


class SessionDetailsSession(BaseModel):
    id: Optional[str] = Field(default=None)
    cart: Optional["SessionDetailsSessionCart"] = Field(default=None)
    customer: Optional["SessionDetailsSessionCustomer"] = Field(default=None)
    segments: Optional[list[Optional["SessionDetailsSessionSegments"]]] = Field(
        default=None
    )


class SessionDetailsSessionCart(BaseModel):
    items: Optional[list[Optional["SessionDetailsSessionCartItems"]]] = Field(
        default=None
    )


SessionDetailsSessionCartItems = LineItem
SessionDetailsSessionCustomer = CustomerDetails


class SessionDetailsSessionSegments(BaseModel):
    id: Optional[str] = Field(default=None)
    name: Optional[str] = Field(default=None)


SessionDetails.model_rebuild()
SessionDetailsSession.model_rebuild()
SessionDetailsSessionCart.model_rebuild()
