from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProductSummary


class ListProducts(BaseModel):
    products: Optional["ListProductsProducts"] = Field(default=None)


class ListProductsProducts(BaseModel):
    products: Optional[list[Optional["ListProductsProductsProducts"]]] = Field(
        default=None
    )


ListProductsProductsProducts = ProductSummary
ListProducts.model_rebuild()
ListProductsProducts.model_rebuild()
