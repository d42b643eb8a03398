from typing import Optional

from pydantic import Field

from .base_model import BaseModel


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


class RecommendationSlot(BaseModel):
    result_id: Optional[str] = Field(alias="resultId")
    result_title: Optional[str] = Field(alias="resultTitle")
    div_id: Optional[str] = Field(alias="divId")
    total_primary_count: Optional[int] = Field(alias="totalPrimaryCount")
    primary: Optional[list[Optional["RecommendationSlotPrimary"]]]


class RecommendationSlotPrimary(ProductSummary):
    pass


ProductSummary.model_rebuild()
RecommendationSlot.model_rebuild()
