from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MerchandisingPage


class CategoryMerchandising(BaseModel):
    session: Optional["CategoryMerchandisingSession"] = Field(default=None)


class CategoryMerchandisingSession(BaseModel):
    id: Optional[str] = Field(default=None)
    recos: Optional["CategoryMerchandisingSessionRecos"] = Field(default=None)


class CategoryMerchandisingSessionRecos(BaseModel):
    category: Optional["CategoryMerchandisingSessionRecosCategory"] = Field(
        default=None
    )


CategoryMerchandisingSessionRecosCategory = MerchandisingPage
CategoryMerchandising.model_rebuild()
CategoryMerchandisingSession.model_rebuild()
CategoryMerchandisingSessionRecos.model_rebuild()
