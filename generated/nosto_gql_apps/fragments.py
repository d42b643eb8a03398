from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class CategoryDetails(BaseModel):
    id: Optional[str]
    name: Optional[str]
    parent_id: Optional[str] = Field(alias="parentId")
    url_path: Optional[str] = Field(alias="urlPath")
    full_name: Optional[str] = Field(alias="fullName")
    available: Optional[bool]


class CustomerDetails(BaseModel):
    customer_reference: Optional[str] = Field(alias="customerReference")
    email: Optional[str]
    first_name: Optional[str] = Field(alias="firstName")
    last_name: Optional[str] = Field(alias="lastName")
    marketing_permission: Optional[bool] = Field(alias="marketingPermission")


class IdentityDetails(BaseModel):
    email: Optional[str]
    attributes: Optional[list[Optional["IdentityDetailsAttributes"]]]


class IdentityDetailsAttributes(BaseModel):
    name: Optional[str]
    value: Optional[str]


class LineItem(BaseModel):
    product_id: Optional[str] = Field(alias="productId")
    sku_id: Optional[str] = Field(alias="skuId")
    name: Optional[str]
    unit_price: Optional[float] = Field(alias="unitPrice")
    price_currency_code: Optional[str] = Field(alias="priceCurrencyCode")
    quantity: Optional[int]


class ProductSummary(BaseModel):
    product_id: Optional[str] = Field(alias="productId")
    name: Optional[str]
    url: Optional[str]
    image_url: Optional[str] = Field(alias="imageUrl")
    price: Optional[float]
    list_price: Optional[float] = Field(alias="listPrice")
    currency_code: Optional[str] = Field(alias="currencyCode")
    price_text: Optional[str] = Field(alias="priceText")
    availability: Optional[str]
    brand: Optional[str]
    categories: Optional[list[Optional[str]]]


class MerchandisingPage(BaseModel):
    result_id: Optional[str] = Field(alias="resultId")
    batch_token: Optional[str] = Field(alias="batchToken")
    total_primary_count: Optional[int] = Field(alias="totalPrimaryCount")
    primary: Optional[list[Optional["MerchandisingPagePrimary"]]]


class MerchandisingPagePrimary(ProductSummary):
    pass


class OrderDetails(BaseModel):
    number: Optional[str]
    reference: Optional[str]
    items: Optional[list[Optional["OrderDetailsItems"]]]
    statuses: Optional[list[Optional["OrderDetailsStatuses"]]]


class OrderDetailsItems(LineItem):
    pass


class OrderDetailsStatuses(BaseModel):
    date: Optional[str]
    order_status: Optional[str] = Field(alias="orderStatus")
    payment_provider: Optional[str] = Field(alias="paymentProvider")


class RecommendationSlot(BaseModel):
    result_id: Optional[str] = Field(alias="resultId")
    result_title: Optional[str] = Field(alias="resultTitle")
    div_id: Optional[str] = Field(alias="divId")
    total_primary_count: Optional[int] = Field(alias="totalPrimaryCount")
    primary: Optional[list[Optional["RecommendationSlotPrimary"]]]


class RecommendationSlotPrimary(ProductSummary):
    pass


class ValidationProblem(BaseModel):
    field: Optional[str]
    message: Optional[str]


CategoryDetails.model_rebuild()
CustomerDetails.model_rebuild()
IdentityDetails.model_rebuild()
LineItem.model_rebuild()
ProductSummary.model_rebuild()
MerchandisingPage.model_rebuild()
OrderDetails.model_rebuild()
RecommendationSlot.model_rebuild()
ValidationProblem.model_rebuild()
