from typing import Optional

from .base_model import BaseModel
from .fragments import CustomerDetails, LineItem


class SessionDetails(BaseModel):
    session: Optional["SessionDetailsSession"]


class SessionDetailsSession(BaseModel):
    id: Optional[str]
    cart: Optional["SessionDetailsSessionCart"]
    customer: Optional["SessionDetailsSessionCustomer"]
    segments: Optional[list[Optional["SessionDetailsSessionSegments"]]]


class SessionDetailsSessionCart(BaseModel):
    items: Optional[list[Optional["SessionDetailsSessionCartItems"]]]


SessionDetailsSessionCartItems = LineItem
SessionDetailsSessionCustomer = CustomerDetails


class SessionDetailsSessionSegments(BaseModel):
    id: Optional[str]
    name: Optional[str]


SessionDetails.model_rebuild()
SessionDetailsSession.model_rebuild()
SessionDetailsSessionCart.model_rebuild()
