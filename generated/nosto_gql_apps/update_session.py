from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InteractionEventType
from .fragments import CustomerDetails, LineItem


class UpdateSession(BaseModel):
    update_session: Optional["UpdateSessionUpdateSession"] = Field(
        alias="updateSession", default=None
    )


class UpdateSessionUpdateSession(BaseModel):
    id: Optional[str] = Field(default=None)
    cart: Optional["UpdateSessionUpdateSessionCart"] = Field(default=None)
    customer: Optional["UpdateSessionUpdateSessionCustomer"] = Field(default=None)
    events: Optional[list[Optional["UpdateSessionUpdateSessionEvents"]]] = Field(
        default=None
    )


class UpdateSessionUpdateSessionCart(BaseModel):
    items: Optional[list[Optional["UpdateSessionUpdateSessionCartItems"]]] = Field(
        default=None
    )


UpdateSessionUpdateSessionCartItems = LineItem
UpdateSessionUpdateSessionCustomer = CustomerDetails


class UpdateSessionUpdateSessionEvents(BaseModel):
    type_: Optional[InteractionEventType] = Field(alias="type", default=None)
    target: Optional[str] = Field(default=None)


UpdateSession.model_rebuild()
UpdateSessionUpdateSession.model_rebuild()
UpdateSessionUpdateSessionCart.model_rebuild()
