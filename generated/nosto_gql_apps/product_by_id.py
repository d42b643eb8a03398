from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProductSummary


class ProductById(BaseModel):
    product: Optional["ProductByIdProduct"] = Field(default=None)


class ProductByIdProduct(ProductSummary):
    description: Optional[str] = Field(default=None)
    thumb_url: Optional[str] = Field(alias="thumbUrl", default=None)
    alternate_image_urls: Optional[list[Optional[str]]] = Field(
        alias="alternateImageUrls", default=None
    )
    rating_value: Optional[float] = Field(alias="ratingValue", default=None)
    review_count: Optional[int] = Field(alias="reviewCount", default=None)
    tags_1: Optional[list[Optional[str]]] = Field(alias="tags1", default=None)
    tags_2: Optional[list[Optional[str]]] = Field(alias="tags2", default=None)
    tags_3: Optional[list[Optional[str]]] = Field(alias="tags3", default=None)
    variant_id: Optional[str] = Field(alias="variantId", default=None)
    attributes: Optional[list[Optional["ProductByIdProductAttributes"]]] = Field(
        default=None
    )
    skus: Optional[list[Optional["ProductByIdProductSkus"]]] = Field(default=None)


class ProductByIdProductAttributes(BaseModel):
    key: Optional[str] = Field(default=None)
    value: Optional[str] = Field(default=None)


class ProductByIdProductSkus(BaseModel):
    id: Optional[str] = Field(default=None)
    name: Optional[str] = Field(default=None)
    price: Optional[float] = Field(default=None)
    list_price: Optional[float] = Field(alias="listPrice", default=None)
    availability: Optional[str] = Field(default=None)
    image_url: Optional[str] = Field(alias="imageUrl", default=None)
    url: Optional[str] = Field(default=None)


ProductById.model_rebuild()
ProductByIdProduct.model_rebuild()
