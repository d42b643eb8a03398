from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProductSummary, ValidationProblem


class UpdateProducts(BaseModel):
    update_products: Optional["UpdateProductsUpdateProducts"] = Field(
        alias="updateProducts"
    )


class UpdateProductsUpdateProducts(BaseModel):
    result: Optional[list[Optional["UpdateProductsUpdateProductsResult"]]]


class UpdateProductsUpdateProductsResult(BaseModel):
    errors: Optional[list[Optional["UpdateProductsUpdateProductsResultErrors"]]]
    data: Optional["UpdateProductsUpdateProductsResultData"]


UpdateProductsUpdateProductsResultErrors = ValidationProblem
UpdateProductsUpdateProductsResultData = ProductSummary
UpdateProducts.model_rebuild()
UpdateProductsUpdateProducts.model_rebuild()
UpdateProductsUpdateProductsResult.model_rebuild()
