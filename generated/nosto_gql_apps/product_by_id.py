from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProductSummary


class ProductById(BaseModel):
    product: Optional["ProductByIdProduct"]


class ProductByIdProduct(ProductSummary):
    description: Optional[str]
    thumb_url: Optional[str] = Field(alias="thumbUrl")
    alternate_image_urls: Optional[list[Optional[str]]] = Field(
        alias="alternateImageUrls"
    )
    rating_value: Optional[float] = Field(alias="ratingValue")
    review_count: Optional[int] = Field(alias="reviewCount")
    tags_1: Optional[list[Optional[str]]] = Field(alias="tags1")
    tags_2: Optional[list[Optional[str]]] = Field(alias="tags2")
    tags_3: Optional[list[Optional[str]]] = Field(alias="tags3")
    variant_id: Optional[str] = Field(alias="variantId")
    attributes: Optional[list[Optional["ProductByIdProductAttributes"]]]
    skus: Optional[list[Optional["ProductByIdProductSkus"]]]


class ProductByIdProductAttributes(BaseModel):
    key: Optional[str]
    value: Optional[str]


class ProductByIdProductSkus(BaseModel):
    id: Optional[str]
    name: Optional[str]
    price: Optional[float]
    list_price: Optional[float] = Field(alias="listPrice")
    availability: Optional[str]
    image_url: Optional[str] = Field(alias="imageUrl")
    url: Optional[str]


ProductById.model_rebuild()
ProductByIdProduct.model_rebuild()
