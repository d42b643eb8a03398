from typing import Optional

from .base_model import BaseModel
from .fragments import ProductSummary


class ListProducts(BaseModel):
    products: Optional["ListProductsProducts"]


class ListProductsProducts(BaseModel):
    products: Optional[list[Optional["ListProductsProductsProducts"]]]


ListProductsProductsProducts = ProductSummary
ListProducts.model_rebuild()
ListProductsProducts.model_rebuild()
