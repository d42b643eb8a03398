from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class CategoryDetails(BaseModel):
    id: Optional[str] = Field(default=None)
    name: Optional[str] = Field(default=None)
    parent_id: Optional[str] = Field(alias="parentId", default=None)
    url_path: Optional[str] = Field(alias="urlPath", default=None)
    full_name: Optional[str] = Field(alias="fullName", default=None)
    available: Optional[bool] = Field(default=None)


class CustomerDetails(BaseModel):
    customer_reference: Optional[str] = Field(alias="customerReference", default=None)
    email: Optional[str] = Field(default=None)
    first_name: Optional[str] = Field(alias="firstName", default=None)
    last_name: Optional[str] = Field(alias="lastName", default=None)
    marketing_permission: Optional[bool] = Field(
        alias="marketingPermission", default=None
    )


class IdentityDetails(BaseModel):
    email: Optional[str] = Field(default=None)
    attributes: Optional[list[Optional["IdentityDetailsAttributes"]]] = Field(
        default=None
    )


class IdentityDetailsAttributes(BaseModel):
    name: Optional[str] = Field(default=None)
    value: Optional[str] = Field(default=None)


class LineItem(BaseModel):
    product_id: Optional[str] = Field(alias="productId", default=None)
    sku_id: Optional[str] = Field(alias="skuId", default=None)
    name: Optional[str] = Field(default=None)
    unit_price: Optional[float] = Field(alias="unitPrice", default=None)
    price_currency_code: Optional[str] = Field(alias="priceCurrencyCode", default=None)
    quantity: Optional[int] = Field(default=None)


class ProductSummary(BaseModel):
    product_id: Optional[str] = Field(alias="productId", default=None)
    name: Optional[str] = Field(default=None)
    url: Optional[str] = Field(default=None)
    image_url: Optional[str] = Field(alias="imageUrl", default=None)
    price: Optional[float] = Field(default=None)
    list_price: Optional[float] = Field(alias="listPrice", default=None)
    currency_code: Optional[str] = Field(alias="currencyCode", default=None)
    price_text: Optional[str] = Field(alias="priceText", default=None)
    availability: Optional[str] = Field(default=None)
    brand: Optional[str] = Field(default=None)
    categories: Optional[list[Optional[str]]] = Field(default=None)


class MerchandisingPage(BaseModel):
    result_id: Optional[str] = Field(alias="resultId", default=None)
    batch_token: Optional[str] = Field(alias="batchToken", default=None)
    total_primary_count: Optional[int] = Field(alias="totalPrimaryCount", default=None)
    primary: Optional[list[Optional["MerchandisingPagePrimary"]]] = Field(default=None)


class MerchandisingPagePrimary(ProductSummary):
    pass


class OrderDetails(BaseModel):
    number: Optional[str] = Field(default=None)
    reference: Optional[str] = Field(default=None)
    items: Optional[list[Optional["OrderDetailsItems"]]] = Field(default=None)
    statuses: Optional[list[Optional["OrderDetailsStatuses"]]] = Field(default=None)


class OrderDetailsItems(LineItem):
    pass


class OrderDetailsStatuses(BaseModel):
    date: Optional[str] = Field(default=None)
    order_status: Optional[str] = Field(alias="orderStatus", default=None)
    payment_provider: Optional[str] = Field(alias="paymentProvider", default=None)


class RecommendationSlot(BaseModel):
    result_id: Optional[str] = Field(alias="resultId", default=None)
    result_title: Optional[str] = Field(alias="resultTitle", default=None)
    div_id: Optional[str] = Field(alias="divId", default=None)
    total_primary_count: Optional[int] = Field(alias="totalPrimaryCount", default=None)
    primary: Optional[list[Optional["RecommendationSlotPrimary"]]] = Field(default=None)


class RecommendationSlotPrimary(ProductSummary):
    pass


class ValidationProblem(BaseModel):
    field: Optional[str] = Field(default=None)
    message: Optional[str] = Field(default=None)


CategoryDetails.model_rebuild()
CustomerDetails.model_rebuild()
IdentityDetails.model_rebuild()
LineItem.model_rebuild()
ProductSummary.model_rebuild()
MerchandisingPage.model_rebuild()
OrderDetails.model_rebuild()
RecommendationSlot.model_rebuild()
ValidationProblem.model_rebuild()
