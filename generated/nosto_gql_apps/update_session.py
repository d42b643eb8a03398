from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InteractionEventType
from .fragments import CustomerDetails, LineItem


class UpdateSession(BaseModel):
    update_session: Optional["UpdateSessionUpdateSession"] = Field(
        alias="updateSession"
    )


class UpdateSessionUpdateSession(BaseModel):
    id: Optional[str]
    cart: Optional["UpdateSessionUpdateSessionCart"]
    customer: Optional["UpdateSessionUpdateSessionCustomer"]
    events: Optional[list[Optional["UpdateSessionUpdateSessionEvents"]]]


class UpdateSessionUpdateSessionCart(BaseModel):
    items: Optional[list[Optional["UpdateSessionUpdateSessionCartItems"]]]


UpdateSessionUpdateSessionCartItems = LineItem
UpdateSessionUpdateSessionCustomer = CustomerDetails


class UpdateSessionUpdateSessionEvents(BaseModel):
    type_: Optional[InteractionEventType] = Field(alias="type")
    target: Optional[str]


UpdateSession.model_rebuild()
UpdateSessionUpdateSession.model_rebuild()
UpdateSessionUpdateSessionCart.model_rebuild()
