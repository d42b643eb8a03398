from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InteractionEventType


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


class UpdateSessionUpdateSessionCartItems(BaseModel):
    product_id: Optional[str] = Field(alias="productId")
    sku_id: Optional[str] = Field(alias="skuId")
    name: Optional[str]
    unit_price: Optional[float] = Field(alias="unitPrice")
    price_currency_code: Optional[str] = Field(alias="priceCurrencyCode")
    quantity: Optional[int]


class UpdateSessionUpdateSessionCustomer(BaseModel):
    customer_reference: Optional[str] = Field(alias="customerReference")
    email: Optional[str]
    first_name: Optional[str] = Field(alias="firstName")
    last_name: Optional[str] = Field(alias="lastName")
    marketing_permission: Optional[bool] = Field(alias="marketingPermission")


class UpdateSessionUpdateSessionEvents(BaseModel):
    type_: Optional[InteractionEventType] = Field(alias="type")
    target: Optional[str]


UpdateSession.model_rebuild()
UpdateSessionUpdateSession.model_rebuild()
UpdateSessionUpdateSessionCart.model_rebuild()
