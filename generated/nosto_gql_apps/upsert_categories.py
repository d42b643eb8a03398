from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CategoryDetails, ValidationProblem


class UpsertCategories(BaseModel):
    upsert_categories: Optional["UpsertCategoriesUpsertCategories"] = Field(
        alias="upsertCategories"
    )


class UpsertCategoriesUpsertCategories(BaseModel):
    category_result: Optional[
        list[Optional["UpsertCategoriesUpsertCategoriesCategoryResult"]]
    ] = Field(alias="categoryResult")


class UpsertCategoriesUpsertCategoriesCategoryResult(BaseModel):
    errors: Optional[
        list[Optional["UpsertCategoriesUpsertCategoriesCategoryResultErrors"]]
    ]
    category: Optional["UpsertCategoriesUpsertCategoriesCategoryResultCategory"]


UpsertCategoriesUpsertCategoriesCategoryResultErrors = ValidationProblem
UpsertCategoriesUpsertCategoriesCategoryResultCategory = CategoryDetails
UpsertCategories.model_rebuild()
UpsertCategoriesUpsertCategories.model_rebuild()
UpsertCategoriesUpsertCategoriesCategoryResult.model_rebuild()
